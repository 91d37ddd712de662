/**
 * The C analysis pipeline shared by the c-crypto-* detectors: discover configuration (Kconfig,
 * configuration headers, `--define`), extract facts from headers then sources in the worker pool,
 * evaluate each file against its includes and the configuration, and stream per-file results.
 * Only per-file macro/constant tables of headers are kept across the scan; syntax trees never are.
 */
import { posix } from 'node:path';
import type { AlgorithmFinding, Diagnostic } from '@pqready/core';
import { ApiResolver } from '../detectors/c-crypto-api/resolve.js';
import { cryptoFunctions } from '../detectors/c-crypto-api/tables/index.js';
import { cmakeFindings, configHeaderFindings, kconfigFindings } from '../detectors/c-crypto-config/findings.js';
import {
  CONFIG_FILE_RULES,
  type ConfigFileRule,
  NOT_CONFIG_PATTERN,
  OPTIONS,
} from '../detectors/c-crypto-config/table.js';
import { implementationFindings } from '../detectors/c-crypto-implementation/findings.js';
import type { DetectContext, FileHead } from '../detectors/types.js';
import { parseCmakeSets } from './cmake.js';
import type { MacroValue } from './expr.js';
import type { FileFacts } from './facts.js';
import { IncludeResolver, isCHeader, isCmakeConfig, isCSource, isKconfig } from './files.js';
import { type KconfigEntry, kconfigMacroBody, parseKconfig } from './kconfig.js';
import { extractAll, type SourceText } from './pool.js';
import { type GlobalEnv, Scope } from './scope.js';
import { stringValue, tokenize } from './tokens.js';

