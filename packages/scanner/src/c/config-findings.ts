/**
 * Findings for build configuration: option definitions in configuration headers (state from their
 * `#if` context; `#undef` as a disable; a commented-out `//#define` as an inactive option), Kconfig and
 * CMake assignments, `-D` flags of build files, and misspelled options, which enable nothing and are
 * reported with the option they were probably meant to be.
 */
import type { ActivityState, AlgorithmFinding, AlgorithmRef, Diagnostic, Evidence } from '@pqready/core';
import { evaluate } from './expr.js';
import type { CommentedDefineFact, DefineFact, FileFacts } from './facts.js';
import type { KconfigEntry } from './kconfig.js';
import type { OptionKnowledge, OptionRow, RefPart } from './knowledge.js';
import { type Scope, unlessDefined } from './scope.js';
import { stringValue, tokenize } from './tokens.js';

export const CONFIG_DETECTOR = 'c-crypto-config';

function toRef(p: RefPart): AlgorithmRef {
  const { family: _f, ...rest } = p;
  return rest as AlgorithmRef;
}

/**
 * Options a misspelling can be reported as meaning: C macros that enable or disable fixed algorithms
 * (not the generic make variables of a project, nor options whose algorithms come from their value).
 */
function typoCandidates(options: OptionKnowledge): readonly OptionRow[] {
  let list = typoCache.get(options);
  if (!list) {
    list = options.all.filter((o) => !o.makeVariable && o.algorithms.length > 0);
    typoCache.set(options, list);
  }
  return list;
}

const typoCache = new WeakMap<OptionKnowledge, readonly OptionRow[]>();

/** Levenshtein distance with an upper bound (returns bound + 1 when exceeded). */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known option a misspelled name most likely meant, if any. */
export function suggestOption(
  name: string,
  options: OptionKnowledge,
  candidates?: readonly string[],
): string | undefined {
  if (candidates) return closestOption(name, options, candidates);
  // Against the catalogue's options the answer depends on the name alone, and a tree's headers define the same
  // names in many files (and are read once per configuration): each name is compared with the options once.
  let byName = suggestions.get(options);
  if (!byName) {
    byName = new Map();
    suggestions.set(options, byName);
  }
  if (byName.has(name)) return byName.get(name);
  const suggestion = closestOption(
    name,
    options,
    typoCandidates(options).map((o) => o.name),
  );
  if (byName.size >= MAX_REMEMBERED_SUGGESTIONS) byName.clear();
  byName.set(name, suggestion);
  return suggestion;
}

const suggestions = new WeakMap<OptionKnowledge, Map<string, string | undefined>>();
/** Names whose suggestion is remembered (a bound for trees with very many macro names). */
const MAX_REMEMBERED_SUGGESTIONS = 50_000;

