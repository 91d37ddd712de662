import { describe, expect, it } from 'vitest';
import { CRYPTO_LIBRARIES } from '../catalog/crypto-libraries.js';
import { algorithmFromOid, OIDS } from '../catalog/lookup.js';
import { sha256Hex } from '../model/canonical.js';
import type { Finding, Inventory } from '../model/finding.js';
import { VERDICT_ORDER } from '../policy/classify.js';
import { getPolicy } from '../policy/policies.js';
import { buildReport } from '../report/report.js';
import { contentUuid } from './ids.js';
import { serializeCbom } from './serialize.js';
import { validateCycloneDx } from './validate.js';
import { cycloneDxChunks, toCycloneDx } from './writer.js';

const FP_CERT = 'a1'.repeat(32);
const FP_KEY = 'b2'.repeat(32);
const FP_PRIV = 'c3'.repeat(32);
const policy = getPolicy('nist-ir-8547-draft+cnsa-2.0');

const findings: Finding[] = [
  {
    kind: 'algorithm',
    detector: 'c-crypto-api',
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
    detector: 'c-crypto-api',
    role: 'api-call',
    state: 'conditional',
    evidence: { path: 'src/other.c', line: 7, snippet: 'mbedtls_ecdsa_write_signature(...)' },
    algorithm: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
    notes: ['inside #ifdef MBEDTLS_ECDSA_C'],
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-api',
    role: 'api-call',
    evidence: { path: 'src/aes.c', line: 3 },
    algorithm: { id: 'aes', keyBits: 128, mode: 'gcm' },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-api',
    role: 'api-call',
    evidence: { path: 'src/aes.c', line: 9 },
    algorithm: { id: 'aes', mode: 'cbc', unresolved: { keyBits: 'cfg->bits' } },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-implementation',
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
    detector: 'c-crypto-api',
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
    detector: 'private-key',
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
    detector: 'openssh-config',
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
    detector: 'strongswan-ipsec',
    role: 'protocol-config',
    evidence: { path: 'etc/ipsec.conf', line: 2 },
    protocol: { type: 'dtls', versions: [], cipherSuites: [], groups: [], signatureAlgorithms: [] },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-config',
    role: 'config-disable',
    state: 'active',
    library: 'wolfCrypt',
    evidence: { path: 'include/user_settings.h', line: 4, snippet: '#define NO_DES3' },
    algorithm: { id: '3des' },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-config',
    role: 'config-enable',
    state: 'active',
    library: 'wolfCrypt',
    evidence: { path: 'include/user_settings.h', line: 9, snippet: '#define HAVE_AES_CBC' },
    algorithm: { id: 'aes', mode: 'cbc' },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-config',
    role: 'config-enable',
    state: 'inactive',
    library: 'wolfCrypt',
    evidence: { path: 'boards/b/user_settings.h', line: 9, snippet: '#define HAVE_AES_CBC' },
    algorithm: { id: 'aes', mode: 'cbc' },
  },
  {
    kind: 'key',
    detector: 'private-key',
    role: 'stored-object',
    evidence: { path: 'keys/pq.key', line: 1, snippet: '-----BEGIN ENCRYPTED PRIVATE KEY-----' },
    key: {
      keyType: 'private',
      algorithm: { id: 'ml-dsa-65', oid: '2.16.840.1.101.3.4.3.18' },
      format: 'EncryptedPKCS#8',
      encoding: 'PEM',
      fingerprint: { sha256: 'f5'.repeat(32) },
      protection: { id: 'pbes1', parameterSet: 'pbeWithMD5AndDES-CBC', oid: '1.2.840.113549.1.5.3' },
    },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-api',
    role: 'api-call',
    evidence: { path: 'src/mac.c', line: 5 },
    // The evidence carried the hash's OID: the component must still get HMAC-SHA256's own OID.
    algorithm: { id: 'hmac', hash: 'sha-256', oid: '2.16.840.1.101.3.4.2.1' },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-api',
    role: 'api-call',
    library: 'TF-M',
    evidence: { path: 'src/psa.c', line: 12 },
    algorithm: { id: 'aes', keyBits: 256, mode: 'gcm' },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-implementation',
    role: 'implementation',
    library: 'mbedTLS',
    evidence: { path: 'third_party/mbedtls-2/library/aes.c', line: 50 },
    algorithm: { id: 'aes' },
  },
  {
    kind: 'algorithm',
    detector: 'c-crypto-implementation',
    role: 'implementation',
    library: 'mbedTLS',
    evidence: { path: 'third_party/mbedtls/library/sha256.c', line: 30 },
    algorithm: { id: 'sha-256' },
  },
];

