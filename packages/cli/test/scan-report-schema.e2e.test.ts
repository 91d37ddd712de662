import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/schemas/scan-report.schema.json'), 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe.skipIf(!cliBuilt)('pqready scan --format json matches packages/cli/schemas/scan-report.schema.json', () => {
  it('for the demo device and for a tree of hostile input', () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'pqready-schema-'));
    writeFileSync(path.join(bad, 'x.pem'), '-----BEGIN PRIVATE KEY-----\n%%%\n');
    writeFileSync(path.join(bad, 'y.der'), Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]));
    const validate = validator();
    for (const target of [path.join(repoRoot, 'fixtures/demo-device'), bad]) {
      const r = runCli(['scan', target, '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(validate(report), JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
    }
  });

  it('rejects a report that breaks the contract (the schema is not vacuous)', () => {
    const validate = validator();
    const report = JSON.parse(runCli(['scan', path.join(repoRoot, 'fixtures/demo-device'), '--format', 'json']).stdout);
    report.findings[0].verdict.quantum = 'maybe';
    expect(validate(report)).toBe(false);
  });

  it('holds the gate, suppressions and third-party marks of --json', () => {
    const validate = validator();
    const tree = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-schema-')), 'tree');
    cpSync(path.join(repoRoot, 'fixtures/demo-device'), tree, { recursive: true });
    const c = path.join(tree, 'firmware/src/tls_client.c');
    writeFileSync(
      c,
      readFileSync(c, 'utf8').replace(
        '    return mbedtls_rsa_gen_key(',
        '    // pqready-ignore rsa -- test\n    return mbedtls_rsa_gen_key(',
      ),
    );
    writeFileSync(path.join(tree, '.pqreadyignore'), 'radio/\n');
    const base = path.join(path.dirname(tree), 'base.json');
    runCli(['scan', tree, '-o', base]);
    const r = runCli([
      'scan',
      tree,
      '--json',
      '--fail-on',
      'broken',
      '--third-party',
      'bootloader/',
      '--baseline',
      base,
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.gate.baseline).toMatchObject({ new: 0 });
    expect(report.findings.some((f: { suppression?: unknown }) => f.suppression)).toBe(true);
    expect(report.findings.some((f: { thirdParty?: boolean }) => f.thirdParty)).toBe(true);
    expect(report.stats.pathsIgnored).toBe(1);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
  });
});

describe.skipIf(!cliBuilt)('pqready diff --json matches packages/cli/schemas/diff.schema.json', () => {
  it('for a diff with added, removed and changed entries', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/schemas/diff.schema.json'), 'utf8')),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-diff-schema-'));
    const tree = path.join(dir, 'tree');
    cpSync(path.join(repoRoot, 'fixtures/demo-device'), tree, { recursive: true });
    runCli(['scan', tree, '-o', path.join(dir, 'a.cdx.json')]);
    const nginx = path.join(tree, 'gateway/nginx.conf');
    writeFileSync(nginx, readFileSync(nginx, 'utf8').replace('X25519:prime256v1', 'X25519MLKEM768'));
    writeFileSync(path.join(tree, 'pki/ca-cert.pem'), '');
    writeFileSync(path.join(tree, 'extra.c'), 'void f(void) { mbedtls_md5(0, 0, 0); }\n');
    runCli(['scan', tree, '-o', path.join(dir, 'b.cdx.json')]);
    const r = runCli([
      'diff',
      path.join(dir, 'a.cdx.json'),
      path.join(dir, 'b.cdx.json'),
      '--json',
      '--fail-on',
      'any',
    ]);
    expect(r.status).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(d.added.length && d.removed.length && d.changed.length).toBeGreaterThan(0);
    expect(validate(d), JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
  });
});
