/**
 * The preprocessor view of one file: which macros are defined where (file-local definitions in order,
 * then included headers from the scanned tree, then the discovered build configuration and
 * `--define` values), the truth of each `#if` branch, and value lookup for call-argument resolution
 * (locals before the call, file-scope constants and enumerators, object-like macros).
 */
import type { ActivityState } from '@pqready/core';
import { evaluateCondition, type MacroValue } from './expr.js';
import type { DefineFact, FileFacts, Site, ValueFact } from './facts.js';

/** One value a name may hold, where it was written, and the scope that reads it. */
interface ValueSite {
  readonly value: string;
  readonly index: number;
  readonly fn?: string;
  readonly scope: Scope;
}

/** Macros that hold for the whole scan: discovered configuration plus `--define`. */
export interface GlobalEnv {
  readonly macros: ReadonlyMap<string, MacroValue>;
  /** Options governed by a discovered configuration file: absent there means undefined. */
  isGoverned(name: string): boolean;
  /**
   * A name nothing in the tree defines (no header, source, build file, Kconfig or `--define`) and that
   * is nobody's known option: undefined in the default build, though the build may still define it. A
   * condition that holds when such names are undefined (`#ifndef VERIFY_ONLY`) is taken as holding, with
   * a note; one that needs them defined (`#ifdef X`) stays undecided, as opt-in features usually are.
   */
  isAbsent?(name: string): boolean;
}

/** The note on a site that is active because names nothing in the tree defines are undefined. */
export function unlessDefined(names: readonly string[]): string {
  return `active unless the build defines ${names.join(' or ')}`;
}

const UNKNOWN: MacroValue = { state: 'unknown' };
const UNDEFINED: MacroValue = { state: 'undefined' };
/** What `#if` sees for an absent name: unknown, but told apart from other unknowns by identity. */
const ABSENT: MacroValue = Object.freeze({ state: 'unknown' });
const MAX_RECURSION = 200;

/**
 * Indexes by array identity: a header's facts are indexed once for its own scope and again for
 * every unit that evaluates it, and the arrays are never mutated after extraction.
 */
const indexCache = new WeakMap<readonly unknown[], Map<string, unknown[]>>();

function indexBy<T extends { name: string }>(items: readonly T[]): Map<string, T[]> {
  const hit = indexCache.get(items);
  if (hit) return hit as Map<string, T[]>;
  const m = new Map<string, T[]>();
  indexCache.set(items, m);
  for (const it of items) {
    const list = m.get(it.name);
    if (list) list.push(it);
    else m.set(it.name, [it]);
  }
  return m;
}

export class Scope {
  private readonly defines: Map<string, DefineFact[]>;
  private readonly values: Map<string, ValueFact[]>;
  private readonly truth = new Map<number, boolean | undefined>();
  private depth = 0;

  constructor(
    readonly facts: FileFacts,
    readonly headers: readonly Scope[],
    private readonly env: GlobalEnv,
    /** Included only under an undecided condition: what it defines is defined only conditionally. */
    private readonly conditional = false,
  ) {
    this.defines = indexBy(facts.defines);
    this.values = indexBy(facts.values);
    this.commented = commentedNames(facts);
  }

  /** Names whose only definitions here are commented out (`//#define AES256 1`): switched off, so undefined. */
  readonly commented: ReadonlySet<string>;

  /** Truth of one branch: true, false, or undefined (depends on unknown macros). */
  branchTruth(i: number): boolean | undefined {
    if (this.truth.has(i)) return this.truth.get(i);
    const b = this.facts.branches[i];
    if (!b) return undefined;
    if (b.guard) {
      this.truth.set(i, true);
      return true;
    }
    if (b.defaultFor !== undefined && b.terms.length === 1) {
      const known = this.macroAt(b.defaultFor, b.start - 1);
      const t = known.state !== 'defined';
      this.truth.set(i, t);
      return t;
    }
    if (this.depth > MAX_RECURSION) return undefined;
    this.depth++;
    let result: boolean | undefined = true;
    let assumed: string[] | undefined;
    try {
      for (const term of b.terms) {
        const absent: string[] = [];
        const lookup = (name: string) => {
          const m = this.macroAt(name, b.start);
          if (m === ABSENT) absent.push(name);
          return m;
        };
        let v = evaluateCondition(term.expr, lookup);
        if (v !== undefined && term.negate) v = !v;
        if (v === undefined && absent.length > 0 && onlyTestedForDefinition(term.expr, absent)) {
          // The term holds when the names nothing defines are undefined, as they are in the default build.
          let a = evaluateCondition(term.expr, (name) => {
            const m = this.macroAt(name, b.start);
            return m === ABSENT ? UNDEFINED : m;
          });
          if (a !== undefined && term.negate) a = !a;
          if (a === true) {
            v = true;
            assumed = [...(assumed ?? []), ...absent];
          }
        }
        if (v === false) {
          result = false;
          break;
        }
        if (v === undefined) result = undefined;
      }
    } finally {
      this.depth--;
    }
    this.truth.set(i, result);
    if (result === true && assumed) this.assumed.set(i, [...new Set(assumed)].sort());
    return result;
  }

