import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyFinding } from '@pqready/core';
import { afterAll, describe, expect, it } from 'vitest';
import { leakForms, OpensslWorkdir, runDetector, serialize } from '../../../test-support/pki.js';
import { ML_DSA, ML_KEM, PQC_OIDS, spki, toPem } from '../../../test-support/pqc.js';
import { children, contents, readSingle, type Tlv } from '../../pki/der.js';
import { privateKey } from './index.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const keys = (r: { findings: readonly unknown[] }) => r.findings as KeyFinding[];
const ossl = new OpensslWorkdir();
afterAll(() => ossl.dispose());

/** SHA-256 of the SPKI OpenSSL derives from a private key file. */
function spkiHash(file: string, pass?: string): string {
  const args = ['pkey', '-in', file, '-pubout', '-outform', 'DER', '-out', `${file}.spki`];
  if (pass) args.push('-passin', `pass:${pass}`);
  ossl.run(...args);
  return sha256(ossl.read(`${file}.spki`));
}

/** Every leaf value (≥ 16 bytes) inside the PKCS#8 privateKey OCTET STRING: none may appear in output. */
function secrets(pkcs8Der: Uint8Array): string[] {
  const root = readSingle(pkcs8Der);
  const priv = contents(pkcs8Der, children(pkcs8Der, root)[2]!);
  const leaves: Uint8Array[] = [priv];
  const walk = (buf: Uint8Array, t: Tlv) => {
    if (t.constructed) for (const c of children(buf, t)) walk(buf, c);
    else if (t.end - t.start >= 16) leaves.push(contents(buf, t));
  };
  try {
    walk(priv, readSingle(priv));
  } catch {
    // raw (non-DER) private keys: the whole octet string is the secret
  }
  return leaves.flatMap(leakForms);
}

const CASES = [
  {
    name: 'rsa1024',
    args: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
    want: { id: 'rsa', keyBits: 1024 },
    size: 1024,
  },
  {
    name: 'rsa2048',
    args: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    want: { id: 'rsa', keyBits: 2048 },
    size: 2048,
  },
  {
    name: 'rsa3072',
    args: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072'],
    want: { id: 'rsa', keyBits: 3072 },
    size: 3072,
  },
  {
    name: 'rsa4096',
    args: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096'],
    want: { id: 'rsa', keyBits: 4096 },
    size: 4096,
  },
  {
    name: 'rsapss',
    args: ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048'],
    want: { id: 'rsa-pss', keyBits: 2048 },
    size: 2048,
  },
  { name: 'dsa', args: ['-paramfile', 'dsa.params'], want: { id: 'dsa', keyBits: 2048 }, size: 2048 },
  {
    name: 'p192',
    args: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-192'],
    want: { id: 'ec', curve: 'p-192' },
    size: 192,
  },
  {
    name: 'p256',
    args: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    want: { id: 'ec', curve: 'p-256' },
    size: 256,
  },
  {
    name: 'p384',
    args: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
    want: { id: 'ec', curve: 'p-384' },
    size: 384,
  },
  {
    name: 'p521',
    args: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'],
    want: { id: 'ec', curve: 'p-521' },
    size: 521,
  },
  {
    name: 'k256',
    args: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
    want: { id: 'ec', curve: 'secp256k1' },
    size: 256,
  },
  {
    name: 'bp256',
    args: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:brainpoolP256r1'],
    want: { id: 'ec', curve: 'brainpoolp256r1' },
    size: 256,
  },
  { name: 'ed25519', args: ['-algorithm', 'ED25519'], want: { id: 'ed25519' }, size: 255 },
  { name: 'ed448', args: ['-algorithm', 'ED448'], want: { id: 'ed448' }, size: 448 },
  { name: 'x25519', args: ['-algorithm', 'X25519'], want: { id: 'x25519' }, size: 255 },
  { name: 'x448', args: ['-algorithm', 'X448'], want: { id: 'x448' }, size: 448 },
] as const;

