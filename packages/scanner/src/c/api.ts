/**
 * Turns the calls of one file into algorithm findings: picks the library row for each called name
 * (following macro aliases), resolves the row's argument roles through literals, constants,
 * enumerators, locals and macros, pairs calls on the same context object inside a function
 * (setup → use, PSA attribute type + bits), and reports what cannot be resolved as `unresolved`.
 */
import { type AlgorithmFinding, type AlgorithmRef, redactSnippet } from '@pqready/core';
import { evaluate } from './expr.js';
import type { CallFact } from './facts.js';
import type { ApiKnowledge, ApiRow, ArgIndex, FunctionCandidate, RefPart } from './knowledge.js';
import { normName } from './knowledge.js';
import type { Scope } from './scope.js';
import { stringValue, type Token, tokenize } from './tokens.js';

export const API_DETECTOR = 'c-crypto-api';
const MAX_DEPTH = 8;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Ref = Mutable<RefPart>;

interface Resolved {
  readonly call: CallFact;
  readonly library: string;
  readonly row: ApiRow;
  ref: Ref;
  readonly unresolved: Record<string, string>;
  readonly objectKey?: string;
  readonly bits?: number;
  readonly notes: string[];
  /** Whole findings lists (suite and group strings). */
  readonly many?: AlgorithmRef[];
  readonly alias?: string;
}

/** Context for resolving one file's expressions. */
export interface ResolveContext {
  readonly api: ApiKnowledge;
  readonly scope: Scope;
  /** Include targets of the translation unit (raw text), used to pick among same-named library functions. */
  readonly includeTargets: readonly string[];
  /** Whether the tree holds a confirmed implementation of a generic name (`md5_update` next to MD5 constants). */
  readonly confirmed?: (name: string) => boolean;
}

/**
 * The library a name belongs to where several define it: the one whose header the unit includes, else a
 * library without header hints, else the first. Names too generic to count alone (`MD5`, `md5_update`)
 * count only where their header is included or, for generic implementation names, the tree holds a
 * confirmed implementation of them.
 */
export function pickCandidate(
  cands: readonly FunctionCandidate[],
  includeTargets: readonly string[],
  confirmed: boolean,
): FunctionCandidate | undefined {
  const included = (c: FunctionCandidate) => c.headers?.some((h) => includeTargets.some((t) => t.includes(h))) ?? false;
  const usable = cands.filter((c) => (!c.requireHeader && !c.generic) || included(c) || (c.generic && confirmed));
  if (usable.length <= 1) return usable[0];
  return usable.find(included) ?? usable.find((c) => !c.headers) ?? usable[0];
}

function indices(a: ArgIndex | undefined): readonly number[] {
  return a === undefined ? [] : typeof a === 'number' ? [a] : a;
}

function stripWrapping(tokens: Token[]): Token[] {
  let t = tokens;
  for (let guard = 0; guard < 16; guard++) {
    const first = t[0];
    if (!first) return t;
    if (first.kind === 'punct' && (first.text === '&' || first.text === '*')) {
      t = t.slice(1);
      continue;
    }
    if (first.kind === 'punct' && first.text === '(') {
      // `(type) expr` cast or `( expr )`.
      let depth = 0;
      let close = -1;
      for (let k = 0; k < t.length; k++) {
        if (t[k]!.kind === 'punct' && t[k]!.text === '(') depth++;
        if (t[k]!.kind === 'punct' && t[k]!.text === ')' && --depth === 0) {
          close = k;
          break;
        }
      }
      if (close === t.length - 1) {
        t = t.slice(1, -1);
        continue;
      }
      const inner = t.slice(1, close);
      if (close > 0 && inner.every((x) => x.kind === 'ident' || x.text === '*') && inner.length > 0) {
        t = t.slice(close + 1);
        continue;
      }
    }
    return t;
  }
  return t;
}

/** Splits `NAME ( a , b )` into the name and argument token lists. */
function asCall(t: readonly Token[]): { name: string; args: Token[][] } | undefined {
  const name = t[0];
  const open = t[1];
  const last = t[t.length - 1];
  if (name?.kind !== 'ident' || open?.text !== '(' || last?.text !== ')') return undefined;
  const args: Token[][] = [[]];
  let depth = 0;
  for (let k = 2; k < t.length - 1; k++) {
    const x = t[k]!;
    if (x.text === '(') depth++;
    if (x.text === ')') depth--;
    if (depth === 0 && x.text === ',') args.push([]);
    else args[args.length - 1]!.push(x);
  }
  return { name: name.text, args };
}

