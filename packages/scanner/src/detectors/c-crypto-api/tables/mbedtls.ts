/**
 * mbedTLS 2.x/3.x API: functions, enum constants and constructor functions.
 * Source: Mbed TLS API reference (include/mbedtls/*.h) for 2.28 and 3.6, https://mbed-tls.readthedocs.io/
 */
import type { ApiRow, LibraryTable, RefPart } from './types.js';

const SOURCE =
  'Mbed TLS 2.28 / 3.6 public headers (include/mbedtls/rsa.h, pk.h, ecp.h, ecdsa.h, ecdh.h, dhm.h, cipher.h, md.h)';

const CURVES: Readonly<Record<string, string>> = {
  SECP192R1: 'p-192',
  SECP224R1: 'p-224',
  SECP256R1: 'p-256',
  SECP384R1: 'p-384',
  SECP521R1: 'p-521',
  BP256R1: 'brainpoolp256r1',
  BP384R1: 'brainpoolp384r1',
  BP512R1: 'brainpoolp512r1',
  CURVE25519: 'curve25519',
  SECP192K1: 'secp192k1',
  SECP224K1: 'secp224k1',
  SECP256K1: 'secp256k1',
  CURVE448: 'curve448',
};

const HASHES: Readonly<Record<string, string>> = {
  MD5: 'md5',
  SHA1: 'sha-1',
  SHA224: 'sha-224',
  SHA256: 'sha-256',
  SHA384: 'sha-384',
  SHA512: 'sha-512',
  RIPEMD160: 'ripemd-160',
  SHA3_224: 'sha3-224',
  SHA3_256: 'sha3-256',
  SHA3_384: 'sha3-384',
  SHA3_512: 'sha3-512',
};

const CIPHER_MODES: Readonly<Record<string, string>> = {
  ECB: 'ecb',
  CBC: 'cbc',
  CFB128: 'cfb',
  CTR: 'ctr',
  GCM: 'gcm',
  CCM: 'ccm',
  CCM_STAR_NO_TAG: 'ccm',
  OFB: 'ofb',
  XTS: 'xts',
  KW: 'kw',
  KWP: 'kwp',
};

function cipherSymbols(): Record<string, RefPart> {
  const out: Record<string, RefPart> = {};
  for (const fam of ['AES', 'CAMELLIA', 'ARIA'] as const) {
    for (const bits of [128, 192, 256]) {
      for (const [m, mode] of Object.entries(CIPHER_MODES)) {
        out[`MBEDTLS_CIPHER_${fam}_${bits}_${m}`] = { id: fam.toLowerCase(), keyBits: bits, mode };
      }
    }
  }
  Object.assign(out, {
    MBEDTLS_CIPHER_DES_ECB: { id: 'des', mode: 'ecb' },
    MBEDTLS_CIPHER_DES_CBC: { id: 'des', mode: 'cbc' },
    MBEDTLS_CIPHER_DES_EDE_ECB: { id: '3des', keyBits: 112, mode: 'ecb' },
    MBEDTLS_CIPHER_DES_EDE_CBC: { id: '3des', keyBits: 112, mode: 'cbc' },
    MBEDTLS_CIPHER_DES_EDE3_ECB: { id: '3des', keyBits: 168, mode: 'ecb' },
    MBEDTLS_CIPHER_DES_EDE3_CBC: { id: '3des', keyBits: 168, mode: 'cbc' },
    MBEDTLS_CIPHER_ARC4_128: { id: 'rc4', keyBits: 128 },
    MBEDTLS_CIPHER_BLOWFISH_CBC: { id: 'blowfish', mode: 'cbc' },
    MBEDTLS_CIPHER_CHACHA20: { id: 'chacha20' },
    MBEDTLS_CIPHER_CHACHA20_POLY1305: { id: 'chacha20-poly1305' },
    MBEDTLS_CIPHER_ID_AES: { id: 'aes' },
    MBEDTLS_CIPHER_ID_DES: { id: 'des' },
    MBEDTLS_CIPHER_ID_3DES: { id: '3des' },
    MBEDTLS_CIPHER_ID_CAMELLIA: { id: 'camellia' },
    MBEDTLS_CIPHER_ID_ARIA: { id: 'aria' },
    MBEDTLS_CIPHER_ID_CHACHA20: { id: 'chacha20' },
  });
  return out;
}

