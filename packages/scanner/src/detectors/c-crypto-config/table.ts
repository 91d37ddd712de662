/**
 * Build-configuration options that enable or disable algorithms, per library, plus the rules that
 * say which files are configuration. Sources per row group: Mbed TLS include/mbedtls/mbedtls_config.h
 * (3.6) and config.h (2.28); PSA Crypto API / Mbed TLS docs/proposed/psa-conditional-inclusion-c.md
 * (PSA_WANT_*); wolfSSL Manual ch. 2 "Building wolfSSL" (build options) and wolfssl/wolfcrypt/settings.h;
 * MCUboot docs/design.md and boot/zephyr/Kconfig; mlkem-native / mldsa-native config.h.
 */
import type { ConfigFileRule, OptionRow, RefPart } from '../../c/knowledge.js';
import { PROJECT_OPTIONS, PROJECT_RULES } from './projects.js';

const rows: OptionRow[] = [];
const add = (
  library: string,
  effect: OptionRow['effect'],
  entries: Readonly<Record<string, RefPart | readonly RefPart[]>>,
) => {
  for (const [name, a] of Object.entries(entries)) {
    rows.push({ name, library, effect, algorithms: Array.isArray(a) ? (a as RefPart[]) : [a as RefPart] });
  }
};

const MBED_CURVES: Readonly<Record<string, RefPart>> = {
  SECP192R1: { id: 'ec', curve: 'p-192' },
  SECP224R1: { id: 'ec', curve: 'p-224' },
  SECP256R1: { id: 'ec', curve: 'p-256' },
  SECP384R1: { id: 'ec', curve: 'p-384' },
  SECP521R1: { id: 'ec', curve: 'p-521' },
  SECP192K1: { id: 'ec', curve: 'secp192k1' },
  SECP224K1: { id: 'ec', curve: 'secp224k1' },
  SECP256K1: { id: 'ec', curve: 'secp256k1' },
  BP256R1: { id: 'ec', curve: 'brainpoolp256r1' },
  BP384R1: { id: 'ec', curve: 'brainpoolp384r1' },
  BP512R1: { id: 'ec', curve: 'brainpoolp512r1' },
  CURVE25519: { id: 'x25519', curve: 'curve25519' },
  CURVE448: { id: 'x448', curve: 'curve448' },
};

// Mbed TLS (mbedtls_config.h).
add('mbedTLS', 'enable', {
  MBEDTLS_RSA_C: { id: 'rsa' },
  // PKCS#1 v1.5 padding for both signatures and encryption (mbedtls_config.h: "Enable support for PKCS#1
  // v1.5 encoding. Requires: MBEDTLS_RSA_C. This enables support for PKCS#1 v1.5 operations.").
  MBEDTLS_PKCS1_V15: [{ id: 'rsa-pkcs1v15' }, { id: 'rsaes-pkcs1v15' }],
  MBEDTLS_PKCS1_V21: [{ id: 'rsa-pss' }, { id: 'rsa-oaep' }],
  MBEDTLS_ECDSA_C: { id: 'ecdsa' },
  MBEDTLS_ECDSA_DETERMINISTIC: { id: 'ecdsa' },
  MBEDTLS_ECDH_C: { id: 'ecdh' },
  MBEDTLS_ECP_C: { id: 'ec' },
  MBEDTLS_DHM_C: { id: 'dh' },
  MBEDTLS_AES_C: { id: 'aes' },
  // TF-PSA-Crypto / Mbed TLS 3.x: "Use only 128-bit keys in AES operations" (the only AES key size built).
  MBEDTLS_AES_ONLY_128_BIT_KEY_LENGTH: { id: 'aes', keyBits: 128 },
  MBEDTLS_DES_C: [{ id: 'des' }, { id: '3des' }],
  MBEDTLS_ARC4_C: { id: 'rc4' },
  MBEDTLS_BLOWFISH_C: { id: 'blowfish' },
  MBEDTLS_CAMELLIA_C: { id: 'camellia' },
  MBEDTLS_ARIA_C: { id: 'aria' },
  MBEDTLS_CHACHA20_C: { id: 'chacha20' },
  MBEDTLS_CHACHAPOLY_C: { id: 'chacha20-poly1305' },
  MBEDTLS_POLY1305_C: { id: 'poly1305' },
  MBEDTLS_GCM_C: { id: 'aes', mode: 'gcm' },
  MBEDTLS_CCM_C: { id: 'aes', mode: 'ccm' },
  MBEDTLS_CIPHER_MODE_CBC: { id: 'aes', mode: 'cbc' },
  MBEDTLS_CIPHER_MODE_CTR: { id: 'aes', mode: 'ctr' },
  MBEDTLS_CIPHER_MODE_CFB: { id: 'aes', mode: 'cfb' },
  MBEDTLS_CIPHER_MODE_OFB: { id: 'aes', mode: 'ofb' },
  MBEDTLS_CIPHER_MODE_XTS: { id: 'aes', mode: 'xts' },
  MBEDTLS_NIST_KW_C: { id: 'aes', mode: 'kw' },
  MBEDTLS_CMAC_C: { id: 'cmac' },
  MBEDTLS_MD2_C: { id: 'md2' },
  MBEDTLS_MD4_C: { id: 'md4' },
  MBEDTLS_MD5_C: { id: 'md5' },
  MBEDTLS_SHA1_C: { id: 'sha-1' },
  MBEDTLS_SHA224_C: { id: 'sha-224' },
  MBEDTLS_SHA256_C: { id: 'sha-256' },
  MBEDTLS_SHA384_C: { id: 'sha-384' },
  MBEDTLS_SHA512_C: { id: 'sha-512' },
  MBEDTLS_SHA3_C: [{ id: 'sha3-256' }, { id: 'sha3-384' }, { id: 'sha3-512' }],
  MBEDTLS_RIPEMD160_C: { id: 'ripemd-160' },
  MBEDTLS_HKDF_C: { id: 'hkdf' },
  MBEDTLS_PKCS5_C: { id: 'pbkdf2' },
  MBEDTLS_PKCS12_C: { id: 'pkcs12-pbe' },
  MBEDTLS_CTR_DRBG_C: { id: 'ctr-drbg' },
  MBEDTLS_HMAC_DRBG_C: { id: 'hmac-drbg' },
  MBEDTLS_XTEA_C: { id: 'xtea' },
  MBEDTLS_ECJPAKE_C: { id: 'ec', curve: 'p-256', parameterSet: 'ecjpake' },
  MBEDTLS_KEY_EXCHANGE_ECJPAKE_ENABLED: { id: 'ec', curve: 'p-256', parameterSet: 'ecjpake' },
  MBEDTLS_X509_RSASSA_PSS_SUPPORT: { id: 'rsa-pss' },
  MBEDTLS_LMS_C: { id: 'lms' },
  MBEDTLS_LMS_PRIVATE: { id: 'lms' },
  MBEDTLS_KEY_EXCHANGE_RSA_ENABLED: { id: 'rsa', parameterSet: 'TLS static RSA key exchange' },
  MBEDTLS_KEY_EXCHANGE_DHE_RSA_ENABLED: [{ id: 'dh' }, { id: 'rsa' }],
  MBEDTLS_KEY_EXCHANGE_ECDHE_RSA_ENABLED: [{ id: 'ecdh' }, { id: 'rsa' }],
  MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED: [{ id: 'ecdh' }, { id: 'ecdsa' }],
  MBEDTLS_KEY_EXCHANGE_ECDH_ECDSA_ENABLED: [{ id: 'ecdh' }, { id: 'ecdsa' }],
  MBEDTLS_KEY_EXCHANGE_ECDH_RSA_ENABLED: [{ id: 'ecdh' }, { id: 'rsa' }],
  MBEDTLS_KEY_EXCHANGE_RSA_PSK_ENABLED: { id: 'rsa' },
  MBEDTLS_KEY_EXCHANGE_DHE_PSK_ENABLED: { id: 'dh' },
  MBEDTLS_KEY_EXCHANGE_ECDHE_PSK_ENABLED: { id: 'ecdh' },
  ...Object.fromEntries(Object.entries(MBED_CURVES).map(([k, v]) => [`MBEDTLS_ECP_DP_${k}_ENABLED`, v])),
  // TF-PSA-Crypto / Mbed TLS 3.6 builtin driver: the p256-m implementation of ECDH and ECDSA on P-256
  // (mbedtls_config.h "MBEDTLS_PSA_P256M_DRIVER_ENABLED").
  MBEDTLS_PSA_P256M_DRIVER_ENABLED: { id: 'ec', curve: 'p-256' },
});
// Mbed TLS 2.x config.h: "Remove RC4 ciphersuites by default in SSL / TLS".
add('mbedTLS', 'disable', { MBEDTLS_REMOVE_ARC4_CIPHERSUITES: { id: 'rc4' } });

