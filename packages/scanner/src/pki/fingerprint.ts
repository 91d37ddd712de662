/**
 * SHA-256 fingerprints of public objects (DER certificates, SubjectPublicKeyInfo, SSH wire blobs).
 * Only ever applied to public data: a private key's fingerprint is that of its public part.
 */
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** OpenSSH's display form (`SHA256:` + unpadded base64), as `ssh-keygen -l` prints it. */
export function sshSha256(bytes: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(bytes).digest('base64').replace(/=+$/, '')}`;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
