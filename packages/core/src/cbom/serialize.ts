import { createHash } from 'node:crypto';
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

/** SHA-256 (hex) of `prefix` followed by `serializeCbom(obj)`, hashed chunk by chunk. */
export function cbomSha256(prefix: string, obj: unknown): string {
  const hash = createHash('sha256').update(prefix);
  for (const chunk of serializeCbomChunks(obj)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * `serializeCbom({ ...bom, serialNumber: serialOf(cbomSha256(prefix, bom)) })` as chunks, in one pass: members are
 * written in key order and `serialNumber` sorts after the large ones (components, dependencies, metadata), so the
 * text before it is hashed as it goes out and only the members after it wait for the hash. The members after it
 * are small (`specVersion`, `version`): they are held as text.
 */
export function* serializeCbomWithSerial(
  bom: Readonly<Record<string, unknown>>,
  prefix: string,
  serialOf: (sha256Hex: string) => string,
): Generator<string> {
  const hash = createHash('sha256').update(prefix);
  const keys = Object.keys(bom)
    .filter((k) => k !== 'serialNumber' && bom[k] !== undefined)
    .sort();
  const before = keys.filter((k) => k < 'serialNumber');
  const after = keys.filter((k) => k > 'serialNumber');
  const opener = (i: number) => (i === 0 ? '{\n  ' : ',\n  ');
  for (const [i, key] of before.entries()) {
    const head = `${opener(i)}${JSON.stringify(key)}: `;
    hash.update(head);
    yield head;
    for (const chunk of jsonChunks(bom[key], 2, true, '  ')) {
      hash.update(chunk);
      yield chunk;
    }
  }
  /** The members after `serialNumber`, the first of them numbered `from`, and the end of the object. */
  const tail = (from: number): string => {
    const members = after.map(
      (key, j) => `${opener(from + j)}${JSON.stringify(key)}: ${[...jsonChunks(bom[key], 2, true, '  ')].join('')}`,
    );
    return from + after.length === 0 ? '{}\n' : `${members.join('')}\n}\n`;
  };
  hash.update(tail(before.length));
  const serial = `${opener(before.length)}"serialNumber": ${JSON.stringify(serialOf(hash.digest('hex')))}`;
  yield `${serial}${tail(before.length + 1)}`;
}