describe('private-key with OpenSSL-generated keys', () => {
  ossl.run('genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', 'dsa.params');

  it.each(CASES)('$name: PKCS#8 PEM and DER → algorithm, size, public fingerprint, no secret bytes', async (c) => {
    ossl.run('genpkey', ...c.args, '-out', `${c.name}.pem`);
    ossl.run('pkcs8', '-topk8', '-nocrypt', '-in', `${c.name}.pem`, '-outform', 'DER', '-out', `${c.name}.der`);
    const pem = await runDetector(privateKey, `keys/${c.name}.pem`, ossl.read(`${c.name}.pem`));
    const der = await runDetector(privateKey, `keys/${c.name}.key`, ossl.read(`${c.name}.der`));
    expect([pem.diagnostics, der.diagnostics]).toEqual([[], []]);
    const fp = spkiHash(`${c.name}.pem`);
    for (const [r, encoding] of [
      [pem, 'PEM'],
      [der, 'DER'],
    ] as const) {
      expect(keys(r)).toHaveLength(1);
      expect(keys(r)[0]!.key).toMatchObject({
        keyType: 'private',
        algorithm: c.want,
        sizeBits: c.size,
        format: 'PKCS#8',
        encoding,
        fingerprint: { sha256: fp },
      });
      const out = serialize(r.findings, r.diagnostics);
      for (const s of secrets(ossl.read(`${c.name}.der`))) expect(out).not.toContain(s);
    }
  });

  it('reads traditional PKCS#1 and SEC1 keys with the same public fingerprint', async () => {
    ossl.run('pkey', '-in', 'rsa2048.pem', '-traditional', '-out', 'rsa-trad.pem');
    ossl.run('pkey', '-in', 'p256.pem', '-traditional', '-out', 'ec-trad.pem');
    ossl.run('pkey', '-in', 'dsa.pem', '-traditional', '-out', 'dsa-trad.pem');
    const rsa = keys(await runDetector(privateKey, 'rsa-trad.pem', ossl.read('rsa-trad.pem')))[0]!;
    expect(rsa.key).toMatchObject({
      format: 'PKCS#1',
      algorithm: { id: 'rsa', keyBits: 2048 },
      fingerprint: { sha256: spkiHash('rsa2048.pem') },
    });
    expect(rsa.evidence.snippet).toBe('-----BEGIN RSA PRIVATE KEY-----');
    const ec = keys(await runDetector(privateKey, 'ec-trad.pem', ossl.read('ec-trad.pem')))[0]!;
    expect(ec.key).toMatchObject({
      format: 'SEC1',
      algorithm: { id: 'ec', curve: 'p-256' },
      fingerprint: { sha256: spkiHash('p256.pem') },
    });
    const dsa = keys(await runDetector(privateKey, 'dsa-trad.pem', ossl.read('dsa-trad.pem')))[0]!;
    expect(dsa.key).toMatchObject({
      algorithm: { id: 'dsa', keyBits: 2048 },
      fingerprint: { sha256: spkiHash('dsa.pem') },
    });
  });

  it('reports the protection of encrypted PKCS#8: PBES2 (PBKDF2/HMAC-SHA256/AES-256-CBC) and PBES1 MD5-DES', async () => {
    ossl.run(
      'pkcs8',
      '-topk8',
      '-in',
      'p256.pem',
      '-v2',
      'aes-256-cbc',
      '-v2prf',
      'hmacWithSHA256',
      '-iter',
      '4096',
      '-passout',
      'pass:pw',
      '-out',
      'enc2.pem',
    );
    ossl.run(
      'pkcs8',
      '-topk8',
      '-in',
      'rsa1024.pem',
      '-v1',
      'PBE-MD5-DES',
      '-provider',
      'legacy',
      '-provider',
      'default',
      '-passout',
      'pass:pw',
      '-out',
      'enc1.pem',
    );
    const v2 = keys(await runDetector(privateKey, 'enc2.pem', ossl.read('enc2.pem')))[0]!;
    expect(v2.key).toMatchObject({
      format: 'EncryptedPKCS#8',
      protection: {
        id: 'pbes2',
        components: [
          { id: 'pbkdf2', hash: 'sha-256' },
          { id: 'aes', keyBits: 256, mode: 'cbc' },
        ],
      },
    });
    expect(v2.properties).toMatchObject({ kdfIterations: '4096', prf: 'hmac-sha-256', encrypted: 'true' });
    const v1 = keys(await runDetector(privateKey, 'enc1.pem', ossl.read('enc1.pem')))[0]!;
    expect(v1.key.protection).toMatchObject({ id: 'pbes1', oid: '1.2.840.113549.1.5.3' });
    expect(v1.key.fingerprint).toBeUndefined();
  });

  it('reports legacy Proc-Type encrypted PEM with its DEK-Info cipher and the MD5 KDF flag', async () => {
    ossl.run('rsa', '-in', 'rsa2048.pem', '-traditional', '-aes128', '-passout', 'pass:pw', '-out', 'legacy.pem');
    const [f] = keys(await runDetector(privateKey, 'legacy.pem', ossl.read('legacy.pem')));
    expect(f?.key).toMatchObject({
      algorithm: { id: 'rsa' },
      format: 'PKCS#1',
      protection: { id: 'aes', keyBits: 128, mode: 'cbc' },
    });
    expect(f?.properties).toMatchObject({ legacyPemEncryption: 'AES-128-CBC', kdf: 'evp-bytestokey-md5' });
    expect(f?.notes?.[0]).toMatch(/EVP_BytesToKey/);
  });

  it('reads a legacy encrypted key held in a C macro of `"…\\r\\n" \\` lines, headers and blank line included', async () => {
    ossl.run('rsa', '-in', 'rsa2048.pem', '-traditional', '-des3', '-passout', 'pass:pw', '-out', 'macro.pem');
    const lines = Buffer.from(ossl.read('macro.pem')).toString('utf8').trimEnd().split('\n');
    const c = ['#define TEST_KEY_PEM \\', ...lines.map((l) => `    "${l}\\r\\n" \\`), '    ""', ''].join('\n');
    const r = await runDetector(privateKey, 'certs.c', c);
    expect(r.diagnostics).toEqual([]);
    expect(keys(r).map((f) => [f.key.format, f.key.protection?.id, f.properties?.legacyPemEncryption])).toEqual([
      ['PKCS#1', '3des', 'DES-EDE3-CBC'],
    ]);
  });
});

