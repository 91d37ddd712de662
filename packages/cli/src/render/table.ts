/**
 * The terminal table: one row per finding, worst verdict first, then diagnostics.
 */
import { type QuantumVerdict, type Report, VERDICT_ORDER } from '@pqready/core';
import { algorithmNames, detail, location } from './finding-summary.js';

const COLOR: Readonly<Record<QuantumVerdict, string>> = {
  broken: '\x1b[31m',
  weakened: '\x1b[33m',
  unknown: '\x1b[35m',
  hybrid: '\x1b[36m',
  resistant: '\x1b[32m',
  'not-applicable': '\x1b[2m',
};
const MAX_CELL = 60;

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

export function renderTable(report: Report, opts: { readonly color: boolean }): string {
  const rows = [...report.findings]
    .map((f) => ({ f, rank: VERDICT_ORDER.indexOf(f.verdict.quantum) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ f }) => [f.verdict.quantum, f.kind, algorithmNames(report, f), location(f), detail(f)]);
  const header = ['VERDICT', 'KIND', 'ALGORITHM', 'LOCATION', 'DETAIL'];
  const widths = header.map((h, i) => Math.min(MAX_CELL, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: readonly string[], verdict?: QuantumVerdict): string => {
    const text = cells
      .map((c, i) => (i === cells.length - 1 ? c : clip(c, widths[i]!).padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
    return opts.color && verdict ? `${COLOR[verdict]}${text}\x1b[0m` : text;
  };
  const s = report.summary;
  const out = [
    `pqready ${report.tool.version} · policy ${report.policy.id} · ${s.findings} findings in ${report.stats.filesScanned} files`,
    VERDICT_ORDER.map((v) => `${v} ${s.byVerdict[v]}`).join(' · '),
    '',
    line(header),
    ...rows.map((r) => line(r, r[0] as QuantumVerdict)),
  ];
  if (report.diagnostics.length > 0) {
    out.push('', `${report.diagnostics.length} diagnostics:`);
    for (const d of report.diagnostics) {
      out.push(`  ${d.severity.padEnd(7)} ${d.path ?? ''}${d.line ? `:${d.line}` : ''}  ${d.message} [${d.code}]`);
    }
  }
  return `${out.join('\n')}\n`;
}
