import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeAlgorithm } from './describe.js';
import {
  algorithmFromOid,
  ALL_CURVES as CURVES,
  curveFromName,
  curveFromOid,
  getAlgorithm,
  listAlgorithms,
  OIDS,
  oidName,
} from './lookup.js';

const schemaDir = join(
  dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')),
  'res',
  'schema',
);
const defs = JSON.parse(readFileSync(join(schemaDir, 'cryptography-defs.SNAPSHOT.schema.json'), 'utf8')) as {
  definitions: { algorithmFamiliesEnum: { enum: string[] }; ellipticCurvesEnum: { enum: string[] } };
};

describe('algorithmFromOid', () => {
  it('resolves classical signature OIDs with their hash', () => {
    expect(algorithmFromOid('1.2.840.113549.1.1.11')).toEqual({
      id: 'rsa-pkcs1v15',
      hash: 'sha-256',
      oid: '1.2.840.113549.1.1.11',
    });
    expect(algorithmFromOid('1.2.840.10045.4.3.2')).toEqual({
      id: 'ecdsa',
      hash: 'sha-256',
      oid: '1.2.840.10045.4.3.2',
    });
  });
  it('separates PQC from classical OIDs on the same NIST arc', () => {
    expect(algorithmFromOid('2.16.840.1.101.3.4.3.18')).toEqual({ id: 'ml-dsa-65', oid: '2.16.840.1.101.3.4.3.18' });
    expect(algorithmFromOid('2.16.840.1.101.3.4.3.2')?.id).toBe('dsa');
    expect(algorithmFromOid('2.16.840.1.101.3.4.3.10')).toMatchObject({ id: 'ecdsa', hash: 'sha3-256' });
    expect(algorithmFromOid('2.16.840.1.101.3.4.3.99')).toBeUndefined();
  });
  it('resolves composites with components and prototype arcs as drafts', () => {
    expect(algorithmFromOid('1.3.6.1.5.5.7.6.45')).toEqual({
      id: 'mldsa65-ecdsa-p256-sha512',
      oid: '1.3.6.1.5.5.7.6.45',
      components: [{ id: 'ml-dsa-65' }, { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }],
    });
    expect(algorithmFromOid('1.3.6.1.5.5.7.6.58')?.id).toBe('mlkem768-x25519-sha3-256');
    expect(algorithmFromOid('2.16.840.1.114027.80.9.1.28')).toEqual({
      id: 'composite-sig-draft',
      oid: '2.16.840.1.114027.80.9.1.28',
    });
    expect(algorithmFromOid('2.16.840.1.114027.80.8.1.61')?.id).toBe('composite-sig-draft');
  });
  it('names experimental and legacy OIDs and returns undefined for unknown ones', () => {
    expect(algorithmFromOid('1.3.9999.3.11')?.id).toBe('falcon-512');
    expect(algorithmFromOid('1.0.18033.2.2.7.6')).toMatchObject({ id: 'frodokem', parameterSet: 'frodokem1344aes' });
    expect(algorithmFromOid('1.3.6.1.4.1.22554.5.5.3')).toMatchObject({ id: 'ntru', parameterSet: 'ntruhps4096821' });
    expect(algorithmFromOid('1.2.840.113549.1.5.3')).toMatchObject({
      id: 'pbes1',
      parameterSet: 'pbeWithMD5AndDES-CBC',
    });
    expect(algorithmFromOid('1.2.840.113549.1.12.1.3')?.id).toBe('pkcs12-pbe');
    expect(algorithmFromOid('2.16.840.1.101.3.4.1.46')).toMatchObject({ id: 'aes', keyBits: 256, mode: 'gcm' });
    expect(algorithmFromOid('1.2.840.113549.2.9')).toMatchObject({ id: 'hmac', hash: 'sha-256' });
    expect(algorithmFromOid('1.3.9999.9.9')).toBeUndefined();
    expect(algorithmFromOid('2.5.29.15')).toBeUndefined();
  });
});

