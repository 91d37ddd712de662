/**
 * TinyCrypt (Intel, used by Zephyr and MCUboot): the whole tc_* API (AES-128, CBC/CTR/CCM/CMAC, SHA-256,
 * HMAC-SHA256, HMAC-DRBG, CTR-DRBG) and its micro-ecc derived ECDH/ECDSA, which support P-256 only.
 * `continues` rows carry on an operation already counted (update, final, generate, reseed).
 * Source: intel/tinycrypt lib/include/tinycrypt/*.h (v0.2.8).
 */
import type { ApiRow, LibraryTable } from './types.js';

const AES128 = { id: 'aes', keyBits: 128 } as const;
const P256 = { curve: 'p-256' } as const;
const DONE: Pick<ApiRow, 'continues'> = { continues: true };

export const tinycryptTable: LibraryTable = Object.freeze({
  library: 'TinyCrypt',
  source:
    'intel/tinycrypt lib/include/tinycrypt/{aes,cbc_mode,ctr_mode,ccm_mode,cmac_mode,sha256,hmac,hmac_prng,ctr_prng,ecc,ecc_dh,ecc_dsa}.h',
  headers: ['tinycrypt/'],
  functions: Object.freeze({
    tc_aes128_set_encrypt_key: AES128,
    tc_aes128_set_decrypt_key: AES128,
    tc_aes_encrypt: AES128,
    tc_aes_decrypt: AES128,
    tc_cbc_mode_encrypt: { ...AES128, mode: 'cbc' },
    tc_cbc_mode_decrypt: { ...AES128, mode: 'cbc' },
    tc_ctr_mode: { ...AES128, mode: 'ctr' },
    tc_ccm_config: { ...AES128, mode: 'ccm' },
    tc_ccm_generation_encryption: { ...AES128, mode: 'ccm' },
    tc_ccm_decryption_verification: { ...AES128, mode: 'ccm' },
    tc_cmac_setup: { id: 'cmac', keyBits: 128 },
    tc_cmac_init: { id: 'cmac', ...DONE },
    tc_cmac_update: { id: 'cmac', ...DONE },
    tc_cmac_final: { id: 'cmac', ...DONE },
    tc_cmac_erase: { id: 'cmac', notImplementation: true, ...DONE },
    tc_sha256_init: { id: 'sha-256' },
    tc_sha256_update: { id: 'sha-256', ...DONE },
    tc_sha256_final: { id: 'sha-256', ...DONE },
    // SHA-512 of the TinyCrypt fork MCUboot and Zephyr carry (tinycrypt/sha512.h).
    tc_sha512_init: { id: 'sha-512' },
    tc_sha512_update: { id: 'sha-512', ...DONE },
    tc_sha512_final: { id: 'sha-512', ...DONE },
    tc_hmac_set_key: { id: 'hmac', hash: 'sha-256' },
    tc_hmac_init: { id: 'hmac', hash: 'sha-256', ...DONE },
    tc_hmac_update: { id: 'hmac', hash: 'sha-256', ...DONE },
    tc_hmac_final: { id: 'hmac', hash: 'sha-256', ...DONE },
    tc_hmac_prng_init: { id: 'hmac-drbg', hash: 'sha-256' },
    tc_hmac_prng_reseed: { id: 'hmac-drbg', hash: 'sha-256', ...DONE },
    tc_hmac_prng_generate: { id: 'hmac-drbg', hash: 'sha-256', ...DONE },
    tc_ctr_prng_init: { id: 'ctr-drbg' },
    tc_ctr_prng_reseed: { id: 'ctr-drbg', ...DONE },
    tc_ctr_prng_generate: { id: 'ctr-drbg', ...DONE },
    tc_ctr_prng_uninstantiate: { id: 'ctr-drbg', notImplementation: true, ...DONE },
    uECC_make_key: { id: 'ec', ...P256 },
    uECC_make_key_with_d: { id: 'ec', ...P256 },
    uECC_compute_public_key: { id: 'ec', ...P256 },
    uECC_shared_secret: { id: 'ecdh', ...P256 },
    uECC_sign: { id: 'ecdsa', ...P256 },
    uECC_sign_with_k: { id: 'ecdsa', ...P256 },
    uECC_verify: { id: 'ecdsa', ...P256 },
    // The curve object: its definition implements the curve; a call only names it for another call.
    uECC_secp256r1: { id: 'ec', ...P256, ...DONE },
  }),
});