  /** Per branch taken as true only because names nothing defines are undefined: those names. */
  private readonly assumed = new Map<number, readonly string[]>();

  /**
   * The names a site's activity relies on being undefined (defined nowhere in the tree): the site is
   * active unless the build defines one of them. Empty when its state needed no such assumption.
   */
  assumptionsOf(site: Pick<Site, 'branches'>): string[] {
    const out = new Set<string>();
    for (const i of site.branches) {
      if (this.branchTruth(i) !== true) continue;
      for (const n of this.assumed.get(i) ?? []) out.add(n);
    }
    return [...out].sort();
  }

  /**
   * How states are decided for this unit's own sites when more than its own evaluation is needed
   * (alternative configurations): set by the analysis, read by every finding builder through stateOf.
   */
  stateOverride?: (site: Pick<Site, 'branches'>) => ActivityState;

  /** Activity of a site from the branches enclosing it. */
  stateOf(site: Pick<Site, 'branches'>): ActivityState {
    return this.stateOverride ? this.stateOverride(site) : this.ownState(site);
  }

  /** Activity of a site from this scope's own evaluation of the branches enclosing it. */
  ownState(site: Pick<Site, 'branches'>): ActivityState {
    let state: ActivityState = 'active';
    for (const i of site.branches) {
      const t = this.branchTruth(i);
      if (t === false) return 'inactive';
      if (t === undefined) state = 'conditional';
    }
    return state;
  }

  /** The last definition of a macro in this file before `index` that is not in a dead branch. */
  private localDefine(name: string, index: number): { def: DefineFact; state: ActivityState } | undefined {
    const list = this.defines.get(name);
    if (!list) return undefined;
    for (let k = list.length - 1; k >= 0; k--) {
      const d = list[k]!;
      if (d.index >= index) continue;
      const state = this.stateOf(d);
      if (state !== 'inactive') return { def: d, state };
    }
    return undefined;
  }

  /**
   * The body a value lookup may use: the live definition, or a conditional one when it is the only
   * candidate (`#ifndef X / #define X 768`). Competing conditional definitions (`#ifdef A / #define X 1
   * / #else / #define X 2`) leave the value unresolved rather than guessed.
   */
  private valueDefine(name: string, index: number): string | undefined {
    const found = this.localDefine(name, index);
    if (!found || found.def.params || found.def.undef) return undefined;
    if (found.state === 'conditional') {
      const others = (this.defines.get(name) ?? []).filter(
        (d) => d !== found.def && d.index < index && d.body !== found.def.body && this.stateOf(d) !== 'inactive',
      );
      if (others.length > 0) return undefined;
    }
    return found.def.body;
  }

  /** The file's own last live definition of a macro (for use by files that include this one). */
  exportedDefine(name: string): { def: DefineFact; state: ActivityState } | undefined {
    const d = this.localDefine(name, Number.POSITIVE_INFINITY);
    return d && this.conditional ? { def: d.def, state: 'conditional' } : d;
  }

  /** What `#if` sees for a macro at a position. */
  macroAt(name: string, index: number): MacroValue {
    const local = this.localDefine(name, index);
    if (local) return toMacro(local.def, local.state);
    let inherited = this.inherited.get(name);
    if (!inherited) {
      inherited = this.inheritedUncached(name);
      this.inherited.set(name, inherited);
    }
    return inherited;
  }

  /**
   * What a name means when this file has not defined it: the first included header exporting it,
   * then the environment. Headers and environment are fixed for the scope's life, so it is memoised:
   * a unit tests the same configuration names in many `#if`s across hundreds of headers.
   */
  private readonly inherited = new Map<string, MacroValue>();

