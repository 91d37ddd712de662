/**
 * The C analysis pipeline shared by the c-crypto-* detectors: discover the build configuration
 * (Kconfig fragments, configuration headers by name or content, `-D` flags of build files and
 * `--define`, `--config-file`), extract facts from headers then sources in the worker pool, index the
 * tree's own implementations, evaluate each file against its includes and the configuration that
 * applies to it, and stream per-file results. Knowledge comes from the detectors (CKnowledge); syntax
 * trees never outlive extraction.
 */
import { posix } from 'node:path';
import { setImmediate as eventLoopTurn } from 'node:timers/promises';
import type { ActivityState, AlgorithmFinding, AlgorithmRef, Diagnostic, ProtocolFinding } from '@pqready/core';
import type { DetectContext, FileHead } from '../detectors/types.js';
import { AliasHistory } from './alias-history.js';
import { ApiResolver, type WrapperUse } from './api.js';
import {
  type BuildDefine,
  isCmakeLists,
  isCompileCommands,
  isMakefile,
  parseCmakeLists,
  parseCompileCommands,
  parseMakefile,
} from './build-flags.js';
import { isCmakeOptionFile, parseCmakeSets } from './cmake.js';
import {
  CONFIG_DETECTOR,
  cmakeFindings,
  configHeaderFindings,
  kconfigFindings,
  macroRow,
  suitesOf,
} from './config-findings.js';
import { buildFlagFindings, type ConfigFile, discoverConfigs, type Selection, selectConfigs } from './config-scopes.js';
import type { MacroValue } from './expr.js';
import { compileExtract } from './extract-knowledge.js';
import type { CallFact, FileFacts, IncludeFact, Site } from './facts.js';
import { IncludeResolver, isCHeader, isCSource } from './files.js';
import { followedFunctions } from './follow.js';
import {
  hasImplementationConstants,
  IMPLEMENTATION_DETECTOR,
  type ImplementationContext,
  implementationFindings,
  implementedNames,
  wrapperDefinitions,
} from './implementations.js';
import { isCompleteKconfig, type KconfigEntry, kconfigMacroBody, looksLikeKconfig, parseKconfig } from './kconfig.js';
import {
  isKconfigDefinition,
  type KconfigDefinitions,
  kconfigDefinitionFindings,
  parseKconfigDefinitions,
} from './kconfig-defs.js';
import type { CKnowledge, CompositionRow, SignatureRow } from './knowledge.js';
import { looksLikeMakeFragment, type MakeAssignment, makeVariableFindings, parseMakeAssignments } from './make-vars.js';
import { memoByPair } from './pair-memo.js';
import { ExtractPool, type SourceText, workersFor } from './pool.js';
import { calleeHash } from './prescan.js';
import { type GlobalEnv, Scope, unlessDefined } from './scope.js';
import { stringFindings } from './strings.js';
import type { CallSite, FunctionSite, TreeLinks } from './values.js';

