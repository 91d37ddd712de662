/**
 * Implementation findings: a function defined in the tree whose name is a catalogued API name
 * implements that algorithm, and a recognised constant table names the algorithm at the table (or,
 * next to a matching definition, confirms it). One finding per file and algorithm (with its fixed
 * parameters), at the first definition, listing the functions and tables that make it.
 */
import type { ActivityState, AlgorithmFinding, AlgorithmRef } from '@pqready/core';
import { pickCandidate } from './api.js';
import { evaluate } from './expr.js';
import type { DefinitionFact, FileFacts, Site } from './facts.js';
import type { ApiRow, CKnowledge, FunctionCandidate, RefPart, SchemeMacro, SignatureRow } from './knowledge.js';
import type { Scope } from './scope.js';

export const IMPLEMENTATION_DETECTOR = 'c-crypto-implementation';

const REF_KEYS = ['id', 'keyBits', 'curve', 'hash', 'mode', 'parameterSet'] as const;
const STATE_RANK: Readonly<Record<ActivityState, number>> = { active: 0, conditional: 1, overridden: 2, inactive: 3 };
/** Schemes on the same curve that subsume a bare key-generation (`ec`) definition in the same file. */
const EC_SCHEMES = new Set(['ecdh', 'ecdsa']);
const MAX_LISTED = 8;

interface Group {
  algorithm: AlgorithmRef;
  first: Site;
  state: ActivityState;
  library?: string;
  functions: string[];
  tables: string[];
  fromDefinition: boolean;
}

/** A scheme macro's value at a position, mapped through its table (KYBER_K 3 → ML-KEM-768). */
function schemeFromMacros(
  macros: readonly SchemeMacro[],
  scope: Scope,
  at: number,
): { ref: RefPart; library: string } | undefined {
  for (const m of macros) {
    const v = scope.valueAt(m.macro, at, undefined);
    if (v === undefined) continue;
    const n = evaluate(v, (name) => scope.macroAt(name, at), { undefinedIsZero: false });
    const hit = n === undefined ? undefined : m.values[String(n)];
    if (hit?.id) return { ref: hit, library: m.library };
  }
  return undefined;
}

function toRef(part: RefPart): AlgorithmRef {
  const out: Record<string, unknown> = {};
  for (const k of REF_KEYS) if (part[k] !== undefined) out[k] = part[k];
  return out as unknown as AlgorithmRef;
}

function keyOf(a: AlgorithmRef): string {
  return REF_KEYS.map((k) => String((a as unknown as Record<string, unknown>)[k] ?? '')).join('|');
}

/** The algorithm token a generic name starts with (`md5_update` → md5, `three_des_crypt` → des). */
function genericToken(name: string): string {
  const parts = name.toLowerCase().split('_');
  if ((parts[0] === 'three' || parts[0] === 'triple') && parts.length > 1) return parts[1]!;
  return parts[0]!;
}

/**
 * Whether a generic definition (`md5_update`) is confirmed where it stands: a constant table of its
 * algorithm in the same file, the algorithm's token in the file name (`md5.c`, `arcfour.c`), or in a
 * parameter's type (`MD5_CTX *ctx`).
 */
function confirmsGeneric(
  d: Pick<DefinitionFact, 'name' | 'params'>,
  algorithmId: string | undefined,
  path: string,
  constantAlgorithms: ReadonlySet<string>,
): boolean {
  if (algorithmId && constantAlgorithms.has(algorithmId)) return true;
  const token = genericToken(d.name);
  if (token.length < 2) return false;
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const stem = base.slice(0, base.lastIndexOf('.') > 0 ? base.lastIndexOf('.') : base.length);
  if (stem.split(/[^a-z0-9]+/).includes(token) || stem === token) return true;
  const types = d.params.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? [];
  return types.some((t) => t !== d.name.toLowerCase() && t.split('_').includes(token));
}

export interface ImplementationContext {
  readonly knowledge: CKnowledge;
  readonly scope: Scope;
  readonly path: string;
  readonly includeTargets: readonly string[];
  readonly signatureById: ReadonlyMap<string, SignatureRow>;
  /** The file's definitions that wrap another library (never implementations). */
  readonly wrappers?: ReadonlySet<DefinitionFact>;
}

