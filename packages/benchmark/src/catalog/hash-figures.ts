/**
 * Published hash throughputs on microcontrollers, used where pqm4 gives no figure: the SHA-512 : SHA-256 cost ratio
 * on 32-bit Arm, SHA-256 engine throughput, and same-library SHA-256 pairs between cores (core factors).
 * Each figure is the vendor benchmark's own output, converted to cycles per byte at the stated clock.
 */
import type { Source } from '@pqready/core';
import type { Range } from './types.js';

interface ThroughputFigure {
  readonly what: string;
  readonly cyclesPerByte: number;
  readonly source: Source;
}

const WOLFSSL_STM32 = (section: string): Source => ({
  title: `wolfSSL IDE/STM32Cube/STM32_Benchmarks.md @0a6a8516, §${section}`,
  url: 'https://github.com/wolfSSL/wolfssl/blob/0a6a8516f9b592965fc1b169446b005bee2ec0cf/IDE/STM32Cube/STM32_Benchmarks.md',
  confidence: 'primary',
});
const ZEPHYR_SAME70: Source = {
  title: 'Zephyr PR #12063, mbedTLS benchmark sample on SAM E70 Xplained (Cortex-M7 @ 300 MHz), 2018-12-13',
  url: 'https://github.com/zephyrproject-rtos/zephyr/pull/12063',
  confidence: 'primary',
};

/** cycles/byte = clock ÷ throughput; wolfSSL prints KiB/MiB (1024-based). */
const cpb = (mhz: number, kibPerS: number) => (mhz * 1e6) / (kibPerS * 1024);

/** SHA-256 and SHA-512 from the same build on the same part: SHA-512 per byte ÷ SHA-256 per byte. */
export const SHA512_RATIO_FIGURES: readonly { sha256: ThroughputFigure; sha512: ThroughputFigure }[] = [
  {
    sha256: {
      what: 'STM32L4A6Z (Cortex-M4 @ 80 MHz), wolfSSL 5.6.4 C, no HW crypto: SHA-256 847.458 KiB/s',
      cyclesPerByte: cpb(80, 847.458),
      source: WOLFSSL_STM32('STM32L4A6Z (No HW Crypto, SP Math All NO ASM)'),
    },
    sha512: {
      what: 'same build: SHA-512 337.838 KiB/s',
      cyclesPerByte: cpb(80, 337.838),
      source: WOLFSSL_STM32('STM32L4A6Z (No HW Crypto, SP Math All NO ASM)'),
    },
  },
  {
    sha256: {
      what: 'STM32H753ZI (Cortex-M7 @ 480 MHz), wolfSSL 5.6.6 Thumb-2 asm: SHA-256 18.042 MiB/s',
      cyclesPerByte: cpb(480, 18.042 * 1024),
      source: WOLFSSL_STM32('STM32H753ZI (-O2, Thumb2 ARM ASM, SP-ASM Cortex M small)'),
    },
    sha512: {
      what: 'same build: SHA-512 7.568 MiB/s',
      cyclesPerByte: cpb(480, 7.568 * 1024),
      source: WOLFSSL_STM32('STM32H753ZI (-O2, Thumb2 ARM ASM, SP-ASM Cortex M small)'),
    },
  },
  {
    sha256: { what: 'SAM E70 (Cortex-M7), mbedTLS: SHA-256 27 cycles/byte', cyclesPerByte: 27, source: ZEPHYR_SAME70 },
    sha512: { what: 'same build: SHA-512 92 cycles/byte', cyclesPerByte: 92, source: ZEPHYR_SAME70 },
  },
];

/** SHA-256 engines driven by wolfSSL in 1 KiB chunks (driver overhead included): the default for `sha256: true`. */
export const SHA256_ENGINE_FIGURES: readonly ThroughputFigure[] = [
  {
    what: 'STM32H7S3 HASH @ 600 MHz: 88.062 MiB/s',
    cyclesPerByte: cpb(600, 88.062 * 1024),
    source: WOLFSSL_STM32('STM32H7S3 (-Os, HW Crypto (AES/HASH/PKA))'),
  },
  {
    what: 'STM32L4A6Z HASH @ 80 MHz: 7.104 MiB/s',
    cyclesPerByte: cpb(80, 7.104 * 1024),
    source: WOLFSSL_STM32('STM32L4A6Z (STM Crypto/Hash Acceleration)'),
  },
  {
    what: 'STM32U585 HASH @ 160 MHz: 7.910 MB/s',
    cyclesPerByte: cpb(160, 7.91 * 1024),
    source: WOLFSSL_STM32('STM32U585 (STM Symmetric AES/SHA acceleration, SP Math ASM Cortex M)'),
  },
  {
    what: 'STM32F437 HASH @ 160 MHz: 7.446 MB/s',
    cyclesPerByte: cpb(160, 7.446 * 1024),
    source: WOLFSSL_STM32('STM32F437 (STM Crypto/Hash Acceleration)'),
  },
  {
    what: 'STM32H753ZI HASH @ 480 MHz: 8.691 MB/s',
    cyclesPerByte: cpb(480, 8.691 * 1024),
    source: WOLFSSL_STM32('STM32H753ZI (STM Crypto/Hash Acceleration)'),
  },
];

