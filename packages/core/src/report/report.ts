/**
 * The JSON report behind `--format json`: the inventory's facts with, for every finding, its id, the algorithms it
 * carries (by reference into one table of algorithms) and its verdict under the chosen policy. Each distinct
 * algorithm is described once, with its verdict and its sources (indices into one list of sources), so the size
 * grows with the findings, not with the catalog text. Deterministic: findings and diagnostics sorted.
 */

import { describeAlgorithm } from '../catalog/describe.js';
import type { AlgorithmDescription, QuantumVerdict, Verdict } from '../catalog/types.js';
import { canonical, Interner, sha256Hex } from '../model/canonical.js';
import type {
  AlgorithmRef,
  CipherSuiteFacts,
  Diagnostic,
  Evidence,
  Finding,
  Inventory,
  LibraryFacts,
  NamedGroupFacts,
  ProtocolFacts,
  ProtocolFinding,
} from '../model/finding.js';
import { algorithmIdentity, findingIds, identityRef } from '../model/identity.js';
import { compareDiagnostics, compareFindings } from '../model/order.js';
import { redactSnippet } from '../model/redact.js';
import type { Source } from '../model/source.js';
import { classify, VERDICT_ORDER } from '../policy/classify.js';
import { type CertificateExposure, certificateExposure } from '../policy/exposure.js';
import { type AlgorithmUse, findingAlgorithms, findingVerdict } from '../policy/finding-verdict.js';
import type { Policy, PolicyMilestone } from '../policy/types.js';

/** A verdict without the policy id and sources, which the report states once. */
export type ReportVerdict = Pick<Verdict, 'quantum' | 'classicallyWeak' | 'reason'>;

/** One distinct observed algorithm: what it is, its verdict, and where those facts come from. */
export interface ReportAlgorithm {
  readonly ref: AlgorithmRef;
  readonly description: Omit<AlgorithmDescription, 'sources'>;
  readonly verdict: ReportVerdict;
  /** Indices into `Report.sources`. */
  readonly sources: readonly number[];
}

/** How a finding carries an algorithm: its use, the suite or group it came with, and its key in `Report.algorithms`. */
export interface ReportAlgorithmUse {
  readonly use: AlgorithmUse;
  readonly via?: string;
  readonly algorithm: string;
}

/** A policy milestone with its sources as indices into `Report.sources`. */
type ReportMilestone = Omit<PolicyMilestone, 'sources'> & { readonly sources: readonly number[] };

export type ReportExposure = Omit<CertificateExposure, 'milestones'> & {
  readonly milestones: readonly ReportMilestone[];
};

/**
 * A protocol configuration's facts with each algorithm written as its key in `Report.algorithms`: the suites'
 * algorithms come from the catalog, so they are described once there, not once per suite.
 */
interface ReportProtocolFacts
  extends Omit<ProtocolFacts, 'cipherSuites' | 'groups' | 'signatureAlgorithms' | 'algorithms'> {
  readonly cipherSuites: readonly (Omit<CipherSuiteFacts, 'algorithms'> & { readonly algorithms: readonly string[] })[];
  readonly groups: readonly (Omit<NamedGroupFacts, 'algorithm'> & { readonly algorithm: string })[];
  readonly signatureAlgorithms: readonly (Omit<NamedGroupFacts, 'algorithm'> & { readonly algorithm: string })[];
  readonly algorithms?: readonly string[];
}

/** The evidence of a finding without the file hash, which `Report.files` holds once per file. */
type ReportEvidence = Omit<Evidence, 'fileSha256'>;

type Facts =
  | Exclude<Finding, ProtocolFinding>
  | (Omit<ProtocolFinding, 'protocol'> & { readonly protocol: ReportProtocolFacts });

/** `Omit` applied to each member of a union, so that `kind` still tells the members apart. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type ReportFinding = OmitEach<Facts, 'evidence'> & {
  /** Stable id shared with the SARIF result (`findingId`) and the CBOM occurrence (`bom-ref` `finding/<id>`). */
  readonly id: string;
  readonly evidence: ReportEvidence;
  readonly algorithms: readonly ReportAlgorithmUse[];
  readonly verdict: ReportVerdict;
  readonly exposure?: ReportExposure;
};

