/**
 * Public key PEM labels: RFC 7468 §13 `PUBLIC KEY` (SubjectPublicKeyInfo) and OpenSSL's
 * `RSA PUBLIC KEY` (PKCS#1 RSAPublicKey, RFC 8017 A.1.1).
 */
import type { DerKind } from '../../pki/der-kind.js';

export type PublicKind = Extract<DerKind, 'spki' | 'rsa-public'>;

export const PUBLIC_PEM_LABELS = Object.freeze([
  { label: 'PUBLIC KEY', kind: 'spki', format: 'SPKI' },
  { label: 'RSA PUBLIC KEY', kind: 'rsa-public', format: 'PKCS#1' },
] as const satisfies readonly { label: string; kind: PublicKind; format: string }[]);
