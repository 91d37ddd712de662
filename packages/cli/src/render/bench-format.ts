/**
 * Shared cell formatting for the bench table and Markdown renderers: numbers with sensible precision, ranges,
 * verdicts that name the failing budget with its numbers, budget lines (marked illustrative for catalog devices),
 * signing-tail lines, and a numbered source list so every figure in a rendered report can be traced.
 */
import type { BenchReport, CandidateFit, Dimension, HostMeasurement, UseCaseFit } from '@pqready/benchmark';

export const num = (v: number): string =>
  v >= 1000 ? Math.round(v).toLocaleString('en-US') : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);

export const timeCell = (d: Dimension): string =>
  d.value ? `${num(d.value.point)} (${num(d.value.low)}–${num(d.value.high)})` : '—';

export const kibCell = (d: Dimension): string => {
  if (!d.value) return 'n/a';
  const lo = d.value.point / 1024;
  const hi = d.value.high / 1024;
  return hi > lo + 0.05 ? `${lo.toFixed(1)}–${hi.toFixed(1)}` : lo.toFixed(1);
};

export const bytesCell = (c: CandidateFit): string => {
  const d = c.wireBytes;
  if (!d.value) return '—';
  const frames = c.wire?.frames !== undefined ? ` (${c.wire.frames} fr)` : '';
  return `${Math.round(d.value.point).toLocaleString('en-US')}${frames}`;
};

const VERDICT_LABEL: Record<string, string> = {
  fits: 'fits',
  tight: 'tight',
  'does-not-fit': 'does not fit',
  'no-budget': 'no budget',
  unknown: 'unknown',
};

/** The verdict and, when it is not a plain fit, which budgets with which numbers. */
export const verdictCell = (c: CandidateFit): string => {
  const label = VERDICT_LABEL[c.verdict] ?? c.verdict;
  if (c.verdict === 'fits') {
    const h = c.timeMs.headroom;
    return h === undefined ? label : `${label} (headroom ${Math.round(h * 100)} %)`;
  }
  return c.why.length ? `${label}: ${c.why.join('; ')}` : label;
};

export const implCell = (c: CandidateFit): string =>
  c.basis === 'measured'
    ? 'measured'
    : `${c.impl ?? ''}${c.basis === 'mixed' ? ' + measured' : c.basis === 'derived' ? ' (derived)' : ''}`;

export const categoryCell = (c: CandidateFit): string =>
  c.category !== undefined ? `${c.category}${c.categoryNote ? '*' : ''}` : c.quantumSafe ? '—' : 'classical';

/** "Budgets: time ≤ 500 ms (budgets.bootVerifyMs) · RAM ≤ 16 KiB · …", marked illustrative for catalog devices. */
export function budgetLine(report: BenchReport, u: UseCaseFit): string {
  const c = u.candidates[0];
  if (!c) return '';
  const parts: string[] = [];
  const d = (x: Dimension, fmt: (v: number) => string, label: string) => {
    if (x.budget !== undefined) parts.push(`${label} ≤ ${fmt(x.budget)} (${x.budgetName ?? ''})`);
  };
  d(c.timeMs, (v) => `${num(v)} ms`, 'time');
  d(c.ramBytes, (v) => `${num(v / 1024)} KiB`, 'RAM');
  d(c.codeBytes, (v) => `${num(v / 1024)} KiB`, 'code');
  d(c.wireBytes, (v) => `${Math.round(v).toLocaleString('en-US')} B`, 'wire');
  if (parts.length === 0) return 'Budgets: none given (verdicts are "no budget")';
  const tag = report.device.illustrativeBudgets
    ? ' — illustrative budgets (pqready defaults for the role, not product requirements)'
    : '';
  return `Budgets: ${parts.join(' · ')}${tag}`;
}

/** ML-DSA signing tails: percentiles and the chance of overrunning the budget. */
export function tailLines(u: UseCaseFit): string[] {
  return u.candidates
    .filter((c) => c.signTail)
    .map((c) => {
      const t = c.signTail!;
      const p = t.exceedProbability;
      const over = p === undefined ? '' : `; P(over budget) ${p < 1e-5 ? '< 0.001' : (p * 100).toPrecision(2)} %`;
      return `${c.title} (${c.impl ?? 'measured'}) signing: p50 ${num(t.p50Ms.point)} / p99 ${num(t.p99Ms.point)} / p99.9 ${num(t.p999Ms.point)} ms (${t.expectedIterations} attempts on average; judged at p${t.percentile})${over}`;
    });
}

/** Numbers each distinct source once, in order of first use. */
export function sourceIndex(report: BenchReport): { list: string[]; refs: (c: CandidateFit) => string } {
  const ids = new Map<string, number>();
  for (const u of report.useCases) {
    for (const c of u.candidates) {
      for (const s of c.sources) {
        const key = s.url ? `${s.title} — ${s.url}` : s.title;
        if (!ids.has(key)) ids.set(key, ids.size + 1);
      }
    }
  }
  return {
    list: [...ids.keys()].map((k, i) => `[${i + 1}] ${k}`),
    refs: (c) =>
      [...new Set(c.sources.map((s) => ids.get(s.url ? `${s.title} — ${s.url}` : s.title)))]
        .sort((a, b) => (a ?? 0) - (b ?? 0))
        .join(','),
  };
}

export const hostValue = (m: HostMeasurement): string =>
  m.unit === 'MB/s' ? `${num(m.median)} MB/s` : m.median >= 1000 ? `${num(m.median / 1000)} ms` : `${num(m.median)} µs`;

export const hostCi = (m: HostMeasurement): string => {
  const f = (v: number) => (m.unit === 'MB/s' ? num(v) : m.median >= 1000 ? num(v / 1000) : num(v));
  return `${f(m.ci95.low)}–${f(m.ci95.high)}${m.ci95.exact ? '' : ' (range)'}`;
};

export const hostTail = (m: HostMeasurement): string =>
  m.tail
    ? `mean ${num(m.tail.meanUs / 1000)} / p99 ${num(m.tail.p99Us / 1000)} / max ${num(m.tail.maxUs / 1000)} ms`
    : '';