function closestOption(name: string, options: OptionKnowledge, candidates: readonly string[]): string | undefined {
  if (options.byName.has(name) || options.isKnownName(name)) return undefined;
  if (!options.prefixes.some((p) => name.startsWith(p))) return undefined;
  // An include guard (`#define MBEDTLS_CTR_DRBG_H`) is one letter from an option, and no misspelling.
  if (/_H_?$/.test(name)) return undefined;
  // A name made only of words real options use (`NO_CMAC` next to `NO_HMAC`) is an option we do not
  // know rather than a typo, which leaves a word nobody uses (`MBEDTLS_SHA1_CC`).
  if (name.split('_').every((w) => options.vocabulary.has(w))) return undefined;
  const bound = name.length >= 10 ? 2 : 1;
  let best: string | undefined;
  let bestD = bound + 1;
  for (const c of candidates) {
    const d = editDistance(name, c, bound);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= bound ? best : undefined;
}

/** Algorithms one option value selects; `off` when the value turns the option off (`offStrings`). */
export function optionAlgorithms(
  row: OptionRow,
  value: string | undefined,
  integer: (text: string) => number | undefined,
  suites: (text: string) => AlgorithmRef[],
): { refs: AlgorithmRef[]; notes: string[]; off?: boolean } {
  if (row.suites) {
    const refs = value === undefined ? [] : suites(value);
    return refs.length > 0
      ? { refs, notes: [] }
      : { refs: [{ id: 'unknown', parameterSet: `${row.name}=${value ?? ''}` }], notes: ['suite list not recognised'] };
  }
  if (row.byString && value !== undefined) {
    const v = value.replace(/^"|"$/g, '');
    if (row.offStrings?.some((o) => o.toLowerCase() === v.toLowerCase()))
      return { refs: row.algorithms.map(toRef), notes: [], off: true };
    const hit = row.byString[v] ?? row.byString[v.toUpperCase()] ?? row.byString[v.toLowerCase()];
    if (hit) return { refs: (Array.isArray(hit) ? (hit as RefPart[]) : [hit as RefPart]).map(toRef), notes: [] };
    return { refs: [{ id: 'unknown', parameterSet: `${row.name}=${v}` }], notes: [`unexpected value ${v}`] };
  }
  if (row.value === 'parameterSet') {
    const v = value?.replace(/^"|"$/g, '').trim();
    const base = toRef(row.algorithms[0]!);
    return { refs: [v ? { ...base, parameterSet: v } : base], notes: [] };
  }
  if (row.value === 'keyBits' || row.byValue) {
    const n = value === undefined ? undefined : integer(value);
    const base = toRef(row.algorithms[0]!);
    if (n === undefined)
      return { refs: [{ ...base, unresolved: { [row.value ?? 'parameterSet']: value ?? '' } }], notes: [] };
    if (row.value === 'keyBits') return { refs: [{ ...base, keyBits: n }], notes: [] };
    const hit = row.byValue?.[String(n)];
    return hit
      ? { refs: [toRef(hit)], notes: [] }
      : { refs: [{ id: 'unknown', parameterSet: `${row.name}=${value}` }], notes: [`unexpected value ${value}`] };
  }
  return { refs: row.algorithms.map(toRef), notes: [] };
}

/**
 * `#undef X` directly followed by a (re)definition of X (`#undef HAVE_ECC` / `#if 1` / `#define HAVE_ECC`,
 * the clear-before-set idiom of wolfSSL user settings and options.h) only silences a redefinition: it
 * disables nothing. "Directly" means the next directive about X in the file, whatever branch it is in.
 */
function clearsBeforeSet(d: DefineFact, defines: readonly DefineFact[]): boolean {
  const next = defines.find((o) => o.name === d.name && o.index > d.index);
  return next !== undefined && !next.undef;
}

/** Suite lists of a configuration value (`MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, …`), deduplicated. */
export function suitesOf(
  value: string,
  suiteAlgorithms: (name: string) => AlgorithmRef[] | undefined,
  listTokens: (text: string) => string[],
): AlgorithmRef[] {
  const toks = tokenize(value);
  const items =
    toks.length > 0 && toks.every((t) => t.kind === 'string')
      ? listTokens(toks.map((t) => stringValue(t.text)).join(''))
      : toks.filter((t) => t.kind === 'ident').map((t) => t.text);
  const seen = new Set<string>();
  const out: AlgorithmRef[] = [];
  for (const item of items) {
    for (const a of suiteAlgorithms(item) ?? []) {
      const k = JSON.stringify(a);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(a);
    }
  }
  return out;
}

interface ConfigHeaderContext {
  readonly options: OptionKnowledge;
  readonly scope: Scope;
  readonly path: string;
  /** The file is a configuration of this library (rule, selector or content); undefined: only selector options count. */
  readonly library: string | undefined;
  /** A name is a real option (tested by `#if` elsewhere in the tree), so it is not reported as a misspelling. */
  readonly isKnownName: (name: string) => boolean;
  readonly suites: (value: string) => AlgorithmRef[];
}

/**
 * Whether a definition of a selector option in a file that is not a configuration counts: an
 * overridable default (`#ifndef X` / `#define X v`) or a setting followed by the `#include` of a
 * source file (a unit that configures a library and then includes its source).
 */
function selectorSetting(d: DefineFact, facts: FileFacts): boolean {
  const guard = d.branches
    .map((i) => facts.branches[i]!)
    .find((b) => {
      const last = b.terms[b.terms.length - 1];
      return last?.negate === true && last.expr === `defined(${d.name})` && !b.guard;
    });
  if (guard) return true;
  // Set, then the library's source included (a monolithic build); an API header after it is not a build.
  return facts.includes.some((inc) => inc.index > d.index && /\.(?:c|cc|cpp|inc)$/i.test(inc.target));
}

/** A plain switch: its value is no parameter (key bits, parameter set, suite list, named value). */
const plainSwitch = (row: OptionRow) =>
  !row.suites && !row.byString && !row.byValue && row.value === undefined && row.selector !== true;

/**
 * A switch set from other options (`#define DROPBEAR_SHA1 (DROPBEAR_RSA_SHA1 || DROPBEAR_DSS)`,
 * `#define LIBSSH2_MD5_PEM LIBSSH2_MD5`): derived, not chosen, so not an option row of its own.
 */
function derivedSetting(row: OptionRow, body: string, options: OptionKnowledge): boolean {
  if (!plainSwitch(row)) return false;
  const prefixes = options.fileRules.find((r) => r.library === row.library)?.governs ?? [];
  return (body.match(/[A-Za-z_]\w*/g) ?? []).some(
    (id) =>
      id !== 'defined' &&
      id !== row.name &&
      (options.byName.has(id) || options.isKnownName(id) || prefixes.some((p) => id.startsWith(p))),
  );
}

/** A switch of a library that tests its options by value (`#if LIBSSH2_3DES`), defined to 0: off. */
function zeroSwitch(
  row: OptionRow,
  body: string,
  options: OptionKnowledge,
  integer: (text: string) => number | undefined,
): boolean {
  if (!plainSwitch(row) || body.trim() === '') return false;
  if (!options.fileRules.some((r) => r.library === row.library && r.zeroDisables)) return false;
  return integer(body) === 0;
}

/** One algorithm an option enables or disables, as a finding at its evidence. */
export function optionFinding(
  row: OptionRow,
  algorithm: AlgorithmRef,
  disable: boolean,
  state: ActivityState,
  evidence: Evidence,
  notes: readonly string[],
  properties: Readonly<Record<string, string>>,
): AlgorithmFinding {
  return {
    kind: 'algorithm',
    detector: CONFIG_DETECTOR,
    role: disable ? 'config-disable' : 'config-enable',
    algorithm,
    state,
    library: row.library,
    evidence,
    origin: 'explicit',
    ...(notes.length > 0 ? { notes: [...notes] } : {}),
    properties: { ...properties },
  };
}

export function configHeaderFindings(
  facts: FileFacts,
  c: ConfigHeaderContext,
): { findings: AlgorithmFinding[]; diagnostics: Diagnostic[] } {
  const { options, scope, path, library } = c;
  const out: AlgorithmFinding[] = [];
  const diagnostics: Diagnostic[] = [];
  const isConfig = library !== undefined;
  // OpenSSL's OPENSSL_NO_* names are also set by other libraries' compatibility layers (wolfSSL's
  // options.h defines OPENSSL_NO_EC): they are OpenSSL configuration only in OpenSSL's own header.
  const applies = (row: OptionRow) => (row.library === 'OpenSSL') === (library === 'OpenSSL');
  const integer = (at: number) => (text: string) => {
    const v = evaluate(text, (n) => scope.macroAt(n, at), { undefinedIsZero: false });
    return v === undefined ? undefined : Number(v);
  };
  const counted = (row: OptionRow, d: DefineFact) => isConfig || (row.selector === true && selectorSetting(d, facts));

  for (const d of facts.defines) {
    if (d.params) continue;
    const row = macroRow(d.name, options);
    const evidence: Evidence = { path, line: d.line, column: d.column, snippet: d.snippet };
    if (row && !applies(row)) continue;
    if (row && !counted(row, d)) continue;
    if (row) {
      if (d.undef && (row.effect === 'disable' || clearsBeforeSet(d, facts.defines))) continue;
      if (!d.undef && derivedSetting(row, d.body, options)) continue;
      const zero = !d.undef && zeroSwitch(row, d.body, options, integer(d.index));
      const disable = (d.undef === true || zero) === (row.effect === 'enable');
      const state = scope.stateOf(d);
      const { refs, notes } = optionAlgorithms(row, d.undef ? undefined : d.body, integer(d.index), c.suites);
      const assumed = state === 'active' ? scope.assumptionsOf(d) : [];
      if (assumed.length > 0) notes.push(unlessDefined(assumed));
      for (const algorithm of refs)
        out.push(optionFinding(row, algorithm, disable, state, evidence, notes, { option: d.name }));
      continue;
    }
    if (!isConfig || d.undef) continue;
    if (
      options.testOnly.test(d.name) &&
      options.prefixes.some((p) => d.name.startsWith(p)) &&
      scope.stateOf(d) !== 'inactive'
    ) {
      diagnostics.push({
        severity: 'warning',
        code: 'c-config-test-only-option',
        message: `${d.name} is a test-only option (its name says it must not ship) and is enabled in this configuration.`,
        path,
        line: d.line,
        detector: CONFIG_DETECTOR,
      });
      continue;
    }
    if (c.isKnownName(d.name)) continue;
    const suggestion = suggestOption(d.name, options);
    if (!suggestion) continue;
    out.push(typoFinding(d.name, options.byName.get(suggestion)!, evidence));
  }

  if (isConfig) for (const d of facts.commentedDefines) out.push(...commentedFindings(d, c, applies));
  out.sort((a, b) => (a.evidence.line ?? 0) - (b.evidence.line ?? 0));
  return { findings: out, diagnostics };
}

/** A commented-out option: what it would enable or disable, inactive. */
function commentedFindings(
  d: CommentedDefineFact,
  c: ConfigHeaderContext,
  applies: (row: OptionRow) => boolean,
): AlgorithmFinding[] {
  const row = macroRow(d.name, c.options);
  if (!row || !applies(row)) return [];
  const { refs } = optionAlgorithms(row, d.body || undefined, () => undefined, c.suites);
  const evidence = { path: c.path, line: d.line, column: d.column, snippet: d.snippet };
  return refs.map((algorithm) =>
    optionFinding(row, algorithm, row.effect === 'disable', 'inactive', evidence, ['commented out'], {
      option: d.name,
    }),
  );
}

function typoFinding(name: string, meant: OptionRow, evidence: Evidence): AlgorithmFinding {
  return {
    kind: 'algorithm',
    detector: CONFIG_DETECTOR,
    role: meant.effect === 'disable' ? 'config-disable' : 'config-enable',
    algorithm: toRef(meant.algorithms[0]!),
    state: 'inactive',
    library: meant.library,
    evidence,
    notes: [`unknown option ${name}, did you mean ${meant.name}? As written it enables nothing`],
    properties: { option: name, suggestion: meant.name },
  };
}

const CMAKE_OFF = /^(off|false|no|n|0|ignore|notfound)$/i;
const CMAKE_ON = /^(on|true|yes|y|1)$/i;

/** Findings from CMake `set(NAME VALUE)` options (TF-M): booleans ON/OFF, strings and numbers. */
export function cmakeFindings(
  entries: readonly KconfigEntry[],
  path: string,
  options: OptionKnowledge,
): AlgorithmFinding[] {
  return kconfigFindings(
    entries
      .filter((e) => options.byName.has(e.name))
      .map((e) => ({
        ...e,
        value: e.value === null || CMAKE_OFF.test(e.value) ? 'n' : CMAKE_ON.test(e.value) ? 'y' : e.value,
      })),
    path,
    options,
  );
}

/** The option row of a C macro (a project's make variables of the same name are not macros). */
export function macroRow(name: string, options: OptionKnowledge): OptionRow | undefined {
  const row = options.byName.get(name);
  return row?.makeVariable ? undefined : row;
}

/** The option row of a Kconfig symbol (`CONFIG_X`, sysbuild `SB_CONFIG_X`, or the C macro it drives). */
export function kconfigRow(name: string, options: OptionKnowledge): OptionRow | undefined {
  const bare = name.startsWith('SB_CONFIG_') ? name.slice(3) : name;
  const row = options.byName.get(bare) ?? options.byName.get(bare.slice('CONFIG_'.length));
  return row?.makeVariable ? undefined : row;
}

/** Findings from a Kconfig file (`CONFIG_X=y`, `# CONFIG_X is not set`, a commented-out `#CONFIG_X=y`). */
export function kconfigFindings(
  entries: readonly KconfigEntry[],
  path: string,
  options: OptionKnowledge,
): AlgorithmFinding[] {
  const out: AlgorithmFinding[] = [];
  let kconfigNames: string[] | undefined;
  for (const e of entries) {
    const row = kconfigRow(e.name, options);
    const evidence = { path, line: e.line, column: 1, snippet: e.snippet };
    if (!row) {
      if (e.value === null || e.value === 'n' || e.commented) continue;
      kconfigNames ??= typoCandidates(options).map((o) => (o.name.startsWith('CONFIG_') ? o.name : `CONFIG_${o.name}`));
      const s = suggestOption(e.name.replace(/^SB_/, ''), options, kconfigNames);
      if (s) {
        const meant = options.byName.get(s) ?? options.byName.get(s.slice('CONFIG_'.length));
        if (meant) out.push(typoFinding(e.name, meant, evidence));
      }
      continue;
    }
    const off = e.value === null || e.value === 'n';
    if (off && row.effect === 'disable') continue;
    if (off && (row.value || row.byValue || row.byString)) continue;
    const disable = off ? row.effect === 'enable' : row.effect === 'disable';
    const value = e.value ?? undefined;
    const { refs, notes } = optionAlgorithms(
      row,
      value,
      (t) => {
        const v = evaluate(t.replace(/^"|"$/g, ''), () => ({ state: 'unknown' }), { undefinedIsZero: false });
        return v === undefined ? undefined : Number(v);
      },
      () => [],
    );
    for (const algorithm of refs)
      out.push(
        optionFinding(
          row,
          algorithm,
          disable,
          e.commented ? 'inactive' : 'active',
          evidence,
          e.commented ? ['commented out', ...notes] : notes,
          { option: e.name },
        ),
      );
  }
  return out;
}
