/**
 * TLS supported groups (named groups): IANA code points, OpenSSL names and aliases, and what each group
 * is in catalog ids. Hybrid and pure ML-KEM groups per draft-ietf-tls-ecdhe-mlkem / draft-ietf-tls-mlkem;
 * obsolete Kyber drafts and oqs-provider names are kept so old PQ experiments are recognised, not dropped.
 */
import type { AlgorithmRef } from '../model/finding.js';
import type { Source } from '../model/source.js';
import { PROTOCOL_SOURCES as S } from './tls-sources.js';

type TlsGroupKind = 'classical' | 'hybrid' | 'pq' | 'obsolete-pq-draft';

export interface TlsGroupRow {
  /** Canonical name (IANA description, or the provider's name when IANA has none). */
  readonly name: string;
  /** Other spellings accepted by OpenSSL / nginx / oqs-provider. */
  readonly aliases: readonly string[];
  readonly codePoint?: string;
  readonly kind: TlsGroupKind;
  readonly algorithm: AlgorithmRef;
  /** OpenSSL's security bits for the group (capabilities.c). */
  readonly secBits?: number;
  readonly source: Source;
}

const ecdh = (curve: string): AlgorithmRef => ({ id: 'ecdh', curve });
const ffdhe = (bits: number): AlgorithmRef => ({ id: 'dh', keyBits: bits, parameterSet: `ffdhe${bits}` });
const kem = (n: 512 | 768 | 1024): AlgorithmRef => ({ id: `ml-kem-${n}` });
const kyber = (n: 512 | 768 | 1024): AlgorithmRef => ({ id: `kyber-${n}` });
const oqs = (name: string, parts: AlgorithmRef[]): TlsGroupRow => ({
  name,
  aliases: [],
  kind: 'obsolete-pq-draft',
  algorithm: parts.length === 1 ? parts[0]! : { id: 'unknown', parameterSet: name, components: parts },
  source: S.oqsProvider,
});

