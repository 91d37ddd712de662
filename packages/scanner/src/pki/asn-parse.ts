/**
 * The schema library's parse with asn1js's node-count limit set from the input. asn1js refuses more than
 * 10,000 nodes by default, which drops valid certificates (10,000 subjectAltNames is 20,000+ nodes; OpenSSL
 * reads them). Every node takes at least two bytes, so a limit of the byte length never refuses a valid
 * encoding and still bounds the work by the input size; depth and lengths are checked before, by der.ts.
 */
import { AsnConvert } from '@peculiar/asn1-schema';

export function parseAsn<T>(data: Uint8Array | ArrayBuffer, target: new () => T): T {
  const maxNodes = Math.max(10_000, data.byteLength);
  return AsnConvert.parse(data, target, { berOptions: { maxNodes } });
}
