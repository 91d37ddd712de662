/**
 * What a complete DER object is, from its shape alone (which universal tags appear where),
 * so that each detector picks up its own objects from a DER file without trying every parser.
 * Shapes: RFC 5280 §4.1 / §5.1, RFC 2986 §4, RFC 5652 §3 + §5.1, RFC 7292 §4, RFC 5280 §4.1.2.7,
 * RFC 5958 §2–3, RFC 8017 A.1, RFC 5915 §3. The owning detector still does a full parse.
 */
import { bitLength, children, contents, DerError, readOid, readSingle, TAG, type Tlv } from './der.js';
import type { Issue } from './issues.js';

export type DerKind =
  | 'certificate'
  | 'csr'
  | 'crl'
  | 'pkcs7'
  | 'pkcs12'
  | 'spki'
  | 'rsa-public'
  | 'pkcs8'
  | 'encrypted-pkcs8'
  | 'rsa-private'
  | 'sec1'
  | 'dsa-private';

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_DATA = '1.2.840.113549.1.7.1';
const isTime = (t: Tlv | undefined) => t?.tag === 0x17 || t?.tag === 0x18;

function startsWithOid(buf: Uint8Array, t: Tlv | undefined): boolean {
  return t?.tag === TAG.SEQUENCE && children(buf, t)[0]?.tag === TAG.OID;
}

function smallIntIs(buf: Uint8Array, t: Tlv | undefined, value: number): boolean {
  if (t?.tag !== TAG.INTEGER) return false;
  const body = contents(buf, t);
  return body.length === 1 && body[0] === value;
}

function signedKind(buf: Uint8Array, tbs: Tlv): DerKind | undefined {
  const f = children(buf, tbs);
  const t = f.map((x) => x.tag);
  if (t[0] === 0xa0) return 'certificate';
  if (t[0] === TAG.INTEGER && t[1] === TAG.INTEGER) return undefined;
  if (t[0] === TAG.INTEGER && t[1] === TAG.SEQUENCE && t[2] === TAG.SEQUENCE) {
    if (isTime(f[3])) return 'crl';
    if (f.length <= 4 && startsWithOid(buf, children(buf, f[2]!)[0]) && (f[3] === undefined || t[3] === 0xa0)) {
      return 'csr';
    }
    if (f.length >= 6 && t.slice(1, 6).every((x) => x === TAG.SEQUENCE)) return 'certificate';
  }
  if (t[0] === TAG.SEQUENCE && t[1] === TAG.SEQUENCE && isTime(f[2])) return 'crl';
  return undefined;
}

function classify(buf: Uint8Array, root: Tlv): DerKind | undefined {
  if (root.tag !== TAG.SEQUENCE) return undefined;
  const c = children(buf, root);
  const t = c.map((x) => x.tag);
  if (t[0] === TAG.OID && t[1] === 0xa0 && readOid(buf, c[0]!) === OID_SIGNED_DATA) return 'pkcs7';
  if (smallIntIs(buf, c[0], 3) && t[1] === TAG.SEQUENCE) {
    const inner = children(buf, c[1]!)[0];
    if (inner?.tag === TAG.OID && [OID_DATA, OID_SIGNED_DATA].includes(readOid(buf, inner))) return 'pkcs12';
  }
  if (c.length === 3 && t[0] === TAG.SEQUENCE && t[1] === TAG.SEQUENCE && t[2] === TAG.BIT_STRING) {
    return signedKind(buf, c[0]!);
  }
  if (c.length === 2 && startsWithOid(buf, c[0]) && t[1] === TAG.BIT_STRING) return 'spki';
  if (c.length === 2 && startsWithOid(buf, c[0]) && t[1] === TAG.OCTET_STRING) return 'encrypted-pkcs8';
  if (t[0] === TAG.INTEGER && startsWithOid(buf, c[1]) && t[2] === TAG.OCTET_STRING) return 'pkcs8';
  if (smallIntIs(buf, c[0], 1) && t[1] === TAG.OCTET_STRING && t.slice(2).every((x) => x === 0xa0 || x === 0xa1)) {
    return 'sec1';
  }
  const allInts = t.every((x) => x === TAG.INTEGER);
  if (allInts && c.length >= 9 && (smallIntIs(buf, c[0], 0) || smallIntIs(buf, c[0], 1))) return 'rsa-private';
  if (allInts && c.length === 6 && smallIntIs(buf, c[0], 0)) return 'dsa-private';
  if (allInts && c.length === 2) {
    // RSAPublicKey vs. look-alikes (ECDSA signatures, DH parameters): a real modulus and an odd exponent.
    const n = contents(buf, c[0]!);
    const e = contents(buf, c[1]!);
    if (bitLength(n) >= 512 && e.length <= 8 && ((e[e.length - 1] ?? 0) & 1) === 1 && bitLength(e) >= 2) {
      return 'rsa-public';
    }
  }
  return undefined;
}

export type DerSniff =
  | { readonly kind: DerKind; readonly root: Tlv }
  | { readonly kind?: undefined; readonly problem?: Issue; readonly complete: boolean };

/** Classifies a buffer that should hold exactly one DER object. Never throws. */
export function sniffDer(buf: Uint8Array): DerSniff {
  if (buf.length < 2 || buf[0] !== TAG.SEQUENCE) return { complete: false };
  try {
    const root = readSingle(buf);
    const kind = classify(buf, root);
    return kind ? { kind, root } : { complete: true };
  } catch (err) {
    const code = err instanceof DerError ? err.code : err instanceof RangeError ? 'der-too-deep' : 'der-invalid';
    const message = err instanceof Error ? err.message : String(err);
    return { complete: false, problem: { severity: 'error', code, message } };
  }
}
