/**
 * Counts the hash-compression calls of hash-based signature verification from the structure of the standards
 * (FIPS 205 §5–§8 and §11, RFC 8554 §4–§6, RFC 8391 §3–§4), so that a per-block hash cost turns into a time.
 * Winternitz chain lengths depend on the signed digest: we compute their exact distribution (digits are uniform)
 * and report the mean and the 0.1 % / 99.9 % quantiles.
 */
import { type SlhParams, type WinternitzParams, wotsParams } from '../catalog/hash-params.js';
import type { HashId, Range } from '../catalog/types.js';
import { plus, scale, ZERO as zero } from '../range.js';

/** Distribution over integers 0..n as an array of probabilities. */
type Dist = number[];

function convolve(a: Dist, b: Dist): Dist {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += ai * b[j]!;
  }
  return out;
}

const cache = new Map<string, Dist>();

/**
 * Chain steps a verifier computes for one one-time signature: Σ (2^bits − 1 − a_i) over the message digits (which
 * equals the checksum) plus the same for the checksum digits, taken from (checksum << shift) as a 16-bit string.
 */
export function verifyStepDistribution(p: WinternitzParams): Dist {
  const key = `${p.bits}|${p.len1}|${p.len2}|${p.shift}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const max = 2 ** p.bits - 1;
  const digit: Dist = new Array<number>(max + 1).fill(1 / (max + 1));
  let csum: Dist = [1];
  for (let i = 0; i < p.len1; i++) csum = convolve(csum, digit);
  const totalBits = Math.max(16, Math.ceil((p.len2 * p.bits) / 8) * 8);
  const steps: Dist = new Array<number>(csum.length + p.len2 * max).fill(0);
  csum.forEach((pr, c) => {
    if (pr === 0) return;
    const v = (c << p.shift) % 2 ** totalBits;
    let extra = 0;
    for (let j = 0; j < p.len2; j++) extra += max - ((v >> (totalBits - p.bits * (j + 1))) & max);
    steps[c + extra]! += pr;
  });
  cache.set(key, steps);
  return steps;
}

const mean = (d: Dist) => d.reduce((s, p, i) => s + p * i, 0);
function quantile(d: Dist, q: number): number {
  let acc = 0;
  for (let i = 0; i < d.length; i++) {
    acc += d[i]!;
    if (acc >= q) return i;
  }
  return d.length - 1;
}

/** Steps over `layers` independent one-time signatures: mean, 0.1 % and 99.9 % quantiles. */
export function chainSteps(p: WinternitzParams, layers: number): Range {
  let d: Dist = [1];
  for (let i = 0; i < layers; i++) d = convolve(d, verifyStepDistribution(p));
  return { point: mean(d), low: quantile(d, 0.001), high: quantile(d, 0.999) };
}

/** Compression-function calls per hash (SHA-256: 64-byte blocks, 9 bytes of padding; SHA-512: 128 and 17). */
const sha256Blocks = (bytes: number) => Math.ceil((bytes + 9) / 64);
const sha512Blocks = (bytes: number) => Math.ceil((bytes + 17) / 128);
/** Keccak-f[1600] permutations to absorb `bytes` into SHAKE256 (rate 136; padding needs at least one byte). */
const shake256Perms = (bytes: number) => Math.floor(bytes / 136) + 1;

type HashCalls = Readonly<Record<HashId, Range>>;

/**
 * SLH-DSA verification (FIPS 205 Algorithm 20): FORS (k leaves F, k·a auth-path H, one T_k) and d hypertree
 * layers (WOTS+ chains F, one T_len, h′ auth-path H). SHA2 sets precompute the PK.seed block (§11.2), so F and H
 * cost one call each; at categories 3/5 H and T use SHA-512. The message hash (H_msg over the message) is not
 * counted here: the caller charges it per byte of the signed image.
 */
export function slhVerifyCalls(set: SlhParams, hash: 'sha2' | 'shake'): HashCalls {
  const { n, d, hPrime, k, a } = set;
  const wots = wotsParams(n);
  const len = wots.len1 + wots.len2;
  const steps = chainSteps(wots, d);
  const fCalls = plus(steps, k);
  const hCalls = k * a + d * hPrime;
  if (hash === 'shake') {
    // F, H: SHAKE256(PK.seed ‖ ADRS(32) ‖ M); T_l over l·n bytes of M.
    const perms = plus(
      scale(fCalls, shake256Perms(2 * n + 32)),
      hCalls * shake256Perms(3 * n + 32) + d * shake256Perms(n + 32 + len * n) + shake256Perms(n + 32 + k * n),
    );
    return { sha256: zero, sha512: zero, shake256: perms };
  }
  // SHA2: F = SHA-256(seed block ‖ ADRSc(22) ‖ M); H and T_l use SHA-256 at n = 16, SHA-512 above.
  const f = scale(fCalls, sha256Blocks(22 + n));
  const wide = n > 16;
  const hT = hCalls * (wide ? sha512Blocks(22 + 2 * n) : sha256Blocks(22 + 2 * n));
  const t =
    d * (wide ? sha512Blocks(22 + len * n) : sha256Blocks(22 + len * n)) +
    (wide ? sha512Blocks(22 + k * n) : sha256Blocks(22 + k * n));
  return wide
    ? { sha256: f, sha512: { point: hT + t, low: hT + t, high: hT + t }, shake256: zero }
    : { sha256: plus(f, hT + t), sha512: zero, shake256: zero };
}

/**
 * LMS/HSS verification (RFC 8554 §5.4.2, §6.3) per level: the LM-OTS chains (one 55-byte hash per step), Kc over
 * 22 + 32p bytes, the leaf (54 bytes) and h path nodes (86 bytes, 2 blocks each). Upper levels also hash the
 * 56-byte child public key as their message; the bottom message is the image, charged per byte by the caller.
 */
export function lmsVerifyBlocks(heights: readonly number[], ots: WinternitzParams): Range {
  const p = ots.len1 + ots.len2;
  const steps = chainSteps(ots, heights.length);
  const fixed = heights.reduce(
    (s, h, i) =>
      s + sha256Blocks(22 + 32 * p) + sha256Blocks(54) + 2 * h + (i < heights.length - 1 ? sha256Blocks(110) : 0),
    0,
  );
  return plus(steps, fixed);
}

/**
 * XMSS / XMSS^MT verification (RFC 8391 §4.1.10, §4.2.5) per layer: WOTS+ chain steps, each two PRF calls and F
 * over 96 bytes (2 blocks each: 6 blocks), the L-tree (len − 1 RAND_HASH, each 3 PRF + H over 128 bytes: 9 blocks)
 * and h/d tree nodes (RAND_HASH). The image is hashed by H_msg, charged per byte by the caller.
 */
export function xmssVerifyBlocks(height: number, layers: number): Range {
  const wots = wotsParams(32);
  const len = wots.len1 + wots.len2;
  const randHash = 3 * sha256Blocks(96) + sha256Blocks(128);
  const step = 2 * sha256Blocks(96) + sha256Blocks(96);
  return plus(scale(chainSteps(wots, layers), step), layers * (len - 1) * randHash + height * randHash);
}

/**
 * Signing with a stateful hash-based scheme (RFC 8554 §4.5, §5.4.1; RFC 8391 §4.1.9): the one-time signature walks
 * each chain from its secret start (derived by a PRF) up to the digit, the complement of verification's steps, and
 * the authentication path needs tree nodes. The tree part depends on the implementation: a fully cached tree (low
 * end, 2^(h+1) × 32 bytes of state) costs nothing per signature, a BDS-style traversal about h/2 leaf computations
 * per signature (point) and up to h (high end). Upper HSS/XMSS^MT layers re-sign once per 2^(h/levels) signatures:
 * amortised away. A short message (a challenge) is assumed; its hash is included.
 */
export function statefulSignBlocks(kind: 'lms' | 'xmss', height: number, levels: number, w: WinternitzParams): Range {
  const max = 2 ** w.bits - 1;
  const p = w.len1 + w.len2;
  const verify = chainSteps(w, 1);
  const signSteps = { point: p * max - verify.point, low: p * max - verify.high, high: p * max - verify.low };
  const bottom = height / levels;
  if (kind === 'lms') {
    const prf = sha256Blocks(55);
    const leaf = p * prf + p * max + sha256Blocks(22 + 32 * p) + sha256Blocks(54) + 2 * 2;
    const ots = plus(signSteps, p * prf + sha256Blocks(22 + 32 + 32));
    return { point: ots.point + (bottom / 2) * leaf, low: ots.low, high: ots.high + bottom * leaf };
  }
  const prf = sha256Blocks(96);
  const step = 2 * sha256Blocks(96) + sha256Blocks(96);
  const randHash = 3 * sha256Blocks(96) + sha256Blocks(128);
  const leaf = p * prf + p * max * step + (p - 1) * randHash + 2 * randHash;
  const ots = plus(scale(signSteps, step), p * prf + sha256Blocks(32 * 4 + 32));
  return { point: ots.point + (bottom / 2) * leaf, low: ots.low, high: ots.high + bottom * leaf };
}
