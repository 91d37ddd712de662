/**
 * Every scheme the bench can cost: object sizes, NIST category, maturity, the hash it runs over the message, and
 * the core-factor family. Sizes are the standards' (FIPS 203 §8 Table 3, FIPS 204 §4 Table 2, FIPS 205 §11 Table 2,
 * RFC 8554, RFC 8391, RFC 7748, SEC 1); hash-based stateful sizes are computed from their RFC formulas below.
 */
import type { Source } from '@pqready/core';
import type { Family, HashId, SchemeId } from './types.js';

type SchemeKind = 'kem' | 'signature' | 'key-agreement';
/** fips = final FIPS; draft = submitted for a FIPS not yet final; sp800-208 = stateful, NIST SP 800-208; classical. */
export type Maturity = 'fips' | 'draft' | 'sp800-208' | 'classical';

interface StatefulParams {
  /** Total tree height across levels: 2^height signatures per key. */
  readonly height: number;
  readonly levels: number;
  /** Winternitz parameter (bits per chain digit for LMS; w for XMSS is 16 = 4 bits). */
  readonly winternitzBits: number;
  readonly kind: 'lms' | 'xmss';
}

export interface SchemeInfo {
  readonly id: SchemeId;
  readonly title: string;
  readonly kind: SchemeKind;
  readonly publicKey: number;
  readonly secretKey?: number;
  readonly ciphertext?: number;
  readonly signature?: number;
  /** Signature as carried in X.509 and TLS where it differs (DER-encoded ECDSA, maximum length). */
  readonly derSignature?: number;
  /** NIST security category; undefined where the standard assigns none (SP 800-208, classical). */
  readonly category?: 1 | 2 | 3 | 4 | 5;
  readonly quantumSafe: boolean;
  readonly maturity: Maturity;
  /** The hash the signature runs over the whole message (the firmware image). */
  readonly messageHash?: HashId;
  readonly family: Family;
  readonly stateful?: StatefulParams;
  readonly source: Source;
}

const fips = (n: string, table: string): Source => ({
  title: `FIPS ${n} ${table}`,
  url: `https://doi.org/10.6028/NIST.FIPS.${n}`,
  confidence: 'primary',
});
const RFC8554: Source = {
  title: 'RFC 8554 §4–§6 (LM-OTS, LMS, HSS sizes); sizes cross-checked against liboqs sig_stfl tables',
  url: 'https://www.rfc-editor.org/rfc/rfc8554',
  confidence: 'primary',
};
const RFC8391: Source = {
  title: 'RFC 8391 §4.1.6–§4.1.7, §4.2.3 (XMSS and XMSS^MT sizes)',
  url: 'https://www.rfc-editor.org/rfc/rfc8391',
  confidence: 'primary',
};

const mlkem = (id: SchemeId, pk: number, sk: number, ct: number, category: 1 | 3 | 5): SchemeInfo => ({
  id,
  title: id.toUpperCase(),
  kind: 'kem',
  publicKey: pk,
  secretKey: sk,
  ciphertext: ct,
  category,
  quantumSafe: true,
  maturity: 'fips',
  family: 'lattice',
  source: fips('203', '§8 Table 3'),
});

const mldsa = (id: SchemeId, pk: number, sk: number, sig: number, category: 2 | 3 | 5): SchemeInfo => ({
  id,
  title: id.toUpperCase(),
  kind: 'signature',
  publicKey: pk,
  secretKey: sk,
  signature: sig,
  category,
  quantumSafe: true,
  maturity: 'fips',
  // Pure ML-DSA: μ = SHAKE256(tr ‖ M′) over the whole message (FIPS 204 Algorithm 7, line 6).
  messageHash: 'shake256',
  family: 'lattice',
  source: fips('204', '§4 Table 2'),
});

/** FIPS 205 Table 2 sizes; SHA2 sets at categories 3/5 hash the message with SHA-512 (FIPS 205 §11.2.2). */
const SLH_SIZES = {
  '128s': { n: 16, sig: 7856, category: 1 },
  '128f': { n: 16, sig: 17088, category: 1 },
  '192s': { n: 24, sig: 16224, category: 3 },
  '192f': { n: 24, sig: 35664, category: 3 },
  '256s': { n: 32, sig: 29792, category: 5 },
  '256f': { n: 32, sig: 49856, category: 5 },
} as const;
const slh = (hash: 'sha2' | 'shake', set: keyof typeof SLH_SIZES): SchemeInfo => {
  const p = SLH_SIZES[set];
  return {
    id: `slh-dsa-${hash}-${set}` as SchemeId,
    title: `SLH-DSA-${hash.toUpperCase()}-${set}`,
    kind: 'signature',
    publicKey: 2 * p.n,
    secretKey: 4 * p.n,
    signature: p.sig,
    category: p.category,
    quantumSafe: true,
    maturity: 'fips',
    messageHash: hash === 'shake' ? 'shake256' : p.category === 1 ? 'sha256' : 'sha512',
    family: hash === 'shake' ? 'keccak' : 'sha2',
    source: fips('205', '§11 Table 2'),
  };
};

