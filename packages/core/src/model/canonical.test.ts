import { describe, expect, it } from 'vitest';
import { Interner } from './canonical.js';

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
