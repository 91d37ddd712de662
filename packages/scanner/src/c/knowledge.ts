/**
 * The interface between the C analysis (mechanism, this folder) and what it knows about libraries
 * (knowledge, the tables in detectors/c-*). The mechanism never imports a table: a detector hands it a
 * CKnowledge built from its tables, and worker threads receive the serialisable part (ExtractData).
 */
import type { AlgorithmRef, ProtocolFacts } from '@pqready/core';

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
  /** A protocol-name string of any kind (an SSH algorithm list, a cipher string), read by its content. */
  readonly names?: ArgIndex;
  /** A flag argument that, when non-zero, makes the operation an HMAC over the resolved hash (`mbedtls_md_setup(ctx, md, 1)`). */
  readonly hmacFlag?: ArgIndex;
  /** A key object whose type decides the algorithm (`EVP_DigestSignInit(…, pkey)` with an HMAC key). */
  readonly key?: ArgIndex;
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
  /**
   * The algorithms the call can perform when the evidence does not fix one (a key parsed at run time, a type
   * argument read from input): the finding names this set instead of `unknown`.
   */
  readonly candidates?: readonly RefPart[];
  /** The call imports key material into its object: the object's creation was key handling, not a use. */
  readonly keyImport?: boolean;
  /** The argument that receives the key or object the call creates (`psa_generate_key(&attr, &key)`: 1). */
  readonly produces?: number;
  /** With exactly this many arguments the call only initialises an empty context (Mbed TLS 3 `mbedtls_rsa_init(ctx)`). */
  readonly lifecycleArity?: number;
  /** The call reads a property of a key or context (`mbedtls_pk_rsa(pk)`): never a use of its own. */
  readonly accessor?: boolean;
  /**
   * The call sets up a key or context (a padding, a key import) without processing data: a use where it is
   * written, but a function of the tree doing only this wraps no operation.
   */
  readonly configures?: boolean;
  /**
   * The call looks up an algorithm descriptor (`EVP_sha256()`, `EVP_MD_fetch`): when its result is stored in a
   * variable or field that another call uses, that call is the finding and this is its value's origin.
   */
  readonly descriptor?: boolean;
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
  /** Protocol knowledge for names in strings (SSH lists, OpenSSL cipher strings, TLS groups). */
  readonly protocol: ProtocolKnowledge;
}

/** What a protocol-name string means, read with the same parsers the configuration detectors use. */
export interface ProtocolMeaning {
  readonly facts: ProtocolFacts;
  /** `ssh-names`, `cipher-string`, `tls13-suites`, `groups`, `sigalgs`. */
  readonly kind: string;
  /** Names the string holds that no catalog knows (kept for the reviewer). */
  readonly unknownNames: readonly string[];
  readonly notes: readonly string[];
}

export interface ProtocolKnowledge {
  /**
   * The meaning of a string found in data (a table row, a default list): undefined unless it clearly names
   * algorithms. `hint` is the name it is stored under (a macro or variable), which can tell a list of one.
   */
  classify(text: string, hint?: string): ProtocolMeaning | undefined;
  /** The meaning of a string given to a list API of a known kind (OpenSSL cipher string, group list …). */
  list(kind: 'suites' | 'groups' | 'sigalgs', text: string): ProtocolMeaning | undefined;
}

// ---------------------------------------------------------------------------------------------
// Build-configuration options

