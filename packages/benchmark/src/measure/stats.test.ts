import { describe, expect, it } from 'vitest';
import { mad, median, medianCi95, quantile, summarize } from './stats.js';

describe('stats', () => {
  it('computes median, MAD and nearest-rank quantiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
  });

  it('uses order statistics for the 95 % interval of the median', () => {
    // n = 10: P(X ≤ 1) = 11/1024 ≤ 2.5 % < P(X ≤ 2) = 56/1024, so the interval is [x(2), x(9)].
    expect(medianCi95([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual({ low: 2, high: 9, exact: true });
    expect(medianCi95([3, 1, 2])).toEqual({ low: 1, high: 3, exact: false });
  });

  it('takes the median of per-process medians and flags wide intervals as noisy', () => {
    const steady = summarize([
      [100, 101, 99],
      [102, 100, 101],
    ]);
    expect(steady.median).toBe(100.5);
    expect(steady.noisy).toBe(false);
    const noisy = summarize([
      [100, 180, 90],
      [60, 100, 150],
    ]);
    expect(noisy.noisy).toBe(true);
  });
});
