/**
 * Private key PEM labels (RFC 7468 §10–11 for PKCS#8; OpenSSL's traditional labels for PKCS#1,
 * SEC 1 and DSA keys) and the ciphers of legacy RFC 1421 `DEK-Info` encryption.
 */
import type { AlgorithmRef } from '@pqready/core';
import type { DerKind } from '../../pki/der-kind.js';

export type PrivateKind = Extract<DerKind, 'pkcs8' | 'encrypted-pkcs8' | 'rsa-private' | 'sec1' | 'dsa-private'>;

interface PrivateLabel {
  readonly label: string;
  readonly kind: PrivateKind;
  /** Key algorithm OID implied by a traditional label (what legacy-encrypted keys report). */
  readonly impliedOid?: string;
  readonly format: string;
}

export const PRIVATE_PEM_LABELS = Object.freeze([
  { label: 'PRIVATE KEY', kind: 'pkcs8', format: 'PKCS#8' },
  { label: 'ENCRYPTED PRIVATE KEY', kind: 'encrypted-pkcs8', format: 'EncryptedPKCS#8' },
  { label: 'RSA PRIVATE KEY', kind: 'rsa-private', impliedOid: '1.2.840.113549.1.1.1', format: 'PKCS#1' },
  { label: 'EC PRIVATE KEY', kind: 'sec1', impliedOid: '1.2.840.10045.2.1', format: 'SEC1' },
  {
    label: 'DSA PRIVATE KEY',
    kind: 'dsa-private',
    impliedOid: '1.2.840.10040.4.1',
    format: 'DSA (OpenSSL traditional)',
  },
] as const satisfies readonly PrivateLabel[]);

/**
 * DEK-Info cipher names (OpenSSL EVP names, as `PEM_write_bio_PrivateKey` writes them).
 * Block ciphers named `<CIPHER>-<bits>-<MODE>` are parsed by rule; the rest are listed.
 */
const LEGACY_PEM_CIPHERS: Readonly<Record<string, AlgorithmRef>> = Object.freeze({
  'DES-CBC': { id: 'des', keyBits: 56, mode: 'cbc' },
  'DES-EDE-CBC': { id: '3des', keyBits: 112, mode: 'cbc' },
  'DES-EDE3-CBC': { id: '3des', keyBits: 168, mode: 'cbc' },
  'BF-CBC': { id: 'blowfish', mode: 'cbc' },
  'CAST5-CBC': { id: 'cast5', mode: 'cbc' },
  'IDEA-CBC': { id: 'idea', mode: 'cbc' },
  'SEED-CBC': { id: 'seed', keyBits: 128, mode: 'cbc' },
  'RC2-CBC': { id: 'rc2', mode: 'cbc' },
  'RC2-40-CBC': { id: 'rc2', keyBits: 40, mode: 'cbc' },
  'RC2-64-CBC': { id: 'rc2', keyBits: 64, mode: 'cbc' },
  'SM4-CBC': { id: 'sm4', keyBits: 128, mode: 'cbc' },
});

const SIZED_CIPHER = /^(AES|CAMELLIA|ARIA)-(128|192|256)-(CBC|CFB|CFB8|OFB|CTR)$/;

export function legacyCipher(name: string): AlgorithmRef {
  const upper = name.toUpperCase();
  const listed = LEGACY_PEM_CIPHERS[upper];
  if (listed) return listed;
  const m = SIZED_CIPHER.exec(upper);
  if (m) return { id: m[1]!.toLowerCase(), keyBits: Number(m[2]), mode: m[3]!.toLowerCase().replace(/\d+$/, '') };
  return { id: 'unknown', parameterSet: name };
}
