/**
 * Constant tables that betray an implementation of an algorithm. Each row names the spec that
 * defines the constants; the unit test recomputes the derivable ones (AES S-box, MD5 sine table,
 * SHA-2 roots of primes, Keccak round constants, NTT zetas) and checks curve parameters against
 * @noble/curves, so a typo here fails a test.
 */

export interface AlgorithmPart {
  readonly id: string;
  readonly curve?: string;
  readonly parameterSet?: string;
}

interface RowBase {
  /** Stable signature id. */
  readonly id: string;
  readonly table: string;
  readonly algorithm: AlgorithmPart;
  readonly source: string;
}

/** An ordered run of values inside one initialiser (compared modulo `modulus` when set). */
export interface ValuesRow extends RowBase {
  readonly form: 'values';
  readonly values: readonly bigint[];
  readonly modulus?: bigint;
}

/** A big-endian byte string found in any byte order and limb width (curve parameters). */
export interface BytesRow extends RowBase {
  readonly form: 'bytes';
  readonly hex: string;
}

/** Literals that must all occur somewhere in one file (as initialisers, assignments or macro bodies). */
export interface LiteralSetRow extends RowBase {
  readonly form: 'literal-set';
  readonly literals: readonly bigint[];
}

/** A string that initialises data (never a message or comment). */
export interface StringRow extends RowBase {
  readonly form: 'string';
  readonly text: string;
}

export type SignatureRow = ValuesRow | BytesRow | LiteralSetRow | StringRow;

const b = (xs: readonly (number | string)[]): bigint[] => xs.map((x) => BigInt(x));

const FIPS197 = 'FIPS 197 (AES) §5.1.1 Figure 7, §5.3.2 Figure 14, §5.2 Rcon';
const FIPS180 = 'FIPS 180-4 §4.2 (constants) and §5.3 (initial hash values)';
const SEC2 = 'SEC 2 v2 §2.4.2 (secp256k1) and FIPS 186-5 / SP 800-186 §3.2 (P-256, P-384, P-521), RFC 7748 §4.1';

