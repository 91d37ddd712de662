/**
 * The `--timings` block on standard error: one line per phase, milliseconds right-aligned, with how many times a
 * phase was timed when more than once (files read, results from a worker).
 */
interface TimingRow {
  readonly phase: string;
  readonly ms: number;
  readonly count: number;
}

export function timingsTable(rows: readonly TimingRow[]): string {
  const width = Math.max(5, ...rows.map((r) => r.phase.length));
  const ms = rows.map((r) => r.ms.toFixed(1));
  const msWidth = Math.max(2, ...ms.map((m) => m.length));
  const lines = rows.map(
    (r, i) => `  ${r.phase.padEnd(width)}  ${ms[i]!.padStart(msWidth)} ms${r.count > 1 ? `  (${r.count}×)` : ''}`,
  );
  return [
    'Timings (phases that overlap, such as reading ahead while workers parse, are not meant to add up):',
    ...lines,
    '',
  ].join('\n');
}
