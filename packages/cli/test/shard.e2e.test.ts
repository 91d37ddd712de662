/**
 * `scan --shard i/n` + `merge` through the built CLI: on a tree of several top-level units (C with its configuration
 * in another unit, certificates and keys, server configurations naming them, suppressions inline and configured),
 * the merged CycloneDX, JSON and SARIF are the single run's bytes for n = 1, 2, 3; every bad input exits 2 and
 * writes nothing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { redactSnippet, validateCycloneDx } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

function fleet(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pqready-shard-e2e-'));
  cpSync(path.join(repoRoot, 'fixtures/demo-device'), dir, { recursive: true });
  cpSync(path.join(repoRoot, 'fixtures/c/mbedtls'), path.join(dir, 'vendor-mbedtls'), { recursive: true });
  cpSync(path.join(repoRoot, 'fixtures/configs/nginx'), path.join(dir, 'nginx'), { recursive: true });
  cpSync(path.join(repoRoot, 'packages/cli/test/fixtures/hardcoded-keys'), path.join(dir, 'keys-in-code'), {
    recursive: true,
  });
  mkdirSync(path.join(dir, 'app/src'), { recursive: true });
  writeFileSync(
    path.join(dir, 'app/src/main.c'),
    [
      '#include "../../firmware/include/mbedtls_config.h"',
      '#include <mbedtls/rsa.h>',
      '/* pqready-ignore rsa -- replaced in the next hardware revision */',
      'void f(mbedtls_rsa_context *c) { mbedtls_rsa_init(c); }',
      '/* pqready-ignore md5 -- matches nothing here */',
      'void g(void) {}',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'pqready.config.yaml'),
    [
      'third-party:',
      '  - vendor-mbedtls/**',
      'suppress:',
      '  - paths: pki/ca-cert.pem',
      '    ids: [rsa]',
      '    reason: root CA of the lab, replaced at manufacturing',
      '  - paths: nowhere/**',
      '    ids: [rsa]',
      '    reason: matches nothing',
    ].join('\n'),
  );
  return dir;
}