export const SIGNATURES: readonly SignatureRow[] = Object.freeze([
  {
    id: 'aes-sbox',
    form: 'values',
    table: 'AES S-box',
    algorithm: { id: 'aes' },
    source: FIPS197,
    values: b([0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76]),
  },
  {
    id: 'aes-inv-sbox',
    form: 'values',
    table: 'AES inverse S-box',
    algorithm: { id: 'aes' },
    source: FIPS197,
    values: b([0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb]),
  },
  {
    id: 'aes-rcon',
    form: 'values',
    table: 'AES round constants',
    algorithm: { id: 'aes' },
    source: FIPS197,
    values: b([0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36]),
  },
  {
    id: 'aes-rcon-word',
    form: 'values',
    table: 'AES round constants (words)',
    algorithm: { id: 'aes' },
    source: FIPS197,
    values: b([0x01000000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000, 0x80000000]),
  },
  {
    id: 'aes-te0',
    form: 'literal-set',
    table: 'AES T-table Te0',
    algorithm: { id: 'aes' },
    source: `${FIPS197}; T-table = S-box column times (2,1,1,3)`,
    literals: b([0xc66363a5, 0xf87c7c84, 0xee777799, 0xf67b7b8d]),
  },
  {
    id: 'aes-te0-le',
    form: 'literal-set',
    table: 'AES T-table Te0 (little-endian)',
    algorithm: { id: 'aes' },
    source: `${FIPS197}; T-table = S-box column times (2,1,1,3)`,
    literals: b([0xa56363c6, 0x847c7cf8, 0x997777ee, 0x8d7b7bf6]),
  },
  {
    id: 'md5-t',
    form: 'literal-set',
    table: 'MD5 sine table T[1..4]',
    algorithm: { id: 'md5' },
    source: 'RFC 1321 §3.4: T[i] = floor(2^32 · |sin(i)|)',
    literals: b([0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee]),
  },
  {
    id: 'sha1-iv',
    form: 'literal-set',
    table: 'SHA-1 initial hash value',
    algorithm: { id: 'sha-1' },
    source: FIPS180,
    literals: b([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]),
  },
  {
    id: 'sha1-k',
    form: 'literal-set',
    table: 'SHA-1 round constants',
    algorithm: { id: 'sha-1' },
    source: FIPS180,
    literals: b([0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6]),
  },
  {
    id: 'sha224-iv',
    form: 'literal-set',
    table: 'SHA-224 initial hash value',
    algorithm: { id: 'sha-224' },
    source: FIPS180,
    literals: b([0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939]),
  },
  {
    id: 'sha256-iv',
    form: 'literal-set',
    table: 'SHA-256 initial hash value',
    algorithm: { id: 'sha-256' },
    source: FIPS180,
    literals: b([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]),
  },
  {
    id: 'sha256-k',
    form: 'literal-set',
    table: 'SHA-224/256 round constants',
    algorithm: { id: 'sha-256' },
    source: FIPS180,
    literals: b([0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5]),
  },
  {
    id: 'sha384-iv',
    form: 'literal-set',
    table: 'SHA-384 initial hash value',
    algorithm: { id: 'sha-384' },
    source: FIPS180,
    literals: b(['0xcbbb9d5dc1059ed8', '0x629a292a367cd507', '0x9159015a3070dd17', '0x152fecd8f70e5939']),
  },
  {
    id: 'sha512-iv',
    form: 'literal-set',
    table: 'SHA-512 initial hash value',
    algorithm: { id: 'sha-512' },
    source: FIPS180,
    literals: b(['0x6a09e667f3bcc908', '0xbb67ae8584caa73b', '0x3c6ef372fe94f82b', '0xa54ff53a5f1d36f1']),
  },
  {
    id: 'sha512-k',
    form: 'literal-set',
    table: 'SHA-384/512 round constants',
    algorithm: { id: 'sha-512' },
    source: FIPS180,
    literals: b(['0x428a2f98d728ae22', '0x7137449123ef65cd', '0xb5c0fbcfec4d3b2f', '0xe9b5dba58189dbbc']),
  },
  {
    id: 'sha512-k-split',
    form: 'values',
    table: 'SHA-384/512 round constants (32-bit halves)',
    algorithm: { id: 'sha-512' },
    source: FIPS180,
    values: b([0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f]),
  },
  {
    id: 'keccak-rc',
    form: 'literal-set',
    table: 'Keccak-f[1600] round constants',
    algorithm: { id: 'sha3-256', parameterSet: 'keccak-f1600' },
    source: 'FIPS 202 §3.2.5 (rc(t) LFSR)',
    literals: b(['0x800000000000808a', '0x8000000080008000', '0x8000000080008081', '0x8000000000008009']),
  },
  {
    id: 'chacha-sigma',
    form: 'string',
    table: 'ChaCha/Salsa constant "expand 32-byte k"',
    algorithm: { id: 'chacha20' },
    source: 'RFC 8439 §2.3',
    text: 'expand 32-byte k',
  },
  {
    id: 'chacha-tau',
    form: 'string',
    table: 'ChaCha/Salsa constant "expand 16-byte k"',
    algorithm: { id: 'chacha20' },
    source: 'RFC 8439 §2.3; Salsa20 spec §9',
    text: 'expand 16-byte k',
  },
  {
    id: 'chacha-words',
    form: 'literal-set',
    table: 'ChaCha constant words',
    algorithm: { id: 'chacha20' },
    source: 'RFC 8439 §2.3: 0x61707865 0x3320646e 0x79622d32 0x6b206574',
    literals: b([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]),
  },
  {
    id: 'mlkem-zetas-mont',
    form: 'values',
    table: 'ML-KEM NTT zetas (Montgomery form, bit-reversed)',
    algorithm: { id: 'ml-kem-768', parameterSet: 'ml-kem' },
    source: 'FIPS 203 §4.3 (ζ = 17, q = 3329); reference implementation zetas = 2^16·ζ^BitRev7(i) mod q',
    modulus: 3329n,
    values: b([-1044, -758, -359, -1517, 1493, 1422, 287, 202, -171, 622, 1577, 182, 962, -1202, -1474, 1468]),
  },
  {
    id: 'mlkem-zetas',
    form: 'values',
    table: 'ML-KEM NTT zetas (FIPS 203 Appendix A)',
    algorithm: { id: 'ml-kem-768', parameterSet: 'ml-kem' },
    source: 'FIPS 203 Appendix A: ζ^BitRev7(i) mod 3329',
    modulus: 3329n,
    values: b([1, 1729, 2580, 3289, 2642, 630, 1897, 848, 1062, 1919, 193, 797, 2786, 3260, 569, 1746]),
  },
  {
    id: 'mlkem-q',
    form: 'literal-set',
    table: 'ML-KEM modulus q = 3329 with q^-1 mod 2^16',
    algorithm: { id: 'ml-kem-768', parameterSet: 'ml-kem' },
    source: 'FIPS 203 §2.4 (q = 3329); -3327 = -q^-1 mod 2^16 used by Montgomery reduction',
    literals: b([3329, 3327]),
  },
  {
    id: 'mlkem-q-inv',
    form: 'literal-set',
    table: 'ML-KEM modulus q = 3329 with q^-1 mod 2^16 = 62209',
    algorithm: { id: 'ml-kem-768', parameterSet: 'ml-kem' },
    source: 'FIPS 203 §2.4 (q = 3329); 62209 = q^-1 mod 2^16',
    literals: b([3329, 62209]),
  },
  {
    id: 'mldsa-zetas-mont',
    form: 'values',
    table: 'ML-DSA NTT zetas (Montgomery form, bit-reversed)',
    algorithm: { id: 'ml-dsa-65', parameterSet: 'ml-dsa' },
    source: 'FIPS 204 §7.5 (ζ = 1753, q = 8380417); reference zetas = 2^32·ζ^BitRev8(i) mod q',
    modulus: 8380417n,
    values: b([25847, -2608894, -518909, 237124, -777960, -876248, 466468, 1826347]),
  },
  {
    id: 'mldsa-q',
    form: 'literal-set',
    table: 'ML-DSA modulus q = 8380417',
    algorithm: { id: 'ml-dsa-65', parameterSet: 'ml-dsa' },
    source: 'FIPS 204 §4 (q = 2^23 − 2^13 + 1 = 8380417)',
    literals: b([8380417]),
  },
  {
    id: 'p256-p',
    form: 'bytes',
    table: 'P-256 field prime',
    algorithm: { id: 'ec', curve: 'p-256' },
    source: SEC2,
    hex: 'ffffffff00000001000000000000000000000000ffffffffffffffffffffffff',
  },
  {
    id: 'p256-gx',
    form: 'bytes',
    table: 'P-256 generator x',
    algorithm: { id: 'ec', curve: 'p-256' },
    source: SEC2,
    hex: '6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296',
  },
  {
    id: 'p384-p',
    form: 'bytes',
    table: 'P-384 field prime',
    algorithm: { id: 'ec', curve: 'p-384' },
    source: SEC2,
    hex: 'fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff',
  },
  {
    id: 'p384-gx',
    form: 'bytes',
    table: 'P-384 generator x',
    algorithm: { id: 'ec', curve: 'p-384' },
    source: SEC2,
    hex: 'aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7',
  },
  {
    id: 'p521-p',
    form: 'bytes',
    table: 'P-521 field prime',
    algorithm: { id: 'ec', curve: 'p-521' },
    source: SEC2,
    hex: `01${'ff'.repeat(65)}`,
  },
  {
    id: 'p521-gx',
    form: 'bytes',
    table: 'P-521 generator x',
    algorithm: { id: 'ec', curve: 'p-521' },
    source: SEC2,
    hex: 'c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66',
  },
  {
    id: 'secp256k1-p',
    form: 'bytes',
    table: 'secp256k1 field prime',
    algorithm: { id: 'ec', curve: 'secp256k1' },
    source: SEC2,
    hex: 'fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f',
  },
  {
    id: 'secp256k1-gx',
    form: 'bytes',
    table: 'secp256k1 generator x',
    algorithm: { id: 'ec', curve: 'secp256k1' },
    source: SEC2,
    hex: '79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798',
  },
  {
    id: 'curve25519-p',
    form: 'bytes',
    table: 'Curve25519 field prime 2^255 − 19',
    algorithm: { id: 'ec', curve: 'curve25519' },
    source: SEC2,
    hex: '7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed',
  },
  {
    id: 'curve25519-a24',
    form: 'literal-set',
    table: 'Curve25519 ladder constant a24 = 121665',
    algorithm: { id: 'ec', curve: 'curve25519' },
    source: 'RFC 7748 §5 (a24 = 121665)',
    literals: b([121665]),
  },
] satisfies readonly SignatureRow[]);

export const SIGNATURE_BY_ID: ReadonlyMap<string, SignatureRow> = new Map(SIGNATURES.map((s) => [s.id, s]));
