/**
 * Kconfig definition files (Zephyr and ESP-IDF `Kconfig`, `Kconfig.*`): the `select`/`imply` lines by
 * which an application's symbols turn on crypto options (`select MBEDTLS_ECDSA_C if
 * !MBEDTLS_USE_PSA_CRYPTO`), the `default` lines of a choice that pick an algorithm (`default
 * BOOT_SIGNATURE_TYPE_RSA`), and the defaults of symbols that are options themselves (`config
 * MCUBOOT_ENC_IMAGES … default n`). Each is stated as Kconfig evaluates it for the default build: the
 * values the tree decides (defaults, `depends on`, `if` blocks, choices, the application's prj.conf next
 * to the Kconfig file) are used; a symbol defined outside the tree is undecided, which makes what
 * depends on it conditional.
 * Reference: Linux Documentation/kbuild/kconfig-language.rst (menu entries, menu attributes, menu
 * dependencies, choices, expressions with the tristate logic y/m/n).
 */
import type { ActivityState, AlgorithmFinding, AlgorithmRef } from '@pqready/core';
import { kconfigRow, optionAlgorithms, optionFinding } from './config-findings.js';
import type { KconfigEntry } from './kconfig.js';
import type { OptionKnowledge, OptionRow } from './knowledge.js';

/** A value: `y`, `n`, a string or number, or undefined when the tree does not decide it. */
type Value = string | undefined;

interface Default {
  readonly expr: string;
  readonly cond?: string;
  readonly line: number;
  readonly snippet: string;
}

interface Choice {
  readonly defaults: Default[];
  readonly members: string[];
  readonly depends: string[];
}

interface SymbolDef {
  readonly name: string;
  readonly path: string;
  type?: string;
  /** A prompt lets the user set the symbol (`bool "Enable X"`). */
  prompt?: boolean;
  readonly defaults: Default[];
  readonly depends: string[];
  readonly choice?: Choice;
}

interface Relation {
  readonly kind: 'select' | 'imply';
  readonly owner: string;
  readonly target: string;
  readonly cond?: string;
  readonly line: number;
  readonly snippet: string;
  readonly commented?: boolean;
}

export interface KconfigDefinitions {
  readonly path: string;
  readonly symbols: SymbolDef[];
  readonly choices: Choice[];
  readonly relations: Relation[];
}

const ENTRY =
  /^(config|menuconfig|choice|endchoice|if|endif|menu|endmenu|source|rsource|osource|orsource|comment|mainmenu)\b\s*(.*)$/;

/** `X if COND` → [X, COND]. */
function splitIf(text: string): [string, string | undefined] {
  const m = /^(.*?)\s+if\s+(.+)$/.exec(text);
  return m ? [m[1]!.trim(), m[2]!.trim()] : [text.trim(), undefined];
}

const indentOf = (line: string) => {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n = (Math.floor(n / 8) + 1) * 8;
    else break;
  }
  return n;
};

