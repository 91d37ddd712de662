/**
 * Composite ML-DSA / ML-KEM (draft-ietf-lamps-pq-composite-sigs / -kem) and protocol hybrids
 * (TLS groups from draft-ietf-tls-ecdhe-mlkem, SSH KEX names from OpenSSH). One table per family;
 * algorithm rows and OID rows are both derived from it so that they cannot disagree.
 */
import type { AlgorithmRef } from '../model/finding.js';
import { SRC } from './sources.js';
import type { AlgorithmRow, OidArcRow, OidRow } from './types.js';

const CATEGORY_BITS: Readonly<Record<number, number>> = { 2: 128, 3: 192, 5: 256 };

/** draft-ietf-lamps-pq-composite-sigs: OID 1.3.6.1.5.5.7.6.<arc>; prototype (hackathon) arc 2.16.840.1.114027.80.9.1.<proto>. */
const COMPOSITE_SIGS = Object.freeze([
  {
    arc: 37,
    proto: 20,
    name: 'MLDSA44-RSA2048-PSS-SHA256',
    mldsa: 44,
    trad: { id: 'rsa-pss', keyBits: 2048, hash: 'sha-256' },
  },
  {
    arc: 38,
    proto: 21,
    name: 'MLDSA44-RSA2048-PKCS15-SHA256',
    mldsa: 44,
    trad: { id: 'rsa-pkcs1v15', keyBits: 2048, hash: 'sha-256' },
  },
  { arc: 39, proto: 22, name: 'MLDSA44-Ed25519-SHA512', mldsa: 44, trad: { id: 'ed25519' } },
  {
    arc: 40,
    proto: 23,
    name: 'MLDSA44-ECDSA-P256-SHA256',
    mldsa: 44,
    trad: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
  },
  {
    arc: 41,
    proto: 24,
    name: 'MLDSA65-RSA3072-PSS-SHA512',
    mldsa: 65,
    trad: { id: 'rsa-pss', keyBits: 3072, hash: 'sha-256' },
  },
  {
    arc: 42,
    proto: 25,
    name: 'MLDSA65-RSA3072-PKCS15-SHA512',
    mldsa: 65,
    trad: { id: 'rsa-pkcs1v15', keyBits: 3072, hash: 'sha-256' },
  },
  {
    arc: 43,
    proto: 26,
    name: 'MLDSA65-RSA4096-PSS-SHA512',
    mldsa: 65,
    trad: { id: 'rsa-pss', keyBits: 4096, hash: 'sha-384' },
  },
  {
    arc: 44,
    proto: 27,
    name: 'MLDSA65-RSA4096-PKCS15-SHA512',
    mldsa: 65,
    trad: { id: 'rsa-pkcs1v15', keyBits: 4096, hash: 'sha-384' },
  },
  {
    arc: 45,
    proto: 28,
    name: 'MLDSA65-ECDSA-P256-SHA512',
    mldsa: 65,
    trad: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
  },
  {
    arc: 46,
    proto: 29,
    name: 'MLDSA65-ECDSA-P384-SHA512',
    mldsa: 65,
    trad: { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' },
  },
  {
    arc: 47,
    proto: 30,
    name: 'MLDSA65-ECDSA-brainpoolP256r1-SHA512',
    mldsa: 65,
    trad: { id: 'ecdsa', curve: 'brainpoolp256r1', hash: 'sha-256' },
  },
  { arc: 48, proto: 31, name: 'MLDSA65-Ed25519-SHA512', mldsa: 65, trad: { id: 'ed25519' } },
  {
    arc: 49,
    proto: 32,
    name: 'MLDSA87-ECDSA-P384-SHA512',
    mldsa: 87,
    trad: { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' },
  },
  {
    arc: 50,
    proto: 33,
    name: 'MLDSA87-ECDSA-brainpoolP384r1-SHA512',
    mldsa: 87,
    trad: { id: 'ecdsa', curve: 'brainpoolp384r1', hash: 'sha-384' },
  },
  { arc: 51, proto: 34, name: 'MLDSA87-Ed448-SHAKE256', mldsa: 87, trad: { id: 'ed448' } },
  {
    arc: 52,
    proto: 35,
    name: 'MLDSA87-RSA3072-PSS-SHA512',
    mldsa: 87,
    trad: { id: 'rsa-pss', keyBits: 3072, hash: 'sha-256' },
  },
  {
    arc: 53,
    proto: 36,
    name: 'MLDSA87-RSA4096-PSS-SHA512',
    mldsa: 87,
    trad: { id: 'rsa-pss', keyBits: 4096, hash: 'sha-384' },
  },
  {
    arc: 54,
    proto: 37,
    name: 'MLDSA87-ECDSA-P521-SHA512',
    mldsa: 87,
    trad: { id: 'ecdsa', curve: 'p-521', hash: 'sha-512' },
  },
] as const satisfies readonly { arc: number; proto: number; name: string; mldsa: 44 | 65 | 87; trad: AlgorithmRef }[]);

/** draft-ietf-lamps-pq-composite-kem: OID 1.3.6.1.5.5.7.6.<arc>. */
const COMPOSITE_KEMS = Object.freeze([
  { arc: 55, name: 'MLKEM768-RSA2048-SHA3-256', mlkem: 768, trad: { id: 'rsa-oaep', keyBits: 2048 } },
  { arc: 56, name: 'MLKEM768-RSA3072-SHA3-256', mlkem: 768, trad: { id: 'rsa-oaep', keyBits: 3072 } },
  { arc: 57, name: 'MLKEM768-RSA4096-SHA3-256', mlkem: 768, trad: { id: 'rsa-oaep', keyBits: 4096 } },
  { arc: 58, name: 'MLKEM768-X25519-SHA3-256', mlkem: 768, trad: { id: 'x25519' } },
  { arc: 59, name: 'MLKEM768-ECDH-P256-SHA3-256', mlkem: 768, trad: { id: 'ecdh', curve: 'p-256' } },
  { arc: 60, name: 'MLKEM768-ECDH-P384-SHA3-256', mlkem: 768, trad: { id: 'ecdh', curve: 'p-384' } },
  {
    arc: 61,
    name: 'MLKEM768-ECDH-brainpoolP256r1-SHA3-256',
    mlkem: 768,
    trad: { id: 'ecdh', curve: 'brainpoolp256r1' },
  },
  { arc: 62, name: 'MLKEM1024-RSA3072-SHA3-256', mlkem: 1024, trad: { id: 'rsa-oaep', keyBits: 3072 } },
  { arc: 63, name: 'MLKEM1024-ECDH-P384-SHA3-256', mlkem: 1024, trad: { id: 'ecdh', curve: 'p-384' } },
  {
    arc: 64,
    name: 'MLKEM1024-ECDH-brainpoolP384r1-SHA3-256',
    mlkem: 1024,
    trad: { id: 'ecdh', curve: 'brainpoolp384r1' },
  },
  { arc: 65, name: 'MLKEM1024-X448-SHA3-256', mlkem: 1024, trad: { id: 'x448' } },
  { arc: 66, name: 'MLKEM1024-ECDH-P521-SHA3-256', mlkem: 1024, trad: { id: 'ecdh', curve: 'p-521' } },
] as const satisfies readonly { arc: number; name: string; mlkem: 768 | 1024; trad: AlgorithmRef }[]);

const ML_DSA_CATEGORY = { 44: 2, 65: 3, 87: 5 } as const;
const ML_KEM_CATEGORY = { 768: 3, 1024: 5 } as const;

const compositeSigRow = (c: (typeof COMPOSITE_SIGS)[number]): AlgorithmRow => ({
  id: c.name.toLowerCase(),
  names: [c.name],
  primitive: 'signature',
  cryptoFunctions: ['keygen', 'sign', 'verify'],
  exposure: 'hybrid',
  strength: { rule: 'fixed', bits: CATEGORY_BITS[ML_DSA_CATEGORY[c.mldsa]]! },
  nistCategory: ML_DSA_CATEGORY[c.mldsa],
  components: [{ id: `ml-dsa-${c.mldsa}` }, c.trad],
  sources: [SRC.compositeSigs],
});

const compositeKemRow = (c: (typeof COMPOSITE_KEMS)[number]): AlgorithmRow => ({
  id: c.name.toLowerCase(),
  names: [c.name],
  primitive: 'kem',
  cryptoFunctions: ['keygen', 'encapsulate', 'decapsulate'],
  exposure: 'hybrid',
  strength: { rule: 'fixed', bits: CATEGORY_BITS[ML_KEM_CATEGORY[c.mlkem]]! },
  nistCategory: ML_KEM_CATEGORY[c.mlkem],
  components: [{ id: `ml-kem-${c.mlkem}` }, c.trad],
  sources: [SRC.compositeKem],
});

// Protocol hybrids: the classical level is the classical component's strength (a hybrid is as strong as its
// stronger part against a quantum attacker, its classical part against a classical one),
// the category comes from the ML-KEM part.
const hybrid = (
  id: string,
  name: string,
  components: readonly AlgorithmRef[],
  classicalBits: number,
  category: number | undefined,
  sources: AlgorithmRow['sources'],
  status?: 'pre-standard' | 'non-nist',
): AlgorithmRow => ({
  id,
  names: [name],
  primitive: 'kem',
  cryptoFunctions: ['keygen', 'encapsulate', 'decapsulate'],
  exposure: 'hybrid',
  strength: { rule: 'fixed', bits: classicalBits },
  ...(category === undefined ? {} : { nistCategory: category }),
  ...(status ? { status } : {}),
  components,
  sources,
});

export const HYBRID_ALGORITHMS: readonly AlgorithmRow[] = Object.freeze([
  ...COMPOSITE_SIGS.map(compositeSigRow),
  ...COMPOSITE_KEMS.map(compositeKemRow),
  {
    id: 'composite-sig-draft',
    names: ['Composite-ML-DSA-draft[-{oid}]'],
    primitive: 'signature',
    cryptoFunctions: ['sign', 'verify'],
    exposure: 'hybrid',
    status: 'pre-standard',
    sources: [SRC.compositeSigsProto],
  },
  {
    id: 'composite-kem-draft',
    names: ['Composite-ML-KEM-draft[-{oid}]'],
    primitive: 'kem',
    cryptoFunctions: ['encapsulate', 'decapsulate'],
    exposure: 'hybrid',
    status: 'pre-standard',
    sources: [SRC.compositeKem],
  },
  hybrid('x25519mlkem768', 'X25519MLKEM768', [{ id: 'ml-kem-768' }, { id: 'x25519' }], 128, 3, [
    SRC.tlsEcdheMlkem,
    SRC.opensslTlsGroups,
  ]),
  hybrid('secp256r1mlkem768', 'SecP256r1MLKEM768', [{ id: 'ml-kem-768' }, { id: 'ecdh', curve: 'p-256' }], 128, 3, [
    SRC.tlsEcdheMlkem,
    SRC.opensslTlsGroups,
  ]),
  hybrid('secp384r1mlkem1024', 'SecP384r1MLKEM1024', [{ id: 'ml-kem-1024' }, { id: 'ecdh', curve: 'p-384' }], 192, 5, [
    SRC.tlsEcdheMlkem,
    SRC.opensslTlsGroups,
  ]),
  hybrid(
    'x25519kyber768draft00',
    'X25519Kyber768Draft00',
    [{ id: 'kyber-768' }, { id: 'x25519' }],
    128,
    3,
    [SRC.tlsKyberDraft],
    'pre-standard',
  ),
  hybrid(
    'secp256r1kyber768draft00',
    'SecP256r1Kyber768Draft00',
    [{ id: 'kyber-768' }, { id: 'ecdh', curve: 'p-256' }],
    128,
    3,
    [SRC.tlsKyberDraft],
    'pre-standard',
  ),
  hybrid(
    'mlkem768x25519-sha256',
    'mlkem768x25519-sha256',
    [{ id: 'ml-kem-768' }, { id: 'x25519' }, { id: 'sha-256' }],
    128,
    3,
    [SRC.opensshKex],
  ),
  hybrid(
    'mlkem768nistp256-sha256',
    'mlkem768nistp256-sha256',
    [{ id: 'ml-kem-768' }, { id: 'ecdh', curve: 'p-256' }, { id: 'sha-256' }],
    128,
    3,
    [SRC.opensshKex],
  ),
  hybrid(
    'mlkem1024nistp384-sha384',
    'mlkem1024nistp384-sha384',
    [{ id: 'ml-kem-1024' }, { id: 'ecdh', curve: 'p-384' }, { id: 'sha-384' }],
    192,
    5,
    [SRC.opensshKex],
  ),
  hybrid(
    'sntrup761x25519-sha512',
    'sntrup761x25519-sha512',
    [{ id: 'ntru', parameterSet: 'sntrup761' }, { id: 'x25519' }, { id: 'sha-512' }],
    128,
    undefined,
    [SRC.opensshKex],
    'non-nist',
  ),
]);

export const COMPOSITE_OIDS: readonly OidRow[] = Object.freeze([
  ...COMPOSITE_SIGS.map(
    (c): OidRow => ({
      oid: `1.3.6.1.5.5.7.6.${c.arc}`,
      name: `id-${c.name}`,
      kind: 'algorithm',
      ref: { id: c.name.toLowerCase(), components: [{ id: `ml-dsa-${c.mldsa}` }, c.trad] },
      sources: [SRC.compositeSigs],
    }),
  ),
  ...COMPOSITE_KEMS.map(
    (c): OidRow => ({
      oid: `1.3.6.1.5.5.7.6.${c.arc}`,
      name: `id-${c.name}`,
      kind: 'algorithm',
      ref: { id: c.name.toLowerCase(), components: [{ id: `ml-kem-${c.mlkem}` }, c.trad] },
      sources: [SRC.compositeKem],
    }),
  ),
]);

/** Prototype arcs of the composite drafts: every OID under them is a pre-standard composite (draft-ietf-lamps-pq-composite-sigs prototype arcs). */
export const COMPOSITE_ARCS: readonly OidArcRow[] = Object.freeze([
  {
    prefix: '2.16.840.1.114027.80.8.1.',
    name: 'composite signature (draft ≤ -05 prototype arc)',
    ref: { id: 'composite-sig-draft' },
    sources: [SRC.compositeSigsProto],
  },
  {
    prefix: '2.16.840.1.114027.80.9.1.',
    name: 'composite ML-DSA (draft -06 … -12 prototype arc)',
    ref: { id: 'composite-sig-draft' },
    sources: [SRC.compositeSigsProto],
  },
]);
