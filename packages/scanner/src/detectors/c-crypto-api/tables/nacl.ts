/**
 * NaCl and TweetNaCl: crypto_box = Curve25519 + XSalsa20-Poly1305 (the public-key part is X25519),
 * crypto_secretbox = XSalsa20-Poly1305, crypto_stream = XSalsa20, crypto_onetimeauth = Poly1305,
 * crypto_hash = SHA-512, crypto_sign = Ed25519. TweetNaCl defines these names and renames them to
 * *_tweet through macros in tweetnacl.h. Source: NaCl documentation (nacl.cr.yp.to), TweetNaCl paper
 * and tweetnacl.h (tweetnacl.cr.yp.to).
 */
import type { LibraryTable } from './types.js';

const X25519 = { id: 'x25519' } as const;
const BOX = { id: 'xsalsa20-poly1305' } as const;
const DONE = { continues: true } as const;

export const naclTable: LibraryTable = Object.freeze({
  library: 'TweetNaCl',
  source:
    'nacl.cr.yp.to (crypto_box, crypto_secretbox, crypto_stream, crypto_onetimeauth, crypto_hash, crypto_sign); tweetnacl.h',
  headers: ['tweetnacl.h', 'nacl.h', 'crypto_box.h', 'crypto_sign.h'],
  functions: Object.freeze({
    crypto_box: X25519,
    crypto_box_open: X25519,
    crypto_box_keypair: X25519,
    crypto_box_beforenm: X25519,
    crypto_box_afternm: { ...BOX, ...DONE },
    crypto_box_open_afternm: { ...BOX, ...DONE },
    crypto_scalarmult: X25519,
    crypto_scalarmult_base: X25519,
    crypto_secretbox: BOX,
    crypto_secretbox_open: BOX,
    crypto_stream: { id: 'xsalsa20' },
    crypto_stream_xor: { id: 'xsalsa20' },
    crypto_stream_salsa20: { id: 'salsa20' },
    crypto_stream_salsa20_xor: { id: 'salsa20' },
    crypto_core_salsa20: { id: 'salsa20' },
    crypto_core_hsalsa20: { id: 'salsa20' },
    crypto_onetimeauth: { id: 'poly1305' },
    crypto_onetimeauth_verify: { id: 'poly1305' },
    crypto_hash: { id: 'sha-512' },
    crypto_hashblocks: { id: 'sha-512' },
    crypto_sign: { id: 'ed25519' },
    crypto_sign_open: { id: 'ed25519' },
    crypto_sign_keypair: { id: 'ed25519' },
  }),
});
