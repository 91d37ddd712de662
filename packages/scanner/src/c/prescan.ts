/**
 * A lexical pre-pass that marks where a file could hold anything the extractor reports: crypto
 * function names, alias macros, wanted literals and strings, `#define`/`#undef`/`#include` lines
 * and initialiser lists. The syntax-tree walk skips function bodies, struct bodies
 * and parameter lists with no mark, which is most of the nodes of ordinary code. It never decides a
 * finding by itself: everything reported still comes from the syntax tree.
 */

interface PrescanKnowledge {
  readonly functions: { has(name: string): boolean };
  readonly literalValues: ReadonlySet<bigint>;
  readonly stringValues: ReadonlySet<string>;
  /** Constants naming algorithms (`PSA_ALG_GCM`): a body assigning one holds a value a call may use. */
  readonly symbols?: { has(name: string): boolean };
  /** Whether a string literal's content may name protocol algorithms (first name of a list is known). */
  readonly protocolString?: (content: string) => boolean;
}

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57);

export interface Prescan {
  /** Sorted offsets of interesting tokens. */
  readonly marks: number[];
  /** Object-like macros of this file that alias a crypto function (`#define SIGN mbedtls_pk_sign`). */
  readonly aliases: Set<string>;
  /** Whether the file names a known crypto function or alias outside comments and strings. */
  readonly namesCrypto: boolean;
  /**
   * Sorted offsets of `=`, `{`, `#`, quotes and number tokens that may be a wanted integer literal:
   * with the marks, where a declaration could hold a fact (an initialiser, a body, a directive, a
   * literal). A declaration with neither needs no walk.
   */
  readonly blockers: number[];
  /** Sorted offsets of comments holding a `#` (where a `#define` may be commented out, which the walk reads). */
  readonly notes: number[];
  /**
   * Hashes (calleeHash) of the identifiers called inside braces (`name(` at brace depth ≥ 1, so not a
   * definition or prototype), sorted and unique: whether the file may call a function another file defines,
   * without keeping every name.
   */
  readonly callees: number[];
}

/** FNV-1a over UTF-16 code units: the key of a called name in `Prescan.callees`. */
export function calleeHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const DEFINE_HEAD = /^#\s*define\s+([A-Za-z_]\w*)/;
const IDENT = /[A-Za-z_]\w*/g;

/** The logical line starting at `i` (backslash continuations joined). */
function logicalLine(text: string, i: number): string {
  let end = text.indexOf('\n', i);
  while (end > 0 && text.charCodeAt(end - 1 - (text.charCodeAt(end - 1) === 13 ? 1 : 0)) === 92) {
    end = text.indexOf('\n', end + 1);
  }
  return text.slice(i, end < 0 ? text.length : end);
}

/**
 * Whether the `=` at `i` belongs to `==`, `!=`, `<=` or `>=`: a comparison assigns nothing, so it does not keep a
 * statement or a condition from being passed over (`<<=` and `>>=` do assign).
 */
function isComparison(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (text.charCodeAt(i + 1) === 61 || prev === 61 || prev === 33) return true;
  return (prev === 60 || prev === 62) && text.charCodeAt(i - 2) !== prev;
}

/** Whether `text[from, to)` holds the character code `c` (indexOf alone would search on past `to`). */
function holds(text: string, c: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === c) return true;
  return false;
}

