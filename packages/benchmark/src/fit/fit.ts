/**
 * Fit check: for each use case and candidate, time, RAM (peak stack + buffers), code and bytes on the wire against
 * the budgets, each with a margin and a verdict, and a recommendation. The verdict rules (docs/bench.md):
 * - fits: the high end of the estimate is within the budget (its headroom is reported);
 * - tight: the point estimate is within the budget, the high end is over (measure on target);
 * - does-not-fit: the point estimate is over the budget;
 * - unknown: a budgeted dimension has no data (e.g. no published stack size);
 * - no-budget: nothing to judge against.
 * A candidate takes its worst dimension: does-not-fit > unknown > tight > fits. Recommendations come only from
 * fits, then tight, so a negative margin is never recommended.
 */
import type { Source } from '@pqready/core';
import { SHARED_HASH_CODE } from '../catalog/hash-figures.js';
import { type Maturity, schemeInfo } from '../catalog/schemes.js';
import type { DeviceProfile, HashId, ImplClass, Range, SchemeId } from '../catalog/types.js';
import type { Calibration } from '../estimate/calibration.js';
import { type Estimate, estimateOp } from '../estimate/estimate.js';
import { hashBytesMs } from '../estimate/hash-costs.js';
import { exceedProbability, percentileMs, type SignTail } from '../estimate/sign-tail.js';
import { add, exact, maxR, scale as times, ZERO } from '../range.js';
import {
  type CandidateSpec,
  HASH_COLLISION_CATEGORY,
  IR8547,
  USE_CASES,
  type UseCaseId,
  type UseCaseSpec,
} from './use-cases.js';

export type Verdict = 'fits' | 'tight' | 'does-not-fit' | 'unknown' | 'no-budget';

export interface Dimension {
  readonly value?: Range;
  readonly unit: 'ms' | 'bytes';
  readonly budget?: number;
  /** The profile field the budget came from, e.g. `budgets.bootVerifyMs`. */
  readonly budgetName?: string;
  /** (budget − point) ÷ budget; negative when the point estimate is over budget. */
  readonly margin?: number;
  /** (budget − high) ÷ budget: room left in the worst case. */
  readonly headroom?: number;
  readonly verdict: Verdict;
}

export interface Part {
  readonly label: string;
  readonly value: Range;
}

export interface SignTailReport {
  /** Percentile the time dimension is judged on (budgets.signPercentile). */
  readonly percentile: number;
  readonly expectedIterations: number;
  readonly p50Ms: Range;
  readonly p99Ms: Range;
  readonly p999Ms: Range;
  /** Chance that one operation overruns the time budget (point estimate). */
  readonly exceedProbability?: number;
}

export interface WireReport {
  readonly clientToServer?: Range;
  readonly serverToClient?: Range;
  /** Frames of `link.mtuBytes` each way. */
  readonly frames?: number;
  /** Time on the wire at `link.bandwidthKbps`, included in the time dimension. */
  readonly airtimeMs?: Range;
}

export interface CandidateFit {
  readonly id: string;
  readonly title: string;
  readonly quantumSafe: boolean;
  readonly hybrid: boolean;
  readonly maturity: Maturity;
  /** NIST category: the minimum over the post-quantum parts and any pre-hash. */
  readonly category?: number;
  readonly categoryNote?: string;
  readonly impl?: ImplClass;
  readonly implNames: readonly string[];
  readonly basis: 'estimated' | 'derived' | 'measured' | 'mixed';
  readonly timeMs: Dimension;
  readonly ramBytes: Dimension;
  readonly codeBytes: Dimension;
  readonly wireBytes: Dimension;
  readonly timeParts: readonly Part[];
  readonly ramParts: readonly Part[];
  readonly signTail?: SignTailReport;
  readonly wire?: WireReport;
  readonly verdict: Verdict;
  /** One sentence per failing, tight or unknown dimension, naming the budget and the numbers. */
  readonly why: readonly string[];
  readonly note?: string;
  readonly assumptions: readonly string[];
  readonly sources: readonly Source[];
}

export interface Recommendation {
  readonly candidate?: string;
  readonly verdict?: 'fits' | 'tight';
  readonly reason: string;
}

export interface UseCaseFit {
  readonly id: UseCaseId;
  readonly title: string;
  readonly candidates: readonly CandidateFit[];
  readonly recommendation: Recommendation;
}

