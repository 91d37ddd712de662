/**
 * Plain-text rendering of a bench report for terminals: one aligned table per use case with the recommendation,
 * then host measurements (gateway/cloud side) and the numbered sources.
 */
import type { BenchReport } from '@pqready/benchmark';
import {
  budgetCell,
  bytesCell,
  hostCi,
  hostTail,
  hostValue,
  implCell,
  kibCell,
  num,
  sourceIndex,
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
    `Device: ${p.name}${report.device.id ? ` [${report.device.id}]` : ''} — ${p.core} @ ${p.clockMHz} MHz, RAM ${p.ramKiB} KiB, flash ${p.flashKiB} KiB, role ${p.role}`,
  );
  const d = report.model.memoryDerating;
  out.push(
    `Model: ${report.model.formula}; core basis ${report.model.core.basis}; memory derating ${d.point} (${d.low}–${d.high})`,
  );
  for (const u of report.useCases) {
    out.push('', `${u.title}`);
    const rows = [
      ['candidate', 'impl', 'time ms (range)', 'budget', 'stack KiB', 'code KiB', 'bytes', 'verdict', 'src'],
    ];
    for (const c of u.candidates) {
      rows.push([
        c.title,
        implCell(c),
        timeCell(c.timeMs),
        budgetCell(c.timeMs),
        kibCell(c.stackBytes),
        kibCell(c.codeBytes),
        bytesCell(c.wireBytes),
        verdictCell(c),
        refs(c),
      ]);
    }
    out.push(...table(rows).map((l) => `  ${l}`));
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
