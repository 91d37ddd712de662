/**
 * Markdown rendering of a bench report: a section per use case with its budgets (marked illustrative for catalog
 * devices), fit table, signing tails and recommendation; core factors with their evidence; host measurements
 * labelled as gateway/cloud-side; device field sources; numbered references.
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

const esc = (s: string) => s.replace(/\|/g, '\\|');
const row = (cells: string[]) => `| ${cells.map(esc).join(' | ')} |`;

export function renderBenchMarkdown(report: BenchReport): string {
  const p = report.device.profile;
  const { list, refs } = sourceIndex(report);
  const out: string[] = [`# PQC fit report: ${esc(report.device.name)}`, ''];
  out.push(
    `- Core: ${p.core} @ ${p.clockMHz} MHz${p.ramKiB !== undefined ? `; RAM ${p.ramKiB} KiB` : ''}${p.flashKiB !== undefined ? `; flash ${p.flashKiB} KiB` : ''}${p.role ? `; role ${p.role}` : ''}`,
  );
  if (report.device.id) out.push(`- Catalog device: \`${report.device.id}\` (${esc(report.device.part ?? '')})`);
  if (report.device.illustrativeBudgets)
    out.push('- **Illustrative budgets**: pqready defaults for the role, not product requirements; use `--profile`.');
  const d = report.model.memoryDerating;
  out.push(`- Model: ${esc(report.model.formula)}`, `- Memory derating ${d.point} (${d.low}–${d.high})`);
  out.push('', '## Core factors', '', row(['Family', 'Factor', 'Evidence', 'Weakness', 'Basis']));
  out.push(row(['---', '---:', '---', '---', '---']));
  for (const [fam, f] of Object.entries(report.model.core.factors))
    out.push(row([fam, `${f.range.point} (${f.range.low}–${f.range.high})`, f.evidence, f.weakness, f.basis]));
  for (const u of report.useCases) {
    out.push('', `## ${u.title}`, '', budgetLine(report, u), '');
    out.push(
      row(['Candidate', 'Cat.', 'Impl', 'Time ms (range)', 'RAM KiB', 'Code KiB', 'Wire B', 'Verdict', 'Sources']),
    );
    out.push(row(['---', '---', '---', '---:', '---:', '---:', '---:', '---', '---']));
    for (const c of u.candidates) {
      out.push(
        row([
          c.title,
          categoryCell(c),
          implCell(c),
          timeCell(c.timeMs),
          kibCell(c.ramBytes),
          kibCell(c.codeBytes),
          bytesCell(c),
          verdictCell(c),
          refs(c),
        ]),
      );
    }
    const tails = tailLines(u);
    if (tails.length) out.push('', ...tails.map((t) => `- ${esc(t)}`));
    out.push('', `**Recommendation:** ${esc(u.recommendation.reason)}`);
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
  out.push('', '## Notes', '', ...report.notes.map((n) => `- ${esc(n)}`));
  out.push('', '## Sources', '', ...list.map((s) => `- ${esc(s)}`), '');
  return out.join('\n');
}
