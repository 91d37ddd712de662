/**
 * Verdict of a whole finding: which algorithm references it carries, and how they combine.
 * Certificates and keys: the worst of their parts.
 *
 * Protocol findings are one setting each (TLS versions, a cipher list, groups or signature schemes; an SSH
 * `KexAlgorithms` or `HostKeyAlgorithms` line; an IKE proposal), or the defaults a scope leaves unset, judged by
 * what the setting controls:
 * - key exchange (`groups`: TLS groups, SSH key exchange methods, IKE key exchanges): the best offer, a hybrid
 *   first, then a pure post-quantum one: it protects the session whenever both peers support it;
 * - authentication (`signatureAlgorithms`: TLS signature schemes, SSH host-key and public-key algorithms): the
 *   best offer too, judged by what the list offers; the reason names the classical schemes it still accepts,
 *   which a forger with a quantum computer would use until they are removed;
 * - everything else named (TLS ≤ 1.2 suites with their key exchange and authentication, TLS 1.3 suites, SSH
 *   ciphers and MACs, certificate types): the worst, since the peers may agree on any of them.
 * The setting's verdict is the worst of these. A setting that names no algorithm (a protocol version list, a
 * certificate or key file, a provider switch) is `not-applicable`: there is nothing in it to judge; what it
 * enables is judged in the settings that name algorithms, and every renderer counts it apart from the other
 * verdicts. Classical weaknesses are the algorithms' and the protocol's own (`protocol-weaknesses.ts`: TLS below
 * 1.2, SSH-1, IKEv1 …), so `ssl_protocols TLSv1 TLSv1.2` is `not-applicable` and classically weak.
 */
import { describeAlgorithm } from '../catalog/describe.js';
import type { QuantumVerdict, Verdict } from '../catalog/types.js';
import type { AlgorithmRef, Finding, KeyFacts, ProtocolFacts } from '../model/finding.js';
import { classify, worstVerdict } from './classify.js';
import { protocolWeakness, protocolWeaknesses } from './protocol-weaknesses.js';
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
 * Which offer protects a session when peers may pick any (key exchange, signature schemes): a hybrid first, then a
 * pure post-quantum one. This is a preference among offers, not the worst-first `VERDICT_ORDER`.
 */
const BEST_OFFER_FIRST: readonly QuantumVerdict[] = ['hybrid', 'resistant', 'weakened', 'unknown', 'broken'];

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
  if (finding.kind === 'protocol') return protocolVerdict(findingAlgorithms(finding), protocolSetting(finding), policy);
  return worstOfParts(judged(findingAlgorithms(finding), policy), policy);
}

const names = (parts: readonly JudgedPart[]) => [...new Set(parts.map((p) => p.via ?? describeAlgorithm(p.ref).name))];
const list = (xs: readonly string[], max = 6) =>
  xs.length > max ? `${xs.slice(0, max).join(', ')} and ${xs.length - max} more` : xs.join(', ');
const isPq = (p: JudgedPart) => p.verdict.quantum === 'hybrid' || p.verdict.quantum === 'resistant';
const bestOffer = (parts: readonly JudgedPart[]) =>
  BEST_OFFER_FIRST.find((v) => parts.some((p) => p.verdict.quantum === v))!;

/**
 * The facts of a protocol setting its verdict reads besides its algorithms: the protocol facts, and which setting
 * it is (`config.setting` and `config.directive`, the properties every config detector writes).
 */
type ProtocolSetting = Pick<ProtocolFacts, 'versions' | 'references' | 'flags'> & {
  /** Protocol type as written (`tls`, `ssh`, `mqtt-tls` …): the reason names it. */
  readonly type: string;
  readonly setting?: string;
  readonly directive?: string;
};

/** The setting facts of a protocol finding. */
function protocolSetting(finding: Extract<Finding, { kind: 'protocol' }>): ProtocolSetting {
  const setting = finding.properties?.['config.setting'];
  const directive = finding.properties?.['config.directive'];
  return { ...finding.protocol, ...(setting ? { setting } : {}), ...(directive ? { directive } : {}) };
}

/**
 * What a setting without algorithms does, for its reason: the versions it enables, else the files it names.
 * (Every finding of a scope carries the scope's versions and file references; only a version setting sets them.)
 */