/** Marks interesting tokens; `aliases` are alias names known from other files (headers). */
export function prescan(text: string, k: PrescanKnowledge, known: ReadonlySet<string> = new Set()): Prescan {
  const marks: number[] = [];
  const blockers: number[] = [];
  const notes: number[] = [];
  const aliases = new Set<string>();
  const isAlias = (id: string) => known.has(id) || aliases.has(id);
  const n = text.length;
  let lineStart = true;
  let lastSignificant = 0;
  let namesCrypto = false;
  let depth = 0;
  const called = new Set<number>();
  // Each kind of offset is pushed from one place, at the next token: a branch only says where. The branches that are
  // rare (a comment holding a `#`, a wanted literal, an odd number) each reached their own push late in a large tree,
  // and V8 threw away the optimised loop (no feedback for that call yet) and compiled it again, 60-100 ms a time, in
  // every thread that extracts. An iteration adds at most one offset of each kind, at its own position, so the lists
  // stay sorted.
  let mark = -1;
  let blocker = -1;
  let note = -1;
  for (let i = 0; i < n; ) {
    if (mark >= 0) {
      marks.push(mark);
      mark = -1;
    }
    if (blocker >= 0) {
      blockers.push(blocker);
      blocker = -1;
    }
    if (note >= 0) {
      notes.push(note);
      note = -1;
    }
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const start = i;
      let hash = false;
      for (let d = text.charCodeAt(i); i < n && d !== 10; d = text.charCodeAt(++i)) if (d === 35) hash = true;
      if (hash) note = start;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const start = i;
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      if (holds(text, 35, start, i)) note = start;
      continue;
    }
    const atLineStart = lineStart;
    lineStart = false;
    if (c === 35 /* # */ && atLineStart) {
      blocker = i;
      // Definitions and includes are facts; conditionals only matter around other marks.
      let d = i + 1;
      while (d < n && (text.charCodeAt(d) === 32 || text.charCodeAt(d) === 9)) d++;
      const word = text.slice(d, d + 7);
      if (word.startsWith('define') || word.startsWith('undef') || word.startsWith('include')) mark = i;
      if (word.startsWith('define')) {
        // A macro whose body names a crypto function (alias or wrapper) makes its uses interesting.
        const line = logicalLine(text, i);
        const head = DEFINE_HEAD.exec(line);
        if (head) {
          const body = line.slice(head[0].length).replace(/\/\*.*?\*\/|\/\/.*$/gm, '');
          for (const id of body.match(IDENT) ?? []) {
            if (k.functions.has(id) || isAlias(id)) {
              aliases.add(head[1]!);
              break;
            }
          }
        }
      }
      i++;
      lastSignificant = c;
      continue;
    }
    if (c === 34 || c === 39) {
      blocker = i;
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== c && text.charCodeAt(j) !== 10) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (c === 34 && j - i > 3) {
        const content = text.slice(i + 1, j);
        if ((k.stringValues.size > 0 && k.stringValues.has(content)) || k.protocolString?.(content)) mark = i;
      }
      i = j + 1;
      lastSignificant = c;
      continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(text.charCodeAt(j))) j++;
      const id = text.slice(i, j);
      if (k.functions.has(id) || isAlias(id)) {
        mark = i;
        namesCrypto = true;
      } else if (depth > 0 && k.symbols?.has(id)) mark = i;
      if (depth > 0) {
        let p = j;
        while (p < n && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
        if (text.charCodeAt(p) === 40) called.add(calleeHash(id));
      }
      i = j;
      lastSignificant = 97;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && (isIdPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      if (j - i >= 4 && k.literalValues.size > 0) {
        const lit = text.slice(i, j).replace(/[uUlL]+$/, '');
        // Octal, binary and odd tokens are left to the syntax tree: a blocker, not a mark.
        let plain = false;
        try {
          if (/^(0[xX][0-9a-fA-F]+|[1-9][0-9]*)$/.test(lit)) {
            plain = true;
            if (k.literalValues.has(BigInt(lit))) mark = i;
          }
        } catch {
          /* not an integer */
        }
        if (!plain) blocker = i;
      }
      i = j;
      lastSignificant = 48;
      continue;
    }
    if (c === 123) depth++;
    else if (c === 125 && depth > 0) depth--;
    if (c === 123 && lastSignificant === 61) mark = i;
    if (c === 123 || c === 35 || (c === 61 && !isComparison(text, i))) blocker = i;
    lastSignificant = c;
    i++;
  }
  if (mark >= 0) marks.push(mark);
  if (blocker >= 0) blockers.push(blocker);
  if (note >= 0) notes.push(note);
  return { marks, aliases, namesCrypto, blockers, notes, callees: [...called].sort((a, b) => a - b) };
}

/** Whether any mark lies in [start, end). */
export function hasMark(marks: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < marks.length && marks[lo]! < end;
}
