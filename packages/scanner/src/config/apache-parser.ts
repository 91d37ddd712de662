/**
 * Apache httpd configuration grammar (server/config.c, server/util.c ap_getword_conf): one directive per
 * logical line, a trailing backslash joins the next physical line, `#` starts a comment only as the first
 * non-blank character, arguments are words or single/double-quoted strings (backslash escapes the quote),
 * and `<Section args>` … `</Section>` nest. Errors become problems and parsing recovers: a stray or
 * mismatched closing tag is skipped (or closes the open section it names), open sections close at end of file.
 */
import type { ParseProblem } from './nginx-parser.js';

export interface ApacheDirective {
  /** Name as written (Apache matches directive names case-insensitively). */
  readonly name: string;
  readonly args: readonly string[];
  /** Line of the first physical line of the directive. */
  readonly line: number;
  /** Children of a `<Section>`; undefined for plain directives. */
  readonly block?: readonly ApacheDirective[];
}

interface ApacheParseResult {
  readonly directives: readonly ApacheDirective[];
  readonly problems: readonly ParseProblem[];
}

const MAX_DEPTH = 64;
/** Apache's own limit on a logical line is 8 KiB (MAX_STRING_LEN); we tolerate more but not without bound. */
const MAX_LOGICAL_LINE = 64 * 1024;

/** Splits an argument string like ap_getword_conf: quotes group words, `\"` inside quotes is a literal quote. */
export function splitApacheArgs(text: string): { args: string[]; unterminated: boolean } {
  const args: string[] = [];
  let unterminated = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
    if (i >= n) break;
    const q = text[i];
    if (q === '"' || q === "'") {
      i++;
      let word = '';
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === '\\' && i + 1 < n && (text[i + 1] === q || text[i + 1] === '\\')) {
          word += text[i + 1];
          i += 2;
        } else if (c === q) {
          closed = true;
          i++;
          break;
        } else {
          word += c;
          i++;
        }
      }
      if (!closed) unterminated = true;
      args.push(word);
    } else {
      let word = '';
      while (i < n && text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') word += text[i++];
      args.push(word);
    }
  }
  return { args, unterminated };
}

export function parseApache(text: string): ApacheParseResult {
  const problems: ParseProblem[] = [];
  const root: ApacheDirective[] = [];
  const stack: { list: ApacheDirective[]; name: string; line: number }[] = [{ list: root, name: '', line: 0 }];
  const physical = text.split('\n');
  let i = 0;
  while (i < physical.length) {
    const startLine = i + 1;
    let logical = physical[i]!.replace(/\r$/, '');
    i++;
    // A trailing backslash continues the directive on the next line (Apache ap_cfg_getline).
    while (logical.endsWith('\\') && i < physical.length && logical.length <= MAX_LOGICAL_LINE) {
      logical = `${logical.slice(0, -1)} ${physical[i]!.replace(/\r$/, '').trimStart()}`;
      i++;
    }
    if (logical.length > MAX_LOGICAL_LINE) {
      problems.push({
        code: 'line-too-long',
        message: `Directive longer than ${MAX_LOGICAL_LINE} characters skipped.`,
        line: startLine,
      });
      continue;
    }
    const trimmed = logical.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const top = stack[stack.length - 1]!;
    if (trimmed.startsWith('</')) {
      const name = trimmed.slice(2).replace(/>\s*$/, '').trim().toLowerCase();
      const at = stack.findLastIndex((s, k) => k > 0 && s.name.toLowerCase() === name);
      if (at < 0) {
        problems.push({ code: 'unbalanced-section', message: `Unexpected "</${name}>".`, line: startLine });
        continue;
      }
      for (let k = stack.length - 1; k > at; k--) {
        const open = stack[k]!;
        problems.push({
          code: 'unbalanced-section',
          message: `Section "<${open.name}>" is closed by "</${name}>".`,
          line: open.line,
        });
      }
      stack.length = at;
      continue;
    }
    if (trimmed.startsWith('<')) {
      if (!trimmed.endsWith('>')) {
        problems.push({ code: 'malformed-section', message: 'A section tag is missing its ">".', line: startLine });
      }
      const inner = trimmed.slice(1).replace(/>\s*$/, '');
      const { args, unterminated } = splitApacheArgs(inner);
      if (unterminated)
        problems.push({ code: 'unterminated-quote', message: 'A quoted string is not closed.', line: startLine });
      const [name = '', ...rest] = args;
      const block: ApacheDirective[] = [];
      top.list.push({ name, args: rest, line: startLine, block });
      if (stack.length > MAX_DEPTH) {
        problems.push({
          code: 'nesting-too-deep',
          message: `Sections nest deeper than ${MAX_DEPTH} levels.`,
          line: startLine,
        });
        stack.push({ list: top.list, name, line: startLine });
      } else stack.push({ list: block, name, line: startLine });
      continue;
    }
    const { args, unterminated } = splitApacheArgs(trimmed);
    if (unterminated)
      problems.push({ code: 'unterminated-quote', message: 'A quoted string is not closed.', line: startLine });
    const [name = '', ...rest] = args;
    top.list.push({ name, args: rest, line: startLine });
  }
  while (stack.length > 1) {
    const open = stack.pop()!;
    problems.push({
      code: 'unbalanced-section',
      message: `Section "<${open.name}>" is not closed before the end of the file.`,
      line: open.line,
    });
  }
  return { directives: root, problems };
}
