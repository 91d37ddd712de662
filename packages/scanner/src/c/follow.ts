/**
 * Which functions of a file the analysis follows across calls (issue #15): a function that calls a crypto API
 * or another followed function (a wrapper, or a function whose algorithm comes from its parameters), stores a
 * known constant through a pointer parameter (an out-parameter), or returns one. Calls to these are kept by
 * the extraction of every file that makes them; nothing else about ordinary functions is kept.
 */
import type { FileFacts, FunctionFact } from './facts.js';
import { calleeHash } from './prescan.js';

interface FollowKnowledge {
  readonly functions: { has(name: string): boolean };
  readonly symbols?: { has(name: string): boolean };
  /** Library API names (generic names aside): never a project's function to follow. */
  readonly library?: { has(name: string): boolean };
}

const IDENT = /[A-Za-z_]\w*/g;

function mentionsKnown(text: string, k: FollowKnowledge, extra: ReadonlySet<string>): boolean {
  if (text.includes('"')) return true;
  for (const id of text.match(IDENT) ?? []) if (k.functions.has(id) || k.symbols?.has(id) || extra.has(id)) return true;
  return false;
}

/** Whether a function of the file is worth following (see the module comment). */
function isFollowed(f: FunctionFact, facts: FileFacts, k: FollowKnowledge, aliases: ReadonlySet<string>): boolean {
  if (k.library ? k.library.has(f.name) : k.functions.has(f.name)) return false;
  const inside = (i: number) => i > f.start && i < f.end;
  if (facts.calls.some((c) => !c.reference && inside(c.index) && c.name !== f.name)) return true;
  if (facts.strings.some((s) => s.context === 'return' && inside(s.index))) return true;
  for (const v of facts.values) {
    if (!inside(v.index) || !v.name.startsWith('*')) continue;
    if (f.params.includes(v.name.slice(1)) && mentionsKnown(v.value, k, aliases)) return true;
  }
  return f.returns.some((r) => mentionsKnown(r.value, k, aliases));
}

/** Names of the file's followed functions. */
export function followedFunctions(facts: FileFacts, k: FollowKnowledge, aliases: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const f of facts.functions) if (isFollowed(f, facts, k, aliases)) out.add(f.name);
  return [...out].sort();
}

/** Whether the file calls a name (by its prescan hash; a collision only costs a second look). */
export function mayCall(facts: Pick<FileFacts, 'callees'>, name: string): boolean {
  const h = calleeHash(name);
  const list = facts.callees;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