/** Per-call engine setup (register/DMA setup, padding in software): no measurement found, assumed. */
export const ENGINE_CALL_CYCLES: Range = Object.freeze({ point: 500, low: 64, high: 2000 });
export const ENGINE_CALL_SOURCE: Source = {
  title:
    'assumption: per-call setup of a hash engine (register/DMA setup; RP2350 pads in software, pico-sdk hardware_sha256)',
  url: 'https://github.com/raspberrypi/pico-sdk/blob/fc05f7c1/src/rp2_common/hardware_sha256/include/hardware/sha256.h',
  confidence: 'unverified',
};

/** Same-library SHA-256 on a Cortex-M0+ and on Cortex-M4s: the M0+ sha2 core factor. */
export const M0PLUS_SHA256_PAIRS = {
  m0plus: {
    what: 'STM32G071RB (Cortex-M0+ @ 64 MHz), wolfSSL 5.6.0: SHA-256 476.863 KB/s',
    cyclesPerByte: cpb(64, 476.863),
    source: WOLFSSL_STM32('STM32G071RB Benchmarks'),
  },
  m4: [
    {
      what: 'STM32WL55 (Cortex-M4 @ 64 MHz), wolfSSL 5.6.4, no HW crypto: SHA-256 541.339 KiB/s',
      cyclesPerByte: cpb(64, 541.339),
      source: WOLFSSL_STM32('STM32WL55 (No HW Crypto, -Os, SP Math All)'),
    },
    {
      what: 'STM32L4A6Z (Cortex-M4 @ 80 MHz), wolfSSL 5.6.4, no HW crypto: SHA-256 847.458 KiB/s',
      cyclesPerByte: cpb(80, 847.458),
      source: WOLFSSL_STM32('STM32L4A6Z (No HW Crypto, SP Math All NO ASM)'),
    },
  ],
} as const satisfies { m0plus: ThroughputFigure; m4: readonly ThroughputFigure[] };

/** Published Cortex-M7 software SHA-256 at speed with caches on (the M7 sha2 factor). */
export const M7_SHA256_FIGURES: readonly ThroughputFigure[] = [
  { what: 'SAM E70 (Cortex-M7 @ 300 MHz), mbedTLS C: 27 cycles/byte', cyclesPerByte: 27, source: ZEPHYR_SAME70 },
  SHA512_RATIO_FIGURES[1]!.sha256,
];

/**
 * Code pqm4 links into every scheme but leaves out of its .text figures: the Keccak permutation (assembly) with the
 * FIPS 202 functions, SHA-256, and SHA-512 (assembly core). Measured by benchmarks/shared-hash-code/measure.sh on
 * pqm4 @cc2c1b99 and its mupq submodule @ddcccedb for Cortex-M4 Thumb-2: point = clang 14 -O3 (pqm4 builds with
 * -O3), low = -Os; the whole fips202.c is counted, an upper bound on what a scheme links.
 */
export const SHARED_HASH_CODE: Readonly<Record<'keccak' | 'sha256' | 'sha512', { bytes: Range; source: Source }>> =
  Object.freeze({
    keccak: {
      bytes: { point: 14_966, low: 10_484, high: 14_966 },
      source: {
        title:
          'measured: mupq/pqm4@cc2c1b99 common/keccakf1600.S (8,096 B) + mupq/mupq@ddcccedb common/fips202.c, Cortex-M4 Thumb-2, clang -O3/-Os',
        url: 'https://github.com/mupq/pqm4/blob/cc2c1b992b602d285bd15991a566d5f17b34c1fa/common/keccakf1600.S',
        confidence: 'primary',
      },
    },
    sha256: {
      bytes: { point: 9_398, low: 8_700, high: 9_398 },
      source: {
        title: 'measured: mupq/mupq@ddcccedb common/sha2.c SHA-256 functions, Cortex-M4 Thumb-2, clang -O3/-Os',
        url: 'https://github.com/mupq/mupq/blob/ddcccedb2db9d0250856bd58ee5c46c61e506c5d/common/sha2.c',
        confidence: 'primary',
      },
    },
    sha512: {
      bytes: { point: 6_348, low: 5_120, high: 6_348 },
      source: {
        title:
          'measured: mupq/pqm4@cc2c1b99 common/crypto_hashblocks_sha512_inner32.s + SHA-512 functions of mupq sha2.c, Cortex-M4 Thumb-2',
        url: 'https://github.com/mupq/pqm4/blob/cc2c1b992b602d285bd15991a566d5f17b34c1fa/common/crypto_hashblocks_sha512_inner32.s',
        confidence: 'primary',
      },
    },
  });
