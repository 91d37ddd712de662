/**
 * Make variables that choose a project's algorithms: wolfBoot's example configurations
 * (config/examples/*.config, make fragments: `SIGN?=ECC256`, `HASH=SHA256`, `ENCRYPT_WITH_AES256=1`,
 * `# ML_DSA_LEVEL=3`) and TF-A's make_helpers/defaults.mk (`KEY_ALG := rsa`, `HASH_ALG := sha256`).
 * A variable counts only for a project whose own build variables the tree sets (ProjectMarker), since
 * these names are generic. Conditionals are evaluated where the file itself decides them
 * (`KEY_ALG := rsa` then `ifeq ($(KEY_ALG),rsa)`); a test of a variable set elsewhere is undecided, and
 * an include guard (`ifneq (${X_MK},1)` followed by `X_MK := 1`) holds.
 * References: GNU make manual §6.2 (the flavors of variables), §7.2 (syntax of conditionals), §5.1
 * (recipe syntax: recipe lines start with a tab after a rule).
 */
import type { ActivityState, AlgorithmFinding, AlgorithmRef } from '@pqready/core';
import { optionAlgorithms, optionFinding } from './config-findings.js';
import type { OptionKnowledge, OptionRow } from './knowledge.js';

export interface MakeAssignment {
  readonly name: string;
  /** `=`, `:=`, `?=`, `+=` … */
  readonly op: string;
  /** The value with the variables the file itself sets substituted (a `$` remains when it cannot be). */
  readonly value: string;
  readonly line: number;
  readonly snippet: string;
  readonly state: ActivityState;
  /** `# NAME=value`: an assignment commented out, which sets nothing. */
  readonly commented?: boolean;
}

