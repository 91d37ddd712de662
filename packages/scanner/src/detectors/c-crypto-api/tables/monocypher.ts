/**
 * Monocypher 3.x/4.x: X25519, EdDSA over Curve25519 with BLAKE2b (crypto_eddsa_*, 3.x crypto_sign/check:
 * not Ed25519), the optional Ed25519/SHA-512 module (crypto_ed25519_*, crypto_sha512*), ChaCha20 and
 * XChaCha20-Poly1305 / ChaCha20-Poly1305, Poly1305, BLAKE2b, Argon2.
 * Source: Monocypher manual (monocypher.org/manual), src/monocypher.h and src/optional/monocypher-ed25519.h.
 */
import type { LibraryTable } from './types.js';

const EDDSA = { id: 'eddsa-25519-blake2b' } as const;
const DONE = { continues: true } as const;

export const monocypherTable: LibraryTable = Object.freeze({
  library: 'Monocypher',
  source:
    'Monocypher 4.0 manual and src/monocypher.h, src/optional/monocypher-ed25519.h; 3.x crypto_sign/crypto_check/crypto_lock',
  headers: ['monocypher.h', 'monocypher-ed25519.h'],
  functions: Object.freeze({
    crypto_x25519: { id: 'x25519' },
    crypto_x25519_public_key: { id: 'x25519' },
    crypto_x25519_dirty_small: { id: 'x25519' },
    crypto_x25519_dirty_fast: { id: 'x25519' },
    crypto_x25519_inverse: { id: 'x25519' },
    crypto_elligator_map: { id: 'x25519' },
    crypto_elligator_rev: { id: 'x25519' },
    crypto_elligator_key_pair: { id: 'x25519' },
    crypto_key_exchange: { id: 'x25519' },
    crypto_eddsa_key_pair: EDDSA,
    crypto_eddsa_sign: EDDSA,
    crypto_eddsa_check: EDDSA,
    crypto_sign_public_key: EDDSA,
    crypto_sign: EDDSA,
    crypto_check: EDDSA,
    crypto_ed25519_key_pair: { id: 'ed25519' },
    crypto_ed25519_sign: { id: 'ed25519' },
    crypto_ed25519_check: { id: 'ed25519' },
    crypto_ed25519_ph_sign: { id: 'ed25519', parameterSet: 'Ed25519ph' },
    crypto_ed25519_ph_check: { id: 'ed25519', parameterSet: 'Ed25519ph' },
    crypto_aead_lock: { id: 'xchacha20-poly1305' },
    crypto_aead_unlock: { id: 'xchacha20-poly1305' },
    crypto_aead_init_x: { id: 'xchacha20-poly1305' },
    crypto_aead_init_djb: { id: 'chacha20-poly1305' },
    crypto_aead_init_ietf: { id: 'chacha20-poly1305' },
    crypto_aead_write: { id: 'chacha20-poly1305', ...DONE, notImplementation: true },
    crypto_aead_read: { id: 'chacha20-poly1305', ...DONE, notImplementation: true },
    crypto_lock: { id: 'xchacha20-poly1305' },
    crypto_unlock: { id: 'xchacha20-poly1305' },
    crypto_blake2b: { id: 'blake2b' },
    crypto_blake2b_keyed: { id: 'blake2b' },
    crypto_blake2b_init: { id: 'blake2b' },
    crypto_blake2b_keyed_init: { id: 'blake2b' },
    crypto_blake2b_update: { id: 'blake2b', ...DONE },
    crypto_blake2b_final: { id: 'blake2b', ...DONE },
    crypto_argon2: { id: 'argon2' },
    crypto_argon2i: { id: 'argon2' },
    crypto_chacha20_h: { id: 'chacha20' },
    crypto_chacha20_x: { id: 'chacha20' },
    crypto_chacha20_djb: { id: 'chacha20' },
    crypto_chacha20_ietf: { id: 'chacha20' },
    crypto_poly1305: { id: 'poly1305' },
    crypto_poly1305_init: { id: 'poly1305' },
    crypto_poly1305_update: { id: 'poly1305', ...DONE },
    crypto_poly1305_final: { id: 'poly1305', ...DONE },
    crypto_sha512: { id: 'sha-512' },
    crypto_sha512_init: { id: 'sha-512' },
    crypto_sha512_update: { id: 'sha-512', ...DONE },
    crypto_sha512_final: { id: 'sha-512', ...DONE },
    crypto_sha512_hmac: { id: 'hmac', hash: 'sha-512' },
    crypto_sha512_hmac_init: { id: 'hmac', hash: 'sha-512' },
    crypto_sha512_hmac_update: { id: 'hmac', hash: 'sha-512', ...DONE },
    crypto_sha512_hmac_final: { id: 'hmac', hash: 'sha-512', ...DONE },
    crypto_sha512_hkdf: { id: 'hkdf', hash: 'sha-512' },
    crypto_sha512_hkdf_expand: { id: 'hkdf', hash: 'sha-512' },
  }),
});
