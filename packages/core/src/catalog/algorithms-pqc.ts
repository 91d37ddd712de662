/**
 * Post-quantum algorithms, standard (FIPS 203/204/205, SP 800-208) and pre-standard (round-3 Kyber/Dilithium,
 * Falcon, SPHINCS+, FrodoKEM, NTRU, BIKE, HQC, Classic McEliece). Categories: FIPS 203 §8, FIPS 204 §4,
 * FIPS 205 §11 and IR 8547 Tables 3/5. Classical bits = the category's security strength.
 */
import { SRC } from './sources.js';
import type { AlgorithmRow } from './types.js';

const CATEGORY_BITS: Readonly<Record<number, number>> = { 1: 128, 2: 128, 3: 192, 4: 192, 5: 256 };
const KEM_FN = ['keygen', 'encapsulate', 'decapsulate'];
const SIG_FN = ['keygen', 'sign', 'verify'];

const mlKem = (size: 512 | 768 | 1024, category: number): AlgorithmRow => ({
  id: `ml-kem-${size}`,
  names: [`ML-KEM-${size}`],
  family: 'ML-KEM',
  primitive: 'kem',
  cryptoFunctions: KEM_FN,
  exposure: 'post-quantum',
  strength: { rule: 'fixed', bits: CATEGORY_BITS[category]! },
  nistCategory: category,
  parameterSetIdentifier: String(size),
  sources: [SRC.fips203, SRC.ir8547, SRC.nistOids],
});

const mlDsa = (level: 44 | 65 | 87, category: number, prehash: boolean): AlgorithmRow => ({
  id: `${prehash ? 'hash-' : ''}ml-dsa-${level}`,
  names: prehash ? [`HashML-DSA-${level}[-{hash}]`] : [`ML-DSA-${level}`],
  family: 'ML-DSA',
  primitive: 'signature',
  cryptoFunctions: SIG_FN,
  exposure: 'post-quantum',
  strength: { rule: 'fixed', bits: CATEGORY_BITS[category]! },
  nistCategory: category,
  parameterSetIdentifier: String(level),
  sources: [SRC.fips204, SRC.ir8547, SRC.nistOids],
});

const SLH_SETS = [
  ['sha2', '128s', 1],
  ['sha2', '128f', 1],
  ['sha2', '192s', 3],
  ['sha2', '192f', 3],
  ['sha2', '256s', 5],
  ['sha2', '256f', 5],
  ['shake', '128s', 1],
  ['shake', '128f', 1],
  ['shake', '192s', 3],
  ['shake', '192f', 3],
  ['shake', '256s', 5],
  ['shake', '256f', 5],
] as const;

const slhDsa = ([hash, set, category]: (typeof SLH_SETS)[number], prehash: boolean): AlgorithmRow => {
  const paramSet = `${hash.toUpperCase()}-${set}`;
  return {
    id: `${prehash ? 'hash-' : ''}slh-dsa-${hash}-${set}`,
    names: prehash ? [`HashSLH-DSA-${paramSet}[-{hash}]`] : [`SLH-DSA-${paramSet}`],
    family: 'SLH-DSA',
    primitive: 'signature',
    cryptoFunctions: SIG_FN,
    exposure: 'post-quantum',
    strength: { rule: 'fixed', bits: CATEGORY_BITS[category]! },
    nistCategory: category,
    parameterSetIdentifier: paramSet,
    sources: [SRC.fips205, SRC.ir8547, SRC.nistOids],
  };
};

// Stateful hash-based signatures: IR 8547 Table 3 puts SHA-256/SHAKE256 variants at category 5 and the /192
// truncations at category 3. With no parameter set observed we report category 3, the lower of the two.
const statefulHbs = (id: string, name: string, family: 'LMS' | 'XMSS'): AlgorithmRow => ({
  id,
  names: [`${name}[_{parameterSet}]`],
  family,
  primitive: 'signature',
  cryptoFunctions: SIG_FN,
  exposure: 'post-quantum',
  strength: { rule: 'fixed', bits: 192 },
  nistCategory: 3,
  sources: [SRC.sp800208, SRC.ir8547, SRC.rfc9802],
});

