/**
 * Device estimate: t = C_ref × k_core × k_mem ÷ f_clk, with a range that widens for every assumption made (core
 * factor from another core, pre-FIPS data, memory derating). Hash-based stateful schemes are costed from their hash
 * calls (estimate/hash-count.ts) × the device's hash cost; SLH-DSA moves its hashing onto an engine when the profile
 * declares one. ML-DSA signing carries its rejection-sampling tail (estimate/sign-tail.ts). On-target measurements
 * from a calibration file replace the estimate and are marked measured.
 */
import type { Source } from '@pqready/core';
import { coreRow } from '../catalog/cores.js';
import { LMOTS_PARAMS, SLH_PARAMS, STATEFUL_SOURCES, wotsParams } from '../catalog/hash-params.js';
import { REFERENCE_ROWS } from '../catalog/reference.js';
import { schemeInfo } from '../catalog/schemes.js';
import type { CycleRow, DeviceProfile, HashId, ImplClass, Operation, Range, SchemeId } from '../catalog/types.js';
import { add, mul, ONE, scale } from '../range.js';
import type { Calibration, CalibrationMeasurement } from './calibration.js';
import { hashRate } from './hash-costs.js';
import { lmsVerifyBlocks, slhVerifyCalls, statefulSignBlocks, xmssVerifyBlocks } from './hash-count.js';
import { memoryDerating } from './memory.js';
import { type SignTail, tailFromRow } from './sign-tail.js';

export interface Estimate {
  readonly scheme: SchemeId;
  readonly op: Operation;
  readonly impl: ImplClass;
  readonly implName: string;
  /** estimated = scaled from a published measurement; derived = computed from a model; measured = calibration. */
  readonly basis: 'estimated' | 'derived' | 'measured';
  /** Mean time (for ML-DSA signing the mean of the rejection-sampling distribution: see `tail`). */
  readonly ms: Range;
  readonly tail?: SignTail;
  readonly stackBytes?: Range;
  readonly codeBytes?: Range;
  readonly assumptions: readonly string[];
  readonly sources: readonly Source[];
}

const PRE_FIPS_WIDENING = 0.1;
/** Stack and code measured on Thumb-2 move on other cores and toolchains (assumption): up to +25 % / +50 %. */
const FOREIGN_STACK = 1.25;
const FOREIGN_CODE = 1.5;

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

/** Core factor and memory derating for one row on this device, with the assumptions they imply. */
function scaling(profile: DeviceProfile, row: CycleRow, direct: boolean) {
  const info = schemeInfo(row.scheme);
  const factor = coreRow(profile.core).factors[info.family];
  const assumptions: string[] = [];
  const sources: Source[] = [];
  const k = direct ? ONE : factor.range;
  if (!direct && profile.core !== row.core) {
    assumptions.push(
      `core factor ${profile.core} ← ${row.core} ×${k.point} (${k.low}–${k.high}, ${factor.evidence}: ${factor.basis})`,
    );
    sources.push(...factor.sources);
  }
  const included = row.memoryIncluded === true || (!direct && factor.memoryIncluded);
  const d = memoryDerating(profile, included);
  if (d.assumption) assumptions.push(d.assumption);
  if (included && profile.memoryDerating === undefined)
    assumptions.push(
      row.memoryIncluded
        ? `measured at speed on ${row.board}: memory effects included, no derating`
        : `the ${profile.core} factor was measured on a board at speed: memory effects included, no derating`,
    );
  return { k, d: d.range, assumptions, sources, family: info.family };
}

function sizes(row: CycleRow, profile: DeviceProfile, assumptions: string[]) {
  const foreign = (row.sizesFrom ?? row.core) !== profile.core;
  if (foreign && (row.stackBytes !== undefined || row.codeBytes !== undefined))
    assumptions.push(
      `stack and code from the ${row.sizesFrom ?? row.core} build: ranges widened (+25 % stack, +50 % code)`,
    );
  const widen = (v: number | undefined, f: number): Range | undefined =>
    v === undefined ? undefined : { point: v, low: v, high: foreign ? Math.round(v * f) : v };
  return { stackBytes: widen(row.stackBytes, FOREIGN_STACK), codeBytes: widen(row.codeBytes, FOREIGN_CODE) };
}

