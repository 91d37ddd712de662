/**
 * What a complete DER object is, from its shape alone (which universal tags appear where),
 * so that each detector picks up its own objects from a DER file or PEM body without trying every
 * parser, whatever the PEM label says. Shapes: RFC 5280 §4.1 / §5.1, RFC 2986 §4, RFC 5652 §3 + §5.1,
 * RFC 7292 §4, RFC 5280 §4.1.2.7, RFC 5958 §2–3, RFC 8017 A.1, RFC 5915 §3; domain parameters:
 * PKCS #3 §9 DHParameter, RFC 3279 §2.3.2 Dss-Parms and §2.3.3 DomainParameters (X9.42),
 * RFC 5480 §2.1.1 ECParameters. The owning detector still does a full parse.
 */
import { checkPrimeSync } from 'node:crypto';
import { curveFromOid } from '@pqready/core';
import { bitLength, children, contents, DerError, readOid, readSingle, readTlv, TAG, type Tlv } from './der.js';
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
  | 'dsa-private'
  | 'dh-params'
  | 'dhx-params'
  | 'dsa-params'
  | 'ec-params';

/** What each kind is, for people (diagnostics about a PEM label that does not match its content). */
export const DER_KIND_NAMES: Readonly<Record<DerKind, string>> = Object.freeze({
  certificate: 'an X.509 certificate',
  csr: 'a PKCS #10 certificate request',
  crl: 'an X.509 CRL',
  pkcs7: 'a PKCS #7 / CMS bundle',
  pkcs12: 'a PKCS #12 bundle',
  spki: 'a SubjectPublicKeyInfo public key',
  'rsa-public': 'a PKCS #1 RSAPublicKey',
  pkcs8: 'a PKCS #8 private key',
  'encrypted-pkcs8': 'an encrypted PKCS #8 private key',
  'rsa-private': 'a PKCS #1 RSAPrivateKey',
  sec1: 'a SEC 1 EC private key',
  'dsa-private': 'an OpenSSL DSA private key',
  'dh-params': 'PKCS #3 DH parameters',
  'dhx-params': 'X9.42 DH parameters',
  'dsa-params': 'DSA parameters',
  'ec-params': 'EC parameters',
});

/** Smallest modulus a group of domain parameters has in practice (RFC 2409 Oakley group 1 is 768 bits). */
const MIN_GROUP_BITS = 512;
/** Largest: RFC 3526 §7 defines 8192 bits; above twice that, a "group" is hostile input, not worth a primality test. */
const MAX_GROUP_BITS = 16384;
/** Generators of real DH groups are tiny (2, 5); q of DSA and X9.42 groups is 160–512 bits. */
const MAX_GENERATOR_BITS = 64;
const MAX_SUBGROUP_BITS = 512;

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

const isPrime = (magnitude: Uint8Array): boolean => {
  try {
    return checkPrimeSync(magnitude);
  } catch {
    return false;
  }
};

const odd = (buf: Uint8Array, t: Tlv): boolean => {
  const body = contents(buf, t);
  return ((body[body.length - 1] ?? 0) & 1) === 1;
};

/**
 * DH, X9.42 and DSA domain parameters, told by shape: an odd modulus of group size with a small generator
 * (DHParameter { p, g, privateValueLength? }), or with a subgroup order of 160–512 bits (Dss-Parms { p, q, g },
 * DomainParameters { p, g, q, j? }). Only `{ p, g }` with a small odd g can also be an RSA public key
 * `{ n, e }` (e = 3, 5 …): there a primality test decides, since a proof costs seconds on a 4096-bit prime
 * and an even generator (OpenSSL's default 2) can never be an RSA exponent.
 */
function groupKind(buf: Uint8Array, ints: readonly Tlv[]): DerKind | undefined {
  const bits = ints.map((t) => bitLength(contents(buf, t)));
  const [p = 0, second = 0, third = 0] = bits;
  if (p < MIN_GROUP_BITS || p > MAX_GROUP_BITS || !odd(buf, ints[0]!)) return undefined;
  if ((ints.length === 2 || ints.length === 3) && second <= MAX_GENERATOR_BITS) {
    if (ints.length === 3 && third > 32) return undefined;
    if (!odd(buf, ints[1]!)) return 'dh-params';
    return second <= 8 && isPrime(contents(buf, ints[0]!)) ? 'dh-params' : undefined;
  }
  // DHParameter with any generator and a privateValueLength (mbedTLS writes such files).
  if (ints.length === 3 && third <= 32 && second > MAX_SUBGROUP_BITS) return 'dh-params';
  if (ints.length < 3 || !odd(buf, ints[ints.length === 3 && second <= MAX_SUBGROUP_BITS ? 1 : 2]!)) return undefined;
  if (second <= MAX_SUBGROUP_BITS && third > MAX_SUBGROUP_BITS && ints.length === 3) return 'dsa-params';
  if (second > MAX_SUBGROUP_BITS && third <= MAX_SUBGROUP_BITS) return 'dhx-params';
  return undefined;
}

function classify(buf: Uint8Array, root: Tlv): DerKind | undefined {
  // ECParameters namedCurve: a bare OID naming a known curve.
  if (root.tag === TAG.OID) return curveFromOid(readOid(buf, root)) ? 'ec-params' : undefined;
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
  // SpecifiedECDomain { version 1, fieldID { OID, … }, curve, base OCTET STRING, order, cofactor? }
  if (smallIntIs(buf, c[0], 1) && startsWithOid(buf, c[1]) && t[2] === TAG.SEQUENCE && t[3] === TAG.OCTET_STRING) {
    return t[4] === TAG.INTEGER ? 'ec-params' : undefined;
  }
  const allInts = t.every((x) => x === TAG.INTEGER);
  const leadingInts = c.findIndex((x) => x.tag !== TAG.INTEGER);
  // X9.42 DomainParameters may end with a ValidationParms SEQUENCE.
  const ints = leadingInts < 0 ? c : c.slice(0, leadingInts);
  if (
    ints.length >= 2 &&
    (allInts || (leadingInts >= 3 && c.length === leadingInts + 1 && t[leadingInts] === TAG.SEQUENCE))
  ) {
    const group = groupKind(buf, ints);
    if (group) return group;
  }
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
  | {
      readonly kind: DerKind;
      readonly root: Tlv;
      /** Bytes after the object (only when `allowTrailing`): not part of it, not examined. */
      readonly trailing?: number;
    }
  | { readonly kind?: undefined; readonly problem?: Issue; readonly complete: boolean };

/**
 * Classifies a buffer that should hold exactly one DER object. Never throws. With `allowTrailing`, a known
 * object followed by other bytes is still recognised, as OpenSSL's `d2i` reads a DER file's first object.
 */
export function sniffDer(buf: Uint8Array, allowTrailing = false): DerSniff {
  if (buf.length < 2 || (buf[0] !== TAG.SEQUENCE && buf[0] !== TAG.OID)) return { complete: false };
  try {
    const root = readSingle(buf);
    const kind = classify(buf, root);
    return kind ? { kind, root } : { complete: true };
  } catch (err) {
    if (allowTrailing && err instanceof DerError && err.code === 'der-trailing-data') {
      const first = readTlv(buf);
      const kind = classify(buf, first);
      if (kind) return { kind, root: first, trailing: buf.length - first.end };
    }
    const code = err instanceof DerError ? err.code : err instanceof RangeError ? 'der-too-deep' : 'der-invalid';
    const message = err instanceof Error ? err.message : String(err);
    return { complete: false, problem: { severity: 'error', code, message } };
  }
}