function namedInstead(p: ProtocolSetting): string {
  const who = p.directive ? `\`${p.directive}\`` : 'The setting';
  if (p.versions.length && (p.setting === undefined || p.setting === 'versions')) {
    const ssl = p.versions.filter((v) => v.startsWith('ssl-')).map((v) => `SSL ${v.slice(4)}`);
    const rest = p.versions.filter((v) => !v.startsWith('ssl-'));
    const shown = [...ssl, ...(rest.length ? [`${p.type.toUpperCase()} ${rest.join('/')}`] : [])].join(' and ');
    return `${who} enables ${shown} and names no algorithm`;
  }
  const refs = (p.references ?? []).map((r) => `${r.directive} ${r.path}`);
  if (refs.length && p.setting === undefined) return `${who} names files (${list(refs, 3)}), no algorithm`;
  return `${who} names no algorithm`;
}

/**
 * Verdict of one protocol setting from its judged parts (the rule in this module's header). The planner applies it
 * to the protocol components it reads from a CBOM, so that plan and scan agree.
 */
export function protocolVerdict(
  algorithms: readonly FindingAlgorithm[],
  protocol: ProtocolSetting,
  policy: Policy,
): Verdict {
  const parts = judged(algorithms, policy);
  const protocolWeak = protocolWeaknesses(protocol.flags);
  const weak = [...new Set([...parts.flatMap((p) => p.verdict.classicallyWeak), ...protocolWeak])].sort();
  const base = { classicallyWeak: weak, policy: policy.id, sources: policy.sources };
  const weakSentence = protocolWeak.length
    ? ` Classically weak: ${protocolWeak
        .map((f) => {
          const w = protocolWeakness(f)!;
          return `${w.what} (${w.why})`;
        })
        .join('; ')}.`
    : '';
  if (parts.length === 0)
    return {
      ...base,
      quantum: 'not-applicable',
      reason: `${namedInstead(protocol)}: nothing here for a quantum computer to attack; what it enables is judged in the settings that name algorithms.${weakSentence}`,
    };
  const kex = parts.filter((p) => p.use === 'group');
  const auth = parts.filter((p) => p.use === 'signature-scheme');
  const rest = parts.filter((p) => p.use !== 'group' && p.use !== 'signature-scheme');
  const clauses: string[] = [];
  const verdicts: QuantumVerdict[] = [];
  if (kex.length) {
    verdicts.push(bestOffer(kex));
    const pq = kex.filter(isPq);
    clauses.push(
      pq.length
        ? `offers post-quantum key exchange (${list(names(pq))})`
        : `offers no post-quantum key exchange (${list(names(kex))})`,
    );
  }
  if (auth.length) {
    verdicts.push(bestOffer(auth));
    const pq = auth.filter(isPq);
    const classical = auth.filter((p) => p.verdict.quantum === 'broken');
    clauses.push(
      pq.length
        ? `accepts post-quantum signatures (${list(names(pq))})${classical.length ? `; the classical ones it still accepts (${list(names(classical), 4)}) stay forgeable until removed` : ''}`
        : `authenticates with classical signatures only (${list(names(auth))}), which Shor's algorithm forges`,
    );
  }
  if (rest.length) {
    const worst = worstVerdict(rest.map((p) => p.verdict.quantum));
    verdicts.push(worst);
    const decisive = rest.find((p) => p.verdict.quantum === worst)!;
    const suites = rest.every((p) => p.use === 'cipher-suite');
    const why = decisive.verdict.reason.replace(/\.\s*$/, '');
    clauses.push(
      worst === 'resistant' || worst === 'hybrid'
        ? `${suites ? 'its cipher suites are' : 'the algorithms it names are'} quantum-resistant (${list(names(rest), 4)})`
        : decisive.use === 'cipher-suite'
          ? `in its cipher suites, ${why}`
          : why,
    );
  }
  const quantum = worstVerdict(verdicts);
  const sentence = clauses.join('; ');
  return {
    ...base,
    quantum,
    reason: `${sentence[0]!.toUpperCase()}${sentence.slice(1)}${clauses.length > 1 ? `; overall ${quantum}` : ''}.${weakSentence}`,
  };
}
