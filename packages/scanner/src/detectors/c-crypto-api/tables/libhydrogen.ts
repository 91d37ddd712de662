/**
 * libhydrogen (jedisct1/libhydrogen): every symmetric primitive is built on the Gimli permutation (hash,
 * KDF, secretbox, password hashing, the random generator); key exchange is Noise over X25519; signatures
 * are its own Schnorr-style scheme over Curve25519 (hydro_sign). Source: libhydrogen hydrogen.h and wiki.
 */
import type { ApiRow, LibraryTable } from './types.js';

const GIMLI = { id: 'gimli' } as const;
const DONE = { continues: true } as const;

const kx: Record<string, ApiRow> = {};
for (const p of ['n', 'kk', 'xx', 'nk'])
  for (const step of [1, 2, 3, 4]) kx[`hydro_kx_${p}_${step}`] = { id: 'x25519' };

export const libhydrogenTable: LibraryTable = Object.freeze({
  library: 'libhydrogen',
  source: 'jedisct1/libhydrogen hydrogen.h, impl/*.h; github.com/jedisct1/libhydrogen/wiki',
  headers: ['hydrogen.h'],
  functions: Object.freeze({
    gimli_core: GIMLI,
    hydro_hash_init: GIMLI,
    hydro_hash_update: { ...GIMLI, ...DONE },
    hydro_hash_final: { ...GIMLI, ...DONE },
    hydro_hash_hash: GIMLI,
    hydro_hash_keygen: GIMLI,
    hydro_kdf_derive_from_key: GIMLI,
    hydro_kdf_keygen: GIMLI,
    hydro_secretbox_encrypt: GIMLI,
    hydro_secretbox_decrypt: GIMLI,
    hydro_secretbox_keygen: GIMLI,
    hydro_secretbox_probe_create: GIMLI,
    hydro_secretbox_probe_verify: GIMLI,
    hydro_random_u32: GIMLI,
    hydro_random_uniform: GIMLI,
    hydro_random_buf: GIMLI,
    hydro_random_buf_deterministic: GIMLI,
    hydro_random_ratchet: GIMLI,
    hydro_random_reseed: { ...GIMLI, ...DONE },
    hydro_pwhash_keygen: GIMLI,
    hydro_pwhash_deterministic: GIMLI,
    hydro_pwhash_create: GIMLI,
    hydro_pwhash_verify: GIMLI,
    hydro_pwhash_derive_static_key: GIMLI,
    hydro_pwhash_reencrypt: GIMLI,
    hydro_pwhash_upgrade: GIMLI,
    hydro_x25519_scalarmult: { id: 'x25519' },
    hydro_x25519_scalarmult_base: { id: 'x25519' },
    hydro_x25519_scalarmult_base_uniform: { id: 'x25519' },
    hydro_kx_keygen: { id: 'x25519' },
    hydro_kx_keygen_deterministic: { id: 'x25519' },
    ...kx,
    hydro_sign_keygen: { id: 'hydro-sign' },
    hydro_sign_keygen_deterministic: { id: 'hydro-sign' },
    hydro_sign_init: { id: 'hydro-sign' },
    hydro_sign_update: { id: 'hydro-sign', ...DONE },
    hydro_sign_final_create: { id: 'hydro-sign', ...DONE },
    hydro_sign_final_verify: { id: 'hydro-sign', ...DONE },
    hydro_sign_create: { id: 'hydro-sign' },
    hydro_sign_verify: { id: 'hydro-sign' },
  }),
});
