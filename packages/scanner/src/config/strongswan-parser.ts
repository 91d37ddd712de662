/**
 * strongSwan configuration grammars.
 * - ipsec.conf(5) (starter): sections `config setup`, `conn <name>`, `ca <name>` start at column 0, their
 *   parameters are indented `key=value` lines; `#` comments; double-quoted values; `include <glob>` at column 0.
 * - swanctl.conf(5) / strongswan.conf(5) settings syntax (libstrongswan settings parser): nested
 *   `name { … }` sections, `name : ref, ref { … }` sections that inherit from others, `key = value` (value to end
 *   of line, or a double-quoted string with `\` escapes), `#` comments and `include <glob>` anywhere.
 * Both parsers are iterative (no recursion), bound nesting depth, and turn errors into problems while recovering.
 */
import type { ParseProblem } from './nginx-parser.js';

export type IpsecConfEntry =
  | { readonly kind: 'section'; readonly type: string; readonly name: string; readonly line: number }
  | { readonly kind: 'param'; readonly key: string; readonly value: string; readonly line: number }
  | { readonly kind: 'include'; readonly pattern: string; readonly line: number };

interface IpsecConfParseResult {
  readonly entries: readonly IpsecConfEntry[];
  readonly problems: readonly ParseProblem[];
}

const MAX_LINE = 16 * 1024;
const MAX_PROBLEMS = 50;

function problemSink(): { problems: ParseProblem[]; push: (p: ParseProblem) => void } {
  const problems: ParseProblem[] = [];
  return { problems, push: (p) => void (problems.length < MAX_PROBLEMS && problems.push(p)) };
}

/** Strips a `#` comment that is not inside double quotes. */
function stripComment(line: string): string {
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && line[i - 1] !== '\\') q = !q;
    else if (c === '#' && !q) return line.slice(0, i);
  }
  return line;
}

function unquote(v: string): string {
  const t = v.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/\\(.)/g, '$1') : t;
}

export function parseIpsecConf(text: string): IpsecConfParseResult {
  const entries: IpsecConfEntry[] = [];
  const { problems, push } = problemSink();
  const raw = text.split('\n');
  let inSection = false;
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    const full = raw[i]!.replace(/\r$/, '');
    if (full.length > MAX_LINE) {
      push({ code: 'line-too-long', message: `Line longer than ${MAX_LINE} characters skipped.`, line });
      continue;
    }
    const l = stripComment(full);
    if (l.trim() === '') continue;
    if (!/^[ \t]/.test(l)) {
      const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(l.trimEnd());
      const type = m?.[1] ?? '';
      const rest = (m?.[2] ?? '').trim();
      if (type === 'include') {
        entries.push({ kind: 'include', pattern: unquote(rest), line });
        inSection = false;
      } else if ((type === 'conn' || type === 'ca' || type === 'config') && rest !== '' && !/\s/.test(rest)) {
        entries.push({ kind: 'section', type, name: rest, line });
        inSection = true;
      } else if (type === 'version') {
        inSection = false;
      } else {
        push({ code: 'unparsable-line', message: `Unexpected "${type.slice(0, 40)}" at column 1.`, line });
        inSection = false;
      }
      continue;
    }
    const m = /^[ \t]+([A-Za-z0-9_.%-]+)[ \t]*=[ \t]*(.*)$/.exec(l);
    if (!m) {
      push({ code: 'unparsable-line', message: 'Indented line is not "key=value".', line });
      continue;
    }
    if (!inSection) {
      push({ code: 'param-outside-section', message: `"${m[1]}" is not inside a conn/ca/config section.`, line });
      continue;
    }
    const v = m[2]!.trim();
    if (v.startsWith('"') && (v.length < 2 || !v.endsWith('"'))) {
      push({ code: 'unterminated-quote', message: 'A quoted value is not closed.', line });
    }
    entries.push({ kind: 'param', key: m[1]!, value: unquote(v), line });
  }
  return { entries, problems };
}

export type SwanEntry = SwanKv | SwanSection | SwanInclude;

export interface SwanKv {
  readonly kind: 'kv';
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly path: string;
}

export interface SwanInclude {
  readonly kind: 'include';
  readonly pattern: string;
  readonly line: number;
  readonly path: string;
}

export interface SwanSection {
  readonly kind: 'section';
  readonly name: string;
  /** Sections this one inherits from (`name : a, b { … }`). */
  readonly refs: readonly string[];
  readonly line: number;
  readonly path: string;
  readonly entries: SwanEntry[];
}

interface SwanctlParseResult {
  readonly entries: readonly SwanEntry[];
  readonly problems: readonly ParseProblem[];
}

