/**
 * Object sizes in bytes from the standards, used to check real outputs and to count bytes on the wire.
 * FIPS 203 §8 Table 3, FIPS 204 §4 Table 2, FIPS 205 §11 Table 2, RFC 8554, RFC 8391, RFC 7748, SEC 1.
 */
import type { Source } from '@pqready/core';
import type { SchemeId } from './types.js';

export interface SchemeSizes {
  readonly scheme: SchemeId;
  readonly publicKey: number;
  readonly secretKey?: number;
  readonly ciphertext?: number;
  readonly signature?: number;
  /** NIST security category; undefined where the standard does not assign one. */
  readonly category?: 1 | 2 | 3 | 4 | 5;
  readonly quantumSafe: boolean;
  readonly source: Source;
}

const fips = (n: string, table: string): Source => ({
  title: `FIPS ${n} ${table}`,
  url: `https://doi.org/10.6028/NIST.FIPS.${n}`,
  confidence: 'primary',
});

export const SCHEME_SIZES: readonly SchemeSizes[] = Object.freeze([
  {
    scheme: 'ml-kem-512',
    publicKey: 800,
    secretKey: 1632,
    ciphertext: 768,
    category: 1,
    quantumSafe: true,
    source: fips('203', '§8 Table 3'),
  },
  {
    scheme: 'ml-kem-768',
    publicKey: 1184,
    secretKey: 2400,
    ciphertext: 1088,
    category: 3,
    quantumSafe: true,
    source: fips('203', '§8 Table 3'),
  },
  {
    scheme: 'ml-kem-1024',
    publicKey: 1568,
    secretKey: 3168,
    ciphertext: 1568,
    category: 5,
    quantumSafe: true,
    source: fips('203', '§8 Table 3'),
  },
  {
    scheme: 'ml-dsa-44',
    publicKey: 1312,
    secretKey: 2560,
    signature: 2420,
    category: 2,
    quantumSafe: true,
    source: fips('204', '§4 Table 2'),
  },
  {
    scheme: 'ml-dsa-65',
    publicKey: 1952,
    secretKey: 4032,
    signature: 3309,
    category: 3,
    quantumSafe: true,
    source: fips('204', '§4 Table 2'),
  },
  {
    scheme: 'ml-dsa-87',
    publicKey: 2592,
    secretKey: 4896,
    signature: 4627,
    category: 5,
    quantumSafe: true,
    source: fips('204', '§4 Table 2'),
  },
  {
    scheme: 'slh-dsa-sha2-128s',
    publicKey: 32,
    secretKey: 64,
    signature: 7856,
    category: 1,
    quantumSafe: true,
    source: fips('205', '§11 Table 2'),
  },
  {
    scheme: 'slh-dsa-sha2-128f',
    publicKey: 32,
    secretKey: 64,
    signature: 17088,
    category: 1,
    quantumSafe: true,
    source: fips('205', '§11 Table 2'),
  },
  // HSS with one level (L=1) adds a 4-byte level count to the LMS public key and signature.
  {
    scheme: 'lms',
    publicKey: 60,
    signature: 2512,
    quantumSafe: true,
    source: {
      title: 'RFC 8554 §5.3/§6 (HSS L=1, LMS_SHA256_M32_H10, LMOTS_SHA256_N32_W4)',
      url: 'https://www.rfc-editor.org/rfc/rfc8554',
      confidence: 'primary',
    },
  },
  {
    scheme: 'xmss',
    publicKey: 68,
    signature: 2500,
    quantumSafe: true,
    source: {
      title: 'RFC 8391 §4.1.6–4.1.7 (XMSS-SHA2_10_256)',
      url: 'https://www.rfc-editor.org/rfc/rfc8391',
      confidence: 'primary',
    },
  },
  {
    scheme: 'x25519',
    publicKey: 32,
    secretKey: 32,
    ciphertext: 32,
    quantumSafe: false,
    source: { title: 'RFC 7748 §6.1', url: 'https://www.rfc-editor.org/rfc/rfc7748', confidence: 'primary' },
  },
  {
    scheme: 'ecdh-p256',
    publicKey: 65,
    secretKey: 32,
    ciphertext: 65,
    quantumSafe: false,
    source: {
      title: 'SEC 1 §2.3.3 (uncompressed point)',
      url: 'https://www.secg.org/sec1-v2.pdf',
      confidence: 'primary',
    },
  },
  {
    scheme: 'ecdsa-p256',
    publicKey: 65,
    secretKey: 32,
    signature: 64,
    quantumSafe: false,
    source: {
      title: 'SEC 1 §2.3.3; raw r‖s signature',
      url: 'https://www.secg.org/sec1-v2.pdf',
      confidence: 'primary',
    },
  },
] as const satisfies readonly SchemeSizes[]);

export function schemeSizes(scheme: SchemeId): SchemeSizes {
  const s = SCHEME_SIZES.find((x) => x.scheme === scheme);
  if (!s) throw new Error(`no sizes for ${scheme}`);
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
  const expected = schemeSizes(scheme);
  const out: SizeCheck[] = [];
  for (const field of ['publicKey', 'secretKey', 'ciphertext', 'signature'] as const) {
    const a = actual[field];
    const e = expected[field];
    if (a === undefined || e === undefined) continue;
    out.push({ scheme, field, actual: a, expected: e, ok: a === e });
  }
  return out;
}
