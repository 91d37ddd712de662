/**
 * Turns the calls of one file into algorithm findings: picks the library row for each called name
 * (following macro aliases), resolves the row's argument roles through literals, constants,
 * enumerators, locals and macros, pairs calls on the same context object inside a function
 * (setup → use, PSA attribute type + bits), and reports what cannot be resolved as `unresolved`.
 */
import {
  type ActivityState,
  type AlgorithmFinding,
  type AlgorithmRef,
  type CipherSuiteFacts,
  type Finding,
  type NamedGroupFacts,
  type ProtocolFacts,
  type ProtocolFinding,
  redactSnippet,
} from '@pqready/core';
import { evaluate } from './expr.js';
import type { CallFact } from './facts.js';
import type { ApiKnowledge, ApiRow, ArgIndex, FunctionCandidate, ProtocolMeaning, RefPart } from './knowledge.js';
import { normName } from './knowledge.js';
import type { Scope } from './scope.js';
import { stringValue, type Token, tokenize } from './tokens.js';
import { type Candidate, type TreeLinks, ValueTracker } from './values.js';

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
  readonly alias?: string;
  /** The algorithm is one of these, chosen at run time (several values reach the argument, or the row's set). */
  alternatives?: Ref[];
  /** Where the resolved values came from (value origin → use). */
  readonly origins: string[];
  /** A protocol-name list given to the call (suite, group, signature or SSH lists). */
  readonly protocol?: { readonly facts: ProtocolFacts; readonly notes: readonly string[]; readonly text?: string };
}

/** A call to a function of the tree that performs one fixed algorithm (a wrapper), as its caller sees it. */
export interface WrapperUse {
  readonly refs: readonly AlgorithmRef[];
  readonly library?: string;
  /** The chain from the call to the library call (`bootutil_sha_init → mbedtls_sha256_starts`). */
  readonly via: string;
  /** State of the definition in the caller's unit (a definition selected by macro follows its configuration). */
  readonly state: ActivityState;
  /** The innermost library function. */
  readonly function: string;
}

/** Context for resolving one file's expressions. */
interface ResolveContext {
  readonly api: ApiKnowledge;
  readonly scope: Scope;
  /** Include targets of the translation unit (raw text), used to pick among same-named library functions. */
  readonly includeTargets: readonly string[];
  /** Whether the tree holds a confirmed implementation of a generic name (`md5_update` next to MD5 constants). */
  readonly confirmed?: (name: string) => boolean;
  /** The file's path (for value origins in other files). */
  readonly path?: string;
  /** Other files' definitions, calls and trackers, for values that cross functions. */
  readonly links?: TreeLinks;
  /** What a call to a function of the tree performs, when that function wraps one fixed algorithm. */
  readonly wrapper?: (call: CallFact) => WrapperUse | undefined;
}

