/**
 * OpenSSL 1.1/3.x (and the BoringSSL/LibreSSL subsets): EVP cipher and digest getters, fetch-by-name,
 * PKEY contexts with NIDs, legacy RSA/EC/DH/DSA calls and SSL_CTX suite/group configuration.
 * Source: OpenSSL 3.x manual pages (EVP_EncryptInit(3), EVP_DigestInit(3), EVP_PKEY_CTX_ctrl(3),
 * EVP_PKEY_Q_keygen(3), SSL_CTX_set_cipher_list(3), SSL_CTX_set1_groups_list(3)) and include/openssl/obj_mac.h.
 */
import type { ApiRow, LibraryTable, RefPart } from './types.js';
import { normName } from './types.js';

const AES_MODES = ['ecb', 'cbc', 'cfb', 'cfb1', 'cfb8', 'cfb128', 'ofb', 'ctr', 'gcm', 'ccm', 'xts', 'ocb', 'wrap'];
const baseMode = (m: string): string => (m.startsWith('cfb') ? 'cfb' : m === 'wrap' ? 'kw' : m);

const DIGESTS: Readonly<Record<string, string>> = {
  md4: 'md4',
  md5: 'md5',
  sha1: 'sha-1',
  sha224: 'sha-224',
  sha256: 'sha-256',
  sha384: 'sha-384',
  sha512: 'sha-512',
  sha512_224: 'sha-512-224',
  sha512_256: 'sha-512-256',
  sha3_224: 'sha3-224',
  sha3_256: 'sha3-256',
  sha3_384: 'sha3-384',
  sha3_512: 'sha3-512',
  shake128: 'shake128',
  shake256: 'shake256',
  ripemd160: 'ripemd-160',
  sm3: 'sm3',
  blake2b512: 'blake2b',
  blake2s256: 'blake2s',
};

function evpFunctions(): Record<string, ApiRow> {
  const out: Record<string, ApiRow> = {};
  for (const fam of ['aes', 'camellia', 'aria']) {
    for (const bits of [128, 192, 256]) {
      for (const m of AES_MODES)
        out[`EVP_${fam}_${bits}_${m}`] = { id: fam, keyBits: bits, mode: baseMode(m), descriptor: true };
    }
  }
  for (const [k, id] of Object.entries(DIGESTS)) out[`EVP_${k}`] = { id, descriptor: true };
  const legacyCiphers: Record<string, ApiRow> = {
    EVP_md5_sha1: { id: 'md5' },
    EVP_des_ecb: { id: 'des', mode: 'ecb' },
    EVP_des_cbc: { id: 'des', mode: 'cbc' },
    EVP_des_ede: { id: '3des', keyBits: 112 },
    EVP_des_ede_cbc: { id: '3des', keyBits: 112, mode: 'cbc' },
    EVP_des_ede3: { id: '3des', keyBits: 168 },
    EVP_des_ede3_cbc: { id: '3des', keyBits: 168, mode: 'cbc' },
    EVP_des_ede3_ecb: { id: '3des', keyBits: 168, mode: 'ecb' },
    EVP_rc4: { id: 'rc4' },
    EVP_rc2_cbc: { id: 'rc2', mode: 'cbc' },
    EVP_bf_cbc: { id: 'blowfish', mode: 'cbc' },
    EVP_idea_cbc: { id: 'idea', mode: 'cbc' },
    EVP_cast5_cbc: { id: 'cast5', mode: 'cbc' },
    EVP_seed_cbc: { id: 'seed', mode: 'cbc' },
    EVP_sm4_cbc: { id: 'sm4', mode: 'cbc' },
    EVP_sm4_ecb: { id: 'sm4', mode: 'ecb' },
    EVP_sm4_ctr: { id: 'sm4', mode: 'ctr' },
    EVP_chacha20: { id: 'chacha20' },
    EVP_chacha20_poly1305: { id: 'chacha20-poly1305' },
  };
  for (const [k, row] of Object.entries(legacyCiphers)) out[k] = { ...row, descriptor: true };
  return out;
}

