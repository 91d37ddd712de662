/**
 * Reference rows not in the pqm4/pqm3 CSVs, hand-transcribed with their sources: classical baselines on Cortex-M4
 * and Cortex-M0+, P-384 for the CNSA-aligned hybrids and composites, and the one published Cortex-M7 ML-DSA.
 * Rows measured at speed on a real part carry `memoryIncluded` (no wait-state derating on top).
 */
import type { Source } from '@pqready/core';
import type { CoreId, CycleRow, ImplClass, Operation, SchemeId } from './types.js';

const src = (title: string, url: string, confidence: Source['confidence'] = 'secondary'): Source => ({
  title,
  url,
  confidence,
});
const EMILL_X25519 = src(
  'Emill/X25519-Cortex-M4 README @1e4953db: 548,873 cycles, 368 B stack, 1,892 B code',
  'https://github.com/Emill/X25519-Cortex-M4/blob/1e4953db/README.md',
);
const EMILL_P256 = src(
  'Emill/P256-Cortex-M4 README @ecd3ec22 (nRF52840 @ 64 MHz, ICACHE on): keygen 327k, sign 375k, verify 976k, ECDH 906k cycles; ≤ 2 KB stack; 8.9 kB code',
  'https://github.com/Emill/P256-Cortex-M4/blob/ecd3ec22/README.md',
);
const P256M = src(
  'mpg/p256-m README @44af59e0: verify 309 ms on STM32F411 @ 100 MHz, 1976 ms on STM32F091 (Cortex-M0) @ 48 MHz; TinyCrypt 210 / 1130 ms; stack 700 B',
  'https://github.com/mpg/p256-m/blob/44af59e0/README.md',
);
const DOUBLEODD = src(
  'doubleodd benchmarks: X25519 on Cortex-M0+ 3,229,983 cycles',
  'https://github.com/doubleodd/website/blob/main/src/benchmarks.md',
);
const WOLFSSL = (section: string) =>
  src(
    `wolfSSL IDE/STM32Cube/STM32_Benchmarks.md @0a6a8516, §${section}`,
    'https://github.com/wolfSSL/wolfssl/blob/0a6a8516f9b592965fc1b169446b005bee2ec0cf/IDE/STM32Cube/STM32_Benchmarks.md',
    'primary',
  );
const WOLFSSL_M7 = src(
  'wolfSSL PR #7676 benchmark: ML-DSA (C) on STM32H7A3 (Cortex-M7) @ 280 MHz, keygen/sign/verify ms',
  'https://github.com/wolfSSL/wolfssl/pull/7676',
);

const fixed = (c: number) => ({ mean: c, min: c, max: c });

interface Spec {
  scheme: SchemeId;
  op: Operation;
  impl: ImplClass;
  implName: string;
  core: CoreId;
  cycles: number | { mean: number; min: number; max: number };
  board: string;
  source: Source;
  stackBytes?: number;
  codeBytes?: number;
  sizesSource?: Source;
  sizesFrom?: CoreId;
  memoryIncluded?: boolean;
}
const row = (s: Spec): CycleRow => ({
  scheme: s.scheme,
  op: s.op,
  impl: s.impl,
  implName: s.implName,
  core: s.core,
  cycles: typeof s.cycles === 'number' ? fixed(s.cycles) : s.cycles,
  ...(s.stackBytes !== undefined ? { stackBytes: s.stackBytes } : {}),
  ...(s.codeBytes !== undefined ? { codeBytes: s.codeBytes } : {}),
  preFips: false,
  ...(s.memoryIncluded ? { memoryIncluded: true } : {}),
  ...(s.sizesFrom ? { sizesFrom: s.sizesFrom } : {}),
  board: s.board,
  sources: {
    cycles: s.source,
    ...(s.stackBytes !== undefined ? { stack: s.sizesSource ?? s.source } : {}),
    ...(s.codeBytes !== undefined ? { code: s.sizesSource ?? s.source } : {}),
  },
});

