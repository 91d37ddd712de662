/**
 * Core factors: cycles on a core ÷ Cortex-M4 cycles (pqm4, 0 wait states) for the same work, per family (lattice,
 * Keccak, SHA-2, ECC). Each factor says how it was obtained (`evidence`, strongest first: same-code, same-library,
 * other-code, coremark, assumption), whether its anchor already contains the memory system (then no wait-state
 * derating is applied on top), and its sources. docs/bench.md lists them all; a test keeps that table in step.
 */
import type { Source } from '@pqready/core';
import type { CoreFactor, CoreId, CoreRow, Family, Range } from './types.js';

const PQM4: Source = {
  title: 'mupq/pqm4 benchmarks (NUCLEO-L4R5ZI, 0 wait states) @cc2c1b99',
  url: 'https://github.com/mupq/pqm4/blob/cc2c1b992b602d285bd15991a566d5f17b34c1fa/benchmarks.csv',
  confidence: 'primary',
};
const PQM3: Source = {
  title: 'mupq/pqm3 benchmarks-nucleo-f207zg.csv @48757b80 (round-3 Kyber/Dilithium clean) ÷ pqm4 clean',
  url: 'https://github.com/mupq/pqm3/blob/48757b8045fb480a96769ceec246ddc3be1a2a26/benchmarks-nucleo-f207zg.csv',
  confidence: 'primary',
};
const RP2040: Source = {
  title:
    'Chhetri, "Benchmarking ML-KEM and ML-DSA on ARM Cortex-M0+" (RP2040 @ 133 MHz, PQClean C), arXiv 2603.19340, abstract: ML-KEM-512 exchange 35.7 ms',
  url: 'https://arxiv.org/abs/2603.19340',
  confidence: 'secondary',
};
const DOUBLEODD: Source = {
  title: 'doubleodd benchmarks: X25519 3,229,983 (M0+) vs 563,310 (M4) cycles',
  url: 'https://github.com/doubleodd/website/blob/main/src/benchmarks.md',
  confidence: 'secondary',
};
const WOLFSSL_STM32: Source = {
  title: 'wolfSSL IDE/STM32Cube/STM32_Benchmarks.md @0a6a8516 (same library on STM32 M0+/M4/M33/M7 parts)',
  url: 'https://github.com/wolfSSL/wolfssl/blob/0a6a8516f9b592965fc1b169446b005bee2ec0cf/IDE/STM32Cube/STM32_Benchmarks.md',
  confidence: 'primary',
};
const WOLFSSL_M7_MLDSA: Source = {
  title: 'wolfSSL PR #7676: ML-DSA (C) on STM32H7A3 (Cortex-M7 @ 280 MHz): 44/65/87 verify 13.7/22.7/38.6 ms',
  url: 'https://github.com/wolfSSL/wolfssl/pull/7676',
  confidence: 'secondary',
};
const ZEPHYR_SAME70: Source = {
  title: 'Zephyr PR #12063, mbedTLS on SAM E70 (Cortex-M7): SHA-256 27 cycles/byte',
  url: 'https://github.com/zephyrproject-rtos/zephyr/pull/12063',
  confidence: 'primary',
};
const NXP_AN12284: Source = {
  title: 'NXP AN12284: CoreMark/MHz Cortex-M4 3.40, Cortex-M33 4.02',
  url: 'https://www.nxp.com/docs/en/application-note/AN12284.pdf',
  confidence: 'primary',
};
const ARM_M7_COREMARK: Source = {
  title:
    'Arm Cortex-M7 processor page: 5.01 CoreMark/MHz (as quoted in Ibrahim, ARM-Based Microcontroller Projects Using MBED, Table 3.2)',
  url: 'https://developer.arm.com/Processors/Cortex-M7',
  confidence: 'secondary',
};
const ESP32C3_COREMARK: Source = {
  title: 'espressif/idf-extra-components coremark README: ESP32-C3 409.25 CoreMark @ 160 MHz (2.56/MHz)',
  url: 'https://github.com/espressif/idf-extra-components/blob/010f2d48a4befdfa95dc528f9beb723c2c73d69d/coremark/README.md',
  confidence: 'primary',
};
const ESP32S3_COREMARK: Source = {
  title: 'ESP32-S3 Series Datasheet, Product Overview "CPU and Memory": 1 core at 240 MHz 613.86 CoreMark, 2.56/MHz',
  url: 'https://www.espressif.com/sites/default/files/documentation/esp32-s3_datasheet_en.pdf',
  confidence: 'primary',
};
const ZEN3: Source = {
  title: 'PQClean clean (commit 3730b32a) timed on a Zen 3 host vs pqm4 clean: M4 needs 7.1–9.0× the cycles',
  url: 'https://github.com/PQClean/PQClean/tree/3730b32a',
  confidence: 'secondary',
};