function symbols(): Record<string, RefPart> {
  const out: Record<string, RefPart> = cipherSymbols();
  for (const [k, curve] of Object.entries(CURVES)) out[`MBEDTLS_ECP_DP_${k}`] = { curve };
  for (const [k, id] of Object.entries(HASHES)) out[`MBEDTLS_MD_${k}`] = { id };
  for (const k of ['SHA3_224', 'SHA3_256', 'SHA3_384', 'SHA3_512'] as const) out[`MBEDTLS_${k}`] = { id: HASHES[k]! };
  Object.assign(out, {
    MBEDTLS_PK_RSA: { id: 'rsa' },
    MBEDTLS_PK_ECKEY: { id: 'ec' },
    MBEDTLS_PK_ECKEY_DH: { id: 'ecdh' },
    MBEDTLS_PK_ECDSA: { id: 'ecdsa' },
    MBEDTLS_PK_RSASSA_PSS: { id: 'rsa-pss' },
    MBEDTLS_PK_RSA_ALT: { id: 'rsa' },
    MBEDTLS_LMS_SHA256_M32_H10: { parameterSet: 'LMS_SHA256_M32_H10' },
    MBEDTLS_LMOTS_SHA256_N32_W8: { parameterSet: 'LMOTS_SHA256_N32_W8' },
  });
  return out;
}

const SHA256_VARIANTS = { '0': { id: 'sha-256' }, '1': { id: 'sha-224' } } as const;

const PK_SIGNATURES: readonly RefPart[] = [{ id: 'rsa' }, { id: 'ecdsa' }];
/** md.h mbedtls_md_type_t: what a digest chosen at run time can be. */
const DIGEST_SET: readonly RefPart[] = Object.values(HASHES).map((id) => ({ id }));
/** cipher.h mbedtls_cipher_id_t: the ciphers a cipher context can run. */
const CIPHERS: readonly RefPart[] = [
  { id: 'aes' },
  { id: 'aria' },
  { id: 'camellia' },
  { id: 'des' },
  { id: '3des' },
  { id: 'chacha20' },
  { id: 'chacha20-poly1305' },
];
const SHA512_VARIANTS = { '0': { id: 'sha-512' }, '1': { id: 'sha-384' } } as const;

