/**
 * Compares two lists of entries by identity (see `entries.ts`): what is only in the new one was added, what is only
 * in the old one was removed, and an identity in both whose attributes differ changed. An identity seen several
 * times (two calls in one function) is paired in line order; the surplus is added or removed.
 */
import type { DiffEntry } from './entries.js';

export interface Change {
  readonly attribute: string;
  readonly before?: string;
  readonly after?: string;
}

export interface ChangedEntry {
  readonly before: DiffEntry;
  readonly after: DiffEntry;
  readonly changes: readonly Change[];
}

export interface EntryDiff {
  readonly added: readonly DiffEntry[];
  readonly removed: readonly DiffEntry[];
  readonly changed: readonly ChangedEntry[];
  readonly unchanged: number;
}

function group(entries: readonly DiffEntry[]): Map<string, DiffEntry[]> {
  const out = new Map<string, DiffEntry[]>();
  for (const e of entries) out.set(e.key, [...(out.get(e.key) ?? []), e]);
  for (const list of out.values()) list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return out;
}

function changes(before: DiffEntry, after: DiffEntry): Change[] {
  const names = [...new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)])].sort();
  return names
    .filter((n) => before.attributes[n] !== after.attributes[n])
    .map((n) => ({
      attribute: n,
      ...(before.attributes[n] !== undefined ? { before: before.attributes[n] } : {}),
      ...(after.attributes[n] !== undefined ? { after: after.attributes[n] } : {}),
    }));
}

const byPlace = (a: DiffEntry, b: DiffEntry): number =>
  a.path < b.path
    ? -1
    : a.path > b.path
      ? 1
      : (a.line ?? 0) - (b.line ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function diffEntries(before: readonly DiffEntry[], after: readonly DiffEntry[]): EntryDiff {
  const old = group(before);
  const now = group(after);
  const added: DiffEntry[] = [];
  const removed: DiffEntry[] = [];
  const changed: ChangedEntry[] = [];
  let unchanged = 0;
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key) ?? [];
    const b = now.get(key) ?? [];
    const pairs = Math.min(a.length, b.length);
    for (let i = 0; i < pairs; i++) {
      const c = changes(a[i]!, b[i]!);
      if (c.length > 0) changed.push({ before: a[i]!, after: b[i]!, changes: c });
      else unchanged++;
    }
    removed.push(...a.slice(pairs));
    added.push(...b.slice(pairs));
  }
  return {
    added: added.sort(byPlace),
    removed: removed.sort(byPlace),
    changed: changed.sort((x, y) => byPlace(x.after, y.after)),
    unchanged,
  };
}

/**
 * Which entries of a scan are new against a baseline: not in it, or in it with another verdict or state (what a gate
 * judges). Returns the indices of the new entries.
 */
export function newAgainstBaseline(baseline: readonly DiffEntry[], current: readonly DiffEntry[]): Set<number> {
  const known = new Map<string, number>();
  const judged = (e: DiffEntry) => `${e.key}\u0000${e.gate.verdict}\u0000${e.gate.state}`;
  for (const e of baseline) known.set(judged(e), (known.get(judged(e)) ?? 0) + 1);
  const fresh = new Set<number>();
  current.forEach((e, i) => {
    const left = known.get(judged(e)) ?? 0;
    if (left > 0) known.set(judged(e), left - 1);
    else fresh.add(i);
  });
  return fresh;
}
