/**
 * The terminal table: findings grouped by verdict (worst first), third-party code after the project's own, and
 * suppressed findings last; each group with its heading. It fits the terminal: on a wide one, four columns where
 * LOCATION loses the middle of its path (never the file name or the line number) and ALGORITHM and DETAIL wrap; below
 * `WIDE` columns, two lines per finding (location, then kind, algorithm and detail). A legend names every code shown,
 * and the diagnostics follow once.
 */
import { type QuantumVerdict, type Report, type ReportFinding, VERDICT_ORDER } from '@pqready/core';
import { terminalText } from './escape.js';
import { algorithmNames, detail, location } from './finding-summary.js';
import { legendFor } from './legend.js';

interface TableOptions {
  readonly color: boolean;
  /** Terminal columns; undefined: no limit (a pipe or a file). */
  readonly width?: number;
  /** Findings new against a baseline (by report index); marked `new` in DETAIL. */
  readonly fresh?: ReadonlySet<number>;
}

const SGR: Readonly<Record<QuantumVerdict | 'dim' | 'bold', string>> = {
  broken: '31',
  weakened: '33',
  unknown: '35',
  hybrid: '36',
  resistant: '32',
  'not-applicable': '2',
  dim: '2',
  bold: '1',
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Below this many columns the four columns leave too little room: one finding takes two lines instead. */
const WIDE = 110;

const HEADING: Readonly<Record<QuantumVerdict, string>> = {
  broken: 'a quantum computer breaks these',
  weakened: 'below the policy threshold',
  unknown: 'not judged: review by hand',
  hybrid: 'post-quantum + classical',
  resistant: 'quantum-resistant',
  'not-applicable': 'settings that name no algorithm: nothing to judge in them',
};

/** `src/…/deep/file.c:42:5`: the middle of the path goes first; the suffix `:line:col` always stays. */
export function elideMiddle(loc: string, width: number): string {
  if (loc.length <= width) return loc;
  const suffix = /(:\d+)+$/.exec(loc)?.[0] ?? '';
  const path = loc.slice(0, loc.length - suffix.length);
  const room = width - suffix.length - 1;
  if (room <= 0) return `…${suffix}`;
  // The file name is kept whole when it fits, then as much of the start of the path as room allows.
  const base = path.slice(path.lastIndexOf('/') + 1);
  const tail = Math.min(room, Math.max(room - Math.floor(room * 0.4), base.length + 1));
  return `${path.slice(0, room - tail)}…${path.slice(path.length - tail)}${suffix}`;
}

/** Word-wraps at spaces; a `·` separator stays at the end of its line; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  if (width <= 0 || text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text
    .replace(/ · /g, '\u0000· ')
    .split(' ')
    .map((w) => w.replace(/\u0000/g, ' '))) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

interface Row {
  readonly index: number;
  readonly finding: ReportFinding;
  readonly cells: readonly [string, string, string, string];
}

interface Group {
  readonly title: string;
  readonly verdict?: QuantumVerdict;
  readonly rows: readonly Row[];
}

function groups(rows: readonly Row[]): Group[] {
  const out: Group[] = [];
  const active = rows.filter((r) => !r.finding.suppression);
  for (const thirdParty of [false, true]) {
    for (const v of VERDICT_ORDER) {
      const list = active.filter(
        (r) => r.finding.verdict.quantum === v && (r.finding.thirdParty === true) === thirdParty,
      );
      if (list.length === 0) continue;
      const title = `${thirdParty ? 'THIRD-PARTY ' : ''}${v.toUpperCase()} (${list.length}) · ${HEADING[v]}`;
      out.push({ title, verdict: v, rows: list });
    }
  }
  const suppressed = rows.filter((r) => r.finding.suppression);
  if (suppressed.length > 0)
    out.push({ title: `SUPPRESSED (${suppressed.length}) · kept, not counted by the gate`, rows: suppressed });
  return out;
}

/** Column widths for the available width: natural widths when they fit, else LOCATION and ALGORITHM capped. */
function fit(natural: readonly number[], width: number | undefined): number[] {
  const [kind, alg, loc, det] = natural as [number, number, number, number];
  if (width === undefined) return [kind, alg, loc, det];
  const room = Math.max(30, width - 2 - 3 * 2 - kind);
  if (alg + loc + det <= room) return [kind, alg, loc, det];
  let l = Math.min(loc, Math.max(20, Math.floor(room * 0.45)));
  let a = Math.min(alg, Math.max(10, Math.floor(room * 0.25)));
  let d = room - l - a;
  if (d < 16) {
    const need = 16 - d;
    const fromLoc = Math.min(need, Math.max(0, l - 20));
    l -= fromLoc;
    a -= Math.min(need - fromLoc, Math.max(0, a - 10));
    d = room - l - a;
  }
  return [kind, a, l, Math.max(8, d)];
}

export function renderTable(report: Report, opts: TableOptions): string {
  const paint = (code: string, text: string) => (opts.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const rows: Row[] = report.findings.map((f, index) => {
    const text = [detail(f), opts.fresh?.has(index) ? 'new' : ''].filter(Boolean).join(' · ');
    const cells = [
      f.kind,
      terminalText(algorithmNames(report, f)),
      terminalText(location(f)),
      terminalText(text),
    ] as const;
    return { index, finding: f, cells };
  });
  const header = ['KIND', 'ALGORITHM', 'LOCATION', 'DETAIL'] as const;
  const natural = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const widths = fit(natural, opts.width);
  const line = (cells: readonly string[]): string[] => {
    const alg = wrap(cells[1]!, widths[1]!);
    const det = wrap(cells[3]!, widths[3]!);
    const height = Math.max(alg.length, det.length);
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      const parts = [
        (i === 0 ? cells[0]! : '').padEnd(widths[0]!),
        (alg[i] ?? '').padEnd(widths[1]!),
        (i === 0 ? elideMiddle(cells[2]!, widths[2]!) : '').padEnd(widths[2]!),
        det[i] ?? '',
      ];
      out.push(`  ${parts.join('  ')}`.trimEnd());
    }
    return out;
  };

  const s = report.summary;
  const suppressed = report.findings.filter((f) => f.suppression).length;
  const thirdParty = report.findings.filter((f) => f.thirdParty).length;
  const ignored = report.stats.pathsIgnored;
  const out: string[] = [
    `pqready ${report.tool.version} · policy ${report.policy.id} · ${plural(s.findings, 'finding')} in ${plural(report.stats.filesScanned, 'file')}${ignored ? ` (${plural(ignored, 'path')} ignored)` : ''}`,
    [
      ...VERDICT_ORDER.map((v) => paint(SGR[v], `${v} ${s.byVerdict[v]}`)),
      ...(thirdParty ? [`third-party ${thirdParty}`] : []),
      ...(suppressed ? [`suppressed ${suppressed}`] : []),
    ].join(' · '),
  ];
  const narrow = opts.width !== undefined && opts.width < WIDE;
  const block = (cells: readonly string[]): string[] => {
    const indent = '      ';
    const body = wrap(`${cells[0]}  ${cells[1] ? `${cells[1]} · ` : ''}${cells[3]}`, opts.width! - indent.length);
    return [`  ${elideMiddle(cells[2]!, opts.width! - 2)}`, ...body.map((l) => `${indent}${l}`)];
  };
  for (const group of groups(rows)) {
    out.push('', paint(group.verdict ? `${SGR.bold};${SGR[group.verdict]}` : SGR.dim, group.title));
    if (!narrow) out.push(paint(SGR.dim, line(header).join('\n')));
    for (const row of group.rows) {
      const text = (narrow ? block(row.cells) : line(row.cells)).join('\n');
      out.push(row.finding.suppression ? paint(SGR.dim, text) : text);
    }
  }
  const legend = legendFor(report.findings);
  if (legend.length > 0) {
    out.push('', 'Legend:');
    const key = Math.max(...legend.map(([code]) => code.length));
    for (const [code, meaning] of legend) {
      const lines = wrap(terminalText(meaning), opts.width === undefined ? 0 : Math.max(20, opts.width - key - 4));
      lines.forEach((l, i) => {
        out.push(`  ${(i === 0 ? code : '').padEnd(key)}  ${l}`);
      });
    }
  }
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  const info = report.diagnostics.length - problems.length;
  const notes = info ? `${info} note${info === 1 ? '' : 's'} (--format json lists them)` : '';
  if (problems.length > 0) {
    out.push('', `${problems.length} diagnostic${problems.length === 1 ? '' : 's'}${notes ? `, and ${notes}` : ''}:`);
    for (const d of problems) {
      out.push(
        `  ${paint(d.severity === 'error' ? '31' : '33', d.severity.padEnd(7))} ${terminalText(d.path ?? '')}${d.line ? `:${d.line}` : ''}  ${terminalText(d.message)} [${d.code}]`,
      );
    }
  } else if (notes) {
    out.push('', `No warnings or errors; ${notes}.`);
  }
  // A long table scrolls its heading away: the counts once more, last.
  if (rows.length > 20) out.push('', out[1]!);
  return `${out.join('\n')}\n`;
}
