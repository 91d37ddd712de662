/**
 * Compares two lists of entries by identity (see `entries.ts`): what is only in the new one was added, what is only
 * in the old one was removed, and an identity in both whose attributes differ changed. An identity seen several
 * times (two calls in one function) is paired in line order; the surplus is added or removed.
 */
import type { GateSubject } from '../triage/gate.js';
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

/** The attributes as one text, for ordering entries of one identity on one line. */
const attributeText = (e: DiffEntry) =>
  Object.keys(e.attributes)
    .sort()
    .map((k) => `${k}=${e.attributes[k]}`)
    .join('\n');

function group(entries: readonly DiffEntry[]): Map<string, DiffEntry[]> {
  const out = new Map<string, DiffEntry[]>();
  for (const e of entries) out.set(e.key, [...(out.get(e.key) ?? []), e]);
  // One line can hold two entries of one identity (MBEDTLS_PKCS1_V15 enables RSA PKCS#1 v1.5 signatures and
  // encryption, both named RSA-PKCS1-1.5): equal attributes sort together, so each pairs with its own.
  for (const list of out.values())
    list.sort((a, b) => {
      const byLine = (a.line ?? 0) - (b.line ?? 0);
      if (byLine !== 0) return byLine;
      const x = attributeText(a);
      const y = attributeText(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
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
 * Which entries of a scan are new against a baseline, as indices into `current`. Entries pair by identity (in line
 * order, as in `diffEntries`); an entry without a partner is new. With a gate (`matches`), a paired entry is new
 * only when it matches and its partner did not (an option switched on, a verdict that got worse); without one, when
 * its verdict or state differs from its partner's.
 */
export function newAgainstBaseline(
  baseline: readonly DiffEntry[],
  current: readonly DiffEntry[],
  matches?: (s: GateSubject) => boolean,
): Set<number> {
  const old = group(baseline);
  const seen = new Map<string, number>();
  const order = current.map((e, i) => ({ e, i })).sort((a, b) => (a.e.line ?? 0) - (b.e.line ?? 0) || a.i - b.i);
  const fresh: number[] = [];
  for (const { e, i } of order) {
    const n = seen.get(e.key) ?? 0;
    seen.set(e.key, n + 1);
    const partner = old.get(e.key)?.[n];
    if (!partner) fresh.push(i);
    else if (
      matches
        ? matches(e.gate) && !matches(partner.gate)
        : partner.gate.verdict !== e.gate.verdict || partner.gate.state !== e.gate.state
    ) {
      fresh.push(i);
    }
  }
  return new Set(fresh.sort((a, b) => a - b));
}
