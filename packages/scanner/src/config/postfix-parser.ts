/**
 * Postfix configuration files as Postfix reads them: main.cf logical lines (`name = value`, a line that starts with
 * whitespace continues the previous one, `#` only starts a comment as the first non-blank character; postconf(5)
 * "SYNTAX"), master.cf service lines with their `-o name=value` and `-o { name = value }` overrides (master(5)), and
 * `$name`, `${name}`, `$(name)`, `${name?text}`, `${name:text}` parameter expansion (postconf(5) "PARAMETER
 * EXPANSION"). No regular expression decides what a line means: the tokenizer follows the documented rules.
 */

export interface PostfixParam {
  readonly name: string;
  /** The logical line's value, continuation lines joined with one space, trailing whitespace removed. */
  readonly value: string;
  readonly line: number;
}

interface ParseProblem {
  readonly code: string;
  readonly message: string;
  readonly line: number;
}

interface MainCf {
  /** Every assignment in order (a later one of the same name wins, as in Postfix). */
  readonly params: readonly PostfixParam[];
  readonly problems: readonly ParseProblem[];
}

const MAX_LINE = 64 * 1024;
const MAX_PROBLEMS = 20;

interface LogicalLine {
  readonly text: string;
  readonly line: number;
  /** Where each physical line of the logical line starts in `text` (offset, line number). */
  readonly parts: readonly { readonly at: number; readonly line: number }[];
}

/** Physical → logical lines (shared by main.cf and master.cf). */
function logicalLines(text: string, problems: ParseProblem[]): LogicalLine[] {
  const out: { text: string; line: number; parts: { at: number; line: number }[] }[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const physical = raw[i]!.replace(/\r$/, '');
    if (physical.length > MAX_LINE) {
      if (problems.length < MAX_PROBLEMS)
        problems.push({
          code: 'line-too-long',
          message: `Line longer than ${MAX_LINE} characters skipped.`,
          line: i + 1,
        });
      continue;
    }
    const trimmed = physical.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (/^[ \t]/.test(physical)) {
      const prev = out.at(-1);
      if (prev) {
        prev.text += ' ';
        prev.parts.push({ at: prev.text.length, line: i + 1 });
        prev.text += trimmed;
      } else if (problems.length < MAX_PROBLEMS)
        problems.push({
          code: 'continuation-first',
          message: 'A continuation line has nothing to continue.',
          line: i + 1,
        });
      continue;
    }
    out.push({ text: physical.trimEnd(), line: i + 1, parts: [{ at: 0, line: i + 1 }] });
  }
  return out;
}

export function parseMainCf(text: string): MainCf {
  const problems: ParseProblem[] = [];
  const params: PostfixParam[] = [];
  for (const l of logicalLines(text, problems)) {
    const eq = l.text.indexOf('=');
    const name = eq < 0 ? '' : l.text.slice(0, eq).trim();
    if (eq < 0 || !/^[A-Za-z0-9_.-]+$/.test(name)) {
      if (problems.length < MAX_PROBLEMS)
        problems.push({ code: 'unparsable-line', message: 'Line is not "name = value".', line: l.line });
      continue;
    }
    params.push({ name, value: l.text.slice(eq + 1).trim(), line: l.line });
  }
  return { params, problems };
}

export interface MasterService {
  /** Service name as written (`smtp`, `submission`, `127.0.0.1:10025`). */
  readonly name: string;
  readonly type: string;
  /** The command's program (`smtpd`, `smtp`, `lmtp`, `pipe` …). */
  readonly command: string;
  readonly line: number;
  readonly overrides: readonly PostfixParam[];
}

interface MasterCf {
  readonly services: readonly MasterService[];
  readonly problems: readonly ParseProblem[];
}

const SERVICE_TYPES = new Set(['inet', 'unix', 'unix-dgram', 'fifo', 'pass']);

