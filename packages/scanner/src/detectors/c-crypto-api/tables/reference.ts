/**
 * Reference implementations copied into firmware and PQC code under plain algorithm names.
 * - `referenceHashTable`: the FIPS 202 and SHA-2 reference code shared by PQClean, pq-crystals, pqm4
 *   (`shake128_absorb`, `sha3_256`, `sha256_inc_init` …) and mlkem-native's namespaced copies
 *   (`mlk_shake128_*`): names that say exactly what they compute.
 * - `genericTable`: small public-domain implementations (B-Con crypto-algorithms, RFC 1321 and RFC 3174
 *   sample code, countless firmware copies) under names an unrelated project may also use (`aes_encrypt`,
 *   `md5_update`, `rc4_crypt`): a definition counts only when confirmed where it stands (constants of the
 *   algorithm in the file, the algorithm in the file name or a parameter type), a call only where such a
 *   definition is in the tree.
 * - `katTable`: the NIST PQC submission KAT generator's AES-256 CTR_DRBG (rng.c).
 * Sources: FIPS 202, FIPS 180-4 (names only), RFC 1321 §A, RFC 3174 §7, B-Con/crypto-algorithms headers,
 * NIST PQC submission package rng.h.
 */
import type { ApiRow, LibraryTable } from './types.js';

const DONE = { continues: true } as const;

function hashRows(prefix: string, id: string): Record<string, ApiRow> {
  return {
    [prefix]: { id },
    [`${prefix}_init`]: { id },
    [`${prefix}_inc_init`]: { id },
    [`${prefix}_absorb`]: { id, ...DONE },
    [`${prefix}_absorb_once`]: { id },
    [`${prefix}_inc_absorb`]: { id, ...DONE },
    [`${prefix}_finalize`]: { id, ...DONE },
    [`${prefix}_inc_finalize`]: { id, ...DONE },
    [`${prefix}_squeeze`]: { id, ...DONE },
    [`${prefix}_squeezeblocks`]: { id, ...DONE },
    [`${prefix}_inc_squeeze`]: { id, ...DONE },
    [`${prefix}_inc_blocks`]: { id, ...DONE },
    [`${prefix}_inc_ctx_clone`]: { id, ...DONE, notImplementation: true },
    [`${prefix}_inc_ctx_release`]: { id, ...DONE, notImplementation: true },
    [`${prefix}_ctx_clone`]: { id, ...DONE, notImplementation: true },
    [`${prefix}_ctx_release`]: { id, ...DONE, notImplementation: true },
  };
}

const REFERENCE_HASHES: Readonly<Record<string, string>> = {
  shake128: 'shake128',
  shake256: 'shake256',
  sha3_224: 'sha3-224',
  sha3_256: 'sha3-256',
  sha3_384: 'sha3-384',
  sha3_512: 'sha3-512',
  sha224: 'sha-224',
  sha256: 'sha-256',
  sha384: 'sha-384',
  sha512: 'sha-512',
};

const reference: Record<string, ApiRow> = {};
for (const [prefix, id] of Object.entries(REFERENCE_HASHES)) {
  Object.assign(reference, hashRows(prefix, id));
  if (/^sha(224|256|384|512)$/.test(prefix)) continue;
  // mlkem-native / mldsa-native namespaced copies of the FIPS 202 API.
  for (const ns of ['mlk', 'mld']) {
    Object.assign(reference, hashRows(`${ns}_${prefix}`, id));
    Object.assign(reference, hashRows(`${ns}_${prefix}x4`, id));
  }
}
// PQClean common/aes.c: bitsliced AES-128/192/256 in ECB and CTR mode.
for (const bits of [128, 192, 256]) {
  for (const mode of ['ecb', 'ctr']) {
    reference[`aes${bits}_${mode}_keyexp`] = { id: 'aes', keyBits: bits, mode };
    reference[`aes${bits}_${mode}`] = { id: 'aes', keyBits: bits, mode };
  }
  reference[`aes${bits}_ctx_release`] = { id: 'aes', keyBits: bits, ...DONE, notImplementation: true };
}

export const referenceHashTable: LibraryTable = Object.freeze({
  library: 'FIPS 202 / SHA-2 reference code',
  commonNames: true,
  source:
    'PQClean common/fips202.h, sha2.h, aes.h; pq-crystals ref/fips202.h; mlkem-native mlkem/src/fips202/fips202.h',
  functions: Object.freeze(reference),
});

