/**
 * Which files the C analysis reads and how `#include` targets map to files of the scanned tree.
 */
import { posix } from 'node:path';

const SOURCE_EXT = new Set(['.c', '.cc', '.cpp', '.cxx', '.c++']);
const HEADER_EXT = new Set(['.h', '.hh', '.hpp', '.hxx', '.h++', '.inc', '.inl', '.ipp']);

function extOf(path: string): string {
  const base = posix.basename(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export const isCSource = (path: string): boolean => SOURCE_EXT.has(extOf(path));
export const isCHeader = (path: string): boolean => HEADER_EXT.has(extOf(path));

/** Resolves include targets against the scanned tree's paths. */
export class IncludeResolver {
  private readonly byBase = new Map<string, string[]>();

  constructor(readonly paths: Iterable<string>) {
    for (const p of paths) {
      const b = posix.basename(p);
      const list = this.byBase.get(b);
      if (list) list.push(p);
      else this.byBase.set(b, [p]);
    }
    for (const list of this.byBase.values()) list.sort();
  }

  has(path: string): boolean {
    return (this.byBase.get(posix.basename(path)) ?? []).includes(path);
  }

  private readonly memo = new Map<string, string | undefined>();

  /** The tree file an include names, preferring the includer's directory, then the closest suffix match. */
  resolve(from: string, target: string): string | undefined {
    const key = `${posix.dirname(from)}\u0000${target}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const r = this.resolveUncached(from, target);
    this.memo.set(key, r);
    return r;
  }

  /** Every tree file an include could name by suffix (several: the tree holds alternatives of it). */
  candidates(target: string): string[] {
    const clean = posix.normalize(target.replace(/\\/g, '/'));
    return (this.byBase.get(posix.basename(clean)) ?? []).filter((p) => p === clean || p.endsWith(`/${clean}`));
  }

  private resolveUncached(from: string, target: string): string | undefined {
    const clean = posix.normalize(target.replace(/\\/g, '/'));
    if (clean.startsWith('/') || (clean.startsWith('..') && clean.split('/').every((s) => s === '..')))
      return undefined;
    const rel = posix.normalize(posix.join(posix.dirname(from), clean));
    if (this.has(rel)) return rel;
    const cands = (this.byBase.get(posix.basename(clean)) ?? []).filter((p) => p === clean || p.endsWith(`/${clean}`));
    if (cands.length === 0) return undefined;
    if (cands.length === 1) return cands[0];
    const dir = posix.dirname(from);
    let best = cands[0]!;
    let bestScore = -1;
    for (const c of cands) {
      let k = 0;
      while (k < dir.length && k < c.length && dir[k] === c[k]) k++;
      if (k > bestScore) {
        bestScore = k;
        best = c;
      }
    }
    return best;
  }
}
