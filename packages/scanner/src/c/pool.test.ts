import { describe, expect, it } from 'vitest';
import { MIN_FILES_PER_WORKER, workersFor } from './pool.js';

describe('workersFor', () => {
  it('never starts more workers than the files can keep busy, nor fewer than one', () => {
    // The repro: --jobs 256 on 51 C files started 256 workers.
    expect(workersFor(256, 51)).toBe(Math.ceil(51 / MIN_FILES_PER_WORKER));
    expect(workersFor(256, 51)).toBeLessThan(10);
    expect(workersFor(2, 100_000)).toBe(2);
    expect(workersFor(8, 0)).toBe(1);
    expect(workersFor(Number.NaN, 1000)).toBe(1);
    expect(workersFor(3.7, 1000)).toBe(3);
  });
});
