/**
 * `JSON.stringify(value, null, indent)` as a stream of chunks: the same bytes, never one string. V8 caps a string at
 * about 512 MiB (2^29 - 24 UTF-16 units), which the JSON of a large tree's inventory reaches; written chunk by
 * chunk, the output is bounded by the disk, not by the string limit. Values are plain data (no `toJSON`, no
 * cycles): what the inventory and the CBOM writer produce.
 */

/** Chunks are gathered up to about this many characters before they are handed on. */
const CHUNK_CHARS = 64 * 1024;

/**
 * An array whose items are made when the writer reaches them and dropped once written: a large CBOM's components
 * never exist all at once. Only `jsonChunks` knows it (to `JSON.stringify` it is an empty object).
 */
export class LazyArray {
  constructor(readonly items: () => Iterable<unknown>) {}
}

/** Whether `JSON.stringify` leaves this property out of an object (and writes `null` for it in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * `sorted`: object keys in code-unit order at every level, as `JSON.stringify(sortKeys(value), null, indent)` writes
 * them, without building the sorted copy. `startDepth`: the indentation of the line the value starts on, for a value
 * written as a member of an enclosing object.
 */
export function* jsonChunks(value: unknown, indent = 0, sorted = false, startDepth = ''): Generator<string> {
  if (omitted(value)) return;
  const pad = ' '.repeat(indent);
  let buffer = '';
  function* write(v: unknown, depth: string): Generator<string> {
    if (v === null || typeof v !== 'object') {
      buffer += JSON.stringify(v) ?? 'null';
      return;
    }
    const inner = indent ? `${depth}${pad}` : '';
    const open = indent ? `\n${inner}` : '';
    const close = indent ? `\n${depth}` : '';
    const sep = indent ? `,\n${inner}` : ',';
    if (Array.isArray(v) || v instanceof LazyArray) {
      let count = 0;
      for (const item of Array.isArray(v) ? (v as unknown[]) : v.items()) {
        buffer += count++ === 0 ? `[${open}` : sep;
        if (omitted(item)) buffer += 'null';
        else if (item === null || typeof item !== 'object') buffer += JSON.stringify(item);
        else yield* write(item, inner);
      }
      buffer += count === 0 ? '[]' : `${close}]`;
    } else {
      const record = v as Record<string, unknown>;
      let first = true;
      const keys = Object.keys(record);
      if (sorted) keys.sort();
      for (const key of keys) {
        const item = record[key];
        if (omitted(item)) continue;
        buffer += `${first ? `{${open}` : sep}${JSON.stringify(key)}:${indent ? ' ' : ''}`;
        first = false;
        if (item === null || typeof item !== 'object') buffer += JSON.stringify(item);
        else yield* write(item, inner);
      }
      buffer += first ? '{}' : `${close}}`;
    }
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield* write(value, startDepth);
  if (buffer) yield buffer;
}
