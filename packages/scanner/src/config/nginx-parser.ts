/**
 * nginx configuration grammar (src/core/ngx_conf_file.c): directives `name arg…;`, blocks `name arg… { … }`,
 * `#` comments, single/double quotes with backslash escapes. Errors (unbalanced braces, unterminated
 * quotes) become diagnostics and parsing recovers: a stray `}` is skipped, open blocks close at end of file.
 */

export interface NginxDirective {
  readonly name: string;
  readonly args: readonly string[];
  readonly line: number;
  readonly block?: readonly NginxDirective[];
}

export interface ParseProblem {
  readonly code: string;
  readonly message: string;
  readonly line: number;
}

interface NginxParseResult {
  readonly directives: readonly NginxDirective[];
  readonly problems: readonly ParseProblem[];
}

type Tok =
  | { readonly kind: 'word'; readonly text: string; readonly line: number }
  | { readonly kind: ';' | '{' | '}'; readonly line: number };

/** Deepest block nesting we build; deeper input is flattened with a diagnostic rather than recursing. */
const MAX_DEPTH = 64;

function tokenize(text: string, problems: ParseProblem[]): Tok[] {
  const toks: Tok[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === ';' || c === '{' || c === '}') {
      toks.push({ kind: c, line });
      i++;
    } else {
      const start = line;
      let word = '';
      if (c === '"' || c === "'") {
        i++;
        let closed = false;
        while (i < n) {
          const d = text[i]!;
          if (d === '\\' && i + 1 < n) {
            word += text[i + 1];
            if (text[i + 1] === '\n') line++;
            i += 2;
          } else if (d === c) {
            closed = true;
            i++;
            break;
          } else {
            if (d === '\n') line++;
            word += d;
            i++;
          }
        }
        if (!closed)
          problems.push({ code: 'unterminated-quote', message: 'A quoted string is not closed.', line: start });
      } else {
        // As ngx_conf_read_token: inside a word only blanks, `;` and `{` end it, and `{` right after `$` belongs to
        // a `${name}` variable (`$host${uri}index.html`), so does the `}` that closes it.
        let variable = false;
        while (i < n) {
          const d = text[i]!;
          if (d === '{' && variable) {
            word += d;
            i++;
            continue;
          }
          variable = false;
          if (d === ' ' || d === '\t' || d === '\r' || d === '\n' || d === ';' || d === '{') break;
          if (d === '\\' && i + 1 < n) {
            word += text[i + 1];
            i += 2;
          } else {
            variable = d === '$';
            word += d;
            i++;
          }
        }
      }
      toks.push({ kind: 'word', text: word, line: start });
    }
  }
  return toks;
}

export function parseNginx(text: string): NginxParseResult {
  const problems: ParseProblem[] = [];
  const toks = tokenize(text, problems);
  const root: NginxDirective[] = [];
  const stack: { list: NginxDirective[]; name: string; line: number }[] = [{ list: root, name: '', line: 0 }];
  let words: { text: string; line: number }[] = [];
  for (const t of toks) {
    const top = stack[stack.length - 1]!;
    if (t.kind === 'word') {
      words.push({ text: t.text, line: t.line });
    } else if (t.kind === ';') {
      if (words.length > 0)
        top.list.push({ name: words[0]!.text, args: words.slice(1).map((w) => w.text), line: words[0]!.line });
      words = [];
    } else if (t.kind === '{') {
      const head = words[0];
      const block: NginxDirective[] = [];
      if (!head)
        problems.push({ code: 'unexpected-brace', message: 'A block opens without a directive name.', line: t.line });
      const directive = {
        name: head?.text ?? '',
        args: words.slice(1).map((w) => w.text),
        line: head?.line ?? t.line,
        block,
      };
      if (stack.length > MAX_DEPTH) {
        problems.push({
          code: 'nesting-too-deep',
          message: `Blocks nest deeper than ${MAX_DEPTH} levels.`,
          line: t.line,
        });
        top.list.push(directive);
        stack.push({ list: top.list, name: directive.name, line: directive.line });
      } else {
        top.list.push(directive);
        stack.push({ list: block, name: directive.name, line: directive.line });
      }
      words = [];
    } else {
      if (words.length > 0) {
        problems.push({
          code: 'missing-semicolon',
          message: `Directive "${words[0]!.text}" is not terminated by ";".`,
          line: words[0]!.line,
        });
        words = [];
      }
      if (stack.length === 1) problems.push({ code: 'unbalanced-brace', message: 'Unexpected "}".', line: t.line });
      else stack.pop();
    }
  }
  if (words.length > 0)
    problems.push({
      code: 'missing-semicolon',
      message: `Directive "${words[0]!.text}" is not terminated by ";".`,
      line: words[0]!.line,
    });
  while (stack.length > 1) {
    const open = stack.pop()!;
    problems.push({
      code: 'unbalanced-brace',
      message: `Block "${open.name}" is not closed before the end of the file.`,
      line: open.line,
    });
  }
  return { directives: root, problems };
}