export interface Report {
  readonly tool: Inventory['tool'];
  readonly scannedAt: string;
  readonly policy: {
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly status: string;
    /** Indices into `sources`. */
    readonly sources: readonly number[];
  };
  readonly roots: readonly string[];
  readonly summary: {
    readonly findings: number;
    readonly byVerdict: Readonly<Record<QuantumVerdict, number>>;
    readonly byKind: Readonly<Record<Finding['kind'], number>>;
    readonly classicallyWeak: Readonly<Record<string, number>>;
    readonly diagnostics: Readonly<Record<Diagnostic['severity'], number>>;
  };
  /** Every distinct algorithm the findings carry, keyed by its canonical name (`#` and a short hash on a clash). */
  readonly algorithms: Readonly<Record<string, ReportAlgorithm>>;
  readonly sources: readonly Source[];
  /** SHA-256 of every file a finding was seen in, by path. */
  readonly files: Readonly<Record<string, string>>;
  readonly libraries: readonly LibraryFacts[];
  readonly findings: readonly ReportFinding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: Inventory['stats'];
}

/** Collects each distinct source once, in first-use order, and hands out its index. */
class SourceList {
  readonly list: Source[] = [];
  private readonly index = new Map<string, number>();
  indices(sources: readonly Source[]): number[] {
    return [
      ...new Set(
        sources.map((s) => {
          const key = canonical(s);
          let i = this.index.get(key);
          if (i === undefined) {
            i = this.list.length;
            this.list.push(s);
            this.index.set(key, i);
          }
          return i;
        }),
      ),
    ];
  }
}

/**
 * The algorithms a finding carries, each use once. A cipher suite's algorithms are listed once per algorithm, not
 * once per suite: which suite holds which algorithm is in the finding's own facts (`protocol.cipherSuites`).
 */
function algorithmUses(f: Finding, keyOf: (ref: AlgorithmRef) => string): ReportAlgorithmUse[] {
  const seen = new Set<string>();
  const out: ReportAlgorithmUse[] = [];
  for (const a of findingAlgorithms(f)) {
    const algorithm = keyOf(a.ref);
    const via = a.use === 'cipher-suite' ? undefined : a.via;
    const key = canonical([a.use, via, algorithm]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ use: a.use, ...(via ? { via } : {}), algorithm });
  }
  return out;
}

function protocolFacts(p: ProtocolFacts, key: (ref: AlgorithmRef) => string, shared: Interner): ReportProtocolFacts {
  const { algorithms, ...rest } = p;
  return {
    ...rest,
    cipherSuites: shared.of(p.cipherSuites.map((s) => ({ ...s, algorithms: s.algorithms.map(key) }))),
    groups: shared.of(p.groups.map((g) => ({ ...g, algorithm: key(g.algorithm) }))),
    signatureAlgorithms: shared.of(p.signatureAlgorithms.map((g) => ({ ...g, algorithm: key(g.algorithm) }))),
    ...(algorithms ? { algorithms: shared.of(algorithms.map(key)) } : {}),
  };
}

const bare = (v: Verdict): ReportVerdict => ({
  quantum: v.quantum,
  classicallyWeak: v.classicallyWeak,
  reason: v.reason,
});

