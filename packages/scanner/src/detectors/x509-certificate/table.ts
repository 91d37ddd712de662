/**
 * PEM labels of certificate-like objects (RFC 7468 §5–§10; `X509 CERTIFICATE` and
 * `NEW CERTIFICATE REQUEST` are legacy spellings RFC 7468 §5.1/§7 says parsers should accept;
 * `TRUSTED CERTIFICATE` is OpenSSL's certificate followed by trust settings).
 */
export type CertObjectKind = 'certificate' | 'csr' | 'crl' | 'pkcs7';

interface CertLabel {
  readonly label: string;
  readonly kind: CertObjectKind;
  /** The block holds the object followed by other data (OpenSSL CERT_AUX): decode the first element only. */
  readonly leadingElement?: boolean;
}

export const CERT_PEM_LABELS = Object.freeze([
  { label: 'CERTIFICATE', kind: 'certificate' },
  { label: 'X509 CERTIFICATE', kind: 'certificate' },
  { label: 'X.509 CERTIFICATE', kind: 'certificate' },
  { label: 'TRUSTED CERTIFICATE', kind: 'certificate', leadingElement: true },
  { label: 'CERTIFICATE REQUEST', kind: 'csr' },
  { label: 'NEW CERTIFICATE REQUEST', kind: 'csr' },
  { label: 'X509 CRL', kind: 'crl' },
  { label: 'PKCS7', kind: 'pkcs7' },
  { label: 'CMS', kind: 'pkcs7' },
] as const satisfies readonly CertLabel[]);

/** How an object is described in evidence snippets for DER files. */
export const DER_SNIPPETS: Readonly<Record<CertObjectKind, string>> = Object.freeze({
  certificate: 'DER certificate',
  csr: 'DER certificate request',
  crl: 'DER CRL',
  pkcs7: 'DER PKCS#7 bundle',
});