/** ms at a clock → cycles. */
const at = (ms: number, mhz: number) => Math.round(ms * mhz * 1000);

const NRF = 'nRF52840 (Cortex-M4 @ 64 MHz, ICACHE on)';
const G071 = 'STM32G071RB (Cortex-M0+ @ 64 MHz), wolfSSL 5.6.0 SP Thumb asm (small)';
const L4A6 = 'STM32L4A6Z (Cortex-M4 @ 80 MHz), wolfSSL 5.6.4 SP Cortex-M asm (small)';
const G071_SRC = WOLFSSL('STM32G071RB Benchmarks (SP Math Small with ARM Thumb Assembly)');
const L4A6_SRC = WOLFSSL('STM32L4A6Z (STM Crypto/Hash Acceleration, SP-ASM Cortex-M Small and ARM ASM Thumb speedups)');

/** P-384 ÷ P-256 from the same wolfSSL build on the same M4 (L4A6Z): used to scale Emill's P-256 asm to P-384. */
const P384_OVER_P256 = Object.freeze({
  keygen: 123.2 / 31.25,
  derive: 265.75 / 68.812,
  sign: 152.875 / 42.5,
  verify: 347.0 / 94.417,
});

export const EXTRA_ROWS: readonly CycleRow[] = Object.freeze([
  row({
    scheme: 'x25519',
    op: 'derive',
    impl: 'speed',
    implName: 'Emill X25519-Cortex-M4 (asm)',
    core: 'cortex-m4',
    cycles: 548_873,
    stackBytes: 368,
    codeBytes: 1_892,
    board: 'Cortex-M4',
    source: EMILL_X25519,
  }),
  row({
    scheme: 'x25519',
    op: 'derive',
    impl: 'speed',
    implName: 'doubleodd X25519 (M0+)',
    core: 'cortex-m0plus',
    cycles: 3_229_983,
    board: 'Cortex-M0+',
    source: DOUBLEODD,
    // The M4 asm build's stack and code, widened: no M0+ figure was published.
    stackBytes: 368,
    codeBytes: 1_892,
    sizesSource: EMILL_X25519,
    sizesFrom: 'cortex-m4',
  }),
  ...(['keygen', 'sign', 'verify'] as const).map((op) =>
    row({
      scheme: 'ecdsa-p256',
      op,
      impl: 'speed',
      implName: 'Emill P256-Cortex-M4 (asm)',
      core: 'cortex-m4',
      cycles: { keygen: 327_000, sign: 375_000, verify: 976_000 }[op],
      stackBytes: 2_048,
      codeBytes: 8_900,
      board: NRF,
      source: EMILL_P256,
      memoryIncluded: true,
    }),
  ),
  ...(['keygen', 'derive'] as const).map((op) =>
    row({
      scheme: 'ecdh-p256',
      op,
      impl: 'speed',
      implName: 'Emill P256-Cortex-M4 (asm)',
      core: 'cortex-m4',
      cycles: { keygen: 327_000, derive: 906_000 }[op],
      stackBytes: 2_048,
      codeBytes: 8_900,
      board: NRF,
      source: EMILL_P256,
      memoryIncluded: true,
    }),
  ),
  row({
    scheme: 'ecdsa-p256',
    op: 'verify',
    impl: 'portable',
    implName: 'p256-m (C)',
    core: 'cortex-m4',
    // min = TinyCrypt on the same board.
    cycles: { mean: at(309, 100), min: at(210, 100), max: at(309, 100) },
    stackBytes: 700,
    board: 'STM32F411 @ 100 MHz (Mbed OS)',
    source: P256M,
    memoryIncluded: true,
  }),
  row({
    scheme: 'ecdsa-p256',
    op: 'verify',
    impl: 'portable',
    implName: 'p256-m (C, Cortex-M0)',
    core: 'cortex-m0plus',
    // Cortex-M0 and M0+ share ARMv6-M; min = TinyCrypt on the same board.
    cycles: { mean: at(1976, 48), min: at(1130, 48), max: at(1976, 48) },
    stackBytes: 700,
    board: 'STM32F091 (Cortex-M0 @ 48 MHz, ARMv6-M like the M0+)',
    source: P256M,
    sizesFrom: 'cortex-m4',
    memoryIncluded: true,
  }),
  ...(
    [
      ['ecdsa-p256', 'keygen', 112.2],
      ['ecdsa-p256', 'sign', 153.375],
      ['ecdsa-p256', 'verify', 349.0],
      ['ecdh-p256', 'keygen', 112.2],
      ['ecdh-p256', 'derive', 250.0],
    ] as const
  ).map(([scheme, op, ms]) =>
    row({
      scheme,
      op,
      impl: 'speed',
      implName: 'wolfSSL SP Thumb asm (small)',
      core: 'cortex-m0plus',
      cycles: at(ms, 64),
      board: G071,
      source: G071_SRC,
      memoryIncluded: true,
    }),
  ),
  ...(
    [
      ['ecdsa-p384', 'keygen', 123.2],
      ['ecdsa-p384', 'sign', 152.875],
      ['ecdsa-p384', 'verify', 347.0],
      ['ecdh-p384', 'keygen', 123.2],
      ['ecdh-p384', 'derive', 265.75],
    ] as const
  ).map(([scheme, op, ms]) =>
    row({
      scheme,
      op,
      impl: 'stack',
      implName: 'wolfSSL SP Cortex-M asm (small)',
      core: 'cortex-m4',
      cycles: at(ms, 80),
      board: L4A6,
      source: L4A6_SRC,
      memoryIncluded: true,
    }),
  ),
  // Emill's P-256 asm scaled by the same-build P-384 ÷ P-256 ratio: a derived speed-class figure.
  ...(
    [
      ['ecdsa-p384', 'keygen', 327_000, P384_OVER_P256.keygen],
      ['ecdsa-p384', 'sign', 375_000, P384_OVER_P256.sign],
      ['ecdsa-p384', 'verify', 976_000, P384_OVER_P256.verify],
      ['ecdh-p384', 'keygen', 327_000, P384_OVER_P256.keygen],
      ['ecdh-p384', 'derive', 906_000, P384_OVER_P256.derive],
    ] as const
  ).map(([scheme, op, p256, ratio]) =>
    row({
      scheme,
      op,
      impl: 'speed',
      implName: 'Emill P-256 asm × wolfSSL P-384/P-256 ratio (derived)',
      core: 'cortex-m4',
      cycles: Math.round(p256 * ratio),
      board: NRF,
      source: src(
        `derived: Emill P-256 ${op} × ${ratio.toFixed(2)} (wolfSSL P-384 ÷ P-256 on the same STM32L4A6Z build)`,
        EMILL_P256.url ?? '',
      ),
      memoryIncluded: true,
    }),
  ),
  ...(
    [
      ['ml-dsa-44', 'keygen', 13.2],
      ['ml-dsa-44', 'sign', 51.2],
      ['ml-dsa-44', 'verify', 13.7],
      ['ml-dsa-65', 'keygen', 23.1],
      ['ml-dsa-65', 'sign', 53.9],
      ['ml-dsa-65', 'verify', 22.7],
      ['ml-dsa-87', 'keygen', 38.8],
      ['ml-dsa-87', 'sign', 78.4],
      ['ml-dsa-87', 'verify', 38.6],
    ] as const
  ).map(([scheme, op, ms]) =>
    row({
      scheme,
      op,
      impl: 'portable',
      implName: 'wolfSSL ML-DSA C (2024)',
      core: 'cortex-m7',
      cycles: at(ms, 280),
      board: 'STM32H7A3 (Cortex-M7 @ 280 MHz)',
      source: WOLFSSL_M7,
      memoryIncluded: true,
    }),
  ),
] satisfies readonly CycleRow[]);
