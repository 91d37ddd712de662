/**
 * The JSON report behind `--format json`: the inventory's facts with, for every finding, the description of each
 * algorithm it carries and its verdict under the chosen policy. Deterministic: findings and diagnostics sorted.
 */

import { describeAlgorithm } from '../catalog/describe.js';
import type { AlgorithmDescription, QuantumVerdict, Verdict } from '../catalog/types.js';
import type { AlgorithmRef, Diagnostic, Finding, Inventory } from '../model/finding.js';
import { compareDiagnostics, compareFindings } from '../model/order.js';
import { classify } from '../policy/classify.js';
import { type CertificateExposure, certificateExposure } from '../policy/exposure.js';
import { type AlgorithmUse, findingAlgorithms, findingVerdict } from '../policy/finding-verdict.js';
import type { Policy } from '../policy/types.js';

export interface ReportAlgorithm {
  readonly use: AlgorithmUse;
  readonly via?: string;
  readonly ref: AlgorithmRef;
  readonly description: AlgorithmDescription;
  readonly verdict: Verdict;
}

export type ReportFinding = Finding & {
  readonly algorithms: readonly ReportAlgorithm[];
  readonly verdict: Verdict;
  readonly exposure?: CertificateExposure;
};

export interface Report {
  readonly tool: Inventory['tool'];
  readonly scannedAt: string;
  readonly policy: { readonly id: string; readonly name: string; readonly version: string; readonly status: string };
  readonly roots: readonly string[];
  readonly summary: {
    readonly findings: number;
    readonly byVerdict: Readonly<Record<QuantumVerdict, number>>;
    readonly byKind: Readonly<Record<Finding['kind'], number>>;
    readonly classicallyWeak: Readonly<Record<string, number>>;
    readonly diagnostics: Readonly<Record<Diagnostic['severity'], number>>;
  };
  readonly findings: readonly ReportFinding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: Inventory['stats'];
}

export function buildReport(inventory: Inventory, policy: Policy): Report {
  const scanTime = new Date(inventory.scannedAt);
  const findings = [...inventory.findings].sort(compareFindings).map((f): ReportFinding => {
    const exposure = f.kind === 'certificate' ? certificateExposure(f.certificate, policy, scanTime) : undefined;
    return {
      ...f,
      algorithms: findingAlgorithms(f).map((a) => ({
        use: a.use,
        ...(a.via ? { via: a.via } : {}),
        ref: a.ref,
        description: describeAlgorithm(a.ref),
        verdict: classify(a.ref, policy),
      })),
      verdict: findingVerdict(f, policy),
      ...(exposure ? { exposure } : {}),
    };
  });
  const byVerdict: Record<QuantumVerdict, number> = { broken: 0, weakened: 0, hybrid: 0, resistant: 0, unknown: 0 };
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
    policy: { id: policy.id, name: policy.name, version: policy.version, status: policy.status },
    roots: inventory.roots,
    summary: {
      findings: findings.length,
      byVerdict,
      byKind,
      classicallyWeak: Object.fromEntries(Object.entries(weak).sort(([a], [b]) => a.localeCompare(b))),
      diagnostics: bySeverity,
    },
    findings,
    diagnostics,
    stats: inventory.stats,
  };
}
