/**
 * NIST-API style post-quantum code: PQClean namespaced symbols (PQCLEAN_MLKEM768_CLEAN_crypto_kem_enc),
 * and un-namespaced crypto_kem_* / crypto_sign_* as used by pqm4, mlkem-native and mldsa-native,
 * whose scheme comes from config macros. Source: PQClean README (namespacing), pqm4 README,
 * pq-code-package/mlkem-native mlkem/config.h (MLK_CONFIG_PARAMETER_SET), mldsa-native config.h.
 */
import type { ApiRow, FunctionCandidate, LibraryTable, RefPart, SchemeMacro } from './types.js';

/** PQClean scheme directory names (upper-cased, without dashes) → catalog algorithm. */
const PQCLEAN_SCHEMES: Readonly<Record<string, RefPart>> = {
  MLKEM512: { id: 'ml-kem-512' },
  MLKEM768: { id: 'ml-kem-768' },
  MLKEM1024: { id: 'ml-kem-1024' },
  KYBER512: { id: 'kyber-512' },
  KYBER768: { id: 'kyber-768' },
  KYBER1024: { id: 'kyber-1024' },
  MLDSA44: { id: 'ml-dsa-44' },
  MLDSA65: { id: 'ml-dsa-65' },
  MLDSA87: { id: 'ml-dsa-87' },
  DILITHIUM2: { id: 'dilithium-2' },
  DILITHIUM3: { id: 'dilithium-3' },
  DILITHIUM5: { id: 'dilithium-5' },
  FALCON512: { id: 'falcon-512' },
  FALCON1024: { id: 'falcon-1024' },
  FALCONPADDED512: { id: 'falcon-512' },
  FALCONPADDED1024: { id: 'falcon-1024' },
  HQC128: { id: 'hqc', parameterSet: 'HQC-128' },
  HQC192: { id: 'hqc', parameterSet: 'HQC-192' },
  HQC256: { id: 'hqc', parameterSet: 'HQC-256' },
};

export const PQCLEAN_NAME = /^PQCLEAN_([A-Z0-9]+)_[A-Z0-9]+_crypto_(kem|sign)(_\w+)?$/;

/** Recognises PQClean namespaced API symbols by their documented naming scheme. */
export function pqPattern(name: string): { library: string; row: ApiRow } | undefined {
  if (!name.startsWith('PQCLEAN_')) return undefined;
  const m = PQCLEAN_NAME.exec(name);
  if (!m) return undefined;
  const scheme = m[1]!;
  const ref =
    PQCLEAN_SCHEMES[scheme] ??
    (scheme.startsWith('SPHINCS')
      ? { id: 'sphincs-plus', parameterSet: scheme }
      : scheme.startsWith('MCELIECE')
        ? { id: 'classic-mceliece', parameterSet: scheme }
        : { id: 'unknown', parameterSet: scheme });
  return { library: 'PQClean', row: { ...ref } };
}

/**
 * Config macros that fix the scheme of un-namespaced NIST-API calls, tried in order. The value maps
 * are the macros' documented values (mlkem-native MLK_CONFIG_PARAMETER_SET ∈ {512,768,1024};
 * PQClean/pqm4 KYBER_K ∈ {2,3,4}; mldsa-native MLD_CONFIG_PARAMETER_SET ∈ {44,65,87}; DILITHIUM_MODE ∈ {2,3,5}).
 * pq-crystals/kyber and pq-crystals/dilithium (master, 2024–2025) implement FIPS 203/204 under their
 * pre-standard names, so KYBER_K and DILITHIUM_MODE map to ML-KEM/ML-DSA parameter sets.
 */
export const SCHEME_MACROS: Readonly<Record<'kem' | 'sign', readonly SchemeMacro[]>> = Object.freeze({
  kem: <SchemeMacro[]>[
    {
      macro: 'MLK_CONFIG_PARAMETER_SET',
      library: 'mlkem-native',
      values: { '512': { id: 'ml-kem-512' }, '768': { id: 'ml-kem-768' }, '1024': { id: 'ml-kem-1024' } },
    },
    {
      macro: 'MLKEM_K',
      library: 'PQClean',
      values: { '2': { id: 'ml-kem-512' }, '3': { id: 'ml-kem-768' }, '4': { id: 'ml-kem-1024' } },
    },
    {
      // The pq-crystals reference (and PQClean's ML-KEM, which inherits it) implements FIPS 203 under the
      // pre-standard selector name; its values are the ML-KEM parameter sets.
      macro: 'KYBER_K',
      library: 'pq-crystals reference',
      values: { '2': { id: 'ml-kem-512' }, '3': { id: 'ml-kem-768' }, '4': { id: 'ml-kem-1024' } },
    },
  ],
  sign: <SchemeMacro[]>[
    {
      macro: 'MLD_CONFIG_PARAMETER_SET',
      library: 'mldsa-native',
      values: { '44': { id: 'ml-dsa-44' }, '65': { id: 'ml-dsa-65' }, '87': { id: 'ml-dsa-87' } },
    },
    {
      macro: 'MLDSA_MODE',
      library: 'PQClean',
      values: { '2': { id: 'ml-dsa-44' }, '3': { id: 'ml-dsa-65' }, '5': { id: 'ml-dsa-87' } },
    },
    {
      // The pq-crystals reference implements FIPS 204 (context strings) under the pre-standard mode numbers.
      macro: 'DILITHIUM_MODE',
      library: 'pq-crystals reference',
      values: { '2': { id: 'ml-dsa-44' }, '3': { id: 'ml-dsa-65' }, '5': { id: 'ml-dsa-87' } },
    },
  ],
});

