/**
 * OpenSSH sshd_config / ssh_config grammar (readconf.c, servconf.c): one `Keyword args` per line, keyword
 * case-insensitive, optional `=` after the keyword, `#` comments, double quotes around arguments.
 * `Match` / `Host` lines open a conditional block that lasts until the next one.
 */
import type { ParseProblem } from './nginx-parser.js';

export interface SshLine {
  /** Lower-cased keyword. */
  readonly keyword: string;
  readonly args: readonly string[];
  readonly line: number;
  readonly path: string;
}

interface SshParseResult {
  readonly lines: readonly SshLine[];
  readonly problems: readonly ParseProblem[];
}

const MAX_LINE = 16 * 1024;

export function parseSshConfig(text: string, path: string): SshParseResult {
  const lines: SshLine[] = [];
  const problems: ParseProblem[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    let l = raw[i]!.replace(/\r$/, '');
    if (l.length > MAX_LINE) {
      problems.push({
        code: 'line-too-long',
        message: `Line longer than ${MAX_LINE} characters skipped.`,
        line: i + 1,
      });
      continue;
    }
    l = l.trim();
    if (l === '' || l.startsWith('#')) continue;
    const m = /^([A-Za-z][A-Za-z0-9]*)\s*(?:=\s*|\s+|$)(.*)$/.exec(l);
    if (!m) {
      problems.push({ code: 'unparsable-line', message: 'Line is not "Keyword arguments".', line: i + 1 });
      continue;
    }
    const args: string[] = [];
    let rest = m[2]!;
    let bad = false;
    while (rest.length > 0) {
      rest = rest.trimStart();
      if (rest === '' || rest.startsWith('#')) break;
      if (rest.startsWith('"')) {
        const end = rest.indexOf('"', 1);
        if (end < 0) {
          // OpenSSH rejects the line; we keep the text so the finding still shows what was meant.
          bad = true;
          args.push(rest.slice(1));
          break;
        }
        args.push(rest.slice(1, end));
        rest = rest.slice(end + 1);
      } else {
        const w = /^\S+/.exec(rest)![0];
        args.push(w);
        rest = rest.slice(w.length);
      }
    }
    if (bad) problems.push({ code: 'unterminated-quote', message: 'A quoted argument is not closed.', line: i + 1 });
    lines.push({ keyword: m[1]!.toLowerCase(), args, line: i + 1, path });
  }
  return { lines, problems };
}

function wildcard(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

/**
 * Applies an algorithm-list value to the defaults (readconf.c / kex.c kex_assemble_names): `+list` appends,
 * `-list` removes (wildcards allowed), `^list` prepends, a plain list replaces.
 */
export function applyAlgorithmList(value: string, defaults: readonly string[]): string[] {
  const body = value
    .slice(1)
    .split(',')
    .filter((x) => x !== '');
  if (value.startsWith('+')) return [...defaults, ...body.filter((x) => !defaults.includes(x))];
  if (value.startsWith('^')) return [...body, ...defaults.filter((x) => !body.includes(x))];
  if (value.startsWith('-')) {
    const pats = body.map(wildcard);
    return defaults.filter((d) => !pats.some((p) => p.test(d)));
  }
  return [...new Set(value.split(',').filter((x) => x !== ''))];
}