export const TLS_GROUPS: readonly TlsGroupRow[] = Object.freeze([
  {
    name: 'secp192r1',
    aliases: ['prime192v1', 'P-192'],
    codePoint: '0x0013',
    kind: 'classical',
    algorithm: ecdh('p-192'),
    secBits: 80,
    source: S.rfc8422,
  },
  {
    name: 'secp224r1',
    aliases: ['P-224'],
    codePoint: '0x0015',
    kind: 'classical',
    algorithm: ecdh('p-224'),
    secBits: 112,
    source: S.rfc8422,
  },
  {
    name: 'secp256k1',
    aliases: [],
    codePoint: '0x0016',
    kind: 'classical',
    algorithm: ecdh('secp256k1'),
    secBits: 128,
    source: S.rfc8422,
  },
  {
    name: 'secp256r1',
    aliases: ['prime256v1', 'P-256'],
    codePoint: '0x0017',
    kind: 'classical',
    algorithm: ecdh('p-256'),
    secBits: 128,
    source: S.rfc8446,
  },
  {
    name: 'secp384r1',
    aliases: ['P-384'],
    codePoint: '0x0018',
    kind: 'classical',
    algorithm: ecdh('p-384'),
    secBits: 192,
    source: S.rfc8446,
  },
  {
    name: 'secp521r1',
    aliases: ['P-521'],
    codePoint: '0x0019',
    kind: 'classical',
    algorithm: ecdh('p-521'),
    secBits: 256,
    source: S.rfc8446,
  },
  {
    name: 'brainpoolP256r1',
    aliases: [],
    codePoint: '0x001A',
    kind: 'classical',
    algorithm: ecdh('brainpoolp256r1'),
    secBits: 128,
    source: S.rfc8422,
  },
  {
    name: 'brainpoolP384r1',
    aliases: [],
    codePoint: '0x001B',
    kind: 'classical',
    algorithm: ecdh('brainpoolp384r1'),
    secBits: 192,
    source: S.rfc8422,
  },
  {
    name: 'brainpoolP512r1',
    aliases: [],
    codePoint: '0x001C',
    kind: 'classical',
    algorithm: ecdh('brainpoolp512r1'),
    secBits: 256,
    source: S.rfc8422,
  },
  {
    name: 'x25519',
    aliases: ['X25519'],
    codePoint: '0x001D',
    kind: 'classical',
    algorithm: { id: 'x25519' },
    secBits: 128,
    source: S.rfc8446,
  },
  {
    name: 'x448',
    aliases: ['X448'],
    codePoint: '0x001E',
    kind: 'classical',
    algorithm: { id: 'x448' },
    secBits: 224,
    source: S.rfc8446,
  },
  {
    name: 'brainpoolP256r1tls13',
    aliases: [],
    codePoint: '0x001F',
    kind: 'classical',
    algorithm: ecdh('brainpoolp256r1'),
    secBits: 128,
    source: S.rfc8734,
  },
  {
    name: 'brainpoolP384r1tls13',
    aliases: [],
    codePoint: '0x0020',
    kind: 'classical',
    algorithm: ecdh('brainpoolp384r1'),
    secBits: 192,
    source: S.rfc8734,
  },
  {
    name: 'brainpoolP512r1tls13',
    aliases: [],
    codePoint: '0x0021',
    kind: 'classical',
    algorithm: ecdh('brainpoolp512r1'),
    secBits: 256,
    source: S.rfc8734,
  },
  {
    name: 'ffdhe2048',
    aliases: [],
    codePoint: '0x0100',
    kind: 'classical',
    algorithm: ffdhe(2048),
    secBits: 112,
    source: S.rfc7919,
  },
  {
    name: 'ffdhe3072',
    aliases: [],
    codePoint: '0x0101',
    kind: 'classical',
    algorithm: ffdhe(3072),
    secBits: 128,
    source: S.rfc7919,
  },
  {
    name: 'ffdhe4096',
    aliases: [],
    codePoint: '0x0102',
    kind: 'classical',
    algorithm: ffdhe(4096),
    secBits: 128,
    source: S.rfc7919,
  },
  {
    name: 'ffdhe6144',
    aliases: [],
    codePoint: '0x0103',
    kind: 'classical',
    algorithm: ffdhe(6144),
    secBits: 128,
    source: S.rfc7919,
  },
  {
    name: 'ffdhe8192',
    aliases: [],
    codePoint: '0x0104',
    kind: 'classical',
    algorithm: ffdhe(8192),
    secBits: 192,
    source: S.rfc7919,
  },
  {
    name: 'MLKEM512',
    aliases: ['ML-KEM-512'],
    codePoint: '0x0200',
    kind: 'pq',
    algorithm: kem(512),
    secBits: 128,
    source: S.pureMlkem,
  },
  {
    name: 'MLKEM768',
    aliases: ['ML-KEM-768'],
    codePoint: '0x0201',
    kind: 'pq',
    algorithm: kem(768),
    secBits: 192,
    source: S.pureMlkem,
  },
  {
    name: 'MLKEM1024',
    aliases: ['ML-KEM-1024'],
    codePoint: '0x0202',
    kind: 'pq',
    algorithm: kem(1024),
    secBits: 256,
    source: S.pureMlkem,
  },
  {
    name: 'SecP256r1MLKEM768',
    aliases: ['p256_mlkem768'],
    codePoint: '0x11EB',
    kind: 'hybrid',
    algorithm: { id: 'secp256r1mlkem768', components: [ecdh('p-256'), kem(768)] },
    secBits: 192,
    source: S.ecdheMlkem,
  },
  {
    name: 'X25519MLKEM768',
    aliases: ['x25519_mlkem768'],
    codePoint: '0x11EC',
    kind: 'hybrid',
    algorithm: { id: 'x25519mlkem768', components: [kem(768), { id: 'x25519' }] },
    secBits: 192,
    source: S.ecdheMlkem,
  },
  {
    name: 'SecP384r1MLKEM1024',
    aliases: ['p384_mlkem1024'],
    codePoint: '0x11ED',
    kind: 'hybrid',
    algorithm: { id: 'secp384r1mlkem1024', components: [ecdh('p-384'), kem(1024)] },
    secBits: 256,
    source: S.ecdheMlkem,
  },
  {
    name: 'X25519Kyber768Draft00',
    aliases: ['x25519_kyber768'],
    codePoint: '0x6399',
    kind: 'obsolete-pq-draft',
    algorithm: { id: 'x25519kyber768draft00', components: [{ id: 'x25519' }, kyber(768)] },
    source: S.kyberDraft,
  },
  {
    name: 'SecP256r1Kyber768Draft00',
    aliases: ['p256_kyber768'],
    codePoint: '0x639A',
    kind: 'obsolete-pq-draft',
    algorithm: { id: 'secp256r1kyber768draft00', components: [ecdh('p-256'), kyber(768)] },
    source: S.kyberDraft,
  },
  oqs('kyber512', [kyber(512)]),
  oqs('kyber768', [kyber(768)]),
  oqs('kyber1024', [kyber(1024)]),
  oqs('p256_kyber512', [ecdh('p-256'), kyber(512)]),
  oqs('x25519_kyber512', [{ id: 'x25519' }, kyber(512)]),
  oqs('p384_kyber768', [ecdh('p-384'), kyber(768)]),
  oqs('x448_kyber768', [{ id: 'x448' }, kyber(768)]),
  oqs('p521_kyber1024', [ecdh('p-521'), kyber(1024)]),
  oqs('p256_mlkem512', [ecdh('p-256'), kem(512)]),
  oqs('x25519_mlkem512', [{ id: 'x25519' }, kem(512)]),
  oqs('p384_mlkem768', [ecdh('p-384'), kem(768)]),
  oqs('x448_mlkem768', [{ id: 'x448' }, kem(768)]),
  oqs('p521_mlkem1024', [ecdh('p-521'), kem(1024)]),
] satisfies readonly TlsGroupRow[]);