// PSA Crypto (PSA_WANT_*), also reachable from Kconfig as CONFIG_PSA_WANT_*.
const PSA_HASHES = [
  'MD5',
  'RIPEMD160',
  'SHA_1',
  'SHA_224',
  'SHA_256',
  'SHA_384',
  'SHA_512',
  'SHA3_224',
  'SHA3_256',
  'SHA3_384',
  'SHA3_512',
];
const psaHashId = (h: string): string =>
  h === 'MD5'
    ? 'md5'
    : h === 'RIPEMD160'
      ? 'ripemd-160'
      : h.replace('SHA3_', 'sha3-').replace('SHA_', 'sha-').toLowerCase();
add('PSA Crypto', 'enable', {
  ...Object.fromEntries(PSA_HASHES.map((h) => [`PSA_WANT_ALG_${h}`, { id: psaHashId(h) }])),
  PSA_WANT_ALG_ECDSA: { id: 'ecdsa' },
  PSA_WANT_ALG_DETERMINISTIC_ECDSA: { id: 'ecdsa' },
  PSA_WANT_ALG_ECDH: { id: 'ecdh' },
  PSA_WANT_ALG_FFDH: { id: 'dh' },
  PSA_WANT_ALG_RSA_PKCS1V15_SIGN: { id: 'rsa-pkcs1v15' },
  PSA_WANT_ALG_RSA_PKCS1V15_CRYPT: { id: 'rsaes-pkcs1v15' },
  PSA_WANT_ALG_RSA_PSS: { id: 'rsa-pss' },
  PSA_WANT_ALG_RSA_OAEP: { id: 'rsa-oaep' },
  PSA_WANT_ALG_PURE_EDDSA: { id: 'ed25519' },
  PSA_WANT_ALG_ED25519PH: { id: 'ed25519' },
  PSA_WANT_ALG_ED448PH: { id: 'ed448' },
  PSA_WANT_ALG_HMAC: { id: 'hmac' },
  PSA_WANT_ALG_HKDF: { id: 'hkdf' },
  PSA_WANT_ALG_PBKDF2_HMAC: { id: 'pbkdf2' },
  PSA_WANT_ALG_TLS12_PRF: { id: 'tls-prf' },
  PSA_WANT_ALG_CMAC: { id: 'cmac' },
  // NIST SP 800-108 counter-mode KDFs (PSA Crypto API 1.2, PSA_ALG_SP800_108_COUNTER_CMAC/_HMAC).
  PSA_WANT_ALG_SP800_108_COUNTER_CMAC: { id: 'cmac' },
  PSA_WANT_ALG_SP800_108_COUNTER_HMAC: { id: 'hmac' },
  PSA_WANT_ALG_GCM: { id: 'aes', mode: 'gcm' },
  PSA_WANT_ALG_CCM: { id: 'aes', mode: 'ccm' },
  PSA_WANT_ALG_CBC_NO_PADDING: { id: 'aes', mode: 'cbc' },
  PSA_WANT_ALG_CBC_PKCS7: { id: 'aes', mode: 'cbc' },
  PSA_WANT_ALG_CTR: { id: 'aes', mode: 'ctr' },
  PSA_WANT_ALG_ECB_NO_PADDING: { id: 'aes', mode: 'ecb' },
  PSA_WANT_ALG_CFB: { id: 'aes', mode: 'cfb' },
  PSA_WANT_ALG_OFB: { id: 'aes', mode: 'ofb' },
  PSA_WANT_ALG_XTS: { id: 'aes', mode: 'xts' },
  PSA_WANT_ALG_CCM_STAR_NO_TAG: { id: 'aes', mode: 'ccm' },
  PSA_WANT_ALG_MD2: { id: 'md2' },
  PSA_WANT_ALG_MD4: { id: 'md4' },
  PSA_WANT_ALG_TLS12_PSK_TO_MS: { id: 'tls-prf' },
  PSA_WANT_ALG_PBKDF2_AES_CMAC_PRF_128: { id: 'pbkdf2' },
  PSA_WANT_ALG_JPAKE: { id: 'ec', parameterSet: 'ecjpake' },
  PSA_WANT_KEY_TYPE_ARC4: { id: 'rc4' },
  PSA_WANT_KEY_TYPE_HMAC: { id: 'hmac' },
  PSA_WANT_ECC_SECP_K1_192: { id: 'ec', curve: 'secp192k1' },
  PSA_WANT_ECC_SECP_K1_224: { id: 'ec', curve: 'secp224k1' },
  PSA_WANT_KEY_TYPE_ECC_KEY_PAIR: { id: 'ec' },
  PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_IMPORT: { id: 'ec' },
  PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_EXPORT: { id: 'ec' },
  PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_GENERATE: { id: 'ec' },
  PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_DERIVE: { id: 'ec' },
  PSA_WANT_KEY_TYPE_RSA_KEY_PAIR: { id: 'rsa' },
  PSA_WANT_KEY_TYPE_RSA_KEY_PAIR_IMPORT: { id: 'rsa' },
  PSA_WANT_KEY_TYPE_RSA_KEY_PAIR_EXPORT: { id: 'rsa' },
  PSA_WANT_KEY_TYPE_DH_KEY_PAIR_BASIC: { id: 'dh' },
  PSA_WANT_KEY_TYPE_DH_KEY_PAIR_IMPORT: { id: 'dh' },
  PSA_WANT_KEY_TYPE_DH_KEY_PAIR_EXPORT: { id: 'dh' },
  PSA_WANT_KEY_TYPE_DH_KEY_PAIR_GENERATE: { id: 'dh' },
  PSA_WANT_KEY_TYPE_DH_PUBLIC_KEY: { id: 'dh' },
  PSA_WANT_ALG_CHACHA20_POLY1305: { id: 'chacha20-poly1305' },
  PSA_WANT_ALG_ML_DSA: [{ id: 'ml-dsa-44' }, { id: 'ml-dsa-65' }, { id: 'ml-dsa-87' }],
  PSA_WANT_ALG_ML_KEM: [{ id: 'ml-kem-512' }, { id: 'ml-kem-768' }, { id: 'ml-kem-1024' }],
  PSA_WANT_ECC_SECP_R1_192: { id: 'ec', curve: 'p-192' },
  PSA_WANT_ECC_SECP_R1_224: { id: 'ec', curve: 'p-224' },
  PSA_WANT_ECC_SECP_R1_256: { id: 'ec', curve: 'p-256' },
  PSA_WANT_ECC_SECP_R1_384: { id: 'ec', curve: 'p-384' },
  PSA_WANT_ECC_SECP_R1_521: { id: 'ec', curve: 'p-521' },
  PSA_WANT_ECC_SECP_K1_256: { id: 'ec', curve: 'secp256k1' },
  PSA_WANT_ECC_BRAINPOOL_P_R1_256: { id: 'ec', curve: 'brainpoolp256r1' },
  PSA_WANT_ECC_BRAINPOOL_P_R1_384: { id: 'ec', curve: 'brainpoolp384r1' },
  PSA_WANT_ECC_BRAINPOOL_P_R1_512: { id: 'ec', curve: 'brainpoolp512r1' },
  PSA_WANT_ECC_MONTGOMERY_255: { id: 'x25519', curve: 'curve25519' },
  PSA_WANT_ECC_MONTGOMERY_448: { id: 'x448', curve: 'curve448' },
  PSA_WANT_ECC_TWISTED_EDWARDS_255: { id: 'ed25519' },
  PSA_WANT_ECC_TWISTED_EDWARDS_448: { id: 'ed448' },
  PSA_WANT_KEY_TYPE_RSA_KEY_PAIR_BASIC: { id: 'rsa' },
  PSA_WANT_KEY_TYPE_RSA_KEY_PAIR_GENERATE: { id: 'rsa' },
  PSA_WANT_KEY_TYPE_RSA_PUBLIC_KEY: { id: 'rsa' },
  PSA_WANT_KEY_TYPE_AES: { id: 'aes' },
  PSA_WANT_KEY_TYPE_ARIA: { id: 'aria' },
  PSA_WANT_KEY_TYPE_CAMELLIA: { id: 'camellia' },
  PSA_WANT_KEY_TYPE_DES: { id: '3des' },
  PSA_WANT_KEY_TYPE_CHACHA20: { id: 'chacha20' },
  PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_BASIC: { id: 'ec' },
  PSA_WANT_KEY_TYPE_ECC_PUBLIC_KEY: { id: 'ec' },
  PSA_WANT_DH_RFC7919_2048: { id: 'dh', keyBits: 2048, parameterSet: 'ffdhe2048' },
  PSA_WANT_DH_RFC7919_3072: { id: 'dh', keyBits: 3072, parameterSet: 'ffdhe3072' },
  PSA_WANT_DH_RFC7919_4096: { id: 'dh', keyBits: 4096, parameterSet: 'ffdhe4096' },
  PSA_WANT_DH_RFC7919_6144: { id: 'dh', keyBits: 6144, parameterSet: 'ffdhe6144' },
  PSA_WANT_DH_RFC7919_8192: { id: 'dh', keyBits: 8192, parameterSet: 'ffdhe8192' },
  PSA_WANT_ALG_CBC_MAC: { id: 'aes', mode: 'cbc-mac' },
  PSA_WANT_ALG_HKDF_EXTRACT: { id: 'hkdf' },
  PSA_WANT_ALG_HKDF_EXPAND: { id: 'hkdf' },
  // PSA's only stream cipher is ChaCha20.
  PSA_WANT_ALG_STREAM_CIPHER: { id: 'chacha20' },
  PSA_WANT_KEY_TYPE_RSA_KEY_PAIR_DERIVE: { id: 'rsa' },
  PSA_WANT_KEY_TYPE_DH_KEY_PAIR_DERIVE: { id: 'dh' },
});