export interface OptionRow {
  readonly name: string;
  readonly library: string;
  /** Defining the option enables (`MBEDTLS_RSA_C`) or disables (`NO_RSA`) the algorithms. */
  readonly effect: 'enable' | 'disable';
  readonly algorithms: readonly RefPart[];
  /** The option's value carries a parameter: key bits, or the parameter set itself (`"XMSS-SHA2_10_256"`). */
  readonly value?: 'keyBits' | 'parameterSet';
  readonly byValue?: Readonly<Record<string, RefPart>>;
  /** String values (CMake cache strings, make variables, Kconfig strings) → algorithm(s). */
  readonly byString?: Readonly<Record<string, RefPart | readonly RefPart[]>>;
  /** String values that turn the option off (`DECRYPTION_SUPPORT=none`): `algorithms` are disabled. */
  readonly offStrings?: readonly string[];
  /** The value is a list of TLS cipher suites (`MBEDTLS_SSL_CIPHERSUITES`). */
  readonly suites?: boolean;
  /**
   * A parameter-set selector that libraries document as settable before including their source
   * (`#ifndef KYBER_K` / `#define KYBER_K 3`): a definition counts in any file when it is such an
   * overridable default, or is followed by an `#include` in the same file.
   */
  readonly selector?: boolean;
  /**
   * The algorithms are alternatives that other options set in the same file narrow down (wolfBoot's
   * `SIGN=ML_DSA` with `ML_DSA_LEVEL=3`): the ids the first of these that is set selects, kept
   * when they are among this row's.
   */
  readonly narrowedBy?: readonly string[];
  /**
   * A build-system variable (make, not a C macro) of a project whose names are generic (`SIGN`, `HASH`,
   * `KEY_ALG`): an assignment counts only in a tree where some build file sets a name of the project's
   * `marker` shape (see ProjectMarker).
   */
  readonly makeVariable?: boolean;
}

/** Names that say a tree builds a given project: its generic make variables count there. */
export interface ProjectMarker {
  readonly library: string;
  readonly names: RegExp;
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
  /**
   * The library's options are tested by value (`#if DROPBEAR_AES128`), so a definition to 0 disables
   * what the option enables (Dropbear's default_options.h, libssh2's backend headers).
   */
  readonly zeroDisables?: boolean;
}

export interface OptionKnowledge {
  readonly byName: ReadonlyMap<string, OptionRow>;
  readonly all: readonly OptionRow[];
  /** Prefixes of names checked for misspelling in configuration files. */
  readonly prefixes: readonly string[];
  /** Real option names that are no algorithm switch (never reported as a misspelling). */
  isKnownName(name: string): boolean;
  /**
   * The words (`_`-separated parts) of every real option name: an unknown name made only of these
   * (`NO_CMAC`) is more likely a real option than a misspelling, which makes a word nobody uses.
   */
  readonly vocabulary: ReadonlySet<string>;
  readonly fileRules: readonly ConfigFileRule[];
  /** Library headers that derive or check configuration rather than set it. */
  readonly notConfig: RegExp;
  /** CMake files read for `set(NAME VALUE)` options. */
  readonly cmakePattern: RegExp;
  /** Kconfig outputs and fragments recognised by name. */
  readonly kconfigPattern: RegExp;
  /** Names that mark an option as test-only (must never ship). */
  readonly testOnly: RegExp;
  /** Make variables that identify a project's build (they enable its `makeVariable` rows). */
  readonly projectMarkers: readonly ProjectMarker[];
}

// ---------------------------------------------------------------------------------------------
// Constant tables

interface AlgorithmPart {
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

/** A construction a project implements over other primitives in a function named for it (HKDF over HMAC). */
export interface CompositionRow {
  /** The function name that names the construction. */
  readonly name: RegExp;
  /** Algorithms of which one must be used in the body. */
  readonly uses: readonly string[];
  readonly algorithm: RefPart;
  /** The construction's hash is the hash of the primitive used (HKDF-SHA-256 over HMAC-SHA-256). */
  readonly hashFromUse?: boolean;
  /** A call to the function is a use of the construction (HKDF), not only of a component of one (MGF1). */
  readonly callsAreUses: boolean;
  readonly source: string;
}

/** Everything the C analysis knows, handed to it by the detectors. */
export interface CKnowledge {
  readonly api: ApiKnowledge;
  readonly options: OptionKnowledge;
  readonly signatures: readonly SignatureRow[];
  readonly compositions: readonly CompositionRow[];
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
  /** Constant names that name algorithms (bodies naming one are walked for their values). */
  readonly symbolNames: readonly string[];
  /** Function names only generic tables define (a project's definition of one may be a wrapper). */
  readonly genericNames: readonly string[];
  /** Lower-case first names of protocol-name strings (SSH names, TLS groups, cipher aliases and suites). */
  readonly protocolWords: readonly string[];
}
