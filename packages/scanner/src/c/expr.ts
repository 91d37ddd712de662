/**
 * Constant-expression evaluator for `#if`/`#elif` (C11 6.10.1) and for integer call arguments,
 * with three-valued logic: a value is a known integer or unknown. Unknown macros make the result
 * unknown unless the operators decide it anyway (`0 && X`, `1 || X`), so a finding guarded by an
 * unknown condition is reported as `conditional` instead of being guessed.
 */
import { parseIntegerLiteral, type Token, tokenize } from './tokens.js';

/** What the environment knows about a name. */
export type MacroValue =
  | { readonly state: 'defined'; readonly body: string; readonly params?: readonly string[] }
  | { readonly state: 'undefined' }
  | { readonly state: 'unknown' };

export type MacroLookup = (name: string) => MacroValue;

interface EvalOptions {
  /** `#if` semantics: an identifier that is known to be undefined evaluates to 0 (C11 6.10.1p4). */
  readonly undefinedIsZero: boolean;
}

type V = bigint | undefined;

const MAX_DEPTH = 64;
const MAX_TOKENS = 20_000;

const TYPE_WORDS = new Set([
  'int',
  'unsigned',
  'signed',
  'long',
  'short',
  'char',
  'size_t',
  'const',
  'volatile',
  'uint8_t',
  'uint16_t',
  'uint32_t',
  'uint64_t',
  'int8_t',
  'int16_t',
  'int32_t',
  'int64_t',
  'word32',
  'word16',
  'byte',
  'mbedtls_ecp_group_id',
  'mbedtls_md_type_t',
  'mbedtls_cipher_type_t',
  'psa_algorithm_t',
  'psa_key_type_t',
  'psa_key_bits_t',
]);

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

class Evaluator {
  private pos = 0;
  constructor(
    private readonly toks: readonly Token[],
    private readonly lookup: MacroLookup,
    private readonly opts: EvalOptions,
    private readonly depth: number,
    private readonly expanding: ReadonlySet<string>,
  ) {}

  run(): V {
    if (this.toks.length === 0 || this.toks.length > MAX_TOKENS || this.depth > MAX_DEPTH) return undefined;
    const v = this.ternary();
    return this.pos === this.toks.length ? v : undefined;
  }

  private peek(): Token | undefined {
    return this.toks[this.pos];
  }

  private isPunct(text: string): boolean {
    const t = this.toks[this.pos];
    return t !== undefined && t.kind === 'punct' && t.text === text;
  }

  private ternary(): V {
    const cond = this.binary(0);
    if (!this.isPunct('?')) return cond;
    this.pos++;
    const a = this.ternary();
    if (!this.isPunct(':')) {
      this.pos = this.toks.length + 1;
      return undefined;
    }
    this.pos++;
    const b = this.ternary();
    if (cond === undefined) return a !== undefined && a === b ? a : undefined;
    return cond !== 0n ? a : b;
  }

  private static readonly PREC: Readonly<Record<string, number>> = {
    '||': 1,
    '&&': 2,
    '|': 3,
    '^': 4,
    '&': 5,
    '==': 6,
    '!=': 6,
    '<': 7,
    '>': 7,
    '<=': 7,
    '>=': 7,
    '<<': 8,
    '>>': 8,
    '+': 9,
    '-': 9,
    '*': 10,
    '/': 10,
    '%': 10,
  };

