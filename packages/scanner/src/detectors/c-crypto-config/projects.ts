/**
 * Build options of projects that have their own switches for the algorithms they build: SSH
 * implementations, bootloaders, firmware frameworks and the libraries they vendor. Each project is a set
 * of option rows plus a configuration-file rule (its option prefix, whether its switches are tested by
 * value), and for projects whose make variables have generic names (`SIGN`, `HASH`, `KEY_ALG`) a marker
 * that says a tree builds that project. Sources per project above each block.
 */
import type { ConfigFileRule, OptionRow, ProjectMarker, RefPart } from '../../c/knowledge.js';

const rows: OptionRow[] = [];
const add = (
  library: string,
  entries: Readonly<Record<string, RefPart | readonly RefPart[]>>,
  extra: Partial<Pick<OptionRow, 'effect' | 'makeVariable'>> = {},
) => {
  for (const [name, a] of Object.entries(entries))
    rows.push({
      name,
      library,
      effect: extra.effect ?? 'enable',
      algorithms: Array.isArray(a) ? (a as RefPart[]) : [a as RefPart],
      ...(extra.makeVariable ? { makeVariable: true } : {}),
    });
};

// Dropbear SSH (mkj/dropbear src/default_options.h: "#define DROPBEAR_X 1/0", tested with `#if`;
// src/sysoptions.h literal settings). DROPBEAR_SK_KEYS enables sk-ecdsa-sha2-nistp256 and sk-ssh-ed25519.
add('Dropbear', {
  DROPBEAR_AES128: { id: 'aes', keyBits: 128 },
  DROPBEAR_AES256: { id: 'aes', keyBits: 256 },
  DROPBEAR_3DES: { id: '3des' },
  DROPBEAR_CHACHA20POLY1305: { id: 'chacha20-poly1305' },
  DROPBEAR_ENABLE_CTR_MODE: { id: 'aes', mode: 'ctr' },
  DROPBEAR_ENABLE_CBC_MODE: { id: 'aes', mode: 'cbc' },
  DROPBEAR_ENABLE_GCM_MODE: { id: 'aes', mode: 'gcm' },
  DROPBEAR_SHA1_HMAC: { id: 'hmac', hash: 'sha-1' },
  DROPBEAR_SHA1_96_HMAC: { id: 'hmac', hash: 'sha-1' },
  DROPBEAR_SHA2_256_HMAC: { id: 'hmac', hash: 'sha-256' },
  DROPBEAR_SHA2_512_HMAC: { id: 'hmac', hash: 'sha-512' },
  DROPBEAR_RSA: { id: 'rsa' },
  DROPBEAR_RSA_SHA1: { id: 'rsa-pkcs1v15', hash: 'sha-1' },
  DROPBEAR_RSA_SHA256: { id: 'rsa-pkcs1v15', hash: 'sha-256' },
  DROPBEAR_DSS: { id: 'dsa' },
  DROPBEAR_ECDSA: { id: 'ecdsa' },
  DROPBEAR_ED25519: { id: 'ed25519' },
  DROPBEAR_SK_KEYS: [{ id: 'ecdsa', curve: 'p-256' }, { id: 'ed25519' }],
  DROPBEAR_DH_GROUP1: { id: 'dh', keyBits: 1024 },
  DROPBEAR_DH_GROUP14_SHA1: { id: 'dh', keyBits: 2048 },
  DROPBEAR_DH_GROUP14_SHA256: { id: 'dh', keyBits: 2048 },
  DROPBEAR_DH_GROUP16: { id: 'dh', keyBits: 4096 },
  DROPBEAR_CURVE25519: { id: 'x25519' },
  DROPBEAR_ECDH: { id: 'ecdh' },
  DROPBEAR_SNTRUP761: { id: 'sntrup761x25519-sha512' },
  DROPBEAR_MLKEM768: { id: 'mlkem768x25519-sha256' },
  DROPBEAR_SHA1: { id: 'sha-1' },
  DROPBEAR_SHA256: { id: 'sha-256' },
  DROPBEAR_SHA384: { id: 'sha-384' },
  DROPBEAR_SHA512: { id: 'sha-512' },
  DROPBEAR_ECC_256: { id: 'ec', curve: 'p-256' },
  DROPBEAR_ECC_384: { id: 'ec', curve: 'p-384' },
  DROPBEAR_ECC_521: { id: 'ec', curve: 'p-521' },
});
rows.push({
  name: 'DROPBEAR_DEFAULT_RSA_SIZE',
  library: 'Dropbear',
  effect: 'enable',
  algorithms: [{ id: 'rsa' }],
  value: 'keyBits',
});

