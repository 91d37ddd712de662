/**
 * Verdict of a whole finding: which algorithm references it carries, and how they combine.
 * Certificates and keys: worst of their parts. Protocols: the key exchange is judged by its best offer
 * (a PQ or hybrid group protects the session whenever both peers support it), ciphers and MACs by their worst.
 * Authentication (signature schemes) is reported per algorithm, not folded into the protocol verdict.
 */
import type { QuantumVerdict, Verdict } from '../catalog/types.js';
import type { AlgorithmRef, Finding, KeyFacts } from '../model/finding.js';
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

function keyAlgorithms(key: KeyFacts): FindingAlgorithm[] {
  return [
    { use: 'key', ref: key.algorithm },
    ...(key.protection ? [{ use: 'protection' as const, ref: key.protection }] : []),
  ];
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
      return keyAlgorithms(finding.key);
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

/**
 * Which key-exchange offer protects a session when peers may pick any: a hybrid group first, then a pure
 * post-quantum one. This is a preference among offers, not the worst-first `VERDICT_ORDER`.
 */
const KEX_PREFERENCE: readonly QuantumVerdict[] = ['hybrid', 'resistant', 'weakened', 'unknown', 'broken'];

type JudgedPart = FindingAlgorithm & { readonly verdict: Verdict };

/** Worst of the parts: a stored object is only as strong as its weakest algorithm. */
function worstOfParts(parts: readonly JudgedPart[], policy: Policy): Verdict {
  const weak = [...new Set(parts.flatMap((p) => p.verdict.classicallyWeak))].sort();
  if (parts.length === 0) {
    const reason = 'No algorithm was identified.';
    return { quantum: 'unknown', classicallyWeak: weak, reason, policy: policy.id, sources: policy.sources };
  }
  const quantum = worstVerdict(parts.map((p) => p.verdict.quantum));
  const decisive = parts.find((p) => p.verdict.quantum === quantum)!;
  return {
    quantum,
    classicallyWeak: weak,
    reason: decisive.verdict.reason,
    policy: policy.id,
    sources: policy.sources,
  };
}

const judged = (parts: readonly FindingAlgorithm[], policy: Policy): JudgedPart[] =>
  parts.map((a) => ({ ...a, verdict: classify(a.ref, policy) }));

/**
 * Verdict of a key on its own (a certificate's subject key, or a key file): worst of its algorithm and, for an
 * encrypted private key, of the scheme protecting it. Equal to `findingVerdict` of a key finding with these facts.
 */
export function keyVerdict(key: KeyFacts, policy: Policy): Verdict {
  return worstOfParts(judged(keyAlgorithms(key), policy), policy);
}

export function findingVerdict(finding: Finding, policy: Policy): Verdict {
  const parts = judged(findingAlgorithms(finding), policy);
  if (finding.kind !== 'protocol' || parts.length === 0) return worstOfParts(parts, policy);
  const weak = [...new Set(parts.flatMap((p) => p.verdict.classicallyWeak))].sort();
  const sources = policy.sources;
  const groups = parts.filter((p) => p.use === 'group');
  const rest = parts.filter((p) => p.use === 'cipher-suite' || p.use === 'protocol-algorithm');
  const kex = groups.length ? KEX_PREFERENCE.find((v) => groups.some((g) => g.verdict.quantum === v))! : undefined;
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
