/**
 * Types of the benchmark catalog: schemes, cycle-count reference rows, core factors, device profiles.
 * Every figure carries a `Source` (see @pqready/core) so outputs can cite it.
 */
import type { Source } from '@pqready/core';

export const CORE_IDS = [
  'cortex-m0plus',
  'cortex-m3',
  'cortex-m4',
  'cortex-m33',
  'cortex-m7',
  'cortex-a53',
  'riscv32',
  'xtensa-lx7',
  'x86_64',
] as const;
export type CoreId = (typeof CORE_IDS)[number];

export const ROLES = [
  'implant',
  'wearable',
  'bedside-monitor',
  'infusion-pump',
  'sensor',
  'controller',
  'gateway',
  'other',
] as const;
export type Role = (typeof ROLES)[number];

export const OPERATIONS = ['keygen', 'encaps', 'decaps', 'sign', 'verify', 'derive'] as const;
export type Operation = (typeof OPERATIONS)[number];
/** speed = fastest assembly (pqm4 m4f/m4fspeed), stack = low-stack assembly (m4fstack), portable = C (clean/ref). */
export type ImplClass = 'speed' | 'stack' | 'portable';

/** Every scheme the catalog can cost; ids are stable (calibration files name them). */
export const SCHEME_IDS = [
  'ml-kem-512',
  'ml-kem-768',
  'ml-kem-1024',
  'ml-dsa-44',
  'ml-dsa-65',
  'ml-dsa-87',
  'slh-dsa-sha2-128s',
  'slh-dsa-sha2-128f',
  'slh-dsa-sha2-192s',
  'slh-dsa-sha2-192f',
  'slh-dsa-sha2-256s',
  'slh-dsa-sha2-256f',
  'slh-dsa-shake-128s',
  'slh-dsa-shake-128f',
  'slh-dsa-shake-192s',
  'slh-dsa-shake-192f',
  'slh-dsa-shake-256s',
  'slh-dsa-shake-256f',
  'fn-dsa-512',
  'fn-dsa-1024',
  'lms',
  'lms-h10-w8',
  'lms-h15-w8',
  'lms-h20-w8',
  'hss-l2-h10-w8',
  'hss-l2-h20-w8',
  'xmss',
  'xmss-h16',
  'xmss-h20',
  'xmssmt-h20-d2',
  'xmssmt-h40-d4',
  'x25519',
  'ecdh-p256',
  'ecdsa-p256',
  'ecdh-p384',
  'ecdsa-p384',
] as const;
export type SchemeId = (typeof SCHEME_IDS)[number];

/** Hash functions the cost model charges per byte or per block. */
export type HashId = 'sha256' | 'sha512' | 'shake256';

/**
 * Which core factor applies: lattice arithmetic (incl. its Keccak), Keccak-dominated hashing, SHA-2-dominated
 * hashing, or bignum elliptic-curve arithmetic.
 */
export const FAMILIES = ['lattice', 'keccak', 'sha2', 'ecc'] as const;
export type Family = (typeof FAMILIES)[number];