/** RFC 8554: LM-OTS signature 4 + n(p+1); LMS signature 4 + OTS + 4 + h·m; HSS adds 4 + (L−1)(LMS sig + LMS pk). */
export function lmsSizes(heights: readonly number[], w: 1 | 2 | 4 | 8): { publicKey: number; signature: number } {
  const n = 32;
  const p = { 1: 265, 2: 133, 4: 67, 8: 34 }[w];
  const ots = 4 + n * (p + 1);
  const lmsSig = (h: number) => 4 + ots + 4 + h * n;
  const lmsPk = 4 + 4 + 16 + n;
  const sigs = heights.map(lmsSig);
  const upper = sigs.slice(0, -1).reduce((s, x) => s + x + lmsPk, 0);
  return { publicKey: 4 + lmsPk, signature: 4 + upper + (sigs.at(-1) ?? 0) };
}

/** RFC 8391: XMSS signature 4 + n + (len + h)·n; XMSS^MT ⌈h/8⌉ + n + d·len·n + h·n; public key OID + root + SEED. */
export function xmssSizes(height: number, levels: number): { publicKey: number; signature: number } {
  const n = 32;
  const len = 67;
  const signature =
    levels === 1 ? 4 + n + (len + height) * n : Math.ceil(height / 8) + n + levels * len * n + height * n;
  return { publicKey: 4 + 2 * n, signature };
}

const stateful = (
  id: SchemeId,
  title: string,
  params: StatefulParams,
  sizes: { publicKey: number; signature: number },
): SchemeInfo => ({
  id,
  title,
  kind: 'signature',
  ...sizes,
  // Private key without traversal state: HSS as liboqs stores it (64 B); XMSS idx ‖ SK_SEED ‖ SK_PRF ‖ root ‖ SEED.
  secretKey: params.kind === 'lms' ? 64 : 4 + 4 * 32,
  quantumSafe: true,
  maturity: 'sp800-208',
  messageHash: 'sha256',
  family: 'sha2',
  stateful: params,
  source: params.kind === 'lms' ? RFC8554 : RFC8391,
});
const lms = (id: SchemeId, title: string, heights: number[], w: 4 | 8) =>
  stateful(
    id,
    title,
    { kind: 'lms', height: heights.reduce((a, b) => a + b, 0), levels: heights.length, winternitzBits: w },
    lmsSizes(heights, w),
  );
const xmss = (id: SchemeId, title: string, height: number, levels: number) =>
  stateful(id, title, { kind: 'xmss', height, levels, winternitzBits: 4 }, xmssSizes(height, levels));

