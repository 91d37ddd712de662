/**
 * Turns one C file into FileFacts with a single tree-sitter query (one generic capture of calls,
 * macro definitions, conditionals, initialisers, declarations and literals) plus table lookups.
 * All walks are iterative or bounded, so hostile nesting cannot overflow the stack; the syntax tree
 * is dropped when this returns.
 */
import { redactSnippet } from '@pqready/core/redact';
import { matchLiteralSets, matchSequences, type Signatures } from './constant-match.js';
import type {
  ArrayFact,
  BranchFact,
  CommentedDefineFact,
  CondTerm,
  ConstantMatch,
  DefineFact,
  DefinitionFact,
  FileDiagnostic,
  FileFacts,
  FunctionFact,
  IncludeFact,
  Site,
  StringFact,
  StructFact,
  TableFact,
  ValueFact,
} from './facts.js';
import { followedFunctions, mayCall } from './follow.js';
import { neutralize } from './neutralize.js';
import { parseC, type SyntaxNode, type Tree } from './parser.js';
import { hasMark, type Prescan, prescan } from './prescan.js';
import { parseIntegerLiteral, type Token, tokenize } from './tokens.js';

/** What extraction needs to know to keep only relevant facts. */
export interface ExtractKnowledge {
  /** Crypto API function names (calls and references to these are kept). */
  readonly functions: { has(name: string): boolean };
  readonly signatures: Signatures;
  /** Alias macros defined in other files (headers), so calls through them are kept. */
  readonly aliases?: ReadonlySet<string>;
  /** Whether a macro definition may become a finding (needs line and snippet); default yes. */
  readonly sitedDefine?: (name: string) => boolean;
  /** Constants naming algorithms: bodies naming one are walked for the values they assign. */
  readonly symbols?: { has(name: string): boolean };
  /** Library API names (generic names aside): a file defining one is library source, whose helpers are not followed. */
  readonly library?: { has(name: string): boolean };
  /** Whether a string's content may name protocol algorithms (a cheap first test; the analysis decides). */
  readonly protocolString?: (content: string) => boolean;
  /**
   * Walk into every part of a walked statement (argument lists, conditions), as the walk did before it passed over
   * the parts with nothing marked: the reference a test compares the facts with.
   */
  readonly walkEveryPart?: boolean;
}

/** Parents under which an identifier is a value (function pointer) rather than a call or a declaration. */
const VALUE_PARENTS: Readonly<Record<string, string | null>> = {
  assignment_expression: 'right',
  init_declarator: 'value',
  initializer_pair: 'value',
  initializer_list: null,
  return_statement: null,
};
const ARG_PARENTS: Readonly<Record<string, string | null>> = { argument_list: null, pointer_expression: 'argument' };

const MAX_ARG_TEXT = 512;
/** Rounds of walking a file again for the functions it defines and calls (wrapper of a wrapper …). */
const MAX_FOLLOW_ROUNDS = 3;
const MAX_VALUE_TEXT = 256;
/** Ternary chains mapping an id to an algorithm run long (one arm per algorithm, with `#if`s between). */
const MAX_CHOICE_TEXT = 4096;
const MAX_STRING_TEXT = 4096;
const MAX_RETURNS = 32;
/** Nodes that delimit where an assignment holds on every path (see ValueFact.block). */
const BLOCK_TYPES: ReadonlySet<string> = new Set([
  'compound_statement',
  'case_statement',
  'if_statement',
  'else_clause',
  'for_statement',
  'while_statement',
  'do_statement',
]);
const MAX_TABLE_VALUES = 4096;
const SMALL_DECIMAL = /^[1-9][0-9]{0,8}$|^0$/;
/** Suffix-free hex, most of a constant table: BigInt reads it as parseIntegerLiteral would. */
const PLAIN_HEX = /^0[xX][0-9a-fA-F]+$/;
/**
 * Every integer literal of four or more characters (digits, hex, suffixes, separators) has this
 * shape somewhere; most macro bodies do not, and need no tokenizing for literals.
 */
const LONG_NUMBER = /\d[\w']{3}/;

class Lines {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineOf(index: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  site(index: number): { line: number; column: number; snippet: string } {
    const l = this.lineOf(index);
    const start = this.starts[l]!;
    const end = this.starts[l + 1] ?? this.text.length;
    const snippet = this.text.slice(start, Math.min(end, start + 400)).trim();
    const cut = snippet.length > 200 ? snippet.slice(0, 200) : snippet;
    return { line: l + 1, column: index - start + 1, snippet: redactSnippet(cut) };
  }
}

interface FnRange {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** Set for definitions whose body was walked (it holds a mark). */
  readonly detail?: { readonly params: readonly string[]; readonly nameIndex: number; readonly isStatic: boolean };
}

/** Parameter names of a parameter list's text (`(int a, const char *b[], void (*cb)(int))` → a, b, cb). */
function parameterNames(list: string): string[] {
  const inner = list.trim().replace(/^\(|\)$/g, '');
  if (inner.trim() === '' || inner.trim() === 'void') return [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of inner) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => {
    const t = p.trim();
    if (t === '...') return '...';
    const fnPtr = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(t);
    if (fnPtr) return fnPtr[1]!;
    const ids = t.replace(/\[[^\]]*\]/g, '').match(/[A-Za-z_]\w*/g) ?? [];
    return ids.length > 1 ? ids[ids.length - 1]! : '';
  });
}

/** Elements of one brace level of a token stream `{ a, { b, c }, .f = d }` (text per element, nested kept). */
function braceElements(toks: readonly Token[], from: number): { elements: Token[][]; end: number } {
  const elements: Token[][] = [[]];
  let depth = 0;
  let k = from;
  for (; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.text === '{' || t.text === '(' || t.text === '[') {
      depth++;
      if (depth === 1 && t.text === '{') continue;
    } else if (t.text === '}' || t.text === ')' || t.text === ']') {
      depth--;
      if (depth === 0) break;
    } else if (t.text === ',' && depth === 1) {
      elements.push([]);
      continue;
    }
    elements[elements.length - 1]!.push(t);
  }
  if (elements[elements.length - 1]!.length === 0) elements.pop();
  return { elements, end: k };
}

const joinTokens = (toks: readonly Token[]): string => toks.map((t) => t.text).join(' ');

/** Field names of a struct body's text in order (arrays, bit-fields and function pointers included). */
function structFields(body: string): string[] {
  const fields: string[] = [];
  for (const decl of body.split(';')) {
    const plain = decl
      .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/:\s*\d+\s*$/, '');
    const fnPtr = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(plain);
    if (fnPtr) {
      fields.push(fnPtr[1]!);
      continue;
    }
    const pieces = plain.split(',');
    pieces.forEach((piece, i) => {
      const ids = piece.match(/[A-Za-z_]\w*/g);
      // The first declarator follows its type (two or more words); later ones stand alone (`int a, b;`).
      if (ids && (ids.length > 1 || i > 0)) fields.push(ids[ids.length - 1]!);
    });
  }
  return fields;
}

/** The name an assignment stores into: `x`, `*p` (through a pointer), `.f` (a field of any struct). */
function assignedName(target: SyntaxNode): string | undefined {
  if (target.type === 'identifier') return target.text;
  if (target.type === 'pointer_expression') {
    const arg = target.childForFieldName('argument');
    return arg?.type === 'identifier' ? `*${arg.text}` : undefined;
  }
  if (target.type === 'field_expression') {
    const field = target.childForFieldName('field');
    return field ? `.${field.text}` : undefined;
  }
  if (target.type === 'parenthesized_expression' && target.namedChild(0)) return assignedName(target.namedChild(0)!);
  return undefined;
}

interface Table {
  readonly index: number;
  readonly end: number;
  readonly values: bigint[];
  /** Values of each brace-enclosed sub-list (struct members, rows), so one field's limbs stay together. */
  readonly groups: bigint[][];
}

const CONDITIONAL = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b/gm;