const index = new Map<string, TlsGroupRow>();
for (const row of TLS_GROUPS) {
  for (const n of [row.name, ...row.aliases]) if (!index.has(n.toLowerCase())) index.set(n.toLowerCase(), row);
}

/** Group by name or alias; OpenSSL matches group names case-insensitively. */
export function findTlsGroup(name: string): TlsGroupRow | undefined {
  return index.get(name.toLowerCase());
}

/** True when the group carries a post-quantum component (hybrid, pure ML-KEM or an obsolete Kyber draft). */
export function isPqGroup(row: TlsGroupRow): boolean {
  return row.kind !== 'classical';
}

/**
 * Default TLS group lists per OpenSSL version: 3.0–3.4 `x25519:secp256r1:x448:secp521r1:secp384r1:ffdhe2048…`
 * (ssl/t1_lib.c supported_groups_default), 3.5 per its CHANGES.md.
 */
export const OPENSSL_DEFAULT_GROUPS: Readonly<
  Record<string, { readonly groups: readonly string[]; readonly source: Source }>
> = Object.freeze({
  '3.0': {
    groups: [
      'x25519',
      'secp256r1',
      'x448',
      'secp521r1',
      'secp384r1',
      'ffdhe2048',
      'ffdhe3072',
      'ffdhe4096',
      'ffdhe6144',
      'ffdhe8192',
    ],
    source: {
      title: 'OpenSSL 3.0 ssl/t1_lib.c supported_groups_default',
      url: 'openssl/openssl@openssl-3.0:ssl/t1_lib.c',
      confidence: 'secondary',
    },
  },
  '3.5': {
    groups: ['X25519MLKEM768', 'x25519', 'secp256r1', 'x448', 'secp384r1', 'secp521r1', 'ffdhe2048', 'ffdhe3072'],
    source: S.openssl35Changes,
  },
});
