/**
 * OIDs of classical algorithms: PKCS #1, DSA/DH, ECC, Edwards/Montgomery curves, SM2, hashes, HMAC, AES/DES/RC,
 * and password-based encryption (PKCS #5 / PKCS #12). Values from OpenSSL objects.txt arcs,
 * RFC 8018 Appendix A/C and RFC 7292 Appendix C. Note the NIST `.3.1–.16` signature OIDs are classical, not PQC.
 */
import type { AlgorithmRef } from '../model/finding.js';
import { HASHES } from './hashes.js';
import { SRC } from './sources.js';
import type { OidRow } from './types.js';

const O = [SRC.opensslObjects];
const alg = (oid: string, name: string, ref: AlgorithmRef, sources: OidRow['sources'] = O): OidRow => ({
  oid,
  name,
  kind: 'algorithm',
  ref,
  sources,
});

const PKCS1 = '1.2.840.113549.1.1.';
const SIGALGS = '2.16.840.1.101.3.4.3.';
const AES = '2.16.840.1.101.3.4.1.';
// OpenSSL short names: `aes-128-cbc`, `id-aes128-GCM`, `id-aes128-wrap` …
const AES_MODES = [
  [1, 'ecb', (b: number) => `aes-${b}-ecb`],
  [2, 'cbc', (b: number) => `aes-${b}-cbc`],
  [3, 'ofb', (b: number) => `aes-${b}-ofb`],
  [4, 'cfb', (b: number) => `aes-${b}-cfb`],
  [5, 'kw', (b: number) => `id-aes${b}-wrap`],
  [6, 'gcm', (b: number) => `id-aes${b}-GCM`],
  [7, 'ccm', (b: number) => `id-aes${b}-CCM`],
  [8, 'kwp', (b: number) => `id-aes${b}-wrap-pad`],
] as const;
const AES_SIZES = [
  [0, 128],
  [20, 192],
  [40, 256],
] as const;

