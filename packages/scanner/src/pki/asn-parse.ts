/**
 * The schema library's parse with asn1js's node-count limit set from the input. asn1js refuses more than
 * 10,000 nodes by default, which drops valid certificates (10,000 subjectAltNames is 20,000+ nodes; OpenSSL
 * reads them). Every node takes at least two bytes, so a limit of the byte length never refuses a valid
 * encoding and still bounds the work by the input size; depth and lengths are checked before, by der.ts.
 */
import { createRequire } from 'node:module';
import type * as Csr from '@peculiar/asn1-csr';
import type * as Schema from '@peculiar/asn1-schema';
import type * as X509 from '@peculiar/asn1-x509';

// The schema library and its X.509 and PKCS#10 schemas are some 90 CommonJS modules, about 80 ms of every start-up
// when imported: they are required the first time a structure is decoded, as many scanned trees hold no certificate.
const require = createRequire(import.meta.url);
let loaded: { readonly schema: typeof Schema; readonly x509: typeof X509; readonly csr: typeof Csr } | undefined;

/** The schema classes (`schemas().x509.Certificate`, `schemas().csr.CertificationRequest`, …). */
export function schemas(): NonNullable<typeof loaded> {
  loaded ??= {
    schema: require('@peculiar/asn1-schema') as typeof Schema,
    x509: require('@peculiar/asn1-x509') as typeof X509,
    csr: require('@peculiar/asn1-csr') as typeof Csr,
  };
  return loaded;
}

export function parseAsn<T>(data: Uint8Array | ArrayBuffer, target: new () => T): T {
  const maxNodes = Math.max(10_000, data.byteLength);
  return schemas().schema.AsnConvert.parse(data, target, { berOptions: { maxNodes } });
}