/** Strips a `#` comment outside quotes. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return line.slice(0, i);
  }
  return line;
}

export function parseKconfigDefinitions(text: string, path: string): KconfigDefinitions {
  const symbols: SymbolDef[] = [];
  const choices: Choice[] = [];
  const relations: Relation[] = [];
  // Conditions of the enclosing `if` blocks and menus (a menu's `depends on` lines follow it).
  const blocks: { kind: 'if' | 'menu'; conds: string[] }[] = [];
  // Open choices with the depth of `if` blocks at their start: a symbol in an `if` inside a choice
  // (`if BOOT_SIGNATURE_TYPE_RSA` / `config BOOT_SIGNATURE_TYPE_RSA_LEN`) belongs to a member, not the choice.
  const choiceStack: { choice: Choice; depth: number }[] = [];
  let current: SymbolDef | undefined;
  let currentChoice: Choice | undefined;
  let currentMenu: { conds: string[] } | undefined;
  const lines = text.split('\n');
  const enclosing = () => blocks.flatMap((b) => b.conds);
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!.replace(/\r$/, '');
    const start = i;
    while (raw.endsWith('\\') && i + 1 < lines.length) raw = `${raw.slice(0, -1)} ${lines[++i]!.replace(/\r$/, '')}`;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const snippet = trimmed.slice(0, 200);
    const commented = /^#+\s*(select|imply)\s+([A-Za-z0-9_]+)(?:\s+if\s+([^#]+?))?\s*(?:#.*)?$/.exec(trimmed);
    if (commented && current) {
      relations.push({
        kind: commented[1] as 'select' | 'imply',
        owner: current.name,
        target: commented[2]!,
        ...(commented[3] ? { cond: commented[3].trim() } : {}),
        line: start + 1,
        snippet,
        commented: true,
      });
      continue;
    }
    const t = stripComment(trimmed).trim();
    if (t === '') continue;
    if (t === 'help' || t === '---help---') {
      // Help text: the following lines indented more than the first of them, and blank lines.
      let helpIndent = -1;
      while (i + 1 < lines.length) {
        const next = lines[i + 1]!.replace(/\r$/, '');
        if (next.trim() === '') {
          i++;
          continue;
        }
        const ind = indentOf(next);
        if (helpIndent < 0) {
          if (ind <= indentOf(raw)) break;
          helpIndent = ind;
        } else if (ind < helpIndent) break;
        i++;
      }
      continue;
    }
    const entry = ENTRY.exec(t);
    if (entry) {
      const [, kw, rest] = entry as unknown as [string, string, string];
      current = undefined;
      currentMenu = undefined;
      if (kw !== 'choice') currentChoice = undefined;
      switch (kw) {
        case 'config':
        case 'menuconfig': {
          const open = choiceStack[choiceStack.length - 1];
          const choice = open && open.depth === blocks.length ? open.choice : undefined;
          current = {
            name: rest.trim(),
            path,
            defaults: [],
            depends: [...enclosing()],
            ...(choice ? { choice } : {}),
          };
          symbols.push(current);
          choice?.members.push(current.name);
          break;
        }
        case 'choice': {
          currentChoice = { defaults: [], members: [], depends: [...enclosing()] };
          choices.push(currentChoice);
          choiceStack.push({ choice: currentChoice, depth: blocks.length });
          break;
        }
        case 'endchoice':
          choiceStack.pop();
          break;
        case 'if':
          blocks.push({ kind: 'if', conds: [rest.trim()] });
          break;
        case 'menu': {
          const b = { kind: 'menu' as const, conds: [] as string[] };
          blocks.push(b);
          currentMenu = b;
          break;
        }
        case 'endif':
        case 'endmenu': {
          const want = kw === 'endif' ? 'if' : 'menu';
          for (let k = blocks.length - 1; k >= 0; k--)
            if (blocks[k]!.kind === want) {
              blocks.splice(k, 1);
              break;
            }
          break;
        }
        default:
          break;
      }
      continue;
    }
    const attr =
      /^(bool|tristate|string|int|hex|def_bool|def_tristate|prompt|default|depends\s+on|select|imply|visible\s+if|range|option|modules|transitional)\b\s*(.*)$/.exec(
        t,
      );
    if (!attr) continue;
    const kw = attr[1]!.replace(/\s+/g, ' ');
    const rest = attr[2]!.trim();
    if (currentMenu && kw === 'depends on') {
      currentMenu.conds.push(rest);
      continue;
    }
    if (currentChoice && !current) {
      if (kw === 'default') {
        const [expr, cond] = splitIf(rest);
        currentChoice.defaults.push({ expr, ...(cond ? { cond } : {}), line: start + 1, snippet });
      } else if (kw === 'depends on') currentChoice.depends.push(rest);
      continue;
    }
    if (!current) continue;
    if (kw === 'bool' || kw === 'tristate' || kw === 'string' || kw === 'int' || kw === 'hex') {
      current.type = kw;
      if (rest.startsWith('"')) current.prompt = true;
    } else if (kw === 'prompt') current.prompt = true;
    else if (kw === 'def_bool' || kw === 'def_tristate') {
      current.type = kw.slice(4);
      const [expr, cond] = splitIf(rest);
      current.defaults.push({ expr, ...(cond ? { cond } : {}), line: start + 1, snippet });
    } else if (kw === 'default') {
      const [expr, cond] = splitIf(rest);
      current.defaults.push({ expr, ...(cond ? { cond } : {}), line: start + 1, snippet });
    } else if (kw === 'depends on') current.depends.push(rest);
    else if (kw === 'select' || kw === 'imply') {
      const [target, cond] = splitIf(rest);
      relations.push({
        kind: kw,
        owner: current.name,
        target,
        ...(cond ? { cond } : {}),
        line: start + 1,
        snippet,
      });
    }
  }
  return { path, symbols, choices, relations };
}

// ---------------------------------------------------------------------------------------------
// Evaluation (tristate logic: y and m are true, n false, undefined undecided)

const and = (a: Value, b: Value): Value =>
  a === 'n' || b === 'n' ? 'n' : a === undefined || b === undefined ? undefined : 'y';
const or = (a: Value, b: Value): Value =>
  a === 'y' || b === 'y' ? 'y' : a === undefined || b === undefined ? undefined : 'n';
const not = (a: Value): Value => (a === undefined ? undefined : a === 'n' ? 'y' : 'n');
const truth = (v: Value): Value => (v === undefined ? undefined : v === 'y' || v === 'm' ? 'y' : 'n');

class Evaluator {
  private readonly memo = new Map<string, Value>();
  private readonly visiting = new Set<string>();
  private readonly selectors = new Map<string, Relation[]>();

  constructor(
    private readonly symbols: ReadonlyMap<string, SymbolDef>,
    relations: readonly Relation[],
    private readonly fragment: (path: string, name: string) => Value | null,
    /** Whether an application configuration (prj.conf) sits next to a Kconfig file. */
    private readonly hasApplication: (path: string) => boolean,
  ) {
    for (const r of relations) {
      if (r.commented || r.kind !== 'select') continue;
      const list = this.selectors.get(r.target) ?? [];
      list.push(r);
      this.selectors.set(r.target, list);
    }
  }

  /** A boolean expression's value. */
  bool(expr: string | undefined): Value {
    if (expr === undefined) return 'y';
    const tokens = expr.match(/"(?:[^"\\]|\\.)*"|'[^']*'|&&|\|\||!=|[<>]=?|[=!()]|[A-Za-z0-9_$.{}-]+/g) ?? [];
    let pos = 0;
    const atom = (): Value => {
      const tk = tokens[pos++];
      if (tk === undefined) return undefined;
      if (tk === '!') return not(atom());
      if (tk === '(') {
        const v = orExpr();
        if (tokens[pos] === ')') pos++;
        return v;
      }
      const left = this.operand(tk);
      const op = tokens[pos];
      if (op === '=' || op === '!=') {
        pos++;
        const right = this.operand(tokens[pos++] ?? '');
        if (left === undefined || right === undefined) return undefined;
        return (left === right) === (op === '=') ? 'y' : 'n';
      }
      if (op === '<' || op === '>' || op === '<=' || op === '>=') {
        pos++;
        pos++;
        return undefined;
      }
      return truth(left);
    };
    const andExpr = (): Value => {
      let v = atom();
      while (tokens[pos] === '&&') {
        pos++;
        v = and(v, atom());
      }
      return v;
    };
    const orExpr = (): Value => {
      let v = andExpr();
      while (tokens[pos] === '||') {
        pos++;
        v = or(v, andExpr());
      }
      return v;
    };
    return orExpr();
  }

  /** A symbol or constant in an expression. */
  private operand(tk: string): Value {
    if (/^["']/.test(tk)) return tk.slice(1, -1);
    if (tk === 'y' || tk === 'n' || tk === 'm') return tk;
    if (/^-?\d+$|^0x[0-9a-f]+$/i.test(tk)) return tk;
    if (!/^[A-Za-z_]\w*$/.test(tk)) return undefined;
    return this.value(tk);
  }

  /** A default's value expression. */
  private valueOf(expr: string): Value {
    const t = expr.trim();
    if (/^["']/.test(t)) return t.slice(1, -1);
    if (/^-?\d+$|^0x[0-9a-f]+$/i.test(t) || t === 'y' || t === 'n' || t === 'm') return t;
    if (/^[A-Za-z_]\w*$/.test(t)) return this.value(t);
    return this.bool(t);
  }

  /** The default of a list that Kconfig takes: its index, or undefined when undecided (-1: none). */
  effective(defaults: readonly Default[]): { taken: number | undefined; open: Set<number> } {
    const open = new Set<number>();
    for (let k = 0; k < defaults.length; k++) {
      const c = this.bool(defaults[k]!.cond);
      if (c === 'y') {
        if (open.size === 0) return { taken: k, open };
        open.add(k);
        return { taken: undefined, open };
      }
      if (c === undefined) open.add(k);
    }
    return { taken: open.size === 0 ? -1 : undefined, open };
  }

  /** Whether a default line is the one Kconfig takes: y, n, or undecided. */
  defaultTaken(defaults: readonly Default[], index: number): Value {
    const { taken, open } = this.effective(defaults);
    if (taken === index) return 'y';
    return open.has(index) ? undefined : 'n';
  }

  depends(def: SymbolDef): Value {
    let v: Value = 'y';
    for (const d of def.depends) v = and(v, this.bool(d));
    if (def.choice) for (const d of def.choice.depends) v = and(v, this.bool(d));
    return v;
  }

  value(name: string): Value {
    if (this.memo.has(name)) return this.memo.get(name);
    const def = this.symbols.get(name);
    if (!def) return undefined;
    const set = this.fragment(def.path, name);
    if (set !== null) return set;
    if (this.visiting.has(name)) return undefined;
    this.visiting.add(name);
    const v = this.compute(def);
    this.visiting.delete(name);
    this.memo.set(name, v);
    return v;
  }

  private compute(def: SymbolDef): Value {
    let selected: Value = 'n';
    for (const r of this.selectors.get(def.name) ?? [])
      selected = or(selected, and(this.value(r.owner), this.bool(r.cond)));
    const dep = this.depends(def);
    // In a module's Kconfig (no application configuration next to it) a symbol with a prompt and no
    // default is the application's choice: undecided unless its dependencies fail or something selects it.
    if (def.prompt && def.defaults.length === 0 && !def.choice && !this.hasApplication(def.path) && dep !== 'n')
      return or(selected, undefined);
    if (def.choice) {
      const c = def.choice;
      const fromFragment = c.members.find((m) => this.fragment(def.path, m) === 'y');
      if (fromFragment) return fromFragment === def.name ? 'y' : 'n';
      const { taken, open } = this.effective(c.defaults);
      const index = c.defaults.findIndex((d) => d.expr === def.name);
      let mine: Value;
      // No default: Kconfig takes the first member; in a module's Kconfig the application chooses.
      if (taken === -1) mine = !this.hasApplication(def.path) ? undefined : c.members[0] === def.name ? 'y' : 'n';
      else if (taken !== undefined) mine = taken === index ? 'y' : 'n';
      else mine = open.has(index) ? undefined : 'n';
      return and(dep, mine);
    }
    const { taken } = this.effective(def.defaults);
    const base: Value =
      taken === undefined
        ? undefined
        : taken === -1
          ? def.type === 'bool' || def.type === 'tristate' || !def.type
            ? 'n'
            : ''
          : this.valueOf(def.defaults[taken]!.expr);
    if (def.type === 'bool' || def.type === 'tristate' || !def.type) return or(selected, and(dep, truth(base)));
    return dep === 'n' ? '' : dep === undefined ? undefined : base;
  }
}

const stateOf = (v: Value): ActivityState => (v === 'y' ? 'active' : v === 'n' ? 'inactive' : 'conditional');

/** A switch without a value: a `select`/`imply` or a choice member turns it on. */
const plainSwitch = (row: OptionRow) => !row.suites && !row.byString && !row.byValue && row.value === undefined;

/**
 * Findings of the Kconfig definition files of a tree. `fragments` are the Kconfig fragments read
 * (an application's prj.conf sets the symbols of the Kconfig file next to it).
 */
export function kconfigDefinitionFindings(
  files: readonly KconfigDefinitions[],
  fragments: readonly { path: string; entries: readonly KconfigEntry[] }[],
  options: OptionKnowledge,
  suites: (quoted: string) => AlgorithmRef[] = () => [],
): Map<string, AlgorithmFinding[]> {
  const out = new Map<string, AlgorithmFinding[]>();
  const symbols = new Map<string, SymbolDef>();
  for (const f of files) for (const s of f.symbols) if (!symbols.has(s.name)) symbols.set(s.name, s);
  const relations = files.flatMap((f) => f.relations);
  const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
  const appValues = new Map<string, Map<string, string>>();
  for (const fr of fragments) {
    if (!/(?:^|\/)prj\.conf$/.test(fr.path)) continue;
    const m = appValues.get(dirOf(fr.path)) ?? new Map<string, string>();
    for (const e of fr.entries) if (!e.commented) m.set(e.name.replace(/^CONFIG_/, ''), e.value ?? 'n');
    appValues.set(dirOf(fr.path), m);
  }
  const fragment = (path: string, name: string): Value | null => {
    const v = appValues.get(dirOf(path))?.get(name);
    return v === undefined ? null : v.replace(/^"|"$/g, '');
  };
  const ev = new Evaluator(symbols, relations, fragment, (p) => appValues.has(dirOf(p)));
  const rowOf = (name: string) => kconfigRow(`CONFIG_${name}`, options);
  const push = (path: string, f: AlgorithmFinding) => {
    const list = out.get(path) ?? [];
    list.push(f);
    out.set(path, list);
  };
  const evidence = (path: string, line: number, snippet: string) => ({ path, line, column: 1, snippet });
  const emit = (
    row: OptionRow,
    name: string,
    value: string | undefined,
    disable: boolean,
    state: ActivityState,
    path: string,
    line: number,
    snippet: string,
    notes: string[] = [],
  ) => {
    const { refs, notes: more } = optionAlgorithms(
      row,
      value,
      (t) => (/^-?\d+$/.test(t.trim()) ? Number(t) : undefined),
      () => [],
    );
    for (const algorithm of refs)
      push(
        path,
        optionFinding(row, algorithm, disable, state, evidence(path, line, snippet), [...notes, ...more], {
          option: name,
        }),
      );
  };

  // A string symbol of the tree whose defaults are TLS cipher suite lists (Golioth's GOLIOTH_CIPHERSUITES):
  // each default states the suites' algorithms.
  const suiteDefaults = (s: SymbolDef) => {
    const dep = ev.depends(s);
    s.defaults.forEach((d, k) => {
      const m = /^"([^"]*)"$/.exec(d.expr);
      const items = (m?.[1] ?? '').split(/[\s,:]+/).filter(Boolean);
      if (items.length === 0 || !items.every((x) => /^TLS_[A-Z0-9_]+$/.test(x))) return;
      const row: OptionRow = { name: s.name, library: 'TLS', effect: 'enable', algorithms: [], suites: true };
      const state = stateOf(and(ev.defaultTaken(s.defaults, k), dep));
      for (const algorithm of suites(d.expr))
        push(
          s.path,
          optionFinding(row, algorithm, false, state, evidence(s.path, d.line, d.snippet), [], { option: s.name }),
        );
    });
  };
  for (const f of files) {
    for (const r of f.relations) {
      const row = rowOf(r.target);
      if (!row || !plainSwitch(row)) continue;
      const state = r.commented ? 'inactive' : stateOf(and(ev.value(r.owner), ev.bool(r.cond)));
      const notes = r.commented ? ['commented out'] : [];
      emit(row, r.target, undefined, row.effect === 'disable', state, f.path, r.line, r.snippet, notes);
    }
    for (const c of f.choices) {
      c.defaults.forEach((d, k) => {
        const row = rowOf(d.expr);
        if (!row || !plainSwitch(row)) return;
        let dep: Value = 'y';
        for (const x of c.depends) dep = and(dep, ev.bool(x));
        const state = stateOf(and(dep, ev.defaultTaken(c.defaults, k)));
        emit(row, d.expr, undefined, row.effect === 'disable', state, f.path, d.line, d.snippet);
      });
    }
    for (const s of f.symbols) {
      if (s.choice || s.defaults.length === 0) continue;
      const row = rowOf(s.name);
      if (!row) {
        if (s.type === 'string') suiteDefaults(s);
        continue;
      }
      const setHere = fragment(s.path, s.name) !== null;
      const dep = ev.depends(s);
      const bool = s.type === 'bool' || s.type === 'tristate';
      s.defaults.forEach((d, k) => {
        const taken: Value = setHere ? 'n' : ev.defaultTaken(s.defaults, k);
        if (bool) {
          const v = truth(ev.bool(d.expr));
          // A symbol whose dependencies fail is n whatever its defaults say: the first default states it.
          if (dep === 'n') {
            if (k === 0 && row.effect === 'enable')
              emit(row, s.name, undefined, true, 'active', f.path, d.line, d.snippet);
            return;
          }
          const state = stateOf(and(taken, dep));
          emit(row, s.name, undefined, (v === 'n') === (row.effect === 'enable'), state, f.path, d.line, d.snippet);
          return;
        }
        if (plainSwitch(row)) return;
        const literal = /^["']/.test(d.expr) || /^-?\d+$/.test(d.expr) ? d.expr.replace(/^["']|["']$/g, '') : undefined;
        if (literal === undefined) return;
        emit(row, s.name, literal, row.effect === 'disable', stateOf(and(taken, dep)), f.path, d.line, d.snippet);
      });
    }
  }
  return out;
}

/** Kconfig definition files by name: `Kconfig`, `Kconfig.*` (Zephyr `Kconfig.defconfig` included). */
export const isKconfigDefinition = (path: string): boolean =>
  /^Kconfig(?:\.[\w.-]+)?$/.test(path.slice(path.lastIndexOf('/') + 1));
