/**
 * Whether a path on disk is inside the scan: the one rule that config includes (`--follow-includes-outside`) and
 * symbolic links met by the walk (`--follow-symlinks-outside`) share. A path is inside when it is a root or lies
 * under one, compared as absolute POSIX paths; symbolic links are compared by their real paths, so a link that
 * leaves the roots and comes back (`sysroot -> /`) is outside whatever its target later holds.
 */
import type { ScanRoot } from '../detectors/types.js';

const trimSlash = (dir: string): string => (dir === '/' ? '' : dir.replace(/\/+$/, ''));

/** `abs` relative to `dir` when it is `dir` (`''`) or under it, else undefined (both absolute POSIX paths). */
function withinDir(abs: string, dir: string): string | undefined {
  const d = trimSlash(dir);
  if (abs === d || (d === '' && abs === '/')) return '';
  return abs.startsWith(`${d}/`) ? abs.slice(d.length + 1) : undefined;
}

/** Whether an absolute path is one of the directories or files given, or lies under one of them. */
export function insideAny(abs: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => withinDir(abs, d) !== undefined);
}

/** The scan path of an absolute path under a root (the deepest root wins), else undefined. */
export function underRoot(abs: string, roots: readonly ScanRoot[]): string | undefined {
  // The deepest root first: scanning `/etc` and `/etc/nginx` maps `/etc/nginx/x` to the second root's file.
  for (const r of [...roots].sort((a, b) => b.absPath.length - a.absPath.length)) {
    const rest = withinDir(abs, r.absPath);
    if (rest === undefined) continue;
    if (rest === '') {
      if (r.prefix) return r.prefix;
      continue;
    }
    return r.prefix ? `${r.prefix}/${rest}` : rest;
  }
  return undefined;
}
