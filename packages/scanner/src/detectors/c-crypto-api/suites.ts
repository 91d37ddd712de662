/**
 * Cipher-suite and named-group strings passed to TLS configuration calls, split into the component
 * algorithms they select. Deliberately small: suite names (OpenSSL `ECDHE-RSA-AES256-GCM-SHA384`
 * and IANA `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`, with library prefixes such as MBEDTLS_/BR_) are
 * tokenised and each token looked up; cipher-string keywords (HIGH, !aNULL, @SECLEVEL) are skipped —
 * full OpenSSL cipher-string expansion belongs to the TLS configuration detectors.
 * Sources: RFC 8446 B.4, RFC 5246 A.5, IANA TLS Cipher Suites / Supported Groups registries,
 * OpenSSL ciphers(1) name table.
 */
import type { AlgorithmRef } from '@pqready/core';
import type { RefPart } from './tables/types.js';

/** Key-exchange tokens (position before WITH / before the cipher). */
const KEX: Readonly<Record<string, readonly RefPart[]>> = {
  ECDHE: [{ id: 'ecdh' }],
  ECDH: [{ id: 'ecdh' }],
  DHE: [{ id: 'dh' }],
  EDH: [{ id: 'dh' }],
  DH: [{ id: 'dh' }],
  RSA: [{ id: 'rsa' }],
  ECDSA: [{ id: 'ecdsa' }],
  DSS: [{ id: 'dsa' }],
  PSK: [],
  ANON: [],
  AECDH: [{ id: 'ecdh' }],
  // Mbed TLS TLS-ECJPAKE-WITH-AES-128-CCM-8 (RFC 8236 EC J-PAKE on P-256).
  ECJPAKE: [{ id: 'ec', curve: 'p-256', parameterSet: 'ecjpake' }],
  ADH: [{ id: 'dh' }],
};

/** Bulk-cipher token sequences, longest first. */
const CIPHERS: readonly { readonly tokens: readonly string[]; readonly ref: RefPart }[] = [
  { tokens: ['CHACHA20', 'POLY1305'], ref: { id: 'chacha20-poly1305' } },
  { tokens: ['AES', '128', 'GCM'], ref: { id: 'aes', keyBits: 128, mode: 'gcm' } },
  { tokens: ['AES', '256', 'GCM'], ref: { id: 'aes', keyBits: 256, mode: 'gcm' } },
  { tokens: ['AES', '128', 'CCM'], ref: { id: 'aes', keyBits: 128, mode: 'ccm' } },
  { tokens: ['AES', '256', 'CCM'], ref: { id: 'aes', keyBits: 256, mode: 'ccm' } },
  { tokens: ['AES', '128', 'CBC'], ref: { id: 'aes', keyBits: 128, mode: 'cbc' } },
  { tokens: ['AES', '256', 'CBC'], ref: { id: 'aes', keyBits: 256, mode: 'cbc' } },
  { tokens: ['AES128', 'GCM'], ref: { id: 'aes', keyBits: 128, mode: 'gcm' } },
  { tokens: ['AES256', 'GCM'], ref: { id: 'aes', keyBits: 256, mode: 'gcm' } },
  { tokens: ['AES128', 'CCM'], ref: { id: 'aes', keyBits: 128, mode: 'ccm' } },
  { tokens: ['AES256', 'CCM'], ref: { id: 'aes', keyBits: 256, mode: 'ccm' } },
  { tokens: ['AES128'], ref: { id: 'aes', keyBits: 128, mode: 'cbc' } },
  { tokens: ['AES256'], ref: { id: 'aes', keyBits: 256, mode: 'cbc' } },
  { tokens: ['3DES', 'EDE', 'CBC'], ref: { id: '3des', keyBits: 168, mode: 'cbc' } },
  { tokens: ['DES', 'CBC3'], ref: { id: '3des', keyBits: 168, mode: 'cbc' } },
  { tokens: ['DES', 'CBC'], ref: { id: 'des', mode: 'cbc' } },
  { tokens: ['RC4', '128'], ref: { id: 'rc4', keyBits: 128 } },
  { tokens: ['RC4'], ref: { id: 'rc4' } },
  { tokens: ['CAMELLIA', '128', 'CBC'], ref: { id: 'camellia', keyBits: 128, mode: 'cbc' } },
  { tokens: ['CAMELLIA', '256', 'CBC'], ref: { id: 'camellia', keyBits: 256, mode: 'cbc' } },
  { tokens: ['CAMELLIA128'], ref: { id: 'camellia', keyBits: 128, mode: 'cbc' } },
  { tokens: ['CAMELLIA256'], ref: { id: 'camellia', keyBits: 256, mode: 'cbc' } },
  { tokens: ['ARIA', '128', 'GCM'], ref: { id: 'aria', keyBits: 128, mode: 'gcm' } },
  { tokens: ['ARIA', '256', 'GCM'], ref: { id: 'aria', keyBits: 256, mode: 'gcm' } },
  { tokens: ['NULL'], ref: {} },
];