/** Ranges of the block comments of a text, in order (an unclosed one runs to the end). */
function blockComments(text: string): [number, number][] {
  const comments: [number, number][] = [];
  for (let i = text.indexOf('/*'); i >= 0; i = text.indexOf('/*', i + 2)) {
    const e = text.indexOf('*/', i + 2);
    comments.push([i, e < 0 ? text.length : e + 2]);
    if (e < 0) break;
    i = e;
  }
  return comments;
}

/**
 * For each conditional directive (`#if`, `#ifdef`, `#ifndef`, `#elif`, `#else`) the offset where its
 * branch ends: the next `#elif`/`#else`/`#endif` of the same nesting level, read from the lines.
 * Directives inside block comments are skipped.
 */
function directiveEnds(text: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  const comments = blockComments(text);
  let c = 0;
  CONDITIONAL.lastIndex = 0;
  for (let m = CONDITIONAL.exec(text); m; m = CONDITIONAL.exec(text)) {
    const at = m.index + m[0].indexOf('#');
    while (c < comments.length && comments[c]![1] <= at) c++;
    if (c < comments.length && comments[c]![0] < at) continue;
    const d = m[1]!;
    if (d === 'if' || d === 'ifdef' || d === 'ifndef') stack.push(at);
    else if (stack.length > 0) {
      out.set(stack[stack.length - 1]!, at);
      if (d === 'endif') stack.pop();
      else stack[stack.length - 1] = at;
    }
  }
  return out;
}

const CONDITION_LINE = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b((?:[^\n\\]|\\[\s\S])*)/gm;

/**
 * Branches of the conditional chains the grammar did not read as `#if` nodes (a `#ifdef` inside an
 * initialiser list comes out as an ERROR holding a bare directive), read from the lines: each link's
 * body runs from the end of its directive line to the next link, under the link's term and the negated
 * terms of the links before it. Only chains whose `#if` lies in an ERROR node (`errors`) and that the tree
 * did not read (`handled`, offsets of their `#`) are taken: elsewhere the tree's reading stands.
 */
function textualBranches(
  text: string,
  handled: ReadonlySet<number>,
  errors: readonly (readonly [number, number])[],
): BranchFact[] {
  const inError = (at: number) => errors.some(([s, e]) => s <= at && at < e);
  const out: BranchFact[] = [];
  const comments = blockComments(text);
  /** Open chains, innermost last; `undefined` for a chain the tree already read. */
  const stack: ({ start: number; terms: CondTerm[]; previous: CondTerm[] } | undefined)[] = [];
  const close = (at: number) => {
    const open = stack[stack.length - 1];
    if (open) out.push({ start: open.start, end: at, terms: open.terms });
  };
  let c = 0;
  CONDITION_LINE.lastIndex = 0;
  for (let m = CONDITION_LINE.exec(text); m; m = CONDITION_LINE.exec(text)) {
    const at = m.index + m[0].indexOf('#');
    while (c < comments.length && comments[c]![1] <= at) c++;
    if (c < comments.length && comments[c]![0] < at) continue;
    const d = m[1]!;
    const rest = m[2]!
      .replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*/g, ' ')
      .replace(/\\\r?\n/g, ' ')
      .trim();
    const lineEnd = m.index + m[0].length;
    const term: CondTerm | undefined =
      d === 'if' || d === 'elif'
        ? { expr: rest, negate: false }
        : d === 'ifdef' || d === 'ifndef'
          ? { expr: `defined(${rest.split(/\s/)[0]})`, negate: d === 'ifndef' }
          : undefined;
    if (d === 'if' || d === 'ifdef' || d === 'ifndef') {
      stack.push(handled.has(at) || !inError(at) ? undefined : { start: lineEnd, terms: [term!], previous: [] });
      continue;
    }
    if (stack.length === 0) continue;
    close(at);
    const open = stack[stack.length - 1];
    if (d === 'endif') stack.pop();
    else if (open) {
      const last = open.terms[open.terms.length - 1]!;
      const previous = [...open.previous, { expr: last.expr, negate: !last.negate }];
      stack[stack.length - 1] = { start: lineEnd, terms: term ? [...previous, term] : previous, previous };
    }
  }
  return out;
}

/** A line comment or single-line block comment holding nothing but a `#define`. */
const COMMENTED_DEFINE = /^(?:\/\/+|\/\*+)\s*#\s*define\s+([A-Za-z_]\w*)([^\n]*?)\s*(?:\*+\/)?\s*$/;

