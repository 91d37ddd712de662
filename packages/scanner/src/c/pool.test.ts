import { describe, expect, it } from 'vitest';
import { compactFacts, MIN_FILES_PER_WORKER, workersFor } from './pool.js';

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

describe('compactFacts', () => {
  it('replaces every empty list with one shared frozen list and keeps everything else', () => {
    const facts = {
      path: 'a.c',
      branches: [],
      calls: [{ name: 'f', args: [], branches: [], fn: 'g' }],
      functions: [{ name: 'g', params: ['x'], returns: [{ value: 'f()', index: 3 }] }],
      callees: [7],
    };
    const before = JSON.stringify(facts);
    const out = compactFacts(facts);
    expect(JSON.stringify(out)).toBe(before);
    expect(out.branches).toBe(out.calls[0]!.args);
    expect(out.calls[0]!.branches).toBe(out.branches);
    expect(Object.isFrozen(out.branches)).toBe(true);
    expect(Object.isFrozen(out.functions[0]!.params)).toBe(false);
    expect(out.functions[0]!.params).toEqual(['x']);
  });
});