/** The hash code a scheme links by itself: Keccak for the lattice and SHAKE schemes, SHA-2 for the others. */
function internalHashes(scheme: SchemeId): (keyof typeof SHARED_HASH_CODE)[] {
  const info = schemeInfo(scheme);
  if (info.family === 'lattice' || info.family === 'keccak') return ['keccak'];
  if (info.family === 'sha2') return (info.category ?? 1) > 1 ? ['sha256', 'sha512'] : ['sha256'];
  return [];
}

/** Applies the verdict rules to one dimension. */
export function judge(
  value: Range | undefined,
  budget: number | undefined,
  unit: Dimension['unit'] = 'ms',
  budgetName?: string,
): Dimension {
  const named = budgetName ? { budgetName } : {};
  if (budget === undefined) return { ...(value ? { value } : {}), unit, verdict: 'no-budget' };
  if (value === undefined) return { unit, budget, ...named, verdict: 'unknown' };
  const margin = (budget - value.point) / budget;
  const headroom = (budget - value.high) / budget;
  const verdict: Verdict = value.high <= budget ? 'fits' : value.point <= budget ? 'tight' : 'does-not-fit';
  return { value, unit, budget, ...named, margin, headroom, verdict };
}

const SEVERITY: Record<Verdict, number> = { 'no-budget': 0, fits: 1, tight: 2, unknown: 3, 'does-not-fit': 4 };
/** The candidate's verdict: its worst budgeted dimension (no-budget only when nothing is budgeted). */
export function combine(dims: readonly Dimension[]): Verdict {
  return dims.reduce<Verdict>((w, d) => (SEVERITY[d.verdict] > SEVERITY[w] ? d.verdict : w), 'no-budget');
}

interface Budgeted {
  readonly time?: number;
  readonly timeName: string;
  readonly ram?: number;
  readonly ramName?: string;
  readonly code?: number;
  readonly codeName?: string;
  readonly wire?: number;
  readonly signPercentile: number;
  readonly assumptions: readonly string[];
}

/** Budgets with their documented defaults: RAM ≤ ½ RAM, code ≤ ¼ flash unless the profile says otherwise. */
function effectiveBudgets(profile: DeviceProfile, spec: UseCaseSpec): Budgeted {
  const b = profile.budgets ?? {};
  const assumptions: string[] = [];
  /** The first budget given, in order of preference; a derived default is stated as an assumption. */
  const pick = (options: [number | undefined, string, string?][]): [number | undefined, string | undefined] => {
    const hit = options.find(([v]) => v !== undefined);
    if (hit?.[2]) assumptions.push(hit[2]);
    return hit ? [hit[0], hit[1]] : [undefined, undefined];
  };
  const half = profile.ramKiB === undefined ? undefined : profile.ramKiB / 2;
  const quarter = profile.flashKiB === undefined ? undefined : profile.flashKiB / 4;
  const [ram, ramName] = pick([
    [b.ramKiB, 'budgets.ramKiB'],
    [profile.ramAvailableKiB, 'ramAvailableKiB'],
    [half, 'ramKiB ÷ 2', `RAM budget defaults to half of RAM (${half} KiB)`],
  ]);
  const [code, codeName] = pick([
    [b.codeKiB, 'budgets.codeKiB'],
    [profile.flashAvailableKiB, 'flashAvailableKiB'],
    [quarter, 'flashKiB ÷ 4', `code budget defaults to a quarter of flash (${quarter} KiB)`],
  ]);
  let time = b[spec.timeBudget];
  let timeName = `budgets.${spec.timeBudget}`;
  if (time === undefined && spec.id === 'firmware-update-verify' && b.bootVerifyMs !== undefined) {
    time = b.bootVerifyMs;
    timeName = 'budgets.bootVerifyMs';
    assumptions.push('no updateVerifyMs budget: bootVerifyMs used');
  }
  const wire = spec.id === 'key-exchange' || spec.id === 'tls-client-handshake' ? b.wireBytesPerHandshake : undefined;
  return {
    ...(time !== undefined ? { time } : {}),
    timeName,
    ...(ram !== undefined ? { ram: ram * 1024, ramName } : {}),
    ...(code !== undefined ? { code: code * 1024, codeName } : {}),
    ...(wire !== undefined ? { wire } : {}),
    signPercentile: b.signPercentile ?? 99.9,
    assumptions,
  };
}

/** Chooses, per operation, the estimate of the requested implementation class, falling back to any available. */
function pick(options: readonly Estimate[], impl: ImplClass): Estimate | undefined {
  return options.find((o) => o.impl === impl) ?? options.find((o) => o.basis === 'measured') ?? options[0];
}