const r = (point: number, low: number, high: number): Range => ({ point, low, high });
const f = (
  range: Range,
  evidence: CoreFactor['evidence'],
  basis: string,
  sources: readonly Source[],
  memoryIncluded = false,
): CoreFactor => ({ range, memoryIncluded, evidence, basis, sources });
const all = (x: CoreFactor): Record<Family, CoreFactor> => ({ lattice: x, keccak: x, sha2: x, ecc: x });

export const CORES = Object.freeze([
  {
    id: 'cortex-m4',
    title: 'Arm Cortex-M4(F), ARMv7E-M: the pqm4 reference core',
    runsM4Asm: true,
    factors: all(f(r(1, 1, 1), 'reference', 'the reference core of pqm4 (0 wait states)', [PQM4])),
  },
  {
    id: 'cortex-m3',
    title: 'Arm Cortex-M3, ARMv7-M (no DSP, no FPU)',
    runsM4Asm: false,
    factors: {
      // pqm3 clean ÷ pqm4 clean: kyber768 kg 1.15, enc 1.23, dec 1.09; dilithium3 kg 1.15, sign 1.28, verify 1.14.
      lattice: f(r(1.17, 1.09, 1.28), 'same-code', 'pqm3 ÷ pqm4 clean cycles, round-3 vs FIPS schemes', [PQM3, PQM4]),
      // Keccak is 67–76 % of ML-KEM cycles (pqm4 hashing evaluation), so the lattice ratio is mostly a Keccak ratio.
      keccak: f(r(1.17, 1.09, 1.28), 'same-code', 'Keccak dominates the pqm3/pqm4 lattice ratio', [PQM3, PQM4]),
      // SHA-256 uses no DSP instruction: same instructions as on the M4; bounded above by the lattice ratio.
      sha2: f(r(1, 1, 1.28), 'assumption', 'SHA-256 uses no DSP instruction; capped by the pqm3 lattice ratio', [PQM3]),
      // M3 has UMULL/UMLAL (multi-cycle) but no UMAAL/DSP: bignum code slows down.
      ecc: f(r(1.2, 1, 1.5), 'assumption', 'no published M3 ECC figure; no UMAAL/DSP multiply-accumulate', []),
    },
  },
  {
    id: 'cortex-m0plus',
    title: 'Arm Cortex-M0+, ARMv6-M (no 32×32→64 multiply, no DSP)',
    runsM4Asm: false,
    factors: {
      // 4.75 M cycles (35.7 ms @ 133 MHz) ÷ pqm4 clean kg+enc+dec 2,185,051 = 2.17; authors: 1.8–1.9× reference C.
      lattice: f(
        r(2.17, 1.8, 2.6),
        'same-code',
        'RP2040 board measurement ÷ pqm4 clean (ML-KEM-512 exchange); includes XIP-flash effects',
        [RP2040, PQM4],
        true,
      ),
      keccak: f(
        r(2.17, 1.8, 2.6),
        'same-code',
        'Keccak is 67–76 % of ML-KEM cycles, so the RP2040 lattice ratio is mostly a Keccak ratio',
        [RP2040, PQM4],
        true,
      ),
      // wolfSSL SHA-256: G071 131.1 cycles/byte ÷ WL55 115.5 = 1.135, ÷ L4A6Z 92.2 = 1.42 (all measured at speed).
      sha2: f(
        r(1.27, 1.135, 1.42),
        'same-library',
        'wolfSSL SHA-256 on STM32G071 (M0+) ÷ STM32WL55/L4A6Z (M4), same library',
        [WOLFSSL_STM32],
      ),
      // wolfSSL SP small P-256: G071 ÷ L4A6Z = 2.87–2.96 (keygen, agree, sign, verify); doubleodd X25519 5.7.
      ecc: f(
        r(2.9, 2.87, 5.7),
        'same-library',
        'wolfSSL P-256 on STM32G071 ÷ STM32L4A6Z (2.87–2.96); doubleodd X25519 5.7 as the high end',
        [WOLFSSL_STM32, DOUBLEODD],
      ),
    },
  },
  {
    id: 'cortex-m33',
    title: 'Arm Cortex-M33 with DSP + FPU, ARMv8-M Mainline (runs the ARMv7E-M DSP code pqm4 uses)',
    runsM4Asm: true,
    factors: {
      lattice: f(
        r(1, 0.85, 1.25),
        'assumption',
        'no post-quantum M33 measurement; same DSP instructions as the M4; CoreMark 3.40 ÷ 4.02 = 0.85 as the low end',
        [NXP_AN12284],
      ),
      keccak: f(r(1, 0.85, 1.25), 'assumption', 'no post-quantum M33 measurement; CoreMark ratio as the low end', [
        NXP_AN12284,
      ]),
      // wolfSSL 5.3.1 SHA-256 on U585 (77.5 cycles/byte) ÷ 5.6.4 on L4A6Z/WL55 (92.2/115.5) = 0.67–0.84.
      sha2: f(
        r(1, 0.67, 1.25),
        'other-code',
        'wolfSSL SHA-256 on STM32U585 ÷ STM32L4A6Z/WL55 (0.67–0.84, different library versions) as the low end',
        [WOLFSSL_STM32, NXP_AN12284],
      ),
      // wolfSSL 4.4.1 SP asm, L562 ÷ WB55: sign/verify 0.97–1.0, keygen/agree 1.75–1.77 (inconsistent).
      ecc: f(
        r(1, 0.85, 1.77),
        'same-library',
        'wolfSSL P-256 on STM32L562 (M33) ÷ STM32WB55 (M4): 0.97–1.77 depending on the operation',
        [WOLFSSL_STM32, NXP_AN12284],
      ),
    },
  },
  {
    id: 'cortex-m7',
    title: 'Arm Cortex-M7, ARMv7E-M, dual-issue (cache/TCM dependent)',
    runsM4Asm: true,
    factors: {
      // wolfSSL C ML-DSA on an H7A3 at speed: 1.81–2.03× pqm4 clean cycles (kg/verify); CoreMark 3.40 ÷ 5.01 = 0.68.
      lattice: f(
        r(1, 0.68, 2.03),
        'other-code',
        'the only published M7 ML-DSA (wolfSSL C, STM32H7A3 at speed) takes 1.81–2.03× pqm4 clean cycles; CoreMark 0.68 as the low end',
        [WOLFSSL_M7_MLDSA, ARM_M7_COREMARK],
        true,
      ),
      keccak: f(
        r(1, 0.68, 2.03),
        'other-code',
        'as lattice: Keccak dominates ML-KEM/ML-DSA cycles',
        [WOLFSSL_M7_MLDSA, ARM_M7_COREMARK],
        true,
      ),
      // SAM E70 mbedTLS 27 and H753 wolfSSL asm 25.4 cycles/byte ÷ pqm4-derived M4 SHA-256 (≈48 cycles/byte).
      sha2: f(
        r(0.56, 0.53, 1),
        'other-code',
        'published M7 SHA-256 at speed (mbedTLS 27, wolfSSL asm 25.4 cycles/byte) ÷ the pqm4-derived M4 cost; no speed-up as the high end',
        [ZEPHYR_SAME70, WOLFSSL_STM32],
        true,
      ),
      ecc: f(r(1, 0.68, 2.03), 'coremark', 'no consistent M7 ECC anchor: lattice range used', [ARM_M7_COREMARK], true),
    },
  },
  {
    id: 'cortex-a53',
    title: 'Arm Cortex-A53, Armv8.0-A (no SHA-3 instructions), portable C',
    runsM4Asm: false,
    factors: all(
      f(
        r(0.35, 0.2, 0.6),
        'assumption',
        'no A53 post-quantum or CoreMark anchor: in-order dual-issue A64 core with 64-bit multiply, assumed 0.2–0.6',
        [],
        true,
      ),
    ),
  },
  {
    id: 'riscv32',
    title: 'RISC-V RV32IMC (ESP32-C3 class), portable C',
    runsM4Asm: false,
    // 3.40 ÷ 2.56 = 1.33, widened ×0.5–1.5 (CoreMark is a poor proxy for Keccak/NTT code).
    factors: all(
      f(r(1.33, 0.66, 2), 'coremark', 'CoreMark/MHz M4 3.40 ÷ ESP32-C3 2.56, widened ×0.5–1.5', [
        ESP32C3_COREMARK,
        NXP_AN12284,
      ]),
    ),
  },
  {
    id: 'xtensa-lx7',
    title: 'Xtensa LX7 (ESP32-S3), portable C',
    runsM4Asm: false,
    factors: all(
      f(
        r(1.33, 0.66, 2),
        'coremark',
        'CoreMark/MHz M4 3.40 ÷ ESP32-S3 2.56 (single core, Espressif datasheet), widened ×0.5–1.5',
        [ESP32S3_COREMARK, NXP_AN12284],
      ),
    ),
  },
  {
    id: 'x86_64',
    title: 'x86_64 server core, portable C (no AVX2)',
    runsM4Asm: false,
    factors: all(
      f(
        r(0.125, 0.11, 0.141),
        'same-code',
        'PQClean clean on a Zen 3 host vs pqm4 clean (same C code)',
        [ZEN3, PQM4],
        true,
      ),
    ),
  },
] as const satisfies readonly CoreRow[]);

export function coreRow(id: CoreId): CoreRow {
  const row = CORES.find((c) => c.id === id);
  if (!row) throw new Error(`no core factor for ${id}`);
  return row;
}

/** How weak each kind of evidence is, for docs and reports. */
export const EVIDENCE_WEAKNESS: Readonly<Record<CoreFactor['evidence'], string>> = Object.freeze({
  reference: 'none (reference)',
  'same-code': 'low: the same post-quantum code measured on this core',
  'same-library': 'moderate: the same library measured on both cores, but not post-quantum code',
  'other-code': 'high: a different implementation or a non-post-quantum workload',
  coremark: 'high: CoreMark ratio, a poor proxy for Keccak/NTT code',
  assumption: 'very high: no measurement found',
});
