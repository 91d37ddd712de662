/**
 * IKEv2 / ESP proposal keywords as strongSwan writes them (`aes256gcm16-prf-sha384-ecp384`,
 * `ke1_mlkem768`), mapped to catalog algorithms by transform type (IANA IKEv2 Transform Types 1–4,
 * RFC 9370 additional key exchanges).
 */
import type { AlgorithmRef } from '../model/finding.js';
import type { Source } from '../model/source.js';
import { PROTOCOL_SOURCES as S } from './tls-sources.js';

export type IkeTransform = 'encr' | 'integ' | 'prf' | 'ke' | 'esn';

export interface IkeTokenRow {
  readonly token: string;
  readonly transform: IkeTransform;
  readonly algorithm?: AlgorithmRef;
  readonly pq?: 'pq' | 'hybrid';
  readonly source: Source;
}

const t = (
  token: string,
  transform: IkeTransform,
  algorithm?: AlgorithmRef,
  pq?: IkeTokenRow['pq'],
  source: Source = S.strongswanProposals,
): IkeTokenRow => ({
  token,
  transform,
  ...(algorithm ? { algorithm } : {}),
  ...(pq ? { pq } : {}),
  source,
});
/** FrodoKEM's lattice dimension n by NIST security level (FrodoKEM specification, Table 1: 640, 976, 1344). */
const FRODO_N = Object.freeze({ 1: 640, 3: 976, 5: 1344 } as const);
/** HQC parameter sets by NIST security level (HQC specification: HQC-128, HQC-192, HQC-256). */
const HQC_BITS = Object.freeze({ 1: 128, 3: 192, 5: 256 } as const);
const aes = (bits: number, mode: string): AlgorithmRef => ({ id: 'aes', keyBits: bits, mode });
const modp = (bits: number): AlgorithmRef => ({ id: 'dh', keyBits: bits, parameterSet: `modp${bits}` });

