/**
 * The one internal model every detector writes and every renderer reads.
 * Findings are facts (what was seen, where, with which parameters); quantum verdicts are
 * computed later from a policy, so changing policy never requires a rescan.
 */

/** A reference to a catalog algorithm plus the parameters observed with it. */
export interface AlgorithmRef {
  /** Catalog algorithm id (stable kebab-case), e.g. `rsa`, `ecdsa`, `ml-kem-768`, `aes`, `sha-256`. */
  readonly id: string;
  /** Key or modulus size in bits (RSA, DSA, DH, AES …). */
  readonly keyBits?: number;
  /** Catalog curve id, e.g. `p-256`, `secp256k1`, `brainpoolp256r1`, `curve25519`. */
  readonly curve?: string;
  /** Catalog id of the hash used with the algorithm, e.g. `sha-256`. */
  readonly hash?: string;
  /** Block cipher mode, e.g. `gcm`, `cbc`, `ccm`, `ctr`. */
  readonly mode?: string;
  /** Free-form parameter set when the catalog id does not already fix it. */
  readonly parameterSet?: string;
  /** The OID exactly as seen, when the evidence carried one (kept even when it is unknown). */
  readonly oid?: string;
  /** Parts of a composite or hybrid (e.g. ML-DSA-65 + ECDSA-P256). */
  readonly components?: readonly AlgorithmRef[];
  /** Parameters that were present but could not be resolved: name → expression text. Never guessed. */
  readonly unresolved?: Readonly<Record<string, string>>;
}

/**
 * Where a finding was seen. The path is relative to its scan root, POSIX separators; when several roots are
 * scanned it starts with the root's name (`Inventory.roots`), so that paths from two roots never collide.
 */
export interface Evidence {
  readonly path: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** Byte offset of the object inside the file (for objects inside binary bundles). */
  readonly offset?: number;
  /** The source line or a short description; never secret key material. */
  readonly snippet?: string;
  /** SHA-256 (hex) of the whole evidence file's content. */
  readonly fileSha256?: string;
}

/** Whether the code or configuration behind a finding is in effect. */
export type ActivityState = 'active' | 'inactive' | 'conditional' | 'overridden';

/** What part the evidence plays. */
export type FindingRole =
  | 'api-call'
  | 'implementation'
  | 'config-enable'
  | 'config-disable'
  | 'protocol-config'
  | 'stored-object'
  | 'protection';

interface FindingBase {
  /** Detector id, naming the evidence (e.g. `x509-certificate`, `c-crypto-api`). */
  readonly detector: string;
  readonly role: FindingRole;
  readonly evidence: Evidence;
  readonly state?: ActivityState;
  /** Library the evidence belongs to (mbedTLS, wolfCrypt, OpenSSL …). */
  readonly library?: string;
  /** Enclosing function (C) or scope path (configs: `http > server[example.org:443]`). */
  readonly context?: string;
  /** Whether a configured value was written, defaulted or inherited. */
  readonly origin?: 'explicit' | 'default' | 'inherited';
  /** Human-readable remarks worth surfacing (e.g. "misspelled option"). */
  readonly notes?: readonly string[];
  /** Extra facts without a typed home; rendered as CycloneDX properties. */
  readonly properties?: Readonly<Record<string, string>>;
  /**
   * Set when an inline `pqready-ignore` comment or a configured suppression covers the finding. A suppressed
   * finding stays in every output, marked with its reason; gates leave it out.
   */
  readonly suppression?: Suppression;
  /** Set when the finding lies in a folder marked as vendored third-party code: kept, and grouped apart. */
  readonly thirdParty?: boolean;
}

/** Why a finding is suppressed: the ids the suppression names, the reason given, and where it was written. */
export interface Suppression {
  /** The rule or algorithm ids the suppression names, as written (`rsa`, `md5`, `all`). */
  readonly targets: readonly string[];
  readonly reason: string;
  /** `path:line` of an inline comment, or the configuration file and key (`pqready.config.yaml suppress[0]`). */
  readonly source: string;
}

/** An inline `pqready-ignore <ids> -- <reason>` comment, as the scanner read it: it covers its line and the next. */
export interface SuppressionDirective {
  readonly path: string;
  readonly line: number;
  readonly targets: readonly string[];
  readonly reason: string;
}

export interface AlgorithmFinding extends FindingBase {
  readonly kind: 'algorithm';
  readonly algorithm: AlgorithmRef;
}

export interface Fingerprint {
  readonly sha256: string;
}

export type KeyType = 'public' | 'private' | 'secret' | 'parameters';

export interface KeyFacts {
  readonly keyType: KeyType;
  readonly algorithm: AlgorithmRef;
  /** Key strength in bits (modulus bits, curve bits, or parameter-set size). */
  readonly sizeBits?: number;
  /** Container format: SPKI, PKCS#1, SEC1, PKCS#8, EncryptedPKCS#8, OpenSSH, PKCS#12, DHparams … */
  readonly format: string;
  /** PEM or DER or text. */
  readonly encoding?: 'PEM' | 'DER' | 'text';
  /** SHA-256 of the public key (SubjectPublicKeyInfo DER, or SSH wire blob). Private keys: of their public part when derivable. */
  readonly fingerprint?: Fingerprint;
  /** For protected private keys: the protection scheme (e.g. PBES2 with AES-256-CBC, pbeWithMD5AndDES). */
  readonly protection?: AlgorithmRef;
  readonly comment?: string;
}