const fmtMs = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const fmtKiB = (v: number) => `${(v / 1024).toFixed(1)} KiB`;
const fmtB = (v: number) => `${Math.round(v).toLocaleString('en-US')} B`;

/** One sentence per dimension that is not simply within budget. */
function explain(label: string, d: Dimension, fmt: (v: number) => string): string | undefined {
  if (d.budget === undefined) return undefined;
  const budget = `${d.budgetName ?? 'budget'} ${fmt(d.budget)}`;
  if (d.verdict === 'unknown') return `${label}: no data to check against ${budget}`;
  if (!d.value) return undefined;
  if (d.verdict === 'does-not-fit') return `${label} ${fmt(d.value.point)} > ${budget}`;
  if (d.verdict === 'tight')
    return `${label} ${fmt(d.value.point)} within ${budget}, worst case ${fmt(d.value.high)} over`;
  return undefined;
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
  // Only report the class when the post-quantum (first) part actually uses it; otherwise it duplicates another class.
  const primary = chosen[0]?.est;
  if (!primary || (primary.impl !== impl && primary.basis !== 'measured')) return undefined;
  const assumptions = new Set<string>(budgets.assumptions);
  const sources: Source[] = [...cand.sources];
  const timeParts: Part[] = [];
  let deterministic = ZERO;
  let tail: SignTail | undefined;
  for (const { est, count } of chosen) {
    if (est.tail && !tail && count === 1) {
      tail = est.tail;
    } else {
      deterministic = add(deterministic, times(est.ms, count));
    }
    timeParts.push({
      label: `${schemeInfo(est.scheme).title} ${est.op}${count > 1 ? ` ×${count}` : ''} (${est.implName})${est.tail ? ', mean' : ''}`,
      value: times(est.ms, count),
    });
    for (const a of est.assumptions) assumptions.add(a);
    sources.push(...est.sources);
  }
  const implNames = new Set(chosen.map((c) => c.est.implName));
  let softwareImageHash: HashId | undefined;
  if (spec.id === 'secure-boot-verify' || spec.id === 'firmware-update-verify') {
    if (cand.imageHash && profile.firmwareImageKiB !== undefined) {
      const h = hashBytesMs(profile, cand.imageHash, profile.firmwareImageKiB * 1024);
      deterministic = add(deterministic, h.ms);
      timeParts.push({
        label: `${cand.preHash ? 'pre-hash' : 'message hash'}: ${cand.imageHash} over ${profile.firmwareImageKiB} KiB (${h.rate.engine ? 'engine' : 'software'})`,
        value: h.ms,
      });
      implNames.add(`${cand.imageHash} ${h.rate.engine ? 'engine' : 'software'}`);
      if (!h.rate.engine) softwareImageHash = cand.imageHash;
      for (const a of h.rate.assumptions) assumptions.add(a);
      sources.push(...h.rate.sources);
    } else if (cand.imageHash) {
      assumptions.add('firmwareImageKiB not given: image hashing not counted');
    }
  }
  let wire: WireReport | undefined;
  let wireValue: Range | undefined = cand.wireBytes !== undefined ? exact(cand.wireBytes) : undefined;
  if (cand.tls) {
    wireValue = cand.tls.total;
    const mtu = profile.link?.mtuBytes;
    const kbps = profile.link?.bandwidthKbps;
    const airtime = kbps ? times(cand.tls.total, 8 / kbps) : undefined;
    if (airtime) {
      deterministic = add(deterministic, airtime);
      timeParts.push({ label: `time on the wire at ${kbps} kbit/s`, value: airtime });
    } else assumptions.add('link.bandwidthKbps not given: time on the wire not counted');
    wire = {
      clientToServer: cand.tls.clientToServer,
      serverToClient: cand.tls.serverToClient,
      ...(mtu
        ? { frames: Math.ceil(cand.tls.clientToServer.point / mtu) + Math.ceil(cand.tls.serverToClient.point / mtu) }
        : {}),
      ...(airtime ? { airtimeMs: airtime } : {}),
    };
  }
  // Time: the deterministic part plus, for ML-DSA signing, the chosen percentile of its attempts distribution.
  const q = budgets.signPercentile / 100;
  const timeValue = tail ? add(deterministic, percentileMs(tail, q)) : deterministic;
  const timeDim = judge(timeValue, budgets.time, 'ms', budgets.timeName);
  let signTail: SignTailReport | undefined;
  if (tail)
    signTail = {
      percentile: budgets.signPercentile,
      expectedIterations: tail.expectedIterations,
      p50Ms: add(deterministic, tail.p50),
      p99Ms: add(deterministic, tail.p99),
      p999Ms: add(deterministic, tail.p999),
      ...(budgets.time !== undefined
        ? { exceedProbability: exceedProbability(tail, budgets.time, deterministic.point) }
        : {}),
    };
  // RAM: the largest stack of any operation plus the buffers live next to it.
  let stack: Range | undefined;
  let stackOf = '';
  let missingStack = false;
  for (const { est } of chosen) {
    if (!est.stackBytes) missingStack = true;
    else if (!stack || est.stackBytes.point > stack.point) {
      stack = stack ? maxR(stack, est.stackBytes) : est.stackBytes;
      stackOf = `${schemeInfo(est.scheme).title} ${est.op}`;
    } else stack = maxR(stack, est.stackBytes);
  }
  const buffers = cand.buffers.reduce((n, b) => n + b.bytes, 0);
  const ramValue = missingStack || !stack ? undefined : add(stack, exact(buffers));
  const ramParts: Part[] = [
    ...(stack && !missingStack ? [{ label: `peak stack (${stackOf})`, value: stack }] : []),
    ...cand.buffers.map((b) => ({ label: b.label, value: exact(b.bytes) })),
  ];
  if (missingStack) assumptions.add('stack not published for every operation: RAM unknown');
  // Code: each distinct implementation once.
  let code: Range | undefined = ZERO;
  const codeSeen = new Set<string>();
  for (const { est } of chosen) {
    const key = `${est.scheme}|${est.implName}`;
    if (codeSeen.has(key)) continue;
    codeSeen.add(key);
    code = est.codeBytes && code ? add(code, est.codeBytes) : undefined;
  }
  // Shared hash code pqm4 leaves out of .text: once per hash the candidate runs in software.
  const shared = new Set<keyof typeof SHARED_HASH_CODE>();
  for (const { est } of chosen) for (const h of internalHashes(est.scheme)) shared.add(h);
  if (softwareImageHash) shared.add(softwareImageHash === 'shake256' ? 'keccak' : softwareImageHash);
  if (code)
    for (const h of shared) {
      code = add(code, SHARED_HASH_CODE[h].bytes);
      sources.push(SHARED_HASH_CODE[h].source);
    }
  if (!code) assumptions.add('code size not published for every operation: code unknown');
  else
    assumptions.add(
      `code = the schemes' own .text + shared ${[...shared].join(', ') || 'no'} hash code (libc and RNG not counted)`,
    );
  const ramDim = judge(ramValue, budgets.ram, 'bytes', budgets.ramName);
  const codeDim = judge(code, budgets.code, 'bytes', budgets.codeName);
  const wireDim = judge(wireValue, budgets.wire, 'bytes', 'budgets.wireBytesPerHandshake');
  const verdict = combine([timeDim, ramDim, codeDim, wireDim]);
  const why = [
    explain('time', timeDim, (v) => `${fmtMs(v)} ms`),
    explain('RAM', ramDim, fmtKiB),
    explain('code', codeDim, fmtKiB),
    explain('wire', wireDim, fmtB),
  ].filter((x): x is string => x !== undefined);
  if (signTail?.exceedProbability !== undefined && signTail.exceedProbability > 0.001)
    why.push(
      `${(signTail.exceedProbability * 100).toFixed(signTail.exceedProbability < 0.1 ? 1 : 0)} % of signatures overrun ${budgets.timeName} (rejection sampling)`,
    );
  const basisSet = new Set<CandidateFit['basis']>(chosen.map((c) => c.est.basis));
  // The image hash is always estimated: a measured signature over an estimated hash is mixed.
  if (timeParts.some((t) => /^(pre-hash|message hash):/.test(t.label))) basisSet.add('estimated');
  const cats = cand.pq.map((s) => schemeInfo(s).category);
  let category: number | undefined;
  let categoryNote: string | undefined;
  if (cats.length > 0 && cats.every((c) => c !== undefined)) {
    category = Math.min(...(cats as number[]));
    if (cand.preHash && HASH_COLLISION_CATEGORY[cand.preHash] < category) {
      categoryNote = `capped at ${HASH_COLLISION_CATEGORY[cand.preHash]} by the ${cand.preHash} pre-hash (collision strength)`;
      category = HASH_COLLISION_CATEGORY[cand.preHash];
      sources.push(IR8547);
    }
  }
  const uniqueSources = [...new Map(sources.map((s) => [`${s.title}|${s.url ?? ''}`, s])).values()];
  return {
    id: cand.id,
    title: cand.title,
    quantumSafe: cand.quantumSafe,
    hybrid: cand.hybrid,
    maturity: cand.maturity,
    ...(category !== undefined ? { category } : {}),
    ...(categoryNote ? { categoryNote } : {}),
    ...(primary.basis === 'measured' ? {} : { impl }),
    implNames: [...implNames],
    basis: basisSet.size > 1 ? 'mixed' : primary.basis,
    timeMs: timeDim,
    ramBytes: ramDim,
    codeBytes: codeDim,
    wireBytes: wireDim,
    timeParts,
    ramParts,
    ...(signTail ? { signTail } : {}),
    ...(wire ? { wire } : {}),
    verdict,
    why,
    ...(cand.note ? { note: cand.note } : {}),
    assumptions: [...assumptions],
    sources: uniqueSources,
  };
}

