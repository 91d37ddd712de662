/**
 * X.509 certificates embedded as DER inside binary images (firmware `.bin`/`.elf`, flash dumps).
 * A v3 certificate starts with a signature no other structure shares by chance often:
 * SEQUENCE (long form, 2 length bytes) { SEQUENCE (2 length bytes) { [0] { INTEGER 2 } …
 * i.e. `30 82 LL LL 30 82 LL LL A0 03 02 01 02` (RFC 5280 §4.1, DER per X.690 §8.1.3).
 * Every candidate is then fully decoded; a candidate that does not decode is dropped silently.
 */

const SIGNATURE_TAIL = [0xa0, 0x03, 0x02, 0x01, 0x02] as const;

interface EmbeddedDer {
  readonly offset: number;
  readonly der: Uint8Array;
}

/** Candidate certificates in `bytes`, in file order, never overlapping; at most `limit`. */
export function findEmbeddedCertificates(bytes: Uint8Array, limit = 10_000): EmbeddedDer[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: EmbeddedDer[] = [];
  const marker = Buffer.from([0x30, 0x82]);
  let i = buf.indexOf(marker, 0);
  while (i >= 0 && i + 13 <= buf.length && out.length < limit) {
    const outerLen = (buf[i + 2]! << 8) | buf[i + 3]!;
    const innerLen = (buf[i + 6]! << 8) | buf[i + 7]!;
    const matches =
      buf[i + 4] === 0x30 &&
      buf[i + 5] === 0x82 &&
      SIGNATURE_TAIL.every((b, k) => buf[i + 8 + k] === b) &&
      innerLen + 4 < outerLen &&
      i + 4 + outerLen <= buf.length;
    if (matches) {
      out.push({ offset: i, der: bytes.subarray(i, i + 4 + outerLen) });
      i = buf.indexOf(marker, i + 4 + outerLen);
    } else {
      i = buf.indexOf(marker, i + 1);
    }
  }
  return out;
}