const HASHES: Readonly<Record<string, string>> = {
  SHA: 'sha-1',
  SHA256: 'sha-256',
  SHA384: 'sha-384',
  MD5: 'md5',
};

/** Named groups (IANA registry names and OpenSSL/wolfSSL/mbed TLS aliases), normalised to lower case without separators. */
const GROUPS: Readonly<Record<string, RefPart>> = {
  x25519: { id: 'x25519' },
  x448: { id: 'x448' },
  curve25519: { id: 'x25519' },
  curve448: { id: 'x448' },
  eccx25519: { id: 'x25519' },
  eccx448: { id: 'x448' },
  p256: { id: 'ecdh', curve: 'p-256' },
  secp256r1: { id: 'ecdh', curve: 'p-256' },
  prime256v1: { id: 'ecdh', curve: 'p-256' },
  p384: { id: 'ecdh', curve: 'p-384' },
  secp384r1: { id: 'ecdh', curve: 'p-384' },
  p521: { id: 'ecdh', curve: 'p-521' },
  secp521r1: { id: 'ecdh', curve: 'p-521' },
  p224: { id: 'ecdh', curve: 'p-224' },
  secp224r1: { id: 'ecdh', curve: 'p-224' },
  secp256k1: { id: 'ecdh', curve: 'secp256k1' },
  brainpoolp256r1: { id: 'ecdh', curve: 'brainpoolp256r1' },
  brainpoolp384r1: { id: 'ecdh', curve: 'brainpoolp384r1' },
  brainpoolp512r1: { id: 'ecdh', curve: 'brainpoolp512r1' },
  bp256r1: { id: 'ecdh', curve: 'brainpoolp256r1' },
  bp384r1: { id: 'ecdh', curve: 'brainpoolp384r1' },
  bp512r1: { id: 'ecdh', curve: 'brainpoolp512r1' },
  ffdhe2048: { id: 'dh', keyBits: 2048, parameterSet: 'ffdhe2048' },
  ffdhe3072: { id: 'dh', keyBits: 3072, parameterSet: 'ffdhe3072' },
  ffdhe4096: { id: 'dh', keyBits: 4096, parameterSet: 'ffdhe4096' },
  ffdhe6144: { id: 'dh', keyBits: 6144, parameterSet: 'ffdhe6144' },
  ffdhe8192: { id: 'dh', keyBits: 8192, parameterSet: 'ffdhe8192' },
  mlkem512: { id: 'ml-kem-512' },
  mlkem768: { id: 'ml-kem-768' },
  mlkem1024: { id: 'ml-kem-1024' },
  x25519mlkem768: { id: 'x25519mlkem768' },
  secp256r1mlkem768: { id: 'secp256r1mlkem768' },
  p256mlkem768: { id: 'secp256r1mlkem768' },
  secp384r1mlkem1024: { id: 'secp384r1mlkem1024' },
  p384mlkem1024: { id: 'secp384r1mlkem1024' },
  x25519kyber768draft00: { id: 'x25519kyber768draft00' },
  x25519kyber768: { id: 'x25519kyber768draft00' },
  secp256r1kyber768draft00: { id: 'secp256r1kyber768draft00' },
};

/** Library prefixes stripped before group lookup (MBEDTLS_SSL_IANA_TLS_GROUP_X25519, WOLFSSL_ECC_SECP256R1 …). */
const GROUP_PREFIXES = ['mbedtlssslianatlsgroup', 'wolfsslecc', 'wolfssl', 'mbedtlsecpdp'];

function toRef(part: RefPart): AlgorithmRef {
  const { family: _f, ...rest } = part;
  return rest as AlgorithmRef;
}

/** Algorithms of one TLS group name, or undefined when it is not a known group. */
export function groupAlgorithm(name: string): AlgorithmRef | undefined {
  let n = name.toLowerCase().replace(/[-_\s]/g, '');
  for (const p of GROUP_PREFIXES) if (n.startsWith(p)) n = n.slice(p.length);
  const hit = GROUPS[n];
  return hit ? toRef(hit) : undefined;
}

