/**
 * Which files configure a library, and which configuration a build selects. A header is a
 * configuration by its name (rules), because a selector macro names it (`MBEDTLS_CONFIG_FILE`), or by
 * its content: mostly definitions (or commented-out definitions) of one library's options that are not
 * derived from other options. Several configurations of one library are separate scopes: the one the
 * build selects (`--config-file`, a selector, the library's default file, or the only one) applies to
 * units that do not include a configuration themselves; the others are alternatives.
 */
import { posix } from 'node:path';
import type { AlgorithmFinding } from '@pqready/core';
import type { BuildDefine } from './build-flags.js';
import { macroRow, optionAlgorithms, optionFinding } from './config-findings.js';
import type { FileFacts } from './facts.js';
import type { IncludeResolver } from './files.js';
import type { ConfigFileRule, OptionKnowledge } from './knowledge.js';
import { stringValue, tokenize } from './tokens.js';

export interface ConfigFile {
  readonly path: string;
  readonly library: string;
  readonly governs: readonly string[];
  /** Non-table names of this shape are options too (so undefined when the configuration does not set them). */
  readonly optionShape?: RegExp;
  /** A library's default file (`mbedtls_config.h`, `psa/crypto_config.h`): what its build includes unless told otherwise. */
  readonly isDefault: boolean;
  selected: boolean;
  reason: 'name' | 'content' | 'selector' | 'requested' | 'only' | 'default' | 'included';
  /** The configuration of the same library that includes this one: they are one configuration. */
  partOf?: string;
}

export interface Governing {
  readonly prefixes: readonly string[];
  readonly optionShape?: RegExp;
}

export interface Selection {
  readonly configs: Map<string, ConfigFile>;
  /** Per library: its configurations when none is selected. */
  readonly alternatives: Map<string, ConfigFile[]>;
  readonly governing: readonly Governing[];
  readonly notes?: readonly string[];
}

const MIN_CONTENT_OPTIONS = 3;

function ruleFor(
  path: string,
  rules: readonly ConfigFileRule[],
): { rule: ConfigFileRule; isDefault: boolean } | undefined {
  const base = posix.basename(path);
  for (const r of rules) {
    if (r.basenames?.includes(base) || r.suffixes?.some((s) => path === s || path.endsWith(`/${s}`)))
      return { rule: r, isDefault: true };
  }
  for (const r of rules) if (r.pattern?.test(base)) return { rule: r, isDefault: false };
  return undefined;
}

function configOf(
  path: string,
  library: string,
  rules: readonly ConfigFileRule[],
  reason: ConfigFile['reason'],
  isDefault: boolean,
  optionCount?: number,
): ConfigFile {
  const rule = rules.find((r) => r.library === library);
  // A file that sets almost none of its library's options (a port's stub `mcuboot_config.h`; the
  // build passes the options as -D flags) does not decide the names it leaves out.
  const complete = optionCount === undefined || optionCount >= MIN_CONTENT_OPTIONS;
  return {
    path,
    library,
    governs: complete ? (rule?.governs ?? []) : [],
    ...(rule?.optionShape && complete ? { optionShape: rule.optionShape } : {}),
    isDefault,
    selected: false,
    reason,
  };
}

