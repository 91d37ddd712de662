/**
 * Canonical text and hashing for identities and ordering: the same value always gives the same text,
 * whatever the order its keys were written in.
 */
import { createHash } from 'node:crypto';

/** Stable canonical text of a plain value: keys sorted at every level, `undefined` members left out. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The pieces of `canonical(value)` in order: written one after another, they are that text. */
function* canonicalPieces(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // A hole is written as nothing, as `map` and `join` do in canonical().
      if (i in value) yield* canonicalPieces(value[i]);
    }
    yield ']';
    return;
  }
  if (value && typeof value === 'object') {
    yield '{';
    let first = true;
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      if (!first) yield ',';
      first = false;
      yield JSON.stringify(k);
      yield ':';
      yield* canonicalPieces(v);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/**
 * The order of `canonical(a)` and `canonical(b)` as strings (-1, 0, 1), read piece by piece and stopped at the
 * first character that differs: sorting many findings that tie on their position compares two whole texts per
 * comparison otherwise, and two findings usually differ in their first members.
 */
export function compareCanonical(a: unknown, b: unknown): number {
  const ga = canonicalPieces(a);
  const gb = canonicalPieces(b);
  let sa = '';
  let sb = '';
  let ia = 0;
  let ib = 0;
  for (;;) {
    if (ia === sa.length) {
      const next = ga.next();
      if (next.done) {
        // a's text has ended: the texts are equal if b's has too, else a's is a prefix of b's.
        for (;;) {
          if (ib < sb.length) return -1;
          const rest = gb.next();
          if (rest.done) return 0;
          sb = rest.value;
          ib = 0;
        }
      }
      sa = next.value;
      ia = 0;
      continue;
    }
    if (ib === sb.length) {
      const next = gb.next();
      if (next.done) return 1;
      sb = next.value;
      ib = 0;
      continue;
    }
    const ca = sa.charCodeAt(ia);
    const cb = sb.charCodeAt(ib);
    if (ca !== cb) return ca < cb ? -1 : 1;
    ia++;
    ib++;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * One shared instance per value written the same way (the same JSON text, keys in the same order): equal values
 * that are built once per finding (a verdict, a list of algorithm keys) are held once, and a report written from
 * the shared instances is the same text. Only for values nobody changes afterwards.
 */
export class Interner {
  private readonly seen = new Map<string, unknown>();

  of<T>(value: T): T {
    const key = JSON.stringify(value);
    const known = this.seen.get(key);
    if (known !== undefined) return known as T;
    this.seen.set(key, value);
    return value;
  }
}