/** Component algorithms of one suite name; undefined when the token is not a suite (keyword, unknown). */
export function suiteAlgorithms(name: string): AlgorithmRef[] | undefined {
  let s = name.trim().toUpperCase();
  for (const p of ['MBEDTLS_', 'BR_', 'WOLFSSL_']) if (s.startsWith(p)) s = s.slice(p.length);
  if (s.startsWith('TLS1_3_')) s = `TLS_${s.slice(7)}`;
  const iana = s.startsWith('TLS_') || s.startsWith('SSL_');
  const parts = (iana ? s.slice(4) : s).split(iana ? '_' : '-').filter((p) => p.length > 0);
  if (parts.length < 2) return undefined;
  const out: RefPart[] = [];
  let i = 0;
  if (iana) {
    const w = parts.indexOf('WITH');
    if (w >= 0) {
      for (const t of parts.slice(0, w)) {
        const k = KEX[t];
        if (!k) return undefined;
        out.push(...k);
      }
      i = w + 1;
    }
  } else {
    while (i < parts.length && KEX[parts[i]!] !== undefined && !CIPHERS.some((c) => c.tokens[0] === parts[i])) {
      out.push(...KEX[parts[i]!]!);
      i++;
    }
    // OpenSSL names without a key-exchange prefix (AES128-SHA) are static RSA suites.
    if (i === 0 && !/^TLS/.test(s)) out.push({ id: 'rsa' });
  }
  const cipher = CIPHERS.find((c) => c.tokens.every((t, k) => parts[i + k] === t));
  if (!cipher) return undefined;
  if (cipher.ref.id) out.push(cipher.ref);
  i += cipher.tokens.length;
  // CCM_8 / CCM8: the tag length, not a MAC hash.
  if (cipher.ref.mode === 'ccm' && parts[i] === '8') i++;
  const macTok = parts[i];
  const hash = macTok ? HASHES[macTok] : undefined;
  if (macTok && !hash) return undefined;
  const aead = cipher.ref.mode === 'gcm' || cipher.ref.mode === 'ccm' || cipher.ref.id === 'chacha20-poly1305';
  if (hash) out.push(aead ? { id: hash } : { id: 'hmac', hash });
  return out.map(toRef);
}

/** Splits an OpenSSL-style list (`:`, `,` or space separated), dropping keywords and operators. */
export function listTokens(text: string): string[] {
  return text
    .split(/[:,\s]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && !/^[!+\-@]/.test(t));
}

const SIG_HASH: Readonly<Record<string, string>> = {
  sha1: 'sha-1',
  sha224: 'sha-224',
  sha256: 'sha-256',
  sha384: 'sha-384',
  sha512: 'sha-512',
};
const SIG_CURVE: Readonly<Record<string, string>> = {
  secp256r1: 'p-256',
  secp384r1: 'p-384',
  secp521r1: 'p-521',
  brainpoolp256r1tls13: 'brainpoolp256r1',
  brainpoolp384r1tls13: 'brainpoolp384r1',
  brainpoolp512r1tls13: 'brainpoolp512r1',
};
const SIG_SCHEME: Readonly<Record<string, string>> = {
  rsa: 'rsa-pkcs1v15',
  rsapkcs1: 'rsa-pkcs1v15',
  rsapss: 'rsa-pss',
  pss: 'rsa-pss',
  rsapssrsae: 'rsa-pss',
  rsapsspss: 'rsa-pss',
  ecdsa: 'ecdsa',
  dsa: 'dsa',
};
const SIG_WHOLE: Readonly<Record<string, AlgorithmRef>> = {
  ed25519: { id: 'ed25519' },
  ed448: { id: 'ed448' },
  mldsa44: { id: 'ml-dsa-44' },
  mldsa65: { id: 'ml-dsa-65' },
  mldsa87: { id: 'ml-dsa-87' },
};

/**
 * One TLS signature algorithm: OpenSSL `ALG+HASH` (`ECDSA+SHA256`, `RSA-PSS+SHA384`) or an RFC 8446
 * SignatureScheme name (`rsa_pss_rsae_sha256`, `ecdsa_secp384r1_sha384`, mbed TLS
 * `MBEDTLS_TLS1_3_SIG_*`). Undefined when not recognised.
 */
export function sigalgAlgorithm(name: string): AlgorithmRef | undefined {
  const raw = name
    .trim()
    .replace(/^MBEDTLS_TLS1_3_SIG_/i, '')
    .toLowerCase();
  const whole = SIG_WHOLE[raw.replace(/[-_]/g, '')];
  if (whole) return whole;
  if (raw.includes('+')) {
    const [alg, hash] = raw.split('+');
    const id = SIG_SCHEME[(alg ?? '').replace(/[-_]/g, '')];
    const h = SIG_HASH[(hash ?? '').replace(/[-_]/g, '')];
    return id && h ? { id, hash: h } : undefined;
  }
  const parts = raw.split('_');
  const hash = SIG_HASH[parts[parts.length - 1] ?? ''];
  if (!hash) return undefined;
  const head = parts.slice(0, -1);
  if (head[0] === 'ecdsa') {
    const curve = head[1] ? SIG_CURVE[head.slice(1).join('')] : undefined;
    return curve ? { id: 'ecdsa', curve, hash } : { id: 'ecdsa', hash };
  }
  const id = SIG_SCHEME[head.join('')];
  return id ? { id, hash } : undefined;
}
