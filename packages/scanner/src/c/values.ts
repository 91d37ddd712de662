/**
 * Value tracking for call arguments (issue #15): what an argument expression may stand for when it is not a
 * constant at the call. Follows local variables (every assignment that may reach the use, not only the last),
 * both arms of a ternary, stores into fields and their table rows, stores through pointers (out-parameters of
 * functions the tree defines), function results, and parameters (the values every call in the tree passes).
 * Each candidate keeps its origin so a finding can say where its algorithm came from.
 */
import type { ActivityState } from '@pqready/core';
import { evaluateCondition } from './expr.js';
import type { CallFact, FunctionFact } from './facts.js';
import type { RefPart } from './knowledge.js';
import type { Scope } from './scope.js';
import { type Token, tokenize } from './tokens.js';

type Ref = { -readonly [K in keyof RefPart]: RefPart[K] };

/** One value an expression may have, with the assignments that lead to it. */
export interface Candidate {
  readonly ref: Ref;
  readonly origin: readonly string[];
}

/** A function of the tree the analysis follows, where it is defined. */
export interface FunctionSite {
  readonly path: string;
  readonly fn: FunctionFact;
}

export interface CallSite {
  readonly path: string;
  readonly call: CallFact;
}

/** The tree as value tracking sees it: other files' definitions, calls and trackers. */
export interface TreeLinks {
  /** Definitions of a followed function that a call in `from` may reach (own file, unit headers, else the tree). */
  definitions(name: string, from: string): readonly FunctionSite[];
  /** Calls of a followed function across the tree (only its own file for a static function of a source). */
  callSites(def: FunctionSite): readonly CallSite[];
  /** The value tracker of another file (its own scope and unit). */
  tracker(path: string): ValueTracker | undefined;
  /** State of a site of another file as that file sees it (for candidates under `#if`). */
  stateOf?(path: string, site: { branches: readonly number[] }): ActivityState;
}

/** Resolves a leaf expression (a constant, a constructor, an API value) to the algorithms it may name. */
type LeafResolver = (tokens: Token[], at: number, fn: string | undefined) => readonly Ref[];

/** Objects an API call of this file produced into a variable (`psa_generate_key(&attr, &key)` → key). */
type ProducedResolver = (name: string, at: number, fn: string | undefined) => readonly Ref[];

const MAX_DEPTH = 8;
const MAX_CANDIDATES = 32;
const DIRECTIVE = /^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/;

/** Splits a top-level `c ? a : b` into its two arms, or undefined. */
function ternaryArms(t: readonly Token[]): [Token[], Token[]] | undefined {
  let depth = 0;
  let q = -1;
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!.text;
    if (x === '(' || x === '[' || x === '{') depth++;
    else if (x === ')' || x === ']' || x === '}') depth--;
    else if (x === '?' && depth === 0) {
      q = i;
      break;
    }
  }
  if (q < 0) return undefined;
  let nested = 0;
  depth = 0;
  for (let i = q + 1; i < t.length; i++) {
    const x = t[i]!.text;
    if (x === '(' || x === '[' || x === '{') depth++;
    else if (x === ')' || x === ']' || x === '}') depth--;
    else if (depth === 0 && x === '?') nested++;
    else if (depth === 0 && x === ':') {
      if (nested === 0) return [t.slice(q + 1, i), t.slice(i + 1)];
      nested--;
    }
  }
  return undefined;
}

/** The field an access expression reads (`a.f`, `p->f`, `t[i].f`, `(*p).f`), or undefined. */
function accessedField(t: readonly Token[]): string | undefined {
  const n = t.length;
  if (n < 3) return undefined;
  const last = t[n - 1]!;
  const op = t[n - 2]!.text;
  if (last.kind !== 'ident' || (op !== '.' && op !== '->')) return undefined;
  return last.text;
}

/**
 * The text of a value without the lines of `#if` branches the scope decides are not taken (a ternary chain with
 * an arm per enabled algorithm). Undecided branches are kept: their values stay candidates.
 */