const RANK: Record<Verdict, number> = { fits: 0, tight: 1, 'no-budget': 2, unknown: 3, 'does-not-fit': 4 };

/** Best implementation class for a candidate: best verdict, then lowest point time. */
function bestOf(fits: CandidateFit[]): CandidateFit | undefined {
  return [...fits].sort(
    (a, b) =>
      RANK[a.verdict] - RANK[b.verdict] || (a.timeMs.value?.point ?? Infinity) - (b.timeMs.value?.point ?? Infinity),
  )[0];
}

const pct = (m: number | undefined) => (m === undefined ? '' : `${Math.round(m * 100)} %`);
const MATURITY_RANK: Record<Maturity, number> = { fips: 0, 'sp800-208': 1, draft: 2, classical: 3 };

function dimText(label: string, d: Dimension, fmt: (v: number) => string, unit: string): string | undefined {
  if (!d.value) return undefined;
  const v = d.value;
  const range = v.high - v.low > 1e-9 * Math.max(1, v.high) ? ` (${fmt(v.low)}–${fmt(v.high)})` : '';
  if (d.budget === undefined) return `${label} ${fmt(v.point)}${range} ${unit}`;
  return `${label} ${fmt(v.point)}${range} ${unit} of ${fmt(d.budget)} ${unit} (${d.budgetName ?? 'budget'}), margin ${pct(d.margin)}, worst-case headroom ${pct(d.headroom)}`;
}

