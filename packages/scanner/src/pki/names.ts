/**
 * Distinguished names as RFC 4514 strings (most significant RDN last, `CN=…,O=…,C=…`).
 * Short names are the RFC 4514 §3 table; other attribute types print as dotted OIDs, with
 * string values kept readable rather than as `#hex` BER.
 */
import { children, contents, readOid, type Tlv } from './der.js';

/** RFC 4514 §3 attribute type short names (plus `emailAddress`, printed that way by OpenSSL). */
const SHORT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '2.5.4.5': 'serialNumber',
});

/** ASN.1 string tags (X.680 §8.4) and how their contents decode. */
const STRING_DECODERS: Readonly<Record<number, (b: Uint8Array) => string>> = Object.freeze({
  12: (b) => Buffer.from(b).toString('utf8'),
  18: (b) => Buffer.from(b).toString('latin1'),
  19: (b) => Buffer.from(b).toString('latin1'),
  20: (b) => Buffer.from(b).toString('latin1'),
  22: (b) => Buffer.from(b).toString('latin1'),
  26: (b) => Buffer.from(b).toString('latin1'),
  30: (b) => Buffer.from(b).swap16().toString('utf16le'),
  28: (b) => {
    const cps: number[] = [];
    for (let i = 0; i + 3 < b.length; i += 4)
      cps.push(((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0);
    return String.fromCodePoint(...cps.filter((c) => c <= 0x10ffff));
  },
});

/** RFC 4514 §2.4 escaping. */
function escapeValue(value: string): string {
  let out = value
    .replace(/[\\"+,;<>=]/g, (c) => `\\${c}`)
    .replace(/[\x00-\x1f]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (out.startsWith(' ') || out.startsWith('#')) out = `\\${out}`;
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/** Formats a DER Name (SEQUENCE OF RelativeDistinguishedName). Throws DerError on malformed input. */
export function formatName(buf: Uint8Array, name: Tlv): string {
  const rdns = children(buf, name).map((rdn) =>
    children(buf, rdn)
      .map((atv) => {
        const [typeTlv, valueTlv] = children(buf, atv);
        if (!typeTlv || !valueTlv) return '';
        const oid = readOid(buf, typeTlv);
        const decode = STRING_DECODERS[valueTlv.tag];
        const raw = buf.subarray(valueTlv.offset, valueTlv.end);
        const value = decode ? escapeValue(decode(contents(buf, valueTlv))) : `#${Buffer.from(raw).toString('hex')}`;
        return `${SHORT_NAMES[oid] ?? oid}=${value}`;
      })
      .join('+'),
  );
  return rdns.reverse().join(',');
}
