/**
 * Monocypher 3.x/4.x: X25519, EdDSA (BLAKE2b or SHA-512 variants), XChaCha20-Poly1305, BLAKE2b, Argon2.
 * Source: Monocypher manual (monocypher.org/manual), src/monocypher.h and src/optional/monocypher-ed25519.h.
 */
import type { LibraryTable } from './types.js';

export const monocypherTable: LibraryTable = Object.freeze({
  library: 'Monocypher',
  source: 'Monocypher 4.0 manual and src/monocypher.h; 3.x crypto_sign/crypto_check/crypto_lock',
  headers: ['monocypher.h', 'monocypher-ed25519.h'],
  functions: Object.freeze({
    crypto_x25519: { id: 'x25519' },
    crypto_x25519_public_key: { id: 'x25519' },
    crypto_key_exchange: { id: 'x25519' },
    crypto_eddsa_key_pair: { id: 'ed25519', hash: 'blake2b' },
    crypto_eddsa_sign: { id: 'ed25519', hash: 'blake2b' },
    crypto_eddsa_check: { id: 'ed25519', hash: 'blake2b' },
    crypto_sign: { id: 'ed25519', hash: 'blake2b' },
    crypto_check: { id: 'ed25519', hash: 'blake2b' },
    crypto_ed25519_sign: { id: 'ed25519' },
    crypto_ed25519_check: { id: 'ed25519' },
    crypto_aead_lock: { id: 'xchacha20-poly1305' },
    crypto_aead_unlock: { id: 'xchacha20-poly1305' },
    crypto_lock: { id: 'xchacha20-poly1305' },
    crypto_unlock: { id: 'xchacha20-poly1305' },
    crypto_blake2b: { id: 'blake2b' },
    crypto_argon2: { id: 'argon2' },
    crypto_argon2i: { id: 'argon2' },
    crypto_chacha20_x: { id: 'chacha20' },
    crypto_chacha20_djb: { id: 'chacha20' },
    crypto_poly1305: { id: 'poly1305' },
    crypto_sha512: { id: 'sha-512' },
  }),
});
