/**
 * TLS cipher suites: lookup by OpenSSL or IANA name and the mapping from OpenSSL's kx/au/enc/mac masks
 * to catalog algorithm ids. The suite rows themselves are generated (tls-cipher-suites.generated.ts);
 * the mask → algorithm tables below are hand-written data (RFC 5246 Appendix A.5, RFC 8446 §B.4).
 */
import type { AlgorithmRef, CipherSuiteFacts } from '../model/finding.js';
import type {
  OpensslAu,
  OpensslCipherSuiteRow,
  OpensslEnc,
  OpensslKx,
  OpensslMac,
  Tls13CipherSuiteRow,
} from './tls-cipher-suite-types.js';
import {
  OPENSSL_CIPHER_SUITE_ROWS,
  OPENSSL_CIPHER_TABLE_SOURCE,
  TLS13_CIPHER_SUITE_ROWS,
} from './tls-cipher-suites.generated.js';

export { OPENSSL_CIPHER_SUITE_ROWS, OPENSSL_CIPHER_TABLE_SOURCE, TLS13_CIPHER_SUITE_ROWS };

const PSK: AlgorithmRef = { id: 'psk' };

/** Key exchange masks → algorithms (RFC 5246 §7.4.3; RFC 4279 PSK; RFC 5054 SRP). */
const KX_ALGORITHMS: Readonly<Record<OpensslKx, readonly AlgorithmRef[]>> = Object.freeze({
  kRSA: [{ id: 'rsa', parameterSet: 'key-transport' }],
  kDHE: [{ id: 'dh' }],
  kECDHE: [{ id: 'ecdh' }],
  kPSK: [PSK],
  kRSAPSK: [{ id: 'rsa', parameterSet: 'key-transport' }, PSK],
  kECDHEPSK: [{ id: 'ecdh' }, PSK],
  kDHEPSK: [{ id: 'dh' }, PSK],
  kSRP: [{ id: 'srp' }],
  kGOST: [{ id: 'unknown', parameterSet: 'gost-kx' }],
});

/** Server authentication masks → signature algorithms (anonymous and PSK add none). */
const AU_ALGORITHMS: Readonly<Record<OpensslAu, readonly AlgorithmRef[]>> = Object.freeze({
  aRSA: [{ id: 'rsa', parameterSet: 'signature' }],
  aDSS: [{ id: 'dsa' }],
  aNULL: [],
  aECDSA: [{ id: 'ecdsa' }],
  aPSK: [],
  aSRP: [],
  aGOST01: [{ id: 'unknown', parameterSet: 'gost-r-34.10-2001' }],
  aGOST12: [{ id: 'unknown', parameterSet: 'gost-r-34.10-2012' }],
});

/** Bulk cipher masks → algorithms; TLS ≤ 1.2 non-AEAD block ciphers run in CBC mode. */
const ENC_ALGORITHMS: Readonly<Record<OpensslEnc, readonly AlgorithmRef[]>> = Object.freeze({
  DES: [{ id: 'des', keyBits: 56, mode: 'cbc' }],
  '3DES': [{ id: '3des', keyBits: 168, mode: 'cbc' }],
  RC4: [{ id: 'rc4', keyBits: 128 }],
  RC2: [{ id: 'rc2', keyBits: 128, mode: 'cbc' }],
  IDEA: [{ id: 'idea', keyBits: 128, mode: 'cbc' }],
  eNULL: [],
  AES128: [{ id: 'aes', keyBits: 128, mode: 'cbc' }],
  AES256: [{ id: 'aes', keyBits: 256, mode: 'cbc' }],
  AES128GCM: [{ id: 'aes', keyBits: 128, mode: 'gcm' }],
  AES256GCM: [{ id: 'aes', keyBits: 256, mode: 'gcm' }],
  AES128CCM: [{ id: 'aes', keyBits: 128, mode: 'ccm' }],
  AES256CCM: [{ id: 'aes', keyBits: 256, mode: 'ccm' }],
  AES128CCM8: [{ id: 'aes', keyBits: 128, mode: 'ccm', parameterSet: 'ccm-8' }],
  AES256CCM8: [{ id: 'aes', keyBits: 256, mode: 'ccm', parameterSet: 'ccm-8' }],
  CAMELLIA128: [{ id: 'camellia', keyBits: 128, mode: 'cbc' }],
  CAMELLIA256: [{ id: 'camellia', keyBits: 256, mode: 'cbc' }],
  SEED: [{ id: 'seed', keyBits: 128, mode: 'cbc' }],
  CHACHA20POLY1305: [{ id: 'chacha20-poly1305', keyBits: 256 }],
  ARIA128GCM: [{ id: 'aria', keyBits: 128, mode: 'gcm' }],
  ARIA256GCM: [{ id: 'aria', keyBits: 256, mode: 'gcm' }],
});

