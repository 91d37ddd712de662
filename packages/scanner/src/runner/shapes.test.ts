import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSharedShapes } from './shapes.js';

describe('withSharedShapes', () => {
  it('copies plain objects and arrays deeply, keeping key order, undefined members and holes', () => {
    const evidence = { path: 'a.c', line: 3, snippet: 'x', column: undefined };
    const sparse = [1, 2, 3];
    delete sparse[1];
    const finding = { kind: 'algorithm', evidence, notes: ['n'], sparse, properties: { 'config.role': 'server' } };
    const copy = withSharedShapes(finding);
    expect(copy).not.toBe(finding);
    expect(copy.evidence).not.toBe(evidence);
    expect(copy.notes).not.toBe(finding.notes);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(finding));
    expect(Object.keys(copy.evidence)).toEqual(['path', 'line', 'snippet', 'column']);
    expect('column' in copy.evidence).toBe(true);
    expect(1 in copy.sparse).toBe(false);
    expect(copy.sparse).toHaveLength(3);
  });

  it('keeps a frozen value (shared on purpose by many findings) by reference', () => {
    const certificate = Object.freeze({ subject: 'CN=a', extensions: Object.freeze([{ oid: '2.5.29.14' }]) });
    const copies = withSharedShapes([{ certificate }, { certificate }]);
    expect(copies[0]!.certificate).toBe(certificate);
    expect(copies[1]!.certificate).toBe(certificate);
  });

  it('copies an object two findings of one result share once, and they still share it', () => {
    const protocol = { type: 'tls', groups: [{ name: 'x25519' }] };
    const copies = withSharedShapes([{ protocol }, { protocol }]);
    expect(copies[0]!.protocol).not.toBe(protocol);
    expect(copies[0]!.protocol).toBe(copies[1]!.protocol);
  });

  it('keeps values that are not plain data as they are', () => {
    const bytes = new Uint8Array([1, 2]);
    const when = new Date(0);
    const copy = withSharedShapes({ bytes, when });
    expect(copy.bytes).toBe(bytes);
    expect(copy.when).toBe(when);
  });

  it('keeps an own __proto__ member a member, and the prototype unchanged', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = withSharedShapes(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(Object.getPrototypeOf(withSharedShapes(bare))).toBeNull();
  });

  it('gives the same JSON as its input for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.stringify(withSharedShapes(v))).toBe(JSON.stringify(v));
      }),
      { numRuns: 500 },
    );
  });
});
