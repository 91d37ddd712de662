/**
 * Row types of the TLS cipher-suite catalog. Mask names follow OpenSSL's ssl/ssl_local.h
 * (SSL_kECDHE → `kECDHE`, SSL_aRSA → `aRSA`, SSL_AES256GCM → `AES256GCM`, SSL_AEAD → `AEAD`), so the
 * cipher-string expander can apply OpenSSL's alias masks to them directly.
 */

export type OpensslKx = 'kRSA' | 'kDHE' | 'kECDHE' | 'kPSK' | 'kRSAPSK' | 'kECDHEPSK' | 'kDHEPSK' | 'kSRP' | 'kGOST';
export type OpensslAu = 'aRSA' | 'aDSS' | 'aNULL' | 'aECDSA' | 'aPSK' | 'aSRP' | 'aGOST01' | 'aGOST12';
export type OpensslEnc =
  | 'DES'
  | '3DES'
  | 'RC4'
  | 'RC2'
  | 'IDEA'
  | 'eNULL'
  | 'AES128'
  | 'AES256'
  | 'AES128GCM'
  | 'AES256GCM'
  | 'AES128CCM'
  | 'AES256CCM'
  | 'AES128CCM8'
  | 'AES256CCM8'
  | 'CAMELLIA128'
  | 'CAMELLIA256'
  | 'SEED'
  | 'CHACHA20POLY1305'
  | 'ARIA128GCM'
  | 'ARIA256GCM';
export type OpensslMac = 'MD5' | 'SHA1' | 'SHA256' | 'SHA384' | 'AEAD';
export type TlsMinVersion = 'SSLv3' | 'TLSv1.0' | 'TLSv1.2';

/** One TLS ≤ 1.2 suite as OpenSSL 3.0 defines it (ssl/s3_lib.c `ssl3_ciphers`). */
export interface OpensslCipherSuiteRow {
  /** Position in OpenSSL 3.0's built-in preference order (what `ALL` yields before any reordering). */
  readonly order: number;
  /** Two-byte IANA code point written `0xC030`. */
  readonly codePoint: string;
  /** IANA TLS Cipher Suites registry name. */
  readonly iana: string;
  readonly openssl: string;
  readonly minVersion: TlsMinVersion;
  readonly kx: OpensslKx;
  readonly au: OpensslAu;
  readonly enc: OpensslEnc;
  readonly mac: OpensslMac;
  /** Key bits of the bulk cipher (`alg_bits`). */
  readonly encBits: number;
  /** Effective strength used by `@STRENGTH` (`strength_bits`; 112 for 3DES). */
  readonly strengthBits: number;
  /** OpenSSL strength class (SSL_HIGH / SSL_MEDIUM / SSL_LOW / SSL_STRONG_NONE). */
  readonly strength: 'high' | 'medium' | 'low' | 'none';
  /** SSL_FIPS flag. */
  readonly fips: boolean;
  /** SSL_NOT_DEFAULT flag: member of COMPLEMENTOFDEFAULT. */
  readonly notDefault: boolean;
}

/** A TLS 1.3 suite (RFC 8446 §B.4); the name is the same in IANA and OpenSSL `-ciphersuites`. */
export interface Tls13CipherSuiteRow {
  readonly order: number;
  readonly codePoint: string;
  readonly iana: string;
  readonly enc: OpensslEnc;
  readonly mac: OpensslMac;
  readonly encBits: number;
  /** In OpenSSL 3.0's default `Ciphersuites` list (TLS_DEFAULT_CIPHERSUITES). */
  readonly isDefault: boolean;
}
