/**
 * Findings for build configuration: option definitions in configuration headers (state from their
 * `#if` context, `#undef` as a disable), Kconfig assignments, and misspelled options, which enable
 * nothing and are reported with the option they were probably meant to be.
 */
import type { AlgorithmFinding, AlgorithmRef } from '@pqready/core';
import { evaluate } from '../../c/expr.js';
import type { DefineFact, FileFacts } from '../../c/facts.js';
import type { KconfigEntry } from '../../c/kconfig.js';
import type { Scope } from '../../c/scope.js';
import type { RefPart } from '../c-crypto-api/tables/types.js';
import { KNOWN_OPTION_NAMES } from './known-options.js';
import { KNOWN_NON_ALGORITHM, OPTION_BY_NAME, OPTION_PREFIXES, OPTIONS, type OptionRow } from './table.js';

export const CONFIG_DETECTOR = 'c-crypto-config';

function toRef(p: RefPart): AlgorithmRef {
  const { family: _f, ...rest } = p;
  return rest as AlgorithmRef;
}

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
  candidates: readonly string[] = OPTIONS.map((o) => o.name),
): string | undefined {
  if (OPTION_BY_NAME.has(name) || KNOWN_NON_ALGORITHM.has(name) || KNOWN_OPTION_NAMES.has(name)) return undefined;
  if (!OPTION_PREFIXES.some((p) => name.startsWith(p))) return undefined;
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

interface Emit {
  readonly row: OptionRow;
  readonly value: string | undefined;
  readonly disable: boolean;
}

function rowAlgorithms(
  e: Emit,
  integer: (text: string) => number | undefined,
): { refs: AlgorithmRef[]; notes: string[] } {
  const { row, value } = e;
  if (row.byString && value !== undefined) {
    const v = value.replace(/^"|"$/g, '');
    const hit = row.byString[v] ?? row.byString[v.toUpperCase()];
    return hit
      ? { refs: [toRef(hit)], notes: [] }
      : { refs: [{ id: 'unknown', parameterSet: `${row.name}=${v}` }], notes: [`unexpected value ${v}`] };
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
 * `#undef X` directly re-defined in the same branch (`#undef HAVE_ECC` / `#define HAVE_ECC`, the shape
 * of wolfSSL's generated options.h) only silences a redefinition warning: it disables nothing.
 */
function redefinedLater(d: DefineFact, defines: readonly DefineFact[]): boolean {
  const key = d.branches.join(',');
  return defines.some((o) => o.name === d.name && !o.undef && o.index > d.index && o.branches.join(',') === key);
}

/**
 * Findings from the option definitions of one configuration header. `isKnownName` says a name is a
 * real option (tested by `#if` elsewhere in the scanned tree), so it is not reported as a misspelling.
 */
export function configHeaderFindings(
  facts: FileFacts,
  scope: Scope,
  path: string,
  isKnownName: (name: string) => boolean = () => false,
  library?: string,
): AlgorithmFinding[] {
  const out: AlgorithmFinding[] = [];
  // OpenSSL's OPENSSL_NO_* names are also set by other libraries' compatibility layers (wolfSSL's
  // options.h defines OPENSSL_NO_EC): they are OpenSSL configuration only in OpenSSL's own header.
  const applies = (row: OptionRow) => (row.library === 'OpenSSL') === (library === 'OpenSSL');
  const integer = (d: DefineFact) => (text: string) => {
    const v = evaluate(text, (n) => scope.macroAt(n, d.index), { undefinedIsZero: false });
    return v === undefined ? undefined : Number(v);
  };
  for (const d of facts.defines) {
    if (d.params) continue;
    const row = OPTION_BY_NAME.get(d.name);
    const evidence = { path, line: d.line, column: d.column, snippet: d.snippet };
    if (row && !applies(row)) continue;
    if (row) {
      const disable = d.undef === true ? row.effect === 'enable' : row.effect === 'disable';
      if (d.undef && row.effect === 'disable') continue;
      if (d.undef && redefinedLater(d, facts.defines)) continue;
      const { refs, notes } = rowAlgorithms({ row, value: d.undef ? undefined : d.body, disable }, integer(d));
      for (const algorithm of refs) {
        out.push({
          kind: 'algorithm',
          detector: CONFIG_DETECTOR,
          role: disable ? 'config-disable' : 'config-enable',
          algorithm,
          state: scope.stateOf(d),
          library: row.library,
          evidence,
          origin: 'explicit',
          ...(notes.length > 0 ? { notes } : {}),
          properties: { option: d.name },
        });
      }
      continue;
    }
    if (d.undef || isKnownName(d.name)) continue;
    const suggestion = suggestOption(d.name);
    if (!suggestion) continue;
    const meant = OPTION_BY_NAME.get(suggestion)!;
    out.push(typoFinding(d.name, meant, evidence));
  }
  return out;
}

function typoFinding(
  name: string,
  meant: OptionRow,
  evidence: { path: string; line: number; column: number; snippet: string },
): AlgorithmFinding {
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
export function cmakeFindings(entries: readonly KconfigEntry[], path: string): AlgorithmFinding[] {
  return kconfigFindings(
    entries
      .filter((e) => OPTION_BY_NAME.has(e.name))
      .map((e) => ({
        ...e,
        value: e.value === null || CMAKE_OFF.test(e.value) ? 'n' : CMAKE_ON.test(e.value) ? 'y' : e.value,
      })),
    path,
  );
}

/** Findings from a Kconfig file (`CONFIG_X=y`, `# CONFIG_X is not set`). */
export function kconfigFindings(entries: readonly KconfigEntry[], path: string): AlgorithmFinding[] {
  const out: AlgorithmFinding[] = [];
  const kconfigNames = OPTIONS.map((o) => (o.name.startsWith('CONFIG_') ? o.name : `CONFIG_${o.name}`));
  for (const e of entries) {
    const row = OPTION_BY_NAME.get(e.name) ?? OPTION_BY_NAME.get(e.name.slice('CONFIG_'.length));
    const evidence = { path, line: e.line, column: 1, snippet: e.snippet };
    if (!row) {
      if (e.value === null || e.value === 'n') continue;
      const s = suggestOption(e.name, kconfigNames);
      if (s) {
        const meant = OPTION_BY_NAME.get(s) ?? OPTION_BY_NAME.get(s.slice('CONFIG_'.length));
        if (meant) out.push(typoFinding(e.name, meant, evidence));
      }
      continue;
    }
    const off = e.value === null || e.value === 'n';
    if (off && row.effect === 'disable') continue;
    if (off && (row.value || row.byValue || row.byString)) continue;
    const disable = off ? row.effect === 'enable' : row.effect === 'disable';
    const value = e.value ?? undefined;
    const { refs, notes } = rowAlgorithms({ row, value, disable }, (t) => {
      const v = evaluate(t.replace(/^"|"$/g, ''), () => ({ state: 'unknown' }), { undefinedIsZero: false });
      return v === undefined ? undefined : Number(v);
    });
    for (const algorithm of refs) {
      out.push({
        kind: 'algorithm',
        detector: CONFIG_DETECTOR,
        role: disable ? 'config-disable' : 'config-enable',
        algorithm,
        state: 'active',
        library: row.library,
        evidence,
        origin: 'explicit',
        ...(notes.length > 0 ? { notes } : {}),
        properties: { option: e.name },
      });
    }
  }
  return out;
}
