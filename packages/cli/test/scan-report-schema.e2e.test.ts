import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
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
});
