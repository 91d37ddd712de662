/**
 * Which SARIF rule speaks for a finding: the family of the algorithm that decides a quantum-broken verdict, the kind
 * of shortfall of a weakened one, the classical weakness of an otherwise passing one. The same ids are the
 * vocabulary of suppressions, so a rule id copied from a code-scanning alert suppresses that alert.
 */
import type { AlgorithmDescription, QuantumVerdict, Report, ReportFinding } from '@pqready/core';
import { SHOR_RULE_OF, WEAKNESS_RULE_OF } from './rules.js';

interface JudgedAlgorithm {
  readonly id: string;
  readonly description: Pick<AlgorithmDescription, 'primitive' | 'nistQuantumCategory'>;
  readonly verdict: { readonly quantum: QuantumVerdict; readonly classicallyWeak: readonly string[] };
}

const HASH_PRIMITIVES: ReadonlySet<string> = new Set(['hash', 'xof', 'mac', 'kdf', 'drbg']);

export const weaknessRule = (flag: string): string => WEAKNESS_RULE_OF.get(flag) ?? 'classically-weak-other';

/** The rule of one judged algorithm. */
export function ruleOfAlgorithm(a: JudgedAlgorithm): string {
  const weak = a.verdict.classicallyWeak;
  switch (a.verdict.quantum) {
    case 'broken':
      return SHOR_RULE_OF.get(a.id) ?? 'quantum-broken-other';
    case 'weakened':
      if (weak.length > 0) return weaknessRule(weak[0]!);
      if ((a.description.nistQuantumCategory ?? 0) > 0) return 'pq-parameter-set';
      if (HASH_PRIMITIVES.has(a.description.primitive)) return 'hash-output-size';
      if (['block-cipher', 'stream-cipher', 'ae', 'key-wrap'].includes(a.description.primitive))
        return 'symmetric-key-size';
      return 'weakened-other';
    case 'unknown':
      return 'unknown-algorithm';
    case 'hybrid':
      return weak.length > 0 ? weaknessRule(weak[0]!) : 'hybrid';
    case 'resistant':
      return weak.length > 0 ? weaknessRule(weak[0]!) : 'quantum-resistant';
    case 'not-applicable':
      return weak.length > 0 ? weaknessRule(weak[0]!) : 'not-applicable';
  }
}

/** For protocols the key exchange decides the verdict, so it is looked at first. */
const USE_ORDER: readonly string[] = ['group', 'signature-scheme', 'protocol-algorithm', 'cipher-suite'];
const useRank = (use: string): number => {
  const i = USE_ORDER.indexOf(use);
  return i < 0 ? -1 : i;
};

/** The rule of a finding of the JSON report. */
export function ruleOfFinding(report: Report, f: ReportFinding): string {
  const verdict = f.verdict.quantum;
  const weak = f.verdict.classicallyWeak;
  // A weakness today says more than a policy shortfall or a pass; a pass without one is the pass rule.
  if (verdict !== 'broken' && verdict !== 'unknown' && weak.length > 0) return weaknessRule(weak[0]!);
  if (verdict === 'hybrid') return 'hybrid';
  if (verdict === 'resistant') return 'quantum-resistant';
  if (verdict === 'not-applicable') return 'not-applicable';
  const ordered = [...f.algorithms].sort((a, b) => useRank(a.use) - useRank(b.use));
  for (const use of ordered) {
    const a = report.algorithms[use.algorithm];
    if (a && a.verdict.quantum === verdict) return ruleOfAlgorithm({ id: a.ref.id, ...a });
  }
  return verdict === 'broken'
    ? 'quantum-broken-other'
    : verdict === 'weakened'
      ? 'weakened-other'
      : 'unknown-algorithm';
}