describe('curves and names', () => {
  it('maps curve OIDs and spellings to ids', () => {
    expect(curveFromOid('1.2.840.10045.3.1.7')).toBe('p-256');
    expect(curveFromOid('1.3.36.3.3.2.8.1.1.11')).toBe('brainpoolp384r1');
    expect(curveFromName('prime256v1')).toBe('p-256');
    expect(curveFromName('SECP384R1')).toBe('p-384');
    expect(curveFromOid('1.2.3')).toBeUndefined();
  });
  it('names extension, EKU, attribute and algorithm OIDs', () => {
    expect(oidName('2.5.29.15')).toBe('keyUsage');
    expect(oidName('1.3.6.1.5.5.7.3.3')).toBe('codeSigning');
    expect(oidName('2.5.4.3')).toBe('CN');
    expect(oidName('1.2.840.113549.1.1.11')).toBe('sha256WithRSAEncryption');
    expect(oidName('1.3.132.0.34')).toBe('secp384r1');
    expect(oidName('9.9.9')).toBeUndefined();
  });
});

describe('describeAlgorithm naming (CycloneDX 1.7 patterns)', () => {
  const cases: [Parameters<typeof describeAlgorithm>[0], string][] = [
    [{ id: 'rsa', keyBits: 2048 }, 'RSA-2048'],
    [{ id: 'rsa-pkcs1v15', hash: 'sha-256', keyBits: 2048 }, 'RSA-PKCS1-1.5-SHA256-2048'],
    [{ id: 'rsa-pkcs1v15', hash: 'sha-256' }, 'RSA-PKCS1-1.5-SHA256'],
    [{ id: 'rsa-pss', hash: 'sha-256', keyBits: 2048 }, 'RSA-PSS-SHA256-2048'],
    [{ id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }, 'ECDSA-P256-SHA256'],
    [{ id: 'ecdsa', hash: 'sha-384' }, 'ECDSA-SHA384'],
    [{ id: 'ec', curve: 'p-384' }, 'EC-P384'],
    [{ id: 'ecdh', curve: 'brainpoolp256r1' }, 'ECDH-brainpoolP256r1'],
    [{ id: 'aes', keyBits: 256, mode: 'gcm' }, 'AES-256-GCM'],
    [{ id: 'aes', keyBits: 128 }, 'AES-128'],
    [{ id: 'ml-kem-768' }, 'ML-KEM-768'],
    [{ id: 'slh-dsa-sha2-128s' }, 'SLH-DSA-SHA2-128s'],
    [{ id: 'hash-ml-dsa-44', hash: 'sha-512' }, 'HashML-DSA-44-SHA512'],
    [{ id: 'sha-256' }, 'SHA-256'],
    [{ id: 'sha-512-256' }, 'SHA-512/256'],
    [{ id: 'hmac', hash: 'sha-256' }, 'HMAC-SHA256'],
    [{ id: 'ed25519' }, 'Ed25519'],
    [{ id: 'x25519' }, 'X25519'],
    [{ id: 'dh', keyBits: 2048 }, 'FFDH-2048'],
    [{ id: 'dh', parameterSet: 'ffdhe2048' }, 'FFDHE-ffdhe2048'],
    [{ id: '3des', keyBits: 168, mode: 'cbc' }, '3DES-168-CBC'],
    [{ id: 'x25519mlkem768' }, 'X25519MLKEM768'],
    [{ id: 'mldsa65-ecdsa-p256-sha512' }, 'MLDSA65-ECDSA-P256-SHA512'],
    [{ id: 'pbes1', parameterSet: 'pbeWithMD5AndDES-CBC' }, 'PBES1-pbeWithMD5AndDES-CBC'],
  ];
  it.each(cases)('%j → %s', (ref, name) => {
    const d = describeAlgorithm(ref);
    expect(d.name).toBe(name);
    expect(d.known).toBe(true);
  });

  it('keeps unknowns visible with their OID or raw name', () => {
    expect(describeAlgorithm({ id: 'unknown', oid: '1.3.9999.9.9' })).toMatchObject({
      id: 'unknown',
      name: 'unknown-1.3.9999.9.9',
      known: false,
      oid: '1.3.9999.9.9',
    });
    expect(describeAlgorithm({ id: 'no-such-algorithm' })).toMatchObject({
      name: 'unknown-no-such-algorithm',
      known: false,
    });
    expect(describeAlgorithm({ id: 'unknown', parameterSet: 'GOST28147' }).name).toBe('unknown-GOST28147');
  });

  it('computes classical security bits and NIST categories', () => {
    const bits = (ref: Parameters<typeof describeAlgorithm>[0]) => describeAlgorithm(ref).classicalSecurityBits;
    expect(bits({ id: 'rsa', keyBits: 1024 })).toBe(80);
    expect(bits({ id: 'rsa', keyBits: 2048 })).toBe(112);
    expect(bits({ id: 'rsa', keyBits: 4096 })).toBe(128);
    expect(bits({ id: 'dh', parameterSet: 'ffdhe3072' })).toBe(128);
    expect(bits({ id: 'ecdsa', curve: 'p-384' })).toBe(192);
    expect(bits({ id: 'ecdh', curve: 'p-192' })).toBe(80);
    expect(bits({ id: 'x448' })).toBe(224);
    expect(bits({ id: '3des', keyBits: 112 })).toBe(80);
    expect(bits({ id: 'aes', keyBits: 192 })).toBe(192);
    expect(bits({ id: 'sha-256' })).toBe(128);
    expect(describeAlgorithm({ id: 'aes', keyBits: 256, mode: 'gcm' })).toMatchObject({
      nistQuantumCategory: 5,
      primitive: 'ae',
    });
    expect(describeAlgorithm({ id: 'sha-384' }).nistQuantumCategory).toBe(4);
    expect(describeAlgorithm({ id: 'ml-dsa-44' }).nistQuantumCategory).toBe(2);
    expect(describeAlgorithm({ id: 'rsa', keyBits: 2048 }).nistQuantumCategory).toBe(0);
    expect(describeAlgorithm({ id: 'ecdsa', curve: 'p-256' })).toMatchObject({
      ellipticCurve: 'nist/P-256',
      curveName: 'secp256r1',
      family: 'ECDSA',
    });
  });
});