/** The row and library a definition implements, or undefined when it implements no algorithm. */
function definitionRow(
  d: DefinitionFact,
  ctx: ImplementationContext,
  constantAlgorithms: ReadonlySet<string>,
): FunctionCandidate | undefined {
  const cands = ctx.knowledge.api.functionCandidates(d.name);
  if (!cands) return undefined;
  const confirmed = cands.some(
    (c) => c.generic && confirmsGeneric(d, c.row.id ?? c.row.referenceAs?.id, ctx.path, constantAlgorithms),
  );
  const cand = pickCandidate(cands, ctx.includeTargets, confirmed);
  if (!cand) return undefined;
  const row = cand.row;
  if (row.paramOnly || row.notImplementation) return undefined;
  if (ctx.wrappers?.has(d)) return undefined;
  return cand;
}

/**
 * Definitions of a file that wrap another library rather than implement the algorithm: a body calling a
 * catalogued API of a different library (`sha256_init` over OpenSSL's EVP_DigestInit_ex), or calling only
 * such wrappers of the same file (`sha256()` over `sha256_init`).
 */
export function wrapperDefinitions(
  facts: FileFacts,
  ctx: Pick<ImplementationContext, 'knowledge'>,
): Set<DefinitionFact> {
  const out = new Set<DefinitionFact>();
  const api = ctx.knowledge.api;
  const idOf = (row: ApiRow) => row.id ?? row.referenceAs?.id;
  for (const d of facts.definitions) {
    const cands = api.functionCandidates(d.name) ?? [];
    const own = cands.map((c) => c.library);
    const ids = new Set(cands.map((c) => idOf(c.row)).filter((x) => x !== undefined));
    // Delegating means calling another library for the same algorithm, or its update/final steps; an
    // implementation calling another library for a different primitive (ML-DSA over SHAKE) stays one.
    const delegates = d.calls.some((c) =>
      (api.functionCandidates(c) ?? []).some(
        (x) =>
          !x.generic &&
          !own.includes(x.library) &&
          ((idOf(x.row) !== undefined && ids.has(idOf(x.row)!)) || (x.row.continues && idOf(x.row) === undefined)),
      ),
    );
    if (delegates) out.add(d);
  }
  for (let changed = out.size > 0; changed; ) {
    changed = false;
    const wrapped = new Set([...out].map((d) => d.name));
    for (const d of facts.definitions) {
      if (out.has(d) || d.calls.length === 0) continue;
      const defined = d.calls.filter((c) => facts.definitions.some((x) => x.name === c));
      if (defined.length > 0 && defined.every((c) => wrapped.has(c))) {
        out.add(d);
        changed = true;
      }
    }
  }
  return out;
}

/** Whether a row can name an algorithm at a definition (a configuration or list API names none). */
function namesAnAlgorithm(row: ApiRow): boolean {
  return (
    row.id !== undefined || row.referenceAs !== undefined || row.configScheme !== undefined || row.byValue !== undefined
  );
}

function refOfDefinition(
  row: ApiRow,
  d: DefinitionFact,
  ctx: ImplementationContext,
): { ref: RefPart; library?: string } | undefined {
  const { api } = ctx.knowledge;
  if (row.configScheme) {
    const s = schemeFromMacros(api.schemeMacros[row.configScheme], ctx.scope, d.index);
    if (s) return { ref: s.ref, library: s.library };
    return row.schemeDefault ? { ref: row.schemeDefault } : undefined;
  }
  const base: Record<string, unknown> = {};
  for (const k of REF_KEYS) if (row[k] !== undefined) base[k] = row[k];
  if (base.id === undefined && row.referenceAs?.id) Object.assign(base, row.referenceAs);
  if (base.id === undefined) return undefined;
  if (row.macroParams) {
    const m = row.macroParams.keyBytes ?? row.macroParams.keyBits;
    const v = m ? ctx.scope.valueAt(m, d.index, undefined) : undefined;
    const n =
      v === undefined ? undefined : evaluate(v, (x) => ctx.scope.macroAt(x, d.index), { undefinedIsZero: false });
    if (n !== undefined && n > 0n && n < 1_000_000n) base.keyBits = Number(row.macroParams.keyBytes ? n * 8n : n);
  }
  return { ref: base as RefPart };
}

