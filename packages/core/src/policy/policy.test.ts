import { describe, expect, it } from 'vitest';
import type { AlgorithmRef, CertificateFacts, Finding, KeyFacts, ProtocolFacts } from '../model/finding.js';
import { classify } from './classify.js';
import { certificateExposure } from './exposure.js';
import { findingVerdict, keyVerdict } from './finding-verdict.js';
import { defaultPolicyId, getPolicy, listPolicies } from './policies.js';

const nist = getPolicy('nist-ir-8547-draft');
const cnsa = getPolicy('cnsa-2.0');
const def = getPolicy(defaultPolicyId);

describe('policies', () => {
  it('lists the three shipped policies with the combined one as default', () => {
    expect(listPolicies().map((p) => p.id)).toEqual(['nist-ir-8547-draft+cnsa-2.0', 'nist-ir-8547-draft', 'cnsa-2.0']);
    expect(defaultPolicyId).toBe('nist-ir-8547-draft+cnsa-2.0');
    for (const p of listPolicies()) {
      expect(p.sources.length).toBeGreaterThan(0);
      const dates = p.milestones.map((m) => m.date);
      expect(dates).toEqual([...dates].sort());
    }
  });
  it('rejects an unknown id with the valid ids in the message', () => {
    expect(() => getPolicy('fips-9999')).toThrow(/Unknown policy "fips-9999".*nist-ir-8547-draft, cnsa-2.0/);
  });
});

describe('classify', () => {
  it('judges AES-128 resistant under NIST but weakened under CNSA 2.0', () => {
    const aes128 = { id: 'aes', keyBits: 128, mode: 'gcm' };
    expect(classify(aes128, nist).quantum).toBe('resistant');
    expect(classify(aes128, def).quantum).toBe('resistant');
    expect(classify(aes128, cnsa)).toMatchObject({ quantum: 'weakened', policy: 'cnsa-2.0' });
    expect(classify({ id: 'aes', keyBits: 256 }, cnsa).quantum).toBe('resistant');
    expect(classify({ id: 'aes' }, nist).quantum).toBe('resistant');
    expect(classify({ id: 'aes' }, cnsa).quantum).toBe('unknown');
  });
  it('judges Shor-vulnerable algorithms broken, with classical flags', () => {
    expect(classify({ id: 'rsa', keyBits: 4096 }, nist)).toMatchObject({ quantum: 'broken', classicallyWeak: [] });
    expect(classify({ id: 'rsa-pkcs1v15', keyBits: 1024, hash: 'sha-1' }, nist)).toMatchObject({
      quantum: 'broken',
      classicallyWeak: ['rsa-below-2048', 'sha1-signature'],
    });
    for (const id of ['ecdsa', 'ecdh', 'ed25519', 'x25519', 'x448', 'sm2', 'elgamal', 'dsa', 'dh']) {
      expect(classify({ id }, nist).quantum, id).toBe('broken');
    }
    expect(classify({ id: 'ecdsa', curve: 'p-192', hash: 'md5' }, nist).classicallyWeak).toEqual(['md5', 'p-192']);
    expect(classify({ id: 'dh', parameterSet: 'modp1024' }, nist).classicallyWeak).toEqual(['dh-below-2048']);
  });
  it('judges hybrids hybrid and flags pre-standard ones', () => {
    expect(classify({ id: 'x25519mlkem768' }, def)).toMatchObject({ quantum: 'hybrid', classicallyWeak: [] });
    const draft = classify({ id: 'x25519kyber768draft00' }, def);
    expect(draft.quantum).toBe('hybrid');
    expect(draft.classicallyWeak).toContain('pre-standard');
    expect(draft.reason).toMatch(/Pre-standard/);
    expect(classify({ id: 'composite-sig-draft', oid: '2.16.840.1.114027.80.9.1.28' }, def).classicallyWeak).toEqual([
      'pre-standard',
    ]);
  });
  it('judges PQC resistant, pre-standard PQC flagged, and CNSA requires category 5', () => {
    expect(classify({ id: 'ml-kem-768' }, nist).quantum).toBe('resistant');
    expect(classify({ id: 'ml-kem-768' }, cnsa).quantum).toBe('weakened');
    expect(classify({ id: 'ml-kem-1024' }, cnsa).quantum).toBe('resistant');
    expect(classify({ id: 'kyber-768' }, nist)).toMatchObject({
      quantum: 'resistant',
      classicallyWeak: ['pre-standard'],
    });
    expect(classify({ id: 'falcon-512' }, nist).classicallyWeak).toEqual(['pre-standard']);
    expect(classify({ id: 'dilithium-3' }, nist).classicallyWeak).toEqual(['pre-standard']);
  });
  it('flags SHA-1 and judges hashes by output size', () => {
    expect(classify({ id: 'sha-1' }, nist)).toMatchObject({ quantum: 'weakened', classicallyWeak: ['sha1'] });
    expect(classify({ id: 'sha-256' }, nist).quantum).toBe('resistant');
    expect(classify({ id: 'sha-256' }, cnsa).quantum).toBe('weakened');
    expect(classify({ id: 'sha-384' }, cnsa).quantum).toBe('resistant');
    expect(classify({ id: 'hmac', hash: 'sha-1' }, nist)).toMatchObject({ quantum: 'resistant', classicallyWeak: [] });
    expect(classify({ id: 'hmac', hash: 'sha-256' }, cnsa).quantum).toBe('weakened');
  });
  it('flags legacy symmetric and password-based schemes', () => {
    expect(classify({ id: 'des' }, nist)).toMatchObject({ quantum: 'weakened', classicallyWeak: ['des'] });
    expect(classify({ id: '3des', keyBits: 168 }, nist)).toMatchObject({
      quantum: 'weakened',
      classicallyWeak: ['3des'],
    });
    expect(classify({ id: 'rc4' }, nist)).toMatchObject({ quantum: 'weakened', classicallyWeak: ['rc4'] });
    expect(classify({ id: 'aes', keyBits: 128, mode: 'ecb' }, nist).classicallyWeak).toEqual(['ecb-mode']);
    expect(classify({ id: 'pbes1', parameterSet: 'pbeWithMD5AndDES-CBC' }, nist).classicallyWeak).toEqual(['pbes1']);
    const pbes2 = classify(
      {
        id: 'pbes2',
        components: [
          { id: 'pbkdf2', hash: 'sha-256' },
          { id: 'aes', keyBits: 128, mode: 'cbc' },
        ],
      },
      cnsa,
    );
    expect(pbes2.quantum).toBe('weakened');
    expect(classify({ id: 'pbes2' }, nist).quantum).toBe('unknown');
  });
  it('returns unknown for ids and OIDs outside the catalog', () => {
    expect(classify({ id: 'unknown', oid: '1.3.9999.9.9' }, nist)).toMatchObject({ quantum: 'unknown' });
    expect(classify({ id: 'unknown', oid: '1.3.9999.9.9' }, nist).reason).toContain('unknown-1.3.9999.9.9');
  });
});

