/**
 * Structural parameters of the hash-based signatures, used to count hash calls: FIPS 205 §11 Table 2 (SLH-DSA),
 * RFC 8554 §4.1 Table 1 (LM-OTS), RFC 8391 §5.2 (WOTS+ in XMSS). The counts themselves are in estimate/hash-count.ts.
 */
import type { Source } from '@pqready/core';

export interface SlhParams {
  /** Security parameter in bytes. */
  readonly n: number;
  /** Hypertree layers and the height of each XMSS tree. */
  readonly d: number;
  readonly hPrime: number;
  /** FORS trees and their height. */
  readonly k: number;
  readonly a: number;
}

/** FIPS 205 §11 Table 2 (lg_w = 4 for every set). */
export const SLH_PARAMS: Readonly<Record<'128s' | '128f' | '192s' | '192f' | '256s' | '256f', SlhParams>> =
  Object.freeze({
    '128s': { n: 16, d: 7, hPrime: 9, k: 14, a: 12 },
    '128f': { n: 16, d: 22, hPrime: 3, k: 33, a: 6 },
    '192s': { n: 24, d: 7, hPrime: 9, k: 17, a: 14 },
    '192f': { n: 24, d: 22, hPrime: 3, k: 33, a: 8 },
    '256s': { n: 32, d: 8, hPrime: 8, k: 22, a: 14 },
    '256f': { n: 32, d: 17, hPrime: 4, k: 35, a: 9 },
  });

export const SLH_PARAMS_SOURCE: Source = {
  title: 'FIPS 205 §11 Table 2 (SLH-DSA parameter sets); hash calls per §6–§8, SHA2 instantiation §11.2, SHAKE §11.1',
  url: 'https://doi.org/10.6028/NIST.FIPS.205',
  confidence: 'primary',
};

/**
 * Winternitz chains: `len1` message digits of `bits` bits, `len2` checksum digits, and the left shift applied to
 * the checksum before it is split (RFC 8554 §4.4 `ls`; FIPS 205 Algorithm 7 and RFC 8391 §3.1.5 shift by 4).
 */
export interface WinternitzParams {
  readonly bits: number;
  readonly len1: number;
  readonly len2: number;
  readonly shift: number;
}

/** RFC 8554 §4.1 Table 1 (n = 32): LMOTS_SHA256_N32_W1/2/4/8 → p = len1 + len2 and ls. */
export const LMOTS_PARAMS: Readonly<Record<1 | 2 | 4 | 8, WinternitzParams>> = Object.freeze({
  1: { bits: 1, len1: 256, len2: 9, shift: 7 },
  2: { bits: 2, len1: 128, len2: 5, shift: 6 },
  4: { bits: 4, len1: 64, len2: 3, shift: 4 },
  8: { bits: 8, len1: 32, len2: 2, shift: 0 },
});

/** WOTS+ with w = 16: FIPS 205 (len1 = 2n) and RFC 8391 §5.2 (n = 32 → len = 67). */
export const wotsParams = (n: number): WinternitzParams => ({ bits: 4, len1: 2 * n, len2: 3, shift: 4 });

export const STATEFUL_SOURCES: readonly Source[] = [
  {
    title: 'RFC 8554 §4.4–§4.6, §5.4.2 (LM-OTS and LMS signature verification)',
    url: 'https://www.rfc-editor.org/rfc/rfc8554',
    confidence: 'primary',
  },
  {
    title: 'RFC 8391 §3.1.2, §4.1.9–§4.1.10 (WOTS+ chains, RAND_HASH, L-tree, XMSS verification)',
    url: 'https://www.rfc-editor.org/rfc/rfc8391',
    confidence: 'primary',
  },
];
