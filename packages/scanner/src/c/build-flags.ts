/**
 * Preprocessor definitions that build files pass to the compiler: `-D` flags in Makefiles (GNU make
 * variable assignments and recipe lines), CMake (`add_compile_definitions`, `add_definitions`,
 * `target_compile_definitions`, `-D` in `*_FLAGS`) and a compilation database (compile_commands.json,
 * per file). A flag outside any conditional and recipe applies to the build; one inside `ifdef`/`if()`
 * is conditional; one on a recipe line builds one target (an alternative configuration).
 * References: GNU make manual §7 (conditionals), §5 (recipes); CMake command reference;
 * Clang JSON Compilation Database Format Specification.
 */
import { posix } from 'node:path';

export type FlagScope = 'build' | 'conditional' | 'target';

export interface BuildDefine {
  readonly name: string;
  /** The value (`1` for a bare `-DNAME`). */
  readonly value: string;
  readonly path: string;
  readonly line: number;
  readonly snippet: string;
  readonly scope: FlagScope;
  /** compile_commands.json: the source file (relative to the scan root) the flag is given for. */
  readonly file?: string;
}

const MAKE_NAMES = /^(?:GNUmakefile|makefile|Makefile)(?:\.[\w.-]+)?$|\.mk$/;
export const isMakefile = (path: string): boolean => MAKE_NAMES.test(posix.basename(path));
export const isCmakeLists = (path: string): boolean => posix.basename(path) === 'CMakeLists.txt';
export const isCompileCommands = (path: string): boolean => posix.basename(path) === 'compile_commands.json';

const DFLAG = /(?:^|[\s"'(=])-D\s*([A-Za-z_]\w*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\\"(?:[^\\]|\\[^"])*\\"|[^\s"')]*))?/g;

function unquote(v: string): string {
  let s = v;
  if (s.startsWith('\\"') && s.endsWith('\\"')) s = `"${s.slice(2, -2)}"`;
  else if ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith('"') && s.endsWith('"') && /^"[<"]/.test(s)))
    s = s.slice(1, -1);
  return s;
}

function flagsIn(text: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  DFLAG.lastIndex = 0;
  for (let m = DFLAG.exec(text); m; m = DFLAG.exec(text)) {
    const raw = m[2];
    out.push({ name: m[1]!, value: raw === undefined || raw === '' ? '1' : unquote(raw) });
  }
  return out;
}

/** Logical lines (backslash continuations joined) with their first physical line number. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let t = lines[i]!.replace(/\r$/, '');
    const start = i;
    while (t.endsWith('\\') && i + 1 < lines.length) t = `${t.slice(0, -1)} ${lines[++i]!.replace(/\r$/, '')}`;
    out.push({ text: t, line: start + 1 });
  }
  return out;
}

export function parseMakefile(text: string, path: string): BuildDefine[] {
  const out: BuildDefine[] = [];
  let depth = 0;
  for (const { text: raw, line } of logicalLines(text)) {
    const recipe = raw.startsWith('\t');
    const t = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!recipe) {
      if (/^(ifdef|ifndef|ifeq|ifneq)\b/.test(t)) {
        depth++;
        continue;
      }
      if (/^endif\b/.test(t)) {
        depth = Math.max(0, depth - 1);
        continue;
      }
      if (/^else\b/.test(t)) continue;
    }
    if (!t.includes('-D')) continue;
    const scope: FlagScope = recipe ? 'target' : depth > 0 ? 'conditional' : 'build';
    for (const f of flagsIn(t)) out.push({ ...f, path, line, snippet: t.slice(0, 200), scope });
  }
  return out;
}

const CMAKE_DEFS =
  /\b(add_compile_definitions|add_definitions|target_compile_definitions|set|string|list)\s*\(([^)]*)\)/gi;

export function parseCmakeLists(text: string, path: string): BuildDefine[] {
  const out: BuildDefine[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const stripped = text.replace(/#[^\n]*/g, (m) => ' '.repeat(m.length));
  // Depth of if()/endif() at each offset.
  const opens: number[] = [];
  const closes: number[] = [];
  for (const m of stripped.matchAll(/\b(if|endif)\s*\(/gi))
    (m[1]!.toLowerCase() === 'if' ? opens : closes).push(m.index);
  const depthAt = (i: number) => opens.filter((o) => o < i).length - closes.filter((c) => c < i).length;
  CMAKE_DEFS.lastIndex = 0;
  for (let m = CMAKE_DEFS.exec(stripped); m; m = CMAKE_DEFS.exec(stripped)) {
    const cmd = m[1]!.toLowerCase();
    const body = m[2]!;
    const scope: FlagScope = depthAt(m.index) > 0 ? 'conditional' : 'build';
    const line = lineAt(m.index);
    const snippet = text
      .slice(m.index, m.index + m[0].length)
      .replace(/\s+/g, ' ')
      .slice(0, 200);
    let defs: { name: string; value: string }[];
    if (cmd === 'add_compile_definitions' || cmd === 'target_compile_definitions') {
      const words = body.match(/(?:"[^"]*"|[^\s"])+/g) ?? [];
      const items = cmd === 'target_compile_definitions' ? words.slice(1) : words;
      defs = items
        .map((w) => (/^"[^"]*"$/.test(w) ? w.slice(1, -1) : w))
        .filter((w) => !/^(PUBLIC|PRIVATE|INTERFACE)$/.test(w) && /^-?D?[A-Za-z_]\w*(=.*)?$/.test(w))
        .map((w) => {
          const [name, ...v] = w.replace(/^-D/, '').split('=');
          return { name: name!, value: v.length > 0 ? unquote(v.join('=')) : '1' };
        });
    } else defs = flagsIn(body);
    for (const d of defs) out.push({ ...d, path, line, snippet, scope });
  }
  return out;
}

