/**
 * The Markdown report: a summary a reviewer can paste into a submission, then every finding
 * grouped by verdict with its evidence, then diagnostics.
 */
import { type QuantumVerdict, type Report, type ReportFinding, VERDICT_ORDER } from '@pqready/core';
import { mdCode, mdText } from './escape.js';
import { algorithmNames, detail, location } from './finding-summary.js';
import { legendFor } from './legend.js';

const TITLE: Readonly<Record<QuantumVerdict, string>> = {
  broken: 'Broken by a quantum computer',
  weakened: 'Weakened below the policy threshold',
  unknown: 'Unknown',
  hybrid: 'Hybrid (post-quantum + classical)',
  resistant: 'Quantum-resistant',
  'not-applicable': 'Not applicable: settings that name no algorithm',
};

/** Lines are handed on in batches of about this many. */
const BATCH_LINES = 2000;

export function renderMarkdown(report: Report): string {
  return [...markdownChunks(report)].join('');
}

/** `renderMarkdown` as a stream of chunks of whole lines, never one string of the whole report. */
export function* markdownChunks(report: Report): Generator<string> {
  const s = report.summary;
  let out: string[] = [
    '# Cryptography inventory',
    '',
    `Scanned ${report.roots.map((r) => mdCode(r, false)).join(', ')} at ${report.scannedAt} with pqready ${mdText(report.tool.version)}.`,
    `Policy: **${mdText(report.policy.name)}** (${mdCode(report.policy.id, false)}, version ${mdText(report.policy.version)}).`,
    '',
    '| Verdict | Findings |',
    '| --- | ---: |',
    ...VERDICT_ORDER.map((v) => `| ${v} | ${s.byVerdict[v]} |`),
    `| **total** | **${s.findings}** |`,
    '',
    `Files scanned: ${report.stats.filesScanned}; skipped: ${report.stats.filesSkipped}; diagnostics: ${report.diagnostics.length}.`,
  ];
  const weak = Object.entries(s.classicallyWeak);
  if (weak.length) out.push('', `Classically weak: ${weak.map(([k, n]) => `${k} (${n})`).join(', ')}.`);
  for (const verdict of VERDICT_ORDER) {
    const group = report.findings.filter((f: ReportFinding) => f.verdict.quantum === verdict);
    if (group.length === 0) continue;
    out.push(
      '',
      `## ${TITLE[verdict]} (${group.length})`,
      '',
      '| Kind | Algorithm | Location | Detail | Why |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const f of group) {
      out.push(
        `| ${f.kind} | ${mdText(algorithmNames(report, f, 8))} | ${mdCode(location(f))} | ${mdText(detail(f))} | ${mdText(f.verdict.reason)} |`,
      );
      // Each batch is its lines joined and ended by a newline: the batches put together are the whole text.
      if (out.length >= BATCH_LINES) {
        yield `${out.join('\n')}\n`;
        out = [];
      }
    }
  }
  const legend = legendFor(report.findings);
  if (legend.length) {
    out.push('', '## Legend', '', '| Code | Meaning |', '| --- | --- |');
    for (const [code, meaning] of legend) out.push(`| ${mdCode(code)} | ${mdText(meaning)} |`);
  }
  if (report.diagnostics.length) {
    out.push(
      '',
      `## Diagnostics (${report.diagnostics.length})`,
      '',
      '| Severity | Location | Message | Code |',
      '| --- | --- | --- | --- |',
    );
    for (const d of report.diagnostics) {
      out.push(
        `| ${d.severity} | ${mdCode(`${d.path ?? ''}${d.line ? `:${d.line}` : ''}`)} | ${mdText(d.message)} | ${d.code} |`,
      );
    }
  }
  if (out.length > 0) yield `${out.join('\n')}\n`;
}
