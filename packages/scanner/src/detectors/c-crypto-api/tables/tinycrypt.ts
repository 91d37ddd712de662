/**
 * TinyCrypt (Intel, used by Zephyr and MCUboot): AES-128, modes, SHA-256, HMAC, DRBGs, and the
 * P-256-only micro-ecc derived ECDH/ECDSA. Source: intel/tinycrypt lib/include/tinycrypt/*.h.
 */
import type { LibraryTable } from './types.js';

export const tinycryptTable: LibraryTable = Object.freeze({
  library: 'TinyCrypt',
  source:
    'intel/tinycrypt lib/include/tinycrypt/{aes,cbc_mode,ctr_mode,ccm_mode,cmac_mode,sha256,hmac,ecc_dh,ecc_dsa}.h',
  headers: ['tinycrypt/'],
  functions: Object.freeze({
    tc_aes128_set_encrypt_key: { id: 'aes', keyBits: 128 },
    tc_aes128_set_decrypt_key: { id: 'aes', keyBits: 128 },
    tc_cbc_mode_encrypt: { id: 'aes', keyBits: 128, mode: 'cbc' },
    tc_cbc_mode_decrypt: { id: 'aes', keyBits: 128, mode: 'cbc' },
    tc_ctr_mode: { id: 'aes', keyBits: 128, mode: 'ctr' },
    tc_ccm_config: { id: 'aes', keyBits: 128, mode: 'ccm' },
    tc_cmac_setup: { id: 'cmac', keyBits: 128 },
    tc_sha256_init: { id: 'sha-256' },
    tc_hmac_set_key: { id: 'hmac', hash: 'sha-256' },
    tc_hmac_prng_init: { id: 'hmac-drbg', hash: 'sha-256' },
    tc_ctr_prng_init: { id: 'ctr-drbg' },
    uECC_make_key: { id: 'ec', args: { curve: 2 } },
    uECC_shared_secret: { id: 'ecdh', args: { curve: 3 } },
    uECC_sign: { id: 'ecdsa', args: { curve: 4 } },
    uECC_verify: { id: 'ecdsa', args: { curve: 4 } },
  }),
});
