/**
 * Copies of findings whose objects share their hidden classes. On Node 20 (V8 11.3) an object literal that starts
 * with a spread (`{ ...finding, state }`, the way detectors build findings from one another) gets a hidden class of
 * its own each time it runs: a map and a descriptor array, about 200 bytes, for every such object. Findings live
 * until the inventory is written: the inventory of the 100,000-file benchmark tree (132,000 findings) held 190 MB
 * before the copy and 162 MB after (benchmarks/scale/README.md, fifth round). An object built by
 * adding its keys one by one to `{}` takes the shared transition of the previous object with the same keys in the
 * same order: the copy holds the same members, in the same order, with the same values.
 */

/** A plain data object or array (what findings are made of); anything else (a Buffer, a Map) is kept as it is. */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy of plain objects and arrays, key order, `undefined` members and array holes kept. An object the value
 * reaches twice (one file's findings sharing their configuration's facts) is copied once and stays shared.
 */
export function withSharedShapes<T>(value: T, copies: Map<object, unknown> = new Map()): T {
  // A frozen value is shared on purpose (one certificate's analysis for all its copies): kept, not copied.
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const known = copies.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    copies.set(value, out);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = withSharedShapes(value[i], copies);
    return out as T;
  }
  if (!isPlain(value)) return value;
  const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  copies.set(value, out);
  for (const key of Object.keys(value)) {
    const member = withSharedShapes((value as Record<string, unknown>)[key], copies);
    // An own `__proto__` member (a key read from a file) stays a member: assigning it would set the prototype.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: member, enumerable: true, writable: true, configurable: true });
    else out[key] = member;
  }
  return out as T;
}
