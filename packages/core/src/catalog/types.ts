/**
 * Types of the crypto catalog: what an algorithm is, independent of where it was seen.
 * Rows are data (`as const satisfies readonly Row[]`), each with its sources.
 */
import type { Source } from '../model/source.js';

/** CycloneDX 1.6 `algorithmProperties.primitive` (1.7 adds `key-wrap`). */
export type Primitive =
  | 'drbg'
  | 'mac'
  | 'block-cipher'
  | 'stream-cipher'
  | 'signature'
  | 'hash'
  | 'pke'
  | 'xof'
  | 'kdf'
  | 'key-agree'
  | 'kem'
  | 'ae'
  | 'combiner'
  | 'key-wrap'
  | 'other'
  | 'unknown';

/** Everything a renderer needs to know about one observed algorithm (catalog row + observed parameters). */
export interface AlgorithmDescription {
  /** Catalog id the description was built from (`unknown` when the id or OID is not in the catalog). */
  readonly id: string;
  /** Canonical name following the CycloneDX 1.7 naming patterns, e.g. `ECDSA-P256-SHA256`, `RSA-2048`, `ML-KEM-768`. */
  readonly name: string;
  /** CycloneDX 1.7 algorithm family, e.g. `ML-KEM`, `ECDSA`, `AES` (absent when 1.7 has none). */
  readonly family?: string;
  readonly primitive: Primitive;
  readonly parameterSetIdentifier?: string;
  /** CycloneDX 1.7 `ellipticCurve` value, e.g. `nist/P-256`, `other/Curve25519`. */
  readonly ellipticCurve?: string;
  /** Short curve name for 1.6 `curve`, e.g. `secp256r1`. */
  readonly curveName?: string;
  readonly mode?: string;
  readonly padding?: string;
  readonly cryptoFunctions?: readonly string[];
  readonly classicalSecurityBits?: number;
  /** NIST PQC security category 0–5 (0: none met). */
  readonly nistQuantumCategory?: number;
  readonly oid?: string;
  /** False when the id or OID is not in the catalog: reported as unknown, never dropped. */
  readonly known: boolean;
  readonly sources: readonly Source[];
}

/** Quantum verdict under a policy. */
export type QuantumVerdict = 'broken' | 'weakened' | 'resistant' | 'hybrid' | 'unknown';

export interface Verdict {
  readonly quantum: QuantumVerdict;
  /** Classical weaknesses: `md5`, `sha1-signature`, `rsa-below-2048`, `p-192`, `des`, `3des`, `rc4` … */
  readonly classicallyWeak: readonly string[];
  /** One sentence: why this verdict under this policy. */
  readonly reason: string;
  readonly policy: string;
  readonly sources: readonly Source[];
}
