/**
 * PEM block finder (RFC 7468 textual encodings, with RFC 1421 headers such as
 * `Proc-Type` / `DEK-Info` of legacy encrypted keys).
 *
 * Works on raw bytes, not decoded text: offsets are byte offsets, invalid UTF-8 around the
 * blocks does not matter, and a huge file is scanned linearly with `indexOf` for the
 * `-----BEGIN ` marker only. Body lines may be wrapped in C/C++ string literals
 * (`"MIIB…\n"`), the common way firmware embeds certificates, or written on one line with `\n`
 * escapes. As OpenSSL's decoder does (crypto/evp/encode.c), whitespace inside the base64 is
 * ignored and a line starting with `-` ends the body.
 */

export interface PemBlock {
  readonly label: string;
  /** RFC 1421 headers (`Proc-Type`, `DEK-Info`, …), names as written. */
  readonly headers: Readonly<Record<string, string>>;
  /** Decoded body; absent when `error` is set. */
  readonly der?: Uint8Array;
  readonly error?: 'pem-truncated' | 'pem-invalid-base64' | 'pem-empty';
  /**
   * True when nothing after the marker looks like encoded data, i.e. the marker is only named
   * (`#define PEM_BEGIN_CRT "-----BEGIN CERTIFICATE-----\n"`, a comment, a manual page). Unless its body
   * still decodes to a known structure, such a block is text about PEM, not an object, broken or not.
   */
  readonly mention?: boolean;
  /** 1-based line of the BEGIN marker. */
  readonly line: number;
  /** Byte offset of the BEGIN marker. */
  readonly offset: number;
}

const BEGIN = Buffer.from('-----BEGIN ');
const DASHES = '-----';
/** RFC 7468 §3: labels are printable ASCII; a cap keeps a hostile file from producing huge labels. */
const MAX_LABEL = 64;
/** Bodies above this are not PEM objects worth decoding (largest SLH-DSA certificates are ~70 KB). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;
/** A line that is plausibly a piece of an encoded object (PEM lines are 64 characters; 16 rules out words). */
const DATA_LINE = /^[A-Za-z0-9+/]{16,}={0,2}$/;
const LINE_BREAK = /\r?\n|\r/;
/** Line ends written as escapes inside a string literal (base64 never holds a backslash). */
const ESCAPED_BREAK = /\\r\\n|\\n/;
/** How far past a marker without an END line to look for encoded data. */
const MENTION_LOOKAHEAD = 1024;
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;

/** True when the bytes contain a PEM BEGIN marker (used by `accepts` on the file head). */
export function hasPemBegin(bytes: Uint8Array, label?: string): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (label === undefined) return buf.indexOf(BEGIN) >= 0;
  return buf.indexOf(`-----BEGIN ${label}-----`, 0, 'latin1') >= 0;
}

