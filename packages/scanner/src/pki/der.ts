/**
 * A small, iterative DER/BER TLV reader (ITU-T X.690 §8.1).
 *
 * Every byte string is checked here before it reaches the schema library: the walk is
 * iterative with a depth limit, so hostile nesting cannot overflow the stack of the recursive
 * parser, and truncated or inconsistent lengths are named precisely. The readers below also
 * give exact byte ranges (a certificate's TBS, each certificate of a PKCS#7 bundle), which a
 * decode/re-encode round trip would not.
 */

export interface Tlv {
  /** First identifier octet (class, constructed bit, low tag number). */
  readonly tag: number;
  readonly constructed: boolean;
  /** Offset of the identifier octet. */
  readonly offset: number;
  /** Offset of the first content octet. */
  readonly start: number;
  /** Offset just past the contents; for BER indefinite length, just past the end-of-contents octets. */
  readonly end: number;
  readonly indefinite: boolean;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Nesting deeper than any real PKI object (PKCS#12 in CMS reaches ~12); asn1js recursion is the risk above it. */
const MAX_DER_DEPTH = 48;

type DerProblem = 'der-truncated' | 'der-invalid' | 'der-too-deep' | 'der-trailing-data';

export class DerError extends Error {
  constructor(
    readonly code: DerProblem,
    message: string,
  ) {
    super(message);
  }
}

interface Header {
  readonly tag: number;
  readonly start: number;
  /** -1 for indefinite length. */
  readonly length: number;
}

function readHeader(buf: Uint8Array, offset: number, limit: number): Header {
  if (offset >= limit) throw new DerError('der-truncated', `DER element expected at offset ${offset}.`);
  const tag = buf[offset]!;
  let pos = offset + 1;
  if ((tag & 0x1f) === 0x1f) {
    // High tag number form: base-128 continuation octets.
    let n = 0;
    for (;;) {
      if (pos >= limit) throw new DerError('der-truncated', `DER tag truncated at offset ${offset}.`);
      const b = buf[pos++]!;
      if (++n > 4) throw new DerError('der-invalid', `DER tag too long at offset ${offset}.`);
      if ((b & 0x80) === 0) break;
    }
  }
  if (pos >= limit) throw new DerError('der-truncated', `DER length missing at offset ${offset}.`);
  const first = buf[pos++]!;
  if (first < 0x80) return { tag, start: pos, length: first };
  if (first === 0x80) {
    if ((tag & 0x20) === 0) throw new DerError('der-invalid', `Indefinite length on a primitive at offset ${offset}.`);
    return { tag, start: pos, length: -1 };
  }
  const count = first & 0x7f;
  if (count > 4) throw new DerError('der-invalid', `DER length of ${count} octets at offset ${offset}.`);
  if (pos + count > limit) throw new DerError('der-truncated', `DER length truncated at offset ${offset}.`);
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + buf[pos++]!;
  return { tag, start: pos, length };
}

/**
 * Reads the element at `offset`, validating its whole subtree iteratively (depth-limited).
 * Throws DerError; callers turn that into a Diagnostic.
 */
export function readTlv(buf: Uint8Array, offset = 0, limit = buf.length, maxDepth = MAX_DER_DEPTH): Tlv {
  const root = readHeader(buf, offset, limit);
  const rootEnd = walk(buf, root, limit, maxDepth);
  return {
    tag: root.tag,
    constructed: (root.tag & 0x20) !== 0,
    offset,
    start: root.start,
    end: rootEnd,
    indefinite: root.length < 0,
  };
}

/** Walks a subtree without recursion; returns the end offset of the element. */
function walk(buf: Uint8Array, root: Header, limit: number, maxDepth: number): number {
  // Open constructed elements: their end offset (definite) or -1 (indefinite: ends at 00 00).
  const stack: number[] = [];
  let header = root;
  for (;;) {
    let pos: number;
    const constructed = (header.tag & 0x20) !== 0;
    if (header.length >= 0) {
      const end = header.start + header.length;
      if (end > limit) throw new DerError('der-truncated', `DER element at ${header.start} runs past the data.`);
      if (constructed && header.length > 0) {
        if (stack.length >= maxDepth) throw new DerError('der-too-deep', `DER nesting deeper than ${maxDepth}.`);
        stack.push(end);
        header = readHeader(buf, header.start, end);
        continue;
      }
      pos = end;
    } else {
      if (stack.length >= maxDepth) throw new DerError('der-too-deep', `DER nesting deeper than ${maxDepth}.`);
      stack.push(-1);
      pos = header.start;
    }
    // Close every container that ends here, then read the next sibling.
    for (;;) {
      if (stack.length === 0) return pos;
      const top = stack[stack.length - 1]!;
      if (top >= 0) {
        if (pos > top) throw new DerError('der-invalid', `DER child overruns its parent at ${pos}.`);
        if (pos === top) {
          stack.pop();
          continue;
        }
        header = readHeader(buf, pos, top);
        break;
      }
      if (pos + 1 < limit && buf[pos] === 0 && buf[pos + 1] === 0) {
        stack.pop();
        pos += 2;
        continue;
      }
      header = readHeader(buf, pos, limit);
      break;
    }
  }
}

/** Children of a constructed element (headers only; the subtree was validated by readTlv). */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  const stop = parent.indefinite ? parent.end - 2 : parent.end;
  let pos = parent.start;
  while (pos < stop) {
    const child = readTlv(buf, pos, stop);
    out.push(child);
    pos = child.end;
  }
  return out;
}

/** Parses `buf` as exactly one element (trailing bytes are an error). */
export function readSingle(buf: Uint8Array, maxDepth = MAX_DER_DEPTH): Tlv {
  const tlv = readTlv(buf, 0, buf.length, maxDepth);
  if (tlv.end !== buf.length) {
    throw new DerError('der-trailing-data', `${buf.length - tlv.end} bytes follow the DER element.`);
  }
  return tlv;
}

export function contents(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.start, tlv.indefinite ? tlv.end - 2 : tlv.end);
}

