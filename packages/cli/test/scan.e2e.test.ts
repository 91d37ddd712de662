import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateCycloneDx } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const demo = path.join(repoRoot, 'fixtures/demo-device');

/** Every base64 line of the demo's private key PEM: none may appear in any output. */
function privateKeyFragments(): string[] {
  const pem = readFileSync(path.join(demo, 'pki/device-key.pem'), 'utf8');
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
  const der = Buffer.from(body.join(''), 'base64');
  // SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING (32-byte private scalar) … }; the scalar starts at byte 7.
  const scalar = der.subarray(7, 7 + 32);
  return [...body.map((l) => l.slice(0, 24)), scalar.toString('hex'), scalar.toString('base64')];
}

describe.skipIf(!cliBuilt)('pqready scan (built CLI, end to end)', () => {
  it('writes a schema-valid CycloneDX 1.6 CBOM of the demo device, atomically, with no private key bytes', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-e2e-')), 'out.cdx.json');
    const r = runCli(['scan', demo, '--format', 'cyclonedx', '--output', out]);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    const bom = JSON.parse(text);
    expect(validateCycloneDx(bom, '1.6')).toEqual([]);
    expect(bom.specVersion).toBe('1.6');
    const names: string[] = bom.components.map((c: { name: string }) => c.name);
    expect(names.some((n) => /ECDSA|EC-P256/.test(n))).toBe(true);
    expect(
      bom.components.some(
        (c: { cryptoProperties?: { assetType: string } }) => c.cryptoProperties?.assetType === 'certificate',
      ),
    ).toBe(true);
    for (const fragment of privateKeyFragments()) expect(text).not.toContain(fragment);
    expect(readdirSync(path.dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('links each TLS configuration to the certificate and key files it names', () => {
    const r = runCli(['scan', demo, '--format', 'cyclonedx']);
    expect(r.status, r.stderr).toBe(0);
    type Component = {
      'bom-ref': string;
      evidence?: { occurrences?: { location: string }[] };
      cryptoProperties?: { assetType: string; protocolProperties?: { cryptoRefArray?: string[] } };
    };
    const components: Component[] = JSON.parse(r.stdout).components;
    const at = (file: string) => components.filter((c) => c.evidence?.occurrences?.some((o) => o.location === file));
    const nginx = at('gateway/nginx.conf').find((c) => c.cryptoProperties?.assetType === 'protocol');
    const refs = nginx?.cryptoProperties?.protocolProperties?.cryptoRefArray ?? [];
    const cert = at('pki/device-cert.pem').find((c) => c.cryptoProperties?.assetType === 'certificate');
    const key = at('pki/device-key.pem').find((c) => c.cryptoProperties?.assetType === 'related-crypto-material');
    expect(cert && key).toBeTruthy();
    expect(refs).toContain(cert!['bom-ref']);
    expect(refs).toContain(key!['bom-ref']);
  });

  it('is byte-for-byte reproducible under SOURCE_DATE_EPOCH, for every format', () => {
    for (const format of ['cyclonedx', 'json', 'markdown', 'table']) {
      const a = runCli(['scan', demo, '--format', format]);
      const b = runCli(['scan', demo, '--format', format]);
      expect(a.status, a.stderr).toBe(0);
      expect(b.stdout).toBe(a.stdout);
      expect(a.stdout.length).toBeGreaterThan(100);
    }
  });

  it('validates as CycloneDX 1.7 when asked', () => {
    const r = runCli(['scan', demo, '--format', 'cyclonedx', '--spec-version', '1.7']);
    expect(r.status, r.stderr).toBe(0);
    expect(validateCycloneDx(JSON.parse(r.stdout), '1.7')).toEqual([]);
  });

  it('reports bad input as diagnostics, exits 0, and 1 only with --strict', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-bad-'));
    writeFileSync(
      path.join(dir, 'broken.pem'),
      '-----BEGIN CERTIFICATE-----\nMIIB!!!garbage\n-----END CERTIFICATE-----\n',
    );
    writeFileSync(path.join(dir, 'truncated.der'), Buffer.from([0x30, 0x82, 0x05, 0x00, 0x30, 0x82]));
    writeFileSync(path.join(dir, 'empty.crt'), '');
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const strict = runCli(['scan', dir, '--format', 'json', '--strict']);
    expect(strict.status).toBe(1);
  });

  it('rejects an unknown policy with one sentence and exit code 2', () => {
    const r = runCli(['scan', demo, '--policy', 'no-such-policy']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-policy/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists policies without a path, and asks for a path otherwise (exit code 2)', () => {
    const list = runCli(['scan', '--list-policies']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^cnsa-2\.0\t/m);
    expect(list.stdout).toMatch(/\(default\)/);
    const none = runCli(['scan']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/at least one file or directory/);
  });

  it('rejects a malformed SOURCE_DATE_EPOCH with exit code 2', () => {
    const r = runCli(['scan', demo], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SOURCE_DATE_EPOCH/);
  });

  it('never leaves a partial output file when the target directory does not exist', () => {
    const out = path.join(tmpdir(), 'pqready-no-such-dir', 'x', 'out.json');
    const r = runCli(['scan', demo, '--format', 'json', '--output', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Cannot write .*out\.json \(ENOENT\)/);
    expect(existsSync(out)).toBe(false);
  });
});
