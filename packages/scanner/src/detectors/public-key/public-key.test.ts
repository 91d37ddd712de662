import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyFinding } from '@pqready/core';
import { afterAll, describe, expect, it } from 'vitest';
import { OpensslWorkdir, runDetector } from '../../../test-support/pki.js';
import { ML_DSA, ML_KEM, PQC_OIDS, spki, toPem } from '../../../test-support/pqc.js';
import { publicKey } from './index.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const keys = (r: { findings: readonly unknown[] }) => r.findings as KeyFinding[];
const fixture = (n: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', n)));

describe('public-key', () => {
  const ossl = new OpensslWorkdir();
  afterAll(() => ossl.dispose());

  it('decodes SPKI (PEM, DER) and PKCS#1 RSAPublicKey with one fingerprint for one key', async () => {
    ossl.run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072', '-out', 'rsa.pem');
    ossl.run('pkey', '-in', 'rsa.pem', '-pubout', '-out', 'rsa.pub');
    ossl.run('pkey', '-in', 'rsa.pem', '-pubout', '-outform', 'DER', '-out', 'rsa.pub.der');
    ossl.run('rsa', '-in', 'rsa.pem', '-RSAPublicKey_out', '-out', 'rsa1.pub');
    const fp = sha256(ossl.read('rsa.pub.der'));
    const want = {
      keyType: 'public',
      algorithm: { id: 'rsa', keyBits: 3072 },
      sizeBits: 3072,
      fingerprint: { sha256: fp },
    };
    expect(keys(await runDetector(publicKey, 'rsa.pub', ossl.read('rsa.pub')))[0]?.key).toMatchObject({
      ...want,
      format: 'SPKI',
      encoding: 'PEM',
    });
    expect(keys(await runDetector(publicKey, 'k.bin', ossl.read('rsa.pub.der')))[0]?.key).toMatchObject({
      ...want,
      encoding: 'DER',
    });
    const pkcs1 = keys(await runDetector(publicKey, 'rsa1.pub', ossl.read('rsa1.pub')))[0]!;
    expect(pkcs1.key).toMatchObject({ ...want, format: 'PKCS#1' });
    expect(pkcs1.evidence.snippet).toBe('-----BEGIN RSA PUBLIC KEY-----');
  });

  it('decodes EC, X448 and explicit-curve keys', async () => {
    ossl.run(
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-384',
      '-pkeyopt',
      'ec_param_enc:explicit',
      '-out',
      'explicit.pem',
    );
    ossl.run('pkey', '-in', 'explicit.pem', '-pubout', '-out', 'explicit.pub');
    const ex = keys(await runDetector(publicKey, 'explicit.pub', ossl.read('explicit.pub')))[0]!;
    expect(ex.key).toMatchObject({ algorithm: { id: 'ec', parameterSet: 'explicit', keyBits: 384 }, sizeBits: 384 });
    expect(ex.notes?.[0]).toMatch(/Explicit/);
    ossl.run('genpkey', '-algorithm', 'X448', '-out', 'x448.pem');
    ossl.run('pkey', '-in', 'x448.pem', '-pubout', '-out', 'x448.pub');
    expect(keys(await runDetector(publicKey, 'x448.pub', ossl.read('x448.pub')))[0]?.key.algorithm.id).toBe('x448');
  });

  it('decodes ML-KEM and ML-DSA SPKIs and flags a wrong ML-DSA key length', async () => {
    const kem = ML_KEM['ml-kem-1024'].keygen(new Uint8Array(64).fill(2)).publicKey;
    const dsa = ML_DSA['ml-dsa-87'].keygen(new Uint8Array(32).fill(2)).publicKey;
    const text =
      toPem('PUBLIC KEY', spki(PQC_OIDS['ml-kem-1024'], kem)) + toPem('PUBLIC KEY', spki(PQC_OIDS['ml-dsa-87'], dsa));
    const r = await runDetector(publicKey, 'pq.pem', text);
    expect(keys(r).map((f) => f.key.algorithm.id)).toEqual(['ml-kem-1024', 'ml-dsa-87']);
    expect(r.diagnostics).toEqual([]);
    const bad = await runDetector(publicKey, 'bad.pem', toPem('PUBLIC KEY', spki(PQC_OIDS['ml-dsa-44'], dsa)));
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['pqc-key-size-mismatch']);
  });

  it('keeps unknown key OIDs as unknown with the OID', async () => {
    const r = await runDetector(
      publicKey,
      'odd.pem',
      toPem('PUBLIC KEY', spki('1.3.6.1.4.1.99999.1', new Uint8Array(40))),
    );
    expect(keys(r)[0]?.key.algorithm).toEqual({ id: 'unknown', oid: '1.3.6.1.4.1.99999.1' });
  });

  it('fixtures: finds the Ed25519 key, nothing in the clean file', async () => {
    expect(keys(await runDetector(publicKey, 'ed25519.pub.pem', fixture('ed25519.pub.pem')))[0]?.key.algorithm.id).toBe(
      'ed25519',
    );
    const clean = await runDetector(publicKey, 'clean.txt', fixture('clean.txt'));
    expect([clean.findings, clean.diagnostics]).toEqual([[], []]);
  });

  it('decodes an SPKI under the label `RSA PUBLIC KEY` by its structure, as OpenSSL does, with an info note', async () => {
    const r = await runDetector(publicKey, 'server-keyPub.pem', fixture('spki-labelled-rsa-public.pem'));
    expect(keys(r).map((f) => [f.key.format, f.key.algorithm.id, f.key.sizeBits])).toEqual([['SPKI', 'rsa', 2048]]);
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'pem-label-mismatch']]);
    expect(r.diagnostics[0]?.message).toMatch(/'RSA PUBLIC KEY'.*SubjectPublicKeyInfo/);
  });
});
