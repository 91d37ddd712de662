import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, compareCanonical, Interner } from './canonical.js';

/** The order the tie-breaker must keep: the canonical texts compared as strings. */
const byText = (a: unknown, b: unknown): number => {
  const x = canonical(a);
  const y = canonical(b);
  return x === y ? 0 : x < y ? -1 : 1;
};

describe('compareCanonical', () => {
  it('orders any two values as their canonical texts compare, without building them', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expect(compareCanonical(a, b)).toBe(byText(a, b));
        expect(compareCanonical(b, a)).toBe(byText(b, a));
        expect(compareCanonical(a, a)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('compares values that share a long prefix, end early, skip undefined members or hold holes', () => {
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    const base = { evidence: { path: 'a/b.c', line: 3 }, notes: ['x'.repeat(5000)] };
    const cases: [unknown, unknown][] = [
      [base, { ...base, notes: [`${'x'.repeat(5000)}y`] }],
      [{ a: [1, 2] }, { a: [1, 2, 3] }],
      [{ a: 1, b: undefined }, { a: 1 }],
      [{ a: '\u00e9' }, { a: '\ud83d\ude00' }],
      // A hole is written as nothing, as canonical() writes it.
      [sparse, [1, undefined, 3]],
      [[], {}],
      [null, 'null'],
    ];
    for (const [a, b] of cases) {
      expect(compareCanonical(a, b)).toBe(byText(a, b));
      expect(compareCanonical(b, a)).toBe(byText(b, a));
    }
  });
});

describe('Interner', () => {
  it('hands out one instance per value written the same way', () => {
    const shared = new Interner();
    const first = shared.of({ quantum: 'broken', classicallyWeak: [], reason: `RSA ${'is broken'}` });
    const again = shared.of({ quantum: 'broken', classicallyWeak: [], reason: 'RSA is broken' });
    expect(again).toBe(first);
    expect(shared.of(['aes-128', 'sha-256'])).toBe(shared.of(['aes-128', 'sha-256']));
  });

  it('keeps values apart that differ, or that would be written with their keys in another order', () => {
    const shared = new Interner();
    const ab = shared.of({ a: 1, b: 2 });
    const ba = shared.of({ b: 2, a: 1 });
    expect(ba).not.toBe(ab);
    expect(JSON.stringify(ba)).toBe('{"b":2,"a":1}');
    expect(shared.of({ a: 1, b: 3 })).not.toBe(ab);
  });
});
