/**
 * Device estimate (pqc-costs.md §5.1): t = C_ref × k_core × k_mem ÷ f_clk, with a range that widens for every
 * assumption made (core factor from another core, pre-FIPS data, memory derating). On-target measurements from a
 * calibration file replace the estimate and are marked measured.
 */
import type { Source } from '@pqready/core';
import { coreRow } from '../catalog/cores.js';
import { hashCost, SHA256_ACCEL_BLOCK_CYCLES } from '../catalog/hashing.js';
import { REFERENCE_ROWS } from '../catalog/reference.js';
import { HASH_SIG_BLOCKS } from '../catalog/reference-extra.js';
import type { CycleRow, DeviceProfile, Family, ImplClass, Operation, Range, SchemeId } from '../catalog/types.js';
import type { Calibration } from './calibration.js';

export interface Estimate {
  readonly scheme: SchemeId;
  readonly op: Operation;
  readonly impl: ImplClass;
  readonly implName: string;
  readonly basis: 'estimated' | 'measured';
  readonly ms: Range;
  readonly stackBytes?: Range;
  readonly codeBytes?: Range;
  readonly assumptions: readonly string[];
  readonly sources: readonly Source[];
}

export const PRE_FIPS_WIDENING = 0.1;
/** Stack and code measured on Thumb-2 move on other cores and toolchains (assumption): up to +25 % / +50 %. */
const FOREIGN_STACK = 1.25;
const FOREIGN_CODE = 1.5;

export function familyOf(scheme: SchemeId): Family {
  if (scheme.startsWith('ml-')) return 'lattice';
  if (scheme.startsWith('slh-') || scheme === 'lms' || scheme === 'xmss') return 'hash';
  return 'ecc';
}

/** k_mem from the profile: explicit derating is exact; wait states or unknown memory add the default 1.0–1.5 range. */
export function memoryDerating(profile: DeviceProfile): { range: Range; assumption?: string } {
  if (profile.memoryDerating !== undefined) {
    const d = profile.memoryDerating;
    return { range: { point: d, low: d, high: d } };
  }
  if (profile.flashWaitStates === 0) return { range: { point: 1, low: 1, high: 1 } };
  const why =
    profile.flashWaitStates === undefined
      ? 'flash wait states unknown'
      : `${profile.flashWaitStates} flash wait states at ${profile.clockMHz} MHz`;
  return {
    range: { point: 1.25, low: 1.0, high: 1.5 },
    assumption: `memory derating 1.25 (1.0–1.5) assumed: ${why} (pqm4 runs at 0 wait states)`,
  };
}

const scale = (r: Range, k: Range): Range => ({ point: r.point * k.point, low: r.low * k.low, high: r.high * k.high });

/** Reference rows usable on the profile's core for one scheme/op, with how they were obtained. */
function candidatesFor(profile: DeviceProfile, scheme: SchemeId, op: Operation): { row: CycleRow; direct: boolean }[] {
  const core = coreRow(profile.core);
  const matching = REFERENCE_ROWS.filter((r) => r.scheme === scheme && r.op === op);
  const out: { row: CycleRow; direct: boolean }[] = [];
  for (const impl of ['speed', 'portable', 'stack'] as const) {
    const own = matching.find((r) => r.core === profile.core && r.impl === impl);
    if (own) {
      out.push({ row: own, direct: true });
      continue;
    }
    const m4 = matching.find((r) => r.core === 'cortex-m4' && r.impl === impl);
    if (m4 && (impl === 'portable' || core.runsM4Asm)) out.push({ row: m4, direct: false });
  }
  return out;
}

