/**
 * Fit check: for each use case and candidate, estimated time vs the time budget, peak stack vs RAM, code vs flash
 * and bytes vs the link budget, each with a margin and a verdict: fits (whole range inside the budget), tight (the
 * budget falls inside the estimate's range) or does-not-fit. Recommends the strongest parameter set that fits.
 */
import type { Source } from '@pqready/core';
import { schemeSizes } from '../catalog/sizes.js';
import type { DeviceProfile, ImplClass, Range } from '../catalog/types.js';
import type { Calibration } from '../estimate/calibration.js';
import { type Estimate, estimateOp, imageHashMs } from '../estimate/estimate.js';
import { type CandidateSpec, USE_CASES, type UseCaseId, type UseCaseSpec } from './use-cases.js';

export type Verdict = 'fits' | 'tight' | 'does-not-fit' | 'no-budget' | 'unavailable';

export interface Dimension {
  readonly value?: Range;
  readonly budget?: number;
  /** (budget − point) ÷ budget; negative when over budget. */
  readonly margin?: number;
  readonly verdict: Verdict;
}

export interface CandidateFit {
  readonly id: string;
  readonly title: string;
  readonly quantumSafe: boolean;
  readonly category?: number;
  readonly impl?: ImplClass;
  readonly implNames: readonly string[];
  readonly basis: 'estimated' | 'measured' | 'mixed';
  readonly timeMs: Dimension;
  readonly stackBytes: Dimension;
  readonly codeBytes: Dimension;
  readonly wireBytes: Dimension;
  readonly verdict: Verdict;
  readonly note?: string;
  readonly assumptions: readonly string[];
  readonly sources: readonly Source[];
}

export interface UseCaseFit {
  readonly id: UseCaseId;
  readonly title: string;
  readonly candidates: readonly CandidateFit[];
  readonly recommendation: { readonly candidate?: string; readonly reason: string };
}

const RANK: Record<Verdict, number> = { fits: 0, tight: 1, 'no-budget': 2, 'does-not-fit': 3, unavailable: 4 };

/** fits when the whole range is inside the budget, tight when the budget falls inside the range. */
export function judge(value: Range | undefined, budget: number | undefined): Dimension {
  if (value === undefined) return { verdict: 'unavailable', budget };
  if (budget === undefined) return { value, verdict: 'no-budget' };
  const margin = (budget - value.point) / budget;
  const verdict: Verdict = value.high <= budget ? 'fits' : value.low <= budget ? 'tight' : 'does-not-fit';
  return { value, budget, margin, verdict };
}

const add = (a: Range, b: Range): Range => ({ point: a.point + b.point, low: a.low + b.low, high: a.high + b.high });
const times = (a: Range, n: number): Range => ({ point: a.point * n, low: a.low * n, high: a.high * n });
const maxR = (a: Range, b: Range): Range => ({
  point: Math.max(a.point, b.point),
  low: Math.max(a.low, b.low),
  high: Math.max(a.high, b.high),
});

export interface Budgeted {
  time?: number;
  stackBytes: number;
  codeBytes: number;
  wireBytes?: number;
  assumptions: string[];
}

/** Budgets with their documented defaults: stack ≤ ½ RAM, code ≤ ¼ flash unless the profile says otherwise. */
export function effectiveBudgets(profile: DeviceProfile, spec: UseCaseSpec): Budgeted {
  const b = profile.budgets ?? {};
  const assumptions: string[] = [];
  let stackKiB = b.stackKiB ?? profile.ramAvailableKiB;
  if (stackKiB === undefined) {
    stackKiB = profile.ramKiB / 2;
    assumptions.push(`stack budget defaults to half of RAM (${stackKiB} KiB)`);
  }
  let codeKiB = b.codeKiB ?? profile.flashAvailableKiB;
  if (codeKiB === undefined) {
    codeKiB = profile.flashKiB / 4;
    assumptions.push(`code budget defaults to a quarter of flash (${codeKiB} KiB)`);
  }
  let time = b[spec.timeBudget];
  if (time === undefined && spec.id === 'firmware-update-verify' && b.bootVerifyMs !== undefined) {
    time = b.bootVerifyMs;
    assumptions.push('no updateVerifyMs budget: bootVerifyMs used');
  }
  const wire = spec.id === 'key-exchange' || spec.id === 'tls-client-handshake' ? b.wireBytesPerHandshake : undefined;
  return { time, stackBytes: stackKiB * 1024, codeBytes: codeKiB * 1024, wireBytes: wire, assumptions };
}

