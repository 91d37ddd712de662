/**
 * OIDs of post-quantum algorithms. NIST CSOR arc 2.16.840.1.101.3.4.{3,4} (NIST CSOR), stateful
 * hash-based signatures (§2.2) and experimental arcs seen in the IETF hackathon artefacts (addendum).
 * Exact values only: the same `.3.*` arc also holds classical DSA/ECDSA/RSA-with-SHA-3 signatures (oids-classical.ts).
 */
import { SRC } from './sources.js';
import type { OidRow } from './types.js';

const NIST_SIG = '2.16.840.1.101.3.4.3.';
const NIST_KEM = '2.16.840.1.101.3.4.4.';

const SLH = [
  'sha2-128s',
  'sha2-128f',
  'sha2-192s',
  'sha2-192f',
  'sha2-256s',
  'sha2-256f',
  'shake-128s',
  'shake-128f',
  'shake-192s',
  'shake-192f',
  'shake-256s',
  'shake-256f',
] as const;
// FIPS 205 pre-hash OIDs .35–.46 fix the pre-hash: SHA-256 for SHA2-128*, SHA-512 for SHA2-192/256*,
// SHAKE128 for SHAKE-128*, SHAKE256 for the other SHAKE sets (NIST CSOR names).
const SLH_PREHASH = [
  'sha-256',
  'sha-256',
  'sha-512',
  'sha-512',
  'sha-512',
  'sha-512',
  'shake128',
  'shake128',
  'shake256',
  'shake256',
  'shake256',
  'shake256',
] as const;

const nist = (arc: string, n: number, name: string, ref: OidRow['ref']): OidRow => ({
  oid: `${arc}${n}`,
  name,
  kind: 'algorithm',
  ...(ref ? { ref } : {}),
  sources: [SRC.nistOids],
});

export const PQC_OIDS: readonly OidRow[] = Object.freeze([
  nist(NIST_KEM, 1, 'id-alg-ml-kem-512', { id: 'ml-kem-512' }),
  nist(NIST_KEM, 2, 'id-alg-ml-kem-768', { id: 'ml-kem-768' }),
  nist(NIST_KEM, 3, 'id-alg-ml-kem-1024', { id: 'ml-kem-1024' }),
  nist(NIST_SIG, 17, 'id-ml-dsa-44', { id: 'ml-dsa-44' }),
  nist(NIST_SIG, 18, 'id-ml-dsa-65', { id: 'ml-dsa-65' }),
  nist(NIST_SIG, 19, 'id-ml-dsa-87', { id: 'ml-dsa-87' }),
  nist(NIST_SIG, 32, 'id-hash-ml-dsa-44-with-sha512', { id: 'hash-ml-dsa-44', hash: 'sha-512' }),
  nist(NIST_SIG, 33, 'id-hash-ml-dsa-65-with-sha512', { id: 'hash-ml-dsa-65', hash: 'sha-512' }),
  nist(NIST_SIG, 34, 'id-hash-ml-dsa-87-with-sha512', { id: 'hash-ml-dsa-87', hash: 'sha-512' }),
  ...SLH.map((set, i) => nist(NIST_SIG, 20 + i, `id-slh-dsa-${set}`, { id: `slh-dsa-${set}` })),
  ...SLH.map((set, i) =>
    nist(NIST_SIG, 35 + i, `id-hash-slh-dsa-${set}-with-${SLH_PREHASH[i]!.replace('-', '')}`, {
      id: `hash-slh-dsa-${set}`,
      hash: SLH_PREHASH[i]!,
    }),
  ),
  {
    oid: '1.2.840.113549.1.9.16.3.17',
    name: 'id-alg-hss-lms-hashsig',
    kind: 'algorithm',
    ref: { id: 'hss' },
    sources: [SRC.rfc9802],
  },
  {
    oid: '1.3.6.1.5.5.7.6.34',
    name: 'id-alg-xmss-hashsig',
    kind: 'algorithm',
    ref: { id: 'xmss' },
    sources: [SRC.rfc9802],
  },
  {
    oid: '1.3.6.1.5.5.7.6.35',
    name: 'id-alg-xmssmt-hashsig',
    kind: 'algorithm',
    ref: { id: 'xmssmt' },
    sources: [SRC.rfc9802],
  },
  // Experimental arcs (IETF hackathon artefact file names): kept so such keys are named, never dropped.
  {
    oid: '1.3.9999.3.11',
    name: 'falcon-512 (experimental arc)',
    kind: 'algorithm',
    ref: { id: 'falcon-512' },
    sources: [SRC.hackathonArtefacts],
  },
  {
    oid: '1.3.9999.3.14',
    name: 'falcon-1024 (experimental arc)',
    kind: 'algorithm',
    ref: { id: 'falcon-1024' },
    sources: [SRC.hackathonArtefacts],
  },
  ...(
    [
      [1, 'frodokem976shake'],
      [2, 'frodokem1344shake'],
      [3, 'efrodokem976shake'],
      [4, 'efrodokem1344shake'],
      [5, 'frodokem976aes'],
      [6, 'frodokem1344aes'],
      [7, 'efrodokem976aes'],
      [8, 'efrodokem1344aes'],
    ] as const
  ).map(
    ([n, set]): OidRow => ({
      oid: `1.0.18033.2.2.7.${n}`,
      name: set,
      kind: 'algorithm',
      ref: { id: 'frodokem', parameterSet: set },
      sources: [SRC.hackathonArtefacts],
    }),
  ),
  ...(
    [
      [2, 'ntruhps2048677'],
      [3, 'ntruhps4096821'],
      [4, 'ntruhrss701'],
    ] as const
  ).map(
    ([n, set]): OidRow => ({
      oid: `1.3.6.1.4.1.22554.5.5.${n}`,
      name: set,
      kind: 'algorithm',
      ref: { id: 'ntru', parameterSet: set },
      sources: [SRC.hackathonArtefacts],
    }),
  ),
  // Round-3 OIDs used by oqs-provider builds (pre-FIPS; not interoperable with ML-KEM / ML-DSA).
  {
    oid: '1.3.6.1.4.1.22554.5.6.1',
    name: 'kyber512 (oqs)',
    kind: 'algorithm',
    ref: { id: 'kyber-512' },
    sources: [SRC.oqsProvider],
  },
  {
    oid: '1.3.6.1.4.1.22554.5.6.2',
    name: 'kyber768 (oqs)',
    kind: 'algorithm',
    ref: { id: 'kyber-768' },
    sources: [SRC.oqsProvider],
  },
  {
    oid: '1.3.6.1.4.1.22554.5.6.3',
    name: 'kyber1024 (oqs)',
    kind: 'algorithm',
    ref: { id: 'kyber-1024' },
    sources: [SRC.oqsProvider],
  },
  {
    oid: '1.3.6.1.4.1.2.267.7.4.4',
    name: 'dilithium2 (round 3)',
    kind: 'algorithm',
    ref: { id: 'dilithium-2' },
    sources: [SRC.oqsProvider],
  },
  {
    oid: '1.3.6.1.4.1.2.267.7.6.5',
    name: 'dilithium3 (round 3)',
    kind: 'algorithm',
    ref: { id: 'dilithium-3' },
    sources: [SRC.oqsProvider],
  },
  {
    oid: '1.3.6.1.4.1.2.267.7.8.7',
    name: 'dilithium5 (round 3)',
    kind: 'algorithm',
    ref: { id: 'dilithium-5' },
    sources: [SRC.oqsProvider],
  },
]);