describe('private-key with PQC keys', () => {
  it('reads ML-DSA seed keys and ML-KEM expanded keys; the ML-KEM public half is fingerprinted, the secret never leaks', async () => {
    const seed = new Uint8Array(32).fill(3);
    // RFC 9881 seed form: privateKey OCTET STRING containing [0] IMPLICIT OCTET STRING (32).
    const mldsa = Buffer.concat([
      Buffer.from('3034020100300b0609608648016503040312042280 20'.replace(/\s/g, ''), 'hex'),
      seed,
    ]);
    const r1 = await runDetector(privateKey, 'mldsa.key', new Uint8Array(mldsa));
    expect(keys(r1)[0]?.key).toMatchObject({ algorithm: { id: 'ml-dsa-65' }, format: 'PKCS#8' });
    expect(keys(r1)[0]?.properties).toMatchObject({ privateKeyForm: 'seed' });
    expect(serialize(r1.findings, r1.diagnostics)).not.toContain(Buffer.from(seed).toString('hex'));

    const kem = ML_KEM['ml-kem-512'].keygen(new Uint8Array(64).fill(5));
    const inner = Buffer.concat([Buffer.from('04820660', 'hex'), kem.secretKey]);
    const body = Buffer.concat([
      Buffer.from('020100300b0609608648016503040401', 'hex'),
      Buffer.from('04820664', 'hex'),
      inner,
    ]);
    const p8 = Buffer.concat([Buffer.from('30820678', 'hex'), body]);
    const r2 = await runDetector(privateKey, 'mlkem.pem', toPem('PRIVATE KEY', new Uint8Array(p8)));
    expect(r2.diagnostics).toEqual([]);
    const spkiDer = Buffer.concat([
      Buffer.from('3082033230 0b0609608648016503040401 038203210 0'.replace(/\s/g, ''), 'hex'),
      kem.publicKey,
    ]);
    expect(keys(r2)[0]?.key).toMatchObject({
      algorithm: { id: 'ml-kem-512', oid: PQC_OIDS['ml-kem-512'] },
      fingerprint: { sha256: sha256(spkiDer) },
    });
    const out = serialize(r2.findings, r2.diagnostics);
    for (const s of leakForms(kem.secretKey.subarray(0, 768))) expect(out).not.toContain(s);
    expect(ML_DSA['ml-dsa-44']).toBeDefined();
  });

  it('reads an expanded ML-DSA key followed by its public key (wolfSSL), fingerprinted by that public key', async () => {
    const { secretKey, publicKey } = ML_DSA['ml-dsa-44'].keygen(new Uint8Array(32).fill(9));
    const both = Buffer.concat([secretKey, publicKey]);
    const octet = (body: Uint8Array) =>
      Buffer.concat([Buffer.from([0x04, 0x82, body.length >> 8, body.length & 255]), body]);
    const inner = octet(both);
    const body = Buffer.concat([Buffer.from('020100300b0609608648016503040311', 'hex'), octet(inner)]);
    const der = Buffer.concat([Buffer.from([0x30, 0x82, body.length >> 8, body.length & 255]), body]);
    const r = await runDetector(privateKey, 'mldsa44_key.der', new Uint8Array(der));
    expect(r.diagnostics).toEqual([]);
    const [f] = keys(r);
    expect(f?.properties).toMatchObject({ privateKeyForm: 'expanded-with-public' });
    expect(f?.key.fingerprint?.sha256).toBe(sha256(spki(PQC_OIDS['ml-dsa-44'], publicKey)));
  });

  it('flags a PQC private key of the wrong length', async () => {
    const bad = Buffer.concat([
      Buffer.from('3024020100300b0609608648016503040312041280 10'.replace(/\s/g, ''), 'hex'),
      new Uint8Array(16),
    ]);
    const r = await runDetector(privateKey, 'bad.key', new Uint8Array(bad));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['pqc-key-size-mismatch']);
  });
});

describe('private-key fixtures and bad input', () => {
  const fixture = (n: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', n)));
  it('finds the committed Ed25519 key and nothing in the clean file', async () => {
    expect(
      keys(await runDetector(privateKey, 'ed25519.pem', fixture('ed25519.pem'))).map((f) => f.key.algorithm.id),
    ).toEqual(['ed25519']);
    const clean = await runDetector(privateKey, 'clean.txt', fixture('clean.txt'));
    expect([clean.findings, clean.diagnostics]).toEqual([[], []]);
  });
  it('reports a corrupt key body instead of throwing', async () => {
    const r = await runDetector(
      privateKey,
      'k.pem',
      toPem('PRIVATE KEY', new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])),
    );
    expect([r.findings.length, r.diagnostics.map((d) => d.code)]).toEqual([0, ['der-invalid']]);
  });
});
