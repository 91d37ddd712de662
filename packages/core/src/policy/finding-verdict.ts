/**
 * Verdict of a whole finding: which algorithm references it carries, and how they combine.
 * Certificates and keys: worst of their parts. Protocols: the key exchange is judged by its best offer
 * (a PQ or hybrid group protects the session whenever both peers support it), ciphers and MACs by their worst.
 * Authentication (signature schemes) is reported per algorithm, not folded into the protocol verdict.
 */
import type { QuantumVerdict, Verdict } from '../catalog/types.js';
import type { AlgorithmRef, Finding } from '../model/finding.js';
import { classify, worstVerdict } from './classify.js';
import type { Policy } from './types.js';

export type AlgorithmUse =
  | 'algorithm'
  | 'signature'
  | 'public-key'
  | 'key'
  | 'protection'
  | 'cipher-suite'
  | 'group'
  | 'signature-scheme'
  | 'protocol-algorithm';

export interface FindingAlgorithm {
  readonly use: AlgorithmUse;
  readonly ref: AlgorithmRef;
  /** Cipher suite or group name the reference came from (protocols). */
  readonly via?: string;
}

export function findingAlgorithms(finding: Finding): FindingAlgorithm[] {
  switch (finding.kind) {
    case 'algorithm':
      return [{ use: 'algorithm', ref: finding.algorithm }];
    case 'certificate': {
      const c = finding.certificate;
      return [
        { use: 'signature', ref: c.signatureAlgorithm },
        ...(c.publicKey ? [{ use: 'public-key' as const, ref: c.publicKey.algorithm }] : []),
      ];
    }
    case 'key':
      return [
        { use: 'key', ref: finding.key.algorithm },
        ...(finding.key.protection ? [{ use: 'protection' as const, ref: finding.key.protection }] : []),
      ];
    case 'protocol': {
      const p = finding.protocol;
      return [
        ...p.cipherSuites.flatMap((s) =>
          s.algorithms.map((ref) => ({ use: 'cipher-suite' as const, ref, via: s.name })),
        ),
        ...p.groups.map((g) => ({ use: 'group' as const, ref: g.algorithm, via: g.name })),
        ...p.signatureAlgorithms.map((g) => ({ use: 'signature-scheme' as const, ref: g.algorithm, via: g.name })),
        ...(p.algorithms ?? []).map((ref) => ({ use: 'protocol-algorithm' as const, ref })),
      ];
    }
  }
}

const BEST_FIRST: readonly QuantumVerdict[] = ['hybrid', 'resistant', 'weakened', 'unknown', 'broken'];

export function findingVerdict(finding: Finding, policy: Policy): Verdict {
  const parts = findingAlgorithms(finding).map((a) => ({ ...a, verdict: classify(a.ref, policy) }));
  const weak = [...new Set(parts.flatMap((p) => p.verdict.classicallyWeak))].sort();
  const sources = policy.sources;
  if (parts.length === 0) {
    return {
      quantum: 'unknown',
      classicallyWeak: weak,
      reason: 'No algorithm was identified.',
      policy: policy.id,
      sources,
    };
  }
  if (finding.kind !== 'protocol') {
    const quantum = worstVerdict(parts.map((p) => p.verdict.quantum));
    const decisive = parts.find((p) => p.verdict.quantum === quantum)!;
    return { quantum, classicallyWeak: weak, reason: decisive.verdict.reason, policy: policy.id, sources };
  }
  const groups = parts.filter((p) => p.use === 'group');
  const rest = parts.filter((p) => p.use === 'cipher-suite' || p.use === 'protocol-algorithm');
  const kex = groups.length ? BEST_FIRST.find((v) => groups.some((g) => g.verdict.quantum === v))! : undefined;
  const verdicts = [...(kex ? [kex] : []), ...rest.map((p) => p.verdict.quantum)];
  const quantum = verdicts.length ? worstVerdict(verdicts) : 'unknown';
  const pqGroups = groups.filter((g) => g.verdict.quantum === 'hybrid' || g.verdict.quantum === 'resistant');
  const reason = pqGroups.length
    ? `Offers post-quantum key exchange (${pqGroups.map((g) => g.via ?? g.ref.id).join(', ')}); overall ${quantum}.`
    : groups.length
      ? `No post-quantum key exchange group is offered; overall ${quantum}.`
      : `Key exchange groups not observed; overall ${quantum} from the configured algorithms.`;
  return { quantum, classicallyWeak: weak, reason, policy: policy.id, sources };
}
