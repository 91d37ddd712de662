import { describe, expect, it } from 'vitest';
import type { Finding, Inventory } from '../model/finding.js';
import { getPolicy } from '../policy/policies.js';
import { buildReport } from '../report/report.js';
import { serializeCbom } from './serialize.js';
import { validateCycloneDx } from './validate.js';
import { toCycloneDx } from './writer.js';

const FP_CERT = 'a1'.repeat(32);
const FP_KEY = 'b2'.repeat(32);
const FP_PRIV = 'c3'.repeat(32);
const policy = getPolicy('nist-ir-8547-draft+cnsa-2.0');

const findings: Finding[] = [
  {
    kind: 'algorithm',
    detector: 'c-mbedtls-api',
    role: 'api-call',
    state: 'active',
    library: 'mbedTLS',
    context: 'sign_image',
    evidence: {
      path: 'src/sign.c',
      line: 42,
      column: 5,
      snippet: 'mbedtls_ecdsa_write_signature(&ctx, MBEDTLS_MD_SHA256, ...)',
    },
    algorithm: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
  },
  {
    kind: 'algorithm',
    detector: 'c-mbedtls-api',
    role: 'api-call',
    state: 'conditional',
    evidence: { path: 'src/other.c', line: 7, snippet: 'mbedtls_ecdsa_write_signature(...)' },
    algorithm: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
    notes: ['inside #ifdef MBEDTLS_ECDSA_C'],
  },
  {
    kind: 'algorithm',
    detector: 'c-mbedtls-api',
    role: 'api-call',
    evidence: { path: 'src/aes.c', line: 3 },
    algorithm: { id: 'aes', keyBits: 128, mode: 'gcm' },
  },
  {
    kind: 'algorithm',
    detector: 'c-mbedtls-api',
    role: 'api-call',
    evidence: { path: 'src/aes.c', line: 9 },
    algorithm: { id: 'aes', mode: 'cbc', unresolved: { keyBits: 'cfg->bits' } },
  },
  {
    kind: 'algorithm',
    detector: 'c-mbedtls-config',
    role: 'implementation',
    library: 'mbedTLS',
    evidence: { path: 'include/mbedtls_config.h', line: 100, snippet: '#define MBEDTLS_AES_C' },
    algorithm: { id: 'aes' },
  },
  {
    kind: 'algorithm',
    detector: 'x509-certificate',
    role: 'stored-object',
    evidence: { path: 'blob.bin', offset: 128 },
    algorithm: { id: 'unknown', oid: '1.3.9999.9.9' },
  },
  {
    kind: 'algorithm',
    detector: 'c-generic',
    role: 'api-call',
    evidence: { path: 'src/wrap.c', line: 1 },
    algorithm: { id: 'aes', keyBits: 256, mode: 'kw' },
  },
  {
    kind: 'certificate',
    detector: 'x509-certificate',
    role: 'stored-object',
    evidence: { path: 'certs/device.pem', line: 1, fileSha256: 'dd'.repeat(32) },
    certificate: {
      type: 'certificate',
      encoding: 'PEM',
      subject: 'CN=device.example,O=Acme',
      issuer: 'CN=Acme Root,O=Acme',
      serialNumber: '0a1b',
      notBefore: '2024-01-01T00:00:00Z',
      notAfter: '2040-01-01T00:00:00Z',
      signatureAlgorithm: { id: 'rsa-pkcs1v15', hash: 'sha-256', oid: '1.2.840.113549.1.1.11' },
      publicKey: {
        keyType: 'public',
        algorithm: { id: 'ec', curve: 'p-256', oid: '1.2.840.10045.2.1' },
        sizeBits: 256,
        format: 'SPKI',
        fingerprint: { sha256: FP_KEY },
      },
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: ['codeSigning'],
      basicConstraints: { ca: false },
      subjectAltNames: ['DNS:device.example'],
      fingerprint: { sha256: FP_CERT },
      validity: 'valid',
      extensions: [{ oid: '2.5.29.15', name: 'keyUsage', critical: true }],
    },
  },
  {
    kind: 'certificate',
    detector: 'x509-certificate',
    role: 'stored-object',
    evidence: { path: 'copy/device.der', offset: 0 },
    certificate: {
      type: 'certificate',
      encoding: 'DER',
      subject: 'CN=device.example,O=Acme',
      signatureAlgorithm: { id: 'rsa-pkcs1v15', hash: 'sha-256', oid: '1.2.840.113549.1.1.11' },
      fingerprint: { sha256: FP_CERT },
    },
  },
  {
    kind: 'certificate',
    detector: 'x509-certificate',
    role: 'stored-object',
    evidence: { path: 'certs/pq.der' },
    certificate: {
      type: 'certificate',
      encoding: 'DER',
      subject: 'CN=pq',
      notAfter: 'not a date',
      signatureAlgorithm: {
        id: 'mldsa65-ecdsa-p256-sha512',
        oid: '1.3.6.1.5.5.7.6.45',
        components: [{ id: 'ml-dsa-65' }, { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }],
      },
      publicKey: { keyType: 'public', algorithm: { id: 'ml-dsa-65' }, format: 'SPKI' },
      fingerprint: { sha256: 'e4'.repeat(32) },
    },
  },
  {
    kind: 'key',
    detector: 'pem-key',
    role: 'stored-object',
    evidence: { path: 'keys/device.key', line: 1, snippet: '-----BEGIN ENCRYPTED PRIVATE KEY-----' },
    key: {
      keyType: 'private',
      algorithm: { id: 'rsa', keyBits: 1024 },
      sizeBits: 1024,
      format: 'EncryptedPKCS#8',
      encoding: 'PEM',
      fingerprint: { sha256: FP_PRIV },
      protection: { id: 'pbes1', parameterSet: 'pbeWithMD5AndDES-CBC', oid: '1.2.840.113549.1.5.3' },
    },
  },
  {
    kind: 'key',
    detector: 'openssh-key',
    role: 'stored-object',
    evidence: {
      path: 'keys/host.pub',
      line: 1,
      snippet: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA host',
    },
    key: { keyType: 'public', algorithm: { id: 'ed25519' }, format: 'OpenSSH', encoding: 'text', comment: 'host' },
  },
  {
    kind: 'protocol',
    detector: 'nginx-tls',
    role: 'protocol-config',
    context: 'http > server[example.org:443]',
    origin: 'explicit',
    evidence: { path: 'etc/nginx/nginx.conf', line: 12, snippet: 'ssl_protocols TLSv1.2 TLSv1.3;' },
    protocol: {
      type: 'tls',
      versions: ['1.3', '1.2'],
      cipherSuites: [
        {
          name: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
          openssl: 'ECDHE-RSA-AES256-GCM-SHA384',
          codePoint: '0xC030',
          algorithms: [{ id: 'ecdh' }, { id: 'rsa' }, { id: 'aes', keyBits: 256, mode: 'gcm' }, { id: 'sha-384' }],
        },
      ],
      groups: [
        { name: 'X25519MLKEM768', codePoint: '0x11EC', algorithm: { id: 'x25519mlkem768' } },
        { name: 'x25519', codePoint: '0x001D', algorithm: { id: 'x25519' } },
      ],
      signatureAlgorithms: [
        { name: 'ecdsa_secp256r1_sha256', algorithm: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' } },
      ],
      references: [{ directive: 'ssl_certificate', path: '/certs/device.pem' }],
      flags: ['cbc-sha1'],
    },
  },
  {
    kind: 'protocol',
    detector: 'sshd-config',
    role: 'protocol-config',
    evidence: { path: 'etc/ssh/sshd_config', line: 3 },
    protocol: {
      type: 'ssh',
      versions: ['2.0'],
      cipherSuites: [],
      groups: [{ name: 'sntrup761x25519-sha512', algorithm: { id: 'sntrup761x25519-sha512' } }],
      signatureAlgorithms: [],
      algorithms: [{ id: 'hmac', hash: 'sha-256' }, { id: 'chacha20-poly1305' }],
    },
  },
  {
    kind: 'protocol',
    detector: 'strongswan',
    role: 'protocol-config',
    evidence: { path: 'etc/ipsec.conf', line: 2 },
    protocol: { type: 'dtls', versions: [], cipherSuites: [], groups: [], signatureAlgorithms: [] },
  },
];

const inventory: Inventory = {
  tool: { name: 'pqready', version: '0.1.0' },
  scannedAt: '2026-01-01T00:00:00Z',
  roots: ['fw'],
  findings,
  diagnostics: [
    {
      severity: 'warning',
      code: 'der-truncated',
      message: 'DER object ends early.',
      path: 'blob.bin',
      detector: 'x509-certificate',
    },
    { severity: 'error', code: 'unreadable', message: 'Permission denied.', path: 'secret/x' },
  ],
  stats: { filesScanned: 12, bytesScanned: 34567, filesSkipped: 1 },
};

type Bom = {
  serialNumber: string;
  components: {
    'bom-ref': string;
    name: string;
    type: string;
    cryptoProperties?: Record<string, Record<string, unknown>>;
    evidence?: { occurrences: { location: string; additionalContext?: string }[] };
    properties?: { name: string; value: string }[];
  }[];
  dependencies: { ref: string; dependsOn?: string[]; provides?: string[] }[];
  metadata: { timestamp: string; properties: { name: string; value: string }[] };
};

const props = (c: Bom['components'][number], name: string) =>
  (c.properties ?? []).filter((p) => p.name === name).map((p) => p.value);

describe.each(['1.6', '1.7'] as const)('toCycloneDx %s', (specVersion) => {
  const bom = toCycloneDx(inventory, { specVersion, policy }) as unknown as Bom;
  const byRef = new Map(bom.components.map((c) => [c['bom-ref'], c]));

  it('validates against the official schema', () => {
    expect(validateCycloneDx(bom, specVersion)).toEqual([]);
  });

  it('is deterministic, with a content-derived serial number', () => {
    const again = toCycloneDx({ ...inventory, findings: [...findings].reverse() }, { specVersion, policy });
    expect(serializeCbom(again)).toBe(serializeCbom(bom));
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const seeded = toCycloneDx(inventory, { specVersion, policy, serialNumberSeed: 'x' }) as unknown as Bom;
    expect(seeded.serialNumber).not.toBe(bom.serialNumber);
    expect(serializeCbom(bom).endsWith('}\n')).toBe(true);
  });

  it('merges occurrences of one algorithm into one component', () => {
    const ecdsa = byRef.get('crypto/algorithm/ecdsa-p256-sha256')!;
    expect(ecdsa.evidence?.occurrences.map((o) => o.location)).toEqual([
      'etc/nginx/nginx.conf',
      'src/other.c',
      'src/sign.c',
    ]);
    expect(props(ecdsa, 'pqready:quantum-verdict')).toEqual(['broken']);
    expect(props(ecdsa, 'pqready:state')).toEqual(['active', 'conditional']);
    expect(ecdsa.cryptoProperties?.algorithmProperties).toMatchObject(
      specVersion === '1.7'
        ? {
            algorithmFamily: 'ECDSA',
            ellipticCurve: 'nist/P-256',
            classicalSecurityLevel: 128,
            nistQuantumSecurityLevel: 0,
          }
        : { curve: 'secp256r1', classicalSecurityLevel: 128 },
    );
    expect(props(byRef.get('crypto/algorithm/aes-cbc')!, 'pqready:unresolved:keyBits')).toEqual(['cfg->bits']);
  });

  it('keeps unknown algorithms with their OID', () => {
    const unknown = byRef.get('crypto/algorithm/unknown-1.3.9999.9.9')!;
    expect(unknown.cryptoProperties).toMatchObject({ assetType: 'algorithm', oid: '1.3.9999.9.9' });
    expect(props(unknown, 'pqready:quantum-verdict')).toEqual(['unknown']);
  });

  it('links certificates to signature algorithm and key, one component per fingerprint', () => {
    const certRef = `crypto/certificate/device.example@sha256:${FP_CERT}`;
    const cert = byRef.get(certRef)!;
    expect(cert.evidence?.occurrences.map((o) => o.location)).toEqual(['certs/device.pem', 'copy/device.der']);
    const keyRef = `crypto/key/ec-p256-public@sha256:${FP_KEY}`;
    expect(cert.cryptoProperties?.certificateProperties).toMatchObject({
      subjectName: 'CN=device.example,O=Acme',
      signatureAlgorithmRef: 'crypto/algorithm/rsa-pkcs1-1.5-sha256',
      subjectPublicKeyRef: keyRef,
      certificateFormat: 'X.509',
    });
    expect(bom.dependencies.find((d) => d.ref === certRef)?.dependsOn).toEqual([
      'crypto/algorithm/rsa-pkcs1-1.5-sha256',
      keyRef,
    ]);
    expect(props(cert, 'pqready:exposure')[0]).toMatch(/valid until 2040-01-01/);
    expect(bom.dependencies.find((d) => d.ref === keyRef)?.dependsOn).toEqual(['crypto/algorithm/ec-p256']);
  });

  it('writes keys by fingerprint only, never key material, with securedBy for protected keys', () => {
    const text = serializeCbom(bom);
    expect(text).not.toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(text).not.toContain('AAAAC3NzaC1lZDI1NTE5');
    const priv = byRef.get(`crypto/key/rsa-1024-private@sha256:${FP_PRIV}`)!;
    expect(priv.cryptoProperties?.relatedCryptoMaterialProperties).toMatchObject({
      type: 'private-key',
      size: 1024,
      algorithmRef: 'crypto/algorithm/rsa-1024',
      securedBy: { mechanism: 'Software', algorithmRef: 'crypto/algorithm/pbes1-pbewithmd5anddes-cbc' },
    });
    expect(props(priv, 'pqready:classically-weak')).toEqual(['rsa-below-2048']);
  });

  it('describes protocols with cipher suites, groups and referenced certificates', () => {
    const tls = bom.components.find((c) => c['bom-ref'].startsWith('crypto/protocol/tls@1.2-1.3'))!;
    const pp = tls.cryptoProperties?.protocolProperties as Record<string, unknown>;
    expect(pp).toMatchObject({ type: 'tls', version: '1.3' });
    expect(pp.cipherSuites).toEqual([
      {
        name: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        algorithms: [
          'crypto/algorithm/aes-256-gcm',
          'crypto/algorithm/ecdh',
          'crypto/algorithm/rsa',
          'crypto/algorithm/sha-384',
        ],
        identifiers: ['0xC030'],
        ...(specVersion === '1.7'
          ? { tlsGroups: ['X25519MLKEM768', 'x25519'], tlsSignatureSchemes: ['ecdsa_secp256r1_sha256'] }
          : {}),
      },
    ]);
    expect(pp.cryptoRefArray).toContain(`crypto/certificate/device.example@sha256:${FP_CERT}`);
    expect(pp.cryptoRefArray).toContain('crypto/algorithm/x25519mlkem768');
    expect(props(tls, 'pqready:quantum-verdict')).toEqual(['broken']);
    expect(props(tls, 'pqready:groups')).toEqual(['X25519MLKEM768:x25519']);
    const dtls = bom.components.find((c) => c['bom-ref'].startsWith('crypto/protocol/dtls'))!;
    expect(dtls.cryptoProperties?.protocolProperties?.type).toBe(specVersion === '1.7' ? 'dtls' : 'other');
  });

  it('records implementations with provides and composites with their parts', () => {
    expect(bom.dependencies.find((d) => d.ref === 'library/mbedtls')).toEqual({
      ref: 'library/mbedtls',
      provides: ['crypto/algorithm/aes'],
    });
    expect(bom.dependencies.find((d) => d.ref === 'crypto/algorithm/mldsa65-ecdsa-p256-sha512')?.dependsOn).toEqual([
      'crypto/algorithm/ecdsa-p256-sha256',
      'crypto/algorithm/ml-dsa-65',
    ]);
    const root = bom.dependencies.find((d) => d.ref === 'pqready/scan-root')!;
    expect(root.dependsOn).toContain('crypto/algorithm/aes-128-gcm');
    expect(root.dependsOn).not.toContain('crypto/algorithm/aes');
  });

  it('carries metadata, policy and every diagnostic', () => {
    expect(bom.metadata.timestamp).toBe('2026-01-01T00:00:00Z');
    const diags = bom.metadata.properties.filter((p) => p.name === 'pqready:diagnostic');
    expect(diags).toHaveLength(2);
    expect(diags.map((d) => JSON.parse(d.value).code).sort()).toEqual(['der-truncated', 'unreadable']);
    expect(bom.metadata.properties).toContainEqual({ name: 'pqready:policy', value: 'nist-ir-8547-draft+cnsa-2.0' });
  });
});

describe('validateCycloneDx', () => {
  it('reports schema errors', () => {
    expect(validateCycloneDx({ bomFormat: 'CycloneDX', specVersion: '1.6' }, '1.6')).toEqual([]);
    const errors = validateCycloneDx(
      {
        bomFormat: 'CycloneDX',
        specVersion: '1.7',
        components: [
          {
            type: 'cryptographic-asset',
            name: 'x',
            cryptoProperties: { assetType: 'algorithm', algorithmProperties: { ellipticCurve: 'nist/P-999' } },
          },
        ],
      },
      '1.7',
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(validateCycloneDx({ bomFormat: 'nope' }, '1.6').length).toBeGreaterThan(0);
  });
});

describe('buildReport', () => {
  it('summarises verdicts and kinds deterministically', () => {
    const report = buildReport(inventory, policy);
    expect(report.summary.byKind).toEqual({ algorithm: 7, certificate: 3, key: 2, protocol: 3 });
    expect(report.summary.findings).toBe(15);
    expect(report.summary.diagnostics).toEqual({ error: 1, warning: 1, info: 0 });
    expect(report.policy).toMatchObject({ id: 'nist-ir-8547-draft+cnsa-2.0' });
    expect(report.findings.map((f) => f.evidence.path)).toEqual(
      [...report.findings.map((f) => f.evidence.path)].sort(),
    );
    const ssh = report.findings.find((f) => f.kind === 'protocol' && f.protocol.type === 'ssh')!;
    expect(ssh.verdict.quantum).toBe('hybrid');
    const cert = report.findings.find((f) => f.kind === 'certificate' && f.evidence.path === 'certs/device.pem')!;
    expect(cert.verdict.quantum).toBe('broken');
    expect(cert.exposure?.milestones.length).toBeGreaterThan(0);
    expect(cert.algorithms.map((a) => a.description.name)).toEqual(['RSA-PKCS1-1.5-SHA256', 'EC-P256']);
    expect(JSON.stringify(buildReport({ ...inventory, findings: [...findings].reverse() }, policy))).toBe(
      JSON.stringify(report),
    );
    const sum = Object.values(report.summary.byVerdict).reduce((a, b) => a + b, 0);
    expect(sum).toBe(15);
  });
});