const inventory: Inventory = {
  tool: { name: 'pqready', version: '0.1.0' },
  scannedAt: '2026-01-01T00:00:00Z',
  roots: ['fw'],
  findings,
  libraries: [
    {
      id: 'mbedtls',
      version: '3.6.2',
      root: 'third_party/mbedtls',
      evidence: {
        path: 'third_party/mbedtls/include/mbedtls/build_info.h',
        line: 37,
        snippet: '#define MBEDTLS_VERSION_STRING "3.6.2"',
      },
    },
    {
      id: 'mbedtls',
      version: '2.28.8',
      root: 'third_party/mbedtls-2',
      evidence: { path: 'third_party/mbedtls-2/include/mbedtls/version.h', line: 37 },
    },
  ],
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

interface Occurrence {
  'bom-ref'?: string;
  location: string;
  line?: number;
  symbol?: string;
  additionalContext?: string;
}
type Component = {
  'bom-ref': string;
  name: string;
  type: string;
  version?: string;
  purl?: string;
  cryptoProperties?: {
    assetType?: string;
    oid?: string;
    algorithmProperties?: Record<string, unknown>;
    certificateProperties?: Record<string, unknown>;
    protocolProperties?: Record<string, unknown>;
    relatedCryptoMaterialProperties?: Record<string, unknown>;
  };
  evidence?: { occurrences: Occurrence[] };
  properties?: { name: string; value: string }[];
};
type Bom = {
  serialNumber: string;
  components: Component[];
  dependencies: { ref: string; dependsOn?: string[]; provides?: string[] }[];
  compositions: { aggregate: string; assemblies?: string[] }[];
  metadata: {
    timestamp: string;
    component: Record<string, unknown>;
    properties: { name: string; value: string }[];
  };
};

const props = (c: Component, name: string) => (c.properties ?? []).filter((p) => p.name === name).map((p) => p.value);
const prop = (c: Component, name: string) => {
  const values = props(c, name);
  expect(values.length, `${c['bom-ref']} ${name}`).toBeLessThanOrEqual(1);
  return values[0];
};
const at = (bom: Bom, location: string, line?: number) =>
  bom.components.filter((c) =>
    c.evidence?.occurrences.some((o) => o.location === location && (line === undefined || o.line === line)),
  );
/** Components standing for a finding at this place (their occurrence carries the finding id). */
const primaryAt = (bom: Bom, location: string, line?: number) =>
  bom.components.filter((c) =>
    c.evidence?.occurrences.some(
      (o) => o['bom-ref'] && o.location === location && (line === undefined || o.line === line),
    ),
  );
const algorithmAt = (bom: Bom, location: string, line?: number) =>
  primaryAt(bom, location, line).filter((c) => c.cryptoProperties?.assetType === 'algorithm');
const deps = (bom: Bom, ref: string) => bom.dependencies.find((d) => d.ref === ref);

describe.each(['1.6', '1.7'] as const)('toCycloneDx %s', (specVersion) => {
  const bom = toCycloneDx(inventory, { specVersion, policy }) as unknown as Bom;
  const byRef = new Map(bom.components.map((c) => [c['bom-ref'], c]));

  it('validates against the official schema, and every reference resolves', () => {
    expect(validateCycloneDx(bom, specVersion)).toEqual([]);
    const refs = new Set([...byRef.keys(), 'pqready/scan-root']);
    for (const d of bom.dependencies) {
      for (const r of [d.ref, ...(d.dependsOn ?? []), ...(d.provides ?? [])]) expect(refs, r).toContain(r);
    }
    // Every component is declared in the graph, leaves with an empty entry.
    expect(bom.dependencies.map((d) => d.ref).sort()).toEqual([...refs].sort());
  });

  it('is deterministic, with a content-derived serial number', () => {
    const again = toCycloneDx({ ...inventory, findings: [...findings].reverse() }, { specVersion, policy });
    expect(serializeCbom(again)).toBe(serializeCbom(bom));
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const seeded = toCycloneDx(inventory, { specVersion, policy, serialNumberSeed: 'x' }) as unknown as Bom;
    expect(seeded.serialNumber).not.toBe(bom.serialNumber);
    expect(serializeCbom(bom).endsWith('}\n')).toBe(true);
  });

  it('is written as a stream with the same bytes as the object, valid against the schema', () => {
    for (const opts of [
      { specVersion, policy },
      { specVersion, policy, serialNumberSeed: 'x' },
    ]) {
      const streamed = [...cycloneDxChunks(inventory, opts)].join('');
      expect(streamed).toBe(serializeCbom(toCycloneDx(inventory, opts)));
      expect(validateCycloneDx(JSON.parse(streamed), specVersion)).toEqual([]);
      // The serial number is the hash of the rest of the text, after the seed.
      const { serialNumber, ...rest } = JSON.parse(streamed) as Bom;
      expect(serialNumber).toBe(contentUuid(sha256Hex(`${opts.serialNumberSeed ?? ''}\u0000${serializeCbom(rest)}`)));
    }
  });

  it('never gives a component two values for one property', () => {
    for (const c of bom.components) {
      const names = (c.properties ?? []).map((p) => p.name);
      expect(names, c['bom-ref']).toEqual([...new Set(names)]);
    }
  });

  it('splits an algorithm by context: one component per role, state, origin and library', () => {
    const [signed] = algorithmAt(bom, 'src/sign.c');
    const [conditional] = algorithmAt(bom, 'src/other.c');
    // Application code calling Mbed TLS outside any copy: the unversioned library (the build decides the copy).
    expect(signed!['bom-ref']).toBe('crypto/algorithm/ecdsa-p256-sha256@api-call.mbedtls');
    expect(conditional!['bom-ref']).toBe('crypto/algorithm/ecdsa-p256-sha256@api-call.conditional');
    expect(prop(signed!, 'pqready:state')).toBe('active');
    expect(prop(conditional!, 'pqready:state')).toBe('conditional');
    for (const c of [signed!, conditional!]) expect(prop(c, 'pqready:quantum-verdict')).toBe('broken');
    expect(signed!.cryptoProperties?.algorithmProperties).toMatchObject(
      specVersion === '1.7'
        ? {
            algorithmFamily: 'ECDSA',
            ellipticCurve: 'nist/P-256',
            classicalSecurityLevel: 128,
            nistQuantumSecurityLevel: 0,
          }
        : { curve: 'secp256r1', classicalSecurityLevel: 128 },
    );
    // The same algorithm in a TLS configuration is a third component, with that configuration as evidence.
    const [scheme] = at(bom, 'etc/nginx/nginx.conf').filter((c) => c.name === 'ECDSA-P256-SHA256');
    expect(prop(scheme!, 'pqready:role')).toBe('protocol-config');
  });

  it('writes a disabled option as a disabled component that nothing uses and no library provides', () => {
    const [disabled] = algorithmAt(bom, 'include/user_settings.h', 4);
    expect(disabled!.name).toBe('3DES');
    expect(prop(disabled!, 'pqready:role')).toBe('config-disable');
    expect(prop(disabled!, 'pqready:state')).toBe('disabled');
    expect(disabled!['bom-ref']).toBe('crypto/algorithm/3des@config-disable.disabled.wolfssl');
    const wolf = bom.components.find((c) => c.type === 'library' && c.name === 'wolfSSL')!;
    expect(deps(bom, wolf['bom-ref'])?.provides).not.toContain(disabled!['bom-ref']);
    expect(deps(bom, 'pqready/scan-root')?.dependsOn).not.toContain(disabled!['bom-ref']);
    // An enabling option compiled out on one board and in effect on another: two components, one provided.
    const [enabled] = algorithmAt(bom, 'include/user_settings.h', 9);
    const [inactive] = algorithmAt(bom, 'boards/b/user_settings.h', 9);
    expect(enabled!['bom-ref']).not.toBe(inactive!['bom-ref']);
    expect(prop(inactive!, 'pqready:state')).toBe('inactive');
    expect(deps(bom, wolf['bom-ref'])?.provides).toEqual([enabled!['bom-ref']]);
  });

  it('gives each occurrence its own detector, role and state, and the finding id as its bom-ref', () => {
    const report = buildReport(inventory, policy);
    const ids = new Set(report.findings.map((f) => `finding/${f.id}`));
    const occurrenceRefs = bom.components.flatMap(
      (c) => c.evidence?.occurrences.flatMap((o) => o['bom-ref'] ?? []) ?? [],
    );
    // Every finding has exactly one occurrence carrying its id, in the component that stands for it.
    expect([...occurrenceRefs].sort()).toEqual([...ids].sort());
    const [disabled] = algorithmAt(bom, 'include/user_settings.h', 4);
    expect(disabled!.evidence!.occurrences[0]!.additionalContext).toBe(
      'detector=c-crypto-config; role=config-disable; state=disabled; library=wolfSSL; snippet=#define NO_DES3',
    );
    const [conditional] = algorithmAt(bom, 'src/other.c');
    expect(conditional!.evidence!.occurrences[0]!.additionalContext).toBe(
      'detector=c-crypto-api; role=api-call; state=conditional; note=inside #ifdef MBEDTLS_ECDSA_C; snippet=mbedtls_ecdsa_write_signature(...)',
    );
    const [unresolved] = algorithmAt(bom, 'src/aes.c', 9);
    expect(unresolved!.evidence!.occurrences[0]!.additionalContext).toContain('unresolved.keyBits=cfg->bits');
  });

  it('gives each component the verdict the JSON report gives its finding (keys: with their protection)', () => {
    const report = buildReport(inventory, policy);
    const byOccurrence = new Map(
      bom.components.flatMap(
        (c) => c.evidence?.occurrences.flatMap((o) => (o['bom-ref'] ? [[o['bom-ref'], c]] : [])) ?? [],
      ),
    );
    for (const f of report.findings) {
      const c = byOccurrence.get(`finding/${f.id}`)!;
      expect(prop(c, 'pqready:quantum-verdict'), `${f.kind} ${f.evidence.path}`).toBe(f.verdict.quantum);
      expect(prop(c, 'pqready:classically-weak') ?? '').toBe(f.verdict.classicallyWeak.join(', '));
    }
    const [pq] = primaryAt(bom, 'keys/pq.key');
    expect(prop(pq!, 'pqready:quantum-verdict')).toBe('weakened');
  });

  it('fills the fields the official examples fill, saying unknown where the tree cannot tell', () => {
    const algorithms = bom.components.filter((c) => c.cryptoProperties?.assetType === 'algorithm');
    for (const c of algorithms) {
      const ap = c.cryptoProperties!.algorithmProperties!;
      expect(ap.executionEnvironment, c['bom-ref']).toMatch(/^(unknown|software-tee)$/);
      expect(ap.implementationPlatform).toBe('unknown');
      expect(ap.certificationLevel).toEqual(['unknown']);
    }
    const [tfm] = algorithmAt(bom, 'src/psa.c');
    expect(tfm!.cryptoProperties!.algorithmProperties!.executionEnvironment).toBe('software-tee');
  });

  it('takes OIDs from the catalog, never a part’s OID for the whole', () => {
    const [hmac] = algorithmAt(bom, 'src/mac.c');
    expect(hmac!.name).toBe('HMAC-SHA256');
    expect(hmac!.cryptoProperties!.oid).toBe('1.2.840.113549.2.9');
    const [gcm] = algorithmAt(bom, 'src/aes.c', 3);
    expect(gcm!.cryptoProperties!.oid).toBe('2.16.840.1.101.3.4.1.6');
  });

  it('keeps unknown algorithms with their OID', () => {
    const [unknown] = algorithmAt(bom, 'blob.bin');
    expect(unknown!.cryptoProperties).toMatchObject({ assetType: 'algorithm', oid: '1.3.9999.9.9' });
    expect(prop(unknown!, 'pqready:quantum-verdict')).toBe('unknown');
  });

  it('makes libraries components with their declared version and purl, providing what they implement', () => {
    const v3 = byRef.get('pkg:github/Mbed-TLS/mbedtls@mbedtls-3.6.2')!;
    expect(v3).toMatchObject({ type: 'library', name: 'Mbed TLS', version: '3.6.2', purl: v3['bom-ref'] });
    expect(v3.evidence?.occurrences[0]).toMatchObject({
      location: 'third_party/mbedtls/include/mbedtls/build_info.h',
      line: 37,
    });
    const v2 = byRef.get('pkg:github/Mbed-TLS/mbedtls@mbedtls-2.28.8')!;
    // Findings inside a copy belong to it; application code calling the library belongs to no copy in particular.
    const [sha] = algorithmAt(bom, 'third_party/mbedtls/library/sha256.c');
    const [aes] = algorithmAt(bom, 'third_party/mbedtls-2/library/aes.c');
    expect(deps(bom, v3['bom-ref'])?.provides).toContain(sha!['bom-ref']);
    expect(deps(bom, v2['bom-ref'])?.provides).toContain(aes!['bom-ref']);
    const [call] = algorithmAt(bom, 'src/sign.c');
    expect(prop(call!, 'pqready:library')).toBe('Mbed TLS');
    expect(deps(bom, 'library/mbedtls')?.provides).toContain(call!['bom-ref']);
    expect(deps(bom, 'pqready/scan-root')?.dependsOn).toEqual(expect.arrayContaining([v2['bom-ref'], v3['bom-ref']]));
    // An API implemented by the copy it is called in belongs to that copy.
    const psa = toCycloneDx(
      {
        ...inventory,
        findings: [
          {
            kind: 'algorithm',
            detector: 'c-crypto-api',
            role: 'api-call',
            library: 'PSA Crypto',
            evidence: { path: 'third_party/mbedtls/library/psa_crypto.c', line: 10 },
            algorithm: { id: 'sha-256' },
          },
        ],
      },
      { specVersion, policy },
    ) as unknown as Bom;
    expect(algorithmAt(psa, 'third_party/mbedtls/library/psa_crypto.c')[0]!['bom-ref']).toBe(
      'crypto/algorithm/sha-256@api-call.mbedtls-3.6.2',
    );
    // With a single copy in the tree, a call outside it still names no version: the build decides what links.
    const one = toCycloneDx(
      { ...inventory, libraries: inventory.libraries!.slice(0, 1) },
      { specVersion, policy },
    ) as unknown as Bom;
    expect(algorithmAt(one, 'src/sign.c')[0]!['bom-ref']).toBe('crypto/algorithm/ecdsa-p256-sha256@api-call.mbedtls');
  });

  it('links certificates to signature algorithm and key as the spec version asks, one component per fingerprint', () => {
    const certRef = `crypto/certificate/device.example@sha256:${FP_CERT}`;
    const cert = byRef.get(certRef)!;
    expect(cert.evidence?.occurrences.map((o) => o.location)).toEqual(['certs/device.pem', 'copy/device.der']);
    const keyRef = `crypto/key/ec-p256-public@sha256:${FP_KEY}`;
    const sigRef = 'crypto/algorithm/rsa-pkcs1-1.5-sha256@stored-object';
    const cp = cert.cryptoProperties!.certificateProperties!;
    expect(cp).toMatchObject({ subjectName: 'CN=device.example,O=Acme', certificateFormat: 'X.509' });
    if (specVersion === '1.6') {
      expect(cp).toMatchObject({
        signatureAlgorithmRef: sigRef,
        subjectPublicKeyRef: keyRef,
        certificateExtension: 'pem',
      });
    } else {
      expect(cp).not.toHaveProperty('signatureAlgorithmRef');
      expect(cp).not.toHaveProperty('subjectPublicKeyRef');
      expect(cp).not.toHaveProperty('certificateExtension');
      expect(cp).toMatchObject({
        certificateFileExtension: 'pem',
        serialNumber: '0a1b',
        certificateState: [{ state: 'active' }],
        relatedCryptographicAssets: [
          { type: 'algorithm', ref: sigRef },
          { type: 'publicKey', ref: keyRef },
        ],
      });
    }
    expect(deps(bom, certRef)?.dependsOn).toEqual([sigRef, keyRef]);
    expect(prop(cert, 'pqready:exposure')).toMatch(/valid until 2040-01-01/);
    expect(deps(bom, keyRef)?.dependsOn).toEqual(['crypto/algorithm/ec-p256@stored-object']);
  });

  it('gives the parts of a composite their own components, seen where the composite was seen', () => {
    const composite = at(bom, 'certs/pq.der').find((c) => c.name.startsWith('MLDSA65'))!;
    const parts = deps(bom, composite['bom-ref'])!.dependsOn!;
    expect(parts).toEqual([
      'crypto/algorithm/ecdsa-p256-sha256@stored-object',
      'crypto/algorithm/ml-dsa-65@stored-object',
    ]);
    for (const part of parts)
      expect(byRef.get(part)!.evidence?.occurrences.map((o) => o.location)).toContain('certs/pq.der');
  });

  it('writes keys by fingerprint only, never key material, with securedBy for protected keys', () => {
    const text = serializeCbom(bom);
    expect(text).not.toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(text).not.toContain('AAAAC3NzaC1lZDI1NTE5');
    const priv = byRef.get(`crypto/key/rsa-1024-private@sha256:${FP_PRIV}`)!;
    const algRef = 'crypto/algorithm/rsa-1024@stored-object';
    const pbeRef = 'crypto/algorithm/pbes1-pbewithmd5anddes-cbc@stored-object';
    expect(priv.cryptoProperties?.relatedCryptoMaterialProperties).toMatchObject({
      type: 'private-key',
      size: 1024,
      securedBy: { mechanism: 'Software', algorithmRef: pbeRef },
      ...(specVersion === '1.6'
        ? { algorithmRef: algRef }
        : {
            relatedCryptographicAssets: [
              { type: 'algorithm', ref: algRef },
              { type: 'algorithm', ref: pbeRef },
            ],
          }),
    });
    expect(prop(priv, 'pqready:classically-weak')).toBe('pbes1, rsa-below-2048');
  });

  it('describes protocols with cipher suites, groups and referenced certificates', () => {
    const tls = bom.components.find((c) => c['bom-ref'].startsWith('crypto/protocol/tls@1.2-1.3'))!;
    const pp = tls.cryptoProperties?.protocolProperties as Record<string, unknown>;
    expect(pp).toMatchObject({ type: 'tls', version: '1.3' });
    expect(pp.cipherSuites).toEqual([
      {
        name: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        algorithms: [
          'crypto/algorithm/aes-256-gcm@protocol-config',
          'crypto/algorithm/ecdh@protocol-config',
          'crypto/algorithm/rsa@protocol-config',
          'crypto/algorithm/sha-384@protocol-config',
        ],
        identifiers: ['0xC030'],
        ...(specVersion === '1.7'
          ? { tlsGroups: ['X25519MLKEM768', 'x25519'], tlsSignatureSchemes: ['ecdsa_secp256r1_sha256'] }
          : {}),
      },
    ]);
    const certRef = `crypto/certificate/device.example@sha256:${FP_CERT}`;
    const related =
      specVersion === '1.6'
        ? (pp.cryptoRefArray as string[])
        : (pp.relatedCryptographicAssets as { ref: string }[]).map((r) => r.ref);
    expect(related).toContain(certRef);
    expect(related).toContain('crypto/algorithm/x25519mlkem768@protocol-config');
    if (specVersion === '1.7') {
      expect(pp).not.toHaveProperty('cryptoRefArray');
      expect(pp.relatedCryptographicAssets).toContainEqual({ type: 'certificate', ref: certRef });
    }
    expect(prop(tls, 'pqready:quantum-verdict')).toBe('broken');
    expect(prop(tls, 'pqready:groups')).toBe('X25519MLKEM768:x25519');
    const dtls = bom.components.find((c) => c['bom-ref'].startsWith('crypto/protocol/dtls'))!;
    expect(dtls.cryptoProperties?.protocolProperties?.type).toBe(specVersion === '1.7' ? 'dtls' : 'other');
  });

  it('says the inventory is incomplete when something was not examined, and unknown otherwise', () => {
    expect(bom.compositions).toEqual([
      { aggregate: 'incomplete', assemblies: ['pqready/scan-root'], dependencies: ['pqready/scan-root'] },
    ]);
    const clean = toCycloneDx({ ...inventory, diagnostics: [] }, { specVersion, policy }) as unknown as Bom;
    expect(clean.compositions[0]!.aggregate).toBe('unknown');
    const infoOnly = toCycloneDx(
      { ...inventory, diagnostics: [{ severity: 'info', code: 'symlink-loop', message: 'x', path: 'a' }] },
      { specVersion, policy },
    ) as unknown as Bom;
    expect(infoOnly.compositions[0]!.aggregate).toBe('unknown');
  });

  it('names the product when asked, and the roots otherwise', () => {
    expect(bom.metadata.component).toEqual({ type: 'firmware', 'bom-ref': 'pqready/scan-root', name: 'fw' });
    const named = toCycloneDx(inventory, {
      specVersion,
      policy,
      component: { name: 'infusion-pump', version: '2.4.1', supplier: 'Acme Medical' },
    }) as unknown as Bom;
    expect(named.metadata.component).toEqual({
      type: 'firmware',
      'bom-ref': 'pqready/scan-root',
      name: 'infusion-pump',
      version: '2.4.1',
      supplier: { name: 'Acme Medical' },
    });
    expect(validateCycloneDx(named, specVersion)).toEqual([]);
  });

  it('carries metadata, policy and every diagnostic', () => {
    expect(bom.metadata.timestamp).toBe('2026-01-01T00:00:00Z');
    const diags = bom.metadata.properties.filter((p) => p.name === 'pqready:diagnostic');
    expect(diags.map((d) => JSON.parse(d.value).code).sort()).toEqual(['der-truncated', 'unreadable']);
    expect(bom.metadata.properties).toContainEqual({ name: 'pqready:policy', value: 'nist-ir-8547-draft+cnsa-2.0' });
    expect(bom.metadata.properties).toContainEqual({ name: 'pqready:not-examined', value: '2' });
  });
});

describe('catalog OIDs in the CBOM', () => {
  it('every catalog algorithm with an OID gets one, naming that same algorithm', () => {
    const rows = OIDS.filter((r) => r.kind === 'algorithm' && r.ref);
    const inv: Inventory = {
      ...inventory,
      libraries: [],
      diagnostics: [],
      findings: rows.map((r, i) => ({
        kind: 'algorithm',
        detector: 'c-crypto-api',
        role: 'api-call',
        evidence: { path: `oids/${i}.c`, line: 1 },
        algorithm: r.ref!,
      })),
    };
    const bom = toCycloneDx(inv, { specVersion: '1.7', policy }) as unknown as Bom;
    expect(validateCycloneDx(bom, '1.7')).toEqual([]);
    rows.forEach((r, i) => {
      const [c] = algorithmAt(bom, `oids/${i}.c`);
      const oid = c!.cryptoProperties!.oid as string | undefined;
      expect(oid, `${r.oid} ${r.name}`).toBeDefined();
      expect(algorithmFromOid(oid!)).toMatchObject({ ...r.ref, oid });
    });
  });
});

describe('crypto library catalog', () => {
  it('knows every library the detectors may name once, with a source', () => {
    const names = CRYPTO_LIBRARIES.flatMap((r) => [r.id, r.name, ...r.aliases].map((n) => n.toLowerCase()));
    const perRow = CRYPTO_LIBRARIES.map((r) => new Set([r.id, r.name, ...r.aliases].map((n) => n.toLowerCase())).size);
    expect(new Set(names).size).toBe(perRow.reduce((a, b) => a + b, 0));
    for (const row of CRYPTO_LIBRARIES) expect(row.sources.length, row.id).toBeGreaterThan(0);
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
  const report = buildReport(inventory, policy);

  it('summarises verdicts and kinds deterministically', () => {
    const kinds = { algorithm: 0, certificate: 0, key: 0, protocol: 0 };
    for (const f of findings) kinds[f.kind] += 1;
    expect(report.summary.byKind).toEqual(kinds);
    expect(report.summary.findings).toBe(findings.length);
    expect(Object.keys(report.summary.byVerdict)).toEqual([...VERDICT_ORDER]);
    expect(Object.values(report.summary.byVerdict).reduce((a, b) => a + b, 0)).toBe(findings.length);
    expect(report.summary.diagnostics).toEqual({ error: 1, warning: 1, info: 0 });
    expect(report.findings.map((f) => f.evidence.path)).toEqual(
      [...report.findings.map((f) => f.evidence.path)].sort(),
    );
    const ssh = report.findings.find((f) => f.kind === 'protocol' && f.protocol.type === 'ssh')!;
    expect(ssh.verdict.quantum).toBe('hybrid');
    const cert = report.findings.find((f) => f.kind === 'certificate' && f.evidence.path === 'certs/device.pem')!;
    expect(cert.verdict.quantum).toBe('broken');
    expect(cert.exposure?.milestones.length).toBeGreaterThan(0);
    expect(cert.algorithms).toEqual([
      { use: 'signature', algorithm: 'RSA-PKCS1-1.5-SHA256' },
      { use: 'public-key', algorithm: 'EC-P256' },
    ]);
    expect(JSON.stringify(buildReport({ ...inventory, findings: [...findings].reverse() }, policy))).toBe(
      JSON.stringify(report),
    );
  });

  it('describes each algorithm once, with its verdict and sources by index', () => {
    const used = new Set(report.findings.flatMap((f) => f.algorithms.map((a) => a.algorithm)));
    expect(new Set(Object.keys(report.algorithms))).toEqual(used);
    for (const [key, a] of Object.entries(report.algorithms)) {
      expect(key.startsWith(a.description.name), key).toBe(true);
      expect(a.description).not.toHaveProperty('sources');
      for (const i of a.sources) expect(report.sources[i]).toBeDefined();
    }
    expect(report.algorithms['HMAC-SHA256']?.description.oid).toBe('1.2.840.113549.2.9');
    for (const i of report.policy.sources) expect(report.sources[i]).toBeDefined();
    // Sources are listed once.
    expect(new Set(report.sources.map((s) => JSON.stringify(s))).size).toBe(report.sources.length);
  });

  it('lists a cipher suite’s algorithms once per algorithm, not once per suite', () => {
    const tls = report.findings.find((f) => f.kind === 'protocol' && f.protocol.type === 'tls')!;
    const uses = tls.algorithms.map((a) => JSON.stringify(a));
    expect(uses).toEqual([...new Set(uses)]);
    expect(tls.algorithms.filter((a) => a.use === 'cipher-suite').every((a) => a.via === undefined)).toBe(true);
    expect(tls.algorithms.filter((a) => a.use === 'group').map((a) => a.via)).toEqual(['X25519MLKEM768', 'x25519']);
  });

  it('writes protocol algorithms and file hashes once: keys into `algorithms`, hashes in `files`', () => {
    const tls = report.findings.find((f) => f.kind === 'protocol' && f.protocol.type === 'tls')!;
    if (tls.kind !== 'protocol') throw new Error('unreachable');
    expect(tls.protocol.cipherSuites[0]?.algorithms).toEqual(['ECDH', 'RSA', 'AES-256-GCM', 'SHA-384']);
    for (const k of tls.protocol.cipherSuites.flatMap((s) => s.algorithms)) expect(report.algorithms[k]).toBeDefined();
    expect(tls.protocol.groups.map((g) => g.algorithm)).toEqual(['X25519MLKEM768', 'X25519']);
    expect(report.findings.some((f) => 'fileSha256' in f.evidence)).toBe(false);
    expect(report.files).toEqual({ 'certs/device.pem': 'dd'.repeat(32) });
  });

  it('gives every finding a stable id, unique in the report', () => {
    const ids = report.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}(-[0-9]+)?$/);
    const moved = buildReport(
      {
        ...inventory,
        findings: findings.map((f) => ({ ...f, evidence: { ...f.evidence, fileSha256: 'ee'.repeat(32) } })),
      },
      policy,
    );
    expect(moved.findings.map((f) => f.id)).toEqual(ids);
  });
});
