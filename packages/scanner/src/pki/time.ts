/**
 * X.509 Time (RFC 5280 §4.1.2.5): UTCTime (YYMMDDHHMMSSZ, years 50–99 → 19xx) and
 * GeneralizedTime (YYYYMMDDHHMMSS[.fff]Z).
 */
import { contents, DerError, type Tlv } from './der.js';

const UTC = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/;
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/;

export function readTime(buf: Uint8Array, tlv: Tlv): Date {
  const text = Buffer.from(contents(buf, tlv)).toString('latin1');
  const m = tlv.tag === 0x17 ? UTC.exec(text) : tlv.tag === 0x18 ? GENERALIZED.exec(text) : null;
  if (!m) throw new DerError('der-invalid', `Invalid time value '${text.slice(0, 20)}'.`);
  let year = Number(m[1]);
  if (tlv.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  const date = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  if (Number.isNaN(date.getTime())) throw new DerError('der-invalid', `Invalid time value '${text.slice(0, 20)}'.`);
  return date;
}

export function validityAt(
  scanTime: Date,
  notBefore: Date | undefined,
  notAfter: Date | undefined,
): 'valid' | 'expired' | 'not-yet-valid' {
  if (notBefore && scanTime.getTime() < notBefore.getTime()) return 'not-yet-valid';
  if (notAfter && scanTime.getTime() > notAfter.getTime()) return 'expired';
  return 'valid';
}
