/**
 * The interface between the C analysis (mechanism, this folder) and what it knows about libraries
 * (knowledge, the tables in detectors/c-*). The mechanism never imports a table: a detector hands it a
 * CKnowledge built from its tables, and worker threads receive the serialisable part (ExtractData).
 */
import type { AlgorithmRef } from '@pqready/core';

// ---------------------------------------------------------------------------------------------
// Library API tables

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
  /** Secret or private key material (raw bytes, a key string): its literals are redacted from evidence. */
  readonly secret?: ArgIndex;
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
  /**
   * The call records a property of its object (`psa_set_key_type`, `psa_set_key_algorithm`): when a
   * later call in the function acts on the object (`psa_generate_key`), that call is the finding and
   * carries the property; otherwise this call is.
   */
  readonly attribute?: boolean;
  /** The call signs with its object's key: an EC key there means ECDSA. */
  readonly signs?: boolean;
  /** What a reference (function pointer) to a function with `byValue` variants stands for. */
  readonly referenceAs?: RefPart;
  /** NIST-API style `crypto_kem_*`/`crypto_sign_*`: the scheme comes from config macros in scope. */
  readonly configScheme?: 'kem' | 'sign';
  /**
   * The call continues an operation already counted on its object (`update`, `final`, `generate`):
   * its definition is an implementation, its call is not a use of its own.
   */
  readonly continues?: boolean;
  /** Parameters a definition of this function fixes through macros visible at the definition (tiny-AES-c `AES_KEYLEN`). */
  readonly macroParams?: { readonly keyBytes?: string; readonly keyBits?: string };
  /** The definition is an accessor or helper, never an implementation of the algorithm. */
  readonly notImplementation?: boolean;
  /** Further algorithms a definition implements (BearSSL's DES engine also runs 3DES by key length). */
  readonly alsoImplements?: readonly RefPart[];
  /** For `configScheme` rows: the library's documented default when no configuration is visible. */
  readonly schemeDefault?: RefPart;
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
  /**
   * Generic names (`md5_update`, `aes_encrypt`) that many unrelated projects define: a definition counts
   * only where a constant table of the same algorithm confirms it, or the library's header is included,
   * and a call only where such a confirmed definition is in the tree or the header is included.
   */
  readonly generic?: boolean;
  /** The names are also common variable names (`sha256`, `shake128`): a bare mention is no function reference. */
  readonly commonNames?: boolean;
}

/** Normalises an algorithm name string for table lookup. */
export function normName(s: string): string {
  return s.toLowerCase().replace(/[-_\s/.]/g, '');
}

export interface FunctionCandidate {
  readonly library: string;
  readonly row: ApiRow;
  readonly headers?: readonly string[];
  readonly requireHeader?: boolean;
  readonly generic?: boolean;
  readonly commonNames?: boolean;
}

/** Config macros that fix the scheme of NIST-API calls and of shared PQC tables (KYBER_K, MLK_CONFIG_PARAMETER_SET). */
export interface SchemeMacro {
  readonly macro: string;
  readonly values: Readonly<Record<string, RefPart>>;
  /** The library whose configuration this macro is (reported on the finding). */
  readonly library: string;
}

export interface ApiKnowledge {
  /** Candidates for a function name (table rows, then name patterns), or undefined. */
  functionCandidates(name: string): readonly FunctionCandidate[] | undefined;
  readonly symbols: ReadonlyMap<string, RefPart>;
  readonly constructors: ReadonlyMap<string, ConstructorRow>;
  readonly names: ReadonlyMap<string, RefPart>;
  /** Algorithm-name strings of NIST-API `CRYPTO_ALGNAME` (normalised). */
  readonly algnames: Readonly<Record<string, RefPart>>;
  readonly schemeMacros: Readonly<Record<'kem' | 'sign', readonly SchemeMacro[]>>;
  /** PSA family + key bits → curve, parameter set or key size. */
  readonly familyBits: Readonly<Record<string, Readonly<Record<string, RefPart>>>>;
  suiteAlgorithms(name: string): AlgorithmRef[] | undefined;
  groupAlgorithm(name: string): AlgorithmRef | undefined;
  sigalgAlgorithm(name: string): AlgorithmRef | undefined;
  listTokens(text: string): string[];
}

// ---------------------------------------------------------------------------------------------
// Build-configuration options