export interface Cycles {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export interface CycleRow {
  readonly scheme: SchemeId;
  readonly op: Operation;
  readonly impl: ImplClass;
  /** The implementation's own name in its source (pqm4 `m4fspeed`, `clean`, …). */
  readonly implName: string;
  readonly core: CoreId;
  readonly cycles: Cycles;
  readonly stackBytes?: number;
  readonly codeBytes?: number;
  /** Share of the cycles spent in hashing (pqm4 "Hashing Evaluation"), 0–1. */
  readonly hashShare?: number;
  /** Round-3 Kyber/Dilithium and similar: the FIPS version differs, so estimates widen. */
  readonly preFips: boolean;
  /** Measured at full clock from flash/cache: wait states are inside the figure, so no memory derating applies. */
  readonly memoryIncluded?: boolean;
  /** Stack and code were measured on another core (a direct timing row borrowing sizes): widen them. */
  readonly sizesFrom?: CoreId;
  readonly board: string;
  readonly sources: {
    readonly cycles: Source;
    readonly stack?: Source;
    readonly code?: Source;
    readonly hashShare?: Source;
  };
}

export interface Range {
  readonly point: number;
  readonly low: number;
  readonly high: number;
}

/**
 * How a core factor was obtained, strongest first: the reference core itself; the same code measured on this core;
 * the same library measured on both cores (not post-quantum code); other code; a CoreMark ratio; an assumption.
 */
export type Evidence = 'reference' | 'same-code' | 'same-library' | 'other-code' | 'coremark' | 'assumption';

export interface CoreFactor {
  /** Cycles on this core ÷ Cortex-M4 cycles (pqm4, 0 wait states) for the same work. */
  readonly range: Range;
  /** The anchoring measurement ran on a real board at speed: its memory effects are inside the factor. */
  readonly memoryIncluded: boolean;
  readonly evidence: Evidence;
  /** Why this value, in one sentence (shown in docs and JSON). */
  readonly basis: string;
  readonly sources: readonly Source[];
}

export interface CoreRow {
  readonly id: CoreId;
  readonly title: string;
  /** Whether pqm4's ARMv7E-M (DSP + FPU) assembly runs on this core; if not, only portable C is scaled. */
  readonly runsM4Asm: boolean;
  readonly factors: Readonly<Record<Family, CoreFactor>>;
}

/** A hash engine: `true` uses the catalog's published engine figures; an object gives the part's own throughput. */
export type HashEngine = boolean | { cyclesPerByte: number; cyclesPerCall?: number };

export interface Accelerators {
  sha256?: HashEngine;
  sha512?: HashEngine;
  keccak?: HashEngine;
  aes?: boolean;
  pka?: boolean;
}

export interface Budgets {
  bootVerifyMs?: number;
  updateVerifyMs?: number;
  tlsHandshakeMs?: number;
  keyExchangeMs?: number;
  identitySignMs?: number;
  /** RAM the crypto may use at its peak: stack plus key, signature, ciphertext and certificate buffers. */
  ramKiB?: number;
  codeKiB?: number;
  wireBytesPerHandshake?: number;
  /** Percentile of the ML-DSA signing-time distribution the time budget is judged on (default 99.9). */
  signPercentile?: number;
}

export interface TlsSettings {
  /** Certificates the server sends (leaf + intermediates); default 2. */
  serverChainLength?: number;
  /** The device authenticates with its own certificate (mutual TLS); default false. */
  mutualTls?: boolean;
  /** Certificates the device sends with mutual TLS; default 1. */
  clientChainLength?: number;
  /** Certificate Transparency SCTs in the server leaf; default 2 (Web PKI), 0 for a private PKI. */
  signedCertificateTimestamps?: number;
  /** Extra bytes per certificate beyond the measured minimal DER (long names, SANs, policies); default 0. */
  certificateExtraBytes?: number;
}

export interface Policy {
  /** require: only hybrids are recommended; prefer: hybrids rank first; allow: no preference (default). */
  hybrid?: 'require' | 'prefer' | 'allow';
  /** Lowest NIST category a recommendation may have. */
  minCategory?: number;
}

/** A device profile as users write it (JSON or YAML); docs/device-profile.schema.json documents it. */
export interface DeviceProfile {
  name?: string;
  role?: Role;
  core: CoreId;
  clockMHz: number;
  flashWaitStates?: number;
  /** Explicit memory-system derating (≥ 1); overrides the wait-state heuristic. */
  memoryDerating?: number;
  ramKiB?: number;
  ramAvailableKiB?: number;
  flashKiB?: number;
  flashAvailableKiB?: number;
  accelerators?: Accelerators;
  link?: { mtuBytes?: number; bandwidthKbps?: number };
  tls?: TlsSettings;
  firmwareImageKiB?: number;
  budgets?: Budgets;
  policy?: Policy;
  shipYear?: number;
  fieldLifeYears?: number;
}

/** A catalog device: a profile plus where each field came from. */
export interface CatalogDevice {
  readonly id: string;
  readonly part: string;
  readonly profile: Readonly<DeviceProfile>;
  readonly sources: Readonly<Record<string, Source>>;
  /** Budgets are pqready's illustrative defaults for the role, not the product's. */
  readonly illustrativeBudgets: true;
}
