import { describe, expect, it } from 'vitest';
import { cachedAnalyzer } from './analysis-cache.js';

describe('cachedAnalyzer', () => {
  const when = new Date('2026-01-01T00:00:00Z');
  const bytes = (...b: number[]) => Uint8Array.from(b);

  it('decodes each distinct object once per encoding and scan time, and shares one frozen answer', () => {
    const calls: string[] = [];
    const analyze = cachedAnalyzer((der: Uint8Array, encoding: 'PEM' | 'DER', t: Date) => {
      calls.push(`${der.join('.')} ${encoding} ${t.getTime()}`);
      return { facts: { size: der.length, extensions: [{ oid: '2.5.29.14' }] } };
    });
    const a = analyze(bytes(1, 2, 3), 'PEM', when);
    // A copy of the same bytes (another file) is the same object.
    expect(analyze(bytes(1, 2, 3), 'PEM', when)).toBe(a);
    expect(calls).toHaveLength(1);
    expect(analyze(bytes(1, 2, 3), 'DER', when)).not.toBe(a);
    expect(analyze(bytes(1, 2, 3), 'PEM', new Date(0))).not.toBe(a);
    expect(analyze(bytes(1, 2, 4), 'PEM', when)).not.toBe(a);
    expect(calls).toHaveLength(4);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.facts.extensions[0])).toBe(true);
    expect(() => {
      (a.facts as { size: number }).size = 0;
    }).toThrow(TypeError);
  });

  it('does not remember a throw: an invalid object is reported every time it is met', () => {
    let calls = 0;
    const analyze = cachedAnalyzer((_der: Uint8Array, _e: 'DER', _t: Date) => {
      calls++;
      throw new Error('not a certificate');
    });
    expect(() => analyze(bytes(9), 'DER', when)).toThrow('not a certificate');
    expect(() => analyze(bytes(9), 'DER', when)).toThrow('not a certificate');
    expect(calls).toBe(2);
  });

  it('lets go of the least recently used object beyond its size', () => {
    let calls = 0;
    const analyze = cachedAnalyzer((der: Uint8Array, _e: 'DER', _t: Date) => ({ n: der[0], call: ++calls }), 2);
    analyze(bytes(1), 'DER', when);
    analyze(bytes(2), 'DER', when);
    analyze(bytes(1), 'DER', when); // 1 is now the most recent
    analyze(bytes(3), 'DER', when); // 2 goes
    expect(calls).toBe(3);
    expect(analyze(bytes(1), 'DER', when).call).toBe(1);
    expect(analyze(bytes(2), 'DER', when).call).toBe(4);
  });
});
