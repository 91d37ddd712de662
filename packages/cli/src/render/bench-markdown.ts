/**
 * Markdown rendering of a bench report: a section per use case with its fit table and recommendation, host
 * measurements labelled as gateway/cloud-side, device field sources, and numbered references.
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

const esc = (s: string) => s.replace(/\|/g, '\\|');
const row = (cells: string[]) => `| ${cells.map(esc).join(' | ')} |`;

export function renderBenchMarkdown(report: BenchReport): string {
  const p = report.device.profile;
  const { list, refs } = sourceIndex(report);
  const out: string[] = [`# PQC fit report: ${esc(p.name)}`, ''];
  out.push(`- Core: ${p.core} @ ${p.clockMHz} MHz; RAM ${p.ramKiB} KiB; flash ${p.flashKiB} KiB; role ${p.role}`);
  if (report.device.id) out.push(`- Catalog device: \`${report.device.id}\` (${esc(report.device.part ?? '')})`);
  const d = report.model.memoryDerating;
  out.push(
    `- Model: ${report.model.formula}`,
    `- Core factor basis: ${report.model.core.basis} (${esc(report.model.core.source.title)}); memory derating ${d.point} (${d.low}–${d.high})`,
  );
  for (const u of report.useCases) {
    out.push('', `## ${u.title}`, '');
    out.push(
      row([
        'Candidate',
        'Impl',
        'Time ms (range)',
        'Budget ms',
        'Stack KiB',
        'Code KiB',
        'Bytes',
        'Verdict',
        'Sources',
      ]),
    );
    out.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---', '---']));
    for (const c of u.candidates) {
      out.push(
        row([
          c.title,
          implCell(c),
          timeCell(c.timeMs),
          budgetCell(c.timeMs),
          kibCell(c.stackBytes),
          kibCell(c.codeBytes),
          bytesCell(c.wireBytes),
          verdictCell(c),
          refs(c),
        ]),
      );
    }
    out.push('', `**Recommendation:** ${u.recommendation.reason}`);
  }
  if (report.host) {
    const h = report.host;
    out.push('', `## Host measurements (${h.mode})`, '', `> ${h.disclaimer}`, '');
    out.push(
      `Environment: ${Object.entries(h.environment)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
      '',
    );
    out.push(row(['Operation', 'Backend', 'Median', '95% CI', 'Dispersion', 'Tail (ML-DSA sign)', 'Noisy']));
    out.push(row(['---', '---', '---:', '---:', '---:', '---', '---']));
    for (const m of h.measurements)
      out.push(
        row([m.id, m.backend, hostValue(m), hostCi(m), `${num(m.dispersionPct)} %`, hostTail(m), m.noisy ? 'yes' : '']),
      );
    const bad = h.sizes.filter((s) => !s.ok);
    out.push(
      '',
      `Sizes from real outputs checked against FIPS 203/204/205: ${h.sizes.length - bad.length}/${h.sizes.length} match.`,
    );
    for (const n of h.notes) out.push(`- ${esc(n)}`);
  }
  out.push('', '## Device field sources', '');
  for (const [k, s] of Object.entries(report.device.sources).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`- \`${k}\`: ${esc(s.title)}${s.url ? ` (${esc(s.url)})` : ''}`);
  }
  out.push('', '## Notes', '', ...report.notes.map((n) => `- ${n}`));
  out.push('', '## Sources', '', ...list.map((s) => `- ${esc(s)}`), '');
  return out.join('\n');
}