/** SLH-DSA verification with its hash calls on an engine: non-hash share scaled as usual, hash calls at engine cost. */
function slhOnEngine(
  profile: DeviceProfile,
  row: CycleRow,
  k: Range,
  d: Range,
): { cycles: Range; notes: string[] } | undefined {
  if (row.op !== 'verify' || row.hashShare === undefined) return undefined;
  const m = /^slh-dsa-(sha2|shake)-(\d{3}[sf])$/.exec(row.scheme);
  if (!m) return undefined;
  const calls = slhVerifyCalls(SLH_PARAMS[m[2] as keyof typeof SLH_PARAMS], m[1] as 'sha2' | 'shake');
  const used = (Object.keys(calls) as HashId[]).filter((h) => calls[h].point > 0);
  const rates = used.map((h) => hashRate(profile, h));
  if (!rates.some((r) => r.engine)) return undefined;
  const rest = mul(
    scale({ point: row.cycles.mean, low: row.cycles.min, high: row.cycles.max }, 1 - row.hashShare),
    mul(k, d),
  );
  const hashed = rates.reduce<Range>((acc, r) => add(acc, mul(calls[r.hash], r.cyclesPerBlockCall)), {
    point: 0,
    low: 0,
    high: 0,
  });
  return {
    cycles: add(rest, hashed),
    notes: [
      `${(row.hashShare * 100).toFixed(1)} % hashing (pqm4) moved to the engine: ${used.map((h) => `${calls[h].point.toFixed(0)} ${h} calls`).join(' + ')} at the engine's per-call cost`,
      ...rates.flatMap((r) => r.assumptions),
    ],
  };
}

function fromRow(profile: DeviceProfile, row: CycleRow, direct: boolean): Estimate {
  const s = scaling(profile, row, direct);
  const assumptions = [...s.assumptions];
  const sources: Source[] = [row.sources.cycles, ...s.sources];
  const perMs = profile.clockMHz * 1000;
  let cycles: Range = mul({ point: row.cycles.mean, low: row.cycles.min, high: row.cycles.max }, mul(s.k, s.d));
  const onEngine = slhOnEngine(profile, row, s.k, s.d);
  if (onEngine) {
    cycles = onEngine.cycles;
    assumptions.push(...onEngine.notes);
    if (row.sources.hashShare) sources.push(row.sources.hashShare);
  }
  if (row.preFips)
    assumptions.push(`pre-FIPS figure (${row.board}, round 3): range widened ±${PRE_FIPS_WIDENING * 100} %`);
  const w = row.preFips ? PRE_FIPS_WIDENING : 0;
  const ms: Range = {
    point: cycles.point / perMs,
    low: (cycles.low / perMs) * (1 - w),
    high: (cycles.high / perMs) * (1 + w),
  };
  const sz = sizes(row, profile, assumptions);
  if (row.sources.stack) sources.push(row.sources.stack);
  if (row.sources.code) sources.push(row.sources.code);
  const tail =
    row.op === 'sign' && row.scheme.startsWith('ml-dsa-')
      ? tailFromRow(row, scale(mul(s.k, s.d), 1 / perMs), w)
      : undefined;
  if (tail) {
    assumptions.push(...tail.assumptions);
    sources.push(tail.source);
  }
  return {
    scheme: row.scheme,
    op: row.op,
    impl: row.impl,
    implName: row.implName,
    basis: 'estimated',
    ms,
    ...(tail ? { tail: tail.tail } : {}),
    ...sz,
    assumptions,
    sources,
  };
}