describe('certificateExposure', () => {
  const cert = (over: Partial<CertificateFacts>): CertificateFacts => ({
    type: 'certificate',
    encoding: 'PEM',
    subject: 'CN=device',
    notAfter: '2040-06-01T00:00:00Z',
    signatureAlgorithm: { id: 'rsa-pkcs1v15', hash: 'sha-256' },
    publicKey: { keyType: 'public', algorithm: { id: 'rsa', keyBits: 2048 }, sizeBits: 2048, format: 'SPKI' },
    fingerprint: { sha256: 'ab'.repeat(32) },
    ...over,
  });
  const scan = new Date('2026-01-01T00:00:00Z');

  it('notes an RSA-2048 certificate valid past 2035 with deprecation and disallow milestones', () => {
    const e = certificateExposure(cert({}), nist, scan);
    expect(e?.milestones.map((m) => m.id)).toEqual([
      'ir8547-112-deprecated',
      'ir8547-112-disallowed',
      'ir8547-disallowed',
    ]);
    expect(e?.message).toMatch(/CN=device uses quantum-vulnerable .*RSA-2048.* valid until 2040-06-01/);
  });
  it('adds CNSA code-signing milestones for code-signing certificates', () => {
    const e = certificateExposure(
      cert({ notAfter: '2031-06-01T00:00:00Z', extendedKeyUsage: ['codeSigning'] }),
      def,
      scan,
    );
    expect(e?.milestones.map((m) => m.id)).toEqual([
      'cnsa2-code-signing-exclusive',
      'cnsa2-phase-out',
      'ir8547-112-deprecated',
    ]);
  });
  it('is silent for PQ certificates, expired ones and those ending before any milestone', () => {
    expect(
      certificateExposure(
        cert({
          signatureAlgorithm: { id: 'ml-dsa-65' },
          publicKey: { keyType: 'public', algorithm: { id: 'ml-dsa-65' }, format: 'SPKI' },
        }),
        nist,
        scan,
      ),
    ).toBeUndefined();
    expect(certificateExposure(cert({ notAfter: '2025-01-01T00:00:00Z' }), nist, scan)).toBeUndefined();
    expect(certificateExposure(cert({ notAfter: '2029-01-01T00:00:00Z' }), nist, scan)).toBeUndefined();
    expect(certificateExposure(cert({ notAfter: 'garbage' }), nist, scan)).toBeUndefined();
  });
});

describe('unknown algorithms', () => {
  it('says why when the algorithm is decided at run time rather than missing from the catalog', () => {
    const policy = getPolicy(defaultPolicyId);
    const runtime = classify(
      { id: 'unknown', parameterSet: 'mbedtls_pk_verify', unresolved: { algorithm: 'pk' } },
      policy,
    );
    expect(runtime.quantum).toBe('unknown');
    expect(runtime.reason).toMatch(/algorithm from `pk` is set at run time/);
    const missing = classify({ id: 'unknown', oid: '1.2.3.4' }, policy);
    expect(missing.reason).toMatch(/not in the catalog/);
  });
});