export class ApiResolver {
  constructor(private readonly rc: ResolveContext) {}

  private get scope(): Scope {
    return this.rc.scope;
  }

  private get api(): ApiKnowledge {
    return this.rc.api;
  }

  /** Resolves an expression to algorithm parameters; undefined when it names nothing known. */
  symbol(tokens: Token[], at: number, fn: string | undefined, depth = 0): Ref | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const t = stripWrapping(tokens);
    if (t.length === 1) {
      const x = t[0]!;
      if (x.kind === 'string') {
        const n = normName(stringValue(x.text));
        const hit = this.api.names.get(n) ?? this.api.algnames[n];
        return hit ? { ...hit } : undefined;
      }
      if (x.kind === 'ident') {
        const hit = this.api.symbols.get(x.text);
        if (hit) return { ...hit };
        const value = this.scope.valueAt(x.text, at, fn);
        if (value === undefined || value === x.text) return undefined;
        return this.symbol(tokenize(value), at, fn, depth + 1);
      }
      return undefined;
    }
    const call = asCall(t);
    if (!call) return undefined;
    const ctor = this.api.constructors.get(call.name);
    if (ctor) {
      const { hashArg, innerArg, ...base } = ctor;
      const ref: Ref = { ...base };
      if (hashArg !== undefined && call.args[hashArg]) {
        const h = this.symbol(call.args[hashArg]!, at, fn, depth + 1);
        if (h?.id) ref.hash = h.id;
      }
      if (innerArg !== undefined && call.args[innerArg]) {
        const inner = this.symbol(call.args[innerArg]!, at, fn, depth + 1);
        if (inner)
          for (const [k, v] of Object.entries(inner))
            if ((ref as Record<string, unknown>)[k] === undefined) (ref as Record<string, unknown>)[k] = v;
      }
      return ref;
    }
    // A call to a fixed-algorithm API function used as a value (EVP_sha256(), uECC_secp256r1()).
    const cands = this.api.functionCandidates(call.name);
    const row = cands?.[0]?.row;
    if (row?.id && (!row.args || Object.keys(row.args).every((k) => k === 'key'))) {
      return refPart(row);
    }
    return undefined;
  }

  integer(text: string, at: number, fn: string | undefined): number | undefined {
    const v = evaluate(
      text,
      (name) => {
        const value = this.scope.valueAt(name, at, fn);
        return value === undefined ? { state: 'unknown' } : { state: 'defined', body: value };
      },
      { undefinedIsZero: false },
    );
    if (v === undefined || v > BigInt(Number.MAX_SAFE_INTEGER) || v < 0n) return undefined;
    return Number(v);
  }

  /** Text of an argument after following identifiers to their value (for parameter sets and lists). */
  private chase(text: string, at: number, fn: string | undefined): string {
    let cur = text.trim();
    for (let k = 0; k < MAX_DEPTH; k++) {
      if (!/^[A-Za-z_]\w*$/.test(cur)) break;
      const v = this.scope.valueAt(cur, at, fn);
      if (v === undefined || v === cur) break;
      cur = v.trim();
    }
    return cur;
  }

  /** Chooses the library row for a called name, following `#define ALIAS function` chains. */
  private candidate(call: CallFact): { cand: FunctionCandidate; alias?: string } | undefined {
    let name = call.name;
    let alias: string | undefined;
    for (let k = 0; k <= MAX_DEPTH; k++) {
      const cands = this.api.functionCandidates(name);
      if (cands) {
        const pick = this.pick(cands, name);
        return pick ? { cand: pick, ...(alias ? { alias } : {}) } : undefined;
      }
      const m = this.scope.macroAt(name, call.index);
      if (m.state !== 'defined' || m.params) return undefined;
      const toks = tokenize(m.body);
      if (toks.length !== 1 || toks[0]!.kind !== 'ident') return undefined;
      alias ??= call.name;
      name = toks[0]!.text;
    }
    return undefined;
  }

  private pick(cands: readonly FunctionCandidate[], name: string): FunctionCandidate | undefined {
    return pickCandidate(cands, this.rc.includeTargets, this.rc.confirmed?.(name) ?? false);
  }

  private resolveCall(call: CallFact): Resolved | undefined {
    const picked = this.candidate(call);
    if (!picked) return undefined;
    const { cand, alias } = picked;
    if (call.reference && cand.commonNames) return undefined;
    const row = cand.row;
    const at = call.index;
    const fn = call.fn;
    const { args, byValue, object, configScheme, referenceAs } = row;
    const ref: Ref = refPart(row);
    if (call.reference && referenceAs) Object.assign(ref, referenceAs);
    const unresolved: Record<string, string> = {};
    const notes: string[] = [];
    let library = cand.library;
    const argText = (i: number): string | undefined => call.args[i];
    const present = (a: ArgIndex | undefined) => indices(a).filter((i) => argText(i) !== undefined);

    if (args && !call.reference) {
      for (const role of ['alg', 'curve', 'hash'] as const) {
        const idx = present(args[role]);
        if (idx.length === 0) continue;
        let done = false;
        for (const i of idx) {
          const text = argText(i)!;
          if (role === 'alg' && byValue) {
            const n = this.integer(text, at, fn);
            const hit = n === undefined ? undefined : byValue[String(n)];
            if (hit) {
              Object.assign(ref, hit);
              done = true;
              break;
            }
          }
          const s = this.symbol(tokenize(text), at, fn);
          if (!s) continue;
          if (role === 'hash') {
            if (!s.id) continue;
            ref.hash = s.id;
          } else if (role === 'curve') {
            if (!s.curve) continue;
            ref.curve = s.curve;
            if (s.id && (ref.id === 'ec' || ref.id === 'ecdh' || ref.id === undefined)) ref.id = s.id;
          } else {
            for (const [k, v] of Object.entries(s)) {
              if (k === 'id' && ref.id !== undefined && ref.id !== 'rsa' && ref.id !== 'ec') continue;
              (ref as Record<string, unknown>)[k] = v;
            }
          }
          done = true;
          break;
        }
        if (!done && !(role === 'curve' && args.curveBytes !== undefined)) {
          unresolved[role === 'alg' ? 'algorithm' : role] = argText(idx[0]!)!.trim();
        }
      }
      for (const role of ['keyBits', 'keyBytes', 'curveBytes'] as const) {
        const idx = present(args[role]);
        if (idx.length === 0) continue;
        if (role === 'curveBytes' && ref.curve) continue;
        const text = argText(idx[0]!)!;
        const n = this.integer(text, at, fn);
        if (n === undefined) {
          // A string argument in a keyBits slot (EVP_PKEY_Q_keygen "EC", "P-256") is a curve, not a size.
          if (!/^\s*"/.test(text)) unresolved[role === 'curveBytes' ? 'curve' : 'keyBits'] = text.trim();
          continue;
        }
        if (role === 'keyBits') ref.keyBits = n;
        else if (role === 'keyBytes') ref.keyBits = n * 8;
        else {
          const curve = { 20: 'secp160r1', 24: 'p-192', 28: 'p-224', 32: 'p-256', 48: 'p-384', 66: 'p-521' }[n];
          if (curve) ref.curve = curve;
          else unresolved.curve = text.trim();
        }
      }
      const ps = present(args.parameterSet);
      if (ps.length > 0) {
        const text = this.chase(argText(ps[0]!)!, at, fn).trim();
        // A string or a named constant is the parameter set; a variable or an expression is not known here.
        if (text.startsWith('"')) ref.parameterSet = stringValue(text);
        else if (/^[A-Z_][A-Z0-9_]*$/.test(text)) ref.parameterSet = text;
        else unresolved.parameterSet = text;
      }
    }
    // One argument read under two roles (EVP_PKEY_Q_keygen: bits or curve) is unresolved only once.
    if (ref.curve !== undefined || ref.keyBits !== undefined) {
      for (const k of ['curve', 'keyBits'])
        if (unresolved[k] !== undefined && (ref.curve ?? ref.keyBits) !== undefined) delete unresolved[k];
    } else if (unresolved.curve !== undefined && unresolved.curve === unresolved.keyBits) {
      delete unresolved[ref.id === 'rsa' || ref.id === 'dh' || ref.id === 'dsa' ? 'curve' : 'keyBits'];
    }
    let bits: number | undefined;
    if (args?.objectBits !== undefined) {
      const idx = present(args.objectBits);
      if (idx.length > 0) bits = this.integer(argText(idx[0]!)!, at, fn);
    }
    if (row.macroParams && !call.reference) {
      const m = row.macroParams.keyBytes ?? row.macroParams.keyBits;
      const v = m ? this.integer(m, at, fn) : undefined;
      if (v !== undefined && v > 0) ref.keyBits = row.macroParams.keyBytes ? v * 8 : v;
    }
    if (configScheme) {
      const scheme = this.configScheme(configScheme, at);
      if (scheme) {
        Object.assign(ref, scheme.ref);
        library = scheme.library;
      } else if (row.schemeDefault) {
        Object.assign(ref, row.schemeDefault);
        notes.push("parameter set not visible here: the library's default");
      } else {
        ref.id = 'unknown';
        ref.parameterSet = configScheme === 'kem' ? 'crypto_kem' : 'crypto_sign';
        unresolved.parameterSet = this.api.schemeMacros[configScheme].map((m) => m.macro).join(' | ');
      }
    }
    let many: AlgorithmRef[] | undefined;
    if (args && (args.suites !== undefined || args.groups !== undefined || args.sigalgs !== undefined)) {
      const role = args.suites !== undefined ? 'suites' : args.groups !== undefined ? 'groups' : 'sigalgs';
      const idx = present(args[role]);
      if (idx.length > 0) many = this.list(role, argText(idx[0]!)!, at, fn, unresolved);
    }
    const objectKey =
      object !== undefined && call.args[object] !== undefined ? normObject(call.args[object]!) : undefined;
    return {
      call,
      library,
      row,
      ref,
      unresolved,
      ...(objectKey ? { objectKey } : {}),
      ...(bits !== undefined ? { bits } : {}),
      notes,
      ...(many ? { many } : {}),
      ...(alias ? { alias } : {}),
    };
  }

  /** The scheme of a NIST-API call: the parameter selector in scope, else the `CRYPTO_ALGNAME` string. */
  private configScheme(kind: 'kem' | 'sign', at: number): { ref: RefPart; library: string } | undefined {
    for (const m of this.api.schemeMacros[kind]) {
      const v = this.scope.valueAt(m.macro, at, undefined);
      if (v === undefined) continue;
      const n = this.integer(v, at, undefined);
      const hit = n === undefined ? undefined : m.values[String(n)];
      if (hit) return { ref: hit, library: m.library };
    }
    const algname = this.scope.valueAt('CRYPTO_ALGNAME', at, undefined);
    if (algname?.trim().startsWith('"')) {
      const hit = this.api.algnames[normName(stringValue(algname.trim()))];
      if (hit) return { ref: hit, library: 'PQClean' };
    }
    return undefined;
  }

  /** Suite or group list: a string literal, or an array of constants (resolved through file arrays). */
  private list(
    role: 'suites' | 'groups' | 'sigalgs',
    text: string,
    at: number,
    fn: string | undefined,
    unresolved: Record<string, string>,
  ): AlgorithmRef[] {
    const out: AlgorithmRef[] = [];
    const seen = new Set<string>();
    const add = (r: AlgorithmRef) => {
      const k = JSON.stringify(r);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(r);
      }
    };
    const items: string[] = [];
    const chased = this.chase(text.replace(/^\s*&?\s*/, ''), at, fn);
    const toks = tokenize(chased);
    if (toks.length > 0 && toks.every((t) => t.kind === 'string')) {
      items.push(...this.api.listTokens(toks.map((t) => stringValue(t.text)).join('')));
    } else if (toks.length === 1 && toks[0]!.kind === 'ident') {
      const arr = this.scope.facts.arrays.find((a) => a.name === toks[0]!.text);
      if (arr) {
        for (const e of arr.elements) items.push(e.startsWith('"') ? stringValue(e) : e);
      } else {
        const s = this.api.symbols.get(toks[0]!.text);
        const g = role === 'sigalgs' ? this.api.sigalgAlgorithm(toks[0]!.text) : this.api.groupAlgorithm(toks[0]!.text);
        if (g) items.push(toks[0]!.text);
        else if (s) add(toRef(s));
        else unresolved[role] = text.trim();
      }
    } else {
      unresolved[role] = text.trim();
    }
    for (const item of items) {
      if (role === 'sigalgs') {
        const a = this.api.sigalgAlgorithm(item);
        if (a) add(a);
        continue;
      }
      if (role === 'groups' || this.api.groupAlgorithm(item)) {
        const sym = this.api.symbols.get(item);
        const g = this.api.groupAlgorithm(item) ?? (sym?.curve ? this.api.groupAlgorithm(sym.curve) : undefined);
        if (g) add(g);
        continue;
      }
      const algs = this.api.suiteAlgorithms(item);
      if (algs) for (const a of algs) add(a);
    }
    return out;
  }

  /**
   * Replaces calls of function-like macros by the crypto calls their expansion contains, at the
   * call site, with the macro's parameters substituted (`HASH(o, i, n)` → `mbedtls_sha512(i, n, o, 1)`).
   */
  private expand(call: CallFact, depth = 0): CallFact[] {
    if (call.reference || depth > 4 || this.api.functionCandidates(call.name)) return [call];
    const m = this.scope.macroAt(call.name, call.index);
    if (m.state !== 'defined' || m.params === undefined) return [call];
    const params = m.params;
    const args = call.args.map((a) => tokenize(a));
    const body = tokenize(m.body);
    const expanded: Token[] = [];
    for (const t of body) {
      const p = t.kind === 'ident' ? params.indexOf(t.text) : -1;
      if (p < 0) expanded.push(t);
      else if (params[p] === '__VA_ARGS__')
        expanded.push(...args.slice(p).flatMap((a, k) => (k > 0 ? [{ kind: 'punct' as const, text: ',' }, ...a] : a)));
      else expanded.push(...(args[p] ?? []));
    }
    const out: CallFact[] = [];
    for (let i = 0; i < expanded.length; i++) {
      const t = expanded[i]!;
      if (t.kind !== 'ident' || expanded[i + 1]?.text !== '(') continue;
      let depthP = 0;
      let j = i + 1;
      for (; j < expanded.length; j++) {
        if (expanded[j]!.text === '(') depthP++;
        if (expanded[j]!.text === ')' && --depthP === 0) break;
      }
      const inner = asCall(expanded.slice(i, j + 1));
      if (!inner) continue;
      const sub: CallFact = {
        ...call,
        name: inner.name,
        args: inner.args.map((a) => a.map((x) => x.text).join(' ')),
        expandedFrom: call.expandedFrom ?? call.name,
      };
      if (this.api.functionCandidates(inner.name)) out.push(sub);
      else if (inner.name !== call.name) out.push(...this.expand(sub, depth + 1).filter((c) => c !== sub));
    }
    return out;
  }

  /** All findings of one file. */
  findings(calls: readonly CallFact[], path: string): AlgorithmFinding[] {
    const resolved: Resolved[] = [];
    for (const c of calls.flatMap((call) => this.expand(call))) {
      const r = this.resolveCall(c);
      if (r) resolved.push(r);
    }
    pairObjects(resolved, this, this.api.familyBits);
    // Objects a call in the function acts on: their attribute setters are not findings of their own.
    const actedOn = new Set<string>();
    for (const r of resolved)
      if (r.objectKey && !r.row.attribute && !r.row.paramOnly) actedOn.add(`${r.call.fn ?? ''}\u0000${r.objectKey}`);
    // Algorithms whose operations the file starts: a continuation is part of such a use.
    const started = new Set<string>();
    for (const r of resolved) if (!r.row.continues && !r.row.paramOnly && r.ref.id) started.add(r.ref.id);
    // A curve accessor (`uECC_secp256r1()`) continues the ECDSA or ECDH operation that takes it.
    const isStarted = (id: string) => started.has(id) || [...started].some((s) => refines(id, s));
    // Every finding on a line that passes key material is redacted, not only the call that takes the key.
    const keyLines = new Set(resolved.filter((r) => r.row.args?.secret !== undefined).map((r) => r.call.line));
    const out: AlgorithmFinding[] = [];
    for (const r of resolved) {
      if (r.row.paramOnly) continue;
      // A continuation in a file that starts no operation of its algorithm (squeezing a state set up by
      // an initializer, as a test RNG does) is the only visible use there.
      // Lifecycle calls (`wc_ecc_init`, `*_ctx_release`) are never a use of their own.
      if (r.row.continues && (r.row.notImplementation || !r.ref.id || isStarted(r.ref.id))) continue;
      if (r.row.attribute && r.objectKey && actedOn.has(`${r.call.fn ?? ''}\u0000${r.objectKey}`)) continue;
      const state = this.scope.stateOf(r.call);
      const refs = r.many ?? [finalize(r)];
      for (const algorithm of refs) {
        const notes = [...r.notes];
        if (r.alias) notes.push(`called through macro ${r.alias}`);
        if (r.call.reference) notes.push('function referenced, not called (function pointer or table)');
        if (r.call.expandedFrom) notes.push(`expanded from macro ${r.call.expandedFrom}`);
        out.push({
          kind: 'algorithm',
          detector: API_DETECTOR,
          role: 'api-call',
          algorithm,
          state,
          library: r.library,
          ...(r.call.fn ? { context: r.call.fn } : {}),
          evidence: {
            path,
            line: r.call.line,
            column: r.call.column,
            snippet: keyLines.has(r.call.line) ? redactSnippet(r.call.snippet, true) : r.call.snippet,
          },
          ...(notes.length > 0 ? { notes } : {}),
          properties: { function: r.call.name },
        });
      }
    }
    return out;
  }

  /** Resolves a value expression naming an object's creator (`kem = OQS_KEM_new(alg)`). */
  objectFromValue(key: string, at: number, fn: string | undefined): Ref | undefined {
    if (!/^[A-Za-z_]\w*$/.test(key)) return undefined;
    const v = this.scope.valueAt(key, at, fn);
    if (!v) return undefined;
    const call = asCall(tokenize(v));
    if (!call) return undefined;
    const fake: CallFact = {
      name: call.name,
      args: call.args.map((a) => a.map((t) => t.text).join(' ')),
      index: at,
      line: 0,
      column: 0,
      snippet: '',
      branches: [],
      ...(fn ? { fn } : {}),
    };
    const r = this.resolveCall(fake);
    return r && Object.keys(r.unresolved).length === 0 ? r.ref : undefined;
  }
}