/** What an EVP_PKEY of unknown type can sign with (EVP_PKEY_sign_init on a key loaded at run time). */
const SIGNING_KEYS: readonly RefPart[] = [
  { id: 'rsa' },
  { id: 'rsa-pss' },
  { id: 'ecdsa' },
  { id: 'ed25519' },
  { id: 'ed448' },
  { id: 'dsa' },
  { id: 'ml-dsa-44' },
  { id: 'ml-dsa-65' },
  { id: 'ml-dsa-87' },
];
/** Key agreement an EVP_PKEY of unknown type can run (EVP_PKEY_derive_init). */
const AGREEMENT_KEYS: readonly RefPart[] = [{ id: 'ecdh' }, { id: 'dh' }, { id: 'x25519' }, { id: 'x448' }];

const LEGACY: Record<string, ApiRow> = {
  EVP_get_cipherbyname: { args: { alg: 0 }, descriptor: true },
  EVP_get_digestbyname: { args: { alg: 0 }, descriptor: true },
  EVP_get_cipherbynid: { args: { alg: 0 }, descriptor: true },
  EVP_get_digestbynid: { args: { alg: 0 }, descriptor: true },
  EVP_CIPHER_fetch: { args: { alg: 1 }, descriptor: true },
  EVP_MD_fetch: { args: { alg: 1 }, descriptor: true },
  EVP_MAC_fetch: { args: { alg: 1 }, descriptor: true },
  EVP_KDF_fetch: { args: { alg: 1 }, descriptor: true },
  // Operations started with a descriptor (the cipher or digest argument names the algorithm); a NULL
  // descriptor re-keys an operation set up before.
  EVP_EncryptInit_ex: { args: { alg: 1 } },
  EVP_DecryptInit_ex: { args: { alg: 1 } },
  EVP_CipherInit_ex: { args: { alg: 1 } },
  EVP_EncryptInit: { args: { alg: 1 } },
  EVP_DecryptInit: { args: { alg: 1 } },
  EVP_CipherInit: { args: { alg: 1 } },
  EVP_DigestInit_ex: { args: { alg: 1 } },
  EVP_DigestInit: { args: { alg: 1 } },
  EVP_Digest: { args: { alg: 4 } },
  // Steps of an operation started above (their algorithm is the start's).
  EVP_DigestUpdate: { continues: true, notImplementation: true },
  EVP_DigestFinal: { continues: true, notImplementation: true },
  EVP_DigestFinal_ex: { continues: true, notImplementation: true },
  EVP_EncryptUpdate: { continues: true, notImplementation: true },
  EVP_DecryptUpdate: { continues: true, notImplementation: true },
  EVP_CipherUpdate: { continues: true, notImplementation: true },
  EVP_EncryptFinal_ex: { continues: true, notImplementation: true },
  EVP_DecryptFinal_ex: { continues: true, notImplementation: true },
  EVP_DigestSignUpdate: { continues: true, notImplementation: true },
  EVP_DigestSignFinal: { continues: true, notImplementation: true },
  EVP_DigestVerifyUpdate: { continues: true, notImplementation: true },
  EVP_DigestVerifyFinal: { continues: true, notImplementation: true },
  // Signing and MAC with a key object: the key's type decides (HMAC, Poly1305, RSA, ECDSA …).
  EVP_DigestSignInit: { args: { hash: 2, key: 4 }, candidates: SIGNING_KEYS },
  EVP_DigestVerifyInit: { args: { hash: 2, key: 4 }, candidates: SIGNING_KEYS },
  EVP_PKEY_sign_init: { object: 0, candidates: SIGNING_KEYS },
  EVP_PKEY_verify_init: { object: 0, candidates: SIGNING_KEYS },
  EVP_PKEY_encrypt_init: { object: 0, candidates: [{ id: 'rsa' }, { id: 'sm2' }] },
  EVP_PKEY_decrypt_init: { object: 0, candidates: [{ id: 'rsa' }, { id: 'sm2' }] },
  EVP_PKEY_derive_init: { object: 0, candidates: AGREEMENT_KEYS },
  EVP_PKEY_new_mac_key: { args: { alg: 0 }, descriptor: true },
  EVP_PKEY_new_raw_private_key: { args: { alg: 0 }, descriptor: true },
  EVP_KDF_CTX_new_id: { args: { alg: 0 } },
  // Importing key material (EVP_PKEY_fromdata) into a context made for it is key handling, not a use.
  EVP_PKEY_fromdata_init: { object: 0, paramOnly: true, keyImport: true },
  EVP_PKEY_fromdata: { object: 0, paramOnly: true, keyImport: true },
  EVP_MAC_CTX_new: { continues: true, notImplementation: true },
  CRYPTO_poly1305_init: { id: 'poly1305' },
  SSL_CTX_set_tmp_dh: { id: 'dh' },
  SSL_set_tmp_dh: { id: 'dh' },
  EVP_SIGNATURE_fetch: { args: { alg: 1 } },
  EVP_KEM_fetch: { args: { alg: 1 } },
  EVP_KEYMGMT_fetch: { args: { alg: 1 } },
  EVP_KEYEXCH_fetch: { args: { alg: 1 } },
  EVP_PKEY_CTX_new_id: { args: { alg: 0 } },
  EVP_PKEY_CTX_new_from_name: { args: { alg: 1 } },
  EVP_PKEY_Q_keygen: { args: { alg: 2, keyBits: 3, curve: 3 } },
  EVP_PKEY_CTX_set_rsa_keygen_bits: { id: 'rsa', args: { keyBits: 1 } },
  EVP_PKEY_CTX_set_rsa_padding: { id: 'rsa', object: 0, establishes: true, args: { alg: 1 } },
  // Digests of a padding set on the same context: parameters of that operation, not uses of their own.
  EVP_PKEY_CTX_set_rsa_oaep_md: { id: 'rsa-oaep', object: 0, paramOnly: true, args: { hash: 1 } },
  EVP_PKEY_CTX_set_rsa_mgf1_md: { object: 0, paramOnly: true, args: { hash: 1 } },
  EVP_PKEY_CTX_set_signature_md: { object: 0, paramOnly: true, args: { hash: 1 } },
  EVP_PKEY_CTX_set_ec_paramgen_curve_nid: { id: 'ec', args: { curve: 1 } },
  EVP_PKEY_CTX_set_group_name: { id: 'ec', args: { curve: 1 } },
  EVP_PKEY_CTX_set_dh_paramgen_prime_len: { id: 'dh', args: { keyBits: 1 } },
  EVP_PKEY_CTX_set_dsa_paramgen_bits: { id: 'dsa', args: { keyBits: 1 } },
  RSA_new: { id: 'rsa' },
  RSA_generate_key_ex: { id: 'rsa', args: { keyBits: 1 } },
  RSA_generate_key: { id: 'rsa', args: { keyBits: 0 } },
  RSA_sign: { id: 'rsa-pkcs1v15', args: { hash: 0 } },
  RSA_verify: { id: 'rsa-pkcs1v15', args: { hash: 0 } },
  RSA_public_encrypt: { id: 'rsa', args: { alg: 4 } },
  RSA_private_decrypt: { id: 'rsa', args: { alg: 4 } },
  RSA_private_encrypt: { id: 'rsa', args: { alg: 4 } },
  RSA_public_decrypt: { id: 'rsa', args: { alg: 4 } },
  EC_KEY_new_by_curve_name: { id: 'ec', args: { curve: 0 } },
  EC_GROUP_new_by_curve_name: { id: 'ec', args: { curve: 0 } },
  EC_KEY_generate_key: { id: 'ec' },
  ECDSA_sign: { id: 'ecdsa' },
  ECDSA_do_sign: { id: 'ecdsa' },
  ECDSA_verify: { id: 'ecdsa' },
  ECDSA_do_verify: { id: 'ecdsa' },
  ECDH_compute_key: { id: 'ecdh' },
  DH_new: { id: 'dh' },
  DH_new_by_nid: { id: 'dh', args: { alg: 0 } },
  DH_generate_parameters_ex: { id: 'dh', args: { keyBits: 1 } },
  DH_generate_key: { id: 'dh' },
  DH_compute_key: { id: 'dh' },
  DH_get_2048_256: { id: 'dh', keyBits: 2048 },
  DH_get_2048_224: { id: 'dh', keyBits: 2048 },
  DH_get_1024_160: { id: 'dh', keyBits: 1024 },
  DSA_generate_parameters_ex: { id: 'dsa', args: { keyBits: 1 } },
  DSA_sign: { id: 'dsa' },
  DSA_verify: { id: 'dsa' },
  MD5_Init: { id: 'md5' },
  SHA1_Init: { id: 'sha-1' },
  SHA224_Init: { id: 'sha-224' },
  SHA256_Init: { id: 'sha-256' },
  SHA384_Init: { id: 'sha-384' },
  SHA512_Init: { id: 'sha-512' },
  HMAC: { id: 'hmac', args: { secret: 1, hash: 0 } },
  HMAC_Init_ex: { id: 'hmac', args: { secret: 1, hash: 3 } },
  AES_set_encrypt_key: { id: 'aes', args: { secret: 0, keyBits: 1 } },
  AES_set_decrypt_key: { id: 'aes', args: { secret: 0, keyBits: 1 } },
  AES_cbc_encrypt: { id: 'aes', mode: 'cbc' },
  AES_ecb_encrypt: { id: 'aes', mode: 'ecb' },
  DES_set_key: { id: 'des' },
  DES_set_key_checked: { id: 'des' },
  DES_ede3_cbc_encrypt: { id: '3des', keyBits: 168, mode: 'cbc' },
  RC4_set_key: { id: 'rc4' },
  PKCS5_PBKDF2_HMAC: { id: 'pbkdf2', args: { secret: 0, hash: 5 } },
  PKCS5_PBKDF2_HMAC_SHA1: { id: 'pbkdf2', hash: 'sha-1', args: { secret: 0 } },
  CMAC_Init: { id: 'cmac' },
  SSL_CTX_set_cipher_list: { args: { suites: 1 } },
  SSL_set_cipher_list: { args: { suites: 1 } },
  SSL_CTX_set_ciphersuites: { args: { suites: 1 } },
  SSL_set_ciphersuites: { args: { suites: 1 } },
  SSL_CTX_set1_groups_list: { args: { groups: 1 } },
  SSL_set1_groups_list: { args: { groups: 1 } },
  SSL_CTX_set1_curves_list: { args: { groups: 1 } },
  SSL_set1_curves_list: { args: { groups: 1 } },
  SSL_CTX_set1_groups: { args: { groups: 1 } },
  SSL_CTX_set1_sigalgs_list: { args: { sigalgs: 1 } },
  SSL_set1_sigalgs_list: { args: { sigalgs: 1 } },
  SSL_CTX_set1_client_sigalgs_list: { args: { sigalgs: 1 } },
  SSL_set1_groups: { args: { groups: 1 } },
};