export function whole(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.offset, tlv.end);
}

/** Dotted-decimal form of an OBJECT IDENTIFIER's contents (X.690 §8.19). */
function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DerError('der-invalid', 'Empty OBJECT IDENTIFIER.');
  const arcs: bigint[] = [];
  let value = 0n;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    value = (value << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
    } else if (i === bytes.length - 1) {
      throw new DerError('der-invalid', 'OBJECT IDENTIFIER ends inside an arc.');
    }
  }
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

export function readOid(buf: Uint8Array, tlv: Tlv): string {
  if (tlv.tag !== TAG.OID) throw new DerError('der-invalid', `Expected an OBJECT IDENTIFIER at ${tlv.offset}.`);
  return decodeOid(contents(buf, tlv));
}

/** Unsigned big-endian integer contents without leading zero octets. */
export function unsignedMagnitude(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

/** Bit length of a non-negative big-endian integer. */
export function bitLength(bytes: Uint8Array): number {
  const mag = unsignedMagnitude(bytes);
  const top = mag[0] ?? 0;
  if (top === 0) return 0;
  return (mag.length - 1) * 8 + (32 - Math.clz32(top));
}

/** Encodes a DER length + tag header; used to rebuild a SubjectPublicKeyInfo around a key's public part. */
export function encode(tag: number, body: Uint8Array): Uint8Array {
  const len = body.length;
  const lenBytes: number[] = [];
  if (len < 0x80) lenBytes.push(len);
  else {
    const tmp: number[] = [];
    for (let v = len; v > 0; v = Math.floor(v / 256)) tmp.unshift(v & 0xff);
    lenBytes.push(0x80 | tmp.length, ...tmp);
  }
  const out = new Uint8Array(1 + lenBytes.length + len);
  out[0] = tag;
  out.set(lenBytes, 1);
  out.set(body, 1 + lenBytes.length);
  return out;
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
