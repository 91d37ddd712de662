/**
 * liboqs (Open Quantum Safe): generic OQS_KEM/OQS_SIG objects created from algorithm identifiers,
 * and per-scheme functions (OQS_KEM_ml_kem_768_keypair …). Source: liboqs src/kem/kem.h, src/sig/sig.h (0.12–0.14).
 */
import type { ApiRow, LibraryTable, RefPart } from './types.js';

/** liboqs scheme suffix → catalog algorithm. */
const OQS_SCHEMES: Readonly<Record<string, RefPart>> = Object.freeze({
  ml_kem_512: { id: 'ml-kem-512' },
  ml_kem_768: { id: 'ml-kem-768' },
  ml_kem_1024: { id: 'ml-kem-1024' },
  kyber_512: { id: 'kyber-512' },
  kyber_768: { id: 'kyber-768' },
  kyber_1024: { id: 'kyber-1024' },
  hqc_128: { id: 'hqc', parameterSet: 'HQC-128' },
  hqc_192: { id: 'hqc', parameterSet: 'HQC-192' },
  hqc_256: { id: 'hqc', parameterSet: 'HQC-256' },
  bike_l1: { id: 'bike', parameterSet: 'BIKE-L1' },
  frodokem_640_aes: { id: 'frodokem', parameterSet: 'FrodoKEM-640-AES' },
  frodokem_640_shake: { id: 'frodokem', parameterSet: 'FrodoKEM-640-SHAKE' },
  frodokem_976_aes: { id: 'frodokem', parameterSet: 'FrodoKEM-976-AES' },
  classic_mceliece_348864: { id: 'classic-mceliece', parameterSet: 'Classic-McEliece-348864' },
  ntruprime_sntrup761: { id: 'ntru', parameterSet: 'sntrup761' },
  ml_dsa_44: { id: 'ml-dsa-44' },
  ml_dsa_65: { id: 'ml-dsa-65' },
  ml_dsa_87: { id: 'ml-dsa-87' },
  dilithium_2: { id: 'dilithium-2' },
  dilithium_3: { id: 'dilithium-3' },
  dilithium_5: { id: 'dilithium-5' },
  falcon_512: { id: 'falcon-512' },
  falcon_1024: { id: 'falcon-1024' },
  falcon_padded_512: { id: 'falcon-512' },
  falcon_padded_1024: { id: 'falcon-1024' },
  sphincs_sha2_128f_simple: { id: 'sphincs-plus', parameterSet: 'SPHINCS+-SHA2-128f-simple' },
  sphincs_sha2_128s_simple: { id: 'sphincs-plus', parameterSet: 'SPHINCS+-SHA2-128s-simple' },
  sphincs_shake_128f_simple: { id: 'sphincs-plus', parameterSet: 'SPHINCS+-SHAKE-128f-simple' },
});

function rows(): { functions: Record<string, ApiRow>; symbols: Record<string, RefPart> } {
  const functions: Record<string, ApiRow> = {
    OQS_KEM_new: { args: { alg: 0 } },
    OQS_SIG_new: { args: { alg: 0 } },
    OQS_KEM_keypair: { object: 0 },
    OQS_KEM_encaps: { object: 0 },
    OQS_KEM_decaps: { object: 0 },
    OQS_SIG_keypair: { object: 0 },
    OQS_SIG_sign: { object: 0 },
    OQS_SIG_verify: { object: 0 },
  };
  const symbols: Record<string, RefPart> = {};
  for (const [scheme, ref] of Object.entries(OQS_SCHEMES)) {
    const isSig = /dsa|dilithium|falcon|sphincs/.test(scheme);
    const kind = isSig ? 'SIG' : 'KEM';
    symbols[`OQS_${kind}_alg_${scheme}`] = ref;
    const ops = isSig
      ? ['keypair', 'sign', 'verify', 'sign_with_ctx_str', 'verify_with_ctx_str']
      : ['keypair', 'encaps', 'decaps', 'keypair_derand', 'encaps_derand'];
    for (const op of ops) functions[`OQS_${kind}_${scheme}_${op}`] = { ...ref };
  }
  return { functions, symbols };
}

const built = rows();

export const liboqsTable: LibraryTable = Object.freeze({
  library: 'liboqs',
  source:
    'open-quantum-safe/liboqs src/kem/kem.h and src/sig/sig.h algorithm identifiers (OQS_KEM_alg_*, OQS_SIG_alg_*)',
  functions: Object.freeze(built.functions),
  symbols: Object.freeze(built.symbols),
});
