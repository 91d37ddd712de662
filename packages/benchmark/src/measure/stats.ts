/**
 * Statistics for host timing: median of per-process medians, median absolute deviation, and a distribution-free
 * 95 % interval for the median from order statistics (binomial, as in Conover, Practical Nonparametric Statistics §3.2).
 */

function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank quantile (p in 0..1). */
export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = sorted(xs);
  const rank = Math.max(1, Math.ceil(p * s.length));
  return s[Math.min(rank, s.length) - 1]!;
}

export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

function binomCdf(k: number, n: number): number {
  // P(X ≤ k) for X ~ Binomial(n, 1/2), summed in log space to stay finite for large n.
  let sum = 0;
  let logC = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    sum += Math.exp(logC - n * Math.LN2);
  }
  return sum;
}

/**
 * 95 % interval for the median: [x(k), x(n−k+1)] with the largest k such that P(X < k) ≤ 2.5 %.
 * Below n = 6 no order-statistic interval reaches 95 %, so the full range is returned with exact = false.
 */
export function medianCi95(xs: readonly number[]): { low: number; high: number; exact: boolean } {
  const s = sorted(xs);
  const n = s.length;
  if (n === 0) return { low: Number.NaN, high: Number.NaN, exact: false };
  let k = 0;
  while (k + 1 <= n && binomCdf(k, n) <= 0.025) k++;
  if (k === 0) return { low: s[0]!, high: s[n - 1]!, exact: false };
  return { low: s[k - 1]!, high: s[n - k]!, exact: true };
}

export interface Summary {
  readonly median: number;
  readonly processMedians: readonly number[];
  readonly ci95: { readonly low: number; readonly high: number; readonly exact: boolean };
  /** MAD ÷ median of all batch values, in percent. */
  readonly dispersionPct: number;
  readonly samples: number;
  readonly noisy: boolean;
}

/** A run is noisy when the 95 % interval is wider than this fraction of the median. */
const NOISY_RELATIVE_WIDTH = 0.2;

/** `perProcess[i]` holds the per-batch values (e.g. µs per op) from fresh process i. */
export function summarize(perProcess: readonly (readonly number[])[]): Summary {
  const nonEmpty = perProcess.filter((p) => p.length > 0);
  const processMedians = nonEmpty.map(median);
  const all = nonEmpty.flat();
  const m = median(processMedians);
  const ci95 = medianCi95(all);
  const width = (ci95.high - ci95.low) / m;
  return {
    median: m,
    processMedians,
    ci95,
    dispersionPct: (mad(all) / m) * 100,
    samples: all.length,
    noisy: !(width <= NOISY_RELATIVE_WIDTH),
  };
}