interface CompileCommand {
  readonly directory?: string;
  readonly file?: string;
  readonly command?: string;
  readonly arguments?: readonly string[];
}

/**
 * Per-file defines of a compilation database. `root` is the absolute scan root, so absolute `file`
 * entries map back to scanned paths; entries outside the scan are dropped.
 */
export function parseCompileCommands(
  text: string,
  path: string,
  root: string,
  scanned: readonly string[] = [],
): BuildDefine[] | Error {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (e) {
    return new Error(`compile_commands.json is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(entries)) return new Error('compile_commands.json is not an array of commands');
  const out: BuildDefine[] = [];
  let byBase: Map<string, string[]> | undefined;
  // The line of each entry: where its "file" key is (entries are written in order).
  const entryLines: number[] = [];
  for (const m of text.matchAll(/"file"\s*:/g)) entryLines.push(text.slice(0, m.index).split('\n').length);
  entries.forEach((raw, k) => {
    const e = raw as CompileCommand;
    if (!e || typeof e.file !== 'string') return;
    const dir = typeof e.directory === 'string' ? e.directory : posix.dirname(`${root}/${path}`);
    const abs = posix.isAbsolute(e.file) ? e.file : posix.join(dir, e.file);
    let rel = posix.relative(root, abs);
    // A database generated on another machine names files under its own checkout: the scanned file
    // whose path ends the entry's path is the one meant.
    if (rel.startsWith('..') || posix.isAbsolute(rel)) {
      const norm = posix.normalize(abs);
      if (!byBase) {
        byBase = new Map();
        for (const p of scanned) {
          const list = byBase.get(posix.basename(p));
          if (list) list.push(p);
          else byBase.set(posix.basename(p), [p]);
        }
      }
      const hit = (byBase.get(posix.basename(norm)) ?? [])
        .filter((p) => norm === p || norm.endsWith(`/${p}`))
        .sort((a, b) => b.length - a.length)[0];
      if (!hit) return;
      rel = hit;
    }
    const args = Array.isArray(e.arguments)
      ? e.arguments.map((a, i, all) => (a === '-D' ? `-D${all[i + 1] ?? ''}` : a)).filter((a) => a.startsWith('-D'))
      : typeof e.command === 'string'
        ? [e.command]
        : [];
    for (const a of args)
      for (const f of flagsIn(` ${a}`))
        out.push({
          ...f,
          path,
          line: entryLines[k] ?? k + 1,
          snippet: `${rel}: -D${f.name}=${f.value}`,
          scope: 'build',
          file: rel,
        });
  });
  return out;
}
