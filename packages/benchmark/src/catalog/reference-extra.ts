/**
 * Reference rows not in the pqm4/pqm3 CSVs, hand-transcribed from shared/reference/pqc-costs.md with their sources:
 * classical baselines on Cortex-M4/M0+ (§3.5) and derived LMS/XMSS verify costs (SP 800-208; no published table).
 */
import { SHA256_SW_CYCLES_PER_BYTE } from './hashing.js';
import type { CycleRow, Range } from './types.js';

const COSTS = 'shared/reference/pqc-costs.md';

/** SHA-256 compressions for one verify, counted from the RFC structure; see the derivations below. */
export const HASH_SIG_BLOCKS: Readonly<Record<'lms' | 'xmss', Range>> = Object.freeze({
  // LMS_SHA256_M32_H10 + LMOTS_SHA256_N32_W4 (RFC 8554 §4.6, §5.4.2): 67 Winternitz chains; the checksum makes the
  // chain steps total ≈ checksum (0–960, mean 480) + ≈22, each step one 55-byte hash (1 block); Kc over 2,166 B
  // (34 blocks), 10 Merkle nodes of 86 B (2 blocks each), message and leaf hashes 3 blocks: mean ≈ 560 blocks.
  lms: { point: 560, low: 300, high: 1050 },
  // XMSS-SHA2_10_256 (RFC 8391 §4.1.10, §3.1): each WOTS+ chain step is 2 PRFs + F (96 B each, 2 blocks) = 6 blocks;
  // mean 502 steps ≈ 3,015 blocks, plus the L-tree (66 × 9 blocks) and 10 tree nodes (90): mean ≈ 3,710 blocks.
  xmss: { point: 3710, low: 2000, high: 6700 },
});

const blockCycles = SHA256_SW_CYCLES_PER_BYTE.point * 64;
const derivedRow = (scheme: 'lms' | 'xmss', title: string): CycleRow => {
  const b = HASH_SIG_BLOCKS[scheme];
  return {
    scheme,
    op: 'verify',
    impl: 'portable',
    implName: 'derived (SHA-256 blocks × software SHA-256)',
    core: 'cortex-m4',
    cycles: {
      mean: b.point * blockCycles,
      min: b.low * SHA256_SW_CYCLES_PER_BYTE.low * 64,
      max: b.high * SHA256_SW_CYCLES_PER_BYTE.high * 64,
    },
    preFips: false,
    board: 'model',
    derived: `${b.point} (${b.low}–${b.high}) SHA-256 blocks × ${blockCycles} cycles/block (195 cycles/byte, S17)`,
    sources: {
      cycles: { title, url: `${COSTS} §5.4 (S17 per-byte cost); block count: this file`, confidence: 'unverified' },
    },
  };
};

export const EXTRA_ROWS: readonly CycleRow[] = Object.freeze([
  {
    scheme: 'x25519',
    op: 'derive',
    impl: 'speed',
    implName: 'Emill X25519-Cortex-M4 (asm)',
    core: 'cortex-m4',
    cycles: { mean: 548_873, min: 548_873, max: 548_873 },
    stackBytes: 368,
    codeBytes: 1_892,
    preFips: false,
    board: 'Cortex-M4',
    sources: {
      cycles: { title: 'Emill/X25519-Cortex-M4 README @1e4953db (S8)', url: `${COSTS} §3.5`, confidence: 'secondary' },
      stack: { title: 'Emill/X25519-Cortex-M4 README @1e4953db (S8)', url: `${COSTS} §3.5`, confidence: 'secondary' },
      code: { title: 'Emill/X25519-Cortex-M4 README @1e4953db (S8)', url: `${COSTS} §3.5`, confidence: 'secondary' },
    },
  },
  {
    scheme: 'x25519',
    op: 'derive',
    impl: 'speed',
    implName: 'doubleodd X25519 (M0+)',
    core: 'cortex-m0plus',
    cycles: { mean: 3_229_983, min: 3_229_983, max: 3_229_983 },
    preFips: false,
    board: 'Cortex-M0+',
    sources: {
      cycles: { title: 'doubleodd/website benchmarks.md (S11)', url: `${COSTS} §3.5`, confidence: 'secondary' },
    },
  },
  ...(['keygen', 'sign', 'verify'] as const).map(
    (op): CycleRow => ({
      scheme: 'ecdsa-p256',
      op,
      impl: 'speed',
      implName: 'Emill P256-Cortex-M4 (asm)',
      core: 'cortex-m4',
      cycles: (() => {
        const c = { keygen: 327_000, sign: 375_000, verify: 976_000 }[op];
        return { mean: c, min: c, max: c };
      })(),
      stackBytes: 2_048,
      codeBytes: 8_900,
      preFips: false,
      board: 'nRF52840 (Cortex-M4 @ 64 MHz, ICACHE on)',
      sources: {
        cycles: { title: 'Emill/P256-Cortex-M4 README @ecd3ec22 (S9)', url: `${COSTS} §3.5`, confidence: 'secondary' },
        stack: {
          title: 'Emill/P256-Cortex-M4 README @ecd3ec22 (S9): ≤ 2 KB',
          url: `${COSTS} §3.5`,
          confidence: 'secondary',
        },
        code: {
          title: 'Emill/P256-Cortex-M4 README @ecd3ec22 (S9): 8.9 kB',
          url: `${COSTS} §3.5`,
          confidence: 'secondary',
        },
      },
    }),
  ),
  {
    scheme: 'ecdh-p256',
    op: 'derive',
    impl: 'speed',
    implName: 'Emill P256-Cortex-M4 (asm)',
    core: 'cortex-m4',
    cycles: { mean: 906_000, min: 906_000, max: 906_000 },
    stackBytes: 2_048,
    codeBytes: 8_900,
    preFips: false,
    board: 'nRF52840 (Cortex-M4 @ 64 MHz, ICACHE on)',
    sources: {
      cycles: { title: 'Emill/P256-Cortex-M4 README @ecd3ec22 (S9)', url: `${COSTS} §3.5`, confidence: 'secondary' },
    },
  },
  {
    scheme: 'ecdsa-p256',
    op: 'verify',
    impl: 'portable',
    // Measured at 100 MHz under Mbed OS, so flash wait states are already inside the figure.
    implName: 'p256-m (C)',
    core: 'cortex-m4',
    cycles: { mean: 30_900_000, min: 21_000_000, max: 30_900_000 },
    stackBytes: 700,
    preFips: false,
    board: 'STM32F411 @ 100 MHz (Mbed OS)',
    sources: {
      cycles: {
        title: 'mpg/p256-m README @44af59e0 (S10); min = TinyCrypt',
        url: `${COSTS} §3.5`,
        confidence: 'secondary',
      },
      stack: { title: 'mpg/p256-m README @44af59e0 (S10)', url: `${COSTS} §3.5`, confidence: 'secondary' },
    },
  },
  derivedRow('lms', 'LMS verify (H10/W4) derived from SHA-256 block count'),
  derivedRow('xmss', 'XMSS-SHA2_10_256 verify derived from SHA-256 block count'),
] satisfies readonly CycleRow[]);