/** Chooses, per operation, the estimate of the requested implementation class, falling back to any available. */
function pick(options: readonly Estimate[], impl: ImplClass): Estimate | undefined {
  return options.find((o) => o.impl === impl) ?? options.find((o) => o.basis === 'measured') ?? options[0];
}

function evaluate(
  profile: DeviceProfile,
  spec: UseCaseSpec,
  cand: CandidateSpec,
  impl: ImplClass,
  budgets: Budgeted,
  calibration?: Calibration,
): CandidateFit | undefined {
  const chosen: { est: Estimate; count: number }[] = [];
  for (const o of cand.ops) {
    const est = pick(estimateOp(profile, o.scheme, o.op, calibration), impl);
    if (!est) return undefined;
    chosen.push({ est, count: o.count });
  }
  // Only report the class when the lattice/hash part actually uses it; otherwise this is a duplicate of another class.
  const primary = chosen[0]?.est;
  if (!primary || (primary.impl !== impl && primary.basis !== 'measured')) return undefined;
  const assumptions = new Set<string>(budgets.assumptions);
  const sources: Source[] = [];
  let time: Range = { point: 0, low: 0, high: 0 };
  let stack: Range | undefined;
  let code: Range | undefined;
  const codeSeen = new Set<string>();
  for (const { est, count } of chosen) {
    time = add(time, times(est.ms, count));
    if (est.stackBytes) stack = stack ? maxR(stack, est.stackBytes) : est.stackBytes;
    const codeKey = `${est.scheme}|${est.implName}`;
    if (est.codeBytes && !codeSeen.has(codeKey)) {
      codeSeen.add(codeKey);
      code = code ? add(code, est.codeBytes) : est.codeBytes;
    }
    for (const a of est.assumptions) assumptions.add(a);
    sources.push(...est.sources);
  }
  const missingStack = chosen.some((c) => c.est.stackBytes === undefined);
  const missingCode = chosen.some((c) => c.est.codeBytes === undefined);
  if (missingStack) stack = undefined;
  if (missingCode) code = undefined;
  if (missingStack || missingCode) assumptions.add('stack or code size not published for every operation: not checked');
  let imageHash: string | undefined;
  if (spec.hashesImage && cand.imageHash) {
    const bytes = (profile.firmwareImageKiB ?? 0) * 1024;
    // With a SHA-256 engine, ML-DSA should pre-hash (HashML-DSA, FIPS 204 §5.4) so the image streams through it.
    const hash = cand.imageHash === 'shake256' && profile.accelerators?.sha256 ? 'sha256' : cand.imageHash;
    if (hash !== cand.imageHash)
      assumptions.add('HashML-DSA with SHA-256 pre-hash so the image hashing uses the SHA-256 engine');
    const h = imageHashMs(profile, hash, bytes);
    imageHash = h.hashId;
    time = add(time, h.ms);
    for (const a of h.assumptions) assumptions.add(a);
    sources.push(...h.sources);
    if (profile.firmwareImageKiB === undefined)
      assumptions.add('firmwareImageKiB not given: image hashing not counted');
  }
  const timeDim = judge(time, budgets.time);
  const stackDim = judge(stack, budgets.stackBytes);
  const codeDim = judge(code, budgets.codeBytes);
  const wireDim =
    cand.wireBytes === undefined
      ? ({ verdict: 'no-budget' } as Dimension)
      : judge({ point: cand.wireBytes, low: cand.wireBytes, high: cand.wireBytes }, budgets.wireBytes);
  const checked = [timeDim, stackDim, codeDim, wireDim].filter(
    (d) => d.verdict !== 'no-budget' && d.verdict !== 'unavailable',
  );
  const verdict =
    checked.length === 0
      ? 'no-budget'
      : checked.reduce<Verdict>((w, d) => (RANK[d.verdict] > RANK[w] ? d.verdict : w), 'fits');
  const basisSet = new Set(chosen.map((c) => c.est.basis));
  const categories = cand.pq
    .map((s) => schemeSizes(s).category)
    .filter((c): c is NonNullable<typeof c> => c !== undefined);
  const uniqueSources = [...new Map(sources.map((s) => [`${s.title}|${s.url ?? ''}`, s])).values()];
  return {
    id: cand.id,
    title: cand.title,
    quantumSafe: cand.quantumSafe,
    ...(categories.length === cand.pq.length && categories.length > 0 ? { category: Math.min(...categories) } : {}),
    impl: primary.basis === 'measured' ? undefined : impl,
    implNames: [...new Set([...chosen.map((c) => c.est.implName), ...(imageHash ? [imageHash] : [])])],
    basis: basisSet.size > 1 ? 'mixed' : (chosen[0]?.est.basis ?? 'estimated'),
    timeMs: timeDim,
    stackBytes: stackDim,
    codeBytes: codeDim,
    wireBytes: wireDim,
    verdict,
    ...(cand.note ? { note: cand.note } : {}),
    assumptions: [...assumptions],
    sources: uniqueSources,
  };
}

