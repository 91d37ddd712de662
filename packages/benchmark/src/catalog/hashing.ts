/**
 * Per-byte hashing costs for the firmware-image term t_hash = bytes × c_hash ÷ f (pqc-costs.md §5.4).
 * Cortex-M4 cycles; software costs are scaled by the core's `hash` factor, accelerators are not.
 */
import type { Source } from '@pqready/core';
import type { Range } from './types.js';

export interface HashCost {
  readonly id: 'sha256-sw' | 'shake256-sw' | 'sha256-accel';
  readonly cyclesPerByte: Range;
  readonly source: Source;
}

/** Microchip's software SHA-256 (platform not stated); the low end assumes an optimised assembly version. */
export const SHA256_SW_CYCLES_PER_BYTE: Range = Object.freeze({ point: 195, low: 100, high: 195 });

export const HASH_COSTS: readonly HashCost[] = Object.freeze([
  {
    id: 'sha256-sw',
    cyclesPerByte: SHA256_SW_CYCLES_PER_BYTE,
    source: {
      title: 'Microchip MCC "Software ECDSA Verification": 195 cycles/byte (S17); low end assumed',
      url: 'shared/reference/pqc-costs.md §5.4',
      confidence: 'secondary',
    },
  },
  {
    // Derived: 76.6 % of ML-DSA-44 m4f verify (1.42 M cycles) is Keccak over ≈100 permutations ≈ 10.9 k cycles each.
    id: 'shake256-sw',
    cyclesPerByte: { point: 80, low: 65, high: 100 },
    source: {
      title: 'SHAKE256 ≈ 80 cycles/byte on M4, derived from pqm4 hashing share (not measured)',
      url: 'shared/reference/pqc-costs.md §5.4',
      confidence: 'unverified',
    },
  },
  {
    // RP2350: ≈1 block / 64 cycles (third-party note); other engines unmeasured, so the range is wide.
    id: 'sha256-accel',
    cyclesPerByte: { point: 4, low: 1, high: 10 },
    source: {
      title: 'SHA-256 engine streaming cost (assumption; RP2350 note ≈1 cycle/byte)',
      url: 'shared/reference/devices.md §1.1',
      confidence: 'unverified',
    },
  },
] as const satisfies readonly HashCost[]);

/** Short-message SHA-256 on an engine is dominated by per-call setup (devices.md §0 item 2): cycles per block. */
export const SHA256_ACCEL_BLOCK_CYCLES: Range = Object.freeze({ point: 500, low: 64, high: 2000 });

export function hashCost(id: HashCost['id']): HashCost {
  const h = HASH_COSTS.find((x) => x.id === id);
  if (!h) throw new Error(`no hash cost ${id}`);
  return h;
}