export const SCHEMES: readonly SchemeInfo[] = Object.freeze([
  mlkem('ml-kem-512', 800, 1632, 768, 1),
  mlkem('ml-kem-768', 1184, 2400, 1088, 3),
  mlkem('ml-kem-1024', 1568, 3168, 1568, 5),
  mldsa('ml-dsa-44', 1312, 2560, 2420, 2),
  mldsa('ml-dsa-65', 1952, 4032, 3309, 3),
  mldsa('ml-dsa-87', 2592, 4896, 4627, 5),
  ...(['sha2', 'shake'] as const).flatMap((h) =>
    (['128s', '128f', '192s', '192f', '256s', '256f'] as const).map((set) => slh(h, set)),
  ),
  ...(
    [
      ['fn-dsa-512', 897, 1281, 666, 1],
      ['fn-dsa-1024', 1793, 2305, 1280, 5],
    ] as const
  ).map(
    ([id, pk, sk, sig, category]): SchemeInfo => ({
      id,
      title: id.toUpperCase(),
      kind: 'signature',
      publicKey: pk,
      secretKey: sk,
      // Padded signature format (fixed length), as the IETF interop Falcon certificates carry.
      signature: sig,
      category,
      quantumSafe: true,
      maturity: 'draft',
      // Falcon hashes nonce ‖ message with SHAKE256 (hash-to-point).
      messageHash: 'shake256',
      family: 'lattice',
      source: {
        title:
          'Falcon round-3 sizes (FIPS 206 still a draft): liboqs docs/algorithms/sig/falcon.yml, padded signatures',
        url: 'https://github.com/open-quantum-safe/liboqs/blob/8979276ad1eb/docs/algorithms/sig/falcon.yml',
        confidence: 'secondary',
      },
    }),
  ),
  lms('lms', 'LMS/HSS L1 (SHA-256, H10, W4)', [10], 4),
  lms('lms-h10-w8', 'LMS/HSS L1 (SHA-256, H10, W8)', [10], 8),
  lms('lms-h15-w8', 'LMS/HSS L1 (SHA-256, H15, W8)', [15], 8),
  lms('lms-h20-w8', 'LMS/HSS L1 (SHA-256, H20, W8)', [20], 8),
  lms('hss-l2-h10-w8', 'HSS L2 (SHA-256, H10+H10, W8)', [10, 10], 8),
  lms('hss-l2-h20-w8', 'HSS L2 (SHA-256, H20+H20, W8)', [20, 20], 8),
  xmss('xmss', 'XMSS-SHA2_10_256', 10, 1),
  xmss('xmss-h16', 'XMSS-SHA2_16_256', 16, 1),
  xmss('xmss-h20', 'XMSS-SHA2_20_256', 20, 1),
  xmss('xmssmt-h20-d2', 'XMSSMT-SHA2_20/2_256', 20, 2),
  xmss('xmssmt-h40-d4', 'XMSSMT-SHA2_40/4_256', 40, 4),
  {
    id: 'x25519',
    title: 'X25519',
    kind: 'key-agreement',
    publicKey: 32,
    secretKey: 32,
    ciphertext: 32,
    quantumSafe: false,
    maturity: 'classical',
    family: 'ecc',
    source: { title: 'RFC 7748 §6.1', url: 'https://www.rfc-editor.org/rfc/rfc7748', confidence: 'primary' },
  },
  ...(
    [
      ['ecdh-p256', 65, 32],
      ['ecdh-p384', 97, 48],
    ] as const
  ).map(
    ([id, pk, sk]): SchemeInfo => ({
      id,
      title: id === 'ecdh-p256' ? 'ECDH P-256' : 'ECDH P-384',
      kind: 'key-agreement',
      publicKey: pk,
      secretKey: sk,
      ciphertext: pk,
      quantumSafe: false,
      maturity: 'classical',
      family: 'ecc',
      source: {
        title: 'SEC 1 §2.3.3 (uncompressed point)',
        url: 'https://www.secg.org/sec1-v2.pdf',
        confidence: 'primary',
      },
    }),
  ),
  ...(
    [
      ['ecdsa-p256', 65, 32, 64, 72, 'sha256'],
      ['ecdsa-p384', 97, 48, 96, 104, 'sha512'],
    ] as const
  ).map(
    ([id, pk, sk, sig, der, hash]): SchemeInfo => ({
      id,
      title: id === 'ecdsa-p256' ? 'ECDSA-P256' : 'ECDSA-P384',
      kind: 'signature',
      publicKey: pk,
      secretKey: sk,
      signature: sig,
      // ECDSA-Sig-Value DER: SEQUENCE of two INTEGERs, each up to n+1 bytes (RFC 5480 §2.2.3 / SEC 1 §C.8).
      derSignature: der,
      quantumSafe: false,
      maturity: 'classical',
      // SHA-384 (P-384) runs the SHA-512 compression function: costed as SHA-512.
      messageHash: hash,
      family: 'ecc',
      source: {
        title: 'SEC 1 §2.3.3 (point), §C.8 (ECDSA-Sig-Value)',
        url: 'https://www.secg.org/sec1-v2.pdf',
        confidence: 'primary',
      },
    }),
  ),
] satisfies readonly SchemeInfo[]);

export function schemeInfo(id: SchemeId): SchemeInfo {
  const s = SCHEMES.find((x) => x.id === id);
  if (!s) throw new Error(`no catalog entry for ${id}`);
  return s;
}

export interface SizeCheck {
  readonly scheme: SchemeId;
  readonly field: 'publicKey' | 'secretKey' | 'ciphertext' | 'signature';
  readonly actual: number;
  readonly expected: number;
  readonly ok: boolean;
}

/** Compares sizes taken from real outputs with the standard; fields the standard leaves open are skipped. */
export function checkSizes(scheme: SchemeId, actual: Partial<Record<SizeCheck['field'], number>>): SizeCheck[] {
  const expected = schemeInfo(scheme);
  const out: SizeCheck[] = [];
  for (const field of ['publicKey', 'secretKey', 'ciphertext', 'signature'] as const) {
    const a = actual[field];
    const e = expected[field];
    if (a === undefined || e === undefined) continue;
    out.push({ scheme, field, actual: a, expected: e, ok: a === e });
  }
  return out;
}