export interface OptionRow {
  readonly name: string;
  readonly library: string;
  /** Defining the option enables (`MBEDTLS_RSA_C`) or disables (`NO_RSA`) the algorithms. */
  readonly effect: 'enable' | 'disable';
  readonly algorithms: readonly RefPart[];
  /** The option's value carries a parameter: key bits, or a value → algorithm map. */
  readonly value?: 'keyBits';
  readonly byValue?: Readonly<Record<string, RefPart>>;
  /** String values (CMake cache strings) → algorithm. */
  readonly byString?: Readonly<Record<string, RefPart>>;
  /** The value is a list of TLS cipher suites (`MBEDTLS_SSL_CIPHERSUITES`). */
  readonly suites?: boolean;
  /**
   * A parameter-set selector that libraries document as settable before including their source
   * (`#ifndef KYBER_K` / `#define KYBER_K 3`): a definition counts in any file when it is such an
   * overridable default, or is followed by an `#include` in the same file.
   */
  readonly selector?: boolean;
}

/** Which files are configuration, by library. */
export interface ConfigFileRule {
  readonly library: string;
  readonly basenames?: readonly string[];
  readonly suffixes?: readonly string[];
  readonly pattern?: RegExp;
  /** Macros whose value names another configuration file of this library. */
  readonly selectors?: readonly string[];
  /** Option-name prefixes governed by this library's configuration once one file is found. */
  readonly governs: readonly string[];
  /**
   * Names of this shape are options of the library even when no table lists them (`MBEDTLS_*_C`,
   * `MBEDTLS_PSA_ACCEL_*`): a selected configuration that does not set one leaves it undefined, because
   * the library's configuration is complete by design (`MBEDTLS_CONFIG_FILE` replaces the default).
   */
  readonly optionShape?: RegExp;
}

export interface OptionKnowledge {
  readonly byName: ReadonlyMap<string, OptionRow>;
  readonly all: readonly OptionRow[];
  /** Prefixes of names checked for misspelling in configuration files. */
  readonly prefixes: readonly string[];
  /** Real option names that are no algorithm switch (never reported as a misspelling). */
  isKnownName(name: string): boolean;
  readonly fileRules: readonly ConfigFileRule[];
  /** Library headers that derive or check configuration rather than set it. */
  readonly notConfig: RegExp;
  /** CMake files read for `set(NAME VALUE)` options. */
  readonly cmakePattern: RegExp;
  /** Kconfig outputs and fragments recognised by name. */
  readonly kconfigPattern: RegExp;
  /** Names that mark an option as test-only (must never ship). */
  readonly testOnly: RegExp;
}

// ---------------------------------------------------------------------------------------------
// Constant tables

export interface AlgorithmPart {
  readonly id: string;
  readonly curve?: string;
  readonly parameterSet?: string;
}

interface SignatureBase {
  /** Stable signature id. */
  readonly id: string;
  readonly table: string;
  readonly algorithm: AlgorithmPart;
  readonly source: string;
  /**
   * Other algorithms sharing these constants (the BLAKE2b IV is the SHA-512 IV; Salsa20 and ChaCha share
   * "expand 32-byte k"). Alone in a file the signature names `algorithm`; a definition of one of these in
   * the same file decides instead.
   */
  readonly sharedWith?: readonly string[];
  /** The constants only confirm a definition, never name an algorithm by themselves. */
  readonly confirmOnly?: boolean;
}

/** An ordered run of values inside one initialiser (compared modulo `modulus` when set). */
export interface ValuesRow extends SignatureBase {
  readonly form: 'values';
  readonly values: readonly bigint[];
  readonly modulus?: bigint;
}

/** A big-endian byte string found in any byte order and limb width (curve parameters, IVs as bytes). */
export interface BytesRow extends SignatureBase {
  readonly form: 'bytes';
  readonly hex: string;
}

/** Literals that must all occur somewhere in one file (as initialisers, assignments or macro bodies). */
export interface LiteralSetRow extends SignatureBase {
  readonly form: 'literal-set';
  readonly literals: readonly bigint[];
}

/** A string that initialises data (never a message or comment). */
export interface StringRow extends SignatureBase {
  readonly form: 'string';
  readonly text: string;
}

export type SignatureRow = ValuesRow | BytesRow | LiteralSetRow | StringRow;

// ---------------------------------------------------------------------------------------------

/** Everything the C analysis knows, handed to it by the detectors. */
export interface CKnowledge {
  readonly api: ApiKnowledge;
  readonly options: OptionKnowledge;
  readonly signatures: readonly SignatureRow[];
  /** The serialisable part for extraction in worker threads. */
  readonly extract: ExtractData;
}

/** What fact extraction needs, as plain data (structured-clone safe, sent to worker threads). */
export interface ExtractData {
  /** Every catalogued function name (calls and definitions of these are kept). */
  readonly functionNames: readonly string[];
  /** Name patterns (PQClean namespaced symbols), each with substrings one of which a name must contain. */
  readonly functionPatterns: readonly { readonly source: string; readonly contains: readonly string[] }[];
  readonly signatures: readonly SignatureRow[];
  /** Macro names whose definitions may become findings (they need a line and snippet). */
  readonly sitedDefineNames: readonly string[];
  readonly sitedDefinePrefixes: readonly string[];
}
