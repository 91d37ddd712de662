/**
 * Quantum verdict of one algorithm reference under a policy. The catalog says how a quantum computer attacks
 * the algorithm (`exposure`); the policy says which sizes still count. Shor: NIST IR 8547 ipd
 * Tables 2/4; Grover and symmetric thresholds: IR 8547 ipd §4.1.3, Tables 6–7; CNSA 2.0 AES-256/SHA-384.
 */
import { describeAlgorithm } from '../catalog/describe.js';
import { getAlgorithm, getHash } from '../catalog/lookup.js';
import type { QuantumVerdict, Verdict } from '../catalog/types.js';
import type { AlgorithmRef } from '../model/finding.js';
import { candidateVerdict } from './candidates.js';
import type { Policy } from './types.js';
import { classicalWeaknesses } from './weakness.js';

/**
 * Every verdict, worst first: the order in which parts combine (PBES2 = KDF + cipher; a certificate = signature +
 * key) and in which every renderer lists and sorts findings. `not-applicable` (a setting naming no algorithm) comes
 * last: it never outweighs a verdict of something named.
 */
export const VERDICT_ORDER: readonly QuantumVerdict[] = Object.freeze([
  'broken',
  'weakened',
  'unknown',
  'hybrid',
  'resistant',
  'not-applicable',
]);

export function worstVerdict(verdicts: readonly QuantumVerdict[]): QuantumVerdict {
  for (const v of VERDICT_ORDER) if (verdicts.includes(v)) return v;
  return 'unknown';
}

const SHOR_PROBLEM: Readonly<Record<string, string>> = {
  rsa: 'integer factorisation',
  'rsa-pkcs1v15': 'integer factorisation',
  'rsa-pss': 'integer factorisation',
  'rsa-oaep': 'integer factorisation',
  'rsaes-pkcs1v15': 'integer factorisation',
};

export function classify(ref: AlgorithmRef, policy: Policy): Verdict {
  if (ref.candidates && ref.candidates.length > 0) return candidateVerdict(ref.candidates, policy, classify);
  const { quantum, reason } = judge(ref, policy);
  const row = getAlgorithm(ref.id);
  const weak = classicalWeaknesses(ref);
  const preStandardNote = weak.includes('pre-standard')
    ? ' Pre-standard: not interoperable with the final NIST standard; re-issue on ML-KEM / ML-DSA / SLH-DSA.'
    : weak.includes('non-nist-pq')
      ? ' Not a NIST standard.'
      : '';
  return {
    quantum,
    classicallyWeak: weak,
    reason: `${reason}${preStandardNote}`,
    policy: policy.id,
    sources: [...(row?.sources ?? []), ...policy.sources],
  };
}

function judge(ref: AlgorithmRef, policy: Policy): { quantum: QuantumVerdict; reason: string } {
  const row = getAlgorithm(ref.id);
  const d = describeAlgorithm(ref);
  if (!row || !d.known) {
    const unresolved = Object.entries(ref.unresolved ?? {});
    if (ref.id === 'unknown' && unresolved.length > 0) {
      // The evidence names an operation whose algorithm is decided at run time (e.g. a key parsed from storage).
      const what = unresolved.map(([k, v]) => `${k} from \`${v}\``).join(', ');
      return {
        quantum: 'unknown',
        reason: `The algorithm is not fixed in the evidence (${what} is set at run time); review it by hand.`,
      };
    }
    return { quantum: 'unknown', reason: `${d.name} is not in the catalog; review it by hand.` };
  }
  switch (row.exposure) {
    case 'shor':
      return {
        quantum: 'broken',
        reason: `${d.name} relies on ${SHOR_PROBLEM[row.id] ?? 'discrete logarithms'}, which Shor's algorithm solves on a cryptographically relevant quantum computer.`,
      };
    case 'post-quantum': {
      const cat = d.nistQuantumCategory;
      if (cat !== undefined && cat < policy.pqMinCategory) {
        return {
          quantum: 'weakened',
          reason: `${d.name} is post-quantum at NIST category ${cat}, below the category ${policy.pqMinCategory} that ${policy.name} requires.`,
        };
      }
      return {
        quantum: 'resistant',
        reason: `${d.name} is a post-quantum algorithm${cat ? ` (NIST category ${cat})` : ''}.`,
      };
    }
    case 'hybrid':
      return {
        quantum: 'hybrid',
        reason: `${d.name} combines a post-quantum and a classical algorithm; it stays secure while either part holds.`,
      };
    case 'symmetric': {
      const bits = d.classicalSecurityBits;
      if (bits === undefined) {
        if (row.minKeyBits !== undefined && row.minKeyBits >= policy.symmetricMinKeyBits) {
          return {
            quantum: 'resistant',
            reason: `Every ${d.name} key size meets the ${policy.symmetricMinKeyBits}-bit threshold.`,
          };
        }
        if (row.weak?.length)
          return { quantum: 'weakened', reason: `${d.name} is classically broken; key size not observed.` };
        return {
          quantum: 'unknown',
          reason: `${d.name}: key size not observed, cannot judge against ${policy.symmetricMinKeyBits} bits.`,
        };
      }
      return bits >= policy.symmetricMinKeyBits
        ? {
            quantum: 'resistant',
            reason: `${d.name} has ${bits}-bit strength; Grover's speed-up leaves it above ${policy.name}'s ${policy.symmetricMinKeyBits}-bit threshold.`,
          }
        : {
            quantum: 'weakened',
            reason: `${d.name} has ${bits}-bit strength, below the ${policy.symmetricMinKeyBits} bits ${policy.name} requires.`,
          };
    }
    case 'hash': {
      const out = getHash(row.id)?.outputBits ?? 0;
      return out >= policy.hashMinOutputBits
        ? {
            quantum: 'resistant',
            reason: `${d.name} has a ${out}-bit output, meeting ${policy.name}'s ${policy.hashMinOutputBits}-bit minimum.`,
          }
        : {
            quantum: 'weakened',
            reason: `${d.name} has a ${out}-bit output, below ${policy.name}'s ${policy.hashMinOutputBits}-bit minimum.`,
          };
    }
    case 'hash-based': {
      const hash = ref.hash ? getHash(ref.hash) : undefined;
      if (!hash) {
        return {
          quantum: 'resistant',
          reason: `${d.name} is hash-based; Grover gives at most a quadratic speed-up (underlying hash not observed).`,
        };
      }
      return hash.outputBits >= policy.macHashMinOutputBits
        ? {
            quantum: 'resistant',
            reason: `${d.name} uses ${hash.name}, meeting ${policy.name}'s ${policy.macHashMinOutputBits}-bit minimum.`,
          }
        : {
            quantum: 'weakened',
            reason: `${d.name} uses ${hash.name}, below ${policy.name}'s ${policy.macHashMinOutputBits}-bit minimum.`,
          };
    }
    case 'none': {
      const parts = ref.components ?? [];
      if (parts.length === 0)
        return { quantum: 'unknown', reason: `${d.name}: the protecting algorithms were not observed.` };
      const verdicts = parts.map((p) => judge(p, policy));
      const worst = worstVerdict(verdicts.map((v) => v.quantum));
      return { quantum: worst, reason: `${d.name}: ${verdicts.map((v) => v.reason).join(' ')}` };
    }
  }
}