// LibTomCrypt (libtom/libtomcrypt src/headers/tomcrypt_custom.h): `#define LTC_X` builds X. Modes are
// reported on AES, the cipher every LibTomCrypt-based SSH and TLS stack runs them with.
add('LibTomCrypt', {
  LTC_RIJNDAEL: { id: 'aes' },
  LTC_DES: [{ id: 'des' }, { id: '3des' }],
  LTC_BLOWFISH: { id: 'blowfish' },
  LTC_CAST5: { id: 'cast5' },
  LTC_CAMELLIA: { id: 'camellia' },
  LTC_RC2: { id: 'rc2' },
  LTC_RC4: { id: 'rc4' },
  LTC_RC5: { id: 'rc5' },
  LTC_XTEA: { id: 'xtea' },
  LTC_KSEED: { id: 'seed' },
  LTC_CHACHA: { id: 'chacha20' },
  LTC_CHACHA20POLY1305_MODE: { id: 'chacha20-poly1305' },
  LTC_POLY1305: { id: 'poly1305' },
  LTC_CBC_MODE: { id: 'aes', mode: 'cbc' },
  LTC_CTR_MODE: { id: 'aes', mode: 'ctr' },
  LTC_ECB_MODE: { id: 'aes', mode: 'ecb' },
  LTC_CFB_MODE: { id: 'aes', mode: 'cfb' },
  LTC_OFB_MODE: { id: 'aes', mode: 'ofb' },
  LTC_GCM_MODE: { id: 'aes', mode: 'gcm' },
  LTC_CCM_MODE: { id: 'aes', mode: 'ccm' },
  LTC_EAX_MODE: { id: 'aes', mode: 'eax' },
  LTC_OCB_MODE: { id: 'aes', mode: 'ocb' },
  LTC_OCB3_MODE: { id: 'aes', mode: 'ocb' },
  LTC_XTS_MODE: { id: 'aes', mode: 'xts' },
  LTC_MD2: { id: 'md2' },
  LTC_MD4: { id: 'md4' },
  LTC_MD5: { id: 'md5' },
  LTC_SHA1: { id: 'sha-1' },
  LTC_SHA224: { id: 'sha-224' },
  LTC_SHA256: { id: 'sha-256' },
  LTC_SHA384: { id: 'sha-384' },
  LTC_SHA512: { id: 'sha-512' },
  LTC_SHA3: [{ id: 'sha3-224' }, { id: 'sha3-256' }, { id: 'sha3-384' }, { id: 'sha3-512' }],
  LTC_RIPEMD160: { id: 'ripemd-160' },
  LTC_WHIRLPOOL: { id: 'whirlpool' },
  LTC_BLAKE2B: { id: 'blake2b' },
  LTC_BLAKE2S: { id: 'blake2s' },
  LTC_HMAC: { id: 'hmac' },
  LTC_OMAC: { id: 'cmac' },
  LTC_HKDF: { id: 'hkdf' },
  LTC_MRSA: { id: 'rsa' },
  LTC_MDSA: { id: 'dsa' },
  LTC_MDH: { id: 'dh' },
  LTC_MECC: { id: 'ec' },
  LTC_ECC192: { id: 'ec', curve: 'p-192' },
  LTC_ECC224: { id: 'ec', curve: 'p-224' },
  LTC_ECC256: { id: 'ec', curve: 'p-256' },
  LTC_ECC384: { id: 'ec', curve: 'p-384' },
  LTC_ECC521: { id: 'ec', curve: 'p-521' },
});

