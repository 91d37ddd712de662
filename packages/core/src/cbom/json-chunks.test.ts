import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jsonChunks, LazyArray } from './json-chunks.js';
import { serializeCbom, serializeCbomChunks, serializeCbomWithSerial } from './serialize.js';

/** A deterministic pseudo-random value tree: every JSON shape, empty containers, omitted values, escapes. */
function sample(seed: number, depth = 0): unknown {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s;
  };
  const leaf = [null, true, false, 0, -1.5, 1e21, Number.NaN, '', 'a"b\\c\n\u0001é😀', undefined][next() % 10];
  if (depth > 4 || next() % 3 === 0) return leaf;
  if (next() % 2 === 0) return Array.from({ length: next() % 5 }, (_, i) => sample(seed * 31 + i, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < next() % 5; i++) out[`k${i}"\n`] = sample(seed * 17 + i, depth + 1);
  return out;
}

describe('jsonChunks', () => {
  it('writes the bytes JSON.stringify writes, compact and indented', () => {
    for (let seed = 1; seed < 400; seed++) {
      const value = sample(seed);
      for (const indent of [0, 2]) {
        expect([...jsonChunks(value, indent)].join('')).toBe(JSON.stringify(value, null, indent) ?? '');
      }
    }
  });

  it('sorts keys on the way as serializeCbom does', () => {
    for (let seed = 1; seed < 200; seed++) {
      const value = { z: 1, a: sample(seed), m: [sample(seed + 1), { y: 2, b: undefined, c: null }] };
      expect([...serializeCbomChunks(value)].join('')).toBe(serializeCbom(value));
    }
  });

  it('hands on a large value in bounded chunks', () => {
    const value = { items: Array.from({ length: 50_000 }, (_, i) => ({ id: i, name: `component-${i}` })) };
    const chunks = [...jsonChunks(value, 2)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(128 * 1024);
    expect(chunks.join('')).toBe(JSON.stringify(value, null, 2));
  });
});

describe('LazyArray', () => {
  it('is written as the array of its items, each made once', () => {
    for (let seed = 1; seed < 200; seed++) {
      const items = Array.from({ length: seed % 4 }, (_, i) => sample(seed * 7 + i));
      let made = 0;
      const lazy = new LazyArray(function* () {
        for (const item of items) {
          made++;
          yield item;
        }
      });
      for (const indent of [0, 2]) {
        made = 0;
        const chunks = jsonChunks({ before: sample(seed), items: lazy, after: 1 }, indent, true);
        const plain = { before: sample(seed), items, after: 1 };
        expect([...chunks].join('')).toBe([...jsonChunks(plain, indent, true)].join(''));
        expect(made).toBe(items.length);
      }
    }
  });
});

describe('serializeCbomWithSerial', () => {
  it('writes serializeCbom of the object with the hash of the rest as serialNumber, in one pass', () => {
    const serialOf = (hex: string) => `urn:test:${hex.slice(0, 12)}`;
    for (let seed = 1; seed < 200; seed++) {
      // Keys on both sides of `serialNumber` (and none on one side), as a CBOM has them.
      const bom: Record<string, unknown> = {};
      for (const key of ['$schema', 'components', 'metadata', 'specVersion', 'version', 'zz'].filter(
        (_, i) => (seed >> i) & 1,
      ))
        bom[key] = sample(seed + key.length);
      const hash = createHash('sha256').update(`seed${seed}\u0000`).update(serializeCbom(bom)).digest('hex');
      const expected = serializeCbom({ ...bom, serialNumber: serialOf(hash) });
      expect([...serializeCbomWithSerial(bom, `seed${seed}\u0000`, serialOf)].join('')).toBe(expected);
    }
  });
});