/** Whether only blanks precede `index` on its line. */
function startsLine(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

const MAX_PASTE_OUTPUT = 1 << 16;
const MAX_COMMENTED = 4096;

/** Token streams with every pasting macro call expanded, one stream per combination of definitions (at most 4). */
function expandPasting(
  toks: readonly Token[],
  macros: ReadonlyMap<string, readonly { params: readonly string[]; body: string }[]>,
): Token[][] {
  let variantCount = 1;
  for (const t of toks) {
    const defs = t.kind === 'ident' ? macros.get(t.text) : undefined;
    if (defs) variantCount = Math.max(variantCount, defs.length);
  }
  const out: Token[][] = [];
  for (let v = 0; v < variantCount; v++) {
    const stream: Token[] = [];
    let changed = false;
    for (let i = 0; i < toks.length && stream.length < MAX_PASTE_OUTPUT; i++) {
      const t = toks[i]!;
      const defs = t.kind === 'ident' && toks[i + 1]?.text === '(' ? macros.get(t.text) : undefined;
      if (!defs) {
        stream.push(t);
        continue;
      }
      const def = defs[Math.min(v, defs.length - 1)]!;
      let depth = 0;
      let j = i + 1;
      const args: Token[][] = [[]];
      for (; j < toks.length; j++) {
        const x = toks[j]!;
        if (x.text === '(') {
          depth++;
          if (depth === 1) continue;
        } else if (x.text === ')') {
          depth--;
          if (depth === 0) break;
        } else if (x.text === ',' && depth === 1) {
          args.push([]);
          continue;
        }
        args[args.length - 1]!.push(x);
      }
      stream.push(...pasteExpand(def.params, def.body, args));
      changed = true;
      i = j;
    }
    out.push(stream);
    if (!changed) break;
  }
  return out;
}

/** One function-like macro body with arguments substituted and `##` applied. */
function pasteExpand(params: readonly string[], body: string, args: readonly Token[][]): Token[] {
  const parts = tokenize(body);
  const pieces: string[] = [];
  let glue = false;
  for (const t of parts) {
    if (t.text === '##') {
      glue = true;
      continue;
    }
    const p = t.kind === 'ident' ? params.indexOf(t.text) : -1;
    const text = p >= 0 ? (args[p] ?? []).map((x) => x.text).join('') : t.text;
    if (glue && pieces.length > 0) pieces[pieces.length - 1] += text;
    else pieces.push(text);
    glue = false;
  }
  return tokenize(pieces.join(' ')).map((t) => ({ kind: t.kind, text: t.text }));
}

/** Numbers of a token stream into a table (no sites: a second variant of an already read table). */
function readTableValues(toks: readonly Token[], table: Table, _sites: undefined): void {
  let group: bigint[] | undefined;
  const stack: (bigint[] | undefined)[] = [];
  for (let k = 0; k < toks.length && table.values.length < MAX_TABLE_VALUES; k++) {
    const t = toks[k]!;
    if (t.text === '{') {
      stack.push(group);
      group = [];
      table.groups.push(group);
    } else if (t.text === '}') group = stack.pop();
    else if (t.kind === 'number') {
      let v = parseIntegerLiteral(t.text);
      if (v === undefined) continue;
      if (toks[k - 1]?.text === '-' && [',', '{', '('].includes(toks[k - 2]?.text ?? ',')) v = -v;
      table.values.push(v);
      group?.push(v);
    }
  }
}

/** Name of a declarator chain (function_declarator → pointer_declarator → … → identifier), iteratively. */
function declaratorName(node: SyntaxNode): string | undefined {
  let cur: SyntaxNode | null = node;
  for (let guard = 0; cur && guard < 64; guard++) {
    if (cur.type === 'identifier' || cur.type === 'field_identifier') return cur.text;
    cur = cur.childForFieldName('declarator') ?? cur.namedChild(0);
  }
  return undefined;
}

/**
 * The branches of one `#if`/`#ifdef` chain, read through the cursor (left where it was): the
 * condition or name of each link, its body range and the `#elif`/`#else` that follows.
 * `src` is the text the tree was parsed from.
 */
function branchesOf(
  cursor: Cursor,
  src: string,
  topLevel: boolean,
  textualEnd: ReadonlyMap<number, number>,
): BranchFact[] {
  const out: BranchFact[] = [];
  const previous: CondTerm[] = [];
  let depth = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const type = typeOf(cursor);
    // The preprocessor decides where a branch ends, not the C grammar: an unbalanced brace inside
    // `#ifdef NS / namespace NS { / #endif` must not stretch the branch over the rest of the file.
    const lineEnd = textualEnd.get(cursor.startIndex);
    if (type === 'preproc_else') {
      out.push({
        start: cursor.startIndex,
        end: Math.min(cursor.endIndex, lineEnd ?? Number.POSITIVE_INFINITY),
        terms: [...previous],
      });
      break;
    }
    const isIf = type === 'preproc_if' || type === 'preproc_elif';
    const want = isIf ? 'condition' : 'name';
    const end = Math.min(cursor.endIndex, lineEnd ?? Number.POSITIVE_INFINITY);
    let keyStart = -1;
    let keyEnd = -1;
    let directive = '';
    let alt: number | undefined;
    if (cursor.gotoFirstChild()) {
      directive = typeOf(cursor);
      do {
        const f = fieldOf(cursor);
        if (f === want && keyStart < 0) {
          keyStart = cursor.startIndex;
          keyEnd = cursor.endIndex;
        } else if (f === 'alternative') {
          alt = cursor.startIndex;
          break;
        }
      } while (cursor.gotoNextSibling());
      if (alt === undefined) cursor.gotoParent();
      else depth++;
    }
    if (keyStart < 0) break;
    const key = src.slice(keyStart, keyEnd);
    const term: CondTerm = isIf
      ? { expr: key, negate: false }
      : { expr: `defined(${key})`, negate: directive.endsWith('ndef') };
    let guard2 = false;
    // An include guard: a top-level `#ifndef X` whose first item is an empty `#define X`.
    if (type === 'preproc_ifdef' && term.negate && alt === undefined && topLevel) {
      const first = cursor.currentNode.namedChild(1);
      guard2 =
        first?.type === 'preproc_def' &&
        first.childForFieldName('name')?.text === key &&
        (first.childForFieldName('value')?.text.trim() ?? '') === '';
    }
    // A default: `#ifndef X` (or `#if !defined(X)`) whose first item defines X with a value, and no `#else`.
    let defaultFor: string | undefined;
    const negName =
      type === 'preproc_ifdef' && term.negate
        ? key
        : isIf
          ? /^!\s*defined\s*\(?\s*([A-Za-z_]\w*)\s*\)?$/.exec(key.trim())?.[1]
          : undefined;
    if (negName && !guard2 && alt === undefined && previous.length === 0) {
      const first = cursor.currentNode.namedChild(1);
      if (
        first?.type === 'preproc_def' &&
        first.childForFieldName('name')?.text === negName &&
        (first.childForFieldName('value')?.text.trim() ?? '') !== ''
      )
        defaultFor = negName;
    }
    out.push({
      start: keyEnd,
      end: Math.min(alt ?? end, end),
      terms: [...previous, term],
      ...(guard2 ? { guard: true } : {}),
      ...(defaultFor ? { defaultFor } : {}),
    });
    previous.push({ expr: term.expr, negate: !term.negate });
    if (alt === undefined) break;
  }
  for (; depth > 0; depth--) cursor.gotoParent();
  return out;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;

/** Whether a number literal is negated by a unary minus, read from the text before it. */
function negated(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) !== 45 /* - */) return false;
  i--;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const c = text[i];
  return c === ',' || c === '{' || c === '(' || c === '=';
}

type Cursor = import('tree-sitter').TreeCursor;

/**
 * Node type and field names by numeric id. The string getters build a fresh string in native code
 * for every node; the ids are plain numbers, and the names (one grammar per thread) are read once
 * and internalised, so the walk's comparisons are pointer comparisons.
 */
const typeNames: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
const fieldNames = new Map<number, string>();
const internal = (s: string): string => Object.keys({ [s]: 0 })[0]!;

function typeOf(cursor: Cursor): string {
  return nameOf(cursor, cursor.nodeTypeId);
}

/**
 * Per node type id, whether nodes of the type are leaves: anonymous nodes are the grammar's tokens (punctuation,
 * keywords), about half of what the walk meets, and asking the cursor for a token's first child was a native call
 * that always failed. Filled with typeNames.
 */
const leafTypes = new Uint8Array(0x10000);

/** The type name of the node under the cursor, whose type id is `id` (learning the id's name and leafness once). */
function nameOf(cursor: Cursor, id: number): string {
  let t = typeNames[id];
  if (t === undefined) {
    t = internal(cursor.nodeType);
    typeNames[id] = t;
    leafTypes[id] = cursor.nodeIsNamed ? 0 : 1;
  }
  return t;
}

function fieldOf(cursor: Cursor): string | undefined {
  const id = cursor.currentFieldId as number | undefined;
  if (id === undefined) return undefined;
  let f = fieldNames.get(id);
  if (f === undefined) {
    f = internal(cursor.currentFieldName);
    fieldNames.set(id, f);
  }
  return f;
}

/**
 * Whether the init_declarator under the cursor initialises data with a numeric initialiser list:
 * those are only interesting to the table walk, so the node is not materialised. The cursor is
 * left where it was.
 */
/** Whether an initialiser list's first element, from `i` on, is a number or a nested list (a numeric table). */
function startsNumeric(text: string, i: number): boolean {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || c === 45 || c === 123 /* { nested */;
}

/** The facts of a file nothing could be read from, with the diagnostics saying why. */
export function emptyFacts(path: string, diagnostics: FileDiagnostic[]): FileFacts {
  return {
    path,
    branches: [],
    defines: [],
    includes: [],
    calls: [],
    values: [],
    arrays: [],
    constants: [],
    definitions: [],
    commentedDefines: [],
    functions: [],
    strings: [],
    tables: [],
    structs: [],
    callees: [],
    program: false,
    diagnostics,
  };
}

/** Extracts facts from C text. Never throws: failures become diagnostics. */
export function extractFacts(path: string, raw: string, knowledge: ExtractKnowledge): FileFacts {
  const diagnostics: FileDiagnostic[] = [];
  // NUL padding after the last line (editors, tools that write fixed-size blocks) is not content.
  const text = raw.replace(/\0+$/, '');
  const empty = emptyFacts(path, diagnostics);
  if (text.includes('\0')) {
    diagnostics.push({ code: 'c-binary', message: 'The file contains NUL bytes and was not parsed as C.' });
    return empty;
  }
  try {
    const parsed = parse(text);
    let facts = extractUnsafe(path, text, knowledge, diagnostics, parsed);
    // A file calling functions it defines that the analysis follows (a static wrapper, a helper storing an
    // algorithm through a pointer) is walked again, on the same syntax tree, with their names kept, so
    // those calls become facts.
    let known = knowledge.aliases ?? new Set<string>();
    const followedHere: string[] = [];
    let settled = true;
    for (let round = 0; ; round++) {
      const own = followedFunctions(facts, knowledge, known).filter((n) => !known.has(n) && mayCall(facts, n));
      if (own.length === 0) break;
      if (round === MAX_FOLLOW_ROUNDS) {
        settled = false;
        break;
      }
      followedHere.push(...own);
      known = new Set([...known, ...own]);
      diagnostics.length = 0;
      facts = extractUnsafe(path, text, { ...knowledge, aliases: known }, diagnostics, parsed);
    }
    return settled && followedHere.length > 0 ? { ...facts, followedHere: followedHere.sort() } : facts;
  } catch (e) {
    diagnostics.push({ code: 'c-parse-failed', message: `The C parser failed: ${(e as Error).message}` });
    return empty;
  }
}

