/**
 * Plain-text rendering of a bench report for terminals: one aligned table per use case with its budgets (marked
 * illustrative for catalog devices), the recommendation and signing tails, then host measurements (gateway/cloud
 * side) and the numbered sources.
 */
import type { BenchReport } from '@pqready/benchmark';
import {
  budgetLine,
  bytesCell,
  categoryCell,
  hostCi,
  hostTail,
  hostValue,
  implCell,
  kibCell,
  num,
  sourceIndex,
  tailLines,
  timeCell,
  verdictCell,
} from './bench-format.js';

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

export function renderBenchTable(report: BenchReport): string {
  const p = report.device.profile;
  const { list, refs } = sourceIndex(report);
  const out: string[] = [];
  out.push(
    `Device: ${report.device.name}${report.device.id ? ` [${report.device.id}]` : ''} — ${p.core} @ ${p.clockMHz} MHz${p.ramKiB !== undefined ? `, RAM ${p.ramKiB} KiB` : ''}${p.flashKiB !== undefined ? `, flash ${p.flashKiB} KiB` : ''}${p.role ? `, role ${p.role}` : ''}`,
  );
  const d = report.model.memoryDerating;
  out.push(`Model: ${report.model.formula}; memory derating ${d.point} (${d.low}–${d.high})`);
  if (report.device.illustrativeBudgets)
    out.push(
      'Budgets are illustrative budgets (pqready defaults for the role), not product requirements: use --profile.',
    );
  for (const u of report.useCases) {
    out.push('', `${u.title}`, `  ${budgetLine(report, u)}`);
    const rows = [['candidate', 'cat', 'impl', 'time ms (range)', 'RAM KiB', 'code KiB', 'wire B', 'verdict', 'src']];
    for (const c of u.candidates) {
      rows.push([
        c.title,
        categoryCell(c),
        implCell(c),
        timeCell(c.timeMs),
        kibCell(c.ramBytes),
        kibCell(c.codeBytes),
        bytesCell(c),
        verdictCell(c),
        refs(c),
      ]);
    }
    out.push(...table(rows).map((l) => `  ${l}`));
    for (const t of tailLines(u)) out.push(`  ${t}`);
    out.push(`  → ${u.recommendation.reason}`);
  }
  if (report.host) {
    const h = report.host;
    out.push('', `Host measurements (${h.mode}) — ${h.disclaimer}`);
    out.push(
      `  ${Object.entries(h.environment)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    out.push(
      `  ${h.method.processes} fresh processes × ${h.method.batchesPerProcess} batches ≥ ${h.method.minBatchMs} ms, warm-up ${h.method.warmupMs} ms`,
    );
    const rows = [['operation', 'backend', 'median', '95% CI', 'disp.', 'tail', '']];
    for (const m of h.measurements) {
      rows.push([
        m.id,
        m.backend,
        hostValue(m),
        hostCi(m),
        `${num(m.dispersionPct)} %`,
        hostTail(m),
        m.noisy ? 'NOISY' : '',
      ]);
    }
    out.push(...table(rows).map((l) => `  ${l}`));
    const bad = h.sizes.filter((s) => !s.ok);
    out.push(
      `  Sizes checked against FIPS 203/204/205: ${h.sizes.length - bad.length}/${h.sizes.length} match${bad.length ? `; MISMATCH: ${bad.map((s) => `${s.scheme} ${s.field} ${s.actual}≠${s.expected}`).join(', ')}` : ''}`,
    );
    for (const n of h.notes) out.push(`  note: ${n}`);
  }
  out.push('', 'Notes:', ...report.notes.map((n) => `  ${n}`));
  out.push('', 'Sources:', ...list.map((s) => `  ${s}`));
  return `${out.join('\n')}\n`;
}