const functions: Record<string, ApiRow> = {
  // RSA (rsa.h). 2.x sign/verify calls carry an extra `mode` argument before md_alg.
  // Mbed TLS 3.x `mbedtls_rsa_init(ctx)` only initialises; 2.x `mbedtls_rsa_init(ctx, padding, md)` sets the padding.
  mbedtls_rsa_init: { id: 'rsa', object: 0, configures: true, lifecycleArity: 1 },
  mbedtls_rsa_setup: { id: 'rsa', object: 0 },
  mbedtls_rsa_set_padding: { id: 'rsa', object: 0, configures: true, args: { hash: 2 } },
  mbedtls_rsa_gen_key: { id: 'rsa', object: 0, args: { keyBits: 3 } },
  mbedtls_rsa_pkcs1_sign: { id: 'rsa', object: 0, args: { hash: [3, 4] } },
  mbedtls_rsa_pkcs1_verify: { id: 'rsa', object: 0, args: { hash: [3, 4, 1] } },
  mbedtls_rsa_pkcs1_encrypt: { id: 'rsa', object: 0 },
  mbedtls_rsa_pkcs1_decrypt: { id: 'rsa', object: 0 },
  mbedtls_rsa_rsassa_pss_sign: { id: 'rsa-pss', object: 0, args: { hash: [3, 4] } },
  mbedtls_rsa_rsassa_pss_sign_ext: { id: 'rsa-pss', object: 0, args: { hash: 3 } },
  mbedtls_rsa_rsassa_pss_verify: { id: 'rsa-pss', object: 0, args: { hash: [1, 3, 4] } },
  mbedtls_rsa_rsassa_pss_verify_ext: { id: 'rsa-pss', object: 0, args: { hash: [1, 3, 4] } },
  mbedtls_rsa_rsassa_pkcs1_v15_sign: { id: 'rsa-pkcs1v15', object: 0, args: { hash: [3, 4] } },
  mbedtls_rsa_rsassa_pkcs1_v15_verify: { id: 'rsa-pkcs1v15', object: 0, args: { hash: [1, 3, 4] } },
  mbedtls_rsa_rsaes_oaep_encrypt: { id: 'rsa-oaep', object: 0 },
  mbedtls_rsa_rsaes_oaep_decrypt: { id: 'rsa-oaep', object: 0 },
  mbedtls_rsa_rsaes_pkcs1_v15_encrypt: { id: 'rsaes-pkcs1v15', object: 0 },
  mbedtls_rsa_rsaes_pkcs1_v15_decrypt: { id: 'rsaes-pkcs1v15', object: 0 },
  mbedtls_rsa_public: { id: 'rsa', object: 0 },
  mbedtls_rsa_private: { id: 'rsa', object: 0 },
  // Generic public-key layer (pk.h): the key type comes from mbedtls_pk_setup on the same context.
  mbedtls_pk_setup: { object: 0, establishes: true, args: { alg: 1 } },
  // A pk context parsed from a key file is RSA or EC (pk.h: MBEDTLS_PK_RSA, MBEDTLS_PK_ECKEY; an opaque
  // context wraps a PSA key of the same two kinds), so a signature is RSA or ECDSA and encryption RSA.
  mbedtls_pk_sign: { object: 0, signs: true, args: { hash: 1 }, candidates: PK_SIGNATURES },
  mbedtls_pk_sign_restartable: { object: 0, signs: true, args: { hash: 1 }, candidates: PK_SIGNATURES },
  mbedtls_pk_verify: { object: 0, signs: true, args: { hash: 1 }, candidates: PK_SIGNATURES },
  mbedtls_pk_verify_restartable: { object: 0, signs: true, args: { hash: 1 }, candidates: PK_SIGNATURES },
  mbedtls_pk_sign_ext: { object: 1, args: { alg: 0, hash: 2 } },
  mbedtls_pk_verify_ext: { object: 2, args: { alg: 0, hash: 3 } },
  mbedtls_pk_encrypt: { object: 0, candidates: [{ id: 'rsa' }] },
  mbedtls_pk_decrypt: { object: 0, candidates: [{ id: 'rsa' }] },
  // Accessors of a pk context's key: reading it is no use of RSA or EC.
  mbedtls_pk_rsa: { id: 'rsa', notImplementation: true, accessor: true },
  mbedtls_pk_ec: { id: 'ec', notImplementation: true, accessor: true },
  // Elliptic curves (ecp.h, ecdsa.h, ecdh.h).
  mbedtls_ecp_group_load: { id: 'ec', object: 0, establishes: true, configures: true, args: { curve: 1 } },
  mbedtls_ecp_gen_key: { id: 'ec', object: 1, establishes: true, args: { curve: 0 } },
  mbedtls_ecp_gen_keypair: { id: 'ec', object: 0 },
  // Scalar multiplication: the core of ECDH and of key derivation (MCUboot's ECIES).
  mbedtls_ecp_mul: { id: 'ec', object: 0 },
  mbedtls_ecp_mul_restartable: { id: 'ec', object: 0 },
  // NIST SP 800-38F key wrapping (MCUboot's AES-KW image key unwrap).
  mbedtls_nist_kw_setkey: { id: 'aes', mode: 'kw', object: 0, args: { secret: 2, keyBits: 3 } },
  mbedtls_nist_kw_wrap: { id: 'aes', mode: 'kw', object: 0 },
  mbedtls_nist_kw_unwrap: { id: 'aes', mode: 'kw', object: 0 },
  mbedtls_ecp_read_key: { id: 'ec', object: 1, establishes: true, args: { secret: 2, curve: 0 } },
  mbedtls_ecdsa_genkey: { id: 'ecdsa', object: 0, establishes: true, args: { curve: 1 } },
  mbedtls_ecdsa_sign: { id: 'ecdsa', object: 0 },
  mbedtls_ecdsa_sign_det: { id: 'ecdsa', object: 0, args: { hash: 6 } },
  mbedtls_ecdsa_sign_det_ext: { id: 'ecdsa', object: 0, args: { hash: 6 } },
  mbedtls_ecdsa_verify: { id: 'ecdsa', object: 0 },
  mbedtls_ecdsa_write_signature: { id: 'ecdsa', object: 0, args: { hash: 1 } },
  mbedtls_ecdsa_read_signature: { id: 'ecdsa', object: 0 },
  mbedtls_ecdsa_from_keypair: { id: 'ecdsa', object: 0 },
  mbedtls_ecdh_setup: { id: 'ecdh', object: 0, establishes: true, args: { curve: 1 } },
  mbedtls_ecdh_gen_public: { id: 'ecdh', object: 0 },
  mbedtls_ecdh_compute_shared: { id: 'ecdh', object: 0 },
  mbedtls_ecdh_make_params: { id: 'ecdh', object: 0 },
  mbedtls_ecdh_make_public: { id: 'ecdh', object: 0 },
  mbedtls_ecdh_calc_secret: { id: 'ecdh', object: 0 },
  // Finite-field Diffie-Hellman (dhm.h).
  mbedtls_dhm_set_group: { id: 'dh', object: 0 },
  mbedtls_dhm_make_params: { id: 'dh', object: 0 },
  mbedtls_dhm_make_public: { id: 'dh', object: 0 },
  mbedtls_dhm_calc_secret: { id: 'dh', object: 0 },
  // Symmetric ciphers (cipher.h, aes.h, gcm.h, ccm.h, chachapoly.h …).
  // A cipher chosen by name or type at run time is one of the library's ciphers (cipher.h mbedtls_cipher_type_t).
  mbedtls_cipher_setup: { object: 0, establishes: true, args: { alg: 1 }, candidates: CIPHERS },
  mbedtls_aes_setkey_enc: { id: 'aes', object: 0, args: { secret: 1, keyBits: 2 } },
  mbedtls_aes_setkey_dec: { id: 'aes', object: 0, args: { secret: 1, keyBits: 2 } },
  mbedtls_aes_xts_setkey_enc: { id: 'aes', mode: 'xts', object: 0, args: { secret: 1 } },
  mbedtls_aes_xts_setkey_dec: { id: 'aes', mode: 'xts', object: 0, args: { secret: 1 } },
  mbedtls_aes_crypt_ecb: { id: 'aes', mode: 'ecb', object: 0 },
  mbedtls_aes_crypt_cbc: { id: 'aes', mode: 'cbc', object: 0 },
  mbedtls_aes_crypt_ctr: { id: 'aes', mode: 'ctr', object: 0 },
  mbedtls_aes_crypt_cfb128: { id: 'aes', mode: 'cfb', object: 0 },
  mbedtls_aes_crypt_cfb8: { id: 'aes', mode: 'cfb', object: 0 },
  mbedtls_aes_crypt_ofb: { id: 'aes', mode: 'ofb', object: 0 },
  mbedtls_aes_crypt_xts: { id: 'aes', mode: 'xts', object: 0 },
  mbedtls_gcm_setkey: { mode: 'gcm', object: 0, args: { secret: 2, alg: 1, keyBits: 3 } },
  mbedtls_gcm_crypt_and_tag: { mode: 'gcm', object: 0 },
  mbedtls_gcm_auth_decrypt: { mode: 'gcm', object: 0 },
  mbedtls_ccm_setkey: { mode: 'ccm', object: 0, args: { secret: 2, alg: 1, keyBits: 3 } },
  mbedtls_ccm_encrypt_and_tag: { mode: 'ccm', object: 0 },
  mbedtls_ccm_auth_decrypt: { mode: 'ccm', object: 0 },
  mbedtls_ccm_star_encrypt_and_tag: { mode: 'ccm', object: 0 },
  mbedtls_chachapoly_setkey: { id: 'chacha20-poly1305', args: { secret: 1 } },
  mbedtls_chachapoly_encrypt_and_tag: { id: 'chacha20-poly1305' },
  mbedtls_chachapoly_auth_decrypt: { id: 'chacha20-poly1305' },
  mbedtls_chacha20_setkey: { id: 'chacha20', args: { secret: 1 } },
  mbedtls_chacha20_crypt: { id: 'chacha20' },
  mbedtls_poly1305_mac: { id: 'poly1305' },
  mbedtls_des_setkey_enc: { id: 'des', args: { secret: 1 } },
  mbedtls_des_setkey_dec: { id: 'des', args: { secret: 1 } },
  mbedtls_des3_set2key_enc: { id: '3des', keyBits: 112 },
  mbedtls_des3_set2key_dec: { id: '3des', keyBits: 112 },
  mbedtls_des3_set3key_enc: { id: '3des', keyBits: 168 },
  mbedtls_des3_set3key_dec: { id: '3des', keyBits: 168 },
  mbedtls_arc4_setup: { id: 'rc4' },
  mbedtls_blowfish_setkey: { id: 'blowfish', args: { secret: 1 } },
  mbedtls_camellia_setkey_enc: { id: 'camellia', args: { secret: 1, keyBits: 2 } },
  mbedtls_camellia_setkey_dec: { id: 'camellia', args: { secret: 1, keyBits: 2 } },
  mbedtls_aria_setkey_enc: { id: 'aria', args: { secret: 1, keyBits: 2 } },
  mbedtls_aria_setkey_dec: { id: 'aria', args: { secret: 1, keyBits: 2 } },
  mbedtls_cipher_cmac_starts: { id: 'cmac', args: { keyBits: 2 } },
  mbedtls_cipher_cmac: { id: 'cmac', args: { keyBits: 2 } },
  mbedtls_aes_cmac_prf_128: { id: 'cmac', keyBits: 128 },
  // Message digests (md.h and the per-hash modules). The is224/is384 flag picks the truncated variant.
  mbedtls_md: { args: { alg: 0 }, candidates: DIGEST_SET },
  // The third argument asks for HMAC over the digest (md.h: `hmac` non-zero).
  mbedtls_md_setup: { object: 0, establishes: true, args: { alg: 1, hmacFlag: 2 }, candidates: DIGEST_SET },
  mbedtls_md_hmac: { id: 'hmac', args: { secret: 1, hash: 0 } },
  mbedtls_md_hmac_starts: { id: 'hmac', object: 0, args: { secret: 1 } },
  mbedtls_md_file: { args: { alg: 0 } },
  mbedtls_sha256: { args: { alg: 3 }, byValue: SHA256_VARIANTS, referenceAs: { id: 'sha-256' } },
  mbedtls_sha256_ret: { args: { alg: 3 }, byValue: SHA256_VARIANTS, referenceAs: { id: 'sha-256' } },
  mbedtls_sha256_starts: { args: { alg: 1 }, byValue: SHA256_VARIANTS, referenceAs: { id: 'sha-256' } },
  mbedtls_sha256_starts_ret: { args: { alg: 1 }, byValue: SHA256_VARIANTS, referenceAs: { id: 'sha-256' } },
  mbedtls_sha512: { args: { alg: 3 }, byValue: SHA512_VARIANTS, referenceAs: { id: 'sha-512' } },
  mbedtls_sha512_ret: { args: { alg: 3 }, byValue: SHA512_VARIANTS, referenceAs: { id: 'sha-512' } },
  mbedtls_sha512_starts: { args: { alg: 1 }, byValue: SHA512_VARIANTS, referenceAs: { id: 'sha-512' } },
  mbedtls_sha512_starts_ret: { args: { alg: 1 }, byValue: SHA512_VARIANTS, referenceAs: { id: 'sha-512' } },
  mbedtls_sha1: { id: 'sha-1' },
  mbedtls_sha1_ret: { id: 'sha-1' },
  mbedtls_sha1_starts: { id: 'sha-1' },
  mbedtls_sha1_starts_ret: { id: 'sha-1' },
  mbedtls_md5: { id: 'md5' },
  mbedtls_md5_ret: { id: 'md5' },
  mbedtls_md5_starts: { id: 'md5' },
  mbedtls_md5_starts_ret: { id: 'md5' },
  mbedtls_ripemd160: { id: 'ripemd-160' },
  mbedtls_sha3: { args: { alg: 0 } },
  mbedtls_sha3_starts: { object: 0, args: { alg: 1 } },
  // KDFs and DRBGs.
  mbedtls_hkdf: { id: 'hkdf', args: { hash: 0 } },
  mbedtls_hkdf_extract: { id: 'hkdf', args: { hash: 0 } },
  mbedtls_pkcs5_pbkdf2_hmac_ext: { id: 'pbkdf2', args: { secret: 1, hash: 0 } },
  mbedtls_pkcs5_pbkdf2_hmac: { id: 'pbkdf2', object: 0, args: { secret: 1 } },
  mbedtls_ctr_drbg_seed: { id: 'ctr-drbg' },
  mbedtls_hmac_drbg_seed: { id: 'hmac-drbg', args: { hash: 1 } },
  mbedtls_hmac_drbg_seed_buf: { id: 'hmac-drbg', args: { hash: 1 } },
  // Certificate writing: the signature hash chosen for issued certificates and CSRs.
  mbedtls_x509write_crt_set_md_alg: { args: { alg: 1 } },
  mbedtls_x509write_csr_set_md_alg: { args: { alg: 1 } },
  // Writing a certificate or CSR signs it with the key set on the writer (x509_crt.h, x509_csr.h).
  mbedtls_x509write_crt_pem: { object: 0, signs: true, candidates: PK_SIGNATURES },
  mbedtls_x509write_crt_der: { object: 0, signs: true, candidates: PK_SIGNATURES },
  mbedtls_x509write_csr_pem: { object: 0, signs: true, candidates: PK_SIGNATURES },
  mbedtls_x509write_csr_der: { object: 0, signs: true, candidates: PK_SIGNATURES },
  // LMS (lms.h, Mbed TLS 3.3+).
  mbedtls_lms_generate_private_key: { id: 'lms', args: { parameterSet: 1 } },
  mbedtls_lms_import_public_key: { id: 'lms' },
  mbedtls_lms_verify: { id: 'lms' },
  mbedtls_lms_sign: { id: 'lms' },
  // TLS configuration (ssl.h): suite and group lists.
  mbedtls_ssl_conf_ciphersuites: { args: { suites: 1 } },
  mbedtls_ssl_conf_ciphersuites_for_version: { args: { suites: 1 } },
  mbedtls_ssl_conf_groups: { args: { groups: 1 } },
  mbedtls_ssl_conf_curves: { args: { groups: 1 } },
  mbedtls_ssl_conf_sig_algs: { args: { sigalgs: 1 } },
};

export const mbedtlsTable: LibraryTable = Object.freeze({
  library: 'mbedTLS',
  source: SOURCE,
  functions: Object.freeze(functions),
  symbols: Object.freeze(symbols()),
  constructors: Object.freeze({
    mbedtls_md_info_from_type: { innerArg: 0 },
    mbedtls_md_info_from_string: { innerArg: 0 },
    mbedtls_cipher_info_from_type: { innerArg: 0 },
    mbedtls_pk_info_from_type: { innerArg: 0 },
    mbedtls_cipher_info_from_string: { innerArg: 0 },
  }),
  names: Object.freeze({}),
});
