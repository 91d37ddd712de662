/**
 * OpenSSL configuration grammar (crypto/conf/conf_def.c, config(5)): `[ section ]` headers, `name = value`
 * pairs, `#` comments, a trailing backslash continuing the line, quotes and backslash escapes in values,
 * `$var` / `${var}` / `$(var)` / `$section::var` expansion against values already read (the named or current
 * section, then `default`, as conf_api.c `_CONF_get_string` looks them up), `$ENV::NAME` left as a reference to
 * the environment OpenSSL reads when it loads the file, and `.include` / `.pragma` directives. Tokenising (`lexOpensslCnf`) is per file; the
 * detector splices included files and `buildOpensslCnf` replays them in order so expansion sees what
 * OpenSSL would have seen. A later duplicate key replaces the earlier one (NCONF hash insert).
 */
import type { ParseProblem } from './nginx-parser.js';

export type CnfEvent =
  | { readonly kind: 'section'; readonly name: string; readonly line: number }
  | { readonly kind: 'entry'; readonly name: string; readonly raw: string; readonly line: number }
  | { readonly kind: 'include'; readonly pattern: string; readonly line: number };

export interface CnfEntry {
  readonly name: string;
  /** Value after quote/escape processing and variable expansion. */
  readonly value: string;
  readonly line: number;
  readonly path: string;
  /** Earlier entries with the same name in the same section, replaced by this one. */
  readonly replaced: readonly { readonly line: number; readonly path: string; readonly value: string }[];
  /**
   * Environment variables the value reads (`$ENV::HOME`): OpenSSL takes them from the environment when it loads
   * the file (else from the `default` section), so the value keeps the reference as written.
   */
  readonly environment?: readonly string[];
}

export interface CnfSection {
  readonly name: string;
  readonly entries: Map<string, CnfEntry>;
  /** Where the section was first opened. */
  readonly line: number;
  readonly path: string;
}

interface CnfProblem extends ParseProblem {
  readonly path: string;
}

const MAX_LINE = 64 * 1024;
/** OpenSSL caps an expanded value at 64 KiB (MAX_CONF_VALUE_LENGTH); expansion bombs stop there. */
const MAX_VALUE = 64 * 1024;

export function lexOpensslCnf(text: string): { events: CnfEvent[]; problems: ParseProblem[] } {
  const events: CnfEvent[] = [];
  const problems: ParseProblem[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const start = i + 1;
    let l = lines[i]!.replace(/\r$/, '');
    i++;
    // An odd number of trailing backslashes continues the line (conf_def.c).
    while (/(^|[^\\])(\\\\)*\\$/.test(l) && i < lines.length && l.length <= MAX_LINE) {
      l = l.slice(0, -1) + lines[i]!.replace(/\r$/, '');
      i++;
    }
    if (l.length > MAX_LINE) {
      problems.push({
        code: 'line-too-long',
        message: `Line longer than ${MAX_LINE} characters skipped.`,
        line: start,
      });
      continue;
    }
    const t = l.trim();
    if (t === '' || t.startsWith('#')) continue;
    if (t.startsWith('[')) {
      const m = /^\[\s*([^\]\s]+)\s*\]/.exec(t);
      if (!m) problems.push({ code: 'malformed-section', message: 'Section header is missing "]".', line: start });
      else events.push({ kind: 'section', name: m[1]!, line: start });
      continue;
    }
    const inc = /^\.include(\s*=\s*|\s+)(.+)$/.exec(t);
    if (inc) {
      events.push({ kind: 'include', pattern: unquote(stripComment(inc[2]!)).trim(), line: start });
      continue;
    }
    if (/^\.pragma\b/.test(t)) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) {
      problems.push({
        code: 'missing-equal-sign',
        message: 'Line is neither a section nor "name = value".',
        line: start,
      });
      continue;
    }
    events.push({ kind: 'entry', name: t.slice(0, eq).trim(), raw: t.slice(eq + 1).trim(), line: start });
  }
  return { events, problems };
}

function stripComment(v: string): string {
  let q = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\') i++;
    else if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#') return v.slice(0, i);
  }
  return v;
}

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0] ? v.slice(1, -1) : v;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', b: '\b', t: '\t' };

