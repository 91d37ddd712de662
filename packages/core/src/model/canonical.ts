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
