/**
 * Names used by TLS policy documents (Mozilla server-side TLS guidelines) for certificate signature algorithms
 * and certificate key types, mapped to catalog algorithms. Signature names are OpenSSL's long names of the X.509
 * signature OIDs (RFC 4055, RFC 5758, RFC 8410).
 */
import type { AlgorithmRef } from '@pqready/core';

export const CERTIFICATE_SIGNATURES: Readonly<Record<string, AlgorithmRef>> = Object.freeze({
  sha1withrsaencryption: { id: 'rsa-pkcs1v15', hash: 'sha-1' },
  sha256withrsaencryption: { id: 'rsa-pkcs1v15', hash: 'sha-256' },
  sha384withrsaencryption: { id: 'rsa-pkcs1v15', hash: 'sha-384' },
  sha512withrsaencryption: { id: 'rsa-pkcs1v15', hash: 'sha-512' },
  'rsassa-pss': { id: 'rsa-pss' },
  'ecdsa-with-sha1': { id: 'ecdsa', hash: 'sha-1' },
  'ecdsa-with-sha256': { id: 'ecdsa', hash: 'sha-256' },
  'ecdsa-with-sha384': { id: 'ecdsa', hash: 'sha-384' },
  'ecdsa-with-sha512': { id: 'ecdsa', hash: 'sha-512' },
  ed25519: { id: 'ed25519' },
  ed448: { id: 'ed448' },
  'ml-dsa-44': { id: 'ml-dsa-44' },
  'ml-dsa-65': { id: 'ml-dsa-65' },
  'ml-dsa-87': { id: 'ml-dsa-87' },
});

/** `certificate_types` → the key algorithm id (curves and sizes come from the other fields). */
export const CERTIFICATE_TYPES: Readonly<Record<string, string>> = Object.freeze({
  rsa: 'rsa',
  ecdsa: 'ec',
  ed25519: 'ed25519',
  ed448: 'ed448',
  'ml-dsa': 'ml-dsa-65',
});

/** Below these sizes a policy level gets a flag (NIST SP 800-57 Part 1 Rev. 5, 112-bit security). */
export const MIN_RSA_BITS = 2048;
export const MIN_DH_BITS = 2048;