interface BuildResult {
  readonly sections: ReadonlyMap<string, CnfSection>;
  readonly problems: readonly CnfProblem[];
}

/**
 * Replays lexed events (includes already spliced as `{ path, events }` runs) into sections, expanding
 * variables as conf_def.c str_copy does.
 */
export function buildOpensslCnf(
  runs: readonly { readonly path: string; readonly events: readonly CnfEvent[] }[],
): BuildResult {
  const sections = new Map<string, CnfSection>();
  const problems: CnfProblem[] = [];
  const open = (name: string, line: number, path: string): CnfSection => {
    let s = sections.get(name);
    if (!s) {
      s = { name, entries: new Map(), line, path };
      sections.set(name, s);
    }
    return s;
  };
  let current = open('default', 0, runs[0]?.path ?? '');
  for (const run of runs) {
    for (const ev of run.events) {
      if (ev.kind === 'section') current = open(ev.name, ev.line, run.path);
      else if (ev.kind === 'entry') {
        const environment: string[] = [];
        const value = expandValue(
          ev.raw,
          current.name,
          sections,
          (msg) => problems.push({ code: 'variable-has-no-value', message: msg, line: ev.line, path: run.path }),
          (name) => environment.push(name),
        );
        // `section::name = value` writes into another section (conf_def.c).
        const sep = ev.name.indexOf('::');
        const target = sep > 0 ? open(ev.name.slice(0, sep), ev.line, run.path) : current;
        const name = sep > 0 ? ev.name.slice(sep + 2) : ev.name;
        const prev = target.entries.get(name);
        target.entries.set(name, {
          name,
          value,
          line: ev.line,
          path: run.path,
          replaced: prev ? [...prev.replaced, { line: prev.line, path: prev.path, value: prev.value }].slice(-20) : [],
          ...(environment.length > 0 ? { environment: [...new Set(environment)] } : {}),
        });
      }
    }
  }
  return { sections, problems };
}

function expandValue(
  raw: string,
  section: string,
  sections: ReadonlyMap<string, CnfSection>,
  fail: (msg: string) => void,
  fromEnvironment: (name: string) => void,
): string {
  let out = '';
  let q = '';
  for (let i = 0; i < raw.length && out.length <= MAX_VALUE; i++) {
    const c = raw[i]!;
    if (q) {
      if (c === q) q = '';
      else if (c === '\\' && i + 1 < raw.length && q === '"') out += raw[++i];
      else out += c;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '#') break;
    else if (c === '\\' && i + 1 < raw.length) {
      const n = raw[++i]!;
      out += ESCAPES[n] ?? n;
    } else if (c === '$') {
      const m = /^\$(?:\{([^}]*)\}|\(([^)]*)\)|([A-Za-z0-9_]+(?:::[A-Za-z0-9_]+)?))/.exec(raw.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      const ref = m[1] ?? m[2] ?? m[3] ?? '';
      i += m[0].length - 1;
      const sep = ref.indexOf('::');
      const sec = sep >= 0 ? ref.slice(0, sep) : section;
      const name = sep >= 0 ? ref.slice(sep + 2) : ref;
      const own = sections.get(sec)?.entries.get(name)?.value;
      // `ENV` is the process environment (after an [ENV] section of the file itself): known only at run time,
      // with the `default` section as OpenSSL's fallback when the variable is unset.
      if (own === undefined && sec === 'ENV') {
        fromEnvironment(name);
        out += m[0];
        continue;
      }
      const v = own ?? sections.get('default')?.entries.get(name)?.value;
      if (v === undefined) {
        // $ENV::NAME is read from the environment of the program that loads the file: unknown here, not an error.
        if (sec !== 'ENV') fail(`Variable "${ref}" has no value here; OpenSSL refuses to load this file.`);
        out += m[0];
      } else out += v;
    } else out += c;
  }
  if (out.length > MAX_VALUE) {
    fail(`A value expands beyond ${MAX_VALUE} characters; OpenSSL refuses to load this file.`);
    return out.slice(0, MAX_VALUE);
  }
  return out.trimEnd();
}