export interface CFileResult {
  readonly path: string;
  readonly api: readonly AlgorithmFinding[];
  readonly config: readonly AlgorithmFinding[];
  readonly implementation: readonly AlgorithmFinding[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Files any of the C detectors take. */
export function acceptsC(file: Pick<FileHead, 'path'>): boolean {
  return isCSource(file.path) || isCHeader(file.path) || isKconfig(file.path) || isCmakeConfig(file.path);
}

const MAX_TU_HEADERS = 512;

interface IncludeEdge {
  readonly target: string;
  readonly path: string | undefined;
}
const READ_AHEAD = 32;
const IDENT = /[A-Za-z_]\w*/g;
const DIAG_DETECTOR = 'c-crypto-api';

function configRuleFor(path: string): ConfigFileRule | undefined {
  const base = posix.basename(path);
  if (NOT_CONFIG_PATTERN.test(base)) return undefined;
  return CONFIG_FILE_RULES.find(
    (r) =>
      r.basenames?.includes(base) ||
      r.suffixes?.some((s) => path === s || path.endsWith(`/${s}`)) ||
      r.pattern?.test(base),
  );
}

function cliMacros(defines: Readonly<Record<string, string>>): Map<string, MacroValue> {
  const m = new Map<string, MacroValue>();
  for (const [k, v] of Object.entries(defines)) m.set(k, { state: 'defined', body: v === '' ? '1' : v });
  return m;
}

class Analysis {
  private readonly headerFacts = new Map<string, FileFacts>();
  private readonly headerScopes = new Map<string, Scope>();
  private readonly resolver: IncludeResolver;
  private env: GlobalEnv = { macros: new Map(), isGoverned: () => false };
  private readonly configFiles = new Map<string, ConfigFileRule>();
  private readonly scanned = new Set<string>();

  constructor(
    private readonly files: readonly FileHead[],
    private readonly ctx: DetectContext,
  ) {
    this.resolver = new IncludeResolver(ctx.files.keys());
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

  private jobs(): number {
    const j = this.ctx.options.jobs;
    return Number.isFinite(j) && j > 0 ? Math.floor(j) : 1;
  }

  async *run(): AsyncGenerator<CFileResult> {
    const paths = [...new Set(this.files.map((f) => f.path))].sort();
    const kconfigs = paths.filter(isKconfig);
    const headers = paths.filter((p) => isCHeader(p));
    const sources = paths.filter((p) => isCSource(p));

    // Kconfig first: its values are macros for everything else.
    const kconfigEntries = new Map<string, { entries: readonly KconfigEntry[]; invalid: readonly number[] }>();
    for (const p of kconfigs) {
      const t = await this.read(p);
      if (!t) continue;
      const parsed = parseKconfig(t.text);
      kconfigEntries.set(p, { entries: parsed.entries, invalid: parsed.invalidLines });
    }

    for await (const facts of extractAll(this.texts(headers), this.jobs())) this.headerFacts.set(facts.path, facts);

    this.buildEnv(kconfigEntries);

    for (const [p, k] of kconfigEntries) {
      const diagnostics: Diagnostic[] = k.invalid.slice(0, 5).map((line) => ({
        severity: 'info',
        code: 'kconfig-invalid-line',
        message: 'Line is not a Kconfig assignment or comment and was ignored.',
        path: p,
        line,
        detector: 'c-crypto-config',
      }));
      yield { path: p, api: [], config: kconfigFindings(k.entries, p), implementation: [], diagnostics };
    }
    for (const p of paths.filter(isCmakeConfig)) {
      const t = await this.read(p);
      if (t)
        yield {
          path: p,
          api: [],
          config: cmakeFindings(parseCmakeSets(t.text), p),
          implementation: [],
          diagnostics: [],
        };
    }
    for (const h of headers) {
      const facts = this.headerFacts.get(h);
      if (!facts) continue;
      const result = this.resultFor(facts);
      // Keep only what other files need from a header: its macros, values, branches and includes.
      this.headerFacts.set(h, { ...facts, calls: [], constants: [], arrays: [], diagnostics: [] });
      this.headerScopes.delete(h);
      yield result;
    }
    const aliases = this.headerAliases();
    for await (const facts of extractAll(this.texts(sources), this.jobs(), aliases)) yield this.resultFor(facts);

    // Files reached only through #include (other extensions, e.g. generated tables).
    const extra = [...this.revealed].filter((p) => !this.scanned.has(p)).sort();
    this.revealed.clear();
    for await (const facts of extractAll(this.texts(extra), 1, aliases)) yield this.resultFor(facts);
  }

  private readonly revealed = new Set<string>();

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
    // Least fixpoint by a worklist over the reverse "named in the body of" relation.
    const users = new Map<string, string[]>();
    const aliases = new Set<string>();
    const work: string[] = [];
    for (const [name, ids] of bodies) {
      for (const id of ids) {
        if (cryptoFunctions.has(id)) {
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

  private buildEnv(kconfig: ReadonlyMap<string, { entries: readonly KconfigEntry[] }>): void {
    const macros = new Map<string, MacroValue>();
    for (const { entries } of kconfig.values()) {
      for (const e of entries) {
        const body = kconfigMacroBody(e.value);
        macros.set(e.name, body === undefined ? { state: 'undefined' } : { state: 'defined', body });
      }
    }
    const cli = cliMacros(this.ctx.options.defines);
    for (const [k, v] of cli) macros.set(k, v);

    // Configuration headers: by name, or selected by a selector macro (MBEDTLS_CONFIG_FILE …).
    for (const [p] of this.headerFacts) {
      const rule = configRuleFor(p);
      if (rule) this.configFiles.set(p, rule);
    }
    const selectorBodies = new Map<string, string[]>();
    for (const rule of CONFIG_FILE_RULES) for (const sel of rule.selectors ?? []) selectorBodies.set(sel, []);
    for (const f of this.headerFacts.values()) {
      for (const d of f.defines) selectorBodies.get(d.name)?.push(d.body);
    }
    for (const rule of CONFIG_FILE_RULES) {
      for (const sel of rule.selectors ?? []) {
        const bodies: string[] = [...(selectorBodies.get(sel) ?? [])];
        const g = macros.get(sel);
        if (g?.state === 'defined') bodies.push(g.body);
        for (const body of bodies) {
          const t = tokenize(body)[0];
          const target = t?.kind === 'string' ? stringValue(t.text) : body.replace(/^<|>$/g, '');
          const path = this.resolver.resolve('', target);
          if (path && this.headerFacts.has(path) && !NOT_CONFIG_PATTERN.test(posix.basename(path)))
            this.configFiles.set(path, rule);
        }
      }
    }
    const governedPrefixes = [...new Set([...this.configFiles.values()].flatMap((r) => r.governs))];
    const known = new Set(OPTIONS.map((o) => o.name));
    const isGoverned = (name: string) => known.has(name) && governedPrefixes.some((p) => name.startsWith(p));
    const env0: GlobalEnv = { macros: new Map(macros), isGoverned };
    for (const p of [...this.configFiles.keys()].sort()) {
      const facts = this.headerFacts.get(p)!;
      const scope = new Scope(facts, [], env0);
      const own = new Set<string>();
      this.contributed.set(p, own);
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
    this.env = { macros, isGoverned };
    this.noteTestedNames();
  }

  /** Per configuration file: the macros it put into the environment. */
  private readonly contributed = new Map<string, Set<string>>();
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

  /**
   * The environment a configuration file's own `#if`s see: without its own definitions, so the common
   * `#ifndef OPENSSL_NO_MD2` / `#define OPENSSL_NO_MD2` does not read its own result and turn dead.
   */
  private envWithoutOwn(path: string): GlobalEnv {
    const own = this.contributed.get(path);
    if (!own || own.size === 0) return this.env;
    const macros = new Map(this.env.macros);
    for (const n of own) macros.delete(n);
    return { macros, isGoverned: this.env.isGoverned };
  }

  private headerScope(path: string): Scope | undefined {
    const hit = this.headerScopes.get(path);
    if (hit) return hit;
    const facts = this.headerFacts.get(path);
    if (!facts) return undefined;
    const s = new Scope(facts, [], this.env);
    this.headerScopes.set(path, s);
    return s;
  }

  /** Resolved `#include`s of each header: fixed once the environment is, and shared by every unit including it. */
  private readonly headerEdges = new Map<string, readonly IncludeEdge[]>();

  /** The includes of one file in order: the target each names and the tree file it resolves to. */
  private edgesOf(from: string, facts: FileFacts, scope: () => Scope): IncludeEdge[] {
    const edges: IncludeEdge[] = [];
    for (const inc of facts.includes) {
      let target = inc.target;
      if (inc.form === 'macro') {
        const m = scope().macroAt(inc.target, inc.index);
        if (m.state !== 'defined') continue;
        const t = tokenize(m.body)[0];
        if (!t) continue;
        target = t.kind === 'string' ? stringValue(t.text) : m.body.replace(/^<|>$/g, '').trim();
      }
      edges.push({ target, path: this.resolver.resolve(from, target) });
    }
    return edges;
  }

  /** Headers of a translation unit (transitively, breadth-first, from the scanned tree). */
  private includesOf(facts: FileFacts): { scopes: Scope[]; targets: string[] } {
    const scopes: Scope[] = [];
    const targets: string[] = [];
    const seen = new Set<string>([facts.path]);
    let own: Scope | undefined;
    const queue: (readonly IncludeEdge[])[] = [
      this.edgesOf(facts.path, facts, () => {
        own ??= new Scope(facts, [], this.env);
        return own;
      }),
    ];
    for (let q = 0; q < queue.length && scopes.length < MAX_TU_HEADERS; q++) {
      for (const { target, path } of queue[q]!) {
        targets.push(target);
        if (!path || seen.has(path)) continue;
        seen.add(path);
        const hs = this.headerScope(path);
        if (hs) {
          scopes.push(hs);
          let edges = this.headerEdges.get(path);
          if (!edges) {
            edges = this.edgesOf(path, hs.facts, () => hs);
            this.headerEdges.set(path, edges);
          }
          queue.push(edges);
        } else if (!isCSource(path) && !this.scanned.has(path)) {
          this.revealed.add(path);
        }
      }
    }
    return { scopes, targets };
  }

  private resultFor(facts: FileFacts): CFileResult {
    const path = facts.path;
    // The C grammar is expected to stumble on C++ (templates, classes): no syntax notes there.
    const cpp = /\.(cc|cpp|cxx|c\+\+|hh|hpp|hxx|h\+\+|ipp)$/i.test(path);
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
      const { scopes, targets } = this.includesOf(facts);
      const scope = new Scope(facts, scopes, this.env);
      const api = new ApiResolver({ scope, includeTargets: targets }).findings(facts.calls, path);
      const implementation = implementationFindings(facts, scope, path);
      const config = this.configFiles.has(path)
        ? configHeaderFindings(
            facts,
            new Scope(facts, scopes, this.envWithoutOwn(path)),
            path,
            (name) => {
              const t = this.tested.get(name);
              return t !== undefined && t !== path;
            },
            this.configFiles.get(path)?.library,
          )
        : [];
      return { path, api, config, implementation, diagnostics };
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
}

/** Runs the C analysis once per scan and replays it to every C detector that asks. */
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

  async *iterate(): AsyncGenerator<CFileResult> {
    this.start();
    let i = 0;
    for (;;) {
      if (i < this.buffer.length) {
        yield this.buffer[i++]!;
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

/** Per-file results of the C analysis of a scan; computed once, shared by the C detectors. */
export function analyzeC(files: readonly FileHead[], ctx: DetectContext): AsyncGenerator<CFileResult> {
  let s = shared.get(ctx.files);
  if (!s) {
    const accepted = files.filter(acceptsC);
    s = new Shared(() => new Analysis(accepted, ctx).run());
    shared.set(ctx.files, s);
  }
  return s.iterate();
}
