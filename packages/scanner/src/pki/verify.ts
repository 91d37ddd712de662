/**
 * Signature verification through node:crypto (OpenSSL), used to confirm that a certificate
 * whose issuer equals its subject is really self-signed. Returns undefined when this runtime
 * cannot verify the algorithm (PQC, composites): callers then fall back to AKI/SKI matching.
 */
import { constants, createPublicKey, verify } from 'node:crypto';
import type { AlgorithmRef } from '@pqready/core';

/** Catalog hash id → OpenSSL digest name. */
const DIGESTS: Readonly<Record<string, string>> = Object.freeze({
  md5: 'md5',
  'sha-1': 'sha1',
  'sha-224': 'sha224',
  'sha-256': 'sha256',
  'sha-384': 'sha384',
  'sha-512': 'sha512',
  'sha3-224': 'sha3-224',
  'sha3-256': 'sha3-256',
  'sha3-384': 'sha3-384',
  'sha3-512': 'sha3-512',
});

/** Catalog signature ids node:crypto verifies, and whether they take a digest. */
const SCHEMES: Readonly<Record<string, 'digest' | 'pss' | 'pure'>> = Object.freeze({
  'rsa-pkcs1v15': 'digest',
  ecdsa: 'digest',
  dsa: 'digest',
  'rsa-pss': 'pss',
  ed25519: 'pure',
  ed448: 'pure',
});

export function verifySignature(
  spki: Uint8Array,
  algorithm: AlgorithmRef,
  data: Uint8Array,
  signature: Uint8Array,
  pssSaltLength = 20,
): boolean | undefined {
  const scheme = SCHEMES[algorithm.id];
  if (!scheme) return undefined;
  const digest = scheme === 'pure' ? null : DIGESTS[algorithm.hash ?? ''];
  if (digest === undefined) return undefined;
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    const options =
      scheme === 'pss' ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pssSaltLength } : { key };
    return verify(digest, data, options, signature);
  } catch {
    return undefined;
  }
}