  // Precedence climbing; iterative over operators of one level, bounded recursion over levels.
  private binary(minPrec: number): V {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'punct') return left;
      const prec = Evaluator.PREC[t.text];
      if (prec === undefined || prec <= minPrec) return left;
      this.pos++;
      const right = this.binary(prec);
      left = applyBinary(t.text, left, right);
    }
  }

  private unary(): V {
    // Unary chains like `- - - 1` and deep parentheses are consumed with an explicit count so
    // hostile nesting cannot grow the JS stack.
    const ops: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'punct' && (t.text === '!' || t.text === '-' || t.text === '+' || t.text === '~')) {
        ops.push(t.text);
        this.pos++;
        continue;
      }
      if (t?.kind === 'punct' && t.text === '(' && this.castLength() > 0) {
        this.pos += this.castLength();
        continue;
      }
      break;
    }
    let v = this.primary();
    for (let i = ops.length - 1; i >= 0; i--) v = applyUnary(ops[i]!, v);
    return v;
  }

  /** Length of a `(type)` cast at the cursor, 0 when the parenthesis is not a cast. */
  private castLength(): number {
    let j = this.pos + 1;
    let sawType = false;
    while (j < this.toks.length) {
      const t = this.toks[j]!;
      if (t.kind === 'ident' && TYPE_WORDS.has(t.text)) sawType = true;
      else if (t.kind === 'punct' && t.text === '*') {
        /* pointer cast */
      } else break;
      j++;
    }
    const close = this.toks[j];
    if (!sawType || close?.kind !== 'punct' || close.text !== ')') return 0;
    return j - this.pos + 1;
  }

  private primary(): V {
    const t = this.peek();
    if (!t) return undefined;
    this.pos++;
    if (t.kind === 'number') return parseIntegerLiteral(t.text);
    if (t.kind === 'char') return charValue(t.text);
    if (t.kind === 'punct' && t.text === '(') {
      // Parenthesised sub-expression: evaluate the slice with a fresh evaluator to keep recursion
      // depth proportional to nesting of *distinct* constructs, bounded by MAX_DEPTH.
      const end = matchingParen(this.toks, this.pos - 1);
      if (end < 0) {
        this.pos = this.toks.length + 1;
        return undefined;
      }
      const inner = this.toks.slice(this.pos, end);
      this.pos = end + 1;
      return this.sub(inner);
    }
    if (t.kind !== 'ident') {
      this.pos = this.toks.length + 1;
      return undefined;
    }
    if (t.text === 'defined') return this.definedOp();
    if (t.text === 'sizeof' || t.text === '__has_include' || t.text === '__has_include_next') {
      this.skipCallArgs();
      return undefined;
    }
    if (t.text === 'true') return 1n;
    if (t.text === 'false') return 0n;
    return this.identifier(t.text);
  }

  private sub(tokens: readonly Token[]): V {
    if (this.depth + 1 > MAX_DEPTH) return undefined;
    return new Evaluator(tokens, this.lookup, this.opts, this.depth + 1, this.expanding).run();
  }

  private definedOp(): V {
    let name: string | undefined;
    if (this.isPunct('(')) {
      const id = this.toks[this.pos + 1];
      const close = this.toks[this.pos + 2];
      if (id?.kind === 'ident' && close?.kind === 'punct' && close.text === ')') {
        name = id.text;
        this.pos += 3;
      }
    } else if (this.peek()?.kind === 'ident') {
      name = this.peek()!.text;
      this.pos++;
    }
    if (name === undefined) {
      this.pos = this.toks.length + 1;
      return undefined;
    }
    const m = this.lookup(name);
    return m.state === 'defined' ? 1n : m.state === 'undefined' ? 0n : undefined;
  }

  private skipCallArgs(): void {
    if (!this.isPunct('(')) return;
    const end = matchingParen(this.toks, this.pos);
    this.pos = end < 0 ? this.toks.length + 1 : end + 1;
  }

  private identifier(name: string): V {
    const m = this.expanding.has(name) ? ({ state: 'unknown' } as const) : this.lookup(name);
    if (m.state === 'undefined') {
      if (this.isPunct('(')) this.skipCallArgs();
      return this.opts.undefinedIsZero ? 0n : undefined;
    }
    if (m.state === 'unknown') {
      if (this.isPunct('(')) this.skipCallArgs();
      return undefined;
    }
    const expanding = new Set(this.expanding).add(name);
    let body = tokenize(m.body);
    if (m.params !== undefined) {
      if (!this.isPunct('(')) return undefined;
      const end = matchingParen(this.toks, this.pos);
      if (end < 0) return undefined;
      const args = splitTopLevel(this.toks.slice(this.pos + 1, end));
      this.pos = end + 1;
      body = substitute(body, m.params, args);
    }
    if (this.depth + 1 > MAX_DEPTH) return undefined;
    return new Evaluator(body, this.lookup, this.opts, this.depth + 1, expanding).run();
  }
}