// wolfSSL (user_settings.h, options.h, configure flags).
add('wolfCrypt', 'enable', {
  HAVE_ECC: { id: 'ec' },
  HAVE_CURVE25519: { id: 'x25519' },
  HAVE_ED25519: { id: 'ed25519' },
  HAVE_CURVE448: { id: 'x448' },
  HAVE_ED448: { id: 'ed448' },
  HAVE_AESGCM: { id: 'aes', mode: 'gcm' },
  HAVE_AESCCM: { id: 'aes', mode: 'ccm' },
  HAVE_AES_CBC: { id: 'aes', mode: 'cbc' },
  WOLFSSL_AES_COUNTER: { id: 'aes', mode: 'ctr' },
  WOLFSSL_AES_XTS: { id: 'aes', mode: 'xts' },
  HAVE_CHACHA: { id: 'chacha20' },
  HAVE_POLY1305: { id: 'poly1305' },
  WOLFSSL_SHA224: { id: 'sha-224' },
  WOLFSSL_SHA384: { id: 'sha-384' },
  WOLFSSL_SHA512: { id: 'sha-512' },
  // wolfcrypt/src/sha3.c builds SHA3-224 too unless WOLFSSL_NOSHA3_224.
  WOLFSSL_SHA3: [{ id: 'sha3-224' }, { id: 'sha3-256' }, { id: 'sha3-384' }, { id: 'sha3-512' }],
  WOLFSSL_SHAKE128: { id: 'shake128' },
  WOLFSSL_SHAKE256: { id: 'shake256' },
  HAVE_HKDF: { id: 'hkdf' },
  WOLFSSL_CMAC: { id: 'cmac' },
  WC_RSA_PSS: { id: 'rsa-pss' },
  HAVE_FFDHE_2048: { id: 'dh', keyBits: 2048, parameterSet: 'ffdhe2048' },
  HAVE_FFDHE_3072: { id: 'dh', keyBits: 3072, parameterSet: 'ffdhe3072' },
  HAVE_FFDHE_4096: { id: 'dh', keyBits: 4096, parameterSet: 'ffdhe4096' },
  HAVE_FFDHE_6144: { id: 'dh', keyBits: 6144, parameterSet: 'ffdhe6144' },
  HAVE_FFDHE_8192: { id: 'dh', keyBits: 8192, parameterSet: 'ffdhe8192' },
  HAVE_ECC192: { id: 'ec', curve: 'p-192' },
  HAVE_ECC224: { id: 'ec', curve: 'p-224' },
  HAVE_ECC256: { id: 'ec', curve: 'p-256' },
  HAVE_ECC384: { id: 'ec', curve: 'p-384' },
  HAVE_ECC521: { id: 'ec', curve: 'p-521' },
  HAVE_HASHDRBG: { id: 'hash-drbg' },
  WOLFSSL_HAVE_MLKEM: [{ id: 'ml-kem-512' }, { id: 'ml-kem-768' }, { id: 'ml-kem-1024' }],
  WOLFSSL_WC_MLKEM: [{ id: 'ml-kem-512' }, { id: 'ml-kem-768' }, { id: 'ml-kem-1024' }],
  WOLFSSL_HAVE_KYBER: [{ id: 'kyber-512' }, { id: 'kyber-768' }, { id: 'kyber-1024' }],
  WOLFSSL_WC_KYBER: [{ id: 'kyber-512' }, { id: 'kyber-768' }, { id: 'kyber-1024' }],
  HAVE_DILITHIUM: [{ id: 'ml-dsa-44' }, { id: 'ml-dsa-65' }, { id: 'ml-dsa-87' }],
  // wolfSSL 5.7.4+ names for ML-DSA (wolfssl/wolfcrypt/settings.h maps them to HAVE_DILITHIUM).
  WOLFSSL_HAVE_MLDSA: [{ id: 'ml-dsa-44' }, { id: 'ml-dsa-65' }, { id: 'ml-dsa-87' }],
  WOLFSSL_WC_MLDSA: [{ id: 'ml-dsa-44' }, { id: 'ml-dsa-65' }, { id: 'ml-dsa-87' }],
  WOLFSSL_WC_DILITHIUM: [{ id: 'ml-dsa-44' }, { id: 'ml-dsa-65' }, { id: 'ml-dsa-87' }],
  HAVE_FALCON: [{ id: 'falcon-512' }, { id: 'falcon-1024' }],
  HAVE_SPHINCS: { id: 'sphincs-plus' },
  WOLFSSL_HAVE_LMS: { id: 'lms' },
  WOLFSSL_WC_LMS: { id: 'lms' },
  WOLFSSL_HAVE_XMSS: { id: 'xmss' },
  WOLFSSL_WC_XMSS: { id: 'xmss' },
  HAVE_AES_ECB: { id: 'aes', mode: 'ecb' },
  WOLFSSL_AES_DIRECT: { id: 'aes', mode: 'ecb' },
  HAVE_AES_KEYWRAP: { id: 'aes', mode: 'kw' },
  WOLFSSL_AES_CFB: { id: 'aes', mode: 'cfb' },
  WOLFSSL_AES_OFB: { id: 'aes', mode: 'ofb' },
  WOLFSSL_AES_SIV: { id: 'aes', mode: 'siv' },
  WOLFSSL_AESGCM_STREAM: { id: 'aes', mode: 'gcm' },
  HAVE_CAMELLIA: { id: 'camellia' },
  HAVE_XCHACHA: { id: 'xchacha20-poly1305' },
  HAVE_BLAKE2: { id: 'blake2b' },
  HAVE_BLAKE2B: { id: 'blake2b' },
  HAVE_BLAKE2S: { id: 'blake2s' },
  WOLFSSL_MD2: { id: 'md2' },
  WOLFSSL_RIPEMD: { id: 'ripemd-160' },
  WOLFSSL_DES_ECB: { id: 'des', mode: 'ecb' },
  WOLFSSL_ALLOW_RC4: { id: 'rc4' },
  HAVE_SCRYPT: { id: 'scrypt' },
  HAVE_ECC_BRAINPOOL: [
    { id: 'ec', curve: 'brainpoolp256r1' },
    { id: 'ec', curve: 'brainpoolp384r1' },
    { id: 'ec', curve: 'brainpoolp512r1' },
  ],
  HAVE_ECC_KOBLITZ: { id: 'ec', curve: 'secp256k1' },
  HAVE_ECC_ENCRYPT: { id: 'ecdh', parameterSet: 'ecies' },
  HAVE_ECC_CDH: { id: 'ecdh' },
  HAVE_X963_KDF: { id: 'x963-kdf' },
  WOLFSSL_SIPHASH: { id: 'siphash' },
  WOLFCRYPT_HAVE_SRP: { id: 'srp' },
  WOLFCRYPT_HAVE_ECCSI: { id: 'eccsi' },
  WOLFCRYPT_HAVE_SAKKE: { id: 'sakke' },
});
add('wolfCrypt', 'disable', {
  NO_RSA: { id: 'rsa' },
  NO_DH: { id: 'dh' },
  NO_DSA: { id: 'dsa' },
  NO_MD4: { id: 'md4' },
  NO_MD5: { id: 'md5' },
  NO_SHA: { id: 'sha-1' },
  NO_SHA256: { id: 'sha-256' },
  NO_AES: { id: 'aes' },
  NO_AES_CBC: { id: 'aes', mode: 'cbc' },
  NO_DES3: { id: '3des' },
  NO_RC4: { id: 'rc4' },
  NO_HMAC: { id: 'hmac' },
  // The wolfSSL and wolfBoot user_settings.h templates list it with the algorithms a minimal build leaves out.
  NO_CMAC: { id: 'cmac' },
  NO_SHA512: { id: 'sha-512' },
  NO_DES: { id: 'des' },
  NO_ECC256: { id: 'ec', curve: 'p-256' },
  NO_PWDBASED: [{ id: 'pbkdf2' }, { id: 'pbkdf1' }, { id: 'pkcs12-pbe' }],
  WC_NO_HASHDRBG: { id: 'hash-drbg' },
  WOLFSSL_NO_SHAKE128: { id: 'shake128' },
  WOLFSSL_NO_SHAKE256: { id: 'shake256' },
  WOLFSSL_NO_ML_KEM_512: { id: 'ml-kem-512' },
  WOLFSSL_NO_ML_KEM_768: { id: 'ml-kem-768' },
  WOLFSSL_NO_ML_KEM_1024: { id: 'ml-kem-1024' },
  WOLFSSL_NO_ML_DSA_44: { id: 'ml-dsa-44' },
  WOLFSSL_NO_ML_DSA_65: { id: 'ml-dsa-65' },
  WOLFSSL_NO_ML_DSA_87: { id: 'ml-dsa-87' },
});

