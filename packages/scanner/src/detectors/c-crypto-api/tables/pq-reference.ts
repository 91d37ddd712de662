/**
 * NIST-API style post-quantum code: PQClean namespaced symbols (PQCLEAN_MLKEM768_CLEAN_crypto_kem_enc),
 * and un-namespaced crypto_kem_* / crypto_sign_* as used by pqm4, mlkem-native and mldsa-native,
 * whose scheme comes from config macros. Source: PQClean README (namespacing), pqm4 README,
 * pq-code-package/mlkem-native mlkem/config.h (MLK_CONFIG_PARAMETER_SET), mldsa-native config.h.
 */
import type { ApiRow, LibraryTable, RefPart, SchemeMacro } from './types.js';

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
      macro: 'KYBER_K',
      library: 'PQClean',
      values: { '2': { id: 'kyber-512' }, '3': { id: 'kyber-768' }, '4': { id: 'kyber-1024' } },
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
      macro: 'DILITHIUM_MODE',
      library: 'PQClean',
      values: { '2': { id: 'dilithium-2' }, '3': { id: 'dilithium-3' }, '5': { id: 'dilithium-5' } },
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
