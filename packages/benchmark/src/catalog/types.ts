/**
 * Types of the benchmark catalog: cycle-count reference rows, core factors, device profiles.
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

export type Operation = 'keygen' | 'encaps' | 'decaps' | 'sign' | 'verify' | 'derive';
/** speed = fastest assembly (pqm4 m4f/m4fspeed), stack = low-stack assembly (m4fstack), portable = C (clean). */
export type ImplClass = 'speed' | 'stack' | 'portable';
export const IMPL_CLASSES: readonly ImplClass[] = ['speed', 'portable', 'stack'];

export type SchemeId =
  | 'ml-kem-512'
  | 'ml-kem-768'
  | 'ml-kem-1024'
  | 'ml-dsa-44'
  | 'ml-dsa-65'
  | 'ml-dsa-87'
  | 'slh-dsa-sha2-128s'
  | 'slh-dsa-sha2-128f'
  | 'lms'
  | 'xmss'
  | 'x25519'
  | 'ecdsa-p256'
  | 'ecdh-p256';

/** Which core factor applies: lattice arithmetic, bignum elliptic-curve arithmetic, or hash-dominated work. */
export type Family = 'lattice' | 'ecc' | 'hash';

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
  /** Round-3 Kyber/Dilithium and similar: the FIPS version differs, so estimates widen. */
  readonly preFips: boolean;
  readonly board: string;
  /** Set when the figure is computed from a model rather than read from a measurement. */
  readonly derived?: string;
  readonly sources: { readonly cycles: Source; readonly stack?: Source; readonly code?: Source };
}

export interface Range {
  readonly point: number;
  readonly low: number;
  readonly high: number;
}

export interface CoreRow {
  readonly id: CoreId;
  readonly title: string;
  /** Whether pqm4's ARMv7E-M (DSP + FPU) assembly runs on this core; if not, only portable C is scaled. */
  readonly runsM4Asm: boolean;
  /** Cycles on this core ÷ Cortex-M4 cycles for the same code, per family. */
  readonly factors: Readonly<Record<Family, Range>>;
  /** reference = the M4 itself; published = built from published PQ figures; coremark/assumption = not. */
  readonly basis: 'reference' | 'published' | 'coremark' | 'assumption';
  readonly source: Source;
}

export interface Accelerators {
  sha256?: boolean;
  sha512?: boolean;
  aes?: boolean;
  pka?: boolean;
  keccak?: boolean;
}

export interface Budgets {
  bootVerifyMs?: number;
  updateVerifyMs?: number;
  tlsHandshakeMs?: number;
  keyExchangeMs?: number;
  identitySignMs?: number;
  stackKiB?: number;
  codeKiB?: number;
  wireBytesPerHandshake?: number;
}

/** A device profile as users write it (JSON or YAML); docs/device-profile.schema.json documents it. */
export interface DeviceProfile {
  name: string;
  role: Role;
  core: CoreId;
  clockMHz: number;
  flashWaitStates?: number;
  /** Explicit memory-system derating (≥ 1); overrides the wait-state heuristic. */
  memoryDerating?: number;
  ramKiB: number;
  ramAvailableKiB?: number;
  flashKiB: number;
  flashAvailableKiB?: number;
  accelerators?: Accelerators;
  link?: { mtuBytes?: number; bandwidthKbps?: number };
  firmwareImageKiB?: number;
  budgets?: Budgets;
  shipYear?: number;
  fieldLifeYears?: number;
}

/** A catalog device: a profile plus where each field came from. */
export interface CatalogDevice {
  readonly id: string;
  readonly part: string;
  readonly profile: Readonly<DeviceProfile>;
  readonly sources: Readonly<Record<string, Source>>;
}
