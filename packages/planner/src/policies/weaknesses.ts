/**
 * Why each classical weakness must go now, quantum aside, in words a regulatory reviewer can check, with the
 * document that says so. Algorithm weaknesses are the flags of core's `classicalWeaknesses`; protocol weaknesses
 * (TLS below 1.2, RSA key transport …) come from core's `PROTOCOL_WEAKNESSES` with their own sources.
 */
import { protocolWeakness, type Source } from '@pqready/core';
import { SP_800_131A } from './sources.js';

const s = (title: string, url: string, confidence: Source['confidence']): Source =>
  Object.freeze({ title, url, confidence });

const RFC_6151 = s(
  'RFC 6151 "Updated Security Considerations for the MD5 Message-Digest and the HMAC-MD5 Algorithms"',
  'https://www.rfc-editor.org/rfc/rfc6151',
  'primary',
);
const SHATTERED = s(
  'M. Stevens et al., "The first collision for full SHA-1", CRYPTO 2017',
  'https://shattered.io/static/shattered.pdf',
  'primary',
);
const FIPS_46_3_WITHDRAWN = s(
  'NIST FIPS 46-3 "Data Encryption Standard" (withdrawn 19 May 2005)',
  'https://csrc.nist.gov/pubs/fips/46-3/final',
  'secondary',
);
const SP_800_38A = s(
  'NIST SP 800-38A "Recommendation for Block Cipher Modes of Operation" §6.1 (ECB: each block enciphered alone)',
  'https://doi.org/10.6028/NIST.SP.800-38A',
  'primary',
);
const RFC_7465 = s('RFC 7465 "Prohibiting RC4 Cipher Suites"', 'https://www.rfc-editor.org/rfc/rfc7465', 'primary');
const RFC_6149 = s('RFC 6149 "MD2 to Historic Status"', 'https://www.rfc-editor.org/rfc/rfc6149', 'primary');
const RFC_6150 = s('RFC 6150 "MD4 to Historic Status"', 'https://www.rfc-editor.org/rfc/rfc6150', 'primary');
const FIPS_186_5 = s(
  'FIPS 186-5 "Digital Signature Standard" (Feb 2023): DSA approved for signature verification only',
  'https://doi.org/10.6028/NIST.FIPS.186-5',
  'primary',
);

interface WeaknessWhy {
  /** What is weak and why, one clause. */
  readonly why: string;
  readonly sources: readonly Source[];
}

const ALGORITHM_WEAKNESSES: Readonly<Record<string, WeaknessWhy>> = {
  md2: { why: 'MD2 is obsolete and moved to historic status', sources: [RFC_6149] },
  md4: { why: 'MD4 is broken and moved to historic status', sources: [RFC_6150] },
  md5: { why: 'MD5 collisions are practical', sources: [RFC_6151] },
  sha1: {
    why: 'SHA-1 collisions are practical, and SP 800-131A Rev. 2 disallows SHA-1 for signature generation',
    sources: [SHATTERED, SP_800_131A],
  },
  'sha1-signature': {
    why: 'signatures over SHA-1 are disallowed for generation (SP 800-131A Rev. 2)',
    sources: [SP_800_131A, SHATTERED],
  },
  des: { why: 'DES has a 56-bit key and its standard was withdrawn in 2005', sources: [FIPS_46_3_WITHDRAWN] },
  '3des': {
    why: 'SP 800-131A Rev. 2 disallows three-key TDEA (3DES) encryption after 2023',
    sources: [SP_800_131A],
  },
  rc2: { why: 'RC2 is not an approved cipher (SP 800-131A Rev. 2 approves AES and TDEA only)', sources: [SP_800_131A] },
  rc4: { why: 'RC4 is prohibited in TLS', sources: [RFC_7465] },
  'ecb-mode': {
    why: 'ECB encrypts equal blocks to equal ciphertext, so it leaks the data’s patterns',
    sources: [SP_800_38A],
  },
  'rsa-below-2048': {
    why: 'RSA below 2048 bits is below 112-bit security (SP 800-131A Rev. 2)',
    sources: [SP_800_131A],
  },
  'dsa-below-2048': {
    why: 'DSA below 2048 bits is below 112-bit security (SP 800-131A Rev. 2)',
    sources: [SP_800_131A],
  },
  'dh-below-2048': {
    why: 'finite-field Diffie-Hellman below 2048 bits is below 112-bit security (SP 800-131A Rev. 2)',
    sources: [SP_800_131A],
  },
  'key-below-112': { why: 'keys below 112 bits are disallowed (SP 800-131A Rev. 2)', sources: [SP_800_131A] },
  'p-192': { why: 'P-192 gives 96-bit security, below 112 bits (SP 800-131A Rev. 2)', sources: [SP_800_131A] },
  dsa: { why: 'DSA is approved for verifying existing signatures only', sources: [FIPS_186_5] },
  export: { why: 'export-grade ciphers use keys of 40 to 56 bits', sources: [SP_800_131A] },
};

/** Why a weakness flag (an algorithm's or a protocol's) must go now, with its sources. */
export function weaknessWhy(flag: string): WeaknessWhy {
  const algorithm = ALGORITHM_WEAKNESSES[flag];
  if (algorithm) return algorithm;
  const protocol = protocolWeakness(flag);
  if (protocol) return { why: `${protocol.what}: ${protocol.why}`, sources: protocol.sources };
  return { why: flag, sources: [] };
}
