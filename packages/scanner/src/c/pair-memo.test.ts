import { describe, expect, it } from 'vitest';
import { memoByPair } from './pair-memo.js';

describe('memoByPair', () => {
  it('makes the value of each pair once and keeps pairs apart', () => {
    const store = new WeakMap<object, Map<string, string[]>>();
    const a = {};
    const b = {};
    let made = 0;
    const get = (k: object, s: string) =>
      memoByPair(
        store,
        k,
        s,
        () => new Map(),
        () => {
          made++;
          return [s];
        },
      );
    const first = get(a, 'x');
    expect(get(a, 'x')).toBe(first);
    expect(get(a, 'y')).not.toBe(first);
    expect(get(b, 'x')).not.toBe(first);
    expect(get(b, 'x')).toEqual(['x']);
    expect(made).toBe(3);
  });

  it('keeps a made value that is falsy but defined', () => {
    const store = new Map<string, Map<string, number>>();
    let made = 0;
    for (let i = 0; i < 3; i++)
      expect(
        memoByPair(
          store,
          'k',
          'z',
          () => new Map(),
          () => {
            made++;
            return 0;
          },
        ),
      ).toBe(0);
    expect(made).toBe(1);
  });
});
