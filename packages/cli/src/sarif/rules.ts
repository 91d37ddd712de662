/**
 * The rules of pqready's SARIF output: one per algorithm family that a quantum computer breaks, one per kind of
 * policy shortfall, one per classical weakness, and the passing outcomes. Data, not code: the SARIF renderer picks a
 * rule per finding (`rule-of.ts`), `pnpm gen:docs` writes one page per rule under `docs/rules/`, and the ids are
 * what `pqready-ignore` comments name. Ids are stable kebab-case and never renamed (GitHub code scanning matches
 * alerts across commits by rule id).
 *
 * Sources: NIST IR 8547 ipd "Transition to Post-Quantum Cryptography Standards" (https://doi.org/10.6028/NIST.IR.8547.ipd),
 * FIPS 203/204/205 (https://doi.org/10.6028/NIST.FIPS.203, .204, .205), NIST SP 800-208 (https://doi.org/10.6028/NIST.SP.800-208),
 * NIST SP 800-131A Rev. 2 (https://doi.org/10.6028/NIST.SP.800-131Ar2), MITRE CWE (https://cwe.mitre.org).
 * security-severity follows GitHub's bands (https://docs.github.com/en/code-security/code-scanning/managing-code-scanning-alerts/about-code-scanning-alerts):
 * 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
 */

export interface SarifRule {
  readonly id: string;
  /** PascalCase, for SARIF `name`. */
  readonly name: string;
  /** One sentence (SARIF `shortDescription`, ≤ 1024 characters). */
  readonly short: string;
  /** Why it matters (SARIF `fullDescription`, ≤ 1024 characters). */
  readonly full: string;
  /** What to do, in Markdown (SARIF `help.markdown`; `help.text` is the same without markup). */
  readonly help: string;
  readonly level: 'error' | 'warning' | 'note' | 'none';
  /** GitHub `security-severity`, a number as a string; absent for passing outcomes. */
  readonly severity?: string;
  readonly tags: readonly string[];
  /** Catalog algorithm ids the rule covers (families broken by Shor). */
  readonly algorithms?: readonly string[];
  /** Classical weakness flags the rule covers (`classicallyWeak` of a verdict). */
  readonly weaknesses?: readonly string[];
  /** Primary sources: title and URL. */
  readonly sources: readonly { readonly title: string; readonly url: string }[];
}

const IR8547 = {
  title: 'NIST IR 8547 ipd, Transition to Post-Quantum Cryptography Standards',
  url: 'https://doi.org/10.6028/NIST.IR.8547.ipd',
};
const FIPS203 = {
  title: 'FIPS 203, Module-Lattice-Based Key-Encapsulation Mechanism Standard',
  url: 'https://doi.org/10.6028/NIST.FIPS.203',
};
const FIPS204 = {
  title: 'FIPS 204, Module-Lattice-Based Digital Signature Standard',
  url: 'https://doi.org/10.6028/NIST.FIPS.204',
};
const FIPS205 = {
  title: 'FIPS 205, Stateless Hash-Based Digital Signature Standard',
  url: 'https://doi.org/10.6028/NIST.FIPS.205',
};
const SP800208 = {
  title: 'NIST SP 800-208, Recommendation for Stateful Hash-Based Signature Schemes',
  url: 'https://doi.org/10.6028/NIST.SP.800-208',
};
const SP800131 = {
  title: 'NIST SP 800-131A Rev. 2, Transitioning the Use of Cryptographic Algorithms and Key Lengths',
  url: 'https://doi.org/10.6028/NIST.SP.800-131Ar2',
};
const CWE327 = {
  title: 'CWE-327: Use of a Broken or Risky Cryptographic Algorithm',
  url: 'https://cwe.mitre.org/data/definitions/327.html',
};
const CWE328 = { title: 'CWE-328: Use of Weak Hash', url: 'https://cwe.mitre.org/data/definitions/328.html' };
const CWE326 = {
  title: 'CWE-326: Inadequate Encryption Strength',
  url: 'https://cwe.mitre.org/data/definitions/326.html',
};

const QUANTUM_TAGS = ['security', 'cryptography', 'post-quantum', 'external/cwe/cwe-327'] as const;
const SIGNATURE_HELP =
  'Plan the move to **ML-DSA** (FIPS 204), **SLH-DSA** (FIPS 205) or, for firmware signing, **LMS/XMSS** ' +
  '(SP 800-208); a composite (ML-DSA + this algorithm) keeps old verifiers working during the transition. ' +
  'Boot and update keys live as long as the device: size them with `pqready bench` and date the change with `pqready plan`.';
const KEX_HELP =
  'Plan the move to **ML-KEM** (FIPS 203), first as a hybrid (X25519MLKEM768 in TLS 1.3, ' +
  'mlkem768x25519-sha256 in SSH). Traffic recorded today can be decrypted once a quantum computer exists ' +
  '("harvest now, decrypt later"), so key exchange comes first.';