/** LMS/HSS and XMSS/XMSS^MT verification or signing from their SHA-256 calls at the device's SHA-256 cost. */
function statefulOp(profile: DeviceProfile, scheme: SchemeId, op: Operation): Estimate | undefined {
  const info = schemeInfo(scheme);
  const p = info.stateful;
  if (!p || (op !== 'verify' && op !== 'sign')) return undefined;
  const ots = p.kind === 'lms' ? LMOTS_PARAMS[p.winternitzBits as 1 | 2 | 4 | 8] : wotsParams(32);
  const blocks =
    op === 'sign'
      ? statefulSignBlocks(p.kind, p.height, p.levels, ots)
      : p.kind === 'lms'
        ? lmsVerifyBlocks(
            Array.from({ length: p.levels }, () => p.height / p.levels),
            ots,
          )
        : xmssVerifyBlocks(p.height, p.levels);
  const rate = hashRate(profile, 'sha256');
  const cycles = mul(blocks, rate.cyclesPerBlockCall);
  const perMs = profile.clockMHz * 1000;
  return {
    scheme,
    op,
    impl: 'portable',
    implName: `derived: ${blocks.point.toFixed(0)} SHA-256 calls × ${rate.engine ? 'engine' : 'software'} cost`,
    basis: 'derived',
    ms: scale(cycles, 1 / perMs),
    assumptions: [
      `derived, not measured: ${blocks.point.toFixed(0)} (${blocks.low.toFixed(0)}–${blocks.high.toFixed(0)}) SHA-256 compression calls counted from the RFC structure (the range spans the 0.1–99.9 % Winternitz checksum${op === 'sign' ? '; signing: authentication path by a traversal of ≈ h/2 leaves per signature, none with a fully cached tree, up to h' : ''})`,
      ...rate.assumptions,
      'no published stack or code size for this verifier',
    ],
    sources: [...STATEFUL_SOURCES, info.source, ...rate.sources],
  };
}

function fromCalibration(
  profile: DeviceProfile,
  calibration: Calibration,
  m: CalibrationMeasurement,
  scheme: SchemeId,
  op: Operation,
): Estimate {
  const perMs = profile.clockMHz * 1000;
  const ms = m.ms ?? (m.cycles ?? 0) / perMs;
  const exact = (v: number | undefined): Range | undefined =>
    v === undefined ? undefined : { point: v, low: v, high: v };
  const assumptions: string[] = [];
  let tail: SignTail | undefined;
  if (op === 'sign' && scheme.startsWith('ml-dsa-')) {
    const shape = REFERENCE_ROWS.find(
      (r) => r.scheme === scheme && r.op === 'sign' && r.core === 'cortex-m4' && r.impl === (m.impl ?? 'speed'),
    );
    const minMs = m.minMs ?? (shape ? (ms * shape.cycles.min) / shape.cycles.mean : ms);
    const synthetic: CycleRow = {
      scheme,
      op,
      impl: m.impl ?? 'speed',
      implName: 'measured',
      core: profile.core,
      cycles: { mean: ms * perMs, min: minMs * perMs, max: (m.maxMs ?? ms) * perMs },
      preFips: false,
      board: 'on target',
      sources: { cycles: { title: 'calibration' } },
    };
    const t = tailFromRow(synthetic, { point: 1 / perMs, low: 1 / perMs, high: 1 / perMs }, 0);
    tail = t?.tail;
    if (m.minMs === undefined)
      assumptions.push('calibration gives no minMs: the signing-time shape (min ÷ mean) is taken from pqm4');
  }
  return {
    scheme,
    op,
    impl: m.impl ?? 'speed',
    implName: m.implName ?? 'measured on target',
    basis: 'measured',
    ms: { point: ms, low: m.minMs ?? ms, high: m.maxMs ?? ms },
    ...(tail ? { tail } : {}),
    stackBytes: exact(m.stackBytes),
    codeBytes: exact(m.codeBytes),
    assumptions,
    sources: [
      {
        title: `calibration ${calibration.label}: ${m.source ?? 'on-target measurement'}`.trim(),
        confidence: 'primary',
      },
    ],
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
  if (calibration && measured.length > 0)
    return measured.map((m) => fromCalibration(profile, calibration, m, scheme, op));
  const stateful = statefulOp(profile, scheme, op);
  if (stateful) return [stateful];
  return candidatesFor(profile, scheme, op).map(({ row, direct }) => fromRow(profile, row, direct));
}