function activeText(text: string, scope: Scope, at: number): string {
  if (!text.includes('#')) return text;
  const out: string[] = [];
  const stack: { taken: boolean | undefined; decided: boolean }[] = [];
  const live = () => stack.every((s) => s.taken !== false);
  const evalAt = (expr: string) => evaluateCondition(expr, (name) => scope.macroAt(name, at));
  for (const line of text.split('\n')) {
    const m = DIRECTIVE.exec(line);
    if (!m) {
      if (live()) out.push(line);
      continue;
    }
    const [, d, rest] = m;
    const arg = (rest ?? '').replace(/\/\*.*?\*\/|\/\/.*$/g, '').trim();
    if (d === 'if' || d === 'ifdef' || d === 'ifndef') {
      const v =
        d === 'if' ? evalAt(arg) : d === 'ifdef' ? evalAt(`defined(${arg})`) : negate(evalAt(`defined(${arg})`));
      stack.push({ taken: v, decided: v === true });
    } else if (d === 'elif' && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const v = top.decided ? false : evalAt(arg);
      top.taken = v;
      if (v === true) top.decided = true;
    } else if (d === 'else' && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      top.taken = top.decided ? false : top.taken === undefined ? undefined : !top.taken;
    } else if (d === 'endif') stack.pop();
  }
  return out.join('\n');
}

function negate(v: boolean | undefined): boolean | undefined {
  return v === undefined ? undefined : !v;
}

const normArg = (a: string) => a.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1');

export class ValueTracker {
  private active = new Set<string>();

  constructor(
    readonly scope: Scope,
    readonly path: string,
    private readonly leaf: LeafResolver,
    private readonly links?: TreeLinks,
    private readonly produced?: ProducedResolver,
  ) {}

  /** The function of this file that encloses an offset. */
  private functionAt(fn: string | undefined, at: number): FunctionFact | undefined {
    if (fn === undefined) return undefined;
    return this.scope.facts.functions.find((f) => f.name === fn && f.start <= at && at < f.end);
  }

  /** Every algorithm an expression may stand for at an offset; empty when nothing known is reached. */
  values(tokens: readonly Token[], at: number, fn: string | undefined, depth = 0): Candidate[] {
    if (depth > MAX_DEPTH) return [];
    const t = strip(tokens);
    if (t.length === 0) return [];
    const arms = ternaryArms(t);
    if (arms) return limit([...this.values(arms[0], at, fn, depth + 1), ...this.values(arms[1], at, fn, depth + 1)]);
    const direct = this.leaf(t, at, fn);
    if (direct.length > 0) return limit(direct.map((ref) => ({ ref, origin: [] })));
    if (t.length === 1 && t[0]!.kind === 'ident') return this.named(t[0]!.text, at, fn, depth);
    if (t.length === 2 && t[0]!.text === '*' && t[1]!.kind === 'ident')
      return this.named(`*${t[1]!.text}`, at, fn, depth);
    const field = accessedField(t);
    if (field) return this.field(field, at, fn, depth);
    const pointer = calledField(t);
    if (pointer) return this.fieldCall(pointer, at, fn, depth);
    const call = callOf(t);
    if (call && this.links) return this.returned(call.name, depth);
    return [];
  }

  /**
   * A call through a function-pointer field (`(*cipher->evptype)()`, `digest->mdfunc()`): the functions stored
   * into the field and its column of struct tables, each read as called (`EVP_aes_128_cbc()`).
   */
  private fieldCall(name: string, at: number, fn: string | undefined, depth: number): Candidate[] {
    const out: Candidate[] = [];
    const called = (text: string, where: number, inFn: string | undefined, origin: string) => {
      const target = strip(tokenize(text));
      if (target.length !== 1 || target[0]!.kind !== 'ident') return;
      for (const c of this.values(tokenize(`${target[0]!.text}()`), where, inFn, depth + 1))
        out.push({ ref: c.ref, origin: [origin, ...c.origin] });
    };
    for (const site of this.scope.valuesAt(`.${name}`, at, fn))
      called(
        site.value,
        site.scope === this.scope ? site.index : at,
        site.fn ?? fn,
        `.${name} = ${oneLine(site.value)}`,
      );
    for (const s of [this.scope, ...this.scope.headers]) {
      for (const table of s.facts.tables) {
        const col = (table.fields ?? this.structFields(table.type))?.indexOf(name) ?? -1;
        if (col < 0) continue;
        for (const row of table.rows) {
          const cell = row[col];
          if (cell !== undefined)
            called(cell, s === this.scope ? table.index : at, undefined, `${table.name}[].${name} = ${oneLine(cell)}`);
        }
      }
    }
    return limit(out);
  }