/** Deepest section nesting built; swanctl.conf needs 5 (connections > conn > children > child > …). */
const MAX_DEPTH = 32;
const NAME_END = /[\s{}=:#"]/;

export function parseSwanctlConf(text: string, path: string): SwanctlParseResult {
  const { problems, push } = problemSink();
  const root: SwanEntry[] = [];
  const stack: { entries: SwanEntry[]; line: number }[] = [{ entries: root, line: 0 }];
  // Sections deeper than MAX_DEPTH are parsed but dropped; this counts how many we are inside.
  let dropped = 0;
  let i = 0;
  let line = 1;
  const n = text.length;
  const skipToEol = () => {
    while (i < n && text[i] !== '\n') i++;
  };
  const skipSpace = (newlines: boolean) => {
    while (i < n) {
      const c = text[i]!;
      if (c === '\n') {
        if (!newlines) return;
        line++;
      } else if (c === '#') {
        skipToEol();
        continue;
      } else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== ';') return;
      i++;
    }
  };
  const top = () => stack[stack.length - 1]!.entries;
  while (i < n) {
    skipSpace(true);
    if (i >= n) break;
    const c = text[i]!;
    if (c === '}') {
      i++;
      if (dropped > 0) dropped--;
      else if (stack.length > 1) stack.pop();
      else push({ code: 'unbalanced-braces', message: 'Unexpected "}" skipped.', line });
      continue;
    }
    const start = i;
    while (i < n && !NAME_END.test(text[i]!)) i++;
    const name = text.slice(start, i);
    const at = line;
    if (name === '') {
      push({ code: 'unparsable-line', message: `Unexpected "${c}".`, line });
      if (c === '\n') line++;
      i++;
      continue;
    }
    if (name === 'include' && (text[i] === ' ' || text[i] === '\t')) {
      const s = i;
      skipToEol();
      const pattern = unquote(stripComment(text.slice(s, i)));
      if (dropped === 0) top().push({ kind: 'include', pattern, line: at, path });
      continue;
    }
    skipSpace(true);
    const op = text[i];
    if (op === '=') {
      i++;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
      let value: string;
      if (text[i] === '"') {
        i++;
        let v = '';
        let closed = false;
        while (i < n) {
          const ch = text[i]!;
          if (ch === '\\' && i + 1 < n) {
            const e = text[i + 1]!;
            v += e === 'n' ? '\n' : e === 't' ? '\t' : e;
            if (e === '\n') line++;
            i += 2;
            continue;
          }
          if (ch === '"') {
            closed = true;
            i++;
            break;
          }
          if (ch === '\n') line++;
          v += ch;
          i++;
        }
        if (!closed) push({ code: 'unterminated-quote', message: 'A quoted value is not closed.', line: at });
        value = v;
      } else {
        const s = i;
        while (i < n && text[i] !== '\n' && text[i] !== '#' && text[i] !== '}' && text[i] !== ';') i++;
        value = text.slice(s, i).trim();
      }
      if (dropped === 0) top().push({ kind: 'kv', key: name, value, line: at, path });
      continue;
    }
    let refs: string[] = [];
    if (op === ':') {
      i++;
      const s = i;
      while (i < n && text[i] !== '{' && text[i] !== '\n') i++;
      refs = text
        .slice(s, i)
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== '');
      skipSpace(true);
    }
    if (text[i] === '{') {
      i++;
      if (dropped > 0 || stack.length > MAX_DEPTH) {
        if (dropped === 0) {
          push({ code: 'nesting-too-deep', message: `Sections nested deeper than ${MAX_DEPTH} ignored.`, line: at });
        }
        dropped++;
        continue;
      }
      const section: SwanSection = { kind: 'section', name, refs, line: at, path, entries: [] };
      top().push(section);
      stack.push({ entries: section.entries, line: at });
      continue;
    }
    push({
      code: 'unparsable-line',
      message: `"${name.slice(0, 40)}" is neither "key = value" nor a section.`,
      line: at,
    });
    // When the bad name ended its line, the next line is a fresh start; otherwise drop the rest of this one.
    if (line === at) skipToEol();
  }
  if (stack.length > 1 || dropped > 0) {
    push({
      code: 'unbalanced-braces',
      message: `${stack.length - 1 + dropped} section(s) not closed at end of file.`,
      line: stack[stack.length - 1]!.line || line,
    });
  }
  return { entries: root, problems };
}

interface ProposalText {
  /** The proposal as written, without the ipsec.conf strict flag. */
  readonly text: string;
  /** Lower-cased `-` separated keywords (`aes256gcm16`, `prfsha384`, `ke1_mlkem768`, `default`). */
  readonly tokens: readonly string[];
}

interface ProposalList {
  readonly proposals: readonly ProposalText[];
  /** ipsec.conf `!`: only the configured proposals, no daemon defaults appended. */
  readonly strict: boolean;
}

/** Proposal list syntax shared by ipsec.conf `ike=`/`esp=` and swanctl.conf `proposals`/`esp_proposals`. */
export function parseProposalList(value: string): ProposalList {
  let strict = false;
  const proposals: ProposalText[] = [];
  for (const raw of value.split(',')) {
    let t = raw.trim();
    if (t.endsWith('!')) {
      strict = true;
      t = t.slice(0, -1).trim();
    }
    if (t === '') continue;
    proposals.push({
      text: t,
      tokens: t
        .toLowerCase()
        .split('-')
        .filter((x) => x !== ''),
    });
  }
  return { proposals, strict };
}
