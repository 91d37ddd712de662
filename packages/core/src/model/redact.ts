/**
 * Redaction of literal key material in evidence snippets. A snippet is a line of someone's source or
 * configuration; when that line hard-codes a key, the key must not travel into an inventory that is
 * attached to a submission or uploaded to code scanning. Literals become `<redacted N bytes sha256:…>`:
 * the length and a fingerprint say which key it was without saying what it is.
 *
 * Two tiers:
 * - every snippet: literals that can only be encoded binary data (strings of four or more numeric escapes,
 *   hex runs of 16+ bytes, base64 runs of 40+ characters) are redacted;
 * - a key line (a call whose API table row marks an argument as key material, `args.secret`): every string,
 *   character and number-list literal on it is redacted, whatever its length, because an HMAC key may be
 *   a short plain word.
 *
 * The fingerprint is omitted below 16 bytes: a short key is found again by hashing guesses.
 */
import { createHash } from 'node:crypto';

/** Below this length a fingerprint would let a reader confirm a guessed key (dictionary attack). */
const MIN_FINGERPRINT_BYTES = 16;
const MARKER = /^<redacted \d+ bytes?(?: sha256:[0-9a-f]{16})?>$/;

// One alternation per tier, so that matches never overlap and a marker is never redacted again.
const MARKER_SRC = String.raw`<redacted \d+ bytes?(?: sha256:[0-9a-f]{16})?>`;
const STRING_SRC = String.raw`(?:u8|[LuU])?"(?:[^"\\\n]|\\[\s\S])*(?:"|$)`;
const CHAR_SRC = String.raw`(?:[LuU])?'(?:[^'\\\n]|\\[\s\S]){1,8}'`;
const NUMBER = String.raw`(?:0[xX][0-9a-fA-F]+|\d+)[uUlL]*`;
const NUMBER_RUN_SRC = String.raw`${NUMBER}(?:\s*,\s*${NUMBER}){3,}(?:\s*,)?`;
const BRACES_SRC = String.raw`\{[^{}"']*(?:\}|$)`;
const HEX_SRC = (min: number) => `(?<![0-9A-Za-z_])(?:0[xX])?[0-9a-fA-F]{${min},}(?![0-9A-Za-z_])`;
const BASE64_SRC = (min: number) => `(?<![0-9A-Za-z+/_])[A-Za-z0-9+/]{${min},}={0,2}(?![0-9A-Za-z+/_(])`;

const GENERIC = new RegExp(`${MARKER_SRC}|${STRING_SRC}|${HEX_SRC(32)}|${BASE64_SRC(40)}`, 'g');
const KEY_LINE = new RegExp(
  `${MARKER_SRC}|${STRING_SRC}|${CHAR_SRC}|${BRACES_SRC}|${NUMBER_RUN_SRC}|${HEX_SRC(8)}`,
  'g',
);

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  n: 10,
  t: 9,
  r: 13,
  '0': 0,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

/** The bytes a C string or character literal's body stands for (escapes decoded, other text as UTF-8). */
function literalBytes(body: string): Uint8Array {
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      const cp = body.codePointAt(i)!;
      if (cp > 0xffff) i++;
      out.push(...enc.encode(String.fromCodePoint(cp)));
      continue;
    }
    const next = body[i + 1]!;
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(body.slice(i + 1, i + 4));
    const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1, i + 4));
    if (hex) {
      out.push(Number.parseInt(hex[1]!, 16));
      i += hex[0].length;
    } else if (oct) {
      out.push(Number.parseInt(oct[0], 8) & 0xff);
      i += oct[0].length;
    } else {
      out.push(SIMPLE_ESCAPES[next] ?? next.charCodeAt(0) & 0xff);
      i += 1;
    }
  }
  return Uint8Array.from(out);
}

/** The key a literal holds: a hex or base64 string stands for the bytes it encodes. */
function keyBytes(body: string): Uint8Array {
  if (body.length >= 16 && body.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(body)) return hexBytes(body);
  if (body.length >= 40 && /^[A-Za-z0-9+/]+={0,2}$/.test(body)) return Buffer.from(body, 'base64');
  return literalBytes(body);
}

const numericEscapes = (body: string): number => (body.match(/\\(?:x[0-9a-fA-F]|[0-7])/g) ?? []).length;

function numbersIn(text: string): number[] {
  return (text.match(/0[xX][0-9a-fA-F]+|\d+/g) ?? []).map((n) => Number(n) & 0xff);
}

function hexBytes(run: string): Uint8Array {
  const h = run.replace(/^0[xX]/, '');
  const even = h.length % 2 === 0 ? h : `0${h}`;
  return Uint8Array.from(even.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

function marker(bytes: Uint8Array): string {
  const n = bytes.length;
  const unit = n === 1 ? 'byte' : 'bytes';
  if (n < MIN_FINGERPRINT_BYTES) return `<redacted ${n} ${unit}>`;
  const fp = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `<redacted ${n} ${unit} sha256:${fp}>`;
}

/** The body of a string literal match (between the quotes; an unterminated one runs to the end). */
function stringBody(m: string): string {
  const open = m.indexOf('"');
  const closed = m.length > open + 1 && m.endsWith('"') && !m.endsWith('\\"');
  return m.slice(open + 1, closed ? -1 : undefined);
}

const hasDigitAndLetter = (s: string): boolean => /\d/.test(s) && /[A-Za-z]/.test(s);

function genericReplace(m: string): string {
  if (MARKER.test(m)) return m;
  if (m.includes('"')) {
    const body = stringBody(m);
    const binary =
      numericEscapes(body) >= 4 || /[0-9a-fA-F]{32,}/.test(body) || /[A-Za-z0-9+/]{40,}/.test(body.replace(/\s/g, ''));
    return binary ? m.slice(0, m.indexOf('"')) + marker(keyBytes(body)) : m;
  }
  if (/^(?:0[xX])?[0-9a-fA-F]+$/.test(m) && m.replace(/^0[xX]/, '').length >= 32) return marker(hexBytes(m));
  if (m.length >= 40 && hasDigitAndLetter(m)) return marker(Buffer.from(m, 'base64'));
  return m;
}

function keyLineReplace(m: string): string {
  if (MARKER.test(m)) return m;
  if (m.includes('"')) {
    const body = stringBody(m);
    return body.length === 0 ? m : m.slice(0, m.indexOf('"')) + marker(keyBytes(body));
  }
  if (m.startsWith("'")) return marker(literalBytes(m.slice(1, -1)));
  if (m.startsWith('{')) {
    const nums = numbersIn(m);
    return nums.length === 0 ? m : `{${marker(Uint8Array.from(nums))}${m.endsWith('}') ? '}' : ''}`;
  }
  if (m.includes(',')) return marker(Uint8Array.from(numbersIn(m)));
  // A plain decimal number (a key length, `128`) is not key material; a hex run with a letter or a 0x is.
  return /^\d+$/.test(m) ? m : marker(hexBytes(m));
}

/**
 * A snippet with literal key material replaced by markers. `keyLine`: the snippet is a call that passes
 * key material (per the API table's argument roles), so every literal on it is redacted.
 */
export function redactSnippet(snippet: string, keyLine = false): string {
  return keyLine ? snippet.replace(KEY_LINE, keyLineReplace) : snippet.replace(GENERIC, genericReplace);
}