describe.skipIf(!cliBuilt)('scan --shard and merge', () => {
  const tree = fleet();
  const out = mkdtempSync(path.join(tmpdir(), 'pqready-shard-out-'));
  const at = (name: string) => path.join(out, name);
  const scanTo = (file: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) => {
    const r = runCli(['scan', tree, '-q', '-o', file, ...extra], env);
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(file, 'utf8');
  };
  const written = new Map<string, string[]>();
  /** The n parts of one split, scanned once. */
  const parts = (n: number, ext: string) => {
    const key = `${n}.${ext}`;
    if (!written.has(key)) {
      written.set(
        key,
        Array.from({ length: n }, (_, i) => {
          const file = at(`n${n}-${i + 1}.${ext}`);
          scanTo(file, ['--shard', `${i + 1}/${n}`]);
          return file;
        }),
      );
    }
    return written.get(key)!;
  };
  /** oclif wraps an error message over lines prefixed with `›`. */
  const flat = (text: string) => text.replace(/\s*›\s*/g, ' ').replace(/\s+/g, ' ');
  const single = {
    cdx: scanTo(at('single.cdx.json')),
    json: scanTo(at('single.json')),
    sarif: scanTo(at('single.sarif')),
  };

  it('scans enough for the comparison to mean something', () => {
    const report = JSON.parse(single.json);
    expect(report.findings.length).toBeGreaterThan(50);
    expect(new Set(report.findings.map((f: { kind: string }) => f.kind)).size).toBe(4);
    expect(report.findings.some((f: { suppression?: unknown }) => f.suppression)).toBe(true);
    expect(report.findings.some((f: { thirdParty?: boolean }) => f.thirdParty)).toBe(true);
    const unused = report.diagnostics.filter((d: { code: string }) => d.code === 'suppression-unused');
    expect(unused.length).toBeGreaterThanOrEqual(2);
  });

  it.each([1, 2, 3])('merges n = %i CycloneDX parts into the single run’s CycloneDX, JSON and SARIF', (n) => {
    const files = parts(n, 'cdx.json');
    for (const [ext, expected] of Object.entries(single)) {
      const target = at(`merged-${n}.${ext === 'cdx' ? 'cdx.json' : ext}`);
      const r = runCli(['merge', ...files.slice().reverse(), '-o', target]);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(target, 'utf8') === expected, `${ext} differs for n=${n}`).toBe(true);
    }
  });

  it('merges JSON parts, and writes CycloneDX to standard output by default', () => {
    const files = parts(2, 'json');
    const r = runCli(['merge', ...files]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout === single.cdx).toBe(true);
  });

  it('marks each part and keeps its CBOM valid CycloneDX; snippets in the record are the report’s', () => {
    const [first] = parts(2, 'cdx.json');
    const bom = JSON.parse(readFileSync(first!, 'utf8'));
    expect(validateCycloneDx(bom, '1.6')).toEqual([]);
    const shardProp = bom.metadata.properties.find((p: { name: string }) => p.name === 'pqready:shard');
    expect(shardProp.value).toBe('1/2');
    // The record carries no snippet that the redaction would still change: nothing the JSON report hides.
    const findings = bom.properties
      .filter((p: { name: string }) => p.name === 'pqready:shard-finding')
      .map((p: { value: string }) => JSON.parse(p.value));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings)
      if (f.evidence.snippet) expect(redactSnippet(f.evidence.snippet)).toBe(f.evidence.snippet);
    const record = JSON.parse(bom.properties.find((p: { name: string }) => p.name === 'pqready:shard-record').value);
    expect(record.shard).toEqual({ index: 1, count: 2 });
  });

  describe('refuses bad shard values and formats (exit 2)', () => {
    it.each(['0/2', '3/2', '2', 'x/y', '1/0'])('--shard %s', (value) => {
      const r = runCli(['scan', tree, '--shard', value, '-o', at('bad.cdx.json')]);
      expect(r.status).toBe(2);
      expect(flat(r.stderr)).toMatch(/--shard/);
      expect(existsSync(at('bad.cdx.json'))).toBe(false);
    });
    it('--shard with a format merge cannot read', () => {
      const r = runCli(['scan', tree, '--shard', '1/2', '-f', 'markdown']);
      expect(r.status).toBe(2);
      expect(flat(r.stderr)).toMatch(/CycloneDX or JSON/);
    });
  });

  describe('refuses bad input to merge (exit 2, nothing written)', () => {
    const two = () => parts(2, 'cdx.json');
    const refuse = (args: string[], message: RegExp) => {
      const target = at('never.cdx.json');
      const r = runCli(['merge', ...args, '-o', target]);
      expect(r.status, r.stdout).toBe(2);
      expect(flat(r.stderr)).toMatch(message);
      expect(existsSync(target)).toBe(false);
    };
    it('a missing file', () =>
      refuse([two()[0]!, at('nope.cdx.json')], /Cannot read .*nope\.cdx\.json \(no such file\)/));
    it('a file that is not JSON', () => {
      writeFileSync(at('text.json'), 'not json');
      refuse([at('text.json')], /is not JSON/);
    });
    it('a CBOM without a shard record', () => refuse([at('single.cdx.json')], /without a pqready shard record/));
    it('a JSON report without a shard record', () => refuse([at('single.json')], /not a pqready shard/));
    it('a part twice', () => {
      const [a] = two();
      refuse([a!, a!], /are both shard 1\/2/);
    });
    it('a part missing', () => refuse([two()[1]!], /Shard 1\/2 missing/));
    it('parts of different splits', () => refuse([two()[0]!, parts(3, 'cdx.json')[1]!], /parts of different splits/));
    it('parts of different scan times', () => {
      const [a] = two();
      const b = at('late-2.cdx.json');
      scanTo(b, ['--shard', '2/2'], { SOURCE_DATE_EPOCH: '1800000000' });
      refuse([a!, b], /different runs: their scan times differ/);
    });
    it('parts of different settings', () => {
      const [a] = two();
      const b = at('define-2.cdx.json');
      scanTo(b, ['--shard', '2/2', '--define', 'MBEDTLS_RSA_C']);
      refuse([a!, b], /different runs: their settings/);
    });
    it('an output that is one of the parts', () => {
      const [a, b] = two();
      const r = runCli(['merge', a!, b!, '-o', b!]);
      expect(r.status).toBe(2);
      expect(flat(r.stderr)).toMatch(/one of the parts/);
    });
  });
});
