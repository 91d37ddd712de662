/**
 * Classical weaknesses (independent of quantum policy): intrinsic flags from catalog rows, plus parameter
 * rules here. Key-size minimum: 112-bit security (SP 800-131A Rev 2 §1–3, SP 800-57 Table 2 → 2048-bit IFC/FFC).
 */
import { getAlgorithm, getCurve, getHash } from '../catalog/lookup.js';
import type { AlgorithmRow } from '../catalog/types.js';
import type { AlgorithmRef } from '../model/finding.js';

const MIN_MODULUS: readonly { readonly ids: readonly string[]; readonly minBits: number; readonly flag: string }[] = [
  { ids: ['rsa', 'rsa-pkcs1v15', 'rsa-pss', 'rsa-oaep', 'rsaes-pkcs1v15'], minBits: 2048, flag: 'rsa-below-2048' },
  { ids: ['dsa'], minBits: 2048, flag: 'dsa-below-2048' },
  { ids: ['dh', 'elgamal'], minBits: 2048, flag: 'dh-below-2048' },
  // Symmetric keys below 112 bits (SP 800-131A): 40-bit RC2/RC4 export ciphers, 64-bit keys.
  { ids: ['rc4', 'rc2', 'blowfish', 'cast5', 'aes', 'camellia', 'aria'], minBits: 112, flag: 'key-below-112' },
];

/** Hash weaknesses as they read when the hash is a parameter of a signature. */
const SIGNATURE_HASH_FLAG: Readonly<Record<string, string>> = { sha1: 'sha1-signature' };

/** Flags for one reference and its components, sorted and deduplicated. */
export function classicalWeaknesses(ref: AlgorithmRef): string[] {
  const flags = new Set<string>();
  collect(ref, flags);
  return [...flags].sort();
}

function collect(ref: AlgorithmRef, flags: Set<string>): void {
  const row = getAlgorithm(ref.id);
  if (row) addRowFlags(row, ref, flags);
  for (const part of ref.components ?? []) collect(part, flags);
}

function addRowFlags(row: AlgorithmRow, ref: AlgorithmRef, flags: Set<string>): void {
  for (const f of row.weak ?? []) flags.add(f);
  if (row.status === 'pre-standard') flags.add('pre-standard');
  if (row.status === 'non-nist') flags.add('non-nist-pq');
  const bits = ref.keyBits ?? modulusFromParameterSet(ref);
  if (bits !== undefined) {
    for (const rule of MIN_MODULUS) if (rule.ids.includes(row.id) && bits < rule.minBits) flags.add(rule.flag);
  }
  const curve = ref.curve ? getCurve(ref.curve) : undefined;
  for (const f of curve?.weak ?? []) flags.add(f);
  if (ref.mode?.toLowerCase() === 'ecb') flags.add('ecb-mode');
  if (ref.hash) {
    const hash = getHash(ref.hash);
    // HMAC and KDFs keep their security with SHA-1; signatures and plain digests do not.
    const keyed = row.exposure === 'hash-based';
    for (const f of hash?.weak ?? []) {
      if (keyed && f === 'sha1') continue;
      flags.add(row.primitive === 'signature' ? (SIGNATURE_HASH_FLAG[f] ?? f) : f);
    }
  }
}

function modulusFromParameterSet(ref: AlgorithmRef): number | undefined {
  if (ref.id !== 'dh' || !ref.parameterSet) return undefined;
  const m = ref.parameterSet.match(/(\d{3,5})$/);
  return m ? Number(m[1]) : undefined;
}