describe('catalog integrity', () => {
  it('resolves every algorithm OID row to a known description', () => {
    const algorithmRows = OIDS.filter((r) => r.kind === 'algorithm');
    expect(algorithmRows.length).toBeGreaterThan(150);
    for (const row of algorithmRows) {
      const ref = algorithmFromOid(row.oid);
      expect(ref, row.oid).toBeDefined();
      expect(describeAlgorithm(ref!).known, `${row.oid} ${row.name}`).toBe(true);
      for (const part of ref!.components ?? []) expect(getAlgorithm(part.id), part.id).toBeDefined();
    }
  });
  it('has unique OIDs and ids, and every row cites a source', () => {
    const oids = OIDS.map((r) => r.oid);
    expect(new Set(oids).size).toBe(oids.length);
    const ids = listAlgorithms().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of [...listAlgorithms(), ...OIDS, ...CURVES])
      expect(row.sources.length, JSON.stringify(row)).toBeGreaterThan(0);
  });
  it('uses only CycloneDX 1.7 family and curve enum values', () => {
    const families = new Set(defs.definitions.algorithmFamiliesEnum.enum);
    const curves = new Set(defs.definitions.ellipticCurvesEnum.enum);
    for (const row of listAlgorithms()) {
      if (row.family) expect(families.has(row.family), row.id).toBe(true);
      if (row.ellipticCurve) expect(curves.has(row.ellipticCurve), row.id).toBe(true);
    }
    for (const c of CURVES) if (c.ellipticCurve) expect(curves.has(c.ellipticCurve), c.id).toBe(true);
  });
  it('knows every named curve OpenSSL builds in, each by one OID', () => {
    const oids = CURVES.flatMap((c) => c.oid ?? []);
    expect(new Set(oids).size).toBe(oids.length);
    for (const oid of ['1.3.132.0.6', '1.3.132.0.16', '1.2.840.10045.3.0.20', '2.23.43.1.4.12']) {
      expect(curveFromOid(oid), oid).toBeDefined();
    }
    expect(describeAlgorithm({ id: 'ec', curve: 'sect283k1' })).toMatchObject({ classicalSecurityBits: 128 });
    expect(describeAlgorithm({ id: 'ec', curve: 'secp112r1' })).toMatchObject({ classicalSecurityBits: 56 });
  });
  it('contains every id of the shared contract', () => {
    const contract = [
      'rsa',
      'rsa-pkcs1v15',
      'rsa-pss',
      'rsa-oaep',
      'rsaes-pkcs1v15',
      'dsa',
      'ec',
      'ecdsa',
      'ecdh',
      'ed25519',
      'ed448',
      'x25519',
      'x448',
      'dh',
      'sm2',
      'elgamal',
      'ml-kem-512',
      'ml-kem-768',
      'ml-kem-1024',
      'ml-dsa-44',
      'ml-dsa-65',
      'ml-dsa-87',
      'hash-ml-dsa-44',
      'hash-ml-dsa-65',
      'hash-ml-dsa-87',
      'slh-dsa-sha2-128s',
      'slh-dsa-shake-256f',
      'hash-slh-dsa-sha2-128s',
      'hash-slh-dsa-shake-256f',
      'lms',
      'hss',
      'xmss',
      'xmssmt',
      'falcon-512',
      'falcon-1024',
      'frodokem',
      'ntru',
      'kyber-512',
      'kyber-768',
      'kyber-1024',
      'dilithium-2',
      'dilithium-3',
      'dilithium-5',
      'sphincs-plus',
      'bike',
      'hqc',
      'classic-mceliece',
      'mldsa44-rsa2048-pss-sha256',
      'mldsa65-ecdsa-p256-sha512',
      'mldsa87-ed448-shake256',
      'mlkem768-x25519-sha3-256',
      'composite-sig-draft',
      'composite-kem-draft',
      'x25519mlkem768',
      'secp256r1mlkem768',
      'secp384r1mlkem1024',
      'x25519kyber768draft00',
      'secp256r1kyber768draft00',
      'mlkem768x25519-sha256',
      'sntrup761x25519-sha512',
      'aes',
      'des',
      '3des',
      'rc4',
      'rc2',
      'chacha20',
      'chacha20-poly1305',
      'xchacha20-poly1305',
      'camellia',
      'aria',
      'sm4',
      'blowfish',
      'idea',
      'seed',
      'cast5',
      'md2',
      'md4',
      'md5',
      'sha-1',
      'sha-224',
      'sha-256',
      'sha-384',
      'sha-512',
      'sha-512-224',
      'sha-512-256',
      'sha3-224',
      'sha3-256',
      'sha3-384',
      'sha3-512',
      'shake128',
      'shake256',
      'ripemd-160',
      'sm3',
      'blake2b',
      'blake2s',
      'hmac',
      'cmac',
      'gmac',
      'poly1305',
      'kmac128',
      'kmac256',
      'hkdf',
      'pbkdf2',
      'pbkdf1',
      'scrypt',
      'argon2',
      'pbes1',
      'pbes2',
      'pkcs12-pbe',
      'tls-prf',
      'ctr-drbg',
      'hmac-drbg',
      'hash-drbg',
      'unknown',
    ];
    expect(contract.filter((id) => !getAlgorithm(id))).toEqual([]);
    const curveIds = [
      'p-192',
      'p-224',
      'p-256',
      'p-384',
      'p-521',
      'secp256k1',
      'brainpoolp256r1',
      'brainpoolp384r1',
      'brainpoolp512r1',
      'secp224k1',
      'brainpoolp320r1',
      'curve25519',
      'curve448',
      'sm2p256v1',
    ];
    expect(curveIds.filter((id) => !CURVES.some((c) => c.id === id))).toEqual([]);
  });
});

const interopDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../..',
  'shared/data/pqc-certificates/bc',
);

describe.skipIf(!existsSync(interopDir))('IETF hackathon interop artefacts', () => {
  it('names every OID that appears in the artefact file names', () => {
    const oids = new Set(readdirSync(interopDir).flatMap((f) => f.match(/\d+(?:\.\d+){4,}/g) ?? []));
    expect(oids.size).toBeGreaterThan(50);
    const unresolved = [...oids].filter(
      (oid) => !algorithmFromOid(oid) || !describeAlgorithm(algorithmFromOid(oid)!).known,
    );
    expect(unresolved).toEqual([]);
  });
});
