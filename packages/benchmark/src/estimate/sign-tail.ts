/**
 * ML-DSA signing time as a distribution. Signing repeats its loop until rejection sampling accepts (FIPS 204
 * Algorithm 7); each attempt succeeds with probability 1/E, E the expected repetitions of FIPS 204 §4 Table 1, so
 * the number of attempts is geometric. Calibrated to a published row: min = one attempt, mean = E attempts, giving
 * time = fixed + perAttempt × attempts, from which any percentile and the chance of overrunning a budget follow.
 */
import type { Source } from '@pqready/core';
import { REFERENCE_ROWS } from '../catalog/reference.js';
import type { CycleRow, Range, SchemeId } from '../catalog/types.js';

/** FIPS 204 §4 Table 1: expected number of repetitions of the signing loop. */
const ML_DSA_EXPECTED_ITERATIONS: Readonly<Partial<Record<SchemeId, number>>> = Object.freeze({
  'ml-dsa-44': 4.25,
  'ml-dsa-65': 5.1,
  'ml-dsa-87': 3.85,
});
const FIPS204_TABLE1: Source = {
  title: 'FIPS 204 §4 Table 1 (expected repetitions of the signing loop: 4.25 / 5.1 / 3.85)',
  url: 'https://doi.org/10.6028/NIST.FIPS.204',
  confidence: 'primary',
};

export interface SignTail {
  readonly expectedIterations: number;
  readonly fixedMs: Range;
  readonly perIterationMs: Range;
  readonly p50: Range;
  readonly p99: Range;
  readonly p999: Range;
}

/** Attempts needed so that a fraction q of signatures are done: the q-quantile of Geometric(1/E). */
export function iterationsAt(expected: number, q: number): number {
  if (q <= 0) return 1;
  return Math.max(1, Math.ceil(Math.log(1 - q) / Math.log(1 - 1 / expected)));
}

export function percentileMs(t: Pick<SignTail, 'expectedIterations' | 'fixedMs' | 'perIterationMs'>, q: number): Range {
  const n = iterationsAt(t.expectedIterations, q);
  return {
    point: t.fixedMs.point + t.perIterationMs.point * n,
    low: t.fixedMs.low + t.perIterationMs.low * n,
    high: t.fixedMs.high + t.perIterationMs.high * n,
  };
}

/** Probability that one signature (plus `otherMs` of fixed work) overruns `budgetMs`, at the point estimate. */
export function exceedProbability(t: SignTail, budgetMs: number, otherMs = 0): number {
  const room = budgetMs - otherMs - t.fixedMs.point;
  const attempts = Math.floor(room / t.perIterationMs.point);
  if (attempts < 1) return 1;
  return (1 - 1 / t.expectedIterations) ** attempts;
}

/**
 * Builds the tail from a row's cycles and the ms-per-cycle scaling of this device (core factor, derating, clock).
 * A row without a distribution (mean only) borrows the min ÷ mean shape of pqm4's clean row for the scheme.
 */
export function tailFromRow(
  row: CycleRow,
  msPerCycle: Range,
  widen: number,
): { tail: SignTail; assumptions: string[]; source: Source } | undefined {
  const expected = ML_DSA_EXPECTED_ITERATIONS[row.scheme];
  if (!expected) return undefined;
  const assumptions: string[] = [];
  let min = row.cycles.min;
  if (min >= row.cycles.mean) {
    const clean = REFERENCE_ROWS.find(
      (r) => r.scheme === row.scheme && r.op === 'sign' && r.core === 'cortex-m4' && r.impl === 'portable',
    );
    if (!clean) return undefined;
    min = (row.cycles.mean * clean.cycles.min) / clean.cycles.mean;
    assumptions.push(`no signing-time distribution published for ${row.implName}: pqm4 clean's min ÷ mean shape used`);
  }
  const perIter = (row.cycles.mean - min) / (expected - 1);
  const fixed = Math.max(0, min - perIter);
  const r = (c: number): Range => ({
    point: c * msPerCycle.point,
    low: c * msPerCycle.low * (1 - widen),
    high: c * msPerCycle.high * (1 + widen),
  });
  const base = { expectedIterations: expected, fixedMs: r(fixed), perIterationMs: r(perIter) };
  assumptions.push(
    `signing time = fixed + attempts × per-attempt, attempts geometric with mean ${expected} (FIPS 204 Table 1), calibrated to min/mean of ${row.implName}`,
  );
  return {
    tail: {
      ...base,
      p50: percentileMs(base, 0.5),
      p99: percentileMs(base, 0.99),
      p999: percentileMs(base, 0.999),
    },
    assumptions,
    source: FIPS204_TABLE1,
  };
}