  private inheritedUncached(name: string): MacroValue {
    for (const h of this.headers) {
      const d = h.exportedDefine(name);
      if (d) return toMacro(d.def, d.state);
    }
    const g = this.env.macros.get(name);
    if (g) return g;
    if (this.env.isGoverned(name)) return UNDEFINED;
    if (this.commented.has(name) || this.headers.some((h) => h.commented.has(name))) return UNDEFINED;
    return this.env.isAbsent?.(name) ? ABSENT : UNKNOWN;
  }

  /**
   * The value expression a name stands for at a call site: a local assignment before the call in
   * the same function, a file-scope constant or enumerator, or an object-like macro (a definition
   * under an unknown condition still counts: it is the only value the code names).
   */
  valueAt(name: string, index: number, fn: string | undefined): string | undefined {
    const vals = this.values.get(name);
    if (vals) {
      let fileScope: ValueFact | undefined;
      for (let k = vals.length - 1; k >= 0; k--) {
        const v = vals[k]!;
        if (fn !== undefined && v.fn === fn && v.index < index) return v.value;
        if (v.fn === undefined && !fileScope) fileScope = v;
      }
      if (fileScope) return fileScope.value;
    }
    if (this.localDefine(name, index)) return this.valueDefine(name, index);
    for (const h of this.headers) {
      const v = h.fileValue(name);
      if (v !== undefined) return v;
    }
    const g = this.env.macros.get(name);
    return g?.state === 'defined' && !g.params ? g.body : undefined;
  }

  /**
   * Every value a name may hold at a use, for value tracking: the local assignments before the use that no
   * later assignment overwrites on every path (the search ends at the first one whose block holds the use),
   * every store into a field (`.f`) anywhere in the unit, or else the one value `valueAt` finds.
   */
  valuesAt(name: string, index: number, fn: string | undefined): ValueSite[] {
    const out: ValueSite[] = [];
    const vals = this.values.get(name);
    if (vals && fn !== undefined) {
      for (let k = vals.length - 1; k >= 0; k--) {
        const v = vals[k]!;
        if (v.fn !== fn || v.index >= index) continue;
        out.push({ value: v.value, index: v.index, fn, scope: this });
        if (!v.block || (v.block[0] <= index && index < v.block[1])) break;
      }
      if (out.length > 0) return out.reverse();
    }
    if (name.startsWith('.')) {
      for (const s of [this, ...this.headers]) {
        for (const v of s.values.get(name) ?? [])
          out.push({ value: v.value, index: v.index, ...(v.fn ? { fn: v.fn } : {}), scope: s });
      }
      return out;
    }
    if (name.startsWith('*')) return out;
    const one = this.valueAt(name, index, fn);
    return one === undefined ? [] : [{ value: one, index, ...(fn ? { fn } : {}), scope: this }];
  }

  /** A header's file-scope value or object-like macro for a name. */
  fileValue(name: string): string | undefined {
    const vals = this.values.get(name);
    if (vals) {
      for (let k = vals.length - 1; k >= 0; k--) if (vals[k]!.fn === undefined) return vals[k]!.value;
    }
    return this.defines.has(name) ? this.valueDefine(name, Number.POSITIVE_INFINITY) : undefined;
  }
}

/**
 * Whether each name occurs in the condition only as the operand of `defined` (`#ifndef X`,
 * `!defined(X) && …`): a name whose value is tested (`X < 3`, `#if X`) or that only a macro's expansion
 * brings in is some header's value the tree does not show, not a switch left off.
 */
function onlyTestedForDefinition(expr: string, names: readonly string[]): boolean {
  const rest = expr.replace(/\bdefined\s*(?:\(\s*[A-Za-z_]\w*\s*\)|[A-Za-z_]\w*)/g, ' ');
  return names.every((n) => {
    const word = new RegExp(`\\b${n}\\b`);
    return word.test(expr) && !word.test(rest);
  });
}

const commentedCache = new WeakMap<FileFacts, ReadonlySet<string>>();

function commentedNames(facts: FileFacts): ReadonlySet<string> {
  let set = commentedCache.get(facts);
  if (!set) {
    set = new Set(facts.commentedDefines.map((d) => d.name));
    commentedCache.set(facts, set);
  }
  return set;
}

function toMacro(d: DefineFact, state: ActivityState): MacroValue {
  if (state === 'conditional') return UNKNOWN;
  if (d.undef) return UNDEFINED;
  return d.params ? { state: 'defined', body: d.body, params: d.params } : { state: 'defined', body: d.body };
}