export function implementationFindings(facts: FileFacts, ctx: ImplementationContext): AlgorithmFinding[] {
  const { scope, path } = ctx;
  const groups = new Map<string, Group>();
  const constantAlgorithms = new Set<string>();
  for (const m of facts.constants) {
    const sig = ctx.signatureById.get(m.signature);
    if (!sig) continue;
    constantAlgorithms.add(sig.algorithm.id);
    for (const s of sig.sharedWith ?? []) constantAlgorithms.add(s);
  }

  const add = (
    algorithm: AlgorithmRef,
    site: Site,
    state: ActivityState,
    fromDefinition: boolean,
    library?: string,
  ) => {
    const key = keyOf(algorithm);
    const g = groups.get(key);
    if (!g) {
      const created: Group = { algorithm, first: site, state, functions: [], tables: [], fromDefinition };
      if (library) created.library = library;
      groups.set(key, created);
      return created;
    }
    if (STATE_RANK[state] < STATE_RANK[g.state] || (state === g.state && site.index < g.first.index)) {
      if (STATE_RANK[state] < STATE_RANK[g.state]) g.state = state;
      g.first = site;
    }
    g.fromDefinition ||= fromDefinition;
    if (library && !g.library) g.library = library;
    return g;
  };

  for (const d of facts.definitions) {
    const cand = definitionRow(d, ctx, constantAlgorithms);
    if (!cand) continue;
    const resolved = refOfDefinition(cand.row, d, ctx);
    if (!resolved) continue;
    const state = scope.stateOf(d);
    for (const ref of [resolved.ref, ...(cand.row.alsoImplements ?? [])]) {
      const g = add(toRef(ref), d, state, true, resolved.library ?? cand.library);
      if (!g.functions.includes(d.name)) g.functions.push(d.name);
    }
  }

  const defined = new Set([...groups.values()].map((g) => g.algorithm.id));
  for (const m of facts.constants) {
    const sig = ctx.signatureById.get(m.signature);
    if (!sig) continue;
    const shared = sig.sharedWith?.find((id) => defined.has(id));
    // Or the table or the file is named for the algorithm that shares the words (`blake2b_iv` in blake2b.c).
    const named =
      shared === undefined ? sig.sharedWith?.find((id) => namesAlgorithm(id, m.snippet, ctx.path)) : undefined;
    if (named !== undefined) {
      const g = add({ id: named }, m, scope.stateOf(m), false);
      if (!g.tables.includes(sig.table)) g.tables.push(sig.table);
      continue;
    }
    if (shared !== undefined) {
      // The constants belong to the defined algorithm that shares them (BLAKE2b's IV is SHA-512's).
      for (const g of groups.values())
        if (g.algorithm.id === shared && !g.tables.includes(sig.table)) g.tables.push(sig.table);
      continue;
    }
    const owner = [...groups.values()].find((g) => g.fromDefinition && g.algorithm.id === sig.algorithm.id);
    if (owner) {
      if (!owner.tables.includes(sig.table)) owner.tables.push(sig.table);
      continue;
    }
    if (sig.confirmOnly) continue;
    let algorithm: AlgorithmRef = { ...sig.algorithm };
    let library: string | undefined;
    const kind = algorithm.parameterSet === 'ml-kem' ? 'kem' : algorithm.parameterSet === 'ml-dsa' ? 'sign' : undefined;
    if (kind) {
      const s = schemeFromMacros(ctx.knowledge.api.schemeMacros[kind], scope, m.index);
      if (s?.ref.id) {
        algorithm = { id: s.ref.id };
        library = s.library;
      } else
        algorithm = {
          ...algorithm,
          unresolved: { parameterSet: ctx.knowledge.api.schemeMacros[kind].map((x) => x.macro).join(' | ') },
        };
    }
    const g = add(algorithm, m, scope.stateOf(m), false, library);
    if (!g.tables.includes(sig.table)) g.tables.push(sig.table);
  }

  // A definition group whose parameters are a strict subset of exactly one other group of the same
  // algorithm belongs to it (tc_cmac_init next to tc_cmac_setup, AES-128).
  for (const [key, g] of groups) {
    if (!g.fromDefinition) continue;
    const params = paramsOf(g.algorithm);
    const supersets = [...groups.values()].filter(
      (o) =>
        o !== g &&
        o.algorithm.id === g.algorithm.id &&
        paramsOf(o.algorithm).length > params.length &&
        params.every(([k, v]) => (o.algorithm as unknown as Record<string, unknown>)[k] === v),
    );
    if (supersets.length !== 1) continue;
    const into = supersets[0]!;
    for (const f of g.functions) if (!into.functions.includes(f)) into.functions.push(f);
    for (const t of g.tables) if (!into.tables.includes(t)) into.tables.push(t);
    if (STATE_RANK[g.state] < STATE_RANK[into.state]) into.state = g.state;
    groups.delete(key);
  }

  // A bare key generation (`ec`) folds into an EC scheme the same file implements on the same curve.
  for (const [key, g] of groups) {
    if (g.algorithm.id !== 'ec' || !g.fromDefinition || g.tables.length > 0) continue;
    const scheme = [...groups.values()].find(
      (o) =>
        EC_SCHEMES.has(o.algorithm.id) && (g.algorithm.curve === undefined || o.algorithm.curve === g.algorithm.curve),
    );
    if (!scheme) continue;
    for (const f of g.functions) if (!scheme.functions.includes(f)) scheme.functions.push(f);
    if (STATE_RANK[g.state] < STATE_RANK[scheme.state]) scheme.state = g.state;
    groups.delete(key);
  }

  const out: AlgorithmFinding[] = [];
  for (const g of groups.values()) {
    const properties: Record<string, string> = {};
    if (g.functions.length > 0) properties.functions = listed(g.functions);
    if (g.tables.length > 0) properties.tables = g.tables.join(', ');
    out.push({
      kind: 'algorithm',
      detector: IMPLEMENTATION_DETECTOR,
      role: 'implementation',
      algorithm: g.algorithm,
      state: g.state,
      ...(g.library ? { library: g.library } : {}),
      evidence: { path, line: g.first.line, column: g.first.column, snippet: g.first.snippet },
      ...(g.first.fn ? { context: g.first.fn } : {}),
      properties,
    });
  }
  return out.sort((a, b) => (a.evidence.line ?? 0) - (b.evidence.line ?? 0));
}