interface Parsed {
  readonly source: string;
  readonly tree: Tree;
  readonly lines: Lines;
}

function parse(text: string): Parsed {
  // Offsets are shared: neutralize() keeps length, so `text` still serves lines and snippets.
  const source = neutralize(text);
  return { source, tree: parseC(source), lines: new Lines(text) };
}

/**
 * The state of one walk over a file's syntax tree: what it reads and what it has gathered so far. The walk's
 * readers are small functions over this state rather than one function with every case inline: V8 compiled that
 * function about ten times per thread (a deoptimisation in any case recompiled all of them), some 300 ms each,
 * which cost more CPU than the parse on two cores.
 */
class Walk {
  readonly branches: BranchFact[] = [];
  readonly fns: FnRange[] = [];
  readonly defines: Omit<DefineFact, keyof Site | 'branches'>[] = [];
  readonly defineIdx: number[] = [];
  readonly includes: { target: string; form: IncludeFact['form']; index: number }[] = [];
  readonly calls: { name: string; args: string[]; index: number; reference?: boolean }[] = [];
  readonly values: ValueFact[] = [];
  readonly arrays: ArrayFact[] = [];
  readonly tables: Table[] = [];
  readonly definitions: { name: string; params: string; index: number; start: number; end: number }[] = [];
  readonly commented: { name: string; body: string; index: number }[] = [];
  readonly strings: { value: string; index: number; context: StringFact['context']; target?: string }[] = [];
  readonly tableFacts: TableFact[] = [];
  readonly structs: StructFact[] = [];
  readonly returns: { value: string; index: number }[] = [];
  /** Ranges of the enclosing block nodes (BLOCK_TYPES) of the cursor, innermost last. */
  readonly blocks: [number, number][] = [];
  readonly blockDepth: number[] = [];
  /** Node types of the cursor's ancestors, innermost last. */
  readonly ancestors: string[] = [];
  /** Function-like macros defined so far whose body pastes tokens: they build constant tables. */
  readonly pasting = new Map<string, { params: readonly string[]; body: string }[]>();
  textualEnds: Map<number, number> | undefined = undefined;
  readonly literalSites = new Map<bigint, number>();
  readonly stringSites: { value: string; index: number }[] = [];
  firstError: number | undefined = undefined;
  /** Offsets of the `#if`/`#ifdef` chains read from the tree, and the ERROR nodes' ranges (where the others are). */
  readonly treeChains = new Set<number>();
  readonly errorRanges: [number, number][] = [];
  openTable: Table | undefined = undefined;
  readonly wantedLiteral: ReadonlySet<bigint>;
  readonly wantedStrings: ReadonlySet<string>;
  readonly wantString: (content: string) => boolean;
  readonly marks: Prescan['marks'];
  /**
   * Skipping declarations relies on every alias use being marked, which a file defining its own aliases (possibly
   * after a use) does not guarantee.
   */
  readonly skipDeclarations: boolean;
  /** Whether the tree has a parse error anywhere (most have none: no node needs asking then). */
  readonly treeHasError: boolean;

  constructor(
    readonly text: string,
    readonly source: string,
    readonly cursor: Cursor,
    readonly knowledge: ExtractKnowledge,
    readonly pre: Prescan,
    tree: Tree,
  ) {
    this.wantedLiteral = knowledge.signatures.literalValues;
    this.wantedStrings = knowledge.signatures.stringValues;
    this.wantString = knowledge.protocolString ?? (() => false);
    this.marks = pre.marks;
    this.skipDeclarations = pre.aliases.size === 0;
    this.treeHasError = tree.rootNode.hasError;
  }

  isAlias(name: string): boolean {
    return this.pre.aliases.has(name) || (this.knowledge.aliases?.has(name) ?? false);
  }

  parent(): string | undefined {
    return this.ancestors[this.ancestors.length - 1];
  }

  /** Whether the cursor is inside the table being read. */
  inTable(start: number): boolean {
    return this.openTable !== undefined && start < this.openTable.end;
  }
}

function noteLiterals(w: Walk, body: string, index: number): void {
  if (!LONG_NUMBER.test(body)) return;
  for (const t of tokenize(body)) {
    if (t.kind !== 'number' || t.text.length < 4) continue;
    const v = parseIntegerLiteral(t.text);
    if (v !== undefined && w.wantedLiteral.has(v) && !w.literalSites.has(v)) w.literalSites.set(v, index);
  }
}

/** Where a string in the walk writes data: the nearest ancestor that decides it (arguments and conditions never do). */
function stringContext(w: Walk): { context: StringFact['context']; target?: string } | undefined {
  const ancestors = w.ancestors;
  for (let k = ancestors.length - 1; k >= 0; k--) {
    const a = ancestors[k];
    if (
      a === 'parenthesized_expression' ||
      a === 'concatenated_string' ||
      a === 'cast_expression' ||
      a === 'conditional_expression'
    )
      continue;
    if (a === 'init_declarator') return { context: 'init' };
    if (a === 'initializer_list' || a === 'initializer_pair') return { context: 'table' };
    if (a === 'assignment_expression') return { context: 'assign' };
    if (a === 'return_statement') return { context: 'return' };
    return undefined;
  }
  return undefined;
}

/**
 * A table holding names (not only numbers): its protocol-name strings, designated field values
 * (`.alg = PSA_ALG_GCM`) and, for a table of structs, its rows with the struct's field order.
 */
function noteNamedTable(w: Walk, toks: readonly Token[], base: number): void {
  for (const t of toks) {
    if (t.kind !== 'string' || t.start === undefined) continue;
    const inner = t.text.slice(1, -1);
    if (inner.length <= MAX_STRING_TEXT && w.wantString(inner))
      w.strings.push({ value: inner, index: base + t.start, context: 'table' });
  }
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k]!.text !== '.' || toks[k + 1]!.kind !== 'ident' || toks[k + 2]!.text !== '=') continue;
    let depth = 0;
    const vt: Token[] = [];
    for (let j = k + 3; j < toks.length; j++) {
      const x = toks[j]!;
      if (x.text === '(' || x.text === '{' || x.text === '[') depth++;
      else if (x.text === ')' || x.text === '}' || x.text === ']') {
        if (depth === 0) break;
        depth--;
      } else if (x.text === ',' && depth === 0) break;
      vt.push(x);
    }
    if (vt.length > 0 && vt.length <= 64)
      w.values.push({ name: `.${toks[k + 1]!.text}`, value: joinTokens(vt), index: base + (toks[k]!.start ?? 0) });
  }
  const { elements } = braceElements(toks, 0);
  const rows = elements
    .filter((e) => e[0]?.text === '{' && !e.some((t) => t.text === '='))
    .slice(0, 1024)
    .map((e) => braceElements(e, 0).elements.map(joinTokens));
  if (rows.length === 0) return;
  const decl = w.cursor.currentNode.parent;
  if (decl?.type !== 'init_declarator') return;
  const name = declaratorName(decl.childForFieldName('declarator') ?? decl);
  const typeNode = decl.parent?.childForFieldName('type');
  if (!name || !typeNode) return;
  const body = typeNode.type === 'struct_specifier' ? typeNode.childForFieldName('body') : null;
  const fields = body ? structFields(w.text.slice(body.startIndex + 1, body.endIndex - 1)) : undefined;
  const typeText = body ? '' : typeNode.text.replace(/\s+/g, ' ');
  w.tableFacts.push({ name, type: typeText, rows, index: base, ...(fields ? { fields } : {}) });
}

