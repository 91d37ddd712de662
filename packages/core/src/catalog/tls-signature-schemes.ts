/**
 * TLS signature schemes (RFC 8446 §4.2.3 registry values) with their catalog algorithms, including the
 * ML-DSA code points OpenSSL 3.5 registers (capabilities.c), plus OpenSSL's `ALG+HASH` sigalg spellings.
 */
import type { AlgorithmRef } from '../model/finding.js';
import type { Source } from '../model/source.js';
import { PROTOCOL_SOURCES as S } from './tls-sources.js';

export interface TlsSignatureSchemeRow {
  readonly name: string;
  /** OpenSSL `SignatureAlgorithms` spellings besides the IANA name (e.g. `RSA+SHA256`). */
  readonly aliases: readonly string[];
  readonly codePoint: string;
  readonly algorithm: AlgorithmRef;
  readonly source: Source;
}

const row = (name: string, codePoint: string, algorithm: AlgorithmRef, aliases: string[] = [], source = S.rfc8446) =>
  ({ name, codePoint, algorithm, aliases, source }) satisfies TlsSignatureSchemeRow;

export const TLS_SIGNATURE_SCHEMES: readonly TlsSignatureSchemeRow[] = Object.freeze([
  row('rsa_pkcs1_sha1', '0x0201', { id: 'rsa-pkcs1v15', hash: 'sha-1' }, ['RSA+SHA1']),
  row('ecdsa_sha1', '0x0203', { id: 'ecdsa', hash: 'sha-1' }, ['ECDSA+SHA1']),
  row('rsa_pkcs1_sha256', '0x0401', { id: 'rsa-pkcs1v15', hash: 'sha-256' }, ['RSA+SHA256']),
  row('rsa_pkcs1_sha384', '0x0501', { id: 'rsa-pkcs1v15', hash: 'sha-384' }, ['RSA+SHA384']),
  row('rsa_pkcs1_sha512', '0x0601', { id: 'rsa-pkcs1v15', hash: 'sha-512' }, ['RSA+SHA512']),
  row('ecdsa_secp256r1_sha256', '0x0403', { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }, ['ECDSA+SHA256']),
  row('ecdsa_secp384r1_sha384', '0x0503', { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' }, ['ECDSA+SHA384']),
  row('ecdsa_secp521r1_sha512', '0x0603', { id: 'ecdsa', curve: 'p-521', hash: 'sha-512' }, ['ECDSA+SHA512']),
  row('rsa_pss_rsae_sha256', '0x0804', { id: 'rsa-pss', hash: 'sha-256' }, ['RSA-PSS+SHA256', 'PSS+SHA256']),
  row('rsa_pss_rsae_sha384', '0x0805', { id: 'rsa-pss', hash: 'sha-384' }, ['RSA-PSS+SHA384', 'PSS+SHA384']),
  row('rsa_pss_rsae_sha512', '0x0806', { id: 'rsa-pss', hash: 'sha-512' }, ['RSA-PSS+SHA512', 'PSS+SHA512']),
  row('ed25519', '0x0807', { id: 'ed25519' }),
  row('ed448', '0x0808', { id: 'ed448' }),
  row('rsa_pss_pss_sha256', '0x0809', { id: 'rsa-pss', hash: 'sha-256' }),
  row('rsa_pss_pss_sha384', '0x080A', { id: 'rsa-pss', hash: 'sha-384' }),
  row('rsa_pss_pss_sha512', '0x080B', { id: 'rsa-pss', hash: 'sha-512' }),
  row('mldsa44', '0x0904', { id: 'ml-dsa-44' }, ['ML-DSA-44'], S.opensslCapabilities),
  row('mldsa65', '0x0905', { id: 'ml-dsa-65' }, ['ML-DSA-65'], S.opensslCapabilities),
  row('mldsa87', '0x0906', { id: 'ml-dsa-87' }, ['ML-DSA-87'], S.opensslCapabilities),
]);

const index = new Map<string, TlsSignatureSchemeRow>();
for (const r of TLS_SIGNATURE_SCHEMES) for (const n of [r.name, ...r.aliases]) index.set(n.toLowerCase(), r);

export function findTlsSignatureScheme(name: string): TlsSignatureSchemeRow | undefined {
  return index.get(name.toLowerCase());
}