describe('keyVerdict', () => {
  it('is the verdict of a key finding with the same facts: worst of the key and its protection', () => {
    const policy = getPolicy('nist-ir-8547-draft+cnsa-2.0');
    const key: KeyFacts = {
      keyType: 'private',
      algorithm: { id: 'ml-dsa-65' },
      format: 'EncryptedPKCS#8',
      protection: { id: 'pbes1', parameterSet: 'pbeWithMD5AndDES-CBC' },
    };
    const finding: Finding = {
      kind: 'key',
      detector: 'private-key',
      role: 'stored-object',
      evidence: { path: 'k' },
      key,
    };
    expect(keyVerdict(key, policy)).toEqual(findingVerdict(finding, policy));
    expect(keyVerdict(key, policy).quantum).toBe('weakened');
    const { protection: _none, ...plain } = key;
    expect(keyVerdict(plain, policy).quantum).toBe('resistant');
  });
});

describe('protocol settings (one finding per setting)', () => {
  const policy = getPolicy(defaultPolicyId);
  const setting = (protocol: Partial<ProtocolFacts>, properties: Record<string, string> = {}): Finding => ({
    kind: 'protocol',
    detector: 'nginx-tls',
    role: 'protocol-config',
    evidence: { path: 'nginx.conf', line: 3 },
    properties,
    protocol: { type: 'tls', versions: [], cipherSuites: [], groups: [], signatureAlgorithms: [], ...protocol },
  });
  const sig = (name: string, algorithm: AlgorithmRef) => ({ name, algorithm });

  it('a version-only setting names no algorithm: not-applicable, never unknown, and TLS below 1.2 stays weak', () => {
    const modern = findingVerdict(
      setting({ versions: ['1.2', '1.3'] }, { 'config.setting': 'versions', 'config.directive': 'ssl_protocols' }),
      policy,
    );
    expect(modern).toMatchObject({ quantum: 'not-applicable', classicallyWeak: [] });
    expect(modern.reason).toMatch(/^`ssl_protocols` enables TLS 1\.2\/1\.3 and names no algorithm/);
    const old = findingVerdict(
      setting({ versions: ['1.0', '1.2'], flags: ['tls-below-1.2'] }, { 'config.setting': 'versions' }),
      policy,
    );
    expect(old).toMatchObject({ quantum: 'not-applicable', classicallyWeak: ['tls-below-1.2'] });
    expect(old.reason).toMatch(
      /Classically weak: protocol versions below TLS 1\.2 \(SSL 3\.0, TLS 1\.0 and TLS 1\.1 are deprecated/,
    );
  });

  it('a certificate or key reference names files, not algorithms', () => {
    const v = findingVerdict(
      setting({ references: [{ directive: 'ssl_certificate', path: 'certs/server.pem' }] }),
      policy,
    );
    expect(v.quantum).toBe('not-applicable');
    expect(v.reason).toMatch(/names files \(ssl_certificate certs\/server\.pem\), no algorithm/);
  });

  it('a host-key or signature list of classical algorithms is broken, not unknown', () => {
    const v = findingVerdict(
      setting({
        type: 'ssh',
        versions: ['2.0'],
        signatureAlgorithms: [
          sig('ssh-ed25519', { id: 'ed25519' }),
          sig('ecdsa-sha2-nistp256', { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }),
        ],
      }),
      policy,
    );
    expect(v.quantum).toBe('broken');
    expect(v.reason).toMatch(/classical signatures only \(ssh-ed25519, ecdsa-sha2-nistp256\)/);
  });

  it('a signature list with a post-quantum option is judged by what it offers, naming what stays forgeable', () => {
    const v = findingVerdict(
      setting({
        versions: ['1.3'],
        signatureAlgorithms: [sig('mldsa65', { id: 'ml-dsa-65' }), sig('ed25519', { id: 'ed25519' })],
      }),
      policy,
    );
    expect(v.quantum).toBe('resistant');
    expect(v.reason).toMatch(/post-quantum signatures \(mldsa65\); the classical ones it still accepts \(ed25519\)/);
  });

  it('combines what a setting controls: best key-exchange offer, best signature offer, worst cipher', () => {
    const groups = [
      { name: 'X25519MLKEM768', algorithm: { id: 'x25519mlkem768' } },
      { name: 'x25519', algorithm: { id: 'x25519' } },
    ];
    expect(findingVerdict(setting({ versions: ['1.3'], groups }), policy).quantum).toBe('hybrid');
    const withSigs = setting({
      versions: ['1.3'],
      groups,
      signatureAlgorithms: [sig('ecdsa_secp256r1_sha256', { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' })],
    });
    expect(findingVerdict(withSigs, policy)).toMatchObject({ quantum: 'broken' });
    const suites = setting({
      versions: ['1.2'],
      cipherSuites: [
        { name: 'TLS_RSA_WITH_AES_128_CBC_SHA', algorithms: [{ id: 'rsa' }, { id: 'aes', keyBits: 128, mode: 'cbc' }] },
      ],
      flags: ['static-rsa-kex', 'cbc-sha1'],
    });
    // Flags that only describe algorithms (cbc-sha1) are not weaknesses of their own; RSA key transport is.
    expect(findingVerdict(suites, policy)).toMatchObject({ quantum: 'broken', classicallyWeak: ['static-rsa-kex'] });
  });
});