/** Record MAC masks → HMAC with the named hash; AEAD suites have no separate MAC. */
const MAC_ALGORITHMS: Readonly<Record<OpensslMac, readonly AlgorithmRef[]>> = Object.freeze({
  MD5: [{ id: 'hmac', hash: 'md5' }],
  SHA1: [{ id: 'hmac', hash: 'sha-1' }],
  SHA256: [{ id: 'hmac', hash: 'sha-256' }],
  SHA384: [{ id: 'hmac', hash: 'sha-384' }],
  AEAD: [],
});

const byOpenssl = new Map(OPENSSL_CIPHER_SUITE_ROWS.map((r) => [r.openssl, r]));
const byIana = new Map<string, OpensslCipherSuiteRow | Tls13CipherSuiteRow>([
  ...OPENSSL_CIPHER_SUITE_ROWS.map((r) => [r.iana, r] as const),
  ...TLS13_CIPHER_SUITE_ROWS.map((r) => [r.iana, r] as const),
]);

export function findCipherSuiteByOpensslName(name: string): OpensslCipherSuiteRow | undefined {
  return byOpenssl.get(name);
}

export function findCipherSuiteByIanaName(name: string): OpensslCipherSuiteRow | Tls13CipherSuiteRow | undefined {
  return byIana.get(name);
}

export function findTls13CipherSuite(name: string): Tls13CipherSuiteRow | undefined {
  return TLS13_CIPHER_SUITE_ROWS.find((r) => r.iana === name);
}

/** Algorithms of a TLS ≤ 1.2 suite, in the order key exchange, authentication, cipher, MAC. */
function cipherSuiteAlgorithms(row: OpensslCipherSuiteRow): AlgorithmRef[] {
  return [...KX_ALGORITHMS[row.kx], ...AU_ALGORITHMS[row.au], ...ENC_ALGORITHMS[row.enc], ...MAC_ALGORITHMS[row.mac]];
}

/** A TLS 1.3 suite names only the AEAD and the HKDF hash (RFC 8446 §B.4); groups and signatures are separate. */
function tls13SuiteAlgorithms(row: Tls13CipherSuiteRow): AlgorithmRef[] {
  const hash = row.iana.endsWith('SHA384') ? 'sha-384' : 'sha-256';
  return [...ENC_ALGORITHMS[row.enc], { id: 'hkdf', hash }];
}

export function cipherSuiteFacts(row: OpensslCipherSuiteRow | Tls13CipherSuiteRow): CipherSuiteFacts {
  if ('openssl' in row) {
    return { name: row.iana, openssl: row.openssl, codePoint: row.codePoint, algorithms: cipherSuiteAlgorithms(row) };
  }
  return { name: row.iana, openssl: row.iana, codePoint: row.codePoint, algorithms: tls13SuiteAlgorithms(row) };
}

/** True for CBC suites whose record MAC is HMAC-SHA1 (the `cbc-sha1` flag). */
export function isCbcSha1(row: OpensslCipherSuiteRow): boolean {
  return row.mac === 'SHA1' && ENC_ALGORITHMS[row.enc].some((a) => a.mode === 'cbc');
}
