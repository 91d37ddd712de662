/**
 * openssl.cnf knowledge: digest names of `default_md`, providers whose activation matters for migration
 * (oqs-provider adds PQ algorithms, the legacy provider re-enables broken ones), the legacy provider's algorithm
 * list, and the OpenSSL 3.0 fallbacks. Sources: OpenSSL config(5), OSSL_PROVIDER-legacy(7), openssl-req(1),
 * open-quantum-safe/oqs-provider README.
 */
import type { AlgorithmRef } from '@pqready/core';

// Reference: OpenSSL config(5), openssl-req(1), openssl-ca(1) (3.0) (https://docs.openssl.org/3.0/man5/config/).

/** `default_md` names (case-insensitive) → catalog hash ids; `default` = the key type's default, SHA-256 in 3.0. */
export const DIGEST_NAMES: Readonly<Record<string, string>> = Object.freeze({
  md2: 'md2',
  md4: 'md4',
  md5: 'md5',
  sha1: 'sha-1',
  'sha-1': 'sha-1',
  sha224: 'sha-224',
  sha256: 'sha-256',
  sha384: 'sha-384',
  sha512: 'sha-512',
  'sha512-224': 'sha-512-224',
  'sha512-256': 'sha-512-256',
  'sha3-224': 'sha3-224',
  'sha3-256': 'sha3-256',
  'sha3-384': 'sha3-384',
  'sha3-512': 'sha3-512',
  sm3: 'sm3',
  ripemd160: 'ripemd-160',
  rmd160: 'ripemd-160',
  default: 'sha-256',
});

/** Hashes too weak for certificate or request signatures (collisions found or feasible). */
export const WEAK_DIGESTS: readonly string[] = Object.freeze(['md2', 'md4', 'md5', 'sha-1']);

/** `openssl req` generates RSA keys when no key type is given; `default_bits` sizes them (3.0 default 2048). */
export const REQ_DEFAULT_BITS = 2048;

export type ProviderKind = 'pq' | 'legacy' | 'fips' | 'default' | 'base' | 'other';

/** Provider names (or module file stems) → kind. */
export const PROVIDER_KINDS: Readonly<Record<string, ProviderKind>> = Object.freeze({
  oqsprovider: 'pq',
  liboqsprovider: 'pq',
  legacy: 'legacy',
  fips: 'fips',
  default: 'default',
  base: 'base',
});

/** What the legacy provider makes available again (OSSL_PROVIDER-legacy(7), 3.0). */
export const LEGACY_PROVIDER_ALGORITHMS: readonly AlgorithmRef[] = Object.freeze([
  { id: 'md4' },
  { id: 'unknown', parameterSet: 'MDC2' },
  { id: 'unknown', parameterSet: 'WHIRLPOOL' },
  { id: 'ripemd-160' },
  { id: 'blowfish' },
  { id: 'cast5' },
  { id: 'des' },
  { id: 'idea' },
  { id: 'rc2' },
  { id: 'rc4' },
  { id: 'unknown', parameterSet: 'RC5' },
  { id: 'seed' },
  { id: 'pbkdf1' },
]);

/** OpenSSL 3.2 started reading `activate` as a boolean; 3.0/3.1 activate on the key's mere presence. */
export const ACTIVATE_IS_BOOLEAN_SINCE = '3.2';

/** Keys that mark a file as an OpenSSL configuration (lower-case). */
export const OPENSSL_CNF_KEYS: readonly string[] = Object.freeze([
  'openssl_conf',
  'ssl_conf',
  'system_default',
  'minprotocol',
  'cipherstring',
  'ciphersuites',
  'default_md',
  'default_bits',
  'distinguished_name',
  'providers',
  'activate',
  'default_ca',
  'x509_extensions',
]);

/** SSL_CONF_cmd(3) command names that choose versions and algorithms (lower-case, as NCONF keys are compared). */
export const SSL_CONF_COMMANDS: readonly string[] = Object.freeze([
  'cipherstring',
  'ciphersuites',
  'minprotocol',
  'maxprotocol',
  'groups',
  'curves',
  'signaturealgorithms',
  'clientsignaturealgorithms',
  'ecdhparameters',
]);