/** Per library: option definitions (live or commented out) a header makes, own or derived from other options. */
function optionCounts(
  facts: FileFacts,
  options: OptionKnowledge,
  isDefined: (name: string) => boolean = () => true,
): Map<string, { own: number; derived: number }> {
  const counts = new Map<string, { own: number; derived: number }>();
  const byPrefix = (name: string) => options.fileRules.find((r) => r.governs.some((p) => name.startsWith(p)))?.library;
  // An option is a table row, or a real option name of a library (its prefix says which).
  const libraryOf = (name: string): string | undefined =>
    macroRow(name, options)?.library ??
    (options.isKnownName(name) ? byPrefix(name) : options.fileRules.find((r) => r.optionShape?.test(name))?.library);
  const prefixesOf = (library: string) => options.fileRules.find((r) => r.library === library)?.governs ?? [];
  // Two libraries are related when their configurations share a prefix (mbedTLS and PSA Crypto's MBEDTLS_).
  const related = (a: string, b: string) => a === b || prefixesOf(a).some((p) => prefixesOf(b).includes(p));
  // A condition on a switch nothing in the tree defines (`#ifndef LIBSSH2_MD5_ENABLE`) is the user's
  // override of a default, not a derivation from another option.
  const derivedFrom = (expr: string, library: string, defined: (id: string) => boolean = () => true) =>
    (expr.match(/[A-Za-z_]\w*/g) ?? []).some((id) => {
      if (id.startsWith('CONFIG_') || !defined(id)) return false;
      const lib = libraryOf(id) ?? byPrefix(id);
      return lib !== undefined && related(lib, library);
    });
  const seen = new Set<string>();
  const count = (name: string, branches: readonly number[], body = '') => {
    // Distinct names: a header setting one option three times (a multi-level API header) sets one option.
    if (seen.has(name)) return;
    seen.add(name);
    const library = libraryOf(name);
    if (!library) return;
    // A library header's default (`#if !defined(X) / #define X 48`) is no configuration's choice.
    if (branches.some((i) => facts.branches[i]?.defaultFor === name)) return;
    const c = counts.get(library) ?? { own: 0, derived: 0 };
    // Derived: set because another option of the same library is (config_adjust_*.h), or to an expression
    // of the library's other options (`#define DROPBEAR_SHA1 (DROPBEAR_DSS || …)`), not chosen.
    const row = options.byName.get(name);
    const plain = !row || (!row.suites && !row.byString && !row.byValue && row.value === undefined);
    const derived =
      (plain && derivedFrom(body.replace(new RegExp(`\\b${name}\\b`, 'g'), ''), library)) ||
      branches.some((i) => {
        const b = facts.branches[i];
        return (
          b !== undefined &&
          !b.guard &&
          b.defaultFor === undefined &&
          b.terms.some((t) => derivedFrom(t.expr, library, isDefined))
        );
      });
    if (derived) c.derived++;
    else c.own++;
    counts.set(library, c);
  };
  for (const d of facts.defines) if (!d.undef && !d.params) count(d.name, d.branches, d.body);
  for (const d of facts.commentedDefines) count(d.name, d.branches);
  return counts;
}

/**
 * The library a header configures by content: the library with the most option definitions (live or
 * commented out) that no enclosing condition derives from another option of that library, when there
 * are enough of them.
 */
export function contentLibrary(
  facts: FileFacts,
  options: OptionKnowledge,
  isDefined?: (name: string) => boolean,
): string | undefined {
  let best: string | undefined;
  let bestOwn = 0;
  for (const [lib, c] of optionCounts(facts, options, isDefined)) {
    if (c.own < MIN_CONTENT_OPTIONS || c.own < c.derived) continue;
    if (c.own > bestOwn) {
      best = lib;
      bestOwn = c.own;
    }
  }
  return best;
}

export function discoverConfigs(
  headers: ReadonlyMap<string, FileFacts>,
  options: OptionKnowledge,
  _resolver: IncludeResolver,
  isDefined?: (name: string) => boolean,
): Map<string, ConfigFile> {
  const out = new Map<string, ConfigFile>();
  for (const [path, facts] of headers) {
    if (options.notConfig.test(posix.basename(path))) continue;
    const byName = ruleFor(path, options.fileRules);
    if (byName) {
      const c = optionCounts(facts, options, isDefined).get(byName.rule.library);
      const n = (c?.own ?? 0) + (c?.derived ?? 0);
      out.set(path, configOf(path, byName.rule.library, options.fileRules, 'name', byName.isDefault, n));
      continue;
    }
    const lib = contentLibrary(facts, options, isDefined);
    if (lib) out.set(path, configOf(path, lib, options.fileRules, 'content', false));
  }
  return out;
}

function selectorTarget(body: string): string {
  const t = tokenize(body)[0];
  return t?.kind === 'string' ? stringValue(t.text) : body.replace(/^<|>$/g, '').trim();
}