const MAX_ALTERNATIVES = 16;

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
  readonly tracker: ValueTracker;

  constructor(private readonly rc: ResolveContext) {
    this.tracker = new ValueTracker(
      rc.scope,
      rc.path ?? rc.scope.facts.path,
      (t, at, fn) => this.leaf(t, at, fn),
      rc.links,
      (name, at, fn) => this.producedInto(name, at, fn),
    );
  }

  /**
   * A value that is itself known: a string naming an algorithm, a catalogued constant, a constructor macro or an
   * API function used as a value. Variables are left to value tracking.
   */
  private leaf(tokens: Token[], at: number, fn: string | undefined): Ref[] {
    const t = stripWrapping(tokens);
    if (t.length === 1) {
      const x = t[0]!;
      // An integer reaching an argument whose values name variants (`mbedtls_sha256_starts(ctx, is224)`).
      if (x.kind === 'number' && this.byValueContext) {
        const hit = this.byValueContext[String(Number(x.text.replace(/[uUlL]+$/, '')))];
        return hit ? [{ ...hit }] : [];
      }
      if (x.kind === 'ident') {
        const hit = this.api.symbols.get(x.text);
        return hit ? [{ ...hit }] : [];
      }
      const s = x.kind === 'string' ? this.symbol(t, at, fn) : undefined;
      return s ? [s] : [];
    }
    const call = asCall(t);
    if (!call) return [];
    // A constructor or lookup of an argument that takes several values (`mbedtls_md_info_from_type(rows[i].md)`).
    const ctor = this.api.constructors.get(call.name);
    const inner = ctor?.innerArg !== undefined ? call.args[ctor.innerArg] : undefined;
    if (ctor && inner && !this.symbol(inner, at, fn)) {
      if (this.leafDepth > 3) return [];
      const { hashArg: _h, innerArg: _i, ...base } = ctor;
      this.leafDepth++;
      try {
        return this.tracker.values(inner, at, fn).map((c) => ({ ...c.ref, ...base }));
      } finally {
        this.leafDepth--;
      }
    }
    const s = this.symbol(t, at, fn);
    if (s) return [s];
    // A descriptor lookup whose argument takes several values (`EVP_get_digestbynid(nid)`, nid by `switch`).
    const row = this.api.functionCandidates(call.name)?.[0]?.row;
    if (row?.args?.alg === undefined || this.leafDepth > 3) return [];
    this.leafDepth++;
    try {
      const r = this.resolveCall(syntheticCall(call.name, call.args, at, fn));
      return r?.alternatives ?? [];
    } finally {
      this.leafDepth--;
    }
  }

  private leafDepth = 0;
  /** The value → algorithm map of the argument being resolved, for integers found by value tracking. */
  private byValueContext: Readonly<Record<string, RefPart>> | undefined;

  /** Resolved calls of this file (computed once; value tracking reads the objects they create). */
  private resolvedCache: Resolved[] | undefined;
  private resolving = false;

  /**
   * What an API call of this file created into a variable before an offset (`psa_import_key(…, key)`,
   * `psa_generate_key(&attr, &key)`): the created key's algorithm, as the call's object resolved it.
   */
  private producedInto(name: string, at: number, fn: string | undefined): Ref[] {
    if (this.resolving) return [];
    if (!this.resolvedCache) {
      this.resolving = true;
      try {
        this.resolvedCache = this.resolveAll(this.scope.facts.calls).resolved;
      } finally {
        this.resolving = false;
      }
    }
    const out: Ref[] = [];
    for (const r of this.resolvedCache) {
      const k = r.row.produces;
      if (k === undefined || r.call.fn !== fn || r.call.index >= at) continue;
      const arg = r.call.args[k];
      if (arg === undefined || normObject(arg).replace(/^\*/, '') !== name) continue;
      if (r.alternatives) out.push(...r.alternatives);
      else if (r.ref.id || r.ref.family) out.push({ ...r.ref });
    }
    return out;
  }

  /** Every algorithm an argument may stand for (one when the code fixes it). */
  private candidatesOf(text: string, at: number, fn: string | undefined): Candidate[] {
    const toks = tokenize(text);
    const direct = this.symbol(toks, at, fn);
    const tracked = this.tracker.values(toks, at, fn);
    if (tracked.length > 0) return tracked;
    return direct ? [{ ref: direct, origin: [] }] : [];
  }

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
    // A call to a fixed-algorithm API function used as a value (EVP_sha256(), uECC_secp256r1()), or to one
    // whose argument names the algorithm (EVP_PKEY_new_mac_key(EVP_PKEY_HMAC, …), EVP_get_digestbyname("sha256")).
    const cands = this.api.functionCandidates(call.name);
    const row = cands?.[0]?.row;
    if (row?.id && (!row.args || Object.keys(row.args).every((k) => k === 'key'))) {
      return refPart(row);
    }
    if (row?.args?.alg !== undefined && depth < 4) {
      const r = this.resolveCall(syntheticCall(call.name, call.args, at, fn));
      if (r?.ref.id && Object.keys(r.unresolved).length === 0 && !r.alternatives) return r.ref;
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
    const origins: string[] = [];
    let alternatives: Ref[] | undefined;
    let library = cand.library;
    const argText = (i: number): string | undefined => call.args[i];
    const present = (a: ArgIndex | undefined) => indices(a).filter((i) => argText(i) !== undefined);

    if (args && !call.reference) {
      // `EVP_EncryptInit_ex(ctx, NULL, …)` keys or re-IVs an operation whose cipher an earlier call chose.
      const algIdx = present(args.alg);
      if (
        !row.id &&
        !byValue &&
        algIdx.length === 1 &&
        /^\s*(NULL|\(\s*void\s*\*\s*\)\s*0)\s*$/.test(argText(algIdx[0]!)!)
      )
        return undefined;
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
          const saved = this.byValueContext;
          this.byValueContext = role === 'alg' ? byValue : undefined;
          let cands: Candidate[];
          try {
            cands = this.candidatesOf(text, at, fn);
          } finally {
            this.byValueContext = saved;
          }
          if (cands.length === 0) continue;
          for (const c of cands) for (const o of c.origin) if (!origins.includes(o)) origins.push(o);
          if (cands.length > 1 && role === 'alg') {
            alternatives = cands.map((c) => applyAlg({ ...ref }, c.ref)).slice(0, MAX_ALTERNATIVES);
            done = true;
            break;
          }
          if (cands.length > 1) {
            const ids = new Set(cands.map((c) => (role === 'hash' ? c.ref.id : c.ref.curve)));
            if (ids.size > 1) {
              unresolved[role] = `${text.trim()} (one of ${[...ids].filter((x) => x !== undefined).join(', ')})`;
              done = true;
              break;
            }
          }
          const s = cands[0]!.ref;
          if (role === 'hash') {
            if (!s.id) continue;
            ref.hash = s.id;
          } else if (role === 'curve') {
            if (!s.curve) continue;
            ref.curve = s.curve;
            if (s.id && (ref.id === 'ec' || ref.id === 'ecdh' || ref.id === undefined)) ref.id = s.id;
          } else applyAlg(ref, s);
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
    // A key object decides the algorithm where the call names none (an HMAC or Poly1305 key, a parsed key).
    const keyIdx = args && !call.reference ? present(args.key)[0] : undefined;
    const lacksId = ref.id === undefined || (alternatives?.some((a) => a.id === undefined) ?? false);
    if (keyIdx !== undefined && lacksId) {
      const keys = this.candidatesOf(argText(keyIdx)!, at, fn).filter((c) => c.ref.id);
      for (const c of keys) for (const o of c.origin) if (!origins.includes(o)) origins.push(o);
      const withKey = (x: Ref): Ref[] => {
        if (x.id !== undefined) return [x];
        // A block-cipher mode runs with a block cipher key, never a stream cipher's.
        const fit = keys.filter((k) => !(x.mode && k.ref.id === 'chacha20'));
        return fit.length === 0 ? [x] : fit.map((k) => ({ ...k.ref, ...x, id: k.ref.id }));
      };
      if (keys.length > 0) {
        const expanded = (alternatives ?? [ref]).flatMap(withKey).slice(0, MAX_ALTERNATIVES);
        if (expanded.length === 1) Object.assign(ref, expanded[0]);
        else alternatives = expanded;
      }
    }
    // `mbedtls_md_setup(ctx, info, 1)`: a non-zero flag makes the digest an HMAC over it.
    const flag = args && !call.reference ? present(args.hmacFlag)[0] : undefined;
    if (flag !== undefined) {
      const n = this.integer(argText(flag)!, at, fn);
      const toHmac = (x: Ref): Ref => (x.id && x.id !== 'hmac' ? { ...x, hash: x.id, id: 'hmac' } : x);
      if (n !== undefined && n > 0) {
        Object.assign(ref, toHmac(ref));
        if (alternatives) alternatives = alternatives.map(toHmac);
      }
    }
    let protocol: Resolved['protocol'];
    if (args && !call.reference) {
      for (const role of ['suites', 'groups', 'sigalgs', 'names'] as const) {
        const idx = present(args[role]);
        if (idx.length === 0) continue;
        protocol = this.protocolList(role, argText(idx[0]!)!, at, fn);
        break;
      }
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
      origins,
      ...(alternatives ? { alternatives } : {}),
      ...(protocol ? { protocol } : {}),
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

  /**
   * A protocol-name list given to a call: a string read with the protocol parsers (OpenSSL cipher strings and
   * group lists, SSH name lists), a file array of constants or names, or a value only known at run time.
   */
  private protocolList(
    role: 'suites' | 'groups' | 'sigalgs' | 'names',
    text: string,
    at: number,
    fn: string | undefined,
  ): Resolved['protocol'] {
    const chased = this.chase(text.replace(/^\s*&?\s*/, ''), at, fn);
    const toks = tokenize(chased);
    if (toks.length > 0 && toks.every((t) => t.kind === 'string')) {
      const str = toks.map((t) => stringValue(t.text)).join('');
      const meaning = role === 'names' ? this.api.protocol.classify(str) : this.api.protocol.list(role, str);
      if (meaning) return { facts: meaning.facts, notes: meaningNotes(meaning), text: str };
      if (role === 'names') return undefined;
      return { facts: this.itemFacts(role, this.api.listTokens(str)), notes: [], text: str };
    }
    if (role !== 'names' && toks.length === 1 && toks[0]!.kind === 'ident') {
      const name = toks[0]!.text;
      const arr = [this.scope, ...this.scope.headers].flatMap((sc) => sc.facts.arrays).find((a) => a.name === name);
      if (arr)
        return {
          facts: this.itemFacts(
            role,
            arr.elements.map((e) => (e.startsWith('"') ? stringValue(e) : e)),
          ),
          notes: [],
        };
      const single = this.itemFacts(role, [name]);
      if (protocolSize(single) > 0) return { facts: single, notes: [] };
    }
    if (role === 'names') return undefined;
    return {
      facts: emptyFacts('tls'),
      notes: [
        `${role === 'suites' ? 'cipher list' : role === 'groups' ? 'group list' : 'signature algorithm list'} set at run time from \`${text.trim()}\``,
      ],
    };
  }

  /** Facts of a list of suite, group or signature names and constants. */
  private itemFacts(role: 'suites' | 'groups' | 'sigalgs', items: readonly string[]): ProtocolFacts {
    const suites: CipherSuiteFacts[] = [];
    const groups: NamedGroupFacts[] = [];
    const sigalgs: NamedGroupFacts[] = [];
    for (const item of items) {
      if (role === 'sigalgs') {
        const a = this.api.sigalgAlgorithm(item);
        if (a) sigalgs.push({ name: item, algorithm: a });
        continue;
      }
      const sym = this.api.symbols.get(item);
      const g = this.api.groupAlgorithm(item) ?? (sym?.curve ? this.api.groupAlgorithm(sym.curve) : undefined);
      if (role === 'groups' || g) {
        if (g) groups.push({ name: item, algorithm: g });
        continue;
      }
      const algs = this.api.suiteAlgorithms(item);
      if (algs) suites.push({ name: item, algorithms: algs });
      else if (sym) suites.push({ name: item, algorithms: [toRef(sym)] });
    }
    return { ...emptyFacts('tls'), cipherSuites: suites, groups, signatureAlgorithms: sigalgs };
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

  /** Resolved calls of one file, parameters shared between calls on the same object. */
  private resolveAll(calls: readonly CallFact[]): {
    resolved: Resolved[];
    wrapped: { call: CallFact; use: WrapperUse }[];
  } {
    const resolved: Resolved[] = [];
    const wrapped: { call: CallFact; use: WrapperUse }[] = [];
    for (const c of calls.flatMap((call) => this.expand(call))) {
      const r = this.resolveCall(c);
      if (r) {
        resolved.push(r);
        continue;
      }
      const use = c.reference ? undefined : this.rc.wrapper?.(c);
      if (use) wrapped.push({ call: c, use });
    }
    pairObjects(resolved, this, this.api.familyBits);
    for (const r of resolved) {
      // An operation whose algorithm the code leaves to run time (a key parsed from storage) is one of the
      // algorithms the API can perform, never a bare unknown.
      // A variant chosen by value (`mbedtls_sha256(…, is224)` with is224 from the caller) is one of the variants.
      const set = r.row.candidates ?? (r.row.byValue ? uniqueParts(Object.values(r.row.byValue)) : undefined);
      if (set && !r.alternatives && (r.ref.id === undefined || r.unresolved.algorithm !== undefined)) {
        const { id: _id, ...rest } = r.ref;
        r.alternatives = set.map((c) => ({ ...rest, ...c }));
        delete r.unresolved.algorithm;
        r.notes.push('algorithm decided at run time (the key or type is not fixed in the code)');
      }
    }
    return { resolved, wrapped };
  }

  /** Algorithms whose operations the file starts (`*_init`, `*_setup`), for continuations seen apart. */
  startedIds(calls: readonly CallFact[]): Set<string> {
    if (!this.startedCache) {
      this.startedCache = new Set();
      for (const c of calls.flatMap((call) => this.expand(call))) {
        const r = this.resolveCall(c);
        if (r && !r.row.continues && !r.row.paramOnly && r.ref.id) this.startedCache.add(r.ref.id);
      }
    }
    return this.startedCache;
  }

  private startedCache: Set<string> | undefined;

  /**
   * All findings of one file, or of some of its calls (one function's body, for a wrapper's summary);
   * `started` then says which operations the whole file starts.
   */
  findings(calls: readonly CallFact[], path: string, started?: ReadonlySet<string>): Finding[] {
    const { resolved, wrapped } = this.resolveAll(calls);
    // Objects a call in the function acts on: their attribute setters are not findings of their own.
    const actedOn = new Set<string>();
    for (const r of resolved)
      if (r.objectKey && !r.row.attribute && !r.row.paramOnly) actedOn.add(`${r.call.fn ?? ''}\u0000${r.objectKey}`);
    // Algorithms whose operations the file starts: a continuation is part of such a use.
    const starts = new Set<string>(started ?? []);
    for (const r of resolved) if (!r.row.continues && !r.row.paramOnly && r.ref.id) starts.add(r.ref.id);
    // A curve accessor (`uECC_secp256r1()`) continues the ECDSA or ECDH operation that takes it.
    const isStarted = (id: string) => starts.has(id) || [...starts].some((s) => refines(id, s));
    const consumed = this.consumedNames(resolved);
    const asArgument = this.descriptorArguments(resolved);
    // Contexts created only to import key material (`ctx = EVP_PKEY_CTX_new_from_name(…)` then
    // `EVP_PKEY_fromdata_init(ctx)`): their creation is key handling.
    const imports = new Set(
      resolved.filter((r) => r.row.keyImport && r.objectKey).map((r) => `${r.call.fn ?? ''}\u0000${r.objectKey}`),
    );
    // Every finding on a line that passes key material is redacted, not only the call that takes the key.
    const keyLines = new Set(resolved.filter((r) => r.row.args?.secret !== undefined).map((r) => r.call.line));
    const out: Finding[] = [];
    for (const r of resolved) {
      if (r.row.paramOnly || r.row.accessor) continue;
      if (r.row.lifecycleArity !== undefined && r.call.args.length === r.row.lifecycleArity) continue;
      // A continuation in a file that starts no operation of its algorithm (squeezing a state set up by
      // an initializer, as a test RNG does) is the only visible use there.
      // Lifecycle calls (`wc_ecc_init`, `*_ctx_release`) are never a use of their own.
      if (r.row.continues && (r.row.notImplementation || !r.ref.id || isStarted(r.ref.id))) continue;
      if (r.row.attribute && r.objectKey && actedOn.has(`${r.call.fn ?? ''}\u0000${r.objectKey}`)) continue;
      // A descriptor stored for a later call is that call's value, not a use of its own.
      if (
        r.row.descriptor &&
        (asArgument.has(`${r.call.line}\u0000${r.call.name}`) || this.storedFor(r.call, consumed))
      )
        continue;
      if (imports.size > 0) {
        const target = this.storedIn(r.call);
        if (target && imports.has(`${r.call.fn ?? ''}\u0000${target}`)) continue;
      }
      const state = this.scope.stateOf(r.call);
      const notes = [...r.notes];
      if (r.alias) notes.push(`called through macro ${r.alias}`);
      if (r.call.reference) notes.push('function referenced, not called (function pointer or table)');
      if (r.call.expandedFrom) notes.push(`expanded from macro ${r.call.expandedFrom}`);
      if (r.origins.length > 0) notes.push(`value: ${r.origins.join('; ')}`);
      const evidence = { path, line: r.call.line, column: r.call.column, snippet: r.call.snippet };
      if (r.protocol) {
        out.push(this.protocolFinding(r, state, evidence, notes));
        continue;
      }
      const algorithm = finalize(r);
      const candidates = algorithm.candidates?.map((c) => c.id);
      if (r.row.configures) this.setupIndex.add(`${r.call.line}\u0000${r.call.column}`);
      out.push({
        kind: 'algorithm',
        detector: API_DETECTOR,
        role: 'api-call',
        algorithm,
        state,
        library: r.library,
        ...(r.call.fn ? { context: r.call.fn } : {}),
        evidence,
        ...(notes.length > 0 ? { notes } : {}),
        properties: {
          function: r.call.name,
          ...(candidates ? { candidates: [...new Set(candidates)].join(' | ') } : {}),
        },
      });
    }
    for (const { call, use } of wrapped) {
      const state = combineStates(this.scope.stateOf(call), use.state);
      for (const algorithm of use.refs) {
        const candidates = algorithm.candidates?.map((c) => c.id);
        out.push({
          kind: 'algorithm',
          detector: API_DETECTOR,
          role: 'api-call',
          algorithm,
          state,
          ...(use.library ? { library: use.library } : {}),
          ...(call.fn ? { context: call.fn } : {}),
          evidence: { path, line: call.line, column: call.column, snippet: call.snippet },
          notes: [`through the tree's wrapper ${use.via}`],
          properties: {
            function: use.function,
            wrapper: call.name,
            via: use.via,
            ...(candidates ? { candidates: [...new Set(candidates)].join(' | ') } : {}),
          },
        });
      }
    }
    if (keyLines.size === 0) return out;
    return out.map((f) =>
      keyLines.has(f.evidence.line ?? -1) && f.evidence.snippet !== undefined
        ? { ...f, evidence: { ...f.evidence, snippet: redactSnippet(f.evidence.snippet, true) } }
        : f,
    );
  }

  private protocolFinding(
    r: Resolved,
    state: ActivityState,
    evidence: AlgorithmFinding['evidence'],
    notes: string[],
  ): ProtocolFinding {
    const p = r.protocol!;
    return {
      kind: 'protocol',
      detector: API_DETECTOR,
      role: 'protocol-config',
      evidence,
      state,
      library: r.library,
      ...(r.call.fn ? { context: r.call.fn } : {}),
      ...(notes.length + p.notes.length > 0 ? { notes: [...notes, ...p.notes] } : {}),
      properties: { function: r.call.name, ...(p.text !== undefined ? { string: p.text.slice(0, 512) } : {}) },
      protocol: p.facts,
    };
  }

  /** Sites (line, column) of findings from calls that set something up rather than process data. */
  private readonly setupIndex = new Set<string>();

  /** Whether a finding of this file comes from a setup call (a padding, a key import). */
  isSetup(f: Finding): boolean {
    return this.setupIndex.has(`${f.evidence.line}\u0000${f.evidence.column}`);
  }

  /** Descriptor calls written as an argument of another resolved call (one finding: the outer call). */
  private descriptorArguments(resolved: readonly Resolved[]): Set<string> {
    const out = new Set<string>();
    for (const r of resolved) {
      if (r.row.descriptor || r.call.reference) continue;
      for (const a of r.call.args) {
        const inner = asCall(stripWrapping(tokenize(a)));
        if (!inner || !this.api.functionCandidates(inner.name)?.[0]?.row.descriptor) continue;
        // The argument may sit on a later line of a call written over several.
        const lines = a.split('\n').length + r.call.args.length;
        for (let l = r.call.line; l <= r.call.line + lines; l++) out.add(`${l}\u0000${inner.name}`);
      }
    }
    return out;
  }

  /** Variables (per function) and fields that a call uses as an argument. */
  private consumedNames(resolved: readonly Resolved[]): Set<string> {
    const out = new Set<string>();
    for (const r of resolved) {
      // A lifecycle call (`EVP_MAC_CTX_new(mac)`) reports nothing, so the descriptor stays the finding.
      if (r.row.descriptor || (r.row.continues && r.row.notImplementation)) continue;
      for (const a of r.call.args) {
        const t = stripWrapping(tokenize(a));
        if (t.length === 1 && t[0]!.kind === 'ident') out.add(`${r.call.fn ?? ''}\u0000${t[0]!.text}`);
        const n = t.length;
        if (n >= 3 && t[n - 1]!.kind === 'ident' && (t[n - 2]!.text === '.' || t[n - 2]!.text === '->'))
          out.add(`.${t[n - 1]!.text}`);
      }
    }
    return out;
  }

  /** The variable or field (`.f`) a call's result is stored in, if any. */
  private storedIn(call: CallFact): string | undefined {
    let best: { name: string; index: number } | undefined;
    for (const v of this.scope.facts.values) {
      if (v.fn !== call.fn || v.index >= call.index || call.index - v.index > 256) continue;
      if (!v.value.includes(call.name)) continue;
      if (!best || v.index > best.index) best = { name: v.name, index: v.index };
    }
    return best?.name;
  }

  /** Whether a descriptor call's result is stored in a variable or field that another call uses. */
  private storedFor(call: CallFact, consumed: ReadonlySet<string>): boolean {
    const name = this.storedIn(call);
    if (!name) return false;
    if (name.startsWith('.')) return consumed.has(name);
    return consumed.has(`${call.fn ?? ''}\u0000${name}`);
  }

  /** Resolves a value expression naming an object's creator (`kem = OQS_KEM_new(alg)`). */
  objectFromValue(key: string, at: number, fn: string | undefined): Ref | undefined {
    if (!/^[A-Za-z_]\w*$/.test(key)) return undefined;
    const v = this.scope.valueAt(key, at, fn);
    if (!v) return undefined;
    const call = asCall(tokenize(v));
    if (!call) return undefined;
    const r = this.resolveCall(syntheticCall(call.name, call.args, at, fn));
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
    // A type chosen among several on the establishing call (`psa_set_key_type(&a, cond ? AES : CHACHA20)`).
    const accAlternatives = g.find((r) => r.row.establishes && r.alternatives && r.ref.id === undefined)?.alternatives;
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
      if (accAlternatives && r.ref.id === undefined && !r.alternatives) {
        const own = Object.fromEntries(Object.entries(r.ref).filter(([k, v]) => k !== 'id' && v !== undefined));
        r.alternatives = accAlternatives.map((a) => ({ ...a, ...own }));
      }
      if (acc.id || acc.family || accAlternatives) {
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

/** Merges what an algorithm argument names into a call's parameters (an `rsa`/`ec` row takes the scheme). */
function applyAlg(ref: Ref, s: RefPart): Ref {
  for (const [k, v] of Object.entries(s)) {
    if (k === 'id' && ref.id !== undefined && ref.id !== 'rsa' && ref.id !== 'ec') continue;
    (ref as Record<string, unknown>)[k] = v;
  }
  return ref;
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

const SHARED_PARAMS = ['keyBits', 'curve', 'hash', 'mode', 'parameterSet'] as const;

/**
 * The final AlgorithmRef of a resolved call: unknown when the algorithm itself stays unresolved; a candidate set
 * (with their common id and parameters) when several algorithms reach the call.
 */
function finalize(r: Resolved): AlgorithmRef {
  if (!r.alternatives || r.alternatives.length === 0) return finalizeOne(r);
  const seen = new Set<string>();
  const refs: AlgorithmRef[] = [];
  for (const a of r.alternatives) {
    const one = finalizeOne({ ...r, ref: { ...a }, unresolved: {} });
    const key = JSON.stringify(one);
    if (!seen.has(key)) {
      seen.add(key);
      refs.push(one);
    }
  }
  if (refs.length === 1) return refs[0]!;
  const ids = new Set(refs.map((x) => x.id));
  const out: Record<string, unknown> = { id: ids.size === 1 ? refs[0]!.id : 'unknown' };
  for (const k of SHARED_PARAMS) {
    const vals = new Set(refs.map((x) => x[k]));
    if (vals.size === 1 && refs[0]![k] !== undefined) out[k] = refs[0]![k];
  }
  out.candidates = refs;
  return out as unknown as AlgorithmRef;
}

function finalizeOne(r: Resolved): AlgorithmRef {
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

function emptyFacts(type: ProtocolFacts['type']): ProtocolFacts {
  return { type, versions: [], cipherSuites: [], groups: [], signatureAlgorithms: [] };
}

function protocolSize(f: ProtocolFacts): number {
  return f.cipherSuites.length + f.groups.length + f.signatureAlgorithms.length + (f.algorithms?.length ?? 0);
}

function meaningNotes(m: ProtocolMeaning): string[] {
  const notes = [...m.notes];
  if (m.unknownNames.length > 0) notes.push(`names no catalog knows: ${m.unknownNames.join(', ')}`);
  return notes;
}

function combineStates(a: ActivityState, b: ActivityState): ActivityState {
  if (a === 'inactive' || b === 'inactive') return 'inactive';
  if (a === 'overridden' || b === 'overridden') return 'overridden';
  if (a === 'conditional' || b === 'conditional') return 'conditional';
  return 'active';
}

/** A call made up from a value expression (`f(a, b)` assigned to a variable), resolved like a real one. */
function syntheticCall(name: string, args: readonly Token[][], at: number, fn: string | undefined): CallFact {
  return {
    name,
    args: args.map((a) => a.map((t) => t.text).join(' ')),
    index: at,
    line: 0,
    column: 0,
    snippet: '',
    branches: [],
    ...(fn ? { fn } : {}),
  };
}

function uniqueParts(parts: readonly RefPart[]): RefPart[] {
  const seen = new Set<string>();
  return parts.filter((p) => {
    const k = JSON.stringify(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