// libssh2 crypto backends (libssh2/libssh2 src/openssl.h, src/mbedtls.h, src/wincng.h, …: `#define
// LIBSSH2_X 1/0`, tested with `#if`; src/crypto_config.h turns opt-ins off). What each switch gates,
// from src/kex.c, src/hostkey.c, src/mac.c, src/crypt.c: LIBSSH2_ECDSA the ecdsa-sha2-nistp* host keys
// and ecdh-sha2-nistp* key exchanges, LIBSSH2_ED25519 ssh-ed25519 and curve25519-sha256, LIBSSH2_MLKEM
// mlkem768x25519-sha256, LIBSSH2_RSA_SHA1 ssh-rsa, LIBSSH2_RSA_SHA2 rsa-sha2-256/512.
add('libssh2', {
  LIBSSH2_MD5: { id: 'md5' },
  LIBSSH2_MD5_PEM: { id: 'md5' },
  LIBSSH2_HMAC_RIPEMD: { id: 'hmac', hash: 'ripemd-160' },
  LIBSSH2_HMAC_SHA256: { id: 'hmac', hash: 'sha-256' },
  LIBSSH2_HMAC_SHA512: { id: 'hmac', hash: 'sha-512' },
  LIBSSH2_AES_CBC: { id: 'aes', mode: 'cbc' },
  LIBSSH2_AES_CTR: { id: 'aes', mode: 'ctr' },
  LIBSSH2_AES_GCM: { id: 'aes', mode: 'gcm' },
  LIBSSH2_BLOWFISH: { id: 'blowfish' },
  LIBSSH2_RC4: { id: 'rc4' },
  LIBSSH2_CAST: { id: 'cast5' },
  LIBSSH2_3DES: { id: '3des' },
  LIBSSH2_RSA: { id: 'rsa' },
  LIBSSH2_RSA_SHA1: { id: 'rsa-pkcs1v15', hash: 'sha-1' },
  LIBSSH2_RSA_SHA2: [
    { id: 'rsa-pkcs1v15', hash: 'sha-256' },
    { id: 'rsa-pkcs1v15', hash: 'sha-512' },
  ],
  LIBSSH2_DSA: { id: 'dsa' },
  LIBSSH2_ECDSA: [{ id: 'ecdsa' }, { id: 'ecdh' }],
  LIBSSH2_ED25519: [{ id: 'ed25519' }, { id: 'x25519' }],
  LIBSSH2_MLKEM: { id: 'ml-kem-768' },
});

