/**
 * mosquitto.conf grammar (mosquitto src/conf.c config__read_file_core, mosquitto.conf(5)): one `option value`
 * per line, the option name ends at the first space and the value is the rest of the line (it may contain
 * spaces); a line whose first non-blank character is `#` is a comment. There are no blocks: a `listener` line
 * starts the scope the following options apply to, which the detector works out.
 */
import type { ParseProblem } from './nginx-parser.js';

export interface MosquittoLine {
  /** Option name as written (mosquitto matches option names case-sensitively). */
  readonly option: string;
  /** Rest of the line, trimmed; empty when the option has no value. */
  readonly value: string;
  readonly line: number;
  readonly path: string;
}

interface MosquittoParseResult {
  readonly lines: readonly MosquittoLine[];
  readonly problems: readonly ParseProblem[];
}

// mosquitto reads lines into a growing buffer; we cap them so a junk file cannot make one giant token.
const MAX_LINE = 16 * 1024;
const MAX_PROBLEMS = 50;

export function parseMosquittoConf(text: string, path: string): MosquittoParseResult {
  const lines: MosquittoLine[] = [];
  const problems: ParseProblem[] = [];
  const push = (p: ParseProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!.replace(/\r$/, '');
    if (l.length > MAX_LINE) {
      push({ code: 'line-too-long', message: `Line longer than ${MAX_LINE} characters skipped.`, line: i + 1 });
      continue;
    }
    const t = l.trim();
    if (t === '' || t.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_.-]*)(?:[ \t]+(.*))?$/.exec(t);
    if (!m) {
      push({ code: 'unparsable-line', message: 'Line is not "option value".', line: i + 1 });
      continue;
    }
    lines.push({ option: m[1]!, value: (m[2] ?? '').trim(), line: i + 1, path });
  }
  return { lines, problems };
}