/** Strips the wrapping a body line gets inside a C string literal or a config value. */
function cleanBodyLine(raw: string): string {
  let line = raw.trim();
  line = line.replace(/^[("'`]+/, '').replace(/[\s"'`),;\\]+$/, '');
  line = line.replace(/(\\r)?\\n$/, '').replace(/["'`]+$/, '');
  return line.trim();
}

/** Finds every PEM block in `bytes`, in order. Never throws. */
export function findPemBlocks(bytes: Uint8Array): PemBlock[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks: PemBlock[] = [];
  let line = 1;
  let lineCountedTo = 0;
  let from = 0;
  for (;;) {
    const at = buf.indexOf(BEGIN, from);
    if (at < 0) break;
    line += countNewlines(buf, lineCountedTo, at);
    lineCountedTo = at;
    const labelStart = at + BEGIN.length;
    const labelEnd = buf.indexOf(DASHES, labelStart, 'latin1');
    if (labelEnd < 0 || labelEnd - labelStart > MAX_LABEL) {
      from = labelStart;
      continue;
    }
    const label = buf.toString('latin1', labelStart, labelEnd);
    if (!/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(label)) {
      from = labelStart;
      continue;
    }
    const bodyStart = labelEnd + DASHES.length;
    const endMarker = `-----END ${label}-----`;
    const endAt = buf.indexOf(endMarker, bodyStart, 'latin1');
    const nextBegin = buf.indexOf(BEGIN, bodyStart);
    if (endAt < 0 || (nextBegin >= 0 && nextBegin < endAt)) {
      const until = Math.min(nextBegin >= 0 ? nextBegin : buf.length, bodyStart + MENTION_LOOKAHEAD);
      const mention = !hasDataLine(buf.toString('latin1', bodyStart, until));
      blocks.push({ label, headers: {}, error: 'pem-truncated', mention, line, offset: at });
      from = bodyStart;
      continue;
    }
    if (endAt - bodyStart > MAX_BODY_BYTES) {
      blocks.push({ label, headers: {}, error: 'pem-invalid-base64', line, offset: at });
      from = endAt + endMarker.length;
      continue;
    }
    blocks.push({ label, line, offset: at, ...decodeBody(buf.toString('latin1', bodyStart, endAt)) });
    from = endAt + endMarker.length;
  }
  return blocks;
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(10, from); i >= 0 && i < to; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * The lines of a body as written, `raw` and cleaned. A source line may hold several escaped lines (a one-line
 * string with `\n` escapes) or end with one (`"MIIB…\r\n"`): each escaped piece is a line, and a source line
 * with nothing but escapes (`"\r\n"`, the blank line after RFC 1421 headers) is one blank line.
 */
function bodyLines(body: string): { readonly raw: string; readonly line: string }[] {
  const out: { raw: string; line: string }[] = [];
  for (const source of body.split(LINE_BREAK)) {
    const pieces = source
      .split(ESCAPED_BREAK)
      .map((raw) => ({ raw, line: cleanBodyLine(raw) }))
      .filter((p) => p.line !== '');
    out.push(...(pieces.length > 0 ? pieces : [{ raw: source, line: '' }]));
  }
  return out;
}

/** Whether any line of `text` looks like a piece of base64-encoded data (and not like words or code). */
export function hasDataLine(text: string): boolean {
  return bodyLines(text).some(({ line }) => DATA_LINE.test(line.replace(/\s+/g, '')));
}

function decodeBody(body: string): Pick<PemBlock, 'headers' | 'der' | 'error' | 'mention'> {
  const headers: Record<string, string> = {};
  const parts: string[] = [];
  let inHeaders = true;
  let lastHeader: string | undefined;
  for (const { raw, line } of bodyLines(body)) {
    // OpenSSL's decoder stops at `-`: what follows (a stray END line, ASCII art) is not data.
    if (!inHeaders && line.startsWith('-')) break;
    if (line === '') {
      if (parts.length > 0 || Object.keys(headers).length > 0) inHeaders = false;
      continue;
    }
    if (inHeaders) {
      const h = HEADER_LINE.exec(line);
      if (h) {
        lastHeader = h[1]!;
        headers[lastHeader] = h[2]!.trim();
        continue;
      }
      // RFC 1421 header continuation lines start with whitespace.
      if (lastHeader !== undefined && /^[ \t]/.test(raw) && parts.length === 0 && raw.includes(',')) {
        headers[lastHeader] += line;
        continue;
      }
    }
    inHeaders = false;
    parts.push(line.replace(/\s+/g, ''));
  }
  const text = parts.join('');
  const mention = !parts.some((p) => DATA_LINE.test(p));
  if (text === '') return { headers, error: 'pem-empty', mention };
  if (!BASE64_LINE.test(text) || text.length % 4 === 1) return { headers, error: 'pem-invalid-base64', mention };
  return { headers, der: new Uint8Array(Buffer.from(text, 'base64')), mention };
}