  /** Values of a name: its assignments that reach the use, else the parameter's arguments or an out-parameter's stores. */
  private named(name: string, at: number, fn: string | undefined, depth: number): Candidate[] {
    const key = `${this.path}\u0000${fn ?? ''}\u0000${name}\u0000${at}`;
    if (this.active.has(key)) return [];
    this.active.add(key);
    try {
      const out: Candidate[] = [];
      for (const site of this.scope.valuesAt(name, at, fn)) {
        const own = site.scope === this.scope;
        const text = own ? activeText(site.value, this.scope, site.index) : site.value;
        for (const c of this.values(tokenize(text), own ? site.index : at, site.fn ?? fn, depth + 1))
          out.push({ ref: c.ref, origin: [`${name} = ${oneLine(site.value)}`, ...c.origin] });
      }
      if (out.length > 0 || name.startsWith('.')) return limit(out);
      const plain = name.replace(/^\*/, '');
      // A key or object an API call of this function created into the variable.
      for (const ref of this.produced?.(plain, at, fn) ?? [])
        out.push({ ref, origin: [`${plain} created by an API call`] });
      if (out.length > 0) return limit(out);
      if (!this.links || fn === undefined) return out;
      out.push(...this.outParameter(plain, at, fn, depth));
      const def = this.functionAt(fn, at);
      const k = def ? def.params.indexOf(plain) : -1;
      if (def && k >= 0) out.push(...this.parameter(def, k, name.startsWith('*'), depth));
      return limit(out);
    } finally {
      this.active.delete(key);
    }
  }

  /** Values every call of the enclosing function passes for parameter `k`. */
  private parameter(def: FunctionFact, k: number, deref: boolean, depth: number): Candidate[] {
    const out: Candidate[] = [];
    for (const site of this.links!.callSites({ path: this.path, fn: def })) {
      const arg = site.call.args[k];
      const tracker = this.links!.tracker(site.path);
      if (arg === undefined || !tracker) continue;
      const text = deref ? normArg(arg).replace(/^&/, '') : arg;
      for (const c of tracker.values(tokenize(text), site.call.index, site.call.fn, depth + 1))
        out.push({
          ref: c.ref,
          origin: [`${def.params[k]} from ${site.path}:${site.call.line} (${oneLine(arg)})`, ...c.origin],
        });
    }
    return out;
  }

  /** Stores a function of the tree makes through a pointer this function passes (`f(&alg)` before the use). */
  private outParameter(name: string, at: number, fn: string, depth: number): Candidate[] {
    const out: Candidate[] = [];
    for (const c of this.scope.facts.calls) {
      if (c.fn !== fn || c.index >= at || c.reference) continue;
      const k = c.args.findIndex((a) => normArg(a) === `&${name}`);
      if (k < 0) continue;
      for (const def of this.links!.definitions(c.name, this.path)) {
        const p = def.fn.params[k];
        const tracker = this.links!.tracker(def.path);
        if (!p || !tracker) continue;
        for (const v of tracker.named(`*${p}`, def.fn.end, def.fn.name, depth + 1))
          out.push({ ref: v.ref, origin: [`${name} set by ${c.name}() (${def.path}:${def.fn.line})`, ...v.origin] });
      }
    }
    return out;
  }

