/**
 * OpenSSL parity over every fixture of the repository: whatever the `openssl` command line can parse (as a
 * certificate, request, CRL, PKCS #7 bundle, public key, private key or domain parameters, PEM or DER), a scan
 * decodes too, into a finding of that kind from that file. OpenSSL reads the first PEM block of a file; a
 * scan reads them all, so the scan must hold at least one object of each kind OpenSSL accepted.
 * Skipped when no `openssl` is on the PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { scan } from '../runner/scan.js';
import { rootNames } from '../runner/walk.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const detectorsDir = path.resolve(import.meta.dirname, '../detectors');
const roots = [path.join(repoRoot, 'fixtures'), detectorsDir].filter((p) => existsSync(p));
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

type Kind = 'certificate' | 'csr' | 'crl' | 'pkcs7' | 'public-key' | 'private-key' | 'parameters';

/** `openssl` sub-commands that parse one object and print nothing (`-noout`), by what they parse. */
const PROBES: readonly { readonly kind: Kind; readonly args: readonly string[]; readonly der: boolean }[] = [
  { kind: 'certificate', args: ['x509', '-noout'], der: true },
  { kind: 'csr', args: ['req', '-noout'], der: true },
  { kind: 'crl', args: ['crl', '-noout'], der: true },
  { kind: 'pkcs7', args: ['pkcs7', '-noout'], der: true },
  { kind: 'public-key', args: ['pkey', '-pubin', '-noout'], der: true },
  // An empty password: encrypted keys stay unread by OpenSSL, so they are not asked of the scan either.
  { kind: 'private-key', args: ['pkey', '-noout', '-passin', 'pass:'], der: true },
  { kind: 'parameters', args: ['pkeyparam', '-noout'], der: false },
  { kind: 'parameters', args: ['dhparam', '-noout'], der: true },
  { kind: 'parameters', args: ['dsaparam', '-noout'], der: true },
  { kind: 'parameters', args: ['ecparam', '-noout'], der: true },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    const st = statSync(p);
    return st.isDirectory() ? files(p) : st.isFile() ? [p] : [];
  });
}

/** Files OpenSSL could possibly read: a PEM marker somewhere, or a DER SEQUENCE / OID at the start. */
function candidates(): string[] {
  const fixtureDirs = [
    path.join(repoRoot, 'fixtures'),
    ...readdirSync(detectorsDir).map((d) => path.join(detectorsDir, d, 'fixtures')),
  ].filter((d) => existsSync(d));
  return fixtureDirs.flatMap(files).filter((f) => {
    const bytes = readFileSync(f);
    return bytes.includes('-----BEGIN') || bytes[0] === 0x30 || bytes[0] === 0x06;
  });
}

function opensslReads(file: string): Set<Kind> {
  const kinds = new Set<Kind>();
  for (const probe of PROBES) {
    for (const inform of probe.der ? ['PEM', 'DER'] : ['PEM']) {
      const r = spawnSync('openssl', [...probe.args, '-inform', inform, '-in', file], {
        stdio: 'ignore',
        timeout: 10_000,
      });
      if (r.status === 0) kinds.add(probe.kind);
    }
  }
  return kinds;
}

function scanHolds(kind: Kind, findings: readonly Finding[]): boolean {
  return findings.some((f) => {
    if (f.kind === 'certificate') {
      return kind === 'pkcs7' || f.certificate.type === kind;
    }
    if (f.kind !== 'key') return false;
    // OpenSSL 3's decoders take bare DER DH parameters for a key with parameters only (`pkey -pubin`).
    if (kind === 'public-key') return f.key.keyType === 'public' || f.key.keyType === 'parameters';
    if (kind === 'private-key') return f.key.keyType === 'private';
    return kind === 'parameters' && f.key.keyType === 'parameters';
  });
}

describe.skipIf(!hasOpenssl)('OpenSSL parity over every fixture', () => {
  it('decodes every object the openssl command line can parse', async () => {
    const inventory = await scan({ roots, scanTime: new Date('2026-06-01T00:00:00Z'), options: { jobs: 1 } });
    const names = rootNames(roots);
    const byPath = new Map<string, Finding[]>();
    for (const f of inventory.findings) byPath.set(f.evidence.path, [...(byPath.get(f.evidence.path) ?? []), f]);
    const displayPath = (file: string): string => {
      const i = roots.findIndex((r) => file.startsWith(`${r}${path.sep}`));
      return `${names[i]}/${path.relative(roots[i]!, file).split(path.sep).join('/')}`;
    };

    const missing: string[] = [];
    let parsed = 0;
    for (const file of candidates()) {
      const kinds = opensslReads(file);
      if (kinds.size > 0) parsed += 1;
      const findings = byPath.get(displayPath(file)) ?? [];
      for (const kind of kinds) if (!scanHolds(kind, findings)) missing.push(`${displayPath(file)}: ${kind}`);
    }
    expect(missing).toEqual([]);
    // The corpus holds every kind, so the comparison is not vacuous.
    expect(parsed).toBeGreaterThanOrEqual(15);
  });
});