export interface FitOptions {
  readonly calibration?: Calibration;
  /** The budgets are a catalog device's illustrative defaults: recommendations say so. */
  readonly illustrativeBudgets?: boolean;
}

function recommend(fits: readonly CandidateFit[], profile: DeviceProfile, illustrativeBudgets = false): Recommendation {
  const r = recommendText(fits, profile);
  return illustrativeBudgets
    ? { ...r, reason: `${r.reason} (Budgets are illustrative defaults for this catalog device.)` }
    : r;
}

function recommendText(fits: readonly CandidateFit[], profile: DeviceProfile): Recommendation {
  const policy = profile.policy ?? {};
  const eligible = fits.filter(
    (f) =>
      f.quantumSafe &&
      (policy.minCategory === undefined || (f.category ?? 0) >= policy.minCategory) &&
      (policy.hybrid !== 'require' || f.hybrid),
  );
  const policyText = [
    policy.hybrid === 'require' ? 'hybrids only (policy.hybrid = require)' : '',
    policy.minCategory ? `NIST category ≥ ${policy.minCategory}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  for (const level of ['fits', 'tight'] as const) {
    const ok = eligible.filter((f) => f.verdict === level);
    if (ok.length === 0) continue;
    const preferHybrid = policy.hybrid === 'prefer';
    const best = [...ok].sort(
      (a, b) =>
        (preferHybrid ? Number(b.hybrid) - Number(a.hybrid) : 0) ||
        (b.category ?? 0) - (a.category ?? 0) ||
        MATURITY_RANK[a.maturity] - MATURITY_RANK[b.maturity] ||
        (b.timeMs.headroom ?? b.timeMs.margin ?? 0) - (a.timeMs.headroom ?? a.timeMs.margin ?? 0),
    )[0]!;
    const strength = best.category
      ? `NIST category ${best.category}${best.categoryNote ? `, ${best.categoryNote}` : ''}`
      : best.maturity === 'sp800-208'
        ? 'SP 800-208 stateful, no NIST category'
        : 'no NIST category';
    const numbers = [
      dimText('time', best.timeMs, fmtMs, 'ms'),
      dimText('RAM', best.ramBytes, (v) => (v / 1024).toFixed(1), 'KiB'),
      best.wireBytes.budget !== undefined
        ? dimText('wire', best.wireBytes, (v) => Math.round(v).toLocaleString('en-US'), 'B')
        : undefined,
    ]
      .filter(Boolean)
      .join('; ');
    const ranking = `${preferHybrid ? 'hybrids first, then ' : ''}ranked by category, maturity, then worst-case headroom`;
    const tail =
      level === 'tight'
        ? ` It may fit: every point estimate is within budget but the worst case is over (${best.why.join('; ')}); measure on target.`
        : '';
    return {
      candidate: best.id,
      verdict: level,
      reason: `${best.title} (${best.impl ?? 'measured'}) is the strongest option that ${level === 'fits' ? 'fits' : 'may fit'} (${strength}; ${ranking}${policyText ? `; ${policyText}` : ''}): ${numbers}.${tail}`,
    };
  }
  const unknown = eligible.filter((f) => f.verdict === 'unknown');
  if (unknown.length > 0)
    return {
      reason: `No quantum-safe candidate is known to fit; ${unknown
        .map((u) => u.title)
        .slice(0, 3)
        .join(
          ', ',
        )}${unknown.length > 3 ? ' and others' : ''} lack published data for a budgeted dimension: measure them on target.`,
    };
  if (eligible.length === 0)
    return { reason: `No quantum-safe candidate meets the policy${policyText ? ` (${policyText})` : ''}.` };
  // The nearest miss: fewest failing budgets, then the smallest overrun of its worst one.
  const overrun = (f: CandidateFit) =>
    Math.max(...[f.timeMs, f.ramBytes, f.codeBytes, f.wireBytes].map((d) => -(d.margin ?? 0)));
  const fails = (f: CandidateFit) => f.why.length;
  const nearest = [...eligible].sort((a, b) => fails(a) - fails(b) || overrun(a) - overrun(b))[0]!;
  return {
    reason: `No quantum-safe candidate fits on this device${policyText ? ` (${policyText})` : ''}. Nearest: ${nearest.title} (${nearest.impl ?? 'measured'}): ${nearest.why.join('; ')}. Consider a larger budget, offloading, or a larger part.`,
  };
}

export function fitUseCase(profile: DeviceProfile, spec: UseCaseSpec, options: FitOptions = {}): UseCaseFit {
  const { calibration } = options;
  const budgets = effectiveBudgets(profile, spec);
  const candidates: CandidateFit[] = [];
  for (const cand of spec.candidates(profile)) {
    const options = (['speed', 'portable', 'stack'] as const)
      .map((impl) => evaluate(profile, spec, cand, impl, budgets, calibration))
      .filter((f): f is CandidateFit => f !== undefined);
    const best = bestOf(options);
    candidates.push(
      best ?? {
        id: cand.id,
        title: cand.title,
        quantumSafe: cand.quantumSafe,
        hybrid: cand.hybrid,
        maturity: cand.maturity,
        implNames: [],
        basis: 'estimated',
        timeMs: judge(undefined, budgets.time, 'ms', budgets.timeName),
        ramBytes: judge(undefined, budgets.ram, 'bytes', budgets.ramName),
        codeBytes: judge(undefined, budgets.code, 'bytes', budgets.codeName),
        wireBytes: judge(undefined, budgets.wire, 'bytes', 'budgets.wireBytesPerHandshake'),
        timeParts: [],
        ramParts: [],
        verdict: 'unknown',
        why: [`no reference data for ${cand.title} on ${profile.core}`],
        assumptions: [`no reference data for ${cand.title} on ${profile.core}`],
        sources: cand.sources,
      },
    );
  }
  return {
    id: spec.id,
    title: spec.title,
    candidates,
    recommendation: recommend(candidates, profile, options.illustrativeBudgets),
  };
}

/** Every use case for a device: the fit matrix the CLI renders and the planner consumes. */
export function fitAll(profile: DeviceProfile, options: FitOptions = {}): UseCaseFit[] {
  return USE_CASES.map((u) => fitUseCase(profile, u, options));
}