function onNumber(w: Walk): void {
  const { cursor, text } = w;
  const start = cursor.startIndex;
  const t = text.slice(start, cursor.endIndex);
  const inTable = w.inTable(start);
  if (!inTable && t.length < 4) return;
  let v = SMALL_DECIMAL.test(t) || PLAIN_HEX.test(t) ? BigInt(t) : parseIntegerLiteral(t);
  if (v === undefined) return;
  const table = w.openTable;
  if (inTable && table!.values.length < MAX_TABLE_VALUES) {
    if (negated(text, start)) v = -v;
    table!.values.push(v);
  }
  const abs = v < 0n ? -v : v;
  if (w.wantedLiteral.has(abs) && !w.literalSites.has(abs)) w.literalSites.set(abs, start);
}

function onIdentifier(w: Walk): void {
  const parent = w.parent() ?? '';
  const valueField = VALUE_PARENTS[parent];
  const argField = ARG_PARENTS[parent];
  if (valueField === undefined && argField === undefined) return;
  const { cursor } = w;
  const wantField = valueField !== undefined ? valueField : argField;
  if (wantField !== null && fieldOf(cursor) !== wantField) return;
  const name = w.text.slice(cursor.startIndex, cursor.endIndex);
  // Values (assignments, initialisers) may name a crypto function through a macro alias.
  if (w.knowledge.functions.has(name) || (valueField !== undefined && w.isAlias(name)))
    w.calls.push({ name, args: [], index: cursor.startIndex, reference: true });
}

function onComment(w: Walk): void {
  const { cursor, text } = w;
  const start = cursor.startIndex;
  const c = text.charCodeAt(start + 1);
  if (c !== 47 && c !== 42) return;
  const m = COMMENTED_DEFINE.exec(text.slice(start, Math.min(cursor.endIndex, start + 400)));
  if (m && w.commented.length < MAX_COMMENTED && startsLine(text, start))
    w.commented.push({ name: m[1]!, body: (m[2] ?? '').trim(), index: start });
}

/** Whether a declaration, typedef or field needs walking (see the walk). */
function declarationMatters(w: Walk): boolean {
  const { cursor } = w;
  // Prototypes, typedefs and fields are most of a header's nodes. With no mark or blocker in their
  // text and no parse error (whose position is reported) they cannot hold a fact.
  return !(
    w.skipDeclarations &&
    (w.openTable === undefined || cursor.startIndex >= w.openTable.end) &&
    !hasMark(w.marks, cursor.startIndex, cursor.endIndex) &&
    !hasMark(w.pre.blockers, cursor.startIndex, cursor.endIndex) &&
    !(w.treeHasError && cursor.currentNode.hasError)
  );
}

/**
 * Whether an expression statement needs walking. As for a declaration: a fact needs a mark (a crypto name, a wanted
 * literal or string) or a blocker (`=` of an assignment, a quote, `{`, a directive) in its text, or a parse error. A
 * comment inside it is also read (a commented-out `#define`). Most statements of a walked body are calls to
 * other functions, increments and the like, whose nodes the walk visited one by one for nothing.
 */
function statementMatters(w: Walk): boolean {
  return declarationMatters(w) || hasMark(w.pre.notes, w.cursor.startIndex, w.cursor.endIndex);
}

function onString(w: Walk): void {
  const { cursor } = w;
  const inner = w.text.slice(cursor.startIndex + 1, cursor.endIndex - 1);
  const parent = w.parent();
  // Only strings that initialise data count; message strings and comments never do.
  if (
    w.wantedStrings.size > 0 &&
    w.wantedStrings.has(inner) &&
    (parent === 'init_declarator' || parent === 'initializer_list')
  )
    w.stringSites.push({ value: inner, index: cursor.startIndex });
  if (
    !w.inTable(cursor.startIndex) &&
    parent !== 'concatenated_string' &&
    inner.length <= MAX_STRING_TEXT &&
    w.wantString(inner)
  ) {
    const where = stringContext(w);
    if (where) w.strings.push({ value: inner, index: cursor.startIndex, ...where });
  }
}

function onConcatenatedString(w: Walk): void {
  const { cursor } = w;
  // Adjacent literals are one string; macros between them are left out (their own definitions count).
  const raw = w.text.slice(cursor.startIndex, Math.min(cursor.endIndex, cursor.startIndex + MAX_STRING_TEXT));
  const joined = tokenize(raw)
    .filter((t) => t.kind === 'string')
    .map((t) => t.text.slice(1, -1))
    .join('');
  const first = joined.split(/[,:\s]/, 1)[0] ?? '';
  if (!w.inTable(cursor.startIndex) && (w.wantString(joined) || w.wantString(first))) {
    const where = stringContext(w);
    if (where) w.strings.push({ value: joined, index: cursor.startIndex, ...where });
  }
}

function onReturn(w: Walk): void {
  if (w.returns.length >= 4096) return;
  const { cursor } = w;
  const s0 = cursor.startIndex + 6;
  const e0 = cursor.endIndex;
  if (e0 - s0 > MAX_CHOICE_TEXT) return;
  const value = w.text.slice(s0, e0).replace(/;\s*$/, '').trim();
  if (value) w.returns.push({ value, index: cursor.startIndex });
}

function onStruct(w: Walk): void {
  const node = w.cursor.currentNode;
  const body = node.childForFieldName('body');
  if (!body || body.endIndex - body.startIndex > 8192) return;
  const names: string[] = [];
  const tag = node.childForFieldName('name')?.text;
  if (tag) names.push(`struct ${tag}`, tag);
  if (w.parent() === 'type_definition') {
    const td = node.parent?.childForFieldName('declarator');
    const alias = td ? declaratorName(td) : undefined;
    if (alias) names.push(alias);
  }
  if (names.length === 0) return;
  const fields = structFields(w.text.slice(body.startIndex + 1, body.endIndex - 1));
  if (fields.length > 0) w.structs.push({ names, fields });
}

/** Reads an initialiser list; whether the walk goes on into it (a list naming functions or aliases). */
function onInitializerList(w: Walk): boolean {
  const { cursor } = w;
  if (w.inTable(cursor.startIndex)) return true;
  const table: Table = { index: cursor.startIndex, end: cursor.endIndex, values: [], groups: [] };
  w.openTable = table;
  w.tables.push(table);
  // A data table (no names that could be crypto functions or macro aliases) is read from its
  // tokens instead of walking one syntax node per number: tables are most of a big file's nodes.
  const raw = tokenize(w.text.slice(table.index, table.end));
  if (raw.some((t) => t.kind === 'ident' || t.kind === 'string')) noteNamedTable(w, raw, table.index);
  if (raw.some((t) => t.kind === 'ident' && (w.knowledge.functions.has(t.text) || w.isAlias(t.text)))) return true;
  // Word-building macros (BYTES_TO_WORDS_8(a, …) → 0x##d##c##b##a) are expanded with every
  // definition the file has seen, one value stream per variant.
  const variants = w.pasting.size > 0 ? expandPasting(raw, w.pasting) : [raw];
  for (let v = 1; v < variants.length; v++) {
    const alt: Table = { index: table.index, end: table.end, values: [], groups: [] };
    readTableValues(variants[v]!, alt, undefined);
    w.tables.push(alt);
  }
  readTokenTable(w, variants[0]!, table);
  return false;
}