// OpenSSL build configuration (include/openssl/configuration.h generated by Configure, 1.1
// opensslconf.h): `OPENSSL_NO_<ALG>` removes an algorithm. Source: OpenSSL INSTALL.md "no-<alg>" options.
add('OpenSSL', 'disable', {
  OPENSSL_NO_MD2: { id: 'md2' },
  OPENSSL_NO_MD4: { id: 'md4' },
  OPENSSL_NO_MD5: { id: 'md5' },
  OPENSSL_NO_MDC2: { id: 'mdc2' },
  OPENSSL_NO_RMD160: { id: 'ripemd-160' },
  OPENSSL_NO_WHIRLPOOL: { id: 'whirlpool' },
  OPENSSL_NO_BLAKE2: [{ id: 'blake2b' }, { id: 'blake2s' }],
  OPENSSL_NO_SM3: { id: 'sm3' },
  OPENSSL_NO_RC2: { id: 'rc2' },
  OPENSSL_NO_RC4: { id: 'rc4' },
  OPENSSL_NO_RC5: { id: 'rc5' },
  OPENSSL_NO_DES: [{ id: 'des' }, { id: '3des' }],
  OPENSSL_NO_IDEA: { id: 'idea' },
  OPENSSL_NO_SEED: { id: 'seed' },
  OPENSSL_NO_CAST: { id: 'cast5' },
  OPENSSL_NO_BF: { id: 'blowfish' },
  OPENSSL_NO_CAMELLIA: { id: 'camellia' },
  OPENSSL_NO_ARIA: { id: 'aria' },
  OPENSSL_NO_SM4: { id: 'sm4' },
  OPENSSL_NO_CHACHA: { id: 'chacha20' },
  OPENSSL_NO_POLY1305: { id: 'poly1305' },
  OPENSSL_NO_OCB: { id: 'aes', mode: 'ocb' },
  OPENSSL_NO_CMAC: { id: 'cmac' },
  OPENSSL_NO_SCRYPT: { id: 'scrypt' },
  OPENSSL_NO_RSA: { id: 'rsa' },
  OPENSSL_NO_DSA: { id: 'dsa' },
  OPENSSL_NO_DH: { id: 'dh' },
  OPENSSL_NO_EC: { id: 'ec' },
  OPENSSL_NO_ECDSA: { id: 'ecdsa' },
  OPENSSL_NO_ECDH: { id: 'ecdh' },
  OPENSSL_NO_SM2: { id: 'sm2' },
  OPENSSL_NO_ECX: [{ id: 'x25519' }, { id: 'x448' }, { id: 'ed25519' }, { id: 'ed448' }],
  OPENSSL_NO_ML_KEM: [{ id: 'ml-kem-512' }, { id: 'ml-kem-768' }, { id: 'ml-kem-1024' }],
  OPENSSL_NO_ML_DSA: [{ id: 'ml-dsa-44' }, { id: 'ml-dsa-65' }, { id: 'ml-dsa-87' }],
  OPENSSL_NO_SLH_DSA: { id: 'slh-dsa' },
});