  /** Values stored into a field anywhere in the unit, and the field's column of struct tables. */
  private field(name: string, at: number, fn: string | undefined, depth: number): Candidate[] {
    const out = this.named(`.${name}`, at, fn, depth);
    for (const s of [this.scope, ...this.scope.headers]) {
      for (const table of s.facts.tables) {
        const fields = table.fields ?? this.structFields(table.type);
        const col = fields?.indexOf(name) ?? -1;
        if (col < 0) continue;
        for (const row of table.rows) {
          const cell = row[col];
          if (cell === undefined) continue;
          for (const c of this.values(tokenize(cell), s === this.scope ? table.index : at, undefined, depth + 1))
            out.push({ ref: c.ref, origin: [`${table.name}[].${name} = ${oneLine(cell)}`, ...c.origin] });
        }
      }
    }
    return limit(out);
  }

  private structFields(type: string): readonly string[] | undefined {
    const name = type.replace(/^(const|static|volatile)\s+/g, '').trim();
    for (const s of [this.scope, ...this.scope.headers])
      for (const st of s.facts.structs) if (st.names.includes(name)) return st.fields;
    return undefined;
  }

  /** Values a followed function of the tree returns. */
  private returned(name: string, depth: number): Candidate[] {
    const out: Candidate[] = [];
    for (const def of this.links!.definitions(name, this.path)) {
      const tracker = this.links!.tracker(def.path);
      if (!tracker) continue;
      for (const r of def.fn.returns) {
        const text = activeText(r.value, tracker.scope, r.index);
        for (const c of tracker.values(tokenize(text), r.index, def.fn.name, depth + 1))
          out.push({ ref: c.ref, origin: [`returned by ${name}() (${def.path}:${def.fn.line})`, ...c.origin] });
      }
    }
    return limit(out);
  }
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

function limit(c: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const x of c) {
    const k = JSON.stringify(x.ref);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/** `&x`, `*x` for a whole operand aside, casts and enclosing parentheses removed. */
function strip(tokens: readonly Token[]): Token[] {
  let t = [...tokens];
  for (let guard = 0; guard < 16 && t.length > 0; guard++) {
    const first = t[0]!;
    if (first.text === '&') {
      t = t.slice(1);
      continue;
    }
    if (first.text === '(') {
      let depth = 0;
      let close = -1;
      for (let k = 0; k < t.length; k++) {
        if (t[k]!.text === '(') depth++;
        if (t[k]!.text === ')' && --depth === 0) {
          close = k;
          break;
        }
      }
      if (close === t.length - 1) {
        t = t.slice(1, -1);
        continue;
      }
      const inner = t.slice(1, close);
      if (close > 0 && inner.length > 0 && inner.every((x) => x.kind === 'ident' || x.text === '*')) {
        t = t.slice(close + 1);
        continue;
      }
    }
    break;
  }
  return t;
}

/** The field a call goes through (`(*c->evptype)()`, `d->mdfunc()`, `t.fn(x)`), or undefined. */
function calledField(t: readonly Token[]): string | undefined {
  if (t.length < 5 || t[t.length - 1]!.text !== ')') return undefined;
  let depth = 0;
  let open = -1;
  for (let k = t.length - 1; k >= 0; k--) {
    if (t[k]!.text === ')') depth++;
    if (t[k]!.text === '(' && --depth === 0) {
      open = k;
      break;
    }
  }
  if (open <= 0) return undefined;
  let callee = strip(t.slice(0, open));
  if (callee[0]?.text === '*') callee = strip(callee.slice(1));
  return accessedField(callee);
}

function callOf(t: readonly Token[]): { name: string } | undefined {
  if (t.length < 3 || t[0]!.kind !== 'ident' || t[1]!.text !== '(' || t[t.length - 1]!.text !== ')') return undefined;
  let depth = 0;
  for (let k = 1; k < t.length; k++) {
    if (t[k]!.text === '(') depth++;
    if (t[k]!.text === ')' && --depth === 0 && k !== t.length - 1) return undefined;
  }
  return { name: t[0]!.text };
}
