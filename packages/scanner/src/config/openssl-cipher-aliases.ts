/**
 * OpenSSL 3.0's cipher-string aliases (ssl/ssl_ciph.c `cipher_aliases[]`), as data. Each dimension lists the
 * mask names it selects; `not` means "every bit except these" (OpenSSL writes `~SSL_eNULL`, `~SSL_aNULL`).
 * Bits a build lacks simply match nothing, which is what OpenSSL's alias filtering amounts to.
 */

export type MaskSpec = readonly string[] | { readonly not: readonly string[] };

export interface CipherAliasRow {
  readonly name: string;
  readonly kx?: MaskSpec;
  readonly au?: MaskSpec;
  readonly enc?: MaskSpec;
  readonly mac?: MaskSpec;
  readonly minTls?: 'SSLv3' | 'TLSv1.0' | 'TLSv1.2';
  /** algo_strength bits: HIGH/MEDIUM/LOW/STRONG_NONE/FIPS (SSL_STRONG_MASK) and NOT_DEFAULT (SSL_DEFAULT_MASK). */
  readonly strength?: readonly ('HIGH' | 'MEDIUM' | 'LOW' | 'FIPS' | 'NOT_DEFAULT')[];
}

const AES = ['AES128', 'AES256', 'AES128GCM', 'AES256GCM', 'AES128CCM', 'AES256CCM', 'AES128CCM8', 'AES256CCM8'];
const PSK = ['kPSK', 'kRSAPSK', 'kECDHEPSK', 'kDHEPSK'];
// ssl_local.h SSL_CBC (3.0): every CBC-mode bulk cipher.
const CBC = ['DES', '3DES', 'RC2', 'IDEA', 'AES128', 'AES256', 'CAMELLIA128', 'CAMELLIA256', 'SEED'];

