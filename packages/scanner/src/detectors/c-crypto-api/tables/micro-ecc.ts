/**
 * micro-ecc (kmackay/micro-ecc): ECDH and ECDSA over secp160r1…secp256k1, curve passed as uECC_Curve.
 * Source: kmackay/micro-ecc uECC.h.
 */
import type { LibraryTable } from './types.js';

export const microEccTable: LibraryTable = Object.freeze({
  library: 'micro-ecc',
  source: 'kmackay/micro-ecc uECC.h (v1.1)',
  headers: ['uECC.h'],
  functions: Object.freeze({
    uECC_make_key: { id: 'ec', args: { curve: 2 } },
    uECC_shared_secret: { id: 'ecdh', args: { curve: 3 } },
    uECC_sign: { id: 'ecdsa', args: { curve: 4 } },
    uECC_sign_deterministic: { id: 'ecdsa', args: { curve: 5 } },
    uECC_verify: { id: 'ecdsa', args: { curve: 4 } },
  }),
  constructors: Object.freeze({
    uECC_secp160r1: { curve: 'secp160r1' },
    uECC_secp192r1: { curve: 'p-192' },
    uECC_secp224r1: { curve: 'p-224' },
    uECC_secp256r1: { curve: 'p-256' },
    uECC_secp256k1: { curve: 'secp256k1' },
  }),
});
