/**
 * X.509 Time (RFC 5280 §4.1.2.5): UTCTime (YYMMDDHHMMSSZ, years 50–99 → 19xx) and
 * GeneralizedTime (YYYYMMDDHHMMSS[.fff]Z). Older certificates also use the forms X.680 §47.3 allows
 * (seconds left out, a `+hhmm` / `-hhmm` offset instead of `Z`), which OpenSSL reads: so do we.
 */
import { contents, DerError, type Tlv } from './der.js';

const UTC = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/;
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(Z|[+-]\d{4})$/;

/** Minutes to subtract from the local time written to get UTC. */
function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
}

export function readTime(buf: Uint8Array, tlv: Tlv): Date {
  const text = Buffer.from(contents(buf, tlv)).toString('latin1');
  const m = tlv.tag === 0x17 ? UTC.exec(text) : tlv.tag === 0x18 ? GENERALIZED.exec(text) : null;
  if (!m) throw new DerError('der-invalid', `Invalid time value '${text.slice(0, 20)}'.`);
  let year = Number(m[1]);
  if (tlv.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new DerError('der-invalid', `Invalid time value '${text.slice(0, 20)}'.`);
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(local - offsetMinutes(m[7]!) * 60_000);
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
