/**
 * Dovecot configuration syntax (doc.dovecot.org "Configuration file syntax"; src/config/config-parser.c): `key =
 * value` settings, `name [filter] {` … `}` sections and filters (protocol, local, remote, service, inet_listener,
 * ssl_server …), `!include` and `!include_try` lines, `<file` values (read from a file), double-quoted values,
 * `#` comments at the start of a line or after whitespace, and a trailing `\` that continues a line.
 */

export interface DovecotSetting {
  readonly kind: 'setting';
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

export interface DovecotSection {
  readonly kind: 'section';
  /** `protocol`, `local`, `service`, `inet_listener`, `ssl_server` … */
  readonly type: string;
  /** What follows the type (`imap`, `10.0.0.1`, `imaps`), '' when none. */
  readonly name: string;
  readonly line: number;
  readonly body: DovecotNode[];
}

export interface DovecotInclude {
  readonly kind: 'include';
  readonly pattern: string;
  /** `!include_try`: a missing file is not an error. */
  readonly optional: boolean;
  readonly line: number;
}

export type DovecotNode = DovecotSetting | DovecotSection | DovecotInclude;

interface DovecotParseResult {
  readonly nodes: DovecotNode[];
  readonly problems: { readonly code: string; readonly message: string; readonly line: number }[];
}

const MAX_LINE = 64 * 1024;
const MAX_DEPTH = 32;
const MAX_PROBLEMS = 20;

/** Drops a `#` comment that starts the line or follows whitespace, outside double quotes. */
function stripComment(s: string): string {
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' && s[i - 1] !== '\\') quoted = !quoted;
    else if (c === '#' && !quoted && (i === 0 || /\s/.test(s[i - 1]!))) return s.slice(0, i);
  }
  return s;
}

const unquote = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

export function parseDovecot(text: string): DovecotParseResult {
  const problems: DovecotParseResult['problems'] = [];
  const problem = (code: string, message: string, line: number) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ code, message, line });
  };
  const root: DovecotNode[] = [];
  const stack: DovecotNode[][] = [root];
  const raw = text.split('\n');
  let skipDepth = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    let physical = raw[i]!.replace(/\r$/, '');
    // A trailing backslash joins the next line (config-parser.c).
    while (physical.endsWith('\\') && i + 1 < raw.length)
      physical = `${physical.slice(0, -1)} ${raw[++i]!.replace(/\r$/, '').trim()}`;
    if (physical.length > MAX_LINE) {
      problem('line-too-long', `Line longer than ${MAX_LINE} characters skipped.`, line);
      continue;
    }
    const l = stripComment(physical).trim();
    if (l === '') continue;
    const here = stack.at(-1)!;
    if (l === '}') {
      if (skipDepth > 0) skipDepth--;
      else if (stack.length > 1) stack.pop();
      else problem('unbalanced-brace', 'Closing "}" without an open section.', line);
      continue;
    }
    const inc = /^!(include|include_try)\s+(.+)$/.exec(l);
    if (inc) {
      if (skipDepth === 0)
        here.push({ kind: 'include', pattern: unquote(inc[2]!.trim()), optional: inc[1] === 'include_try', line });
      continue;
    }
    const set = /^([A-Za-z0-9_/.-]+)\s*=\s*(.*)$/.exec(l);
    if (set) {
      if (skipDepth === 0) here.push({ kind: 'setting', key: set[1]!, value: unquote(set[2]!.trim()), line });
      continue;
    }
    const sec = /^([A-Za-z0-9_/.-]+)(?:\s+(.*?))?\s*\{$/.exec(l);
    if (sec) {
      if (skipDepth > 0 || stack.length > MAX_DEPTH) {
        if (skipDepth === 0) problem('too-deep', `Sections nested deeper than ${MAX_DEPTH} levels skipped.`, line);
        skipDepth++;
        continue;
      }
      const node: DovecotSection = { kind: 'section', type: sec[1]!, name: unquote(sec[2] ?? ''), line, body: [] };
      here.push(node);
      stack.push(node.body);
      continue;
    }
    problem('unparsable-line', 'Line is neither "key = value", a section nor an include.', line);
  }
  if (stack.length > 1) problem('unclosed-section', 'Section not closed before the end of the file.', raw.length);
  return { nodes: root, problems };
}
