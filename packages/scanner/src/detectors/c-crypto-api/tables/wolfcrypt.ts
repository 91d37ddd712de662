/**
 * wolfCrypt (wolfSSL) API including ML-KEM, ML-DSA, LMS and XMSS, plus wolfSSL TLS configuration calls.
 * Source: wolfSSL Manual, Appendix "wolfCrypt API Reference" and wolfssl/wolfcrypt/*.h (5.7–5.8).
 */
import type { ApiRow, LibraryTable, RefPart } from './types.js';

const HASHES: Readonly<Record<string, string>> = {
  MD5: 'md5',
  SHA: 'sha-1',
  SHA224: 'sha-224',
  SHA256: 'sha-256',
  SHA384: 'sha-384',
  SHA512: 'sha-512',
  SHA512_224: 'sha-512-224',
  SHA512_256: 'sha-512-256',
  SHA3_224: 'sha3-224',
  SHA3_256: 'sha3-256',
  SHA3_384: 'sha3-384',
  SHA3_512: 'sha3-512',
  SHAKE128: 'shake128',
  SHAKE256: 'shake256',
  BLAKE2B: 'blake2b',
  BLAKE2S: 'blake2s',
  SM3: 'sm3',
};

const CURVES: Readonly<Record<string, RefPart>> = {
  ECC_SECP192R1: { curve: 'p-192' },
  ECC_SECP224R1: { curve: 'p-224' },
  ECC_SECP256R1: { curve: 'p-256' },
  ECC_SECP384R1: { curve: 'p-384' },
  ECC_SECP521R1: { curve: 'p-521' },
  ECC_SECP256K1: { curve: 'secp256k1' },
  ECC_BRAINPOOLP256R1: { curve: 'brainpoolp256r1' },
  ECC_BRAINPOOLP384R1: { curve: 'brainpoolp384r1' },
  ECC_BRAINPOOLP512R1: { curve: 'brainpoolp512r1' },
  ECC_X25519: { curve: 'curve25519' },
  ECC_X448: { curve: 'curve448' },
  ECC_SM2P256V1: { curve: 'sm2p256v1' },
};

/** wolfcrypt/hash.h enum wc_HashType: the hashes a type chosen at run time can name. */
const HASH_TYPES: readonly RefPart[] = [...new Set(Object.values(HASHES))].map((id) => ({ id }));

function symbols(): Record<string, RefPart> {
  const out: Record<string, RefPart> = { ...CURVES };
  for (const [k, id] of Object.entries(HASHES)) {
    out[`WC_HASH_TYPE_${k}`] = { id };
    out[`WC_${k}`] = { id };
  }
  // Pre-4.0 HMAC type names.
  Object.assign(out, { MD5: { id: 'md5' }, SHA: { id: 'sha-1' }, SHA256: { id: 'sha-256' } });
  Object.assign(out, { SHA384: { id: 'sha-384' }, SHA512: { id: 'sha-512' } });
  for (const bits of [2048, 3072, 4096, 6144, 8192]) {
    out[`WC_FFDHE_${bits}`] = { id: 'dh', keyBits: bits, parameterSet: `ffdhe${bits}` };
  }
  Object.assign(out, {
    WC_ML_KEM_512: { id: 'ml-kem-512' },
    WC_ML_KEM_768: { id: 'ml-kem-768' },
    WC_ML_KEM_1024: { id: 'ml-kem-1024' },
    KYBER512: { id: 'kyber-512' },
    KYBER768: { id: 'kyber-768' },
    KYBER1024: { id: 'kyber-1024' },
    WC_ML_DSA_44: { id: 'ml-dsa-44' },
    WC_ML_DSA_65: { id: 'ml-dsa-65' },
    WC_ML_DSA_87: { id: 'ml-dsa-87' },
    WC_RSA_OAEPPAD: { id: 'rsa-oaep' },
    WC_RSA_PKCSV15_PAD: { id: 'rsaes-pkcs1v15' },
    WC_RSA_PSSPAD: { id: 'rsa-pss' },
    WC_RSA_NOPAD: { id: 'rsa' },
    WC_CMAC_AES: { id: 'cmac' },
  });
  return out;
}

const ML_DSA_LEVELS: Readonly<Record<string, RefPart>> = {
  '2': { id: 'ml-dsa-44' },
  '3': { id: 'ml-dsa-65' },
  '5': { id: 'ml-dsa-87' },
};