/** The values, groups and wanted literals and strings of a table read from its tokens. */
function readTokenTable(w: Walk, toks: readonly Token[], table: Table): void {
  let group: bigint[] | undefined;
  const groupStack: (bigint[] | undefined)[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind === 'punct' && t.text === '{') {
      groupStack.push(group);
      group = [];
      table.groups.push(group);
      continue;
    }
    if (t.kind === 'punct' && t.text === '}') {
      group = groupStack.pop();
      continue;
    }
    if (t.kind === 'string') {
      const inner = t.text.slice(1, -1);
      if (t.start !== undefined && w.wantedStrings.has(inner))
        w.stringSites.push({ value: inner, index: table.index + t.start });
      continue;
    }
    if (t.kind !== 'number') continue;
    let v = SMALL_DECIMAL.test(t.text) || PLAIN_HEX.test(t.text) ? BigInt(t.text) : parseIntegerLiteral(t.text);
    if (v === undefined) continue;
    const prev = toks[k - 1];
    const before = toks[k - 2];
    if (
      prev?.text === '-' &&
      (before === undefined || before.text === ',' || before.text === '{' || before.text === '(')
    )
      v = -v;
    if (table.values.length < MAX_TABLE_VALUES) {
      table.values.push(v);
      group?.push(v);
    }
    const abs = v < 0n ? -v : v;
    if (t.start !== undefined && w.wantedLiteral.has(abs) && !w.literalSites.has(abs))
      w.literalSites.set(abs, table.index + t.start);
  }
}