const preStandard = (
  id: string,
  names: readonly string[],
  primitive: 'kem' | 'signature',
  category: number | undefined,
  sources: AlgorithmRow['sources'],
  status: 'pre-standard' | 'non-nist' = 'pre-standard',
): AlgorithmRow => ({
  id,
  names,
  primitive,
  cryptoFunctions: primitive === 'kem' ? KEM_FN : SIG_FN,
  exposure: 'post-quantum',
  status,
  ...(category === undefined
    ? {}
    : { nistCategory: category, strength: { rule: 'fixed', bits: CATEGORY_BITS[category]! } }),
  sources,
});

export const PQC_ALGORITHMS: readonly AlgorithmRow[] = Object.freeze([
  mlKem(512, 1),
  mlKem(768, 3),
  mlKem(1024, 5),
  mlDsa(44, 2, false),
  mlDsa(65, 3, false),
  mlDsa(87, 5, false),
  mlDsa(44, 2, true),
  mlDsa(65, 3, true),
  mlDsa(87, 5, true),
  ...SLH_SETS.map((p) => slhDsa(p, false)),
  ...SLH_SETS.map((p) => slhDsa(p, true)),
  // SLH-DSA named without a parameter set (e.g. a build option enabling the family): every FIPS 205 set is
  // category 1 or above, so the family judges as resistant; the lowest category is reported.
  {
    id: 'slh-dsa',
    names: ['SLH-DSA[-{parameterSet}]'],
    family: 'SLH-DSA',
    primitive: 'signature',
    cryptoFunctions: SIG_FN,
    exposure: 'post-quantum',
    strength: { rule: 'fixed', bits: 128 },
    nistCategory: 1,
    sources: [SRC.fips205, SRC.ir8547],
  },
  statefulHbs('lms', 'LMS', 'LMS'),
  statefulHbs('hss', 'HSS', 'LMS'),
  statefulHbs('xmss', 'XMSS', 'XMSS'),
  statefulHbs('xmssmt', 'XMSSMT', 'XMSS'),
  preStandard('kyber-512', ['Kyber512'], 'kem', 1, [SRC.roundThreeKyber, SRC.oqsProvider]),
  preStandard('kyber-768', ['Kyber768'], 'kem', 3, [SRC.roundThreeKyber, SRC.oqsProvider]),
  preStandard('kyber-1024', ['Kyber1024'], 'kem', 5, [SRC.roundThreeKyber, SRC.oqsProvider]),
  preStandard('dilithium-2', ['Dilithium2'], 'signature', 2, [SRC.roundThreeDilithium, SRC.oqsProvider]),
  preStandard('dilithium-3', ['Dilithium3'], 'signature', 3, [SRC.roundThreeDilithium, SRC.oqsProvider]),
  preStandard('dilithium-5', ['Dilithium5'], 'signature', 5, [SRC.roundThreeDilithium, SRC.oqsProvider]),
  preStandard('falcon-512', ['Falcon-512'], 'signature', 1, [SRC.falcon, SRC.hackathonArtefacts]),
  preStandard('falcon-1024', ['Falcon-1024'], 'signature', 5, [SRC.falcon, SRC.hackathonArtefacts]),
  preStandard('sphincs-plus', ['SPHINCS+[-{parameterSet}]'], 'signature', undefined, [SRC.fips205]),
  preStandard('frodokem', ['FrodoKEM[-{parameterSet}]'], 'kem', undefined, [SRC.hackathonArtefacts], 'non-nist'),
  preStandard('ntru', ['NTRU[-{parameterSet}]'], 'kem', undefined, [SRC.hackathonArtefacts], 'non-nist'),
  preStandard('bike', ['BIKE[-{parameterSet}]'], 'kem', undefined, [SRC.nistRound4], 'non-nist'),
  preStandard('hqc', ['HQC[-{parameterSet}]'], 'kem', undefined, [SRC.nistRound4]),
  preStandard(
    'classic-mceliece',
    ['Classic-McEliece[-{parameterSet}]'],
    'kem',
    undefined,
    [SRC.nistRound4],
    'non-nist',
  ),
]);