/** CRYPTO_ALGNAME strings (api.h in PQClean/pqm4), normalised. */
export const ALGNAMES: Readonly<Record<string, RefPart>> = Object.freeze({
  mlkem512: { id: 'ml-kem-512' },
  mlkem768: { id: 'ml-kem-768' },
  mlkem1024: { id: 'ml-kem-1024' },
  kyber512: { id: 'kyber-512' },
  kyber768: { id: 'kyber-768' },
  kyber1024: { id: 'kyber-1024' },
  mldsa44: { id: 'ml-dsa-44' },
  mldsa65: { id: 'ml-dsa-65' },
  mldsa87: { id: 'ml-dsa-87' },
  dilithium2: { id: 'dilithium-2' },
  dilithium3: { id: 'dilithium-3' },
  dilithium5: { id: 'dilithium-5' },
  falcon512: { id: 'falcon-512' },
  falcon1024: { id: 'falcon-1024' },
});

/**
 * mlkem-native / mldsa-native public API under their namespace prefix (`mlkem_keypair`, `mlkem768_enc`,
 * `PQCP_MLKEM_NATIVE_MLKEM768_dec`): the level comes from the name, else from the configuration, else the
 * libraries' documented default (ML-KEM-768, ML-DSA-65). Counted only where mlkem_native.h /
 * mldsa_native.h is included. Source: mlkem-native mlkem/mlkem_native.h (MLK_API_NAMESPACE), README.
 */
export const NATIVE_NAME =
  /^(?:\w*_)?(mlkem|mldsa|MLKEM|MLDSA)(512|768|1024|44|65|87)?_(keypair|keypair_derand|enc|enc_derand|dec|signature|verify|sign|open)$/;

const NATIVE_LEVELS: Readonly<Record<string, RefPart>> = {
  '512': { id: 'ml-kem-512' },
  '768': { id: 'ml-kem-768' },
  '1024': { id: 'ml-kem-1024' },
  '44': { id: 'ml-dsa-44' },
  '65': { id: 'ml-dsa-65' },
  '87': { id: 'ml-dsa-87' },
};

export function nativePattern(name: string): FunctionCandidate | undefined {
  const m = NATIVE_NAME.exec(name);
  if (!m) return undefined;
  const kem = m[1]!.toLowerCase() === 'mlkem';
  const level = m[2] ? NATIVE_LEVELS[m[2]] : undefined;
  if (m[2] && (!level || level.id!.startsWith('ml-kem') !== kem)) return undefined;
  const row: ApiRow = level
    ? { ...level }
    : { configScheme: kem ? 'kem' : 'sign', schemeDefault: kem ? { id: 'ml-kem-768' } : { id: 'ml-dsa-65' } };
  return {
    library: kem ? 'mlkem-native' : 'mldsa-native',
    row,
    headers: kem ? ['mlkem_native', 'mlkem/'] : ['mldsa_native', 'mldsa/'],
    requireHeader: true,
  };
}

/** mlkem-native's internal (namespaced by macro) KEM entry points, defined in mlkem/src/kem.c. */
export const mlkemNativeTable: LibraryTable = Object.freeze({
  library: 'mlkem-native',
  source: 'pq-code-package/mlkem-native mlkem/src/kem.h (mlk_kem_keypair, mlk_kem_enc, mlk_kem_dec)',
  functions: Object.freeze<Record<string, ApiRow>>({
    mlk_kem_keypair: { configScheme: 'kem' },
    mlk_kem_keypair_derand: { configScheme: 'kem' },
    mlk_kem_enc: { configScheme: 'kem' },
    mlk_kem_enc_derand: { configScheme: 'kem' },
    mlk_kem_dec: { configScheme: 'kem' },
    mld_keypair: { configScheme: 'sign' },
    mld_signature: { configScheme: 'sign' },
    mld_verify: { configScheme: 'sign' },
  }),
});

const KEM: ApiRow = { configScheme: 'kem' };
const SIGN: ApiRow = { configScheme: 'sign' };

export const pqTable: LibraryTable = Object.freeze({
  library: 'PQClean',
  source:
    'NIST PQC API (api.h: crypto_kem_keypair/enc/dec, crypto_sign_keypair/crypto_sign/crypto_sign_open/signature/verify)',
  functions: Object.freeze({
    crypto_kem_keypair: KEM,
    crypto_kem_keypair_derand: KEM,
    crypto_kem_enc: KEM,
    crypto_kem_enc_derand: KEM,
    crypto_kem_dec: KEM,
    crypto_sign_keypair: SIGN,
    crypto_sign: SIGN,
    crypto_sign_open: SIGN,
    crypto_sign_signature: SIGN,
    crypto_sign_verify: SIGN,
  }),
});
