/**
 * Core factors k_core: cycles on a core ÷ Cortex-M4 cycles for the same code (pqc-costs.md §5.1).
 * Only the M0+, M3 and x86_64 factors are built from published PQ figures; the rest are assumptions or CoreMark
 * ratios and carry wide ranges (validation against published figures: validation.ts).
 */
import type { CoreId, CoreRow, Range } from './types.js';

const PQC_COSTS = 'shared/reference/pqc-costs.md';
const DEVICES = 'shared/reference/devices.md';

const same = (r: Range) => ({ lattice: r, ecc: r, hash: r });

export const CORES = Object.freeze([
  {
    id: 'cortex-m4',
    title: 'Arm Cortex-M4(F), ARMv7E-M: the pqm4 reference core',
    runsM4Asm: true,
    factors: same({ point: 1, low: 1, high: 1 }),
    basis: 'reference',
    source: { title: 'pqm4 benchmarks (NUCLEO-L4R5ZI)', url: `${PQC_COSTS} §2`, confidence: 'primary' },
  },
  {
    id: 'cortex-m3',
    // pqm3 round-3 clean ÷ pqm4 FIPS clean: kyber768 kg 1.15, enc 1.23, dec 1.09; dilithium3 kg 1.15, sign 1.28, verify 1.14.
    title: 'Arm Cortex-M3, ARMv7-M (no DSP, no FPU)',
    runsM4Asm: false,
    factors: {
      lattice: { point: 1.17, low: 1.09, high: 1.28 },
      hash: { point: 1.17, low: 1.09, high: 1.28 },
      // No published M3 ECC figure: M4 → M3 loses only DSP multiply-accumulate, assumed 1.0–1.5.
      ecc: { point: 1.2, low: 1.0, high: 1.5 },
    },
    basis: 'published',
    source: { title: 'pqm3 ÷ pqm4 clean cycles (computed)', url: `${PQC_COSTS} §3.1 (S1/S2)`, confidence: 'secondary' },
  },
  {
    id: 'cortex-m0plus',
    // RP2040 preprint: 2.17× pqm4 clean for ML-KEM-512; authors claim 1.8–1.9×. ECC: doubleodd X25519 M0+ ÷ M4 = 5.7×.
    title: 'Arm Cortex-M0+, ARMv6-M (no 32×32→64 multiply, no DSP)',
    runsM4Asm: false,
    factors: {
      lattice: { point: 2.17, low: 1.8, high: 2.6 },
      hash: { point: 2.17, low: 1.8, high: 2.6 },
      ecc: { point: 5.7, low: 4.5, high: 6.5 },
    },
    basis: 'published',
    source: {
      title: 'arXiv 2603.19340 (RP2040, S13); doubleodd benchmarks (S11)',
      url: `${PQC_COSTS} §3.1`,
      confidence: 'secondary',
    },
  },
  {
    id: 'cortex-m33',
    title: 'Arm Cortex-M33 with DSP + FPU, ARMv8-M Mainline (runs the ARMv7E-M DSP code pqm4 uses)',
    runsM4Asm: true,
    factors: same({ point: 1.0, low: 0.85, high: 1.25 }),
    basis: 'assumption',
    source: {
      title: 'k_core ≈ 1.0 for M33+DSP (assumption, verify on a board)',
      url: `${PQC_COSTS} §5.1`,
      confidence: 'unverified',
    },
  },
  {
    id: 'cortex-m7',
    title: 'Arm Cortex-M7, ARMv7E-M, dual-issue (cache/TCM dependent)',
    runsM4Asm: true,
    factors: same({ point: 0.85, low: 0.7, high: 1.0 }),
    basis: 'assumption',
    source: { title: 'k_core ≈ 0.7–1.0 for M7 (assumption)', url: `${PQC_COSTS} §5.1`, confidence: 'unverified' },
  },
  {
    id: 'cortex-a53',
    // No A53 PQ table or CoreMark figure exists in the sources; an in-order dual-issue A64 core with 64-bit multiply.
    title: 'Arm Cortex-A53, Armv8.0-A (no SHA-3 instructions), portable C',
    runsM4Asm: false,
    factors: same({ point: 0.35, low: 0.2, high: 0.6 }),
    basis: 'assumption',
    source: { title: 'no A53 anchor; assumed 0.2–0.6 × M4 cycles', url: `${DEVICES} §2`, confidence: 'unverified' },
  },
  {
    id: 'riscv32',
    // CoreMark/MHz: M4 3.40 (NXP AN12284) ÷ ESP32-C3 RV32IMC 2.56 (espressif coremark README) = 1.33, widened ×0.5–1.5.
    title: 'RISC-V RV32IMC (ESP32-C3 class), portable C',
    runsM4Asm: false,
    factors: same({ point: 1.33, low: 0.66, high: 2.0 }),
    basis: 'coremark',
    source: { title: 'CoreMark/MHz ratio M4 3.40 ÷ RV32IMC 2.56', url: `${DEVICES} §2`, confidence: 'unverified' },
  },
  {
    id: 'xtensa-lx7',
    // LX7 CoreMark not found; the LX6 (ESP32) ≈1.45/MHz is used: 3.40 ÷ 1.45 = 2.34, widened.
    title: 'Xtensa LX7 (ESP32-S3), portable C',
    runsM4Asm: false,
    factors: same({ point: 2.34, low: 1.2, high: 3.5 }),
    basis: 'coremark',
    source: {
      title: 'CoreMark/MHz ratio M4 3.40 ÷ Xtensa LX6 ≈1.45 (LX7 not found)',
      url: `${DEVICES} §2`,
      confidence: 'unverified',
    },
  },
  {
    id: 'x86_64',
    // pqm4 clean needs 7.1–9.0× the cycles of PQClean clean on the Zen 3 host (same code, different core).
    title: 'x86_64 server core, portable C (no AVX2)',
    runsM4Asm: false,
    factors: same({ point: 0.125, low: 0.11, high: 0.141 }),
    basis: 'published',
    source: {
      title: 'PQClean clean on Zen 3 vs pqm4 clean (measured, computed)',
      url: `${PQC_COSTS} §3.3`,
      confidence: 'secondary',
    },
  },
] as const satisfies readonly CoreRow[]);

export function coreRow(id: CoreId): CoreRow {
  const row = CORES.find((c) => c.id === id);
  if (!row) throw new Error(`no core factor for ${id}`);
  return row;
}