function fromRow(profile: DeviceProfile, row: CycleRow, direct: boolean): Estimate {
  const core = coreRow(profile.core);
  const family = familyOf(row.scheme);
  const k = direct ? { point: 1, low: 1, high: 1 } : core.factors[family];
  const assumptions: string[] = [];
  const sources: Source[] = [row.sources.cycles];
  if (!direct) {
    assumptions.push(
      `core factor ${core.id} ← ${row.core} ×${k.point} (${k.low}–${k.high}, ${core.basis}: ${core.source.title})`,
    );
    sources.push(core.source);
  }
  let cyc: Range = { point: row.cycles.mean, low: row.cycles.min, high: row.cycles.max };
  let useK = k;
  let useD = true;
  const blocks = row.scheme === 'lms' || row.scheme === 'xmss' ? HASH_SIG_BLOCKS[row.scheme] : undefined;
  if (blocks && profile.accelerators?.sha256) {
    // The engine does the compressions, so neither the core factor nor flash derating applies.
    cyc = scale(blocks, SHA256_ACCEL_BLOCK_CYCLES);
    useK = { point: 1, low: 1, high: 1 };
    useD = false;
    assumptions.push(
      `SHA-256 engine at ${SHA256_ACCEL_BLOCK_CYCLES.point} (${SHA256_ACCEL_BLOCK_CYCLES.low}–${SHA256_ACCEL_BLOCK_CYCLES.high}) cycles per block incl. call setup (assumption)`,
    );
  } else if (row.derived) {
    assumptions.push(`derived, not measured: ${row.derived}`);
  }
  const d = memoryDerating(profile);
  if (useD && d.assumption) assumptions.push(d.assumption);
  if (row.preFips)
    assumptions.push(`pre-FIPS figure (${row.board}, round 3): range widened ±${PRE_FIPS_WIDENING * 100} %`);
  const perMs = profile.clockMHz * 1000;
  const dr = useD ? d.range : { point: 1, low: 1, high: 1 };
  const w = row.preFips ? PRE_FIPS_WIDENING : 0;
  const ms: Range = {
    point: (cyc.point * useK.point * dr.point) / perMs,
    low: ((cyc.low * useK.low * dr.low) / perMs) * (1 - w),
    high: ((cyc.high * useK.high * dr.high) / perMs) * (1 + w),
  };
  const foreign = row.core !== profile.core;
  if (foreign && (row.stackBytes !== undefined || row.codeBytes !== undefined)) {
    assumptions.push(`stack and code from the ${row.core} build: ranges widened (+25 % stack, +50 % code)`);
  }
  const widen = (v: number | undefined, f: number): Range | undefined =>
    v === undefined ? undefined : { point: v, low: v, high: foreign ? Math.round(v * f) : v };
  if (row.sources.stack) sources.push(row.sources.stack);
  if (row.sources.code) sources.push(row.sources.code);
  return {
    scheme: row.scheme,
    op: row.op,
    impl: row.impl,
    implName: row.implName,
    basis: 'estimated',
    ms,
    stackBytes: widen(row.stackBytes, FOREIGN_STACK),
    codeBytes: widen(row.codeBytes, FOREIGN_CODE),
    assumptions,
    sources,
  };
}

/** Every implementation class we can estimate for this op on this device (measured calibration wins outright). */
export function estimateOp(
  profile: DeviceProfile,
  scheme: SchemeId,
  op: Operation,
  calibration?: Calibration,
): Estimate[] {
  const measured = calibration?.measurements.filter((m) => m.scheme === scheme && m.op === op) ?? [];
  if (measured.length > 0) {
    return measured.map((m) => {
      const ms = m.ms ?? (m.cycles ?? 0) / (profile.clockMHz * 1000);
      const exact = (v: number | undefined): Range | undefined =>
        v === undefined ? undefined : { point: v, low: v, high: v };
      return {
        scheme,
        op,
        impl: m.impl ?? 'speed',
        implName: m.implName ?? 'measured on target',
        basis: 'measured',
        ms: { point: ms, low: ms, high: m.maxMs ?? ms },
        stackBytes: exact(m.stackBytes),
        codeBytes: exact(m.codeBytes),
        assumptions: [],
        sources: [
          {
            title: `calibration ${calibration?.label ?? ''}: ${m.source ?? 'on-target measurement'}`.trim(),
            confidence: 'primary',
          },
        ],
      } satisfies Estimate;
    });
  }
  return candidatesFor(profile, scheme, op).map(({ row, direct }) => fromRow(profile, row, direct));
}

export type ImageHash = 'sha256' | 'shake256';

/** Cost of hashing `bytes` of firmware image on the device (pqc-costs.md §5.4). */
export interface HashEstimate {
  readonly hashId: string;
  readonly ms: Range;
  readonly assumptions: readonly string[];
  readonly sources: readonly Source[];
}

export function imageHashMs(profile: DeviceProfile, hash: ImageHash, bytes: number): HashEstimate {
  const accel = hash === 'sha256' ? profile.accelerators?.sha256 : profile.accelerators?.keccak;
  const id = accel ? 'sha256-accel' : hash === 'sha256' ? 'sha256-sw' : 'shake256-sw';
  const cost = hashCost(id);
  const assumptions: string[] = [];
  let k: Range = { point: 1, low: 1, high: 1 };
  let dr: Range = { point: 1, low: 1, high: 1 };
  if (!accel) {
    const core = coreRow(profile.core);
    k = core.factors.hash;
    const d = memoryDerating(profile);
    dr = d.range;
    if (profile.core !== 'cortex-m4')
      assumptions.push(`hash cost scaled by the ${core.id} core factor ×${k.point} (${k.low}–${k.high})`);
    if (d.assumption) assumptions.push(d.assumption);
  } else if (hash === 'shake256') {
    assumptions.push('Keccak engine assumed to stream like a SHA-256 engine');
  }
  const perMs = profile.clockMHz * 1000;
  const c = cost.cyclesPerByte;
  return {
    hashId: id,
    ms: {
      point: (bytes * c.point * k.point * dr.point) / perMs,
      low: (bytes * c.low * k.low * dr.low) / perMs,
      high: (bytes * c.high * k.high * dr.high) / perMs,
    },
    assumptions: [`image hash ${id}: ${c.point} (${c.low}–${c.high}) cycles/byte`, ...assumptions],
    sources: [cost.source],
  };
}
