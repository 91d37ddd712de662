/**
 * Row types for the C crypto API tables: what a function, constant, constructor macro or name
 * string means. The detector mechanism reads these; adding a library means adding a table.
 */

/** The parameters a table entry can fix (a partial AlgorithmRef). */
export interface RefPart {
  readonly id?: string;
  readonly keyBits?: number;
  readonly curve?: string;
  readonly hash?: string;
  readonly mode?: string;
  readonly parameterSet?: string;
  /** PSA ECC family (`secp-r1`, `montgomery` …): combined with key bits into a curve. */
  readonly family?: string;
}

/** One argument index, or several to try in order (argument positions that moved between versions). */
export type ArgIndex = number | readonly number[];

/** Which argument carries which parameter (0-based argument index). */
export interface ArgMap {
  /** Integer key size in bits. */
  readonly keyBits?: ArgIndex;
  /** Integer key size in bytes. */
  readonly keyBytes?: ArgIndex;
  /** A curve constant (its `curve` is taken). */
  readonly curve?: ArgIndex;
  /** Integer field size in bytes that names a NIST curve (wolfCrypt `wc_ecc_make_key(rng, 32, key)`). */
  readonly curveBytes?: ArgIndex;
  /** A hash constant (its `id` becomes the hash). */
  readonly hash?: ArgIndex;
  /** A constant, constructor or name string that fixes the algorithm. */
  readonly alg?: ArgIndex;
  /** The argument's resolved name becomes the parameter set. */
  readonly parameterSet?: ArgIndex;
  /** An OpenSSL/IANA cipher-suite string or array of suite constants. */
  readonly suites?: ArgIndex;
  /** A TLS group string or array of group constants. */
  readonly groups?: ArgIndex;
  /** A TLS signature-algorithm string or array of SignatureScheme constants. */
  readonly sigalgs?: ArgIndex;
  /** Key bits given to an attributes object (PSA `psa_set_key_bits`). */
  readonly objectBits?: ArgIndex;
}

export interface ApiRow extends RefPart {
  readonly args?: ArgMap;
  /** Map from an integer argument value to an algorithm (security levels, variant numbers). */
  readonly byValue?: Readonly<Record<string, RefPart>>;
  /** Argument index of the context/attributes object this call configures or uses. */
  readonly object?: number;
  /** The call fixes the algorithm of its object (setup, set_key_type); later calls on the object inherit it. */
  readonly establishes?: boolean;
  /** The call only sets a parameter on its object and is not a finding by itself. */
  readonly paramOnly?: boolean;
  /** The call signs with its object's key: an EC key there means ECDSA. */
  readonly signs?: boolean;
  /** What a reference (function pointer) to a function with `byValue` variants stands for. */
  readonly referenceAs?: RefPart;
  /** NIST-API style `crypto_kem_*`/`crypto_sign_*`: the scheme comes from config macros in scope. */
  readonly configScheme?: 'kem' | 'sign';
}

export interface ConstructorRow extends RefPart {
  /** Argument of the constructor macro holding the hash (PSA_ALG_ECDSA(hash)). */
  readonly hashArg?: number;
  /** Argument holding a nested algorithm/family (PSA_KEY_TYPE_ECC_KEY_PAIR(family), *_info_from_type(x)). */
  readonly innerArg?: number;
}

export interface LibraryTable {
  readonly library: string;
  /** Where the names and meanings come from. */
  readonly source: string;
  readonly functions: Readonly<Record<string, ApiRow>>;
  /** Constants (enum values and macros) naming algorithms, curves, hashes. */
  readonly symbols?: Readonly<Record<string, RefPart>>;
  /** Function-like macros or functions that produce an algorithm value from arguments. */
  readonly constructors?: Readonly<Record<string, ConstructorRow>>;
  /** Algorithm name strings (normalised: lower case, no `-`, `_`, spaces). */
  readonly names?: Readonly<Record<string, RefPart>>;
  /** A header whose inclusion says this library owns ambiguous names (libsodium `crypto_sign_*`). */
  readonly headers?: readonly string[];
  /** The names are too generic to count unless one of `headers` is included (`MD5`, `SHA256`). */
  readonly requireHeader?: boolean;
}

/** Normalises an algorithm name string for table lookup. */
export function normName(s: string): string {
  return s.toLowerCase().replace(/[-_\s/.]/g, '');
}