function onCall(w: Walk): void {
  const { cursor, text } = w;
  // Peek at the callee through the cursor; only crypto calls are read further.
  let name: string | undefined;
  if (cursor.gotoFirstChild()) {
    if (typeOf(cursor) === 'identifier') name = text.slice(cursor.startIndex, cursor.endIndex);
    cursor.gotoParent();
  }
  if (name === undefined || (!w.knowledge.functions.has(name) && !w.isAlias(name))) return;
  let index = -1;
  let args: string[] | undefined;
  cursor.gotoFirstChild();
  do {
    const field = fieldOf(cursor);
    if (field === 'function' && index < 0) index = cursor.startIndex;
    else if (field === 'arguments' && args === undefined) args = argumentTexts(w);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  w.calls.push({ name, args: args ?? [], index });
}

/** The texts of the argument list under the cursor (named children, comments aside; at most 16). */
function argumentTexts(w: Walk): string[] {
  const { cursor, source } = w;
  const args: string[] = [];
  if (!cursor.gotoFirstChild()) return args;
  do {
    const id = cursor.nodeTypeId;
    const type = nameOf(cursor, id);
    if (leafTypes[id] === 1 || type === 'comment') continue;
    if (args.length >= 16) break;
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    args.push(source.slice(start, end - start > MAX_ARG_TEXT ? start + MAX_ARG_TEXT : end));
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return args;
}

function onDefine(w: Walk, type: string): void {
  const { cursor, text } = w;
  // Read name, parameters and body through the cursor: headers hold thousands of these.
  const start = cursor.startIndex;
  let name: string | undefined;
  let body = '';
  let paramText: string | undefined;
  let bodyStart = start;
  if (cursor.gotoFirstChild()) {
    // The first child is the `#define` token itself, never a field.
    while (cursor.gotoNextSibling()) {
      const f = fieldOf(cursor);
      if (f === 'name') name = text.slice(cursor.startIndex, cursor.endIndex);
      else if (f === 'value') {
        const raw = text.slice(cursor.startIndex, cursor.endIndex);
        body = raw.trim();
        bodyStart = cursor.startIndex + (raw.length - raw.trimStart().length);
      } else if (f === 'parameters') paramText = text.slice(cursor.startIndex, cursor.endIndex);
    }
    cursor.gotoParent();
  }
  if (!name) return;
  const params = type === 'preproc_function_def' ? macroParams(paramText) : undefined;
  w.defines.push({ name, body, ...(params ? { params } : {}) });
  w.defineIdx.push(start);
  if (params && body.includes('##') && params.length > 0 && params.length <= 16) {
    const list = w.pasting.get(name) ?? [];
    if (list.length < 4 && !list.some((x) => x.body === body)) list.push({ params, body });
    w.pasting.set(name, list);
  }
  if (body) noteLiterals(w, body, start);
  if (!params && body.includes('"')) {
    for (const t of tokenize(body)) {
      if (t.kind !== 'string' || t.start === undefined) continue;
      const inner = t.text.slice(1, -1);
      if (inner.length <= MAX_STRING_TEXT && w.wantString(inner))
        w.strings.push({ value: inner, index: bodyStart + t.start, context: 'define', target: name });
    }
  }
}

/** A function-like macro's parameter names, `__VA_ARGS__` for `...`. */
function macroParams(paramText: string | undefined): string[] {
  const params = (paramText ?? '')
    .replace(/^\(|\)$/g, '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => /^[A-Za-z_]\w*$/.test(x));
  if (paramText?.includes('...')) params.push('__VA_ARGS__');
  return params;
}

function onPreprocCall(w: Walk): void {
  const node = w.cursor.currentNode;
  const dir = node.childForFieldName('directive');
  if (dir?.text !== '#undef') return;
  const arg = node.childForFieldName('argument')?.text.trim();
  if (arg && /^[A-Za-z_]\w*$/.test(arg)) {
    w.defines.push({ name: arg, body: '', undef: true });
    w.defineIdx.push(node.startIndex);
  }
}

function onInclude(w: Walk): void {
  const node = w.cursor.currentNode.childForFieldName('path');
  if (!node) return;
  const t = node.text;
  const form = node.type === 'string_literal' ? 'quote' : node.type === 'system_lib_string' ? 'angle' : 'macro';
  w.includes.push({ target: form === 'macro' ? t : t.slice(1, -1), form, index: node.startIndex });
}

function onConditional(w: Walk): void {
  const { cursor } = w;
  w.treeChains.add(cursor.startIndex);
  w.textualEnds ??= directiveEnds(w.source);
  w.branches.push(...branchesOf(cursor, w.source, w.parent() === 'translation_unit', w.textualEnds));
}

function onFunction(w: Walk): void {
  const { text, source, cursor } = w;
  // Read through the cursor: a tree has a node per function, and most need only their name and range.
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  const at = declaratorNameAt(cursor);
  if (!at) return;
  const name = source.slice(at[0], at[1]);
  if (!name) return;
  if (hasMark(w.marks, start, end)) {
    const plist = parametersAt(cursor);
    const params = plist ? parameterNames(text.slice(plist[0], plist[1])) : [];
    const head = text.slice(start, at[0]);
    w.fns.push({ start, end, name, detail: { params, nameIndex: at[0], isStatic: /\bstatic\b/.test(head) } });
  } else w.fns.push({ start, end, name });
  if (w.knowledge.functions.has(name)) {
    const plist = parametersAt(cursor);
    const ptext = plist ? text.slice(plist[0], Math.min(plist[1], plist[0] + MAX_ARG_TEXT)) : '';
    w.definitions.push({ name, params: ptext, index: at[0], start, end });
  }
}

/** Moves the cursor to the current node's first child in `field`; false, the cursor unmoved, if it has none. */
function gotoField(cursor: Cursor, field: string): boolean {
  if (!cursor.gotoFirstChild()) return false;
  do if (fieldOf(cursor) === field) return true;
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return false;
}

/** Moves the cursor to the current node's first named child; false, the cursor unmoved, if it has none. */
function gotoFirstNamed(cursor: Cursor): boolean {
  if (!cursor.gotoFirstChild()) return false;
  do if (leafTypes[cursor.nodeTypeId] === 0) return true;
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return false;
}

/**
 * Follows a definition's declarator chain from the cursor (its `declarator` fields; with `anyNamed`, the first named
 * child where there is none) to the first node whose type `stop` accepts, and reads it with `at`; the cursor comes back.
 */
function alongDeclarators<T>(
  cursor: Cursor,
  stop: (type: string) => boolean,
  anyNamed: boolean,
  at: (cursor: Cursor) => T | undefined,
): T | undefined {
  if (!gotoField(cursor, 'declarator')) return undefined;
  let depth = 1;
  let found: T | undefined;
  for (let guard = 0; guard < 64; guard++) {
    if (stop(typeOf(cursor))) {
      found = at(cursor);
      break;
    }
    if (!gotoField(cursor, 'declarator') && !(anyNamed && gotoFirstNamed(cursor))) break;
    depth++;
  }
  for (; depth > 0; depth--) cursor.gotoParent();
  return found;
}

const rangeOf = (cursor: Cursor): [number, number] => [cursor.startIndex, cursor.endIndex];
const isName = (type: string) => type === 'identifier' || type === 'field_identifier';
const isFunctionDeclarator = (type: string) => type === 'function_declarator';

/** The range of a definition's declared name. */
function declaratorNameAt(cursor: Cursor): [number, number] | undefined {
  return alongDeclarators(cursor, isName, true, rangeOf);
}

/** The range of a definition's parameter list. */
function parametersAt(cursor: Cursor): [number, number] | undefined {
  return alongDeclarators(cursor, isFunctionDeclarator, false, (c) => {
    if (!gotoField(c, 'parameters')) return undefined;
    const range = rangeOf(c);
    c.gotoParent();
    return range;
  });
}

function onAssignment(w: Walk, type: string): void {
  const { cursor, text, source } = w;
  const declaration = type === 'init_declarator';
  // The target and value are read through the cursor (type and range); a node is materialised only for the rarer
  // shapes (pointer and field targets, name lists): assignments are among the commonest nodes of a walked body.
  const targetField = declaration ? 'declarator' : 'left';
  const valueField = declaration ? 'value' : 'right';
  let targetType: string | undefined;
  let targetStart = 0;
  let targetEnd = 0;
  let valueType: string | undefined;
  let valueStart = 0;
  let valueEnd = 0;
  if (!cursor.gotoFirstChild()) return;
  do {
    const field = fieldOf(cursor);
    if (field === targetField && targetType === undefined) {
      targetType = typeOf(cursor);
      targetStart = cursor.startIndex;
      targetEnd = cursor.endIndex;
    } else if (field === valueField && valueType === undefined) {
      valueType = typeOf(cursor);
      valueStart = cursor.startIndex;
      valueEnd = cursor.endIndex;
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  // A numeric table's initialiser is left to the walk (its numbers are read there).
  if (declaration && valueType === 'initializer_list' && startsNumeric(text, valueStart + 1)) return;
  if (targetType === undefined || valueType === undefined) return;
  if (declaration && targetType === 'array_declarator' && valueType === 'initializer_list') {
    // Only name lists (suite/group constants, strings) matter; numeric tables are left to the walk.
    const first = /\S/.exec(text.slice(valueStart + 1, valueStart + 200));
    if (!first || !/[A-Za-z_"]/.test(first[0]) || valueEnd - valueStart > 64 * 1024) return;
    const node = cursor.currentNode;
    const arrName = declaratorName(node.childForFieldName('declarator')!);
    const elements = node
      .childForFieldName('value')!
      .namedChildren.filter((c) => c.type === 'identifier' || c.type === 'string_literal')
      .slice(0, 512)
      .map((c) => c.text);
    if (arrName && elements.length > 0) w.arrays.push({ name: arrName, elements });
    return;
  }
  let name: string | undefined;
  if (targetType === 'identifier') name = source.slice(targetStart, targetEnd);
  else if (!declaration) name = assignedName(cursor.currentNode.childForFieldName('left')!);
  else if (targetType === 'pointer_declarator')
    name = declaratorName(cursor.currentNode.childForFieldName('declarator')!);
  if (!name) return;
  if (valueType === 'initializer_list' || valueType === 'compound_literal_expression') return;
  const limit = valueType === 'conditional_expression' ? MAX_CHOICE_TEXT : MAX_VALUE_TEXT;
  if (valueEnd - valueStart <= limit) {
    const block = w.blocks[w.blocks.length - 1];
    w.values.push({ name, value: source.slice(valueStart, valueEnd), index: targetStart, ...(block ? { block } : {}) });
  }
}

function onError(w: Walk): void {
  const { cursor } = w;
  w.firstError ??= cursor.startIndex;
  // A directive the grammar could not place inside a construct (an initialiser list, a body); a
  // top-level ERROR is a header the grammar lost track of, where the tree's reading stands.
  if (w.parent() !== 'translation_unit') w.errorRanges.push([cursor.startIndex, cursor.endIndex]);
}

/** Reads the node under the cursor into the walk's facts; whether the walk goes on into its children. */
function visit(w: Walk, type: string): boolean {
  switch (type) {
    case 'number_literal':
      onNumber(w);
      return true;
    case 'identifier':
      onIdentifier(w);
      return true;
    case 'comment':
      onComment(w);
      return false;
    case 'char_literal':
    case 'system_lib_string':
      return false;
    case 'compound_statement':
    case 'field_declaration_list':
    case 'parameter_list':
      // Bodies with nothing the pre-pass marked cannot hold a finding or a value a finding needs.
      return hasMark(w.marks, w.cursor.startIndex, w.cursor.endIndex);
    case 'declaration':
    case 'type_definition':
    case 'field_declaration':
      return declarationMatters(w);
    case 'expression_statement':
    case 'argument_list':
    case 'parenthesized_expression':
    case 'binary_expression':
    case 'field_expression':
    case 'pointer_expression':
    case 'unary_expression':
    case 'subscript_expression':
    case 'cast_expression':
    case 'conditional_expression':
    case 'preproc_defined':
      // Inside a walked statement, a part with no mark, blocker or parse error holds no fact either (an argument
      // list, a condition): its reader (the call's, the assignment's) has read its text already. On Mbed TLS's C
      // files this and comparisons no longer counting as blockers cut the nodes visited from 1.68 to 1.07 million.
      return w.knowledge.walkEveryPart === true || statementMatters(w);
    case 'string_literal':
      onString(w);
      return false;
    case 'concatenated_string':
      onConcatenatedString(w);
      return false;
    case 'return_statement':
      onReturn(w);
      return true;
    case 'struct_specifier':
      onStruct(w);
      return true;
    case 'initializer_list':
      return onInitializerList(w);
    case 'call_expression':
      onCall(w);
      return true;
    case 'preproc_def':
    case 'preproc_function_def':
      onDefine(w, type);
      return false;
    case 'preproc_call':
      onPreprocCall(w);
      return false;
    case 'preproc_include':
      onInclude(w);
      return false;
    case 'preproc_if':
    case 'preproc_ifdef':
      onConditional(w);
      return true;
    case 'function_definition':
      onFunction(w);
      return true;
    case 'enumerator_list':
      noteEnumerators(w.cursor, w.source, w.values);
      return true;
    case 'init_declarator':
    case 'assignment_expression':
      onAssignment(w, type);
      return true;
    case 'ERROR':
      onError(w);
      return true;
    default:
      return true;
  }
}

// One iterative walk with a TreeCursor: cheap for every node, and only the constructs that matter
// are materialised as SyntaxNode objects (captures and descendantsOfType materialise every match).
function walkTree(w: Walk): void {
  const { cursor, ancestors, blocks, blockDepth } = w;
  for (;;) {
    const id = cursor.nodeTypeId;
    const type = nameOf(cursor, id);
    const descend = visit(w, type);
    const block =
      descend && BLOCK_TYPES.has(type) ? ([cursor.startIndex, cursor.endIndex] as [number, number]) : undefined;
    if (descend && leafTypes[id] === 0 && cursor.gotoFirstChild()) {
      ancestors.push(type);
      if (block) {
        blocks.push(block);
        blockDepth.push(ancestors.length);
      }
      continue;
    }
    let done = false;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
      if (blockDepth[blockDepth.length - 1] === ancestors.length) {
        blockDepth.pop();
        blocks.pop();
      }
      ancestors.pop();
    }
    if (done) break;
  }
}

function extractUnsafe(
  path: string,
  text: string,
  knowledge: ExtractKnowledge,
  diagnostics: FileDiagnostic[],
  parsed: Parsed,
) {
  const { source, tree, lines } = parsed;
  const pre = prescan(
    text,
    {
      functions: knowledge.functions,
      literalValues: knowledge.signatures.literalValues,
      stringValues: knowledge.signatures.stringValues,
      ...(knowledge.symbols ? { symbols: knowledge.symbols } : {}),
      ...(knowledge.protocolString ? { protocolString: knowledge.protocolString } : {}),
    },
    knowledge.aliases,
  );
  const w = new Walk(text, source, tree.walk(), knowledge, pre, tree);
  walkTree(w);
  const { fns, errorRanges, branches, treeChains, calls, values, strings, returns, tables, literalSites } = w;
  const { stringSites, firstError, defines, defineIdx, includes, arrays, definitions, commented, tableFacts, structs } =
    w;

  // Function ranges let every site name its enclosing function by binary search.
  fns.sort((a, b) => a.start - b.start);
  const fnAt = (index: number): string | undefined => {
    let lo = 0;
    let hi = fns.length - 1;
    let found: FnRange | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = fns[mid]!;
      if (f.start <= index) {
        found = f;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && index < found.end ? found.name : undefined;
  };

  if (errorRanges.length > 0) branches.push(...textualBranches(source, treeChains, errorRanges));
  branches.sort((a, b) => a.start - b.start || b.end - a.end);
  const parents = branchParents(branches);
  const branchesAt = (index: number): number[] => {
    let lo = 0;
    let hi = branches.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (branches[mid]!.start <= index) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const chain: number[] = [];
    for (let guard = 0; k >= 0 && guard < 100_000; guard++) {
      const b = branches[k]!;
      if (index >= b.start && index < b.end) chain.push(k);
      k = parents[k]!;
    }
    return chain.reverse();
  };

  const site = (index: number, withFn = true): Site => {
    const fn = withFn ? fnAt(index) : undefined;
    return { index, ...lines.site(index), branches: branchesAt(index), ...(fn ? { fn } : {}) };
  };

  /** Functions the analysis may follow: walked bodies that call, name or return something it knows. */
  const functionFacts = (): FunctionFact[] => {
    const out: FunctionFact[] = [];
    const walked = fns.filter((f) => f.detail);
    if (walked.length === 0) return out;
    const holds = (f: FnRange) =>
      calls.some((c) => c.index > f.start && c.index < f.end) ||
      values.some((v) => v.index > f.start && v.index < f.end) ||
      strings.some((x) => x.index > f.start && x.index < f.end) ||
      returns.some((r) => r.index > f.start && r.index < f.end);
    for (const f of walked) {
      if (!holds(f)) continue;
      const d = f.detail!;
      const own = returns.filter((r) => r.index > f.start && r.index < f.end && fnAt(r.index) === f.name);
      out.push({
        name: f.name,
        params: d.params,
        start: f.start,
        end: f.end,
        endLine: lines.lineOf(Math.max(f.start, f.end - 1)) + 1,
        isStatic: d.isStatic,
        returns: own.slice(0, MAX_RETURNS),
        ...site(d.nameIndex, false),
      });
    }
    return out;
  };

  const constants: ConstantMatch[] = [];
  for (const table of tables) {
    if (table.values.length < 4) continue;
    const seen = new Set<string>();
    for (const values of table.groups.length > 1 ? [table.values, ...table.groups] : [table.values]) {
      if (values.length < 2) continue;
      for (const signature of matchSequences(values, knowledge.signatures)) {
        if (seen.has(signature)) continue;
        seen.add(signature);
        constants.push({ ...site(table.index), signature });
      }
    }
  }
  for (const m of matchLiteralSets(literalSites, knowledge.signatures))
    constants.push({ ...site(m.index), signature: m.signature });
  for (const s of stringSites) {
    const signature = knowledge.signatures.stringSignature(s.value);
    if (signature) constants.push({ ...site(s.index), signature });
  }

  // A syntax note matters only where an unparsed region may hide crypto: files naming crypto functions or
  // holding constant tables. A large tree otherwise drowns in notes about unrelated macro-heavy headers.
  if (firstError !== undefined && (pre.namesCrypto || constants.length > 0)) {
    diagnostics.push({
      code: 'c-syntax-error',
      message: 'tree-sitter-c could not parse part of the file (often macro-heavy code); findings there may be missed.',
      line: lines.lineOf(firstError) + 1,
    });
  }

  const result: FileFacts = {
    path,
    branches,
    // Headers hold thousands of macros; only option-like ones can become findings and need a snippet.
    defines: defines.map((d, i) => {
      const at = defineIdx[i]!;
      if (knowledge.sitedDefine?.(d.name) === false) return defineFact(d, at, 0, 0, '', branchesAt(at));
      const s = lines.site(at);
      return defineFact(d, at, s.line, s.column, s.snippet, branchesAt(at));
    }),
    includes: includes.map((inc) => ({ target: inc.target, form: inc.form, ...site(inc.index, false) })),
    calls: calls.map((c) => ({
      name: c.name,
      args: c.args,
      ...(c.reference ? { reference: true } : {}),
      ...site(c.index),
    })),
    values: values.map((v) => {
      const fn = fnAt(v.index);
      return fn ? { ...v, fn } : v;
    }),
    arrays,
    constants,
    definitions: definitions.map((d): DefinitionFact => {
      const inner = calls.filter((c) => c.index > d.start && c.index < d.end && !c.reference).map((c) => c.name);
      return { name: d.name, params: d.params, calls: [...new Set(inner)], ...site(d.index) };
    }),
    commentedDefines: commented.map(
      (c): CommentedDefineFact => ({ name: c.name, body: c.body, ...site(c.index, false) }),
    ),
    functions: functionFacts(),
    strings: strings.map(
      (x): StringFact => ({
        value: x.value,
        context: x.context,
        ...(x.target ? { target: x.target } : {}),
        ...site(x.index, x.context !== 'define'),
      }),
    ),
    tables: tableFacts,
    structs,
    callees: pre.callees,
    program: fns.some((f) => f.name === 'main'),
    diagnostics,
  };
  return result;
}

/**
 * A DefineFact with its keys in one order and no object spread: headers hold tens of thousands of
 * definitions and spreading objects of mixed shapes is the slow generic path.
 */
function defineFact(
  d: Omit<DefineFact, keyof Site | 'branches'>,
  index: number,
  line: number,
  column: number,
  snippet: string,
  branches: number[],
): DefineFact {
  const f: { -readonly [K in keyof DefineFact]: DefineFact[K] } = { name: d.name, body: d.body } as DefineFact;
  if (d.params) f.params = d.params;
  if (d.undef) f.undef = d.undef;
  f.index = index;
  f.line = line;
  f.column = column;
  f.snippet = snippet;
  f.branches = branches;
  return f;
}

/** Parent branch of each branch (branches are sorted by start, properly nested). */
function branchParents(branches: readonly BranchFact[]): number[] {
  const parents: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < branches.length; i++) {
    const b = branches[i]!;
    while (stack.length > 0 && branches[stack[stack.length - 1]!]!.end <= b.start) stack.pop();
    parents.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
    stack.push(i);
  }
  return parents;
}

/** Enumerator values of the enumerator_list under the cursor (left where it was); `src` is the parsed text. */
function noteEnumerators(cursor: Cursor, src: string, values: ValueFact[]): void {
  let base = '0';
  let offset = 0;
  if (!cursor.gotoFirstChild()) return;
  do {
    if (typeOf(cursor) !== 'enumerator') continue;
    const index = cursor.startIndex;
    let name: string | undefined;
    let value: string | undefined;
    if (cursor.gotoFirstChild()) {
      do {
        const f = fieldOf(cursor);
        if (f === 'name' && name === undefined) name = src.slice(cursor.startIndex, cursor.endIndex);
        else if (f === 'value' && value === undefined) value = src.slice(cursor.startIndex, cursor.endIndex);
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (value !== undefined) {
      base = value.length <= MAX_VALUE_TEXT ? value : '';
      offset = 0;
    }
    if (name && base) values.push({ name, value: offset === 0 ? base : `(${base}) + ${offset}`, index });
    offset++;
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}
