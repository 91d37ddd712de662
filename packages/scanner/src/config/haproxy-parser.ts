/**
 * HAProxy configuration grammar (src/cfgparse.c parse_cfg / parse_line): one keyword and its arguments per line,
 * sections opened by a section keyword at any indentation (`global`, `defaults`, `frontend`, `backend`,
 * `listen` …) and lasting until the next one, `#` comments outside quotes, double quotes (backslash escapes,
 * `${VAR}` kept literally), single quotes (verbatim), backslash escapes outside quotes, and the conditional
 * blocks `.if` / `.elif` / `.else` / `.endif` (2.4+), evaluated for `defined(NAME)` and constants.
 * HAProxy has no line continuations and no include directive (files are given with -f).
 */
import type { ParseProblem } from './nginx-parser.js';

export interface HaproxyLine {
  readonly keyword: string;
  readonly args: readonly string[];
  readonly line: number;
}

export interface HaproxySection {
  /** `global`, `defaults`, `frontend`, `backend`, `listen`, … ; `''` for lines before any section. */
  readonly kind: string;
  readonly name: string;
  readonly line: number;
  readonly lines: HaproxyLine[];
}

interface HaproxyParseResult {
  readonly sections: readonly HaproxySection[];
  readonly problems: readonly ParseProblem[];
}

export const HAPROXY_SECTIONS: readonly string[] = Object.freeze([
  'global',
  'defaults',
  'frontend',
  'backend',
  'listen',
  'peers',
  'resolvers',
  'userlist',
  'mailers',
  'program',
  'http-errors',
  'ring',
  'cache',
  'fcgi-app',
  'crt-store',
  'log-forward',
  'traces',
]);

const MAX_LINE = 64 * 1024;
const MAX_COND_DEPTH = 10;

/** Splits one line into words; returns undefined `words` when a quote is left open. */
export function splitHaproxyLine(text: string): { words: string[]; unterminated: boolean } {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | '' = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += c;
      i++;
      continue;
    }
    if (c === '#') break;
    if (c === ' ' || c === '\t' || c === '\r') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < text.length) cur += text[++i];
    else cur += c;
    i++;
  }
  if (inWord) words.push(cur);
  return { words, unterminated: quote !== '' };
}

function evalCondition(args: readonly string[], defines: Readonly<Record<string, string>>): boolean | undefined {
  const expr = args.join(' ').trim();
  const neg = expr.startsWith('!');
  const body = neg ? expr.slice(1).trim() : expr;
  let v: boolean | undefined;
  const def = /^defined\(\s*([A-Za-z0-9_.]+)\s*\)$/.exec(body);
  if (def) v = def[1]! in defines;
  else if (/^-?\d+$/.test(body)) v = Number(body) !== 0;
  else if (body === '') v = false;
  return v === undefined ? undefined : neg ? !v : v;
}

export function parseHaproxy(text: string, defines: Readonly<Record<string, string>> = {}): HaproxyParseResult {
  const problems: ParseProblem[] = [];
  const sections: HaproxySection[] = [{ kind: '', name: '', line: 0, lines: [] }];
  // Each open `.if`: whether its active branch was taken, and whether lines are currently kept.
  const conds: { taken: boolean; active: boolean; line: number }[] = [];
  const keeping = () => conds.every((c) => c.active);
  const raw = text.split('\n');
  for (let n = 0; n < raw.length; n++) {
    const lineNo = n + 1;
    const l = raw[n]!;
    if (l.length > MAX_LINE) {
      problems.push({
        code: 'line-too-long',
        message: `Line longer than ${MAX_LINE} characters skipped.`,
        line: lineNo,
      });
      continue;
    }
    const { words, unterminated } = splitHaproxyLine(l);
    if (unterminated)
      problems.push({ code: 'unterminated-quote', message: 'A quoted string is not closed.', line: lineNo });
    const [keyword, ...args] = words;
    if (keyword === undefined) continue;
    if (keyword.startsWith('.')) {
      const outer = conds.slice(0, -1).every((c) => c.active);
      if (keyword === '.if') {
        if (conds.length >= MAX_COND_DEPTH) {
          problems.push({ code: 'nesting-too-deep', message: 'Too many nested .if blocks.', line: lineNo });
        }
        const v = evalCondition(args, defines);
        if (v === undefined)
          problems.push({
            code: 'condition-unknown',
            message: `Cannot evaluate ".if ${args.join(' ')}"; its lines are read as if true.`,
            line: lineNo,
          });
        const active = (v ?? true) && keeping();
        conds.push({ taken: v ?? true, active, line: lineNo });
      } else if (keyword === '.elif' || keyword === '.else') {
        const top = conds.at(-1);
        if (!top) {
          problems.push({ code: 'unbalanced-condition', message: `"${keyword}" without ".if".`, line: lineNo });
          continue;
        }
        const v = keyword === '.else' ? true : (evalCondition(args, defines) ?? false);
        top.active = !top.taken && v && outer;
        if (top.active) top.taken = true;
      } else if (keyword === '.endif') {
        if (!conds.pop())
          problems.push({ code: 'unbalanced-condition', message: '".endif" without ".if".', line: lineNo });
      }
      // .diag/.notice/.warning/.alert only print messages.
      continue;
    }
    if (!keeping()) continue;
    if (HAPROXY_SECTIONS.includes(keyword)) {
      sections.push({ kind: keyword, name: args[0] ?? '', line: lineNo, lines: [] });
      continue;
    }
    sections.at(-1)!.lines.push({ keyword, args, line: lineNo });
  }
  for (const c of conds)
    problems.push({ code: 'unbalanced-condition', message: '".if" is not closed by ".endif".', line: c.line });
  if (sections[0]!.lines.length > 0)
    problems.push({
      code: 'outside-section',
      message: 'Keywords appear before any section; HAProxy rejects them.',
      line: sections[0]!.lines[0]!.line,
    });
  return { sections: sections.filter((s, i) => i > 0 || s.lines.length > 0), problems };
}
