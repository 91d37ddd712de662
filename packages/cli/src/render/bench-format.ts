/**
 * Shared cell formatting for the bench table and Markdown renderers: numbers with sensible precision, ranges,
 * verdict labels, and a numbered source list so every figure in a rendered report can be traced.
 */
import type { BenchReport, CandidateFit, Dimension, HostMeasurement } from '@pqready/benchmark';

export const num = (v: number): string =>
  v >= 1000 ? Math.round(v).toLocaleString('en-US') : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);

export const timeCell = (d: Dimension): string =>
  d.value ? `${num(d.value.point)} (${num(d.value.low)}–${num(d.value.high)})` : '—';

export const budgetCell = (d: Dimension, unit = ''): string =>
  d.budget === undefined ? '—' : `${num(d.budget)}${unit}`;

export const kibCell = (d: Dimension): string => {
  if (!d.value) return 'n/a';
  const lo = d.value.point / 1024;
  const hi = d.value.high / 1024;
  return hi > lo ? `${lo.toFixed(1)}–${hi.toFixed(1)}` : lo.toFixed(1);
};

export const bytesCell = (d: Dimension): string => (d.value ? Math.round(d.value.point).toLocaleString('en-US') : '—');

export const VERDICT_LABEL: Record<string, string> = {
  fits: 'fits',
  tight: 'tight',
  'does-not-fit': 'does not fit',
  'no-budget': 'no budget',
  unavailable: 'no data',
};

export const verdictCell = (c: CandidateFit): string => {
  const worst = (['timeMs', 'stackBytes', 'codeBytes', 'wireBytes'] as const).filter(
    (k) => c[k].verdict === 'does-not-fit' || c[k].verdict === 'tight',
  );
  const why = worst.length
    ? ` (${worst.map((k) => ({ timeMs: 'time', stackBytes: 'stack', codeBytes: 'code', wireBytes: 'bytes' })[k]).join(', ')})`
    : '';
  return `${VERDICT_LABEL[c.verdict] ?? c.verdict}${why}`;
};

export const implCell = (c: CandidateFit): string =>
  c.basis === 'measured' ? 'measured' : `${c.impl ?? ''}${c.basis === 'mixed' ? ' + measured' : ''}`;

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