const shor = (
  id: string,
  name: string,
  what: string,
  algorithms: readonly string[],
  help: string,
  sources: SarifRule['sources'],
): SarifRule => ({
  id,
  name,
  short: `${what}: broken by a cryptographically relevant quantum computer (Shor's algorithm).`,
  full:
    `${what} rests on integer factorisation or discrete logarithms, which Shor's algorithm solves on a ` +
    'cryptographically relevant quantum computer. NIST IR 8547 (draft) deprecates such public-key algorithms at ' +
    '112-bit strength after 2030 and disallows them after 2035; CNSA 2.0 sets earlier dates for national security systems.',
  help,
  level: 'error',
  severity: '7.5',
  tags: QUANTUM_TAGS,
  algorithms,
  sources: [IR8547, ...sources, CWE327],
});

export const SARIF_RULES: readonly SarifRule[] = Object.freeze([
  shor(
    'rsa',
    'RsaQuantumVulnerable',
    'RSA (signatures and encryption)',
    ['rsa', 'rsa-pkcs1v15', 'rsa-pss', 'rsa-oaep', 'rsaes-pkcs1v15'],
    `${SIGNATURE_HELP}\n\nFor RSA key transport or encryption: ${KEX_HELP}`,
    [FIPS203, FIPS204],
  ),
  shor(
    'ecdsa',
    'EcdsaQuantumVulnerable',
    'ECDSA and other elliptic-curve signatures and keys',
    ['ecdsa', 'ec', 'sm2', 'eccsi'],
    SIGNATURE_HELP,
    [FIPS204, FIPS205, SP800208],
  ),
  shor(
    'eddsa',
    'EddsaQuantumVulnerable',
    'EdDSA and other Edwards-curve signatures (Ed25519, Ed448, libhydrogen)',
    ['ed25519', 'ed448', 'eddsa-25519-blake2b', 'hydro-sign'],
    SIGNATURE_HELP,
    [FIPS204, FIPS205],
  ),
  shor(
    'ecdh',
    'EcdhQuantumVulnerable',
    'Elliptic-curve key agreement (ECDH, X25519, X448)',
    ['ecdh', 'x25519', 'x448', 'sakke'],
    KEX_HELP,
    [FIPS203],
  ),
  shor(
    'dh',
    'DhQuantumVulnerable',
    'Finite-field Diffie-Hellman, ElGamal and SRP',
    ['dh', 'elgamal', 'srp'],
    KEX_HELP,
    [FIPS203],
  ),
  shor(
    'dsa',
    'DsaQuantumVulnerable',
    'DSA',
    ['dsa'],
    `DSA is also withdrawn for new signatures (FIPS 186-5). ${SIGNATURE_HELP}`,
    [FIPS204],
  ),
  shor(
    'quantum-broken-other',
    'OtherQuantumVulnerable',
    'A public-key algorithm',
    [],
    `${SIGNATURE_HELP}\n\n${KEX_HELP}`,
    [FIPS203, FIPS204],
  ),
  {
    id: 'symmetric-key-size',
    name: 'SymmetricKeyBelowPolicy',
    short: 'A symmetric key size below the selected policy threshold.',
    full:
      "Grover's algorithm at best halves the effective strength of a symmetric key. Policies that plan for it ask for " +
      'larger keys: CNSA 2.0 requires AES-256; NIST IR 8547 keeps AES-128 but disallows 112-bit symmetric standards (3DES) in 2030.',
    help: 'Move to **AES-256** (or ChaCha20-Poly1305) where the policy asks for 256-bit keys. Check the policy with `pqready scan --list-policies`.',
    level: 'warning',
    severity: '4.0',
    tags: ['security', 'cryptography', 'post-quantum', 'external/cwe/cwe-326'],
    sources: [IR8547, CWE326],
  },
  {
    id: 'hash-output-size',
    name: 'HashOutputBelowPolicy',
    short: 'A hash (or a MAC or KDF built on one) with an output below the selected policy threshold.',
    full:
      'Quantum collision search lowers the margin of short hashes. CNSA 2.0 requires SHA-384 or SHA-512; NIST IR 8547 ' +
      'disallows 112-bit hashes (SHA-224) in 2030.',
    help: 'Move to **SHA-384** or **SHA-512** (or SHA3-384/512) where the policy asks for it; HMAC and KDFs follow their hash.',
    level: 'warning',
    severity: '4.0',
    tags: ['security', 'cryptography', 'post-quantum', 'external/cwe/cwe-328'],
    sources: [IR8547, CWE328],
  },
  {
    id: 'pq-parameter-set',
    name: 'PostQuantumParameterSetBelowPolicy',
    short: 'A post-quantum parameter set below the NIST category the selected policy requires.',
    full: 'The algorithm resists quantum attack, but at a security category below the policy minimum (CNSA 2.0 requires ML-KEM-1024 and ML-DSA-87).',
    help: 'Move to the parameter set the policy names (**ML-KEM-1024**, **ML-DSA-87** under CNSA 2.0); check that it fits the device with `pqready bench`.',
    level: 'warning',
    severity: '4.0',
    tags: ['security', 'cryptography', 'post-quantum'],
    sources: [FIPS203, FIPS204],
  },
  {
    id: 'weakened-other',
    name: 'OtherBelowPolicy',
    short: 'Cryptography below the selected policy threshold.',
    full: 'The algorithm falls short of the threshold the selected policy sets for quantum resistance.',
    help: 'Read the finding’s reason and move to the size or algorithm the policy asks for.',
    level: 'warning',
    severity: '4.0',
    tags: ['security', 'cryptography', 'post-quantum'],
    sources: [IR8547],
  },
  {
    id: 'broken-hash',
    name: 'ClassicallyBrokenHash',
    short: 'A hash with practical collision attacks today (MD2, MD4, MD5, SHA-1 in signatures, RIPEMD-160, MDC-2).',
    full: 'Collisions for these hashes can be computed with ordinary computers; signatures and integrity checks that rely on them can be forged.',
    help: 'Replace now with **SHA-256** or stronger (SHA-384 under CNSA 2.0). HMAC-SHA-1 in existing protocols is not affected.',
    level: 'warning',
    severity: '7.0',
    tags: ['security', 'cryptography', 'external/cwe/cwe-328'],
    weaknesses: ['md2', 'md4', 'md5', 'mdc2', 'sha1', 'sha1-signature', 'ripemd-160'],
    sources: [SP800131, CWE328],
  },
  {
    id: 'broken-cipher',
    name: 'ClassicallyWeakCipher',
    short: 'A cipher or mode that is weak today (DES, 3DES, RC2, RC4, 64-bit blocks, keys below 112 bits, ECB).',
    full: 'These ciphers fall to attacks that need no quantum computer: short keys, biased keystreams, birthday-bound collisions on 64-bit blocks (Sweet32), or ECB patterns.',
    help: 'Replace now with **AES-GCM** (AES-256 under CNSA 2.0) or **ChaCha20-Poly1305**.',
    level: 'warning',
    severity: '7.0',
    tags: ['security', 'cryptography', 'external/cwe/cwe-327'],
    weaknesses: ['des', '3des', 'rc2', 'rc4', '64-bit-block', 'key-below-112', 'ecb-mode'],
    sources: [SP800131, CWE327],
  },
  {
    id: 'short-key',
    name: 'ClassicallyShortKey',
    short: 'A public key below 112-bit strength (RSA, DSA or DH below 2048 bits, elliptic curves below 224 bits).',
    full: 'NIST SP 800-131A Rev. 2 disallows these key sizes today; they are within reach of classical computation, quantum computers aside.',
    help: 'Re-issue with at least **RSA-3072 / P-256** now, and plan the post-quantum move (ML-KEM, ML-DSA) at the same time.',
    level: 'warning',
    severity: '7.0',
    tags: ['security', 'cryptography', 'external/cwe/cwe-326'],
    weaknesses: ['rsa-below-2048', 'dsa-below-2048', 'dh-below-2048', 'ec-below-224', 'p-192'],
    sources: [SP800131, CWE326],
  },
  {
    id: 'legacy-construction',
    name: 'LegacyCryptographicConstruction',
    short: 'A legacy construction (PBES1, PKCS#12 legacy PBE, PBKDF1, RSAES-PKCS1-v1_5, DSA).',
    full: 'These constructions are deprecated: padding oracles (RSAES-PKCS1-v1_5), weak password-based encryption, or withdrawn algorithms (DSA, FIPS 186-5).',
    help: 'Use **PBES2 with PBKDF2 or scrypt/Argon2** for keys at rest, **RSA-OAEP** or (better) ML-KEM for encryption, and ML-DSA or ECDSA in place of DSA.',
    level: 'warning',
    severity: '5.0',
    tags: ['security', 'cryptography', 'external/cwe/cwe-327'],
    weaknesses: ['pbes1', 'pkcs12-legacy-pbe', 'pbkdf1', 'rsaes-pkcs1v15', 'dsa'],
    sources: [SP800131, CWE327],
  },
  {
    id: 'legacy-protocol',
    name: 'LegacyProtocolConfiguration',
    short:
      'A protocol configuration that switches security off or allows retired versions (TLS below 1.2, SSH-1, IKEv1, NULL or anonymous suites, RSA key transport, @SECLEVEL=0).',
    full: 'These settings are weak whatever algorithms they name: the standards retire the versions (RFC 8996, RFC 9395), and NULL encryption, anonymous authentication and static RSA key transport give up confidentiality, authentication or forward secrecy.',
    help: 'Allow **TLS 1.2 and 1.3** only (1.3 where both sides support it), SSH-2 and IKEv2; remove NULL, anonymous and static-RSA suites; keep the OpenSSL security level at 2 or more.',
    level: 'warning',
    severity: '7.0',
    tags: ['security', 'cryptography', 'external/cwe/cwe-327'],
    weaknesses: [
      'tls-below-1.2',
      'ssh-1',
      'ikev1',
      'null-cipher',
      'anonymous-auth',
      'static-rsa-kex',
      'legacy-provider-active',
      'seclevel-0',
    ],
    sources: [
      { title: 'RFC 8996, Deprecating TLS 1.0 and TLS 1.1', url: 'https://www.rfc-editor.org/rfc/rfc8996' },
      {
        title: 'RFC 9395, Deprecation of the Internet Key Exchange Version 1 (IKEv1) Protocol and Obsoleted Algorithms',
        url: 'https://www.rfc-editor.org/rfc/rfc9395',
      },
      CWE327,
    ],
  },
  {
    id: 'pre-standard-pq',
    name: 'PreStandardPostQuantum',
    short: 'A pre-standard or non-NIST post-quantum algorithm (Kyber, Dilithium, draft hybrids, FrodoKEM …).',
    full: 'Round-3 Kyber and Dilithium and draft hybrid code points do not interoperate with the final FIPS 203/204 algorithms; non-NIST schemes are outside most policies.',
    help: 'Re-issue keys and certificates on **ML-KEM / ML-DSA / SLH-DSA** and move hybrid groups to their final code points (X25519MLKEM768).',
    level: 'note',
    severity: '3.0',
    tags: ['security', 'cryptography', 'post-quantum'],
    weaknesses: ['pre-standard', 'non-nist-pq'],
    sources: [FIPS203, FIPS204, FIPS205],
  },
  {
    id: 'classically-weak-other',
    name: 'OtherClassicalWeakness',
    short: 'Cryptography with a classical weakness.',
    full: 'The catalog flags a classical weakness of this algorithm or its parameters.',
    help: 'Read the finding’s weakness flags and replace the algorithm or parameter now.',
    level: 'warning',
    severity: '5.0',
    tags: ['security', 'cryptography'],
    sources: [SP800131],
  },
  {
    id: 'unknown-algorithm',
    name: 'UnknownCryptography',
    short: 'An algorithm or OID the catalog does not know, or one chosen at run time.',
    full: 'The evidence names cryptography whose quantum exposure cannot be judged from the tree: an unknown OID, or an algorithm read from storage or configuration at run time.',
    help: 'Identify the algorithm by hand; pass `--define` or `--assume` where the build or product version decides it.',
    level: 'note',
    severity: '2.0',
    tags: ['security', 'cryptography'],
    sources: [IR8547],
  },
  {
    id: 'hybrid',
    name: 'HybridPostQuantumCryptography',
    short: 'A post-quantum and classical combination (passing).',
    full: 'The combination stays secure while either part holds.',
    help: 'Nothing to do now; keep the inventory current.',
    level: 'none',
    tags: ['cryptography', 'post-quantum'],
    sources: [IR8547],
  },
  {
    id: 'not-applicable',
    name: 'NotApplicableSetting',
    short: 'A protocol setting that names no algorithm: protocol versions, certificate or key files (passing).',
    full: 'There is nothing to judge in the setting itself; the settings that name algorithms carry the verdict.',
    help: 'Nothing to do for this setting.',
    level: 'none',
    tags: ['cryptography'],
    sources: [IR8547],
  },
  {
    id: 'quantum-resistant',
    name: 'QuantumResistantCryptography',
    short: 'Cryptography considered quantum-resistant under the selected policy (passing).',
    full: 'Post-quantum algorithms, and symmetric algorithms and hashes at or above the policy threshold.',
    help: 'Nothing to do; keep the inventory current.',
    level: 'none',
    tags: ['cryptography', 'post-quantum'],
    sources: [IR8547],
  },
]);

export const RULE_BY_ID: ReadonlyMap<string, SarifRule> = new Map(SARIF_RULES.map((r) => [r.id, r]));

/** The rule id of a family broken by Shor, by catalog algorithm id. */
export const SHOR_RULE_OF: ReadonlyMap<string, string> = new Map(
  SARIF_RULES.flatMap((r) => (r.algorithms ?? []).map((a) => [a, r.id] as const)),
);
/** The rule id of a classical weakness flag. */
export const WEAKNESS_RULE_OF: ReadonlyMap<string, string> = new Map(
  SARIF_RULES.flatMap((r) => (r.weaknesses ?? []).map((w) => [w, r.id] as const)),
);
