import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AlgorithmFinding, CertificateFinding, KeyFinding } from '@pqready/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpensslWorkdir, runDetector } from '../../../test-support/pki.js';
import { pkcs12Bundle } from './index.js';

const fixture = (n: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', n)));
const byKind = <K extends string>(r: { findings: readonly { kind: string }[] }, kind: K) =>
  r.findings.filter((f) => f.kind === kind);

describe('pkcs12-bundle', () => {
  const ossl = new OpensslWorkdir();
  beforeAll(() => {
    ossl.run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'k.pem',
      '-subj',
      '/CN=p12 device',
      '-days',
      '30',
      '-out',
      'c.pem',
    );
  });
  afterAll(() => ossl.dispose());

  it('OpenSSL 3 default: MAC SHA-256, PBES2/AES-256-CBC safe and shrouded key', async () => {
    ossl.run('pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-passout', 'pass:pw', '-out', 'default.p12');
    const r = await runDetector(pkcs12Bundle, 'store/device.pfx', ossl.read('default.p12'));
    expect(r.diagnostics).toEqual([]);
    const prot = byKind(r, 'algorithm') as AlgorithmFinding[];
    expect(prot.map((f) => [f.role, f.evidence.snippet, f.algorithm.id, f.properties?.use])).toEqual([
      ['protection', 'PKCS#12 MAC', 'hmac', 'pkcs12-integrity-mac'],
      ['protection', 'PKCS#12 encrypted safe', 'pbes2', 'pkcs12-encrypted-safe'],
    ]);
    expect(prot[0]?.algorithm.hash).toBe('sha-256');
    expect(prot[0]?.properties?.macIterations).toBe('2048');
    const [key] = byKind(r, 'key') as KeyFinding[];
    expect(key?.key).toMatchObject({
      keyType: 'private',
      format: 'PKCS#12 EncryptedPKCS#8',
      protection: { id: 'pbes2' },
    });
    expect(byKind(r, 'certificate')).toEqual([]);
  });

  it('legacy PBEs (RC2/3DES, SHA-1 MAC) and unencrypted certificates decoded fully', async () => {
    ossl.run(
      'pkcs12',
      '-export',
      '-legacy',
      '-in',
      'c.pem',
      '-inkey',
      'k.pem',
      '-passout',
      'pass:pw',
      '-out',
      'legacy.p12',
    );
    const legacy = await runDetector(pkcs12Bundle, 'legacy.p12', ossl.read('legacy.p12'));
    const prot = byKind(legacy, 'algorithm') as AlgorithmFinding[];
    expect(prot.map((f) => [f.algorithm.id, f.algorithm.hash ?? f.algorithm.oid])).toEqual([
      ['hmac', 'sha-1'],
      ['pkcs12-pbe', '1.2.840.113549.1.12.1.6'],
    ]);
    expect((byKind(legacy, 'key') as KeyFinding[])[0]?.key.protection).toMatchObject({
      id: 'pkcs12-pbe',
      oid: '1.2.840.113549.1.12.1.3',
    });

    ossl.run(
      'pkcs12',
      '-export',
      '-certpbe',
      'NONE',
      '-keypbe',
      'NONE',
      '-in',
      'c.pem',
      '-inkey',
      'k.pem',
      '-passout',
      'pass:pw',
      '-out',
      'plain.p12',
    );
    const plain = await runDetector(pkcs12Bundle, 'plain.p12', ossl.read('plain.p12'));
    const [cert] = byKind(plain, 'certificate') as CertificateFinding[];
    expect(cert?.certificate).toMatchObject({
      subject: 'CN=p12 device',
      selfSigned: true,
      publicKey: { algorithm: { id: 'rsa', keyBits: 2048 } },
    });
    const [key] = byKind(plain, 'key') as KeyFinding[];
    expect(key?.key).toMatchObject({
      format: 'PKCS#12 PKCS#8',
      algorithm: { id: 'rsa', keyBits: 2048 },
      fingerprint: cert?.certificate.publicKey?.fingerprint,
    });
    const bytes = ossl.read('plain.p12');
    expect(bytes[cert!.evidence.offset!]).toBe(0x30);
  });

  it('fixtures: the committed .p12 is read, clean text is silent, a truncated .p12 is a diagnostic', async () => {
    const p12 = fixture('device.p12');
    expect((await runDetector(pkcs12Bundle, 'device.p12', p12)).findings.length).toBeGreaterThan(1);
    const clean = await runDetector(pkcs12Bundle, 'clean.txt', fixture('clean.txt'));
    expect([clean.findings, clean.diagnostics]).toEqual([[], []]);
    const cut = await runDetector(pkcs12Bundle, 'cut.p12', p12.subarray(0, 700));
    expect([cut.findings.length, cut.diagnostics.map((d) => d.code)]).toEqual([0, ['der-truncated']]);
  });
});
