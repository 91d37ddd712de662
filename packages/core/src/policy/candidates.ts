/**
 * Verdict of an algorithm chosen at run time among candidates (`mbedtls_pk_sign` on a parsed key: RSA or
 * ECDSA; a hash type read from the command line). The code can run any of them, so the set is as exposed as
 * its weakest member: all broken is broken, and one broken member is enough to need migration work.
 */
import type { Verdict } from '../catalog/types.js';
import type { AlgorithmRef } from '../model/finding.js';
import type { Policy } from './types.js';

/** Worst first, the order verdicts combine in (classify.ts VERDICT_ORDER, repeated to avoid an import cycle). */
const ORDER = ['broken', 'weakened', 'unknown', 'hybrid', 'resistant'] as const;

export function candidateVerdict(
  candidates: readonly AlgorithmRef[],
  policy: Policy,
  classify: (ref: AlgorithmRef, policy: Policy) => Verdict,
): Verdict {
  const parts = candidates.map((ref) => ({ ref, verdict: classify(ref, policy) }));
  const quantum = ORDER.find((v) => parts.some((p) => p.verdict.quantum === v)) ?? 'unknown';
  const all = parts.every((p) => p.verdict.quantum === quantum);
  const listed = parts.map((p) => `${p.ref.id} (${p.verdict.quantum})`).join(', ');
  const reason = all
    ? `Chosen at run time among ${listed}: every candidate is ${quantum}.`
    : `Chosen at run time among ${listed}: the worst candidate decides (${quantum}).`;
  const weak = [...new Set(parts.flatMap((p) => p.verdict.classicallyWeak))].sort();
  const sources = [...new Map(parts.flatMap((p) => p.verdict.sources).map((s) => [JSON.stringify(s), s])).values()];
  return { quantum, classicallyWeak: weak, reason, policy: policy.id, sources };
}