/** Best implementation class for a candidate: best verdict, then lowest point time. */
function bestOf(fits: CandidateFit[]): CandidateFit | undefined {
  return [...fits].sort(
    (a, b) =>
      RANK[a.verdict] - RANK[b.verdict] || (a.timeMs.value?.point ?? Infinity) - (b.timeMs.value?.point ?? Infinity),
  )[0];
}

const pct = (m: number | undefined) => (m === undefined ? '' : `${Math.round(m * 100)} %`);
const num = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function recommend(spec: UseCaseSpec, fits: readonly CandidateFit[]): UseCaseFit['recommendation'] {
  const pq = fits.filter((f) => f.quantumSafe);
  for (const level of ['fits', 'tight'] as const) {
    const ok = pq.filter((f) => f.verdict === level);
    if (ok.length === 0) continue;
    // Among tight ones, those whose point estimate is within budget come first; then the strongest NIST category;
    // stateful hash-based schemes have none and rank after the categorised ones.
    const overPoint = (f: CandidateFit) => ((f.timeMs.margin ?? 0) < 0 ? 1 : 0);
    const best = [...ok].sort(
      (a, b) =>
        overPoint(a) - overPoint(b) ||
        (b.category ?? 0) - (a.category ?? 0) ||
        (a.timeMs.value?.point ?? 0) - (b.timeMs.value?.point ?? 0),
    )[0]!;
    const t = best.timeMs;
    const timeText =
      t.value && t.budget !== undefined
        ? `${num(t.value.point)} ms (${num(t.value.low)}–${num(t.value.high)}) of ${t.budget} ms, margin ${pct(t.margin)}`
        : t.value
          ? `${num(t.value.point)} ms, no time budget`
          : 'time not estimated';
    const strength = best.category ? `NIST category ${best.category}` : 'no NIST category (SP 800-208 stateful)';
    const tail = level === 'tight' ? '; tight: the budget lies inside the estimate range, measure on target' : '';
    return {
      candidate: best.id,
      reason: `${best.title} (${best.impl ?? 'measured'}) is the strongest option that ${level === 'fits' ? 'fits' : 'may fit'} (${strength}): ${timeText}${tail}.`,
    };
  }
  const any = pq.length > 0;
  return {
    reason: any
      ? `No quantum-safe candidate fits the ${spec.timeBudget} and memory budgets on this device; consider offloading or a larger part.`
      : 'No quantum-safe candidate could be estimated for this core.',
  };
}

export function fitUseCase(profile: DeviceProfile, spec: UseCaseSpec, calibration?: Calibration): UseCaseFit {
  const budgets = effectiveBudgets(profile, spec);
  const candidates: CandidateFit[] = [];
  for (const cand of spec.candidates) {
    const options = (['speed', 'portable', 'stack'] as const)
      .map((impl) => evaluate(profile, spec, cand, impl, budgets, calibration))
      .filter((f): f is CandidateFit => f !== undefined);
    const best = bestOf(options);
    candidates.push(
      best ?? {
        id: cand.id,
        title: cand.title,
        quantumSafe: cand.quantumSafe,
        implNames: [],
        basis: 'estimated',
        timeMs: { verdict: 'unavailable' },
        stackBytes: { verdict: 'unavailable' },
        codeBytes: { verdict: 'unavailable' },
        wireBytes: { verdict: 'unavailable' },
        verdict: 'unavailable',
        assumptions: [`no reference data for ${cand.title} on ${profile.core}`],
        sources: [],
      },
    );
  }
  return { id: spec.id, title: spec.title, candidates, recommendation: recommend(spec, candidates) };
}

export function fitAll(profile: DeviceProfile, calibration?: Calibration): UseCaseFit[] {
  return USE_CASES.map((u) => fitUseCase(profile, u, calibration));
}