const AES = { id: 'aes' } as const;
const generic: Record<string, ApiRow> = {
  // B-Con crypto-algorithms aes.h: keysize is an argument in bits.
  aes_key_setup: { ...AES, args: { keyBits: 2 } },
  aes_encrypt: { ...AES, args: { keyBits: 3 } },
  aes_decrypt: { ...AES, args: { keyBits: 3 } },
  aes_encrypt_cbc: { ...AES, mode: 'cbc', args: { keyBits: 4 } },
  aes_encrypt_cbc_mac: { ...AES, mode: 'cbc', args: { keyBits: 4 } },
  aes_decrypt_cbc: { ...AES, mode: 'cbc', args: { keyBits: 4 } },
  aes_encrypt_ctr: { ...AES, mode: 'ctr', args: { keyBits: 4 } },
  aes_decrypt_ctr: { ...AES, mode: 'ctr', args: { keyBits: 4 } },
  aes_encrypt_ccm: { ...AES, mode: 'ccm', args: { keyBits: 10 } },
  aes_decrypt_ccm: { ...AES, mode: 'ccm', args: { keyBits: 11 } },
  aes_setkey: AES,
  aes_set_key: AES,
  aes_init: AES,
  aes_expand_key: AES,
  aes_encrypt_block: AES,
  aes_decrypt_block: AES,
  arcfour_key_setup: { id: 'rc4' },
  arcfour_generate_stream: { id: 'rc4' },
  arcfour_init: { id: 'rc4' },
  arcfour_crypt: { id: 'rc4' },
  rc4_init: { id: 'rc4' },
  rc4_setup: { id: 'rc4' },
  rc4_set_key: { id: 'rc4' },
  rc4_crypt: { id: 'rc4' },
  rc4_encrypt: { id: 'rc4' },
  blowfish_key_setup: { id: 'blowfish' },
  blowfish_encrypt: { id: 'blowfish' },
  blowfish_decrypt: { id: 'blowfish' },
  blowfish_init: { id: 'blowfish' },
  des_key_setup: { id: 'des' },
  des_setkey: { id: 'des' },
  des_set_key: { id: 'des' },
  des_crypt: { id: 'des' },
  des_encrypt: { id: 'des' },
  des_decrypt: { id: 'des' },
  three_des_key_setup: { id: '3des' },
  three_des_crypt: { id: '3des' },
  des3_setkey: { id: '3des' },
  des3_set_key: { id: '3des' },
  des3_crypt: { id: '3des' },
  tdes_setkey: { id: '3des' },
  tdes_crypt: { id: '3des' },
  md2_init: { id: 'md2' },
  md2_update: { id: 'md2', ...DONE },
  md2_final: { id: 'md2', ...DONE },
  md2_transform: { id: 'md2', ...DONE },
  md4_init: { id: 'md4' },
  md4_update: { id: 'md4', ...DONE },
  md4_final: { id: 'md4', ...DONE },
  md5_init: { id: 'md5' },
  md5_update: { id: 'md5', ...DONE },
  md5_final: { id: 'md5', ...DONE },
  md5_transform: { id: 'md5', ...DONE },
  MD5Init: { id: 'md5' },
  MD5Update: { id: 'md5', ...DONE },
  MD5Final: { id: 'md5', ...DONE },
  MD5_Init_ref: { id: 'md5' },
  sha1_init: { id: 'sha-1' },
  sha1_update: { id: 'sha-1', ...DONE },
  sha1_final: { id: 'sha-1', ...DONE },
  sha1_transform: { id: 'sha-1', ...DONE },
  SHA1Init: { id: 'sha-1' },
  SHA1Update: { id: 'sha-1', ...DONE },
  SHA1Final: { id: 'sha-1', ...DONE },
  SHA1Reset: { id: 'sha-1' },
  SHA1Input: { id: 'sha-1', ...DONE },
  SHA1Result: { id: 'sha-1', ...DONE },
  sha256_update: { id: 'sha-256', ...DONE },
  sha256_final: { id: 'sha-256', ...DONE },
  sha256_transform: { id: 'sha-256', ...DONE },
  sha512_update: { id: 'sha-512', ...DONE },
  sha512_final: { id: 'sha-512', ...DONE },
  sha512_block: { id: 'sha-512', ...DONE },
  sha3_init: { id: 'sha3-256' },
  sha3_update: { id: 'sha3-256', ...DONE },
  sha3_final: { id: 'sha3-256', ...DONE },
  sha3_keccakf: { id: 'sha3-256', parameterSet: 'keccak-f1600' },
  shake_xof: { id: 'shake256', ...DONE },
  shake_out: { id: 'shake256', ...DONE },
  hkdf: { id: 'hkdf' },
  hkdf_extract: { id: 'hkdf' },
  hkdf_expand: { id: 'hkdf' },
};

export const genericTable: LibraryTable = Object.freeze({
  library: 'reference implementation',
  source:
    'B-Con/crypto-algorithms {aes,arcfour,blowfish,des,md2,md5,sha1,sha256}.h; RFC 1321 §A (MD5Init); RFC 3174 §7 (SHA1Reset); tiny_sha3 sha3.h',
  generic: true,
  commonNames: true,
  functions: Object.freeze(generic),
});

export const katTable: LibraryTable = Object.freeze({
  library: 'NIST PQC KAT generator',
  source: 'NIST PQC submission package rng.h/rng.c (AES-256 CTR_DRBG for known-answer tests)',
  functions: Object.freeze({
    AES256_CTR_DRBG_Update: { id: 'ctr-drbg', keyBits: 256 },
  }),
});

/** BoringSSL's curve25519 API, vendored as fiat-crypto code by MCUboot and others. Source: BoringSSL include/openssl/curve25519.h. */
export const curve25519Table: LibraryTable = Object.freeze({
  library: 'curve25519 (BoringSSL/fiat)',
  source: 'BoringSSL include/openssl/curve25519.h (X25519, ED25519_sign, ED25519_verify)',
  functions: Object.freeze({
    X25519: { id: 'x25519' },
    X25519_keypair: { id: 'x25519' },
    X25519_public_from_private: { id: 'x25519' },
    ED25519_keypair: { id: 'ed25519' },
    ED25519_sign: { id: 'ed25519' },
    ED25519_verify: { id: 'ed25519' },
    ED25519_keypair_from_seed: { id: 'ed25519' },
  }),
});
