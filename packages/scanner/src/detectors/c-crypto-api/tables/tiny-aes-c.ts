/**
 * tiny-AES-c (kokke/tiny-AES-c): AES in one file; the key size is chosen by the AES128/AES192/AES256
 * macros in aes.h, which set AES_KEYLEN in bytes; ECB, CBC and CTR are compiled in by their macros.
 * Source: kokke/tiny-AES-c aes.h.
 */
import type { LibraryTable } from './types.js';

const KEYLEN = { macroParams: { keyBytes: 'AES_KEYLEN' } } as const;

export const tinyAesTable: LibraryTable = Object.freeze({
  library: 'tiny-AES-c',
  source: 'kokke/tiny-AES-c aes.h (AES_init_ctx, AES_ECB_*, AES_CBC_*_buffer, AES_CTR_xcrypt_buffer)',
  headers: ['aes.h', 'aes.hpp'],
  functions: Object.freeze({
    AES_init_ctx: { id: 'aes', ...KEYLEN, args: { secret: 1 } },
    AES_init_ctx_iv: { id: 'aes', ...KEYLEN, args: { secret: 1 } },
    AES_ctx_set_iv: { id: 'aes', continues: true, notImplementation: true },
    AES_ECB_encrypt: { id: 'aes', mode: 'ecb', ...KEYLEN },
    AES_ECB_decrypt: { id: 'aes', mode: 'ecb', ...KEYLEN },
    AES_CBC_encrypt_buffer: { id: 'aes', mode: 'cbc', ...KEYLEN },
    AES_CBC_decrypt_buffer: { id: 'aes', mode: 'cbc', ...KEYLEN },
    AES_CTR_xcrypt_buffer: { id: 'aes', mode: 'ctr', ...KEYLEN },
  }),
});
