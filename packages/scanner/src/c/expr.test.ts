import { describe, expect, it } from 'vitest';
import { evaluate, evaluateCondition, type MacroLookup, type MacroValue } from './expr.js';

function env(defs: Record<string, string | null>, unknownRest = true): MacroLookup {
  return (name) => {
    if (name in defs) {
      const v = defs[name];
      return v === null ? { state: 'undefined' } : ({ state: 'defined', body: v } as MacroValue);
    }
    return unknownRest ? { state: 'unknown' } : { state: 'undefined' };
  };
}

describe('#if evaluator', () => {
  const known = env({ A: '1', B: '0', TWO: '2', EMPTY: '', VER: '0x03060000', SUM: 'TWO + TWO', NOPE: null }, false);

  it.each([
    ['1', true],
    ['0', false],
    ['defined(A)', true],
    ['defined A', true],
    ['!defined(NOPE)', true],
    ['defined(A) && B', false],
    ['A || NOPE', true],
    ['TWO * 3 == 6', true],
    ['SUM == 4', true],
    ['VER >= 0x03000000', true],
    ['(TWO << 4) | 1', true],
    ['-1 < 0', true],
    ['~0 == -1', true],
    ['10 / 3 == 3 && 10 % 3 == 1', true],
    ['A ? TWO : 0', true],
    ['B ? 1 : 0', false],
    ["'A' == 65", true],
    ['100UL > 99', true],
    ['UNDEFINED_NAME', false],
  ])('%s → %s', (expr, want) => {
    expect(evaluateCondition(expr, known)).toBe(want);
  });

  it('keeps unknown macros unknown unless the operators decide', () => {
    const e = env({ ZERO: '0', ONE: '1' });
    expect(evaluateCondition('defined(MYSTERY)', e)).toBeUndefined();
    expect(evaluateCondition('MYSTERY > 2', e)).toBeUndefined();
    expect(evaluateCondition('ZERO && MYSTERY', e)).toBe(false);
    expect(evaluateCondition('ONE || MYSTERY', e)).toBe(true);
    expect(evaluateCondition('MYSTERY ? 1 : 1', e)).toBe(true);
    expect(evaluateCondition('MYSTERY ? 1 : 0', e)).toBeUndefined();
  });

  it('expands function-like macros', () => {
    const fl: MacroLookup = (n) =>
      n === 'VERSION'
        ? { state: 'defined', body: '((maj) << 8 | (min))', params: ['maj', 'min'] }
        : { state: 'undefined' };
    expect(evaluateCondition('VERSION(3, 6) == 0x306', fl)).toBe(true);
  });

  it('treats errors as unknown, never throws', () => {
    for (const bad of ['', '(', '1 +', '1 / 0', 'defined(', '1 ? 2', ')))', '"str"', 'sizeof(int) == 4']) {
      expect(evaluateCondition(bad, known)).toBeUndefined();
    }
  });

  it('survives self-referencing and deeply nested input', () => {
    const self: MacroLookup = (n) => (n === 'X' ? { state: 'defined', body: 'X + 1' } : { state: 'undefined' });
    expect(evaluateCondition('X', self)).toBeUndefined();
    const deep = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    expect(() => evaluateCondition(deep, known)).not.toThrow();
    const unary = `${'!'.repeat(10_001)}0`;
    expect(evaluateCondition(unary, known)).toBe(true);
  });

  it('evaluates integer arguments with casts', () => {
    expect(evaluate('(size_t) 2048', known, { undefinedIsZero: false })).toBe(2048n);
    expect(evaluate('8 * 256', known, { undefinedIsZero: false })).toBe(2048n);
    expect(evaluate('UNSET_VAR', env({}), { undefinedIsZero: false })).toBeUndefined();
  });
});