function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === '(') depth++;
    if (t.kind === 'punct' && t.text === ')') depth--;
    if (depth === 0 && t.kind === 'punct' && t.text === ',') out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out;
}

function substitute(body: readonly Token[], params: readonly string[], args: readonly Token[][]): Token[] {
  const out: Token[] = [];
  for (const t of body) {
    const i = t.kind === 'ident' ? params.indexOf(t.text) : -1;
    if (i >= 0) out.push({ kind: 'punct', text: '(' }, ...(args[i] ?? []), { kind: 'punct', text: ')' });
    else out.push(t);
  }
  return out;
}

function matchingParen(toks: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function charValue(text: string): V {
  const inner = text.replace(/^[LuU]?'/, '').replace(/'$/, '');
  if (inner.length === 1) return BigInt(inner.charCodeAt(0));
  const esc: Record<string, number> = { '\\n': 10, '\\t': 9, '\\r': 13, '\\0': 0, "\\'": 39, '\\\\': 92 };
  const v = esc[inner];
  return v === undefined ? undefined : BigInt(v);
}

function applyUnary(op: string, v: V): V {
  if (op === '!') return v === undefined ? undefined : v === 0n ? 1n : 0n;
  if (v === undefined) return undefined;
  if (op === '-') return wrap(-v);
  if (op === '~') return wrap(~v);
  return v;
}

function applyBinary(op: string, a: V, b: V): V {
  if (op === '&&') {
    if (a === 0n || b === 0n) return 0n;
    return a === undefined || b === undefined ? undefined : 1n;
  }
  if (op === '||') {
    if ((a !== undefined && a !== 0n) || (b !== undefined && b !== 0n)) return 1n;
    return a === undefined || b === undefined ? undefined : 0n;
  }
  if (a === undefined || b === undefined) return undefined;
  switch (op) {
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '&':
      return a & b;
    case '==':
      return a === b ? 1n : 0n;
    case '!=':
      return a !== b ? 1n : 0n;
    case '<':
      return a < b ? 1n : 0n;
    case '>':
      return a > b ? 1n : 0n;
    case '<=':
      return a <= b ? 1n : 0n;
    case '>=':
      return a >= b ? 1n : 0n;
    case '<<':
      return b < 0n || b > 63n ? undefined : wrap(a << b);
    case '>>':
      return b < 0n || b > 63n ? undefined : a >> b;
    case '+':
      return wrap(a + b);
    case '-':
      return wrap(a - b);
    case '*':
      return wrap(a * b);
    case '/':
      return b === 0n ? undefined : wrap(a / b);
    case '%':
      return b === 0n ? undefined : wrap(a % b);
    default:
      return undefined;
  }
}

/**
 * The tokens of an expression text. A unit's `#if` conditions are evaluated again in every configuration and by every
 * file including their header: short texts are tokenised once (tokens are never changed after tokenising).
 */
function tokensOf(text: string): readonly Token[] {
  if (text.length > MAX_REMEMBERED_TEXT) return tokenize(text);
  let toks = rememberedTokens.get(text);
  if (!toks) {
    toks = tokenize(text);
    if (rememberedTokens.size >= MAX_REMEMBERED_EXPRESSIONS) rememberedTokens.clear();
    rememberedTokens.set(text, toks);
  }
  return toks;
}

const rememberedTokens = new Map<string, readonly Token[]>();
const MAX_REMEMBERED_TEXT = 256;
const MAX_REMEMBERED_EXPRESSIONS = 20_000;

/** Evaluates a constant expression; `undefined` means unknown. Never throws. */
export function evaluate(text: string | readonly Token[], lookup: MacroLookup, opts: EvalOptions): bigint | undefined {
  try {
    const toks = typeof text === 'string' ? tokensOf(text) : text;
    return new Evaluator(toks, lookup, opts, 0, new Set()).run();
  } catch {
    return undefined;
  }
}

/** Evaluates an `#if` condition: true, false, or undefined when it depends on unknown macros. */
export function evaluateCondition(text: string, lookup: MacroLookup): boolean | undefined {
  const v = evaluate(text, lookup, { undefinedIsZero: true });
  return v === undefined ? undefined : v !== 0n;
}