const CURVE_NIDS: Readonly<Record<string, RefPart>> = {
  NID_X9_62_prime192v1: { curve: 'p-192' },
  NID_secp224r1: { curve: 'p-224' },
  NID_X9_62_prime256v1: { curve: 'p-256' },
  NID_secp384r1: { curve: 'p-384' },
  NID_secp521r1: { curve: 'p-521' },
  NID_secp256k1: { curve: 'secp256k1' },
  NID_brainpoolP256r1: { curve: 'brainpoolp256r1' },
  NID_brainpoolP384r1: { curve: 'brainpoolp384r1' },
  NID_brainpoolP512r1: { curve: 'brainpoolp512r1' },
  NID_sm2: { curve: 'sm2p256v1' },
  NID_X25519: { id: 'x25519', curve: 'curve25519' },
  NID_X448: { id: 'x448', curve: 'curve448' },
  NID_ED25519: { id: 'ed25519' },
  NID_ED448: { id: 'ed448' },
};

function symbols(): Record<string, RefPart> {
  const out: Record<string, RefPart> = { ...CURVE_NIDS };
  for (const [k, id] of Object.entries(DIGESTS)) out[`NID_${k}`] = { id };
  for (const bits of [2048, 3072, 4096, 6144, 8192]) {
    out[`NID_ffdhe${bits}`] = { id: 'dh', keyBits: bits, parameterSet: `ffdhe${bits}` };
  }
  Object.assign(out, {
    NID_rsaEncryption: { id: 'rsa' },
    NID_rsassaPss: { id: 'rsa-pss' },
    EVP_PKEY_RSA: { id: 'rsa' },
    EVP_PKEY_RSA_PSS: { id: 'rsa-pss' },
    EVP_PKEY_EC: { id: 'ec' },
    EVP_PKEY_DH: { id: 'dh' },
    EVP_PKEY_DHX: { id: 'dh' },
    EVP_PKEY_DSA: { id: 'dsa' },
    EVP_PKEY_X25519: { id: 'x25519' },
    EVP_PKEY_X448: { id: 'x448' },
    EVP_PKEY_ED25519: { id: 'ed25519' },
    EVP_PKEY_ED448: { id: 'ed448' },
    EVP_PKEY_HMAC: { id: 'hmac' },
    EVP_PKEY_HKDF: { id: 'hkdf' },
    EVP_PKEY_SM2: { id: 'sm2' },
    RSA_PKCS1_PADDING: { id: 'rsa', parameterSet: 'PKCS#1 v1.5 padding' },
    RSA_PKCS1_OAEP_PADDING: { id: 'rsa-oaep' },
    RSA_PKCS1_PSS_PADDING: { id: 'rsa-pss' },
    RSA_NO_PADDING: { id: 'rsa' },
    EVP_PKEY_POLY1305: { id: 'poly1305' },
    EVP_PKEY_CMAC: { id: 'cmac' },
    EVP_PKEY_SIPHASH: { id: 'siphash' },
    // EVP_KDF ids (OpenSSL 1.1.1 kdf.h) and the short names of obj_mac.h given to fetch calls.
    EVP_KDF_SSHKDF: { id: 'ssh-kdf' },
    EVP_KDF_HKDF: { id: 'hkdf' },
    EVP_KDF_PBKDF2: { id: 'pbkdf2' },
    EVP_KDF_TLS1_PRF: { id: 'tls-prf' },
    EVP_KDF_SCRYPT: { id: 'scrypt' },
    SN_poly1305: { id: 'poly1305' },
    SN_sha1: { id: 'sha-1' },
    SN_sha224: { id: 'sha-224' },
    SN_sha256: { id: 'sha-256' },
    SN_sha384: { id: 'sha-384' },
    SN_sha512: { id: 'sha-512' },
    SN_md5: { id: 'md5' },
    SN_sha3_256: { id: 'sha3-256' },
    SN_sha3_512: { id: 'sha3-512' },
    SN_hmac: { id: 'hmac' },
    SN_sshkdf: { id: 'ssh-kdf' },
    SN_hkdf: { id: 'hkdf' },
  });
  return out;
}