/** Whitespace-separated words with their offsets; `{ … }` groups one argument (master(5), Postfix ≥ 3.0). */
function words(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    if (text[i] === '{') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      out.push({ text: `{${text.slice(i + 1, j).trim()}}`, at: i });
      i = j + 1;
      continue;
    }
    const start = i;
    while (i < text.length && !/\s/.test(text[i]!)) i++;
    out.push({ text: text.slice(start, i), at: start });
  }
  return out;
}

export function parseMasterCf(text: string): MasterCf {
  const problems: ParseProblem[] = [];
  const services: MasterService[] = [];
  for (const l of logicalLines(text, problems)) {
    const all = words(l.text);
    const w = all.map((x) => x.text);
    const lineAt = (at: number) => l.parts.filter((p) => p.at <= at).at(-1)?.line ?? l.line;
    if (w.length < 8 || !SERVICE_TYPES.has(w[1]!)) {
      if (problems.length < MAX_PROBLEMS)
        problems.push({ code: 'unparsable-line', message: 'Not a master.cf service line.', line: l.line });
      continue;
    }
    const overrides: PostfixParam[] = [];
    const args = all.slice(8);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!.text;
      let spec: string | undefined;
      let at = args[i]!.at;
      if (a === '-o') {
        spec = args[++i]?.text;
        at = args[i]?.at ?? at;
      } else if (a.startsWith('-o') && a.length > 2) spec = a.slice(2);
      if (spec === undefined) continue;
      const body = spec.startsWith('{') && spec.endsWith('}') ? spec.slice(1, -1) : spec;
      const eq = body.indexOf('=');
      if (eq <= 0) continue;
      overrides.push({ name: body.slice(0, eq).trim(), value: body.slice(eq + 1).trim(), line: lineAt(at) });
    }
    services.push({ name: w[0]!, type: w[1]!, command: posixBase(w[7]!), line: l.line, overrides });
  }
  return { services, problems };
}

const posixBase = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Where a parameter's value came from, for `$name` lookups. */
type ParamLookup = (name: string) => string | undefined;

const MAX_EXPANSION_DEPTH = 20;

/**
 * Expands `$name`, `${name}`, `$(name)`, `${name?text}` (text when name is non-empty), `${name:text}` (text when
 * name is empty) and `$$`. An unknown name expands to the empty string, as in Postfix. Recursion is bounded.
 */
export function expandPostfix(value: string, lookup: ParamLookup, depth = 0): string {
  // Postfix stops a runaway expansion with an error; nothing of it is used.
  if (depth > MAX_EXPANSION_DEPTH) return '';
  if (!value.includes('$')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '$') {
      out += c;
      continue;
    }
    const next = value[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next === '{' || next === '(') {
      const close = next === '{' ? '}' : ')';
      let depthB = 0;
      let j = i + 1;
      for (; j < value.length; j++) {
        if (value[j] === next) depthB++;
        else if (value[j] === close && --depthB === 0) break;
      }
      const inner = value.slice(i + 2, j);
      i = j;
      const m = /^([A-Za-z0-9_.-]+)(?:([?:])(.*))?$/s.exec(inner);
      if (!m) continue;
      const v = expandPostfix(lookup(m[1]!) ?? '', lookup, depth + 1);
      if (m[2] === '?') out += v !== '' ? expandPostfix(unbrace(m[3]!.split(/(?<=\}):/)[0]!), lookup, depth + 1) : '';
      else if (m[2] === ':') out += v === '' ? expandPostfix(unbrace(m[3]!), lookup, depth + 1) : '';
      else out += v;
      continue;
    }
    const m = /^[A-Za-z0-9_]+/.exec(value.slice(i + 1));
    if (!m) {
      out += c;
      continue;
    }
    out += expandPostfix(lookup(m[0]) ?? '', lookup, depth + 1);
    i += m[0].length;
  }
  return out;
}

const unbrace = (s: string) => (s.startsWith('{') && s.endsWith('}') ? s.slice(1, -1) : s);