export function buildReport(inventory: Inventory, policy: Policy): Report {
  const scanTime = new Date(inventory.scannedAt);
  const sources = new SourceList();
  const policySources = sources.indices(policy.sources);
  const sorted = [...inventory.findings].sort(compareFindings);
  const ids = findingIds(sorted);

  // One entry per algorithm identity (an OID or unresolved expression seen with a known algorithm stays in the
  // finding's facts), keyed by the canonical name, made unique with a short hash where two identities share it.
  const refs = new Map<string, AlgorithmRef>();
  for (const f of sorted) {
    for (const a of findingAlgorithms(f)) {
      const key = algorithmIdentity(a.ref);
      if (!refs.has(key)) refs.set(key, identityRef(a.ref));
    }
  }
  const byName = new Map<string, string[]>();
  for (const [key, ref] of [...refs.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const name = describeAlgorithm(ref).name;
    byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  const keyOf = new Map<string, string>();
  const algorithms: Record<string, ReportAlgorithm> = {};
  for (const [name, keys] of [...byName.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const key of keys) {
      const ref = refs.get(key)!;
      const id = keys.length === 1 ? name : `${name}#${sha256Hex(key).slice(0, 8)}`;
      const { sources: descriptionSources, ...description } = describeAlgorithm(ref);
      const verdict = classify(ref, policy);
      keyOf.set(key, id);
      algorithms[id] = {
        ref,
        description,
        verdict: bare(verdict),
        sources: sources.indices([
          ...descriptionSources,
          ...verdict.sources.filter((s) => !policy.sources.includes(s)),
        ]),
      };
    }
  }

  const key = (ref: AlgorithmRef): string => keyOf.get(algorithmIdentity(ref))!;
  const files: Record<string, string> = {};
  // What the report builds per finding and many findings share (the same verdict, the same suites of a shared
  // TLS snippet) is held once: a large tree's report stays a small multiple of its inventory.
  const shared = new Interner();
  const findings = sorted.map((f): ReportFinding => {
    const exposure = f.kind === 'certificate' ? certificateExposure(f.certificate, policy, scanTime) : undefined;
    const { fileSha256, ...found } = f.evidence;
    if (fileSha256) files[found.path] = fileSha256;
    // Every detector redacts as it builds a snippet; this is the second line of defence for all renderers.
    const evidence = found.snippet ? { ...found, snippet: redactSnippet(found.snippet) } : found;
    return {
      id: ids.get(f)!,
      ...(f.kind === 'protocol' ? { ...f, protocol: protocolFacts(f.protocol, key, shared) } : f),
      evidence,
      algorithms: shared.of(algorithmUses(f, key)),
      verdict: shared.of(bare(findingVerdict(f, policy))),
      ...(exposure
        ? {
            exposure: shared.of({
              ...exposure,
              milestones: exposure.milestones.map((m) => ({ ...m, sources: sources.indices(m.sources) })),
            }),
          }
        : {}),
    };
  });
  const byVerdict = Object.fromEntries(VERDICT_ORDER.map((v) => [v, 0])) as Record<QuantumVerdict, number>;
  const byKind: Record<Finding['kind'], number> = { algorithm: 0, certificate: 0, key: 0, protocol: 0 };
  const weak: Record<string, number> = {};
  for (const f of findings) {
    byVerdict[f.verdict.quantum] += 1;
    byKind[f.kind] += 1;
    for (const flag of f.verdict.classicallyWeak) weak[flag] = (weak[flag] ?? 0) + 1;
  }
  const diagnostics = [...inventory.diagnostics].sort(compareDiagnostics);
  const bySeverity: Record<Diagnostic['severity'], number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) bySeverity[d.severity] += 1;
  return {
    tool: inventory.tool,
    scannedAt: inventory.scannedAt,
    policy: {
      id: policy.id,
      name: policy.name,
      version: policy.version,
      status: policy.status,
      sources: policySources,
    },
    roots: inventory.roots,
    summary: {
      findings: findings.length,
      byVerdict,
      byKind,
      classicallyWeak: Object.fromEntries(Object.entries(weak).sort(([a], [b]) => a.localeCompare(b))),
      diagnostics: bySeverity,
    },
    algorithms,
    sources: sources.list,
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))),
    libraries: [...(inventory.libraries ?? [])].sort(
      (a, b) => a.id.localeCompare(b.id) || a.root.localeCompare(b.root) || a.version.localeCompare(b.version),
    ),
    findings,
    diagnostics,
    stats: inventory.stats,
  };
}
