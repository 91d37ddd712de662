/**
 * micro-ecc (kmackay/micro-ecc): ECDH and ECDSA over secp160r1, secp192r1, secp224r1, secp256r1 and
 * secp256k1; the curve is passed as a uECC_Curve, and each curve is compiled in by its
 * uECC_SUPPORTS_<curve> macro (default 1). Source: kmackay/micro-ecc uECC.h (v1.1).
 */
import type { ApiRow, LibraryTable, RefPart } from './types.js';

const CURVES: Readonly<Record<string, string>> = {
  uECC_secp160r1: 'secp160r1',
  uECC_secp192r1: 'p-192',
  uECC_secp224r1: 'p-224',
  uECC_secp256r1: 'p-256',
  uECC_secp256k1: 'secp256k1',
};

const curveRows: Record<string, ApiRow> = {};
const constructors: Record<string, RefPart> = {};
for (const [name, curve] of Object.entries(CURVES)) {
  // The curve object: its definition implements the curve; a call only names it for another call.
  curveRows[name] = { id: 'ec', curve, continues: true };
  constructors[name] = { curve };
}

export const microEccTable: LibraryTable = Object.freeze({
  library: 'micro-ecc',
  source: 'kmackay/micro-ecc uECC.h (v1.1)',
  headers: ['uECC.h'],
  functions: Object.freeze({
    uECC_make_key: { id: 'ec', args: { curve: 2 } },
    uECC_compute_public_key: { id: 'ec', args: { curve: 2 } },
    uECC_shared_secret: { id: 'ecdh', args: { secret: 1, curve: 3 } },
    uECC_sign: { id: 'ecdsa', args: { secret: 0, curve: 4 } },
    uECC_sign_with_k: { id: 'ecdsa', args: { secret: 0, curve: 5 } },
    uECC_sign_deterministic: { id: 'ecdsa', args: { secret: 0, curve: 5 } },
    uECC_verify: { id: 'ecdsa', args: { curve: 4 } },
    ...curveRows,
  }),
  constructors: Object.freeze(constructors),
});