/** Algorithm names accepted by fetch/by-name calls (OpenSSL 3 provider names and aliases), normalised. */
function names(): Record<string, RefPart> {
  const out: Record<string, RefPart> = {};
  for (const fam of ['aes', 'camellia', 'aria']) {
    for (const bits of [128, 192, 256]) {
      for (const m of AES_MODES) {
        const ref = { id: fam, keyBits: bits, mode: baseMode(m) };
        out[normName(`${fam}-${bits}-${m}`)] = ref;
        out[normName(`id-${fam}${bits}-${m}`)] = ref;
      }
    }
  }
  for (const [k, id] of Object.entries(DIGESTS)) out[normName(k)] = { id };
  const more: Record<string, RefPart> = {
    sha2224: { id: 'sha-224' },
    sha2256: { id: 'sha-256' },
    sha2384: { id: 'sha-384' },
    sha2512: { id: 'sha-512' },
    sha2512224: { id: 'sha-512-224' },
    sha2512256: { id: 'sha-512-256' },
    des: { id: 'des' },
    descbc: { id: 'des', mode: 'cbc' },
    desede3: { id: '3des', keyBits: 168 },
    desede3cbc: { id: '3des', keyBits: 168, mode: 'cbc' },
    des3: { id: '3des', keyBits: 168 },
    rc4: { id: 'rc4' },
    chacha20: { id: 'chacha20' },
    chacha20poly1305: { id: 'chacha20-poly1305' },
    rsa: { id: 'rsa' },
    rsapss: { id: 'rsa-pss' },
    rsassapss: { id: 'rsa-pss' },
    ec: { id: 'ec' },
    ecdsa: { id: 'ecdsa' },
    ecdh: { id: 'ecdh' },
    x25519: { id: 'x25519' },
    x448: { id: 'x448' },
    ed25519: { id: 'ed25519' },
    ed448: { id: 'ed448' },
    dh: { id: 'dh' },
    dhx: { id: 'dh' },
    dsa: { id: 'dsa' },
    sm2: { id: 'sm2' },
    hmac: { id: 'hmac' },
    cmac: { id: 'cmac' },
    gmac: { id: 'gmac' },
    kmac128: { id: 'kmac128' },
    kmac256: { id: 'kmac256' },
    hkdf: { id: 'hkdf' },
    pbkdf2: { id: 'pbkdf2' },
    scrypt: { id: 'scrypt' },
    argon2id: { id: 'argon2' },
    tls1prf: { id: 'tls-prf' },
    sshkdf: { id: 'ssh-kdf' },
    poly1305: { id: 'poly1305' },
    siphash: { id: 'siphash' },
    mlkem512: { id: 'ml-kem-512' },
    mlkem768: { id: 'ml-kem-768' },
    mlkem1024: { id: 'ml-kem-1024' },
    mldsa44: { id: 'ml-dsa-44' },
    mldsa65: { id: 'ml-dsa-65' },
    mldsa87: { id: 'ml-dsa-87' },
    x25519mlkem768: { id: 'x25519mlkem768' },
    secp256r1mlkem768: { id: 'secp256r1mlkem768' },
    secp384r1mlkem1024: { id: 'secp384r1mlkem1024' },
    p256: { curve: 'p-256' },
    prime256v1: { curve: 'p-256' },
    secp256r1: { curve: 'p-256' },
    p384: { curve: 'p-384' },
    secp384r1: { curve: 'p-384' },
    p521: { curve: 'p-521' },
    secp521r1: { curve: 'p-521' },
    p224: { curve: 'p-224' },
    secp224r1: { curve: 'p-224' },
    secp256k1: { curve: 'secp256k1' },
    brainpoolp256r1: { curve: 'brainpoolp256r1' },
    brainpoolp384r1: { curve: 'brainpoolp384r1' },
    brainpoolp512r1: { curve: 'brainpoolp512r1' },
    ffdhe2048: { id: 'dh', keyBits: 2048, parameterSet: 'ffdhe2048' },
    ffdhe3072: { id: 'dh', keyBits: 3072, parameterSet: 'ffdhe3072' },
    ffdhe4096: { id: 'dh', keyBits: 4096, parameterSet: 'ffdhe4096' },
  };
  for (const v of ['sha2', 'shake']) {
    for (const lvl of ['128s', '128f', '192s', '192f', '256s', '256f']) {
      more[`slhdsa${v}${lvl}`] = { id: `slh-dsa-${v}-${lvl}` };
    }
  }
  return { ...out, ...more };
}