export const CLASSICAL_OIDS: readonly OidRow[] = Object.freeze([
  // RSA (PKCS #1, RFC 8017 Appendix C)
  alg(`${PKCS1}1`, 'rsaEncryption', { id: 'rsa' }, [SRC.rfc8017, ...O]),
  alg(`${PKCS1}2`, 'md2WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'md2' }),
  alg(`${PKCS1}3`, 'md4WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'md4' }),
  alg(`${PKCS1}4`, 'md5WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'md5' }),
  alg(`${PKCS1}5`, 'sha1WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'sha-1' }),
  alg(`${PKCS1}7`, 'rsaesOaep', { id: 'rsa-oaep' }, [SRC.rfc8017, ...O]),
  { oid: `${PKCS1}8`, name: 'mgf1', kind: 'parameter', sources: [SRC.rfc8017, ...O] },
  { oid: `${PKCS1}9`, name: 'pSpecified', kind: 'parameter', sources: [SRC.rfc8017, ...O] },
  alg(`${PKCS1}10`, 'rsassaPss', { id: 'rsa-pss' }, [SRC.rfc8017, ...O]),
  alg(`${PKCS1}11`, 'sha256WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'sha-256' }),
  alg(`${PKCS1}12`, 'sha384WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'sha-384' }),
  alg(`${PKCS1}13`, 'sha512WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'sha-512' }),
  alg(`${PKCS1}14`, 'sha224WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'sha-224' }),
  alg(`${PKCS1}15`, 'sha512-224WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'sha-512-224' }),
  alg(`${PKCS1}16`, 'sha512-256WithRSAEncryption', { id: 'rsa-pkcs1v15', hash: 'sha-512-256' }),
  alg('1.3.14.3.2.3', 'md5WithRSA (OIW)', { id: 'rsa-pkcs1v15', hash: 'md5' }),
  alg('1.3.14.3.2.29', 'sha1WithRSA (OIW)', { id: 'rsa-pkcs1v15', hash: 'sha-1' }),
  alg('1.3.14.3.2.15', 'shaWithRSAEncryption (OIW, SHA-0)', { id: 'rsa-pkcs1v15', hash: 'sha-1' }),
  alg('2.5.8.1.1', 'rsa (X.500)', { id: 'rsa' }),
  alg(`${SIGALGS}13`, 'id-rsassa-pkcs1-v1_5-with-sha3-224', { id: 'rsa-pkcs1v15', hash: 'sha3-224' }),
  alg(`${SIGALGS}14`, 'id-rsassa-pkcs1-v1_5-with-sha3-256', { id: 'rsa-pkcs1v15', hash: 'sha3-256' }),
  alg(`${SIGALGS}15`, 'id-rsassa-pkcs1-v1_5-with-sha3-384', { id: 'rsa-pkcs1v15', hash: 'sha3-384' }),
  alg(`${SIGALGS}16`, 'id-rsassa-pkcs1-v1_5-with-sha3-512', { id: 'rsa-pkcs1v15', hash: 'sha3-512' }),
  alg('1.3.6.1.5.5.7.6.30', 'id-RSASSA-PSS-SHAKE128', { id: 'rsa-pss', hash: 'shake128' }, [SRC.rfc8702]),
  alg('1.3.6.1.5.5.7.6.31', 'id-RSASSA-PSS-SHAKE256', { id: 'rsa-pss', hash: 'shake256' }, [SRC.rfc8702]),
  { oid: '1.3.6.1.5.5.7.6.2', name: 'id-alg-noSignature', kind: 'parameter', sources: [SRC.compositeSigs] },
  // DSA / DH
  alg('1.2.840.10040.4.1', 'id-dsa', { id: 'dsa' }),
  alg('1.2.840.10040.4.3', 'dsaWithSHA1', { id: 'dsa', hash: 'sha-1' }),
  alg('1.3.14.3.2.12', 'dsaEncryption-old (OIW)', { id: 'dsa' }),
  alg('1.3.14.3.2.13', 'dsaWithSHA (OIW, SHA-0)', { id: 'dsa', hash: 'sha-1' }),
  alg('1.3.14.3.2.27', 'dsaWithSHA1-old (OIW)', { id: 'dsa', hash: 'sha-1' }),
  alg(`${SIGALGS}1`, 'dsa_with_SHA224', { id: 'dsa', hash: 'sha-224' }),
  alg(`${SIGALGS}2`, 'dsa_with_SHA256', { id: 'dsa', hash: 'sha-256' }),
  alg(`${SIGALGS}3`, 'dsa_with_SHA384', { id: 'dsa', hash: 'sha-384' }),
  alg(`${SIGALGS}4`, 'dsa_with_SHA512', { id: 'dsa', hash: 'sha-512' }),
  alg(`${SIGALGS}5`, 'id-dsa-with-sha3-224', { id: 'dsa', hash: 'sha3-224' }),
  alg(`${SIGALGS}6`, 'id-dsa-with-sha3-256', { id: 'dsa', hash: 'sha3-256' }),
  alg(`${SIGALGS}7`, 'id-dsa-with-sha3-384', { id: 'dsa', hash: 'sha3-384' }),
  alg(`${SIGALGS}8`, 'id-dsa-with-sha3-512', { id: 'dsa', hash: 'sha3-512' }),
  alg('1.2.840.113549.1.3.1', 'dhKeyAgreement', { id: 'dh' }),
  alg('1.2.840.10046.2.1', 'dhpublicnumber', { id: 'dh' }),
  // Elliptic curve
  alg('1.2.840.10045.2.1', 'id-ecPublicKey', { id: 'ec' }),
  alg('1.2.840.10045.4.1', 'ecdsa-with-SHA1', { id: 'ecdsa', hash: 'sha-1' }),
  alg('1.2.840.10045.4.3.1', 'ecdsa-with-SHA224', { id: 'ecdsa', hash: 'sha-224' }),
  alg('1.2.840.10045.4.3.2', 'ecdsa-with-SHA256', { id: 'ecdsa', hash: 'sha-256' }),
  alg('1.2.840.10045.4.3.3', 'ecdsa-with-SHA384', { id: 'ecdsa', hash: 'sha-384' }),
  alg('1.2.840.10045.4.3.4', 'ecdsa-with-SHA512', { id: 'ecdsa', hash: 'sha-512' }),
  alg(`${SIGALGS}9`, 'id-ecdsa-with-sha3-224', { id: 'ecdsa', hash: 'sha3-224' }),
  alg(`${SIGALGS}10`, 'id-ecdsa-with-sha3-256', { id: 'ecdsa', hash: 'sha3-256' }),
  alg(`${SIGALGS}11`, 'id-ecdsa-with-sha3-384', { id: 'ecdsa', hash: 'sha3-384' }),
  alg(`${SIGALGS}12`, 'id-ecdsa-with-sha3-512', { id: 'ecdsa', hash: 'sha3-512' }),
  alg('1.3.6.1.5.5.7.6.32', 'id-ecdsa-with-shake128', { id: 'ecdsa', hash: 'shake128' }, [SRC.rfc8702]),
  alg('1.3.6.1.5.5.7.6.33', 'id-ecdsa-with-shake256', { id: 'ecdsa', hash: 'shake256' }, [SRC.rfc8702]),
  alg('1.3.132.1.12', 'id-ecDH', { id: 'ecdh' }),
  alg('1.3.101.110', 'X25519', { id: 'x25519' }, [SRC.rfc8410]),
  alg('1.3.101.111', 'X448', { id: 'x448' }, [SRC.rfc8410]),
  alg('1.3.101.112', 'Ed25519', { id: 'ed25519' }, [SRC.rfc8410]),
  alg('1.3.101.113', 'Ed448', { id: 'ed448' }, [SRC.rfc8410]),
  alg('1.2.156.10197.1.301', 'sm2', { id: 'sm2' }, [SRC.sm]),
  alg('1.2.156.10197.1.501', 'SM2-with-SM3', { id: 'sm2', hash: 'sm3' }, [SRC.sm]),
  // Hashes (from the hash table) and HMAC
  ...HASHES.map((h) => alg(h.oid, h.name, { id: h.id }, h.sources)),
  alg('1.2.840.113549.2.7', 'hmacWithSHA1', { id: 'hmac', hash: 'sha-1' }, [SRC.rfc8018, ...O]),
  alg('1.2.840.113549.2.8', 'hmacWithSHA224', { id: 'hmac', hash: 'sha-224' }, [SRC.rfc8018, ...O]),
  alg('1.2.840.113549.2.9', 'hmacWithSHA256', { id: 'hmac', hash: 'sha-256' }, [SRC.rfc8018, ...O]),
  alg('1.2.840.113549.2.10', 'hmacWithSHA384', { id: 'hmac', hash: 'sha-384' }, [SRC.rfc8018, ...O]),
  alg('1.2.840.113549.2.11', 'hmacWithSHA512', { id: 'hmac', hash: 'sha-512' }, [SRC.rfc8018, ...O]),
  alg('1.2.840.113549.2.12', 'hmacWithSHA512-224', { id: 'hmac', hash: 'sha-512-224' }, [SRC.rfc8018, ...O]),
  alg('1.2.840.113549.2.13', 'hmacWithSHA512-256', { id: 'hmac', hash: 'sha-512-256' }, [SRC.rfc8018, ...O]),
  alg('2.16.840.1.101.3.4.2.13', 'id-hmacWithSHA3-224', { id: 'hmac', hash: 'sha3-224' }),
  alg('2.16.840.1.101.3.4.2.14', 'id-hmacWithSHA3-256', { id: 'hmac', hash: 'sha3-256' }),
  alg('2.16.840.1.101.3.4.2.15', 'id-hmacWithSHA3-384', { id: 'hmac', hash: 'sha3-384' }),
  alg('2.16.840.1.101.3.4.2.16', 'id-hmacWithSHA3-512', { id: 'hmac', hash: 'sha3-512' }),
  alg('1.3.6.1.5.5.8.1.2', 'hmac-sha1 (IPsec)', { id: 'hmac', hash: 'sha-1' }),
  // Symmetric ciphers
  ...AES_SIZES.flatMap(([base, bits]) =>
    AES_MODES.map(([n, mode, name]) => alg(`${AES}${base + n}`, name(bits), { id: 'aes', keyBits: bits, mode })),
  ),
  alg('1.3.14.3.2.6', 'desECB', { id: 'des', mode: 'ecb' }),
  alg('1.3.14.3.2.7', 'desCBC', { id: 'des', mode: 'cbc' }),
  alg('1.2.840.113549.3.7', 'des-ede3-cbc', { id: '3des', keyBits: 168, mode: 'cbc' }),
  alg('1.2.840.113549.1.9.16.3.6', 'id-alg-CMS3DESwrap', { id: '3des', keyBits: 168 }),
  alg('1.2.840.113549.3.2', 'rc2-cbc', { id: 'rc2', mode: 'cbc' }),
  alg('1.2.840.113549.3.4', 'rc4', { id: 'rc4' }),
  alg('1.2.840.113549.1.9.16.3.18', 'id-alg-AEADChaCha20Poly1305', { id: 'chacha20-poly1305' }, [SRC.rfc8103]),
  // Password-based encryption: PKCS #5 (RFC 8018 Appendix A.3/C) and PKCS #12 (RFC 7292 Appendix C)
  ...(
    [
      [1, 'pbeWithMD2AndDES-CBC'],
      [3, 'pbeWithMD5AndDES-CBC'],
      [4, 'pbeWithMD2AndRC2-CBC'],
      [6, 'pbeWithMD5AndRC2-CBC'],
      [10, 'pbeWithSHA1AndDES-CBC'],
      [11, 'pbeWithSHA1AndRC2-CBC'],
    ] as const
  ).map(([n, name]) => alg(`1.2.840.113549.1.5.${n}`, name, { id: 'pbes1', parameterSet: name }, [SRC.rfc8018, ...O])),
  alg('1.2.840.113549.1.5.12', 'PBKDF2', { id: 'pbkdf2' }, [SRC.rfc8018, ...O]),
  alg('1.2.840.113549.1.5.13', 'PBES2', { id: 'pbes2' }, [SRC.rfc8018, ...O]),
  { oid: '1.2.840.113549.1.5.14', name: 'PBMAC1', kind: 'parameter', sources: [SRC.rfc8018, ...O] },
  ...(
    [
      [1, 'pbeWithSHAAnd128BitRC4'],
      [2, 'pbeWithSHAAnd40BitRC4'],
      [3, 'pbeWithSHAAnd3-KeyTripleDES-CBC'],
      [4, 'pbeWithSHAAnd2-KeyTripleDES-CBC'],
      [5, 'pbeWithSHAAnd128BitRC2-CBC'],
      [6, 'pbewithSHAAnd40BitRC2-CBC'],
    ] as const
  ).map(([n, name]) =>
    alg(`1.2.840.113549.1.12.1.${n}`, name, { id: 'pkcs12-pbe', parameterSet: name }, [SRC.rfc7292, ...O]),
  ),
]);