export const CIPHER_ALIASES: readonly CipherAliasRow[] = Object.freeze([
  { name: 'ALL', enc: { not: ['eNULL'] } },
  { name: 'COMPLEMENTOFALL', enc: ['eNULL'] },
  { name: 'COMPLEMENTOFDEFAULT', strength: ['NOT_DEFAULT'] },
  { name: 'kRSA', kx: ['kRSA'] },
  { name: 'kEDH', kx: ['kDHE'] },
  { name: 'kDHE', kx: ['kDHE'] },
  { name: 'DH', kx: ['kDHE'] },
  { name: 'kEECDH', kx: ['kECDHE'] },
  { name: 'kECDHE', kx: ['kECDHE'] },
  { name: 'ECDH', kx: ['kECDHE'] },
  { name: 'kPSK', kx: ['kPSK'] },
  { name: 'kRSAPSK', kx: ['kRSAPSK'] },
  { name: 'kECDHEPSK', kx: ['kECDHEPSK'] },
  { name: 'kDHEPSK', kx: ['kDHEPSK'] },
  { name: 'kSRP', kx: ['kSRP'] },
  { name: 'kGOST', kx: ['kGOST'] },
  { name: 'aRSA', au: ['aRSA'] },
  { name: 'aDSS', au: ['aDSS'] },
  { name: 'DSS', au: ['aDSS'] },
  { name: 'aNULL', au: ['aNULL'] },
  { name: 'aECDSA', au: ['aECDSA'] },
  { name: 'ECDSA', au: ['aECDSA'] },
  { name: 'aPSK', au: ['aPSK'] },
  { name: 'aGOST01', au: ['aGOST01'] },
  { name: 'aGOST12', au: ['aGOST12'] },
  { name: 'aGOST', au: ['aGOST01', 'aGOST12'] },
  { name: 'aSRP', au: ['aSRP'] },
  { name: 'EDH', kx: ['kDHE'], au: { not: ['aNULL'] } },
  { name: 'DHE', kx: ['kDHE'], au: { not: ['aNULL'] } },
  { name: 'EECDH', kx: ['kECDHE'], au: { not: ['aNULL'] } },
  { name: 'ECDHE', kx: ['kECDHE'], au: { not: ['aNULL'] } },
  { name: 'NULL', enc: ['eNULL'] },
  { name: 'RSA', kx: ['kRSA'], au: ['aRSA'] },
  { name: 'ADH', kx: ['kDHE'], au: ['aNULL'] },
  { name: 'AECDH', kx: ['kECDHE'], au: ['aNULL'] },
  { name: 'PSK', kx: PSK },
  { name: 'SRP', kx: ['kSRP'] },
  { name: '3DES', enc: ['3DES'] },
  { name: 'RC4', enc: ['RC4'] },
  { name: 'RC2', enc: ['RC2'] },
  { name: 'IDEA', enc: ['IDEA'] },
  { name: 'SEED', enc: ['SEED'] },
  { name: 'eNULL', enc: ['eNULL'] },
  { name: 'AES128', enc: ['AES128', 'AES128GCM', 'AES128CCM', 'AES128CCM8'] },
  { name: 'AES256', enc: ['AES256', 'AES256GCM', 'AES256CCM', 'AES256CCM8'] },
  { name: 'AES', enc: AES },
  { name: 'AESGCM', enc: ['AES128GCM', 'AES256GCM'] },
  { name: 'AESCCM', enc: ['AES128CCM', 'AES256CCM', 'AES128CCM8', 'AES256CCM8'] },
  { name: 'AESCCM8', enc: ['AES128CCM8', 'AES256CCM8'] },
  { name: 'CAMELLIA128', enc: ['CAMELLIA128'] },
  { name: 'CAMELLIA256', enc: ['CAMELLIA256'] },
  { name: 'CAMELLIA', enc: ['CAMELLIA128', 'CAMELLIA256'] },
  { name: 'CHACHA20', enc: ['CHACHA20POLY1305'] },
  { name: 'CBC', enc: CBC },
  { name: 'ARIA', enc: ['ARIA128GCM', 'ARIA256GCM'] },
  { name: 'ARIAGCM', enc: ['ARIA128GCM', 'ARIA256GCM'] },
  { name: 'ARIA128', enc: ['ARIA128GCM'] },
  { name: 'ARIA256', enc: ['ARIA256GCM'] },
  { name: 'MD5', mac: ['MD5'] },
  { name: 'SHA1', mac: ['SHA1'] },
  { name: 'SHA', mac: ['SHA1'] },
  { name: 'SHA256', mac: ['SHA256'] },
  { name: 'SHA384', mac: ['SHA384'] },
  { name: 'SSLv3', minTls: 'SSLv3' },
  { name: 'TLSv1', minTls: 'TLSv1.0' },
  { name: 'TLSv1.0', minTls: 'TLSv1.0' },
  { name: 'TLSv1.2', minTls: 'TLSv1.2' },
  { name: 'LOW', strength: ['LOW'] },
  { name: 'MEDIUM', strength: ['MEDIUM'] },
  { name: 'HIGH', strength: ['HIGH'] },
  { name: 'FIPS', enc: { not: ['eNULL'] }, strength: ['FIPS'] },
  // Pre-1.1.0 names kept as aliases of the DHE 3DES suites.
  {
    name: 'EDH-DSS-DES-CBC3-SHA',
    kx: ['kDHE'],
    au: ['aDSS'],
    enc: ['3DES'],
    mac: ['SHA1'],
    strength: ['HIGH', 'FIPS'],
  },
  {
    name: 'EDH-RSA-DES-CBC3-SHA',
    kx: ['kDHE'],
    au: ['aRSA'],
    enc: ['3DES'],
    mac: ['SHA1'],
    strength: ['HIGH', 'FIPS'],
  },
] satisfies readonly CipherAliasRow[]);

/** OpenSSL 3.0 SSL_DEFAULT_CIPHER_LIST, substituted when a rule string starts with `DEFAULT`. */
export const OPENSSL_DEFAULT_CIPHER_LIST = 'ALL:!COMPLEMENTOFDEFAULT:!eNULL';

/** OpenSSL 3.0 TLS_DEFAULT_CIPHERSUITES (TLS 1.3, set with `-ciphersuites` / `Ciphersuites`). */
export const OPENSSL_DEFAULT_CIPHERSUITES =
  'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';

/** check_suiteb_cipher_list(): a leading SUITEB keyword replaces the whole string. */
export const SUITEB_RULES: readonly { readonly prefix: string; readonly rules: string }[] = Object.freeze([
  { prefix: 'SUITEB128ONLY', rules: 'ECDHE-ECDSA-AES128-GCM-SHA256' },
  { prefix: 'SUITEB128C2', rules: 'ECDHE-ECDSA-AES256-GCM-SHA384' },
  { prefix: 'SUITEB128', rules: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384' },
  { prefix: 'SUITEB192', rules: 'ECDHE-ECDSA-AES256-GCM-SHA384' },
]);