// wolfBoot (wolfSSL/wolfBoot options.mk, docs/compile.md). The make variables of its .config fragments:
// SIGN (ECC256 … ML_DSA; RSA2048-4096 are PKCS#1 v1.5, RSAPSS* PSS), HASH (SHA3 is SHA3-384),
// ENCRYPT=1 with ENCRYPT_WITH_AES128/AES256 (AES-CTR) or ChaCha20 otherwise, ML_DSA_LEVEL; and the C
// macros options.mk passes (-DWOLFBOOT_SIGN_*, -DWOLFBOOT_HASH_*).
const WOLFBOOT_SIGN: Readonly<Record<string, RefPart | readonly RefPart[]>> = {
  ECC256: { id: 'ecdsa', curve: 'p-256' },
  ECC384: { id: 'ecdsa', curve: 'p-384' },
  ECC521: { id: 'ecdsa', curve: 'p-521' },
  ED25519: { id: 'ed25519' },
  ED448: { id: 'ed448' },
  RSA2048: { id: 'rsa-pkcs1v15', keyBits: 2048 },
  RSA3072: { id: 'rsa-pkcs1v15', keyBits: 3072 },
  RSA4096: { id: 'rsa-pkcs1v15', keyBits: 4096 },
  RSA2048ENC: { id: 'rsa-pkcs1v15', keyBits: 2048 },
  RSA3072ENC: { id: 'rsa-pkcs1v15', keyBits: 3072 },
  RSA4096ENC: { id: 'rsa-pkcs1v15', keyBits: 4096 },
  RSAPSS2048: { id: 'rsa-pss', keyBits: 2048 },
  RSAPSS3072: { id: 'rsa-pss', keyBits: 3072 },
  RSAPSS4096: { id: 'rsa-pss', keyBits: 4096 },
  LMS: { id: 'lms' },
  XMSS: { id: 'xmss' },
  ML_DSA: [{ id: 'ml-dsa-44' }, { id: 'ml-dsa-65' }, { id: 'ml-dsa-87' }],
};
const WOLFBOOT_HASH: Readonly<Record<string, RefPart>> = {
  SHA256: { id: 'sha-256' },
  SHA384: { id: 'sha-384' },
  SHA3: { id: 'sha3-384' },
};
const ML_DSA_LEVELS: Readonly<Record<string, RefPart>> = {
  '2': { id: 'ml-dsa-44' },
  '3': { id: 'ml-dsa-65' },
  '5': { id: 'ml-dsa-87' },
};
add('wolfBoot', {
  ...Object.fromEntries(Object.entries(WOLFBOOT_SIGN).map(([k, v]) => [`WOLFBOOT_SIGN_${k}`, v])),
  ...Object.fromEntries(Object.entries(WOLFBOOT_HASH).map(([k, v]) => [`WOLFBOOT_HASH_${k}`, v])),
  WOLFBOOT_HASH_SHA3_384: { id: 'sha3-384' },
  ENCRYPT_WITH_AES128: { id: 'aes', keyBits: 128, mode: 'ctr' },
  ENCRYPT_WITH_AES256: { id: 'aes', keyBits: 256, mode: 'ctr' },
  ENCRYPT_WITH_CHACHA: { id: 'chacha20' },
});
const sign = (name: string, narrowedBy?: readonly string[]): OptionRow => ({
  name,
  library: 'wolfBoot',
  effect: 'enable',
  algorithms: [],
  byString: WOLFBOOT_SIGN,
  // SIGN=NONE builds no signature check.
  offStrings: ['NONE'],
  makeVariable: true,
  ...(narrowedBy ? { narrowedBy } : {}),
});
rows.push(
  sign('SIGN', ['ML_DSA_LEVEL']),
  sign('SIGN_SECONDARY', ['ML_DSA_LEVEL']),
  { name: 'HASH', library: 'wolfBoot', effect: 'enable', algorithms: [], byString: WOLFBOOT_HASH, makeVariable: true },
  {
    name: 'ENCRYPT',
    library: 'wolfBoot',
    effect: 'enable',
    algorithms: [{ id: 'aes', mode: 'ctr' }, { id: 'chacha20' }],
    narrowedBy: ['ENCRYPT_WITH_AES128', 'ENCRYPT_WITH_AES256', 'ENCRYPT_WITH_CHACHA'],
    makeVariable: true,
  },
  {
    name: 'ML_DSA_LEVEL',
    library: 'wolfBoot',
    effect: 'enable',
    algorithms: [{ id: 'ml-dsa-44' }],
    byValue: ML_DSA_LEVELS,
  },
  {
    name: 'WOLFBOOT_XMSS_PARAMS',
    library: 'wolfBoot',
    effect: 'enable',
    algorithms: [{ id: 'xmss' }],
    value: 'parameterSet',
  },
);

