/**
 * The gate's verdict on a report: which findings match `--fail-on`, leaving out suppressed findings and, with a
 * baseline, findings the baseline already had and the gate already matched there.
 */
import type { Report } from '@pqready/core';
import { newAgainstBaseline } from '../diff/compare.js';
import { type DiffEntry, entriesOfReport } from '../diff/entries.js';
import { algorithmNames, location } from '../render/finding-summary.js';
import { parseGates } from './gate.js';

export interface GateOutcome {
  readonly expressions: readonly string[];
  readonly failed: boolean;
  /** Ids of the findings that make the gate fail. */
  readonly matching: readonly string[];
  readonly suppressed: number;
  readonly baseline?: { readonly file: string; readonly new: number; readonly known: number };
}

/**
 * Indices of the report's findings that are new against the baseline (all of them without one); with a gate, a
 * finding the baseline had counts as new only when the gate matches it and did not match it there.
 */
export function freshFindings(
  report: Report,
  baseline: readonly DiffEntry[] | undefined,
  expressions: readonly string[] = [],
): Set<number> {
  if (!baseline) return new Set(report.findings.map((_, i) => i));
  return newAgainstBaseline(baseline, entriesOfReport(report), parseGates(expressions));
}

export function judgeGate(
  report: Report,
  expressions: readonly string[],
  fresh: ReadonlySet<number>,
  baseline?: { readonly file: string },
): GateOutcome | undefined {
  const test = parseGates(expressions);
  if (!test) return undefined;
  const entries = entriesOfReport(report);
  const matching: string[] = [];
  let suppressed = 0;
  report.findings.forEach((f, i) => {
    if (!fresh.has(i) || !test(entries[i]!.gate)) return;
    if (f.suppression) suppressed++;
    else matching.push(f.id);
  });
  return {
    expressions,
    failed: matching.length > 0,
    matching,
    suppressed,
    ...(baseline
      ? { baseline: { file: baseline.file, new: fresh.size, known: report.findings.length - fresh.size } }
      : {}),
  };
}

/** One line for people: what failed, how many, and the first one. */
export function gateSummary(report: Report, outcome: GateOutcome): string {
  const expr = outcome.expressions.map((e) => `"${e}"`).join(' or ');
  const notCounted = [
    outcome.suppressed ? `${outcome.suppressed} suppressed` : '',
    outcome.baseline ? `${outcome.baseline.known} in the baseline` : '',
  ].filter(Boolean);
  const aside = notCounted.length ? ` (not counted: ${notCounted.join(', ')})` : '';
  if (!outcome.failed)
    return `Gate passed: no${outcome.baseline ? ' new' : ''} finding matches --fail-on ${expr}${aside}.`;
  const first = report.findings.find((f) => f.id === outcome.matching[0]);
  const what = first
    ? `; first: ${location(first)} ${algorithmNames(report, first, 2)} (${first.verdict.quantum})`
    : '';
  const n = outcome.matching.length;
  return `Gate failed: ${n}${outcome.baseline ? ' new' : ''} finding${n === 1 ? ' matches' : 's match'} --fail-on ${expr}${what}${aside}.`;
}