const ASSIGN = /^(?:(?:export|override)\s+)*([A-Za-z_][A-Za-z0-9_]*)\s*(:::=|::=|:=|\?=|\+=|!=|=)\s*(.*)$/;
const COMMENTED = /^#+\s*([A-Za-z_][A-Za-z0-9_]*)\s*(\?=|:=|=)\s*(\S.*)$/;
const CONDITIONAL = /^(ifeq|ifneq|ifdef|ifndef)\b\s*(.*)$/;
const RULE = /^[^\s=:#][^=#]*::?(?!=)/;

/** GNU make strips a comment from `#` to the end of a line unless the `#` is escaped. */
const stripComment = (t: string) => t.replace(/(^|[^\\])#.*$/, '$1');

function expand(text: string, vars: ReadonlyMap<string, string>): string {
  let out = text;
  for (let i = 0; i < 8 && /\$[({]/.test(out); i++) {
    const next = out.replace(/\$\(([A-Za-z_]\w*)\)|\$\{([A-Za-z_]\w*)\}/g, (m, a, b) => vars.get(a ?? b) ?? m);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** The two operands of `ifeq (a,b)`, `ifeq "a" "b"` or `ifeq 'a' 'b'`. */
function operands(rest: string): [string, string] | undefined {
  const t = rest.trim();
  if (t.startsWith('(')) {
    let depth = 0;
    let comma = -1;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      if (ch === '(') depth++;
      else if (ch === ')') {
        depth--;
        if (depth === 0) return comma < 0 ? undefined : [t.slice(1, comma).trim(), t.slice(comma + 1, i).trim()];
      } else if (ch === ',' && depth === 1 && comma < 0) comma = i;
    }
    return undefined;
  }
  const q = /^(["'])(.*?)\1\s+(["'])(.*?)\3\s*$/.exec(t);
  return q ? [q[2]!, q[4]!] : undefined;
}

/** A condition's value where the file decides it; undefined when it reads what others set. */
function decide(kind: string, rest: string, vars: ReadonlyMap<string, string>): boolean | undefined {
  if (kind === 'ifdef' || kind === 'ifndef') {
    const v = vars.get(rest.trim());
    if (v === undefined) return undefined;
    return (v !== '') === (kind === 'ifdef');
  }
  const ops = operands(rest);
  if (!ops) return undefined;
  const [a, b] = ops.map((o) => expand(o, vars));
  if (/\$/.test(a!) || /\$/.test(b!)) return undefined;
  return (a === b) === (kind === 'ifeq');
}

/** The variable an include guard tests (`ifneq (${X},1)`, `ifndef X`), if the condition is one. */
function guardName(kind: string, rest: string): string | undefined {
  if (kind === 'ifndef') return rest.trim();
  const ops = operands(rest);
  const m = ops && /^\$[({]([A-Za-z_]\w*)[)}]$/.exec(ops[0]);
  return m && kind === 'ifneq' ? m[1] : undefined;
}

interface Frame {
  value: boolean | undefined;
  /** Whether an earlier branch was taken: yes, no, or undecided. */
  prior: boolean | undefined;
}

export function parseMakeAssignments(text: string): MakeAssignment[] {
  const out: MakeAssignment[] = [];
  const vars = new Map<string, string>();
  const frames: Frame[] = [];
  const lines = text.split('\n');
  let inRule = false;
  const state = (): ActivityState =>
    frames.some((f) => f.value === false)
      ? 'inactive'
      : frames.some((f) => f.value === undefined)
        ? 'conditional'
        : 'active';
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!.replace(/\r$/, '');
    const start = i;
    while (raw.endsWith('\\') && i + 1 < lines.length) raw = `${raw.slice(0, -1)} ${lines[++i]!.replace(/\r$/, '')}`;
    if (raw.startsWith('\t') && inRule) continue;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const commented = COMMENTED.exec(trimmed);
    // Only a plain value: `#   ML_DSA_LEVEL = {2, 3, 5}` is prose about the variable.
    if (commented && /^[\w.+"'-]+$/.test(stripComment(commented[3]!).trim())) {
      out.push({
        name: commented[1]!,
        op: commented[2]!,
        value: stripComment(commented[3]!).trim(),
        line: start + 1,
        snippet: trimmed.slice(0, 200),
        state: 'inactive',
        commented: true,
      });
      continue;
    }
    const t = stripComment(trimmed).trim();
    if (t === '') continue;
    inRule = false;
    const cond = CONDITIONAL.exec(t);
    if (cond) {
      let value = decide(cond[1]!, cond[2]!, vars);
      const guard = value === undefined ? guardName(cond[1]!, cond[2]!) : undefined;
      if (guard) {
        // An include guard: the next statement sets the variable it tests.
        const next = lines.slice(i + 1).find((l) => stripComment(l).trim() !== '');
        const m = next && ASSIGN.exec(stripComment(next).trim());
        if (m?.[1] === guard) value = true;
      }
      frames.push({ value, prior: value });
      continue;
    }
    if (/^else\b/.test(t)) {
      const f = frames[frames.length - 1];
      if (!f) continue;
      const rest = t.slice(4).trim();
      const inner = CONDITIONAL.exec(rest);
      const c = inner ? decide(inner[1]!, inner[2]!, vars) : true;
      f.value = f.prior === true ? false : f.prior === false ? c : c === false ? false : undefined;
      f.prior =
        f.prior === true || f.value === true ? true : f.prior === false && f.value === false ? false : undefined;
      continue;
    }
    if (/^endif\b/.test(t)) {
      frames.pop();
      continue;
    }
    const m = ASSIGN.exec(t);
    if (!m) {
      if (RULE.test(t)) inRule = true;
      continue;
    }
    const [, name, op, rawValue] = m as unknown as [string, string, string, string];
    const s = state();
    const value = expand(rawValue.trim(), vars);
    out.push({ name, op, value, line: start + 1, snippet: t.slice(0, 200), state: s });
    if (s === 'active') {
      if (op === '?=') {
        if (!vars.has(name)) vars.set(name, value);
      } else if (op === '+=') vars.set(name, `${vars.get(name) ?? ''} ${value}`.trim());
      else if (op !== '!=') vars.set(name, value);
      else vars.delete(name);
    } else if (s === 'conditional') vars.delete(name);
  }
  return out;
}

/**
 * Whether a file is a make fragment whatever it is called (wolfBoot's `*.config`): assignments and
 * comments only, at least two assignments, in its first 64 non-blank lines.
 */
export function looksLikeMakeFragment(text: string): boolean {
  let assignments = 0;
  let checked = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (++checked > 64) break;
    if (line.startsWith('#')) continue;
    const m = ASSIGN.exec(line);
    if (!m || m[1]!.startsWith('CONFIG_')) return false;
    assignments++;
  }
  return assignments >= 2;
}

const ON = /^(?:1|y|yes|true|on)$/i;
const OFF = /^(?:0|n|no|false|off)?$/i;

/** A plain switch: its value turns it on or off and carries no parameter. */
const plainSwitch = (row: OptionRow) => !row.suites && !row.byString && !row.byValue && row.value === undefined;

function refsOf(row: OptionRow, value: string): { refs: AlgorithmRef[]; notes: string[]; off: boolean } | undefined {
  if (/\$/.test(value)) return undefined;
  if (plainSwitch(row)) {
    if (!ON.test(value) && !OFF.test(value)) return undefined;
    const r = optionAlgorithms(
      row,
      undefined,
      () => undefined,
      () => [],
    );
    return { ...r, off: !ON.test(value) };
  }
  if (value === '') return undefined;
  const integer = (t: string) => (/^\d+$/.test(t.trim()) ? Number(t) : undefined);
  const r = optionAlgorithms(row, value, integer, () => []);
  return { refs: r.refs, notes: r.notes, off: r.off === true };
}

/** Findings per file from the make variables of the projects the tree builds. */
export function makeVariableFindings(
  files: readonly { path: string; assignments: readonly MakeAssignment[] }[],
  options: OptionKnowledge,
): Map<string, AlgorithmFinding[]> {
  const out = new Map<string, AlgorithmFinding[]>();
  const built = new Set(
    options.projectMarkers
      .filter((m) => files.some((f) => f.assignments.some((a) => !a.commented && m.names.test(a.name))))
      .map((m) => m.library),
  );
  if (built.size === 0) return out;
  // A variable that only narrows another's choice (ML_DSA_LEVEL for SIGN=ML_DSA) is a choice only in a
  // file that sets that other variable (a tool's Makefile default `ML_DSA_LEVEL?=2` chooses nothing).
  const narrows = new Map<string, string[]>();
  for (const r of options.all) for (const n of r.narrowedBy ?? []) narrows.set(n, [...(narrows.get(n) ?? []), r.name]);
  const rowOf = (name: string) => {
    const row = options.byName.get(name);
    return row && built.has(row.library) ? row : undefined;
  };
  for (const f of files) {
    const list: AlgorithmFinding[] = [];
    for (const a of f.assignments) {
      const row = rowOf(a.name);
      if (!row) continue;
      const narrowed = narrows.get(a.name);
      if (narrowed && !f.assignments.some((b) => !b.commented && narrowed.includes(b.name))) continue;
      const got = refsOf(row, a.value);
      if (!got) continue;
      let refs = got.refs;
      if (row.narrowedBy && !got.off) {
        // The first live assignment in this file of a variable that narrows the choice.
        const by = f.assignments.find(
          (b) => !b.commented && b.state !== 'inactive' && row.narrowedBy!.includes(b.name),
        );
        const byRow = by && options.byName.get(by.name);
        const narrowed = byRow ? refsOf(byRow, by.value) : undefined;
        const kept = narrowed && !narrowed.off ? narrowed.refs.filter((r) => refs.some((x) => x.id === r.id)) : [];
        if (kept.length > 0) refs = kept;
      }
      const disable = got.off === (row.effect === 'enable');
      const notes = [...(a.commented ? ['commented out'] : []), ...got.notes];
      for (const algorithm of refs)
        list.push(
          optionFinding(
            row,
            algorithm,
            disable,
            a.state,
            { path: f.path, line: a.line, column: 1, snippet: a.snippet },
            notes,
            { option: a.name },
          ),
        );
    }
    if (list.length > 0) out.set(f.path, list);
  }
  return out;
}