interface CFileResult {
  readonly path: string;
  readonly api: readonly (AlgorithmFinding | ProtocolFinding)[];
  readonly config: readonly AlgorithmFinding[];
  readonly implementation: readonly AlgorithmFinding[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Build files that make their directory a project root. */
const PROJECT_MARKER = /^(?:CMakeLists\.txt|Makefile|GNUmakefile|makefile|.*\.mk|prj\.conf|compile_commands\.json)$/;

const KCONFIG_LIKE = /\.conf$|(?:^|[/_-])(?:def)?config$|\.config$/;

/** Files any of the C detectors take: C, Kconfig by name or content, CMake configs and build files. */
export function acceptsC(file: Pick<FileHead, 'path'> & Partial<Pick<FileHead, 'head'>>, k: CKnowledge): boolean {
  const p = file.path;
  const base = posix.basename(p);
  if (isCSource(p) || isCHeader(p)) return true;
  if (k.options.kconfigPattern.test(base) || k.options.cmakePattern.test(base)) return true;
  if (isMakefile(p) || isCmakeLists(p) || isCompileCommands(p)) return true;
  if (isKconfigDefinition(p)) return true;
  // A CMake script of another name may be an option file (isCmakeOptionFile decides on its content).
  if (base.endsWith('.cmake')) return true;
  if (KCONFIG_LIKE.test(base) && file.head) {
    const head = new TextDecoder().decode(file.head);
    return looksLikeKconfig(head) || looksLikeMakeFragment(head);
  }
  return false;
}

const MAX_TU_HEADERS = 512;
/** Rounds of following functions across files (a wrapper of a wrapper of a wrapper). */
const FOLLOW_ROUNDS = 3;
/** Algorithms a wrapper may choose among (by configuration) and still be one use. */
const MAX_WRAPPER_CHOICES = 4;
/** Lines of a function body that a wrapper may span (MCUboot's longest, with its `#if`s, is about 30). */
const MAX_WRAPPER_LINES = 40;
const READ_AHEAD = 32;
/** Files whose results are built between two turns of the event loop. */
const YIELD_EVERY = 32;
const IDENT = /[A-Za-z_]\w*/g;
const DIAG_DETECTOR = 'c-crypto-api';
/** Directories holding alternative Kconfig fragments of an application (one board, one image). */
const FRAGMENT_DIRS = new Set(['boards', 'sysbuild', 'socs', 'child_image']);

interface UnitStates {
  of(site: Pick<Site, 'branches'> & Partial<Pick<Site, 'line' | 'column'>>): ActivityState;
  annotate<F extends AlgorithmFinding | ProtocolFinding>(f: F): F;
}

interface Unit {
  readonly facts: FileFacts;
  readonly env: GlobalEnv;
  readonly scopes: Scope[];
  readonly targets: string[];
  readonly paths: Set<string>;
  readonly scope: Scope;
  readonly state: UnitStates;
  readonly resolver: ApiResolver;
}

interface Composed {
  readonly row: CompositionRow;
  readonly ref: AlgorithmRef;
  readonly over: string;
}

const IDENT_IN = /[A-Za-z_]\w*/g;
const identifiersOf = (text: string): readonly string[] => text.match(IDENT_IN) ?? [];

/**
 * Whether a function passes its inputs to the crypto calls it makes (a parameter appears in their arguments)
 * or returns what they made (the context it initialised, their result): what a wrapper does. A function
 * running a self-contained check (a test case, `test_1()`) does neither, and calling it is no use.
 */
function passesThrough(fn: FunctionSite['fn'], body: readonly CallFact[]): boolean {
  const params = new Set(fn.params.filter((p) => p !== '' && p !== '...'));
  const calls = body.filter((c) => !c.reference);
  if (calls.some((c) => c.args.some((a) => identifiersOf(a).some((id) => params.has(id))))) return true;
  return fn.returns.some((r) => {
    const ids = identifiersOf(r.value);
    if (calls.some((c) => ids.includes(c.name))) return true;
    const only = ids.length === 1 ? ids[0]! : undefined;
    return only !== undefined && calls.some((c) => c.args.some((a) => identifiersOf(a).includes(only)));
  });
}

/** Schemes a function's name says it performs (`bootutil_ecdh_compute_shared` → ecdh). */
function schemeNamed(name: string): string[] {
  const words = name.toLowerCase().split(/[^a-z0-9]+/);
  const out: string[] = [];
  if (words.includes('ecdh')) out.push('ecdh');
  if (words.includes('ecdsa')) out.push('ecdsa');
  if (words.includes('pss') || words.includes('rsassa')) out.push('rsa-pss');
  if (words.includes('oaep')) out.push('rsa-oaep');
  return out;
}

/** The callee hashes of names (prescan `calleeHash`). */
const NO_NAMES: ReadonlySet<string> = new Set();

function calleeSet(names: readonly string[]): Set<number> {
  return new Set(names.map(calleeHash));
}

/** Whether a file's callee hashes hold one of these (a collision only costs a second look). */
function callsAny(callees: readonly number[], hashes: ReadonlySet<number>): boolean {
  if (hashes.size === 0) return false;
  for (const h of callees) if (hashes.has(h)) return true;
  return false;
}

/** Whether `alg` is a use of the key type `type` (`ecdsa` of `ec`, `rsa-pss` of `rsa`). */
function refinesType(type: string, alg: string): boolean {
  if (type === 'ec') return alg === 'ecdsa' || alg === 'ecdh';
  if (type === 'rsa') return alg.startsWith('rsa') && alg !== 'rsa';
  return false;
}

/** The parameters several algorithm references agree on (same id). */
function commonRef(refs: readonly AlgorithmRef[]): AlgorithmRef {
  const first = refs[0]!;
  const out: Record<string, unknown> = { id: first.id };
  for (const k of ['keyBits', 'curve', 'hash', 'mode', 'parameterSet'] as const) {
    const v = first[k];
    if (v !== undefined && refs.every((r) => r[k] === v)) out[k] = v;
  }
  return out as unknown as AlgorithmRef;
}

interface IncludeEdge {
  readonly target: string;
  readonly path: string | undefined;
  readonly include: IncludeFact;
}

interface KconfigFile {
  readonly path: string;
  readonly entries: readonly KconfigEntry[];
  readonly invalid: readonly number[];
  /** The application directory the fragment configures, or undefined for an alternative (board, sysbuild). */
  readonly appRoot: string | undefined;
  readonly complete: boolean;
}

function cliMacros(defines: Readonly<Record<string, string>>): Map<string, MacroValue> {
  const m = new Map<string, MacroValue>();
  for (const [k, v] of Object.entries(defines)) m.set(k, { state: 'defined', body: v === '' ? '1' : v });
  return m;
}

/** The first folder of a scan path (undefined for a file at the root). */
const topFolder = (path: string): string | undefined => {
  const slash = path.indexOf('/');
  return slash < 0 ? undefined : path.slice(0, slash);
};

const isAncestor = (dir: string, path: string) => dir === '.' || dir === '' || path.startsWith(`${dir}/`);

function hasCryptoContent(f: FileFacts): boolean {
  return (
    f.calls.length > 0 ||
    f.strings.length > 0 ||
    f.functions.length > 0 ||
    f.constants.length > 0 ||
    f.definitions.length > 0 ||
    f.commentedDefines.length > 0 ||
    f.diagnostics.length > 0
  );
}

class Analysis {
  private readonly headerFacts = new Map<string, FileFacts>();
  private readonly resolver: IncludeResolver;
  private readonly signatureById: ReadonlyMap<string, SignatureRow>;
  private base: Map<string, MacroValue> = new Map();
  private governed: (name: string) => boolean = () => false;
  private selection: Selection = { configs: new Map(), alternatives: new Map(), governing: [] };
  private kconfigs: KconfigFile[] = [];
  private buildDefines: BuildDefine[] = [];
  private readonly scanned = new Set<string>();
  private readonly revealed = new Set<string>();
  /** Names the tree defines as implementations, and the files that define any. */
  private readonly implementedIn = new Map<string, Set<string>>();
  private readonly implementingFiles = new Set<string>();
  private readonly includers = new Map<string, Set<string>>();
  private readonly pendingFacts = new Map<string, FileFacts>();

  constructor(
    private readonly files: readonly FileHead[],
    private readonly ctx: DetectContext,
    private readonly k: CKnowledge,
  ) {
    this.resolver = new IncludeResolver(ctx.files.keys());
    this.signatureById = new Map(k.signatures.map((s) => [s.id, s]));
  }

  private async read(path: string): Promise<SourceText | undefined> {
    try {
      const f = await this.ctx.readFile(path);
      return f ? { path, text: f.text() } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Reads files in order with a bounded read-ahead, so disk latency overlaps parsing. */
  private async *texts(paths: readonly string[]): AsyncGenerator<SourceText | undefined> {
    const ahead: Promise<SourceText | undefined>[] = [];
    let next = 0;
    const fill = () => {
      while (ahead.length < READ_AHEAD && next < paths.length) {
        const p = paths[next++]!;
        this.scanned.add(p);
        ahead.push(this.read(p));
      }
    };
    fill();
    while (ahead.length > 0) {
      const t = await ahead.shift()!;
      fill();
      yield t;
    }
  }

  /** One pool for every extraction pass of the scan: its workers stay warm between passes. */
  private pool: ExtractPool | undefined;

  async *run(): AsyncGenerator<CFileResult> {
    const cFiles = this.files.filter((f) => isCHeader(f.path) || isCSource(f.path)).length;
    this.pool = new ExtractPool(workersFor(this.ctx.options.jobs, cFiles), this.k.extract);
    try {
      yield* this.analyse();
    } finally {
      await this.pool.close();
    }
  }

  private async *analyse(): AsyncGenerator<CFileResult> {
    const pool = this.pool!;
    const paths = [...new Set(this.files.map((f) => f.path))].sort();
    const headers = paths.filter((p) => isCHeader(p));
    const sources = paths.filter((p) => isCSource(p));
    const other = paths.filter((p) => !isCHeader(p) && !isCSource(p));

    // Build configuration outside C: Kconfig, CMake option files, build files.
    const early: CFileResult[] = [];
    for (const p of other) {
      const t = await this.read(p);
      if (!t) continue;
      const base = posix.basename(p);
      if (isMakefile(p) || isCmakeLists(p) || isCompileCommands(p)) {
        const parsed = isMakefile(p)
          ? parseMakefile(t.text, p)
          : isCmakeLists(p)
            ? parseCmakeLists(t.text, p)
            : parseCompileCommands(
                t.text,
                p,
                this.rootGuess(),
                this.files.map((f) => f.path),
              );
        if (parsed instanceof Error) {
          early.push(
            this.empty(p, [
              {
                severity: 'warning',
                code: 'c-build-file-invalid',
                message: parsed.message,
                path: p,
                detector: CONFIG_DETECTOR,
              },
            ]),
          );
          continue;
        }
        this.buildDefines.push(...parsed);
        if (isMakefile(p)) this.makeFiles.push({ path: p, assignments: parseMakeAssignments(t.text) });
        if (isCmakeLists(p) && this.k.options.cmakePattern.test(base)) continue;
        continue;
      }
      const cmakeOptions = base.endsWith('.cmake') && isCmakeOptionFile(t.text, (n) => !!macroRow(n, this.k.options));
      if (this.k.options.cmakePattern.test(base) || cmakeOptions) {
        early.push({
          path: p,
          api: [],
          config: cmakeFindings(parseCmakeSets(t.text), p, this.k.options),
          implementation: [],
          diagnostics: [],
        });
        continue;
      }
      if (base.endsWith('.cmake')) continue;
      if (isKconfigDefinition(p)) {
        this.kconfigDefs.push(parseKconfigDefinitions(t.text, p));
        continue;
      }
      if (!looksLikeKconfig(t.text) && looksLikeMakeFragment(t.text)) {
        this.makeFiles.push({ path: p, assignments: parseMakeAssignments(t.text) });
        continue;
      }
      const parsed = parseKconfig(t.text);
      const dir = posix.dirname(p);
      const parts = dir.split('/');
      const alternative = parts.some((x) => FRAGMENT_DIRS.has(x)) || /^(sysbuild|mcuboot)\.conf$/.test(base);
      this.kconfigs.push({
        path: p,
        entries: parsed.entries,
        invalid: parsed.invalidLines,
        appRoot: alternative ? undefined : dir,
        complete: isCompleteKconfig(p),
      });
    }

    for await (const facts of pool.extractAll(this.texts(headers))) this.headerFacts.set(facts.path, facts);
    // Headers calling functions other headers define and the analysis follows (static inline wrappers of
    // wrappers) are walked again with those names kept.
    // Which files a round extracts again: headers had no aliases, every other file the sources' list (`aliases`).
    let sourceAliases: ReadonlySet<string> = NO_NAMES;
    this.followKnowledge ??= compileExtract(this.k.extract);
    const history = new AliasHistory(
      (p) => (this.headerFacts.has(p) ? NO_NAMES : sourceAliases),
      this.followKnowledge.functions,
    );
    const headerFollowed = (p: string) => this.headerFacts.get(p)?.followedHere;
    for (let round = 0; round < FOLLOW_ROUNDS; round++) {
      const found = calleeSet(this.newFollowed(this.headerFacts.values()));
      const redo = [...this.headerFacts.values()].filter((f) => callsAny(f.callees, found)).map((f) => f.path);
      if (redo.length === 0) break;
      const known = [...this.followed];
      const changing = history.changing(this.texts(redo), new Set(known), headerFollowed);
      for await (const facts of pool.extractAll(changing, known)) this.headerFacts.set(facts.path, facts);
    }
    this.buildEnv();

    for (const kc of this.kconfigs) {
      const diagnostics: Diagnostic[] = kc.invalid.slice(0, 5).map((line) => ({
        severity: 'info',
        code: 'kconfig-invalid-line',
        message: 'Line is not a Kconfig assignment or comment and was ignored.',
        path: kc.path,
        line,
        detector: CONFIG_DETECTOR,
      }));
      yield {
        path: kc.path,
        api: [],
        config: kconfigFindings(kc.entries, kc.path, this.k.options),
        implementation: [],
        diagnostics,
      };
    }
    const flagFindings = buildFlagFindings(this.buildDefines, this.k.options);
    for (const [p, config] of flagFindings) yield { path: p, api: [], config, implementation: [], diagnostics: [] };
    for (const [p, config] of makeVariableFindings(this.makeFiles, this.k.options))
      yield { path: p, api: [], config, implementation: [], diagnostics: [] };
    for (const [p, config] of kconfigDefinitionFindings(this.kconfigDefs, this.kconfigs, this.k.options, (v) =>
      suitesOf(v, this.k.api.suiteAlgorithms, this.k.api.listTokens),
    ))
      yield { path: p, api: [], config, implementation: [], diagnostics: [] };
    yield* early;

    // Sources are extracted now; files with anything to report are kept until the tree's own
    // implementations are indexed, because a call is internal or a generic name confirmed only in
    // the light of every definition in the tree.
    const setsSelector = (f: FileFacts) => f.defines.some((d) => this.k.options.byName.get(d.name)?.selector);
    const pending: FileFacts[] = [...this.headerFacts.values()].filter((f) => hasCryptoContent(f) || setsSelector(f));
    const pendingConfigs = [...this.headerFacts.keys()].filter((p) => this.selection.configs.has(p));
    for (const p of pendingConfigs) if (!pending.some((f) => f.path === p)) pending.push(this.headerFacts.get(p)!);
    const macroAliases = this.headerAliases();
    const aliases = [...new Set([...macroAliases, ...this.followed])];
    sourceAliases = new Set(aliases);
    const callees = new Map<string, readonly number[]>();
    for await (const facts of pool.extractAll(this.texts(sources), aliases)) {
      this.noteIncludes(facts);
      callees.set(facts.path, facts.callees);
      for (const d of facts.defines) this.definedInTree.add(d.name);
      if (hasCryptoContent(facts) || setsSelector(facts)) pending.push(facts);
      else yield this.empty(facts.path, []);
    }
    // Files reached only through #include (other extensions, e.g. generated tables).
    for (const f of this.headerFacts.values()) this.noteIncludes(f);
    const extra = [...this.revealed].filter((p) => !this.scanned.has(p)).sort();
    this.revealed.clear();
    for await (const facts of pool.extractAll(this.texts(extra), aliases)) {
      for (const d of facts.defines) this.definedInTree.add(d.name);
      pending.push(facts);
    }
    // Functions the sources define and the analysis follows (wrappers, out-parameters, parametric
    // helpers): every other file that may call one is walked again with their names kept.
    for (let round = 0; round < FOLLOW_ROUNDS; round++) {
      const found = calleeSet(this.newFollowed(pending));
      if (found.size === 0) break;
      const all = [...new Set([...macroAliases, ...this.followed])];
      const redo = [...callees.entries()].filter(([, c]) => callsAny(c, found)).map(([p]) => p);
      const redoSet = new Set(redo);
      for (const f of pending)
        if (!callees.has(f.path) && callsAny(f.callees, found) && !redoSet.has(f.path)) redo.push(f.path);
      if (redo.length === 0) break;
      redo.sort();
      const again = new Map<string, FileFacts>();
      const kept = new Map(pending.map((f) => [f.path, f.followedHere] as const));
      const changing = history.changing(this.texts(redo), new Set(all), (p) => kept.get(p));
      for await (const facts of pool.extractAll(changing, all)) {
        again.set(facts.path, facts);
        callees.set(facts.path, facts.callees);
      }
      for (let i = 0; i < pending.length; i++) {
        const f = again.get(pending[i]!.path);
        if (f) {
          pending[i] = f;
          again.delete(f.path);
          if (this.headerFacts.has(f.path)) this.headerFacts.set(f.path, f);
        }
      }
      for (const f of again.values()) if (hasCryptoContent(f) || setsSelector(f)) pending.push(f);
    }
    // Every file is extracted: the workers' memory is given back before the findings are built.
    await pool.close();

    for (const f of pending) {
      this.pendingFacts.set(f.path, f);
      this.indexImplementations(f);
    }
    pending.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    // The index reads every file's facts: it is built before any are let go.
    if (!this.functionIndex) this.indexFunctions();
    const soleIncluders = new Set<string>();
    for (const by of this.includers.values()) if (by.size === 1) soleIncluders.add([...by][0]!);
    const callers = new Map<string, Set<string>>();
    for (const facts of [...this.headerFacts.values(), ...pending])
      for (const c of facts.calls) {
        if (!this.followed.has(c.name)) continue;
        const set = callers.get(c.name) ?? new Set();
        set.add(facts.path);
        callers.set(c.name, set);
      }
    const results: CFileResult[] = [];
    // Taken from the end of the reversed list, so that a file let go is no longer held by the list either.
    pending.reverse();
    for (let f = pending.pop(), n = 1; f !== undefined; f = pending.pop(), n++) {
      // The event loop turns now and then: V8 finishes its garbage collection in tasks that run there, and without
      // them a large tree's heap grew by 100 MB of garbage before this loop ended.
      if (n % YIELD_EVERY === 0) await eventLoopTurn();
      results.push(this.resultFor(f));
      // On a large tree most files are read by no other file's analysis: their facts and unit are let go once
      // their result is built, so memory holds the files other units need, not every file of the tree.
      if (!this.neededByOthers(f, soleIncluders, callers)) this.release(f.path);
    }
    yield* resolveSharedTables(results);
  }

  /**
   * Whether another file's analysis may read this file's facts or unit: a header, a file another includes (or the
   * one includer of a header, which gives that header its context), a configuration, a file defining a function
   * the analysis follows that another file calls, or one calling such a function that another file defines (a
   * definition, a call site, a value tracked through it).
   */
  private neededByOthers(
    f: FileFacts,
    soleIncluders: ReadonlySet<string>,
    callers: ReadonlyMap<string, ReadonlySet<string>>,
  ): boolean {
    const p = f.path;
    if (this.headerFacts.has(p) || this.includers.has(p) || soleIncluders.has(p) || this.selection.configs.has(p))
      return true;
    const elsewhere = (paths: Iterable<string>) => {
      for (const q of paths) if (q !== p) return true;
      return false;
    };
    if (f.functions.some((fn) => elsewhere(callers.get(fn.name) ?? []))) return true;
    return f.calls.some(
      (c) => this.followed.has(c.name) && elsewhere((this.functionIndex!.get(c.name) ?? []).map((d) => d.path)),
    );
  }

  /** Lets go of a file's facts, unit and per-file caches (its result is built; no other file reads them). */
  private release(path: string): void {
    this.pendingFacts.delete(path);
    this.units.delete(path);
    this.apiCache.delete(path);
    for (const byFile of this.includeCache.values()) byFile.delete(path);
  }

  /** Functions the analysis follows across files (see follow.ts). */
  private readonly followed = new Set<string>();
  private followKnowledge: ReturnType<typeof compileExtract> | undefined;

  /** Followed functions of these files not known before (library sources aside: their calls are internal). */
  private newFollowed(facts: Iterable<FileFacts>): string[] {
    this.followKnowledge ??= compileExtract(this.k.extract);
    const found: string[] = [];
    for (const f of facts) {
      if (f.functions.length === 0) continue;
      const names = followedFunctions(f, this.followKnowledge, this.followed);
      if (names.length === 0) continue;
      const own = this.librariesImplemented(f);
      for (const n of names) {
        // In a library's own source only a helper over another library is followed (a KAT generator's
        // AES256_ECB over OpenSSL); its other helpers are the library itself.
        if (own.size > 0 && !this.callsOtherLibrary(f, n, own)) continue;
        if (this.followed.has(n)) continue;
        this.followed.add(n);
        found.push(n);
      }
    }
    return found;
  }

  /** Libraries whose API a file implements (none for a project's own file). */
  private librariesImplemented(f: FileFacts): Set<string> {
    const out = new Set<string>();
    if (f.definitions.length === 0) return out;
    const env = this.envFor(f.path);
    const { targets } = this.includesOf(f, env);
    for (const n of implementedNames(f, this.implContext(f, new Scope(f, [], env), targets)))
      for (const c of this.k.api.functionCandidates(n) ?? []) out.add(c.library);
    return out;
  }

  /** Whether a function of the file calls an API of a library the file does not implement. */
  private callsOtherLibrary(f: FileFacts, name: string, own: ReadonlySet<string>): boolean {
    const fn = f.functions.find((x) => x.name === name);
    if (!fn) return false;
    return f.calls.some(
      (c) =>
        c.index > fn.start &&
        c.index < fn.end &&
        (this.k.api.functionCandidates(c.name) ?? []).some((x) => !x.generic && !own.has(x.library)),
    );
  }

  private rootGuess(): string {
    const any = this.files[0];
    if (!any) return '/';
    return any.absPath.slice(0, any.absPath.length - any.path.length).replace(/\/$/, '') || '/';
  }

  private empty(path: string, diagnostics: Diagnostic[]): CFileResult {
    return { path, api: [], config: [], implementation: [], diagnostics };
  }

  /** Macros in headers whose body names a crypto function (aliases and wrappers), through chains. */
  private headerAliases(): string[] {
    const bodies = new Map<string, string[]>();
    for (const f of this.headerFacts.values()) {
      for (const d of f.defines) {
        if (d.undef || !d.body) continue;
        const ids = d.body.match(IDENT) ?? [];
        if (ids.length > 0 && ids.length <= 64) bodies.set(d.name, ids);
      }
    }
    const users = new Map<string, string[]>();
    const aliases = new Set<string>();
    const work: string[] = [];
    for (const [name, ids] of bodies) {
      for (const id of ids) {
        if (this.k.api.functionCandidates(id)) {
          if (!aliases.has(name)) {
            aliases.add(name);
            work.push(name);
          }
          continue;
        }
        const u = users.get(id);
        if (u) u.push(name);
        else users.set(id, [name]);
      }
    }
    while (work.length > 0) {
      for (const name of users.get(work.pop()!) ?? []) {
        if (aliases.has(name)) continue;
        aliases.add(name);
        work.push(name);
      }
    }
    return [...aliases].sort();
  }

  // ------------------------------------------------------------------------------------------
  // Configuration

  /** Names something in the tree defines: a header or source, a build file's `-D`, a Kconfig fragment. */
  private readonly definedInTree = new Set<string>();

  /**
   * A name defined nowhere in the tree nor by `--define`, and nobody's known option (a library's option
   * is set by its own configuration, outside the tree), Kconfig symbol or reserved identifier (the
   * compiler's and platform's macros): undefined in the default build (see GlobalEnv.isAbsent). Read
   * only while results are computed, after every file has been extracted.
   */
  private readonly isAbsent = (name: string): boolean =>
    !this.definedInTree.has(name) &&
    this.ctx.options.defines[name] === undefined &&
    !/^_[A-Z_]|^CONFIG_|^SB_CONFIG_/.test(name) &&
    !this.k.options.byName.has(name) &&
    !this.k.options.isKnownName(name);

  private buildEnv(): void {
    const cli = cliMacros(this.ctx.options.defines);
    for (const f of this.headerFacts.values()) for (const d of f.defines) if (!d.undef) this.definedInTree.add(d.name);
    for (const d of this.buildDefines) this.definedInTree.add(d.name);
    for (const kc of this.kconfigs) for (const e of kc.entries) this.definedInTree.add(e.name);
    const build = new Map<string, MacroValue>();
    for (const d of this.buildDefines)
      if (d.scope === 'build' && !d.file && !cli.has(d.name)) build.set(d.name, { state: 'defined', body: d.value });
    const configs = discoverConfigs(this.headerFacts, this.k.options, this.resolver, (n) => this.definedInTree.has(n));
    for (const cf of configs.values()) if (cf.isDefault) this.librariesInTree.add(cf.library);
    const selectorValues = new Map<string, string[]>();
    const addSel = (name: string, body: string) => {
      const list = selectorValues.get(name) ?? [];
      list.push(body);
      selectorValues.set(name, list);
    };
    for (const [k, v] of [...build, ...cli]) if (v.state === 'defined') addSel(k, v.body);
    for (const f of this.headerFacts.values()) for (const d of f.defines) if (!d.undef) addSel(d.name, d.body);
    this.selection = selectConfigs(
      configs,
      {
        selectorValues,
        requested: this.ctx.options.configFiles ?? [],
        resolver: this.resolver,
        headerFacts: this.headerFacts,
      },
      this.k.options,
    );
    for (const msg of this.selection.notes ?? []) this.configNotes.push(msg);

    // Configurations the build names (--config-file, a selector macro) apply to every unit. One picked
    // only because it is the library's only or default file applies where it is near (its project) or
    // where a unit includes it: a tree of several projects must not configure one with another's file.
    const macros = new Map<string, MacroValue>([...build, ...cli]);
    // A selector the build does not set is undefined: the library then includes its default file.
    for (const rule of this.k.options.fileRules)
      for (const sel of rule.selectors ?? []) if (!macros.has(sel)) macros.set(sel, { state: 'undefined' });
    const env0: GlobalEnv = { macros: new Map(macros), isGoverned: () => false };
    const selected = [...this.selection.configs.values()]
      .filter((c) => c.selected)
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const explicit = selected.filter((c) => c.reason === 'requested' || c.reason === 'selector');
    this.autoConfigs = selected.filter((c) => c.reason !== 'requested' && c.reason !== 'selector');
    for (const cf of explicit) this.applyConfig(cf, macros, env0, cli);
    this.governed = (name) => this.isOptOut(name) || explicit.some((g) => this.governs(g, name));
    this.base = macros;
    this.noteTestedNames();
  }

  private autoConfigs: ConfigFile[] = [];

  /**
   * A library's opt-out switch (`NO_SHA256`, `OPENSSL_NO_RC4`): off unless something the unit sees
   * defines it, configuration or not (a program built against an installed library gets its defaults).
   */
  private isOptOut(name: string): boolean {
    const row = this.k.options.byName.get(name);
    if (row) return row.effect === 'disable';
    return /(?:^|_)NO_/.test(name) && this.k.options.isKnownName(name);
  }

  /** Automatically selected configurations that apply to a file: in its project, or at the tree's root. */
  private nearAutoConfigs(path: string): ConfigFile[] {
    const first = path.split('/')[0];
    return this.autoConfigs.filter((cf) => {
      const dir = posix.dirname(cf.path);
      return dir === '.' || (path.includes('/') && dir.split('/')[0] === first);
    });
  }

  private readonly configNotes: string[] = [];

  /** Whether a configuration with these prefixes decides a name: a known option, or one of the library's option shape. */
  private governs(cf: ConfigFile, name: string): boolean {
    if (!cf.governs.some((p) => name.startsWith(p))) return false;
    return (
      this.k.options.byName.has(name) ||
      this.k.options.isKnownName(name) ||
      (cf.optionShape?.test(name) ?? false) ||
      // A name of a library whose own source is in the tree (its default configuration file is) that
      // nothing in the tree defines, such as a test-only switch: only a build flag could set it.
      (this.librariesInTree.has(cf.library) && !this.definedInTree.has(name))
    );
  }

  /** Libraries whose default configuration file (so, likely, whose source) is in the tree. */
  private librariesInTree = new Set<string>();
  /** Per configuration file: the macros it put into the environment. */
  private readonly contributed = new Map<string, Set<string>>();

  private applyConfig(
    cf: ConfigFile,
    macros: Map<string, MacroValue>,
    env0: GlobalEnv,
    cli: ReadonlyMap<string, MacroValue>,
  ): void {
    const facts = this.headerFacts.get(cf.path);
    if (!facts) return;
    // The configuration decides its own library's names: `# ifndef OPENSSL_NO_RC4` there sees them undefined.
    const scope = new Scope(facts, [], {
      macros: env0.macros,
      isGoverned: (name) => env0.isGoverned(name) || this.governs(cf, name),
      isAbsent: this.isAbsent,
    });
    const own = new Set<string>();
    this.contributed.set(cf.path, own);
    for (const d of facts.defines) {
      if (cli.has(d.name)) continue;
      own.add(d.name);
      const st = scope.stateOf(d);
      if (st === 'inactive') continue;
      if (st === 'conditional') macros.set(d.name, { state: 'unknown' });
      else if (d.undef) macros.set(d.name, { state: 'undefined' });
      else
        macros.set(
          d.name,
          d.params ? { state: 'defined', body: d.body, params: d.params } : { state: 'defined', body: d.body },
        );
    }
  }

  /**
   * An alternative configuration's environment on top of a unit's environment, one per pair: header scopes, include
   * edges and include states are kept per environment object, so every unit sharing the pair shares them. (One per
   * unit held a scope per header per alternative per unit until the analysis ended: 57,000 scopes, 80 MB, on Mbed TLS.)
   */
  private sharedAlternativeEnv(cf: ConfigFile, env: GlobalEnv): GlobalEnv {
    return memoByPair(
      this.alternativeEnvs,
      env,
      cf,
      () => new Map(),
      () => this.alternativeEnv(cf, env.macros as Map<string, MacroValue>),
    );
  }

  private readonly alternativeEnvs = new WeakMap<GlobalEnv, Map<ConfigFile, GlobalEnv>>();

  /** The macros of an alternative configuration on top of the base environment. */
  private alternativeEnv(cf: ConfigFile, dirMacros: ReadonlyMap<string, MacroValue>): GlobalEnv {
    const macros = new Map(dirMacros);
    this.applyConfig(
      cf,
      macros,
      { macros: new Map(dirMacros), isGoverned: () => false },
      cliMacros(this.ctx.options.defines),
    );
    return {
      macros,
      isGoverned: (name) => this.governed(name) || this.governs(cf, name),
      isAbsent: this.isAbsent,
    };
  }

  /** Names tested by `#if` in headers: name → the one file testing it, or '' when several do. */
  private readonly tested = new Map<string, string>();

  private noteTestedNames(): void {
    for (const [p, f] of this.headerFacts) {
      for (const b of f.branches) {
        if (b.guard) continue;
        for (const t of b.terms) {
          for (const id of t.expr.match(IDENT) ?? []) {
            if (id === 'defined') continue;
            const prev = this.tested.get(id);
            if (prev === undefined) this.tested.set(id, p);
            else if (prev !== p) this.tested.set(id, '');
          }
        }
      }
    }
  }

  // Environments per directory: Kconfig of the application and `-D` flags of its build files.
  private readonly envs = new Map<string, GlobalEnv>();

  /** Directories holding a build file (CMakeLists.txt, Makefile, prj.conf, …): the roots of projects. */
  private projectDirs: Set<string> | undefined;

  /**
   * The project a configuration belongs to: the nearest enclosing directory with a build file, else its
   * top-level directory. It configures files of that project only.
   */
  private projectOf(cf: ConfigFile): string {
    this.projectDirs ??= new Set(
      this.files.filter((f) => PROJECT_MARKER.test(posix.basename(f.path))).map((f) => posix.dirname(f.path)),
    );
    let dir = posix.dirname(cf.path);
    while (dir !== '.' && dir !== '' && dir !== '/') {
      if (this.projectDirs.has(dir)) return dir;
      dir = posix.dirname(dir);
    }
    return topFolder(cf.path) ?? '.';
  }

  /**
   * Alternatives of a library that may configure a file: of those whose project holds the file, the ones
   * sharing the longest directory prefix with it (a project's own configuration beats another's; a folder
   * of alternatives stays a set). A file in no configuration's project (shared code such as MCUboot's
   * bootutil) may be built with any of them.
   */
  private nearestAlternatives(path: string): ConfigFile[][] {
    let cached = this.nearestCache.get(path);
    if (cached) return cached;
    const dir = posix.dirname(path).split('/');
    const out: ConfigFile[][] = [];
    for (const all of this.selection.alternatives.values()) {
      const list = all.filter((cf) => isAncestor(this.projectOf(cf), path));
      if (list.length === 0) {
        out.push(all);
        continue;
      }
      let best = -1;
      let nearest: ConfigFile[] = [];
      for (const cf of list) {
        const cdir = posix.dirname(cf.path).split('/');
        let k = 0;
        while (k < dir.length && k < cdir.length && dir[k] === cdir[k] && dir[k] !== '.') k++;
        if (k > best) {
          best = k;
          nearest = [cf];
        } else if (k === best) nearest.push(cf);
      }
      out.push(nearest);
    }
    cached = out;
    this.nearestCache.set(path, cached);
    return cached;
  }

  private readonly nearestCache = new Map<string, ConfigFile[][]>();

  private dirMacros(
    path: string,
    included: readonly ConfigFile[] = [],
  ): { key: string; macros: Map<string, MacroValue> } {
    const parts: string[] = [];
    const macros = new Map(this.base);
    const cli = cliMacros(this.ctx.options.defines);
    for (const cf of this.nearAutoConfigs(path)) {
      parts.push(cf.path);
      this.applyConfig(cf, macros, { macros: new Map(macros), isGoverned: () => false }, cli);
    }
    for (const cf of included) {
      if (parts.includes(cf.path)) continue;
      parts.push(`+${cf.path}`);
      this.applyConfig(cf, macros, { macros: new Map(macros), isGoverned: () => false }, cli);
    }
    for (const near of this.nearestAlternatives(path)) {
      if (near.length !== 1) continue;
      parts.push(near[0]!.path);
      this.applyConfig(
        near[0]!,
        macros,
        { macros: new Map(macros), isGoverned: () => false },
        cliMacros(this.ctx.options.defines),
      );
    }
    for (const kc of this.kconfigs) {
      if (kc.appRoot === undefined || !isAncestor(kc.appRoot, path)) continue;
      parts.push(kc.path);
      for (const e of kc.entries) {
        if (e.commented || macros.has(e.name)) continue;
        const body = kconfigMacroBody(e.value);
        macros.set(e.name, body === undefined ? { state: 'undefined' } : { state: 'defined', body });
      }
    }
    for (const d of this.buildDefines) {
      if (d.scope !== 'build') continue;
      if (d.file ? d.file !== path : !isAncestor(posix.dirname(d.path), path)) continue;
      parts.push(`${d.path}:${d.line}:${d.name}`);
      if (!this.ctx.options.defines[d.name]) macros.set(d.name, { state: 'defined', body: d.value });
    }
    return { key: parts.join('\u0000'), macros };
  }

  /** The environment of a file; `included` are configurations its own includes reach (they govern their names). */
  private envFor(path: string, included: readonly ConfigFile[] = []): GlobalEnv {
    const { key, macros } = this.dirMacros(path, included);
    let env = this.envs.get(key);
    if (!env) {
      const completeKconfig = this.kconfigs.some(
        (kc) => kc.complete && kc.appRoot !== undefined && isAncestor(kc.appRoot, path),
      );
      const near = [
        ...this.nearestAlternatives(path)
          .filter((n) => n.length === 1)
          .map((n) => n[0]!),
        ...this.nearAutoConfigs(path),
        ...included,
      ];
      const governed = this.governed;
      env = {
        macros,
        isGoverned: (name) =>
          governed(name) ||
          (completeKconfig && name.startsWith('CONFIG_')) ||
          near.some((cf) => this.governs(cf, name)),
        isAbsent: this.isAbsent,
      };
      this.envs.set(key, env);
    }
    return env;
  }

  /** The environment a configuration file's own `#if`s see: without its own definitions. */
  private envWithoutOwn(path: string, env: GlobalEnv): GlobalEnv {
    const own = this.contributed.get(path);
    if (!own || own.size === 0) return env;
    const macros = new Map(env.macros);
    for (const n of own) macros.delete(n);
    return { macros, isGoverned: env.isGoverned, ...(env.isAbsent ? { isAbsent: env.isAbsent } : {}) };
  }

  // ------------------------------------------------------------------------------------------
  // Include resolution

  private readonly headerScopes = new Map<GlobalEnv, Map<string, Scope>>();
  private readonly headerEdges = new Map<GlobalEnv, Map<string, readonly IncludeEdge[]>>();

  /** A header's scope in an environment; `conditional` when only an undecided `#if` includes it. */
  private headerScope(path: string, env: GlobalEnv, conditional = false): Scope | undefined {
    let byEnv = this.headerScopes.get(env);
    if (!byEnv) {
      byEnv = new Map();
      this.headerScopes.set(env, byEnv);
    }
    const key = conditional ? `?${path}` : path;
    const hit = byEnv.get(key);
    if (hit) return hit;
    const facts = this.headerFacts.get(path);
    if (!facts) return undefined;
    const s = new Scope(facts, [], env, conditional);
    byEnv.set(key, s);
    return s;
  }

  /** The includes a file makes, computed includes resolved in the file's own scope. */
  private edgesOf(from: string, facts: FileFacts, scope: () => Scope): IncludeEdge[] {
    const edges: IncludeEdge[] = [];
    for (const inc of facts.includes) {
      let target = inc.target;
      if (inc.form === 'macro') {
        const m = scope().macroAt(inc.target, inc.index);
        if (m.state !== 'defined') continue;
        const body = m.body.trim();
        target = body.startsWith('"') ? body.slice(1, -1) : body.replace(/^<|>$/g, '').trim();
      }
      edges.push({
        target,
        path: this.ambiguousConfig(from, target) ? undefined : this.resolver.resolve(from, target),
        include: inc,
      });
    }
    return edges;
  }

  private noteIncludes(facts: FileFacts): void {
    for (const inc of facts.includes) {
      if (inc.form === 'macro') continue;
      const p = this.resolver.resolve(facts.path, inc.target);
      if (!p) continue;
      const set = this.includers.get(p) ?? new Set();
      set.add(facts.path);
      this.includers.set(p, set);
      if (!isCSource(p) && !isCHeader(p) && !this.scanned.has(p)) this.revealed.add(p);
    }
  }

  /**
   * An include that names one of several alternative configurations by a shared suffix (MCUboot's
   * shared code includes "mcuboot_config/mcuboot_config.h", which each port provides): which one the
   * build puts on the include path is not known, so the unit is evaluated against the alternatives.
   */
  private ambiguousConfig(from: string, target: string): boolean {
    if (this.selection.alternatives.size === 0) return false;
    // Asked for every include of every header in every environment: the answer depends on the includer's folder.
    const dir = posix.dirname(from);
    const key = `${dir}\u0000${target}`;
    let ambiguous = this.ambiguity.get(key);
    if (ambiguous === undefined) {
      ambiguous = this.ambiguousUncached(dir, target);
      this.ambiguity.set(key, ambiguous);
    }
    return ambiguous;
  }

  private ambiguousUncached(dir: string, target: string): boolean {
    const rel = posix.normalize(posix.join(dir, target));
    if (this.resolver.has(rel)) return false;
    const cands = this.resolver.candidates(target);
    if (cands.length < 2) return false;
    this.alternativePaths ??= new Set([...this.selection.alternatives.values()].flat().map((c) => c.path));
    return cands.filter((c) => this.alternativePaths!.has(c)).length >= 2;
  }

  private alternativePaths: Set<string> | undefined;
  private readonly ambiguity = new Map<string, boolean>();

  /** The include edges of a header in an environment. */
  private headerEdgesOf(path: string, env: GlobalEnv): readonly IncludeEdge[] {
    return memoByPair(
      this.headerEdges,
      env,
      path,
      () => new Map(),
      () => {
        const plain = this.headerScope(path, env)!;
        return this.edgesOf(path, plain.facts, () => plain);
      },
    );
  }

  /**
   * Headers of a translation unit (transitively, breadth-first, from the scanned tree). A first pass
   * follows every include; the second decides each `#if` around an include with the headers the first
   * found (a header tests what an earlier one defined): includes in dead branches are left out, and a
   * header only an undecided `#if` includes, with everything it includes, defines its macros only
   * conditionally.
   */
  private includesOf(facts: FileFacts, env: GlobalEnv): { scopes: Scope[]; targets: string[]; paths: Set<string> } {
    let byFile = this.includeCache.get(env);
    if (!byFile) {
      byFile = new Map();
      this.includeCache.set(env, byFile);
    }
    const hit = byFile.get(facts.path);
    if (hit && hit.facts === facts) return hit.result;
    const result = this.includesUncached(facts, env);
    byFile.set(facts.path, { facts, result });
    return result;
  }

  /** Per environment and unit: its headers (a unit is evaluated several times in one environment). */
  private readonly includeCache = new Map<
    GlobalEnv,
    Map<string, { facts: FileFacts; result: { scopes: Scope[]; targets: string[]; paths: Set<string> } }>
  >();

  private includesUncached(
    facts: FileFacts,
    env: GlobalEnv,
  ): { scopes: Scope[]; targets: string[]; paths: Set<string> } {
    let own: Scope | undefined;
    const ownEdges = this.edgesOf(facts.path, facts, () => {
      own ??= new Scope(facts, [], env);
      return own;
    });
    this.currentFacts = facts;
    const first = this.closure(facts.path, ownEdges, env);
    if (!first.branched) return first;
    let byEnv = this.includeStates.get(env);
    if (!byEnv) {
      byEnv = new Map();
      this.includeStates.set(env, byEnv);
    }
    const key = [...first.paths].join('\u0000');
    let states = byEnv.get(key);
    if (!states) {
      states = new Map();
      byEnv.set(key, states);
    }
    const decided = states;
    const stateIn = (from: string, inc: IncludeFact): ActivityState => {
      if (inc.branches.length === 0) return 'active';
      if (from === facts.path) return new Scope(facts, first.scopes, env).ownState(inc);
      let list = decided.get(from);
      if (!list) {
        list = new Map();
        decided.set(from, list);
      }
      let st = list.get(inc.index);
      if (st === undefined) {
        const hfacts = this.headerFacts.get(from)!;
        let scope = list.scope;
        if (!scope) {
          scope = new Scope(hfacts, first.scopes, env);
          list.scope = scope;
        }
        st = scope.ownState(inc);
        list.set(inc.index, st);
      }
      return st;
    };
    const result = this.closure(facts.path, ownEdges, env, stateIn);
    // The states decided stay for units with the same headers; the scopes that decided them are let go (one per
    // header of the unit: on Mbed TLS 18,000 of them were held until the analysis ended).
    for (const list of decided.values()) list.scope = undefined;
    return result;
  }

  /** Per environment and first-pass header set: the decided state of each header's includes. */
  private readonly includeStates = new Map<
    GlobalEnv,
    Map<string, Map<string, Map<number, ActivityState> & { scope?: Scope }>>
  >();

  /** Whether an include sits under an `#if` other than the file's include guard. */
  private underCondition(from: string, inc: IncludeFact): boolean {
    const facts = this.headerFacts.get(from) ?? this.pendingFacts.get(from) ?? this.currentFacts;
    if (!facts || facts.path !== from) return true;
    return inc.branches.some((i) => !facts.branches[i]?.guard);
  }

  /** The unit being evaluated (its facts are not among the headers). */
  private currentFacts: FileFacts | undefined;

  private closure(
    from: string,
    ownEdges: readonly IncludeEdge[],
    env: GlobalEnv,
    stateIn?: (from: string, inc: IncludeFact) => ActivityState,
  ): { scopes: Scope[]; targets: string[]; paths: Set<string>; branched: boolean } {
    const scopes: Scope[] = [];
    const targets: string[] = [];
    const seen = new Set<string>([from]);
    let branched = false;
    const queue: { from: string; edges: readonly IncludeEdge[]; conditional: boolean }[] = [
      { from, edges: ownEdges, conditional: false },
    ];
    for (let q = 0; q < queue.length && scopes.length < MAX_TU_HEADERS; q++) {
      const { from: parent, edges: list, conditional: parentConditional } = queue[q]!;
      for (const { target, path, include } of list) {
        let conditional = parentConditional;
        if (include.branches.length > 0 && this.underCondition(parent, include)) {
          branched = true;
          if (stateIn) {
            const st = stateIn(parent, include);
            if (st === 'inactive') continue;
            if (st === 'conditional') conditional = true;
          }
        }
        targets.push(target);
        if (!path || seen.has(path)) continue;
        seen.add(path);
        const hs = this.headerScope(path, env, conditional);
        if (hs) {
          scopes.push(hs);
          queue.push({ from: path, edges: this.headerEdgesOf(path, env), conditional });
        }
      }
    }
    return { scopes, targets, paths: seen, branched };
  }

  // ------------------------------------------------------------------------------------------
  // Results

  private implContext(facts: FileFacts, scope: Scope, targets: readonly string[]): ImplementationContext {
    return {
      knowledge: this.k,
      scope,
      path: facts.path,
      includeTargets: targets,
      signatureById: this.signatureById,
      wrappers: wrapperDefinitions(facts, { knowledge: this.k }),
    };
  }

  /** Per implementing file: the libraries whose API it defines. */
  private readonly implementedLibraries = new Map<string, Set<string>>();

  private indexImplementations(facts: FileFacts): void {
    if (hasImplementationConstants(facts, this.signatureById)) this.implementingFiles.add(facts.path);
    if (facts.definitions.length === 0) return;
    const env = this.envFor(facts.path);
    const { targets } = this.includesOf(facts, env);
    const names = implementedNames(facts, this.implContext(facts, new Scope(facts, [], env), targets));
    if (names.length > 0) this.implementingFiles.add(facts.path);
    const libs = new Set<string>();
    for (const n of names) for (const c of this.k.api.functionCandidates(n) ?? []) libs.add(c.library);
    if (libs.size > 0) this.implementedLibraries.set(facts.path, libs);
    for (const n of names) {
      const set = this.implementedIn.get(n) ?? new Set();
      set.add(facts.path);
      this.implementedIn.set(n, set);
    }
  }

  /**
   * A header that does not stand alone (`curve-specific.inc` reads `uECC_SUPPORTS_*` set by the unit
   * that includes it) is evaluated in the context of its one includer.
   */
  private contextScopes(facts: FileFacts, env: GlobalEnv): Scope[] {
    const by = this.includers.get(facts.path);
    if (by?.size !== 1) return [];
    const includer = [...by][0]!;
    const ifacts = this.headerFacts.get(includer) ?? this.pendingFacts.get(includer);
    if (!ifacts) return [];
    const { scopes } = this.includesOf(ifacts, env);
    return [new Scope(ifacts, scopes, env), ...scopes];
  }

  // ------------------------------------------------------------------------------------------
  // Units and the tree's functions (issue #15: wrappers, values across functions)

  private readonly units = new Map<string, Unit>();

  /** A file as a translation unit: its environment, headers, scope (states decided) and resolver. */
  private unit(facts: FileFacts): Unit {
    const hit = this.units.get(facts.path);
    if (hit && hit.facts === facts) return hit;
    const path = facts.path;
    let env = this.envFor(path);
    let inc = this.includesOf(facts, env);
    const included = this.configsReached(inc.paths);
    if (included.length > 0) {
      env = this.envFor(path, included);
      inc = this.includesOf(facts, env);
    }
    const { scopes, targets, paths } = inc;
    const context = isCHeader(path) ? this.contextScopes(facts, env) : [];
    const scope = new Scope(facts, [...scopes, ...context], env);
    const alternatives = this.alternativesFor(path, paths);
    const state = this.stateResolver(facts, scope, alternatives, env);
    scope.stateOverride = state.of;
    const resolver = new ApiResolver({
      api: this.k.api,
      scope,
      includeTargets: targets,
      confirmed: (name) => this.implementedFor(name, path),
      path,
      links: this.links,
      wrapper: (call) => this.wrapperUse(call, path),
    });
    const u: Unit = { facts, env, scopes, targets, paths, scope, state, resolver };
    this.units.set(path, u);
    return u;
  }

  private factsOf(path: string): FileFacts | undefined {
    return this.pendingFacts.get(path) ?? this.headerFacts.get(path);
  }

  private functionIndex: Map<string, FunctionSite[]> | undefined;
  private callIndex: Map<string, CallSite[]> | undefined;

  private indexFunctions(): void {
    this.functionIndex = new Map();
    this.callIndex = new Map();
    const files = new Map<string, FileFacts>([...this.headerFacts, ...this.pendingFacts]);
    for (const [path, f] of files) {
      for (const fn of f.functions) {
        if (!this.followed.has(fn.name)) continue;
        const list = this.functionIndex.get(fn.name) ?? [];
        list.push({ path, fn });
        this.functionIndex.set(fn.name, list);
      }
    }
    for (const [path, f] of files) {
      for (const call of f.calls) {
        if (call.reference || !this.functionIndex.has(call.name)) continue;
        const list = this.callIndex.get(call.name) ?? [];
        list.push({ path, call });
        this.callIndex.set(call.name, list);
      }
    }
  }

  /** Definitions a call in `from` may reach: its own file's, its unit's headers', else any non-static one. */
  private definitionsFrom(name: string, from: string): FunctionSite[] {
    if (!this.functionIndex) this.indexFunctions();
    const all = this.functionIndex!.get(name);
    if (!all) return [];
    const own = all.filter((d) => d.path === from);
    if (own.length > 0) return own;
    const fromFacts = this.factsOf(from);
    const paths = fromFacts ? this.unit(fromFacts).paths : new Set<string>();
    const unit = all.filter((d) => paths.has(d.path));
    if (unit.length > 0) return unit;
    const linkable = all.filter((d) => !d.fn.isStatic || !isCSource(d.path));
    // Several projects scanned together (a folder per repository, as a fleet scan or `--shard` sees them): a
    // function the caller's own top-level folder defines is the one its calls reach, not another project's function
    // of the same name (libssh's `sha1_init` wrapper, not crypto-algorithms' SHA-1 of that name).
    const top = topFolder(from);
    const project = top === undefined ? [] : linkable.filter((d) => topFolder(d.path) === top);
    return project.length > 0 ? project : linkable;
  }

  private readonly links: TreeLinks = {
    definitions: (name, from) => this.definitionsFrom(name, from),
    callSites: (def) => {
      if (!this.callIndex) this.indexFunctions();
      // A function no other file follows (a library's static helper) is still called in its own file.
      const sites =
        this.callIndex!.get(def.fn.name) ??
        (this.factsOf(def.path)?.calls ?? [])
          .filter((c) => c.name === def.fn.name && !c.reference)
          .map((call) => ({ path: def.path, call }));
      if (def.fn.isStatic && isCSource(def.path)) return sites.filter((s) => s.path === def.path);
      return sites.filter((s) => this.definitionsFrom(def.fn.name, s.path).some((d) => d.fn === def.fn));
    },
    tracker: (path) => {
      const f = this.factsOf(path);
      return f ? this.unit(f).resolver.tracker : undefined;
    },
  };

  /** API findings of a file (memoised: wrapper summaries read other files' findings). */
  private readonly apiCache = new Map<string, readonly (AlgorithmFinding | ProtocolFinding)[]>();
  private readonly apiInProgress = new Set<string>();

  private apiFindingsOf(facts: FileFacts): readonly (AlgorithmFinding | ProtocolFinding)[] {
    const hit = this.apiCache.get(facts.path);
    if (hit) return hit;
    if (this.apiInProgress.has(facts.path)) return [];
    this.apiInProgress.add(facts.path);
    try {
      const out = this.unit(facts).resolver.findings(facts.calls, facts.path) as (AlgorithmFinding | ProtocolFinding)[];
      this.apiCache.set(facts.path, out);
      return out;
    } finally {
      this.apiInProgress.delete(facts.path);
    }
  }

  private readonly summaries = new Map<FunctionSite['fn'], WrapperUse | null>();

  /**
   * What a definition performs when it wraps one fixed algorithm: the findings inside its body (wrappers of
   * wrappers included) all name the same algorithm, none chosen at run time. Undefined otherwise.
   */
  private summary(def: FunctionSite): WrapperUse | undefined {
    const hit = this.summaries.get(def.fn);
    if (hit !== undefined) return hit ?? undefined;
    this.summaries.set(def.fn, null);
    const facts = this.factsOf(def.path);
    if (!facts) return undefined;
    const composed = this.composition(def, facts);
    if (composed) {
      if (!composed.row.callsAreUses) return undefined;
      const use: WrapperUse = {
        refs: [composed.ref],
        via: `${def.fn.name} (${def.path}:${def.fn.line}) → ${composed.ref.id} over ${composed.over}`,
        state: 'active',
        function: def.fn.name,
      };
      this.summaries.set(def.fn, use);
      return use;
    }
    const body = facts.calls.filter((c) => c.index >= def.fn.start && c.index < def.fn.end);
    // A wrapper is short and hands its inputs to the library; a long function doing crypto among other
    // things (a test case, a demo's main flow) is not one, and calls to it are no uses.
    if (def.fn.endLine - def.fn.line > MAX_WRAPPER_LINES || !passesThrough(def.fn, body)) return undefined;
    const own = this.bodyFindings(def, facts);
    // A key type next to the scheme it is used for (`ec` beside `ecdsa`) is part of that use, and a wrapper
    // named for the scheme (`bootutil_ecdh_compute_shared` over a scalar multiplication) performs it.
    const named = schemeNamed(def.fn.name);
    const inner = own
      .filter((f) => !own.some((o) => o !== f && refinesType(f.algorithm.id, o.algorithm.id)))
      .map((f) => {
        const scheme = named.find((n) => refinesType(f.algorithm.id, n));
        return scheme ? { ...f, algorithm: { ...f.algorithm, id: scheme } } : f;
      });
    if (inner.length === 0) return undefined;
    if (inner.some((f) => f.algorithm.id === 'unknown' || f.algorithm.candidates)) return undefined;
    const ids = new Set(inner.map((f) => f.algorithm.id));
    // Several algorithms are a choice only when each sits under its own `#if` branch (a hash picked by the
    // configuration); different operations in one branch (a sequence, a `switch`) are no wrapper of one.
    if (ids.size > 1) {
      if (ids.size > MAX_WRAPPER_CHOICES || inner.some((f) => f.state === 'active')) return undefined;
      const branchOf = (f: AlgorithmFinding) =>
        body.find((c) => c.line === f.evidence.line)?.branches.join(',') ?? `line ${f.evidence.line}`;
      const idsByBranch = new Map<string, Set<string>>();
      for (const f of inner) {
        const k = branchOf(f);
        const set = idsByBranch.get(k) ?? new Set();
        set.add(f.algorithm.id);
        idsByBranch.set(k, set);
      }
      if ([...idsByBranch.values()].some((set) => set.size > 1) || idsByBranch.size < ids.size) return undefined;
    }
    const byId = [...ids].map((id) => commonRef(inner.filter((f) => f.algorithm.id === id).map((f) => f.algorithm)));
    const ref: AlgorithmRef = byId.length === 1 ? byId[0]! : { id: 'unknown', candidates: byId };
    const first = inner[0]!;
    const innerVia = first.properties?.via ?? String(first.properties?.function ?? '');
    const use: WrapperUse = {
      refs: [ref],
      ...(first.library ? { library: first.library } : {}),
      via: `${def.fn.name} (${def.path}:${def.fn.line}) → ${innerVia}`,
      state: 'active',
      function: String(first.properties?.function ?? ''),
    };
    this.summaries.set(def.fn, use);
    return use;
  }

  /** Findings of one definition's body, resolved apart (a file may call its own wrappers). */
  private bodyFindings(def: FunctionSite, facts: FileFacts): AlgorithmFinding[] {
    const resolver = this.unit(facts).resolver;
    const body = facts.calls.filter((c) => c.index >= def.fn.start && c.index < def.fn.end);
    const found = resolver.findings(body, facts.path, resolver.startedIds(facts.calls));
    // A library's helpers call its own functions (internal calls): they are the library, not a wrapper.
    return found.filter(
      (f): f is AlgorithmFinding =>
        f.kind === 'algorithm' &&
        f.state !== 'inactive' &&
        !resolver.isSetup(f) &&
        !(this.internalCaller(facts) && this.inTree(String(f.properties?.function ?? ''))),
    );
  }

  private readonly compositions = new Map<FunctionSite['fn'], Composed | null>();

  /** The construction a definition implements over other primitives (a function `hkdf` using HMAC). */
  private composition(def: FunctionSite, facts: FileFacts): Composed | undefined {
    const hit = this.compositions.get(def.fn);
    if (hit !== undefined) return hit ?? undefined;
    this.compositions.set(def.fn, null);
    const row = this.k.compositions.find((c) => c.name.test(def.fn.name));
    if (!row) return undefined;
    const uses = this.bodyFindings(def, facts).flatMap((f) => f.algorithm.candidates ?? [f.algorithm]);
    const used = uses.find((a) => row.uses.includes(a.id));
    if (!used) return undefined;
    const ref: AlgorithmRef = {
      ...row.algorithm,
      id: row.algorithm.id ?? 'unknown',
      ...(row.hashFromUse && used.hash ? { hash: used.hash } : {}),
    } as AlgorithmRef;
    const out: Composed = { row, ref, over: used.hash ? `${used.id} (${used.hash})` : used.id };
    this.compositions.set(def.fn, out);
    return out;
  }

  /** Implementation findings of constructions the file's functions build (HKDF over HMAC, PSS with MGF1). */
  private compositionFindings(facts: FileFacts, scope: Scope): AlgorithmFinding[] {
    const out: AlgorithmFinding[] = [];
    for (const fn of facts.functions) {
      if (!this.k.compositions.some((c) => c.name.test(fn.name))) continue;
      const composed = this.composition({ path: facts.path, fn }, facts);
      if (!composed) continue;
      out.push({
        kind: 'algorithm',
        detector: IMPLEMENTATION_DETECTOR,
        role: 'implementation',
        algorithm: composed.ref,
        state: scope.stateOf(fn),
        evidence: { path: facts.path, line: fn.line, column: fn.column, snippet: fn.snippet },
        context: fn.name,
        notes: [`${fn.name} builds ${composed.ref.id} over ${composed.over} (${composed.row.source})`],
        properties: { functions: fn.name },
      });
    }
    return out;
  }

  /**
   * Whether the tree implements a generic name (`sha1_init`) for a call from `from`. When only another top-level
   * folder implements it and the caller's own folder defines a function of that name (its wrapper), the call
   * reaches its own function: several projects scanned together (a fleet, or the parts of `--shard`) do not link
   * to each other.
   */
  private implementedFor(name: string, from: string): boolean {
    const files = this.implementedIn.get(name);
    if (!files) return false;
    const top = topFolder(from);
    if (top === undefined) return true;
    for (const f of files) if (topFolder(f) === top) return true;
    if (!this.functionIndex) this.indexFunctions();
    return !(this.functionIndex!.get(name) ?? []).some((d) => topFolder(d.path) === top);
  }

  /** A call to a function of the tree that wraps one fixed algorithm, as the calling unit sees it. */
  private wrapperUse(call: CallFact, from: string): WrapperUse | undefined {
    if (!this.followed.has(call.name)) return undefined;
    const defs = this.definitionsFrom(call.name, from);
    if (defs.length === 0) return undefined;
    const live = defs.map((d) => ({ d, state: this.stateIn(d, from) })).filter((x) => x.state !== 'inactive');
    if (live.length === 0) return undefined;
    const all = live.map((x) => ({ use: this.summary(x.d), state: x.state }));
    // Among definitions selected by macro, one that is no wrapper (a port implementing the step itself)
    // does not hide the others; a definition every unit compiles must be a wrapper itself.
    const uses = all.filter((x) => x.use || x.state === 'active');
    if (uses.length === 0 || uses.some((x) => !x.use)) return undefined;
    const state: ActivityState = uses.some((x) => x.state === 'active') ? 'active' : 'conditional';
    const first = uses[0]!.use!;
    // Alternative definitions (one per crypto library, selected by macro) make one choice among their algorithms.
    const parts = uses.flatMap((x) => {
      const r = x.use!.refs[0]!;
      return r.candidates ?? [r];
    });
    const ids = [...new Set(parts.map((p) => p.id))];
    if (ids.length > MAX_WRAPPER_CHOICES) return undefined;
    const byId = ids.map((id) => commonRef(parts.filter((p) => p.id === id)));
    const ref: AlgorithmRef = byId.length === 1 ? byId[0]! : { id: 'unknown', candidates: byId };
    return {
      ...first,
      refs: [ref],
      state,
      via: uses.length > 1 ? `${first.via} (one of ${uses.length} definitions)` : first.via,
    };
  }

  /** State of a definition in a unit: a header's definition under the unit's configuration. */
  private stateIn(def: FunctionSite, from: string): ActivityState {
    const fromFacts = this.factsOf(from);
    if (!fromFacts) return 'conditional';
    const u = this.unit(fromFacts);
    if (def.path === from) return u.scope.stateOf(def.fn);
    const header = this.headerFacts.get(def.path);
    if (header && u.paths.has(def.path)) {
      const others = u.scopes.filter((sc) => sc.facts.path !== def.path);
      return new Scope(header, others, u.env).ownState(def.fn);
    }
    const defFacts = this.factsOf(def.path);
    return defFacts ? this.unit(defFacts).scope.stateOf(def.fn) : 'conditional';
  }

  private resultFor(facts: FileFacts): CFileResult {
    const path = facts.path;
    const cpp = /\.(cc|cpp|cxx|c\+\+|hh|hpp|hxx|h\+\+|ipp|ino)$/i.test(path);
    const diagnostics: Diagnostic[] = facts.diagnostics
      .filter((d) => !(cpp && d.code === 'c-syntax-error'))
      .map((d) => ({
        severity: d.code === 'c-syntax-error' ? 'info' : 'warning',
        code: d.code,
        message: d.message,
        path,
        ...(d.line !== undefined ? { line: d.line } : {}),
        detector: DIAG_DETECTOR,
      }));
    try {
      const u = this.unit(facts);
      const { scope, targets, scopes, env, state } = u;
      const implScope = scope;
      const internal = this.internalCaller(facts);
      const api = [...this.apiFindingsOf(facts), ...stringFindings(facts, scope, this.k.api, path)].map((f) => {
        const fn = String(f.properties?.function ?? '');
        // A library's source calling its own API (ecdh.c calling mbedtls_ecp_group_load, whose
        // definition may sit outside the scanned folders) is internal too.
        const ownLibrary = f.library !== undefined && (this.implementedLibraries.get(path)?.has(f.library) ?? false);
        if (!ownLibrary && (!internal || !this.inTree(fn))) return f;
        return {
          ...f,
          notes: [
            ...(f.notes ?? []),
            ownLibrary
              ? `internal call of ${f.library}: this file implements ${f.library}'s API`
              : `internal call of ${f.library ?? 'the library'}: the tree implements ${fn}`,
          ],
          properties: { ...f.properties, internal: 'true' },
        };
      });
      const implementation = [
        ...implementationFindings(facts, this.implContext(facts, implScope, targets)),
        ...this.compositionFindings(facts, implScope),
      ];
      let config: AlgorithmFinding[] = [];
      const cf = this.selection.configs.get(path);
      if (cf || facts.defines.some((d) => this.k.options.byName.get(d.name)?.selector)) {
        const r = configHeaderFindings(facts, {
          options: this.k.options,
          scope: new Scope(facts, scopes, this.envWithoutOwn(path, env)),
          path,
          library: cf?.library,
          isKnownName: (name) => {
            const t = this.tested.get(name);
            return (t !== undefined && t !== path) || this.k.options.isKnownName(name);
          },
          suites: (value) => suitesOf(value, this.k.api.suiteAlgorithms, this.k.api.listTokens),
        });
        config = r.findings.map((f) => (cf && !cf.selected && f.state !== 'inactive' ? annotateScope(f, cf.path) : f));
        diagnostics.push(...r.diagnostics);
      }
      return {
        path,
        api: api.map((f) => state.annotate(f)),
        config,
        implementation: implementation.map((f) => state.annotate(f)),
        diagnostics,
      };
    } catch (e) {
      diagnostics.push({
        severity: 'warning',
        code: 'c-analysis-failed',
        message: `C analysis of this file failed: ${(e as Error).message}`,
        path,
        detector: DIAG_DETECTOR,
      });
      return { path, api: [], config: [], implementation: [], diagnostics };
    }
  }

  /**
   * Selected configurations a unit's headers bring in: those it includes, and those that sit next to a
   * header it includes. A project's options header may reach its code only through a copy the build
   * generates (Dropbear's default_options_guard.h), so code that includes the project's headers, from
   * any directory, is configured by it.
   */
  private configsReached(paths: ReadonlySet<string>): ConfigFile[] {
    if (!this.selectedByDir) {
      this.selectedByDir = new Map();
      for (const cf of this.selection.configs.values()) {
        if (!cf.selected) continue;
        const dir = posix.dirname(cf.path);
        const list = this.selectedByDir.get(dir) ?? [];
        list.push(cf);
        this.selectedByDir.set(dir, list);
      }
    }
    const out = new Set<ConfigFile>();
    for (const p of paths) {
      const own = this.selection.configs.get(p);
      if (own?.selected) out.add(own);
      for (const cf of this.selectedByDir.get(posix.dirname(p)) ?? []) out.add(cf);
    }
    return [...out].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private selectedByDir: Map<string, ConfigFile[]> | undefined;
  private readonly makeFiles: { path: string; assignments: MakeAssignment[] }[] = [];
  private readonly kconfigDefs: KconfigDefinitions[] = [];

  private readonly implementingDirs = new Set<string>();
  private treeMacros: Set<string> | undefined;

  /** A name the tree defines: an implementation, or a macro standing for one (`#define shake128_init(c) sha3_init(c, 16)`). */
  private inTree(name: string): boolean {
    if (this.implementedIn.has(name)) return true;
    if (!this.treeMacros) {
      this.treeMacros = new Set();
      for (const f of this.headerFacts.values()) for (const d of f.defines) if (d.params) this.treeMacros.add(d.name);
    }
    return this.treeMacros.has(name);
  }

  /**
   * Whether a file's calls to the tree's own implementations are the library's internal calls: it
   * implements an algorithm itself, or it is library code (no `main`) next to files that do.
   */
  private internalCaller(facts: FileFacts): boolean {
    if (this.implementingFiles.has(facts.path)) return true;
    if (facts.program) return false;
    if (this.implementingDirs.size === 0)
      for (const p of this.implementingFiles) this.implementingDirs.add(posix.dirname(p));
    return this.implementingDirs.has(posix.dirname(facts.path));
  }

  /** Sets of alternative configurations, none selected, that this unit does not include and that are equally near. */
  private alternativesFor(path: string, included: ReadonlySet<string>): ConfigFile[][] {
    return this.nearestAlternatives(path).filter((near) => near.length > 1 && !near.some((c) => included.has(c.path)));
  }

  /**
   * States of sites: the unit's own evaluation, and where that is conditional and alternative
   * configurations exist, each alternative: the same state under all of them is the state, else the
   * finding stays conditional and says which configuration gives which state.
   */
  private stateResolver(facts: FileFacts, scope: Scope, alternatives: readonly ConfigFile[][], env: GlobalEnv) {
    const notes = new Map<number, string>();
    const altScopes: { cf: ConfigFile; scope: Scope }[] = [];
    let built = false;
    const build = () => {
      built = true;
      for (const list of alternatives)
        for (const cf of list) {
          const altEnv = this.sharedAlternativeEnv(cf, env);
          const { scopes } = this.includesOf(facts, altEnv);
          altScopes.push({ cf, scope: new Scope(facts, scopes, altEnv) });
        }
    };
    const assumed = new Map<number, string[]>();
    const of = (site: Pick<Site, 'branches'> & Partial<Pick<Site, 'line' | 'column'>>): ActivityState => {
      const s = scope.ownState(site);
      if (s === 'active' && site.line !== undefined) {
        const names = scope.assumptionsOf(site);
        if (names.length > 0) assumed.set(site.line * 100000 + (site.column ?? 0), names);
      }
      if (s !== 'conditional' || alternatives.length === 0) return s;
      if (!built) build();
      const per = altScopes.map(({ cf, scope: alt }) => ({ cf, state: alt.stateOf(site) }));
      const states = new Set(per.map((p) => p.state));
      if (states.size === 1) return per[0]!.state;
      if (site.line !== undefined)
        notes.set(site.line * 100000 + (site.column ?? 0), per.map((p) => `${p.cf.path}: ${p.state}`).join('; '));
      return 'conditional';
    };
    const annotate = <F extends AlgorithmFinding | ProtocolFinding>(f: F): F => {
      const key = (f.evidence.line ?? 0) * 100000 + (f.evidence.column ?? 0);
      const n = notes.get(key);
      const names = f.state === 'active' ? assumed.get(key) : undefined;
      const g = names ? { ...f, notes: [...(f.notes ?? []), unlessDefined(names)] } : f;
      return n ? { ...g, properties: { ...g.properties, configurations: n } } : g;
    };
    return { of, annotate };
  }
}

/**
 * PQC tables shared by every parameter set (NTT zetas) whose set no macro fixes take it from an
 * implementation of the same family in the same directory (PQClean's ml-dsa-44/clean/ntt.c next to
 * sign.c defining PQCLEAN_MLDSA44_CLEAN_crypto_sign_*).
 */
function resolveSharedTables(results: readonly CFileResult[]): CFileResult[] {
  const resolved = new Map<string, string[]>();
  const family = (id: string) => id.replace(/-\d+$/, '');
  for (const r of results)
    for (const f of r.implementation) {
      if (f.algorithm.unresolved || !/^ml-(kem|dsa)-\d+$/.test(f.algorithm.id)) continue;
      const k = `${posix.dirname(r.path)}\u0000${family(f.algorithm.id)}`;
      const list = resolved.get(k) ?? [];
      if (!list.includes(f.algorithm.id)) list.push(f.algorithm.id);
      resolved.set(k, list);
    }
  return results.map((r) => {
    if (!r.implementation.some((f) => f.algorithm.unresolved?.parameterSet)) return r;
    const implementation = r.implementation.map((f) => {
      if (!f.algorithm.unresolved?.parameterSet) return f;
      const ids = resolved.get(`${posix.dirname(r.path)}\u0000${family(f.algorithm.id)}`);
      if (ids?.length !== 1) return f;
      return {
        ...f,
        algorithm: { id: ids[0]! },
        notes: [...(f.notes ?? []), `parameter set of the ${ids[0]} implementation in the same directory`],
      };
    });
    return { ...r, implementation };
  });
}

function annotateScope(f: AlgorithmFinding, path: string): AlgorithmFinding {
  return { ...f, properties: { ...f.properties, configuration: `${path} (alternative, not selected by the build)` } };
}

/** The part of a file's result one C detector reports: the API's findings carry the analysis' diagnostics. */
export type CResultPart = 'api' | 'config' | 'implementation';

/** One file's part, as its detector reports it. */
interface CResultSlice {
  readonly findings: readonly (AlgorithmFinding | ProtocolFinding)[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Runs the C analysis once per scan and replays it to every C detector that asks. A part is let go of once its
 * detector has read it: the scan keeps its own copy of each finding, so a large tree's C findings are not held
 * twice until every C detector is done.
 */
class Shared {
  private readonly buffer: CFileResult[] = [];
  private done = false;
  private error: unknown;
  private started = false;
  private wakers: (() => void)[] = [];

  constructor(private readonly source: () => AsyncGenerator<CFileResult>) {}

  private start(): void {
    if (this.started) return;
    this.started = true;
    void (async () => {
      try {
        for await (const r of this.source()) {
          this.buffer.push(r);
          this.flush();
        }
      } catch (e) {
        this.error = e;
      } finally {
        this.done = true;
        this.flush();
      }
    })();
  }

  private flush(): void {
    const w = this.wakers;
    this.wakers = [];
    for (const f of w) f();
  }

  /** Each file's `part` (with, for the API, the diagnostics), read once, then emptied in the buffer. */
  async *iterate(part: CResultPart): AsyncGenerator<CResultSlice> {
    this.start();
    let i = 0;
    for (;;) {
      if (i < this.buffer.length) {
        const r = this.buffer[i]!;
        const withDiagnostics = part === 'api';
        // Object.assign, not a spread: a copy that starts with a spread gets a hidden class of its own (runner/shapes.ts).
        this.buffer[i++] = Object.assign({}, r, { [part]: [] }, withDiagnostics ? { diagnostics: [] } : {});
        yield { findings: r[part], diagnostics: withDiagnostics ? r.diagnostics : [] };
        continue;
      }
      if (this.done) {
        if (this.error) throw this.error;
        return;
      }
      await new Promise<void>((r) => this.wakers.push(r));
    }
  }
}

const shared = new WeakMap<object, Shared>();

/** Per-file results of the C analysis of a scan, for the detector reporting `part`; computed once, shared. */
export function analyzeC(
  files: readonly FileHead[],
  ctx: DetectContext,
  knowledge: CKnowledge,
  part: CResultPart,
): AsyncGenerator<CResultSlice> {
  let s = shared.get(ctx.files);
  if (!s) {
    const accepted = files.filter((f) => acceptsC(f, knowledge));
    s = new Shared(() => new Analysis(accepted, ctx, knowledge).run());
    shared.set(ctx.files, s);
  }
  return s.iterate(part);
}