// Trusted Firmware-A (TrustedFirmware-A/trusted-firmware-a docs/getting_started/build-options.rst,
// make_helpers/defaults.mk, drivers/auth/mbedtls/mbedtls_common.mk): KEY_ALG rsa is PKCS#1 v2.1
// (RSA-PSS), rsa_1_5 the legacy v1.5; KEY_SIZE is RSA bits (1024-4096) or the ECDSA curve (256, 384);
// HASH_ALG sha256/384/512; DECRYPTION_SUPPORT aes_gcm/aes_ccm/none.
const TFA_KEY_ALG: Readonly<Record<string, RefPart>> = {
  rsa: { id: 'rsa-pss' },
  rsa_1_5: { id: 'rsa-pkcs1v15' },
  ecdsa: { id: 'ecdsa' },
  'ecdsa-brainpool-regular': { id: 'ecdsa', curve: 'brainpoolp256r1' },
  // brainpoolP256t1: the catalog has no twisted Brainpool curve, so the curve is left out.
  'ecdsa-brainpool-twisted': { id: 'ecdsa' },
  TF_MBEDTLS_RSA: { id: 'rsa-pss' },
  TF_MBEDTLS_ECDSA: { id: 'ecdsa' },
};
const TFA_KEY_SIZE: Readonly<Record<string, RefPart>> = {
  '1024': { id: 'rsa-pss', keyBits: 1024 },
  '2048': { id: 'rsa-pss', keyBits: 2048 },
  '3072': { id: 'rsa-pss', keyBits: 3072 },
  '4096': { id: 'rsa-pss', keyBits: 4096 },
  '256': { id: 'ecdsa', curve: 'p-256' },
  '384': { id: 'ecdsa', curve: 'p-384' },
};
const TFA_HASH: Readonly<Record<string, RefPart>> = {
  sha256: { id: 'sha-256' },
  sha384: { id: 'sha-384' },
  sha512: { id: 'sha-512' },
  TF_MBEDTLS_SHA256: { id: 'sha-256' },
  TF_MBEDTLS_SHA384: { id: 'sha-384' },
  TF_MBEDTLS_SHA512: { id: 'sha-512' },
};
const tfa = (name: string, map: Readonly<Record<string, RefPart | readonly RefPart[]>>): OptionRow => ({
  name,
  library: 'TF-A',
  effect: 'enable',
  algorithms: [],
  byString: map,
  makeVariable: true,
});
rows.push(
  tfa('KEY_ALG', TFA_KEY_ALG),
  tfa('TF_MBEDTLS_KEY_ALG', { ...TFA_KEY_ALG, 'rsa+ecdsa': [{ id: 'rsa-pss' }, { id: 'ecdsa' }] }),
  tfa('TF_MBEDTLS_KEY_ALG_ID', { ...TFA_KEY_ALG, TF_MBEDTLS_RSA_AND_ECDSA: [{ id: 'rsa-pss' }, { id: 'ecdsa' }] }),
  tfa('KEY_SIZE', TFA_KEY_SIZE),
  tfa('TF_MBEDTLS_KEY_SIZE', TFA_KEY_SIZE),
  tfa('HASH_ALG', TFA_HASH),
  tfa('TF_MBEDTLS_HASH_ALG_ID', TFA_HASH),
  {
    ...tfa('DECRYPTION_SUPPORT', { aes_gcm: { id: 'aes', mode: 'gcm' }, aes_ccm: { id: 'aes', mode: 'ccm' } }),
    algorithms: [{ id: 'aes' }],
    offStrings: ['none'],
  },
);
add(
  'TF-A',
  { TF_MBEDTLS_USE_AES_CCM: { id: 'aes', mode: 'ccm' }, TF_MBEDTLS_USE_AES_GCM: { id: 'aes', mode: 'gcm' } },
  {
    makeVariable: true,
  },
);

export const PROJECT_OPTIONS: readonly OptionRow[] = rows;

export const PROJECT_RULES: readonly ConfigFileRule[] = [
  { library: 'Dropbear', governs: ['DROPBEAR_'], zeroDisables: true },
  { library: 'LibTomCrypt', governs: ['LTC_'] },
  { library: 'libssh2', governs: ['LIBSSH2_'], zeroDisables: true },
];

export const PROJECT_MARKERS: readonly ProjectMarker[] = [
  { library: 'wolfBoot', names: /^WOLFBOOT_/ },
  { library: 'TF-A', names: /^(?:TF_MBEDTLS_|TRUSTED_BOARD_BOOT$|GENERATE_COT$|MEASURED_BOOT$)/ },
];
