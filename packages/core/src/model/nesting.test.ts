import { describe, expect, it } from 'vitest';
import { deepestFlowNesting } from './nesting.js';

describe('deepestFlowNesting', () => {
  it('counts the deepest run of open brackets and braces', () => {
    expect(deepestFlowNesting('a: 1\nb: [1, {c: [2]}]\n')).toBe(3);
    expect(deepestFlowNesting('[][][]')).toBe(1);
    expect(deepestFlowNesting(']]]][')).toBe(1);
    expect(deepestFlowNesting('')).toBe(0);
    expect(deepestFlowNesting('['.repeat(5000))).toBe(5000);
  });
});