/** What an ML-DSA or ML-KEM key object can be when its level is set at run time (FIPS 204 and 203 parameter sets). */
const ML_DSA_SET: readonly RefPart[] = [{ id: 'ml-dsa-44' }, { id: 'ml-dsa-65' }, { id: 'ml-dsa-87' }];
const ML_KEM_SET: readonly RefPart[] = [{ id: 'ml-kem-512' }, { id: 'ml-kem-768' }, { id: 'ml-kem-1024' }];

const functions: Record<string, ApiRow> = {
  wc_InitRsaKey: { id: 'rsa', object: 0 },
  wc_InitRsaKey_ex: { id: 'rsa', object: 0 },
  wc_MakeRsaKey: { id: 'rsa', object: 0, args: { keyBits: 1 } },
  wc_RsaSSL_Sign: { id: 'rsa-pkcs1v15', object: 4 },
  wc_RsaSSL_Verify: { id: 'rsa-pkcs1v15', object: 4 },
  wc_RsaSSL_VerifyInline: { id: 'rsa-pkcs1v15', object: 3 },
  wc_RsaPSS_Sign: { id: 'rsa-pss', object: 6, args: { hash: 4 } },
  wc_RsaPSS_Verify: { id: 'rsa-pss', object: 6, args: { hash: 4 } },
  wc_RsaPSS_VerifyCheck: { id: 'rsa-pss', args: { hash: 6 } },
  wc_RsaPublicEncrypt: { id: 'rsaes-pkcs1v15', object: 4 },
  wc_RsaPrivateDecrypt: { id: 'rsaes-pkcs1v15', object: 4 },
  wc_RsaPublicEncrypt_ex: { id: 'rsa', object: 4, args: { alg: 6, hash: 7 } },
  wc_RsaPrivateDecrypt_ex: { id: 'rsa', object: 4, args: { alg: 6, hash: 7 } },
  wc_ecc_init: { id: 'ec', object: 0, continues: true, notImplementation: true },
  wc_ecc_make_key: { id: 'ec', object: 2, args: { curveBytes: 1 } },
  wc_ecc_make_key_ex: { id: 'ec', object: 2, args: { curve: 3, curveBytes: 1 } },
  wc_ecc_set_curve: { id: 'ec', object: 0, args: { curve: 2, curveBytes: 1 } },
  wc_ecc_sign_hash: { id: 'ecdsa', object: 5 },
  wc_ecc_verify_hash: { id: 'ecdsa', object: 5 },
  wc_ecc_sign_hash_ex: { id: 'ecdsa', object: 3 },
  wc_ecc_shared_secret: { id: 'ecdh', object: 0 },
  wc_ecc_import_x963: { id: 'ec', object: 2 },
  wc_ecc_import_x963_ex: { id: 'ec', object: 2, args: { curve: 3 } },
  wc_curve25519_make_key: { id: 'x25519' },
  wc_curve25519_shared_secret: { id: 'x25519' },
  wc_curve448_make_key: { id: 'x448' },
  wc_curve448_shared_secret: { id: 'x448' },
  wc_ed25519_make_key: { id: 'ed25519' },
  wc_ed25519_sign_msg: { id: 'ed25519' },
  wc_ed25519_verify_msg: { id: 'ed25519' },
  wc_ed448_make_key: { id: 'ed448' },
  wc_ed448_sign_msg: { id: 'ed448' },
  wc_ed448_verify_msg: { id: 'ed448' },
  wc_InitDhKey: { id: 'dh', object: 0 },
  wc_DhSetKey: { id: 'dh', object: 0, args: { keyBytes: 2 } },
  wc_DhSetNamedKey: { id: 'dh', object: 0, args: { alg: 1 } },
  wc_DhGenerateKeyPair: { id: 'dh', object: 0 },
  wc_DhAgree: { id: 'dh', object: 0 },
  wc_AesSetKey: { id: 'aes', object: 0, args: { secret: 1, keyBytes: 2 } },
  wc_AesSetKeyDirect: { id: 'aes', object: 0, args: { secret: 1, keyBytes: 2 } },
  wc_AesCbcEncrypt: { id: 'aes', mode: 'cbc', object: 0 },
  wc_AesCbcDecrypt: { id: 'aes', mode: 'cbc', object: 0 },
  wc_AesEcbEncrypt: { id: 'aes', mode: 'ecb', object: 0 },
  wc_AesCtrEncrypt: { id: 'aes', mode: 'ctr', object: 0 },
  wc_AesCfbEncrypt: { id: 'aes', mode: 'cfb', object: 0 },
  wc_AesGcmSetKey: { id: 'aes', mode: 'gcm', object: 0, args: { secret: 1, keyBytes: 2 } },
  wc_AesGcmEncrypt: { id: 'aes', mode: 'gcm', object: 0 },
  wc_AesGcmDecrypt: { id: 'aes', mode: 'gcm', object: 0 },
  wc_GmacSetKey: { id: 'gmac', args: { secret: 1 } },
  wc_AesCcmSetKey: { id: 'aes', mode: 'ccm', object: 0, args: { secret: 1, keyBytes: 2 } },
  wc_AesCcmEncrypt: { id: 'aes', mode: 'ccm', object: 0 },
  wc_AesCcmDecrypt: { id: 'aes', mode: 'ccm', object: 0 },
  wc_AesXtsSetKey: { id: 'aes', mode: 'xts', args: { secret: 1 } },
  wc_Des_SetKey: { id: 'des', args: { secret: 1 } },
  wc_Des3_SetKey: { id: '3des', keyBits: 168, args: { secret: 1 } },
  wc_Arc4SetKey: { id: 'rc4', args: { secret: 1 } },
  wc_Chacha_SetKey: { id: 'chacha20', args: { secret: 1 } },
  wc_ChaCha20Poly1305_Encrypt: { id: 'chacha20-poly1305' },
  wc_ChaCha20Poly1305_Decrypt: { id: 'chacha20-poly1305' },
  wc_XChaCha20Poly1305_Encrypt: { id: 'xchacha20-poly1305' },
  wc_Poly1305SetKey: { id: 'poly1305', args: { secret: 1 } },
  wc_CamelliaSetKey: { id: 'camellia', args: { secret: 1, keyBytes: 2 } },
  wc_Sm4SetKey: { id: 'sm4', args: { secret: 1 } },
  wc_InitCmac: { id: 'cmac', args: { keyBytes: 2 } },
  wc_AesCmacGenerate: { id: 'cmac', args: { keyBytes: 4 } },
  wc_InitSha: { id: 'sha-1' },
  wc_ShaHash: { id: 'sha-1' },
  wc_InitSha224: { id: 'sha-224' },
  wc_Sha224Hash: { id: 'sha-224' },
  wc_InitSha256: { id: 'sha-256' },
  wc_InitSha256_ex: { id: 'sha-256' },
  wc_Sha256Hash: { id: 'sha-256' },
  wc_InitSha384: { id: 'sha-384' },
  wc_Sha384Hash: { id: 'sha-384' },
  wc_InitSha512: { id: 'sha-512' },
  wc_Sha512Hash: { id: 'sha-512' },
  wc_InitMd5: { id: 'md5' },
  wc_Md5Hash: { id: 'md5' },
  wc_InitMd4: { id: 'md4' },
  wc_InitSha3_224: { id: 'sha3-224' },
  wc_InitSha3_256: { id: 'sha3-256' },
  wc_InitSha3_384: { id: 'sha3-384' },
  wc_InitSha3_512: { id: 'sha3-512' },
  wc_Sha3_256Hash: { id: 'sha3-256' },
  wc_InitShake128: { id: 'shake128' },
  wc_InitShake256: { id: 'shake256' },
  wc_InitRipeMd: { id: 'ripemd-160' },
  wc_InitBlake2b: { id: 'blake2b' },
  wc_InitBlake2s: { id: 'blake2s' },
  // wolfcrypt/hash.h enum wc_HashType: what a hash type chosen at run time can be.
  wc_Hash: { args: { alg: 0 }, candidates: HASH_TYPES },
  wc_HashInit: { args: { alg: 1 }, candidates: HASH_TYPES },
  wc_HmacSetKey: { id: 'hmac', object: 0, args: { secret: 2, hash: 1 } },
  wc_HKDF: { id: 'hkdf', args: { hash: 0 } },
  wc_PBKDF2: { id: 'pbkdf2', args: { hash: 7 } },
  wc_PBKDF1: { id: 'pbkdf1', args: { hash: 7 } },
  wc_InitRng: { id: 'hash-drbg', hash: 'sha-256' },
  // Post-quantum: ML-KEM (FIPS 203), ML-DSA (FIPS 204), Falcon, SPHINCS+, LMS/HSS (SP 800-208), XMSS.
  wc_MlKemKey_Init: { object: 0, establishes: true, args: { alg: 1 } },
  wc_MlKemKey_New: { args: { alg: 0 } },
  wc_MlKemKey_MakeKey: { object: 0, candidates: ML_KEM_SET },
  wc_MlKemKey_Encapsulate: { object: 0, candidates: ML_KEM_SET },
  wc_MlKemKey_Decapsulate: { object: 0, candidates: ML_KEM_SET },
  wc_KyberKey_Init: { object: 1, establishes: true, args: { alg: 0 } },
  wc_KyberKey_MakeKey: { object: 0 },
  wc_KyberKey_Encapsulate: { object: 0 },
  wc_KyberKey_Decapsulate: { object: 0 },
  wc_dilithium_set_level: { object: 0, establishes: true, args: { alg: 1 }, byValue: ML_DSA_LEVELS },
  wc_dilithium_make_key: { object: 0, candidates: ML_DSA_SET },
  wc_dilithium_sign_msg: { object: 4, candidates: ML_DSA_SET },
  wc_dilithium_verify_msg: { object: 5, candidates: ML_DSA_SET },
  wc_MlDsaKey_SetParams: { object: 0, establishes: true, args: { alg: 1 }, byValue: ML_DSA_LEVELS },
  wc_MlDsaKey_MakeKey: { object: 0, candidates: ML_DSA_SET },
  wc_MlDsaKey_Sign: { object: 0, candidates: ML_DSA_SET },
  wc_MlDsaKey_Verify: { object: 0, candidates: ML_DSA_SET },
  wc_MlDsaKey_SignCtx: { object: 0, candidates: ML_DSA_SET },
  wc_MlDsaKey_VerifyCtx: { object: 0, candidates: ML_DSA_SET },
  wc_MlDsaKey_Init: { object: 0, continues: true, notImplementation: true },
  // Ascon (SP 800-232).
  wc_AsconHash256_New: { id: 'ascon-hash256' },
  wc_AsconHash256_Init: { id: 'ascon-hash256' },
  wc_AsconHash256_Update: { id: 'ascon-hash256', continues: true },
  wc_AsconHash256_Final: { id: 'ascon-hash256', continues: true },
  wc_falcon_set_level: {
    object: 0,
    establishes: true,
    args: { alg: 1 },
    byValue: { '1': { id: 'falcon-512' }, '5': { id: 'falcon-1024' } },
  },
  wc_falcon_sign_msg: { object: 4 },
  wc_falcon_verify_msg: { object: 5 },
  wc_sphincs_sign_msg: { id: 'sphincs-plus' },
  wc_sphincs_verify_msg: { id: 'sphincs-plus' },
  wc_LmsKey_Init: { id: 'lms', object: 0, continues: true, notImplementation: true },
  wc_LmsKey_SetParameters: {
    id: 'lms',
    object: 0,
    establishes: true,
    args: { alg: 1 },
    byValue: { '1': { id: 'lms' }, '2': { id: 'hss' }, '3': { id: 'hss' }, '4': { id: 'hss' } },
  },
  wc_LmsKey_SetLmsParm: { id: 'lms', object: 0, args: { parameterSet: 1 } },
  wc_LmsKey_MakeKey: { id: 'lms', object: 0 },
  wc_LmsKey_Sign: { id: 'lms', object: 0 },
  wc_LmsKey_Verify: { id: 'lms', object: 0 },
  wc_XmssKey_Init: { id: 'xmss', object: 0, continues: true, notImplementation: true },
  wc_XmssKey_ImportPubRaw: { id: 'xmss', object: 0 },
  wc_LmsKey_ImportPubRaw: { id: 'lms', object: 0 },
  wc_XmssKey_SetParamStr: { id: 'xmss', object: 0, args: { parameterSet: 1 } },
  wc_XmssKey_MakeKey: { id: 'xmss', object: 0 },
  wc_XmssKey_Sign: { id: 'xmss', object: 0 },
  wc_XmssKey_Verify: { id: 'xmss', object: 0 },
  // wolfSSL TLS configuration.
  wolfSSL_CTX_set_cipher_list: { args: { suites: 1 } },
  wolfSSL_set_cipher_list: { args: { suites: 1 } },
  wolfSSL_CTX_set_groups: { args: { groups: 1 } },
  wolfSSL_set_groups: { args: { groups: 1 } },
  wolfSSL_UseKeyShare: { args: { groups: 1 } },
  wolfSSL_CTX_set1_groups_list: { args: { groups: 1 } },
  wolfSSL_set1_groups_list: { args: { groups: 1 } },
  wolfSSL_CTX_UseSupportedCurve: { args: { groups: 1 } },
  wolfSSL_CTX_set1_sigalgs_list: { args: { sigalgs: 1 } },
  wolfSSL_UseSupportedCurve: { args: { groups: 1 } },
};

export const wolfcryptTable: LibraryTable = Object.freeze({
  library: 'wolfCrypt',
  source:
    'wolfSSL Manual, Appendix B/C wolfCrypt API reference; wolfssl/wolfcrypt/{rsa,ecc,aes,hash,wc_mlkem,dilithium,wc_lms,wc_xmss}.h',
  functions: Object.freeze(functions),
  symbols: Object.freeze(symbols()),
});