export const opensslTable: LibraryTable = Object.freeze({
  library: 'OpenSSL',
  source:
    'OpenSSL 3.x manual pages EVP_EncryptInit(3), EVP_DigestInit(3), EVP_PKEY_CTX_ctrl(3), EVP_PKEY_Q_keygen(3), SSL_CTX_set_cipher_list(3), SSL_CTX_set1_groups_list(3); include/openssl/obj_mac.h',
  functions: Object.freeze({ ...evpFunctions(), ...LEGACY }),
  symbols: Object.freeze(symbols()),
  names: Object.freeze(names()),
});

/** One-shot legacy digests (`SHA256(d, n, md)`): names generic enough to need an OpenSSL include. */
export const opensslLegacyDigestTable: LibraryTable = Object.freeze({
  library: 'OpenSSL',
  source: 'OpenSSL SHA256(3), MD5(3) one-shot functions (openssl/sha.h, openssl/md5.h)',
  headers: ['openssl/'],
  requireHeader: true,
  functions: Object.freeze({
    MD4: { id: 'md4' },
    MD5: { id: 'md5' },
    SHA1: { id: 'sha-1' },
    SHA224: { id: 'sha-224' },
    SHA256: { id: 'sha-256' },
    SHA384: { id: 'sha-384' },
    SHA512: { id: 'sha-512' },
  }),
});