export const IKE_TOKENS: readonly IkeTokenRow[] = Object.freeze([
  ...[128, 192, 256].flatMap((b) => [
    t(`aes${b}`, 'encr', aes(b, 'cbc')),
    t(`aes${b}ctr`, 'encr', aes(b, 'ctr')),
    t(`aes${b}gcm8`, 'encr', aes(b, 'gcm')),
    t(`aes${b}gcm12`, 'encr', aes(b, 'gcm')),
    t(`aes${b}gcm16`, 'encr', aes(b, 'gcm')),
    t(`aes${b}gcm64`, 'encr', aes(b, 'gcm')),
    t(`aes${b}gcm96`, 'encr', aes(b, 'gcm')),
    t(`aes${b}gcm128`, 'encr', aes(b, 'gcm')),
    t(`aes${b}ccm8`, 'encr', aes(b, 'ccm')),
    t(`aes${b}ccm12`, 'encr', aes(b, 'ccm')),
    t(`aes${b}ccm16`, 'encr', aes(b, 'ccm')),
    t(`camellia${b}`, 'encr', { id: 'camellia', keyBits: b, mode: 'cbc' }),
  ]),
  t('aes', 'encr', aes(128, 'cbc')),
  t('3des', 'encr', { id: '3des', keyBits: 168, mode: 'cbc' }),
  t('des', 'encr', { id: 'des', keyBits: 56, mode: 'cbc' }),
  t('blowfish', 'encr', { id: 'blowfish', mode: 'cbc' }),
  t('cast128', 'encr', { id: 'cast5', keyBits: 128, mode: 'cbc' }),
  t('chacha20poly1305', 'encr', { id: 'chacha20-poly1305', keyBits: 256 }),
  t('null', 'encr'),
  t('md5', 'integ', { id: 'hmac', hash: 'md5' }),
  t('sha1', 'integ', { id: 'hmac', hash: 'sha-1' }),
  t('sha', 'integ', { id: 'hmac', hash: 'sha-1' }),
  t('sha256', 'integ', { id: 'hmac', hash: 'sha-256' }),
  t('sha2_256', 'integ', { id: 'hmac', hash: 'sha-256' }),
  t('sha384', 'integ', { id: 'hmac', hash: 'sha-384' }),
  t('sha2_384', 'integ', { id: 'hmac', hash: 'sha-384' }),
  t('sha512', 'integ', { id: 'hmac', hash: 'sha-512' }),
  t('sha2_512', 'integ', { id: 'hmac', hash: 'sha-512' }),
  t('aesxcbc', 'integ', { id: 'cmac', keyBits: 128, parameterSet: 'aes-xcbc' }),
  t('aescmac', 'integ', { id: 'cmac', keyBits: 128 }),
  t('prfmd5', 'prf', { id: 'hmac', hash: 'md5' }),
  t('prfsha1', 'prf', { id: 'hmac', hash: 'sha-1' }),
  t('prfsha256', 'prf', { id: 'hmac', hash: 'sha-256' }),
  t('prfsha384', 'prf', { id: 'hmac', hash: 'sha-384' }),
  t('prfsha512', 'prf', { id: 'hmac', hash: 'sha-512' }),
  t('prfaesxcbc', 'prf', { id: 'cmac', keyBits: 128, parameterSet: 'aes-xcbc' }),
  t('prfaescmac', 'prf', { id: 'cmac', keyBits: 128 }),
  t('modp768', 'ke', modp(768)),
  t('modp1024', 'ke', modp(1024)),
  t('modp1536', 'ke', modp(1536)),
  t('modp2048', 'ke', modp(2048)),
  t('modp3072', 'ke', modp(3072)),
  t('modp4096', 'ke', modp(4096)),
  t('modp6144', 'ke', modp(6144)),
  t('modp8192', 'ke', modp(8192)),
  t('modp1024s160', 'ke', modp(1024)),
  t('modp2048s224', 'ke', modp(2048)),
  t('modp2048s256', 'ke', modp(2048)),
  t('ecp192', 'ke', { id: 'ecdh', curve: 'p-192' }),
  t('ecp224', 'ke', { id: 'ecdh', curve: 'p-224' }),
  t('ecp256', 'ke', { id: 'ecdh', curve: 'p-256' }),
  t('ecp384', 'ke', { id: 'ecdh', curve: 'p-384' }),
  t('ecp521', 'ke', { id: 'ecdh', curve: 'p-521' }),
  t('ecp224bp', 'ke', { id: 'ecdh', curve: 'brainpoolp224r1' }),
  t('ecp256bp', 'ke', { id: 'ecdh', curve: 'brainpoolp256r1' }),
  t('ecp384bp', 'ke', { id: 'ecdh', curve: 'brainpoolp384r1' }),
  t('ecp512bp', 'ke', { id: 'ecdh', curve: 'brainpoolp512r1' }),
  t('curve25519', 'ke', { id: 'x25519' }),
  t('x25519', 'ke', { id: 'x25519' }),
  t('curve448', 'ke', { id: 'x448' }),
  t('x448', 'ke', { id: 'x448' }),
  t('mlkem512', 'ke', { id: 'ml-kem-512' }, 'pq'),
  t('mlkem768', 'ke', { id: 'ml-kem-768' }, 'pq'),
  t('mlkem1024', 'ke', { id: 'ml-kem-1024' }, 'pq'),
  t('kyber1', 'ke', { id: 'kyber-512' }, 'pq'),
  t('kyber3', 'ke', { id: 'kyber-768' }, 'pq'),
  t('kyber5', 'ke', { id: 'kyber-1024' }, 'pq'),
  // RFC 9370 §2.2: transform ID 0 (NONE) in an additional key exchange makes that exchange optional.
  t('none', 'ke', undefined, undefined, S.strongswanKeywords),
  t('modpnone', 'ke', undefined, undefined, S.strongswanKeywords),
  // NIST round 3/4 KEM candidates of strongSwan's oqs plugin (PQ strongSwan builds, e.g. strongX509/docker).
  ...([1, 3, 5] as const).flatMap((l) => [
    t(`bike${l}`, 'ke', { id: 'bike', parameterSet: `bikel${l}` }, 'pq', S.strongswanKeywords),
    t(`hqc${l}`, 'ke', { id: 'hqc', parameterSet: `hqc-${HQC_BITS[l]}` }, 'pq', S.strongswanKeywords),
    t(`frodoa${l}`, 'ke', { id: 'frodokem', parameterSet: `frodokem${FRODO_N[l]}aes` }, 'pq', S.strongswanKeywords),
    t(`frodos${l}`, 'ke', { id: 'frodokem', parameterSet: `frodokem${FRODO_N[l]}shake` }, 'pq', S.strongswanKeywords),
  ]),
  t('ntrup1', 'ke', { id: 'ntru', parameterSet: 'ntruhps2048509' }, 'pq', S.strongswanKeywords),
  t('ntrup3', 'ke', { id: 'ntru', parameterSet: 'ntruhps2048677' }, 'pq', S.strongswanKeywords),
  t('ntrup5', 'ke', { id: 'ntru', parameterSet: 'ntruhps4096821' }, 'pq', S.strongswanKeywords),
  t('ntrur3', 'ke', { id: 'ntru', parameterSet: 'ntruhrss701' }, 'pq', S.strongswanKeywords),
  t('esn', 'esn'),
  t('noesn', 'esn'),
] satisfies readonly IkeTokenRow[]);

const index = new Map(IKE_TOKENS.map((r) => [r.token, r]));

/** Looks a token up, accepting RFC 9370 additional-key-exchange prefixes (`ke1_` … `ke7_`). */
export function findIkeToken(token: string): { readonly row: IkeTokenRow; readonly additional: boolean } | undefined {
  const lower = token.toLowerCase();
  const m = /^ke[1-7]_(.+)$/.exec(lower);
  const row = index.get(m ? m[1]! : lower);
  return row ? { row, additional: m !== null } : undefined;
}