function normObject(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/^&/, '')
    .replace(/^\((.*)\)$/, '$1');
}

const OBJECT_FIELDS = ['id', 'keyBits', 'curve', 'family', 'mode', 'hash', 'parameterSet'] as const;

/** Shares parameters between calls on the same object inside one function. */
function pairObjects(resolved: Resolved[], resolver: ApiResolver, familyBits: ApiKnowledge['familyBits']): void {
  const groups = new Map<string, Resolved[]>();
  for (const r of resolved) {
    if (!r.objectKey) continue;
    const k = `${r.call.fn ?? ''}\u0000${r.objectKey}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  for (const g of groups.values()) {
    const acc: Ref = {};
    let bits: number | undefined;
    for (const r of g) {
      if (r.bits !== undefined) bits ??= r.bits;
      for (const f of OBJECT_FIELDS) {
        if (f === 'id' && !r.row.establishes) continue;
        const v = r.ref[f];
        if (v !== undefined && acc[f] === undefined) (acc as Record<string, unknown>)[f] = v;
      }
    }
    // The key's permitted algorithm refines its type: an EC key for ECDSA is an ECDSA key.
    const refined = g.find((r) => !r.row.establishes && r.row.attribute && r.ref.id && refines(acc.id, r.ref.id))?.ref
      .id;
    if (acc.id === undefined && acc.family === undefined) {
      const first = g[0]!;
      const fromValue = resolver.objectFromValue(first.objectKey!, first.call.index, first.call.fn);
      if (fromValue) Object.assign(acc, fromValue);
    }
    for (const r of g) {
      for (const f of OBJECT_FIELDS) {
        if (r.ref[f] === undefined && acc[f] !== undefined) (r.ref as Record<string, unknown>)[f] = acc[f];
      }
      if (r.ref.id === 'ec' && acc.id && acc.id !== 'ec' && !r.row.id) r.ref.id = acc.id;
      if (refined && !r.row.attribute && !r.row.id && r.ref.id === acc.id) r.ref.id = refined;
      if (r.row.signs && (r.ref.id === 'ec' || r.ref.id === 'ecdh')) r.ref.id = 'ecdsa';
      if (bits !== undefined && r.ref.keyBits === undefined) applyBits(r.ref, bits, familyBits);
      if (acc.id || acc.family) {
        delete r.unresolved.algorithm;
      }
    }
  }
}

const REF_FIELDS = ['id', 'keyBits', 'curve', 'hash', 'mode', 'parameterSet', 'family'] as const;

/** The parameters a table row fixes, without its resolution instructions. */
function refPart(row: RefPart): Ref {
  const out: Record<string, unknown> = {};
  for (const k of REF_FIELDS) if (row[k] !== undefined) out[k] = row[k];
  return out as Ref;
}

/** Whether an algorithm is a use of a key type (`ecdsa` of `ec`, `rsa-pss` of `rsa`). */
function refines(type: string | undefined, alg: string): boolean {
  if (type === 'ec') return alg === 'ecdsa' || alg === 'ecdh';
  if (type === 'rsa') return alg.startsWith('rsa') && alg !== 'rsa';
  return false;
}

/** PSA-style key bits: a curve for ECC families, a parameter set for DH/ML-KEM/ML-DSA, else key size. */
function applyBits(ref: Ref, bits: number, familyBits: ApiKnowledge['familyBits']): void {
  const fam = ref.family ?? (ref.id === 'des' ? 'des' : undefined);
  if (fam) {
    const hit = familyBits[fam]?.[String(bits)];
    if (hit) {
      if (hit.curve) ref.curve = hit.curve;
      if (hit.parameterSet) ref.parameterSet = hit.parameterSet;
      if (hit.keyBits) ref.keyBits = hit.keyBits;
      if (
        hit.id &&
        (ref.id === undefined || ref.id === 'ec' || ref.id === 'ecdh' || ref.id === 'des' || fam.startsWith('ml-'))
      )
        ref.id = hit.id;
      if (fam === 'rfc7919') ref.keyBits = bits;
      return;
    }
  }
  ref.keyBits = bits;
}

function toRef(part: RefPart): AlgorithmRef {
  const { family: _f, ...rest } = part;
  return rest as AlgorithmRef;
}

/** The final AlgorithmRef of a resolved call: unknown when the algorithm itself stays unresolved. */
function finalize(r: Resolved): AlgorithmRef {
  const ref = r.ref;
  const unresolved = { ...r.unresolved };
  if (ref.family && !ref.curve && !ref.id?.startsWith('ml-')) {
    unresolved.curve = `${ref.family} family without key bits`;
  }
  if (ref.family?.startsWith('ml-') && (ref.id === undefined || !ref.id.startsWith('ml-'))) {
    unresolved.parameterSet = `${ref.family} key bits not visible`;
  }
  let id = ref.id;
  if (id === undefined && ref.mode) {
    id = 'unknown';
    ref.parameterSet ??= r.call.name;
    unresolved.cipher = 'block cipher comes from the key type, not visible here';
  }
  if (id === undefined) {
    id = 'unknown';
    if (!ref.parameterSet) ref.parameterSet = r.call.name;
    if (Object.keys(unresolved).length === 0) unresolved.algorithm = r.objectKey ?? r.call.args.join(', ');
  }
  const { family: _f, ...rest } = ref;
  const out: Record<string, unknown> = { ...rest, id };
  // Unresolved values are argument text: a key passed inline would travel with them.
  const keyLine = r.row.args?.secret !== undefined;
  if (Object.keys(unresolved).length > 0)
    out.unresolved = Object.fromEntries(Object.entries(unresolved).map(([k, v]) => [k, redactSnippet(v, keyLine)]));
  return out as unknown as AlgorithmRef;
}
