/**
 * Triage marks on an inventory, before it is rendered: suppressions (inline `pqready-ignore` comments the scanner
 * read, and `suppress` entries of the configuration) and third-party folders. A suppressed finding is kept and
 * marked; a suppression that matches nothing, or that the scanner found malformed, is a warning of its own.
 */
import {
  type AlgorithmRef,
  classify,
  compareDiagnostics,
  type Diagnostic,
  describeAlgorithm,
  type Finding,
  findingAlgorithms,
  type Inventory,
  type Policy,
  type Suppression,
  type SuppressionDirective,
} from '@pqready/core';
import type { PathPatterns } from '@pqready/scanner';
import { ruleOfAlgorithm, weaknessRule } from '../sarif/rule-of.js';

/** A `suppress` entry of the configuration. */
export interface ConfiguredSuppression {
  readonly patterns: PathPatterns;
  readonly ids: readonly string[];
  readonly reason: string;
  /** `pqready.config.yaml:12 suppress[0]`. */
  readonly source: string;
}

interface TriageOptions {
  readonly policy: Policy;
  /** The absolute path of an evidence path (relative to its scan root), for matching configured patterns. */
  readonly absolutePath: (evidencePath: string) => string;
  readonly thirdParty?: PathPatterns;
  readonly suppress?: readonly ConfiguredSuppression[];
}

function* refsOf(ref: AlgorithmRef): Generator<AlgorithmRef> {
  yield ref;
  for (const part of ref.components ?? []) yield* refsOf(part);
}

/**
 * Every id a suppression may name to cover this finding: `all`, the detector and kind, the catalog id, family and
 * name of each algorithm it carries, their classical weaknesses, the rules they fall under, and protocol flags.
 */
export function suppressionIds(f: Finding, policy: Policy): Set<string> {
  const ids = new Set<string>(['all', '*', f.detector, f.kind]);
  for (const use of findingAlgorithms(f)) {
    for (const ref of refsOf(use.ref)) {
      const description = describeAlgorithm(ref);
      const verdict = classify(ref, policy);
      ids.add(ref.id);
      ids.add(description.name.toLowerCase());
      if (description.family) ids.add(description.family.toLowerCase());
      for (const flag of verdict.classicallyWeak) ids.add(flag).add(weaknessRule(flag));
      ids.add(ruleOfAlgorithm({ id: ref.id, description, verdict }));
    }
  }
  if (f.kind === 'protocol') {
    ids.add(f.protocol.type);
    for (const flag of f.protocol.flags ?? []) ids.add(flag);
  }
  return ids;
}

const names = (ids: Set<string>, targets: readonly string[]): boolean => targets.some((t) => ids.has(t.toLowerCase()));

/** The code of the diagnostic for a suppression that matched no finding. */
export const SUPPRESSION_UNUSED = 'suppression-unused';

export function applyTriage(inventory: Inventory, opts: TriageOptions): Inventory {
  const byPath = new Map<string, SuppressionDirective[]>();
  for (const d of inventory.directives ?? []) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  const used = new Set<SuppressionDirective | ConfiguredSuppression>();
  const configured = opts.suppress ?? [];

  const findings = inventory.findings.map((f): Finding => {
    const abs = opts.thirdParty?.empty === false || configured.length > 0 ? opts.absolutePath(f.evidence.path) : '';
    const thirdParty = opts.thirdParty?.empty === false && opts.thirdParty.matches(abs);
    let suppression: Suppression | undefined;
    const candidates = (byPath.get(f.evidence.path) ?? []).filter(
      (d) => f.evidence.line !== undefined && (d.line === f.evidence.line || d.line === f.evidence.line - 1),
    );
    if (candidates.length > 0 || configured.length > 0) {
      const ids = suppressionIds(f, opts.policy);
      // The comment on the finding's own line speaks first, then the one above, then the configuration.
      const inline = candidates.sort((a, b) => b.line - a.line).find((d) => names(ids, d.targets));
      if (inline) {
        used.add(inline);
        suppression = { targets: inline.targets, reason: inline.reason, source: `${inline.path}:${inline.line}` };
      } else {
        const entry = configured.find((c) => names(ids, c.ids) && c.patterns.matches(abs));
        if (entry) {
          used.add(entry);
          suppression = { targets: entry.ids, reason: entry.reason, source: entry.source };
        }
      }
    }
    return thirdParty || suppression
      ? { ...f, ...(thirdParty ? { thirdParty: true } : {}), ...(suppression ? { suppression } : {}) }
      : f;
  });

  const unused: Diagnostic[] = [
    ...(inventory.directives ?? [])
      .filter((d) => !used.has(d))
      .map(
        (d): Diagnostic => ({
          severity: 'warning',
          code: SUPPRESSION_UNUSED,
          message: `pqready-ignore ${d.targets.join(',')} matches no finding on this line or the next, so it suppresses nothing; check the id (rule ids: docs/rules/README.md; algorithm ids: docs/catalog.md).`,
          path: d.path,
          line: d.line,
          detector: 'suppression',
        }),
      ),
    ...configured
      .filter((c) => !used.has(c))
      .map(
        (c): Diagnostic => ({
          severity: 'warning',
          code: SUPPRESSION_UNUSED,
          message: `${c.source} (${c.ids.join(',')}) matches no finding, so it suppresses nothing; check its paths and ids.`,
          detector: 'suppression',
        }),
      ),
  ];
  return {
    ...inventory,
    findings,
    diagnostics:
      unused.length > 0 ? [...inventory.diagnostics, ...unused].sort(compareDiagnostics) : inventory.diagnostics,
  };
}
