import { jsonChunks } from './json-chunks.js';

/**
 * Byte-stable JSON for CBOMs and reports: keys sorted at every level, 2-space indent, trailing newline.
 * Arrays keep their order (the writer sorts them by meaning).
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function serializeCbom(obj: unknown): string {
  return `${JSON.stringify(sortKeys(obj), null, 2)}\n`;
}

/** `serializeCbom` as a stream of chunks, for outputs larger than one string may be (see `jsonChunks`). */
export function* serializeCbomChunks(obj: unknown): Generator<string> {
  yield* jsonChunks(obj, 2, true);
  yield '\n';
}