export function selectConfigs(
  configs: Map<string, ConfigFile>,
  input: {
    readonly selectorValues: ReadonlyMap<string, readonly string[]>;
    readonly requested: readonly string[];
    readonly resolver: IncludeResolver;
    readonly headerFacts: ReadonlyMap<string, FileFacts>;
  },
  options?: OptionKnowledge,
): Selection {
  const notes: string[] = [];
  const rules = options?.fileRules ?? [];
  const select = (path: string, reason: ConfigFile['reason'], library?: string) => {
    let cf = configs.get(path);
    if (!cf && library) {
      cf = configOf(path, library, rules, reason, false);
      configs.set(path, cf);
    }
    if (!cf) return false;
    cf.selected = true;
    cf.reason = reason;
    return true;
  };
  for (const want of input.requested) {
    const clean = posix.normalize(want.replace(/\\/g, '/')).replace(/^\.\//, '');
    const hit = [...input.headerFacts.keys()].find(
      (p) => p === clean || p.endsWith(`/${clean}`) || clean.endsWith(`/${p}`),
    );
    const lib = hit
      ? (configs.get(hit)?.library ?? (options ? contentLibrary(input.headerFacts.get(hit)!, options) : undefined))
      : undefined;
    if (!hit || !select(hit, 'requested', lib ?? 'unknown'))
      notes.push(`--config-file ${want} is not a header of the scanned tree`);
  }
  for (const rule of rules) {
    for (const sel of rule.selectors ?? []) {
      for (const body of input.selectorValues.get(sel) ?? []) {
        const path = input.resolver.resolve('', selectorTarget(body));
        if (path && input.headerFacts.has(path) && !options?.notConfig.test(posix.basename(path)))
          select(path, 'selector', rule.library);
      }
    }
  }
  const byLib = new Map<string, ConfigFile[]>();
  for (const cf of configs.values()) {
    const list = byLib.get(cf.library) ?? [];
    list.push(cf);
    byLib.set(cf.library, list);
  }
  const alternatives = new Map<string, ConfigFile[]>();
  for (const [lib, all] of byLib) {
    const list = withoutIncluded(all, input.resolver, input.headerFacts);
    if (list.some((c) => c.selected)) continue;
    if (list.length === 1) {
      list[0]!.selected = true;
      list[0]!.reason = 'only';
      continue;
    }
    const defaults = list.filter((c) => c.isDefault);
    if (defaults.length === 1) {
      defaults[0]!.selected = true;
      defaults[0]!.reason = 'default';
      continue;
    }
    alternatives.set(
      lib,
      list.sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
  }
  // A configuration another one includes is part of it: selected with it.
  for (const cf of configs.values()) {
    const owner = cf.partOf ? configs.get(cf.partOf) : undefined;
    if (owner?.selected && !cf.selected) {
      cf.selected = true;
      cf.reason = 'included';
    }
  }
  const governing: Governing[] = [];
  for (const cf of configs.values())
    if (cf.selected)
      governing.push({ prefixes: cf.governs, ...(cf.optionShape ? { optionShape: cf.optionShape } : {}) });
  return { configs, alternatives, governing, notes };
}

/**
 * The configurations of one library that no other of them includes (libssh2's backend headers each
 * include crypto_config.h; LibTomCrypt's custom header includes the project options that set more of
 * its options): an included one is marked part of its includer and is no alternative of its own.
 */
function withoutIncluded(
  list: readonly ConfigFile[],
  resolver: IncludeResolver,
  headerFacts: ReadonlyMap<string, FileFacts>,
): ConfigFile[] {
  if (list.length < 2) return [...list];
  const paths = new Set(list.map((c) => c.path));
  const byPath = new Map(list.map((c) => [c.path, c]));
  for (const cf of list) {
    const seen = new Set<string>([cf.path]);
    const queue = [cf.path];
    while (queue.length > 0 && seen.size < 256) {
      const from = queue.shift()!;
      for (const inc of headerFacts.get(from)?.includes ?? []) {
        if (inc.form === 'macro') continue;
        const to = resolver.resolve(from, inc.target);
        if (!to || seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
        const other = byPath.get(to);
        if (other && paths.has(to) && other.partOf === undefined && other !== cf) other.partOf = cf.path;
      }
    }
  }
  // Mutual inclusion makes neither part of the other.
  for (const cf of list) if (cf.partOf && byPath.get(cf.partOf)?.partOf === cf.path) cf.partOf = undefined;
  return list.filter((c) => c.partOf === undefined);
}

/** Config findings for `-D` flags of known options in build files (per file), and selector uses. */
export function buildFlagFindings(
  defines: readonly BuildDefine[],
  options: OptionKnowledge,
): Map<string, AlgorithmFinding[]> {
  const out = new Map<string, AlgorithmFinding[]>();
  for (const d of defines) {
    const row = macroRow(d.name, options);
    if (!row) continue;
    // A value make fills in at build time (`-DML_DSA_LEVEL=$(ML_DSA_LEVEL)`) says nothing on its own.
    if ((row.value || row.byValue || row.byString) && /\$[({]/.test(d.value)) continue;
    const integer = (t: string) => {
      const n = Number(t.replace(/[uUlL]+$/, ''));
      return Number.isFinite(n) ? n : undefined;
    };
    const { refs, notes } = optionAlgorithms(row, d.value, integer, () => []);
    const list = out.get(d.path) ?? [];
    for (const algorithm of refs)
      list.push(
        optionFinding(
          row,
          algorithm,
          row.effect === 'disable',
          d.scope === 'conditional' ? 'conditional' : 'active',
          { path: d.path, line: d.line, column: 1, snippet: d.snippet },
          notes,
          {
            option: d.name,
            ...(d.scope === 'target' ? { scope: 'one build target (recipe line)' } : {}),
            ...(d.file ? { file: d.file } : {}),
          },
        ),
      );
    out.set(d.path, list);
  }
  return out;
}
