/**
 * A small C token scanner for preprocessor text: macro bodies (`preproc_arg`, which tree-sitter-c
 * keeps as opaque text), `#if` conditions and call arguments that must be macro-expanded before
 * they can be evaluated (C11 6.4 lexical elements, 6.10 preprocessing directives).
 */

export type TokenKind = 'ident' | 'number' | 'string' | 'char' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset in the tokenized text (absent for synthesized tokens). */
  readonly start?: number;
}

const PUNCTUATORS = [
  '<<=',
  '>>=',
  '...',
  '##',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '<<',
  '>>',
  '->',
  '++',
  '--',
] as const;

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Splits text into tokens, dropping whitespace, comments and line continuations. Never throws.
 *
 * Characters are read by code and never past the end (`at`): macro bodies and conditions end without a newline, and
 * an out-of-bounds read made V8 drop the optimised function and compile it again.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  const at = (k: number): number => (k < n ? text.charCodeAt(k) : -1);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (c === 92 /* \ */ && (at(i + 1) === 10 || at(i + 1) === 13)) {
      i += 2;
      continue;
    }
    if (c === 47 /* / */ && at(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 && at(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      // String/char prefixes (L"", u8"") belong to the literal that follows.
      if ((at(j) === 34 || at(j) === 39) && /^(L|u|U|u8)$/.test(text.slice(i, j))) {
        i = j;
        continue;
      }
      out.push({ kind: 'ident', text: text.slice(i, j), start: i });
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(at(i + 1)))) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isIdentPart(d) || d === 46) j++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(text[j - 1] ?? '') && !/^0[xX]/.test(text.slice(i, j - 1)))
          j++;
        else if (d === 39 /* C23 digit separator */ && isIdentPart(at(j + 1))) j++;
        else break;
      }
      out.push({ kind: 'number', text: text.slice(i, j), start: i });
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== c && text.charCodeAt(j) !== 10) j += text.charCodeAt(j) === 92 ? 2 : 1;
      out.push({ kind: c === 34 ? 'string' : 'char', text: text.slice(i, Math.min(j + 1, n)), start: i });
      i = j + 1;
      continue;
    }
    const p = PUNCTUATORS.find((op) => text.startsWith(op, i));
    if (p) {
      out.push({ kind: 'punct', text: p, start: i });
      i += p.length;
      continue;
    }
    out.push({ kind: 'punct', text: text[i] ?? '', start: i });
    i++;
  }
  return out;
}

/** The content of a C string literal token, with simple escapes decoded. */
export function stringValue(token: string): string {
  const inner = token.replace(/^(L|u8|u|U)?"/, '').replace(/"$/, '');
  return inner.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };
    return simple[e] ?? e;
  });
}

/** Parses a C integer literal (decimal, hex, octal, binary; u/l suffixes). Undefined when it is not one. */
export function parseIntegerLiteral(text: string): bigint | undefined {
  const t = text.replace(/'/g, '').replace(/(?:[uU](?:ll|LL|l|L)?|(?:ll|LL|l|L)[uU]?)$/, '');
  try {
    if (/^0[xX][0-9a-fA-F]+$/.test(t)) return BigInt(t);
    if (/^0[bB][01]+$/.test(t)) return BigInt(t);
    if (/^0[0-7]*$/.test(t)) return t.length > 1 ? BigInt(`0o${t.slice(1)}`) : 0n;
    if (/^[1-9][0-9]*$/.test(t)) return BigInt(t);
  } catch {
    return undefined;
  }
  return undefined;
}