export interface CertificateFacts {
  readonly type: 'certificate' | 'csr' | 'crl';
  readonly encoding: 'PEM' | 'DER';
  readonly subject?: string;
  readonly issuer?: string;
  readonly serialNumber?: string;
  /** ISO 8601. */
  readonly notBefore?: string;
  readonly notAfter?: string;
  readonly selfSigned?: boolean;
  readonly signatureAlgorithm: AlgorithmRef;
  readonly publicKey?: KeyFacts;
  readonly keyUsage?: readonly string[];
  readonly extendedKeyUsage?: readonly string[];
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLength?: number };
  readonly subjectAltNames?: readonly string[];
  /** SHA-256 of the DER encoding. */
  readonly fingerprint: Fingerprint;
  /** Validity relative to the scan time. */
  readonly validity?: 'valid' | 'expired' | 'not-yet-valid';
  /** Extension OIDs present, for anything not decoded into a typed field. */
  readonly extensions?: readonly { readonly oid: string; readonly name?: string; readonly critical: boolean }[];
}

export interface CertificateFinding extends FindingBase {
  readonly kind: 'certificate';
  readonly certificate: CertificateFacts;
}

export interface KeyFinding extends FindingBase {
  readonly kind: 'key';
  readonly key: KeyFacts;
}

export interface CipherSuiteFacts {
  /** IANA name, e.g. TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384. */
  readonly name: string;
  /** OpenSSL name where one exists. */
  readonly openssl?: string;
  /** Two-byte code point, written `0xC030`. */
  readonly codePoint?: string;
  readonly algorithms: readonly AlgorithmRef[];
}

export interface NamedGroupFacts {
  readonly name: string;
  readonly codePoint?: string;
  readonly algorithm: AlgorithmRef;
}

export interface ProtocolFacts {
  readonly type: 'tls' | 'dtls' | 'ssh' | 'ipsec' | 'ike' | 'mqtt-tls' | 'other';
  /** Enabled versions, e.g. ['1.2', '1.3'] or ['2.0'] for SSH. */
  readonly versions: readonly string[];
  readonly cipherSuites: readonly CipherSuiteFacts[];
  readonly groups: readonly NamedGroupFacts[];
  readonly signatureAlgorithms: readonly NamedGroupFacts[];
  /** Other algorithms the configuration selects (SSH MACs, host key types, IKE proposals …). */
  readonly algorithms?: readonly AlgorithmRef[];
  /** Certificate and key files the configuration names; linked to the inventory by path. */
  readonly references?: readonly { readonly directive: string; readonly path: string }[];
  /** Issues worth flagging: `tls-below-1.2`, `static-rsa-kex`, `cbc-sha1`, `seclevel-0`, `no-pq-group` … */
  readonly flags?: readonly string[];
}

export interface ProtocolFinding extends FindingBase {
  readonly kind: 'protocol';
  readonly protocol: ProtocolFacts;
}

export type Finding = AlgorithmFinding | CertificateFinding | KeyFinding | ProtocolFinding;

/** Something a detector could not read or decode. The scan goes on. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  /** Stable machine code, e.g. `der-truncated`, `symlink-loop`, `unreadable`. */
  readonly code: string;
  /** One clear sentence for a person. */
  readonly message: string;
  readonly path?: string;
  readonly line?: number;
  readonly detector?: string;
}

export interface ScannedFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A copy of a crypto library found in the tree, identified by the version its own header declares. */
export interface LibraryFacts {
  /** Catalog id of the library (`crypto-libraries.ts`), e.g. `mbedtls`, `wolfssl`, `openssl`. */
  readonly id: string;
  /** Version as the library declares it, e.g. `3.6.2`, `1.1.1w`. */
  readonly version: string;
  /** Directory holding this copy (relative like evidence paths; `''` for the scan root). */
  readonly root: string;
  /** The file and line that declare the version. */
  readonly evidence: Evidence;
}

/** The result of a scan: facts and diagnostics, no verdicts. */
export interface Inventory {
  readonly tool: { readonly name: string; readonly version: string };
  /** ISO 8601; from SOURCE_DATE_EPOCH when set. */
  readonly scannedAt: string;
  /**
   * Names of the scan roots: each root's base name (with parent directories added when two would be equal),
   * or its absolute path when asked. Never the spelling typed: `dir`, `./dir/` and `$PWD/dir` give one name.
   */
  readonly roots: readonly string[];
  readonly findings: readonly Finding[];
  /** Crypto libraries whose version the tree declares; findings name them in `library`. */
  readonly libraries?: readonly LibraryFacts[];
  readonly diagnostics: readonly Diagnostic[];
  /** Inline suppression comments found in the files the scan read (well-formed ones; malformed ones are diagnostics). */
  readonly directives?: readonly SuppressionDirective[];
  readonly stats: {
    readonly filesScanned: number;
    readonly bytesScanned: number;
    readonly filesSkipped: number;
    /** Files and folders left out by `.gitignore`, `.pqreadyignore` or an exclude pattern (a folder counts once). */
    readonly pathsIgnored?: number;
  };
}