// MCUboot image signing and encryption (mcuboot_config.h; Zephyr Kconfig CONFIG_BOOT_*).
add('MCUboot', 'enable', {
  MCUBOOT_SIGN_RSA: { id: 'rsa-pss', hash: 'sha-256' },
  MCUBOOT_SIGN_EC256: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
  MCUBOOT_SIGN_EC384: { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' },
  MCUBOOT_SIGN_ED25519: { id: 'ed25519' },
  MCUBOOT_ENCRYPT_RSA: { id: 'rsa-oaep' },
  MCUBOOT_ENCRYPT_EC256: { id: 'ecdh', curve: 'p-256' },
  MCUBOOT_ENCRYPT_X25519: { id: 'x25519' },
  MCUBOOT_ENCRYPT_KW: { id: 'aes', mode: 'kw' },
  MCUBOOT_SHA512: { id: 'sha-512' },
  MCUBOOT_SHA256: { id: 'sha-256' },
  MCUBOOT_AES_128: { id: 'aes', keyBits: 128 },
  MCUBOOT_AES_256: { id: 'aes', keyBits: 256 },
  MCUBOOT_HMAC_SHA512: { id: 'hmac', hash: 'sha-512' },
  CONFIG_BOOT_ENCRYPT_IMAGE: { id: 'aes', mode: 'ctr' },
  CONFIG_BOOT_ENCRYPT_ALG_AES_128: { id: 'aes', keyBits: 128 },
  CONFIG_BOOT_ENCRYPT_ALG_AES_256: { id: 'aes', keyBits: 256 },
  CONFIG_BOOT_HMAC_SHA512: { id: 'hmac', hash: 'sha-512' },
  CONFIG_BOOT_HMAC_SHA256: { id: 'hmac', hash: 'sha-256' },
  CONFIG_BOOT_SIGNATURE_TYPE_RSA: { id: 'rsa-pss', hash: 'sha-256' },
  CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
  CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P384: { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' },
  CONFIG_BOOT_SIGNATURE_TYPE_ED25519: { id: 'ed25519' },
  CONFIG_BOOT_ENCRYPT_RSA: { id: 'rsa-oaep' },
  CONFIG_BOOT_ENCRYPT_EC256: { id: 'ecdh', curve: 'p-256' },
  CONFIG_BOOT_ENCRYPT_X25519: { id: 'x25519' },
  CONFIG_BOOT_IMG_HASH_ALG_SHA256: { id: 'sha-256' },
  CONFIG_BOOT_IMG_HASH_ALG_SHA384: { id: 'sha-384' },
  CONFIG_BOOT_IMG_HASH_ALG_SHA512: { id: 'sha-512' },
});
rows.push(
  {
    name: 'MCUBOOT_SIGN_RSA_LEN',
    library: 'MCUboot',
    effect: 'enable',
    algorithms: [{ id: 'rsa-pss' }],
    value: 'keyBits',
  },
  {
    name: 'CONFIG_BOOT_SIGNATURE_TYPE_RSA_LEN',
    library: 'MCUboot',
    effect: 'enable',
    algorithms: [{ id: 'rsa-pss' }],
    value: 'keyBits',
  },
  {
    name: 'MLK_CONFIG_PARAMETER_SET',
    library: 'mlkem-native',
    selector: true,
    effect: 'enable',
    algorithms: [{ id: 'ml-kem-768' }],
    byValue: { '512': { id: 'ml-kem-512' }, '768': { id: 'ml-kem-768' }, '1024': { id: 'ml-kem-1024' } },
  },
  {
    name: 'MLD_CONFIG_PARAMETER_SET',
    library: 'mldsa-native',
    selector: true,
    effect: 'enable',
    algorithms: [{ id: 'ml-dsa-65' }],
    byValue: { '44': { id: 'ml-dsa-44' }, '65': { id: 'ml-dsa-65' }, '87': { id: 'ml-dsa-87' } },
  },
);

// TLS cipher-suite lists (Mbed TLS MBEDTLS_SSL_CIPHERSUITES): each suite's component algorithms.
rows.push({ name: 'MBEDTLS_SSL_CIPHERSUITES', library: 'mbedTLS', effect: 'enable', algorithms: [], suites: true });

// pq-crystals reference code (kyber ref/params.h KYBER_K, dilithium ref/config.h DILITHIUM_MODE): FIPS 203/204
// implemented under the pre-standard selector names, set by default in the source or with -D per build target.
rows.push(
  {
    name: 'KYBER_K',
    library: 'pq-crystals reference',
    selector: true,
    effect: 'enable',
    algorithms: [{ id: 'ml-kem-768' }],
    byValue: { '2': { id: 'ml-kem-512' }, '3': { id: 'ml-kem-768' }, '4': { id: 'ml-kem-1024' } },
  },
  {
    name: 'DILITHIUM_MODE',
    library: 'pq-crystals reference',
    selector: true,
    effect: 'enable',
    algorithms: [{ id: 'ml-dsa-65' }],
    byValue: { '2': { id: 'ml-dsa-44' }, '3': { id: 'ml-dsa-65' }, '5': { id: 'ml-dsa-87' } },
  },
);

// TF-M image signing (config/config_base.cmake, profiles): MCUboot via CMake cache variables.
rows.push(
  {
    name: 'MCUBOOT_SIGNATURE_TYPE',
    library: 'TF-M',
    effect: 'enable',
    algorithms: [{ id: 'rsa-pss' }],
    byString: {
      'RSA-2048': { id: 'rsa-pss', keyBits: 2048, hash: 'sha-256' },
      'RSA-3072': { id: 'rsa-pss', keyBits: 3072, hash: 'sha-256' },
      RSA: { id: 'rsa-pss', hash: 'sha-256' },
      'EC-P256': { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
      'EC-P384': { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' },
      EC: { id: 'ecdsa' },
      ED25519: { id: 'ed25519' },
    },
  },
  {
    name: 'MCUBOOT_SIGNATURE_KEY_LEN',
    library: 'TF-M',
    effect: 'enable',
    algorithms: [{ id: 'rsa-pss' }],
    value: 'keyBits',
  },
);
add('TF-M', 'enable', { MCUBOOT_ENC_IMAGES: { id: 'aes', mode: 'ctr' } });
// bl2/ext/mcuboot/mcuboot_default_config.cmake: "Length of the AES key for encrypting images" (128, 256).
rows.push({
  name: 'MCUBOOT_ENC_KEY_LEN',
  library: 'TF-M',
  effect: 'enable',
  algorithms: [{ id: 'aes' }],
  value: 'keyBits',
});

// Zephyr Kconfig names that differ from the C macros they drive.
add('mbedTLS', 'enable', {
  CONFIG_MBEDTLS_CIPHER_AES_ENABLED: { id: 'aes' },
  CONFIG_MBEDTLS_CIPHER_GCM_ENABLED: { id: 'aes', mode: 'gcm' },
  CONFIG_MBEDTLS_CIPHER_CCM_ENABLED: { id: 'aes', mode: 'ccm' },
  CONFIG_MBEDTLS_CIPHER_CHACHA20_ENABLED: { id: 'chacha20' },
  CONFIG_MBEDTLS_CIPHER_DES_ENABLED: { id: 'des' },
  CONFIG_MBEDTLS_CIPHER_CAMELLIA_ENABLED: { id: 'camellia' },
  CONFIG_MBEDTLS_MAC_MD5_ENABLED: { id: 'md5' },
  CONFIG_MBEDTLS_MAC_SHA1_ENABLED: { id: 'sha-1' },
  CONFIG_MBEDTLS_MAC_SHA256_ENABLED: { id: 'sha-256' },
  CONFIG_MBEDTLS_MAC_SHA384_ENABLED: { id: 'sha-384' },
  CONFIG_MBEDTLS_MAC_SHA512_ENABLED: { id: 'sha-512' },
  // Zephyr modules/mbedtls/Kconfig.mbedtls: the hash and CTR-mode symbols that MCUboot's boot/zephyr/Kconfig
  // and Golioth's port/zephyr/Kconfig select (MBEDTLS_SHA256 drives MBEDTLS_SHA256_C in config-mbedtls.h).
  CONFIG_MBEDTLS_SHA256: { id: 'sha-256' },
  CONFIG_MBEDTLS_SHA384: { id: 'sha-384' },
  CONFIG_MBEDTLS_SHA512: { id: 'sha-512' },
  CONFIG_MBEDTLS_CIPHER_MODE_CTR_ENABLED: { id: 'aes', mode: 'ctr' },
});

export const OPTIONS: readonly OptionRow[] = Object.freeze([...rows, ...PROJECT_OPTIONS]);
export const OPTION_BY_NAME: ReadonlyMap<string, OptionRow> = new Map(OPTIONS.map((r) => [r.name, r]));

/** Defines that look like options of a library but are not algorithm switches (no typo warning). */
export const KNOWN_NON_ALGORITHM = new Set([
  'HAVE_ECH',
  'HAVE_TLS_EXTENSIONS',
  'HAVE_SNI',
  'HAVE_OCSP',
  'HAVE_CRL',
  'NO_FILESYSTEM',
  'NO_WRITEV',
  'NO_MAIN_DRIVER',
  'NO_DEV_RANDOM',
  'NO_OLD_TLS',
  'NO_PSK',
  'NO_SESSION_CACHE',
  'NO_ERROR_STRINGS',
  'NO_ASN_TIME',
  'NO_INLINE',
  'MBEDTLS_SSL_TLS_C',
  'MBEDTLS_SSL_CLI_C',
  'MBEDTLS_SSL_SRV_C',
  'MBEDTLS_NET_C',
  'MBEDTLS_FS_IO',
  'MBEDTLS_PEM_PARSE_C',
  'MBEDTLS_PEM_WRITE_C',
  'MBEDTLS_PK_C',
  'MBEDTLS_PK_PARSE_C',
  'MBEDTLS_PK_WRITE_C',
  'MBEDTLS_MD_C',
  'MBEDTLS_CIPHER_C',
  'MBEDTLS_BIGNUM_C',
  'MBEDTLS_OID_C',
  'MBEDTLS_ASN1_PARSE_C',
  'MBEDTLS_ASN1_WRITE_C',
  'MBEDTLS_BASE64_C',
  'MBEDTLS_ERROR_C',
  'MBEDTLS_VERSION_C',
  'MBEDTLS_DEBUG_C',
  'MBEDTLS_ENTROPY_C',
  'MBEDTLS_PLATFORM_C',
  'MBEDTLS_TIMING_C',
  'MBEDTLS_X509_USE_C',
  'MBEDTLS_X509_CRT_PARSE_C',
  'MBEDTLS_X509_CRL_PARSE_C',
  'MBEDTLS_X509_CSR_PARSE_C',
  'MBEDTLS_PSA_CRYPTO_C',
  'MBEDTLS_PSA_CRYPTO_CONFIG',
  'MBEDTLS_USE_PSA_CRYPTO',
  'MBEDTLS_SSL_PROTO_TLS1_2',
  'MBEDTLS_SSL_PROTO_TLS1_3',
  'MBEDTLS_KEY_EXCHANGE_PSK_ENABLED',
]);

/** Prefixes of names that are checked for misspelling in configuration files. */
export const OPTION_PREFIXES = [
  'MBEDTLS_',
  'PSA_WANT_',
  'HAVE_',
  'NO_',
  'WOLFSSL_',
  'WC_',
  'MCUBOOT_',
  'MLK_',
  'MLD_',
  'CONFIG_',
];

export const CONFIG_FILE_RULES: readonly ConfigFileRule[] = Object.freeze([
  {
    library: 'mbedTLS',
    basenames: ['mbedtls_config.h'],
    suffixes: ['mbedtls/config.h'],
    pattern: /^mbedtls[-_].*config.*\.h$/,
    selectors: ['MBEDTLS_CONFIG_FILE', 'MBEDTLS_USER_CONFIG_FILE'],
    governs: ['MBEDTLS_'],
    optionShape: /^MBEDTLS_\w+_(?:C|ENABLED)$|^MBEDTLS_PSA_ACCEL_/,
  },
  {
    library: 'PSA Crypto',
    suffixes: ['psa/crypto_config.h'],
    pattern: /^(tfm_mbedcrypto_config.*|crypto_config.*)\.h$/,
    selectors: [
      'MBEDTLS_PSA_CRYPTO_CONFIG_FILE',
      'TF_PSA_CRYPTO_CONFIG_FILE',
      'MBEDTLS_PSA_CRYPTO_USER_CONFIG_FILE',
      'TF_PSA_CRYPTO_USER_CONFIG_FILE',
    ],
    // TF-PSA-Crypto's crypto_config.h holds the MBEDTLS_ options of its builtin drivers too.
    governs: ['PSA_WANT_', 'MBEDTLS_'],
    optionShape: /^PSA_WANT_|^MBEDTLS_PSA_ACCEL_/,
  },
  {
    library: 'wolfCrypt',
    basenames: ['user_settings.h'],
    suffixes: ['wolfssl/options.h'],
    governs: ['HAVE_', 'NO_', 'WOLFSSL_', 'WC_'],
  },
  // Every object-like MCUBOOT_ definition in a port's mcuboot_config.h is an option of the port.
  { library: 'MCUboot', basenames: ['mcuboot_config.h'], governs: ['MCUBOOT_'], optionShape: /^MCUBOOT_/ },
  {
    library: 'OpenSSL',
    suffixes: ['openssl/configuration.h', 'openssl/opensslconf.h'],
    governs: ['OPENSSL_NO_'],
  },
  {
    library: 'mlkem-native',
    suffixes: ['mlkem/config.h', 'mlkem_native_config.h'],
    selectors: ['MLK_CONFIG_FILE'],
    governs: ['MLK_CONFIG_'],
    optionShape: /^MLK_CONFIG_/,
  },
  {
    library: 'mldsa-native',
    suffixes: ['mldsa/config.h', 'mldsa_native_config.h'],
    selectors: ['MLD_CONFIG_FILE'],
    governs: ['MLD_CONFIG_'],
    optionShape: /^MLD_CONFIG_/,
  },
  ...PROJECT_RULES,
]);

/**
 * Library headers that derive or check configuration rather than set it (Mbed TLS check_config.h,
 * build_info.h, config_adjust_*.h, config_psa.h, psa/crypto_adjust_*.h; wolfSSL settings.h): their
 * conditional `#define`s follow from the user's choices and are never reported as configuration,
 * even when a selector macro or a name pattern points at them.
 */
export const NOT_CONFIG_PATTERN =
  /^(check_config.*|build_info|config_psa|config_adjust_.*|crypto_adjust_.*|.*_adjust_.*|crypto_config_check.*|settings)\.h$/;

/** TF-M / project CMake configuration files read for `set(NAME VALUE)` options. */
export const CMAKE_CONFIG_PATTERN = /^(config[\w.-]*|profile_[\w-]+)\.cmake$/;

/** Kconfig fragments and full configurations (Zephyr prj.conf, ESP-IDF sdkconfig, defconfig). */
export const KCONFIG_PATTERN = /^(prj(_.*)?\.conf|overlay.*\.conf|sdkconfig(\.defaults.*)?|.*defconfig|\.config)$/;

/**
 * Option names that say they must never ship. From the libraries' option lists: Mbed TLS's test
 * namespace (`MBEDTLS_TEST_NULL_ENTROPY` "only for testing purposes … removes all security",
 * `MBEDTLS_TEST_HOOKS` "meant for testing Mbed TLS itself", `MBEDTLS_TEST_CONSTANT_FLOW_*`), wolfSSL's
 * `WOLFSSL_GENSEED_FORTEST` (a non-random seed for tests), mlkem-native's
 * `MLK_CONFIG_KEYGEN_PCT_BREAKAGE_TEST`, and names that say insecure, unsafe, do-not-use or test-only.
 * A name that merely mentions a test is no such option: `NO_CRYPT_TEST` removes the test program,
 * `MBEDTLS_SELF_TEST` builds the power-on self tests that certified modules must run.
 */
export const TEST_ONLY_OPTION =
  /^MBEDTLS_TEST_|(?:^|_)(?:INSECURE|UNSAFE|DO_NOT_USE|BREAKAGE|FORTEST|FOR_TESTING|TEST_ONLY|TESTING_ONLY|NULL_ENTROPY)(?:_|$)/;
