/**
 * Types of the crypto catalog: what an algorithm is, independent of where it was seen.
 * Rows are data (`as const satisfies readonly Row[]`), each with its sources.
 */
import type { AlgorithmRef } from '../model/finding.js';
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
/**
 * `not-applicable`: a protocol setting that names no algorithm (a version list, a certificate or key file): there
 * is nothing in it to judge, and it is counted apart from the other verdicts (see policy/finding-verdict.ts).
 */
export type QuantumVerdict = 'broken' | 'weakened' | 'resistant' | 'hybrid' | 'unknown' | 'not-applicable';

export interface Verdict {
  readonly quantum: QuantumVerdict;
  /** Classical weaknesses: `md5`, `sha1-signature`, `rsa-below-2048`, `p-192`, `des`, `3des`, `rc4` … */
  readonly classicallyWeak: readonly string[];
  /** One sentence: why this verdict under this policy. */
  readonly reason: string;
  readonly policy: string;
  readonly sources: readonly Source[];
}

/**
 * How a quantum computer attacks the algorithm. This is mathematics, not policy: Shor breaks
 * factoring and discrete logarithms; Grover gives at most a quadratic speed-up on symmetric keys
 * and hashes. The policy turns it into a verdict.
 */
export type QuantumExposure =
  /** Factoring / discrete log (RSA, DH, DSA, ECC): broken by Shor. */
  | 'shor'
  /** Keyed symmetric primitive: judged by key size against the policy threshold. */
  | 'symmetric'
  /** Unkeyed hash or XOF: judged by output size. */
  | 'hash'
  /** Hash-based MAC / KDF / DRBG: judged by the underlying hash. */
  | 'hash-based'
  /** Designed to resist quantum attack. */
  | 'post-quantum'
  /** Post-quantum combined with classical. */
  | 'hybrid'
  /** Neither (container formats, encodings). */
  | 'none';

/** Template for the canonical name: `[...]` parts appear only when every `{placeholder}` inside is known. */
export type NameTemplate = string;

/** One algorithm of the catalog. */
export interface AlgorithmRow {
  readonly id: string;
  /** Name templates, first whose mandatory placeholders are all known wins (CycloneDX 1.7 naming patterns). */
  readonly names: readonly NameTemplate[];
  readonly family?: string;
  readonly primitive: Primitive;
  /** Primitive override by mode (e.g. AES-GCM is `ae`). */
  readonly primitiveByMode?: Readonly<Record<string, Primitive>>;
  readonly cryptoFunctions?: readonly string[];
  readonly padding?: string;
  readonly exposure: QuantumExposure;
  /** Set for algorithms not (yet) published as a NIST standard: they must be re-issued on the final standard. */
  readonly status?: 'pre-standard' | 'non-nist';
  /** How classical security bits derive from the parameters; absent when no citable number exists. */
  readonly strength?:
    | { readonly rule: 'fixed'; readonly bits: number }
    | { readonly rule: 'ifc-ffc' }
    | { readonly rule: 'curve' }
    | {
        readonly rule: 'key-bits';
        readonly byKeyBits?: Readonly<Record<number, number>>;
        readonly defaultBits?: number;
      }
    | { readonly rule: 'hash' };
  readonly nistCategory?: number | { readonly byKeyBits: Readonly<Record<number, number>> };
  /** Smallest key size the algorithm defines (AES: 128), so a policy can judge it when the size was not observed. */
  readonly minKeyBits?: number;
  /** Fixed parameter set identifier (CycloneDX `parameterSetIdentifier`). */
  readonly parameterSetIdentifier?: string;
  /** Curve fixed by the algorithm (Ed25519 → curve25519). */
  readonly curve?: string;
  /** 1.7 `ellipticCurve` fixed by the algorithm when it differs from the curve's (e.g. `other/Ed25519`). */
  readonly ellipticCurve?: string;
  /** Classical weaknesses intrinsic to the algorithm, whatever its parameters. */
  readonly weak?: readonly string[];
  /** Parts of a composite or hybrid. */
  readonly components?: readonly AlgorithmRef[];
  readonly sources: readonly Source[];
}

export interface CurveRow {
  readonly id: string;
  /** Token used inside algorithm names, e.g. `P256` in `ECDSA-P256-SHA256`. */
  readonly token: string;
  /** Other spellings seen in configs and code (lower-case matching is the caller's job). */
  readonly aliases: readonly string[];
  /** namedCurve OID (absent for curves only identified by algorithm OIDs, e.g. Curve25519). */
  readonly oid?: string;
  /** CycloneDX 1.7 `ellipticCurve` enum value. */
  readonly ellipticCurve?: string;
  /** Name for 1.6 `curve` (neuromancer.sk std names). */
  readonly curveName: string;
  readonly fieldBits: number;
  readonly classicalBits: number;
  readonly weak?: readonly string[];
  readonly sources: readonly Source[];
}

export interface HashRow {
  readonly id: string;
  /** Standalone name, e.g. `SHA-256`. */
  readonly name: string;
  /** Token inside composite names, e.g. `SHA256` in `RSA-PKCS1-1.5-SHA256`. */
  readonly token: string;
  readonly family?: string;
  readonly primitive: 'hash' | 'xof';
  readonly outputBits: number;
  /** Collision strength (IR 8547 Table 7); for XOFs the security parameter. */
  readonly collisionBits: number;
  /** NIST category of the collision strength (IR 8547 Table 7); 0 below category 1. */
  readonly nistCategory?: number;
  readonly oid?: string;
  readonly weak?: readonly string[];
  readonly sources: readonly Source[];
}

/** What an OID denotes. */
export type OidKind = 'algorithm' | 'curve' | 'extension' | 'eku' | 'attribute' | 'parameter';

export interface OidRow {
  readonly oid: string;
  /** ASN.1 / OpenSSL name. */
  readonly name: string;
  readonly kind: OidKind;
  /** For algorithm OIDs: the reference the OID stands for (its own `oid` is added on lookup). */
  readonly ref?: AlgorithmRef;
  readonly sources: readonly Source[];
}

/** An arc whose every OID means one pre-standard thing (prototype composite drafts). */
export interface OidArcRow {
  readonly prefix: string;
  readonly name: string;
  readonly ref: AlgorithmRef;
  readonly sources: readonly Source[];
}
