/**
 * Arithmetic on estimate ranges (point, low, high): one place for the operations every estimate and fit uses.
 * Low and high move together: a sum of ranges is the range of the sums.
 */
import type { Range } from './catalog/types.js';

export const exact = (v: number): Range => ({ point: v, low: v, high: v });
export const ZERO: Range = Object.freeze(exact(0));
export const ONE: Range = Object.freeze(exact(1));

export const add = (...xs: readonly Range[]): Range =>
  xs.reduce<Range>((a, b) => ({ point: a.point + b.point, low: a.low + b.low, high: a.high + b.high }), ZERO);
export const plus = (a: Range, k: number): Range => ({ point: a.point + k, low: a.low + k, high: a.high + k });
export const scale = (a: Range, k: number): Range => ({ point: a.point * k, low: a.low * k, high: a.high * k });
export const mul = (a: Range, b: Range): Range => ({
  point: a.point * b.point,
  low: a.low * b.low,
  high: a.high * b.high,
});
export const maxR = (a: Range, b: Range): Range => ({
  point: Math.max(a.point, b.point),
  low: Math.max(a.low, b.low),
  high: Math.max(a.high, b.high),
});