function paramsOf(a: AlgorithmRef): [string, unknown][] {
  return Object.entries(a).filter(([k, v]) => k !== 'id' && k !== 'unresolved' && v !== undefined);
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown} (+${names.length - MAX_LISTED} more)` : shown;
}

/** Whether a file implements an algorithm by a constant table alone (its calls are then the library's own). */
export function hasImplementationConstants(
  facts: FileFacts,
  signatureById: ReadonlyMap<string, SignatureRow>,
): boolean {
  return facts.constants.some((m) => {
    const sig = signatureById.get(m.signature);
    return sig !== undefined && !sig.confirmOnly;
  });
}

/** Names a file defines as implementations (for the tree-wide index of confirmed definitions). */
export function implementedNames(facts: FileFacts, ctx: ImplementationContext): string[] {
  const constantAlgorithms = new Set<string>();
  for (const m of facts.constants) {
    const sig = ctx.signatureById.get(m.signature);
    if (sig) constantAlgorithms.add(sig.algorithm.id);
  }
  return facts.definitions
    .filter((d) => {
      const cand = definitionRow(d, ctx, constantAlgorithms);
      return cand !== undefined && namesAnAlgorithm(cand.row);
    })
    .map((d) => d.name);
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether a table's declaration line or its file's name names an algorithm (`blake2b_iv`, `salsa20.c`). */
function namesAlgorithm(id: string, snippet: string, path: string): boolean {
  const name = squash(id);
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return squash(snippet).includes(name) || squash(base).includes(name);
}
