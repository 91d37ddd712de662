/**
 * Walks the scan roots and yields every regular file once, with its path relative to its scan
 * root in POSIX form (prefixed with the root's name when there are several roots). Symbolic links whose real
 * path stays inside the roots are followed; a link that leaves them (a CA bundle of the host, `sysroot -> /`)
 * is reported and not followed unless asked (`followSymlinksOutside`), by the rule config includes use
 * (`placement.ts`). A directory already on the walk (same device and inode) is never entered twice, so symlink
 * loops end with a diagnostic. Paths that `.gitignore`, `.pqreadyignore` or exclude patterns
 * leave out (see `ignore.ts`) are reported as ignored and, for folders, not entered.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, opendir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '@pqready/core';
import { type IgnoreOptions, IgnoreRules } from './ignore.js';
import { insideAny } from './placement.js';

interface WalkedFile {
  readonly path: string;
  readonly absPath: string;
  readonly size: number;
}

export interface WalkEvent {
  readonly file?: WalkedFile;
  /** Another name (symlink or hard link) for a file already walked: `of` is that file's path. */
  readonly alias?: WalkedFile & { readonly of: string };
  readonly diagnostic?: Diagnostic;
  /** A file or folder left out by an ignore file or exclude pattern (a folder is not entered). */
  readonly ignored?: { readonly path: string; readonly directory: boolean };
}

/** What the walk enters besides the ignore rules. */
export interface WalkScope {
  /** Follow symbolic links whose real path is outside every root (default: report them, not followed). */
  readonly followSymlinksOutside?: boolean;
  /** Absolute paths never walked nor reported (the scan's own output file); with `skipPrefixes`, the temp files. */
  readonly skipPaths?: readonly string[];
  /** Absolute path prefixes of files never walked (the output's temporary files: `dir/.name.`, ending `.tmp`). */
  readonly skipTempPrefixes?: readonly string[];
}

interface WalkOptions extends IgnoreOptions, WalkScope {}

/** Version-control metadata holds no shipped crypto and is large; everything else is walked. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', '.hg', '.svn']);

const toPosix = (p: string): string => p.split(path.sep).join('/');

/**
 * Names of the scan roots (`Inventory.roots`): the base name of each resolved root, with parent directories
 * added only where two roots would otherwise share a name, or the absolute path when asked. A name never
 * depends on how the root was spelled (`dir`, `./dir/`, `$PWD/dir`) nor on the working directory.
 */
export function rootNames(roots: readonly string[], absolute = false): string[] {
  const resolved = roots.map((r) => toPosix(path.resolve(r)));
  if (absolute) return resolved;
  const segments = resolved.map((r) => r.split('/').filter(Boolean));
  const depth = segments.map(() => 1);
  const name = (i: number) => segments[i]!.slice(-depth[i]!).join('/') || '/';
  for (let changed = true; changed; ) {
    // Every root that shares its name with a different root gets one more parent folder, all at once.
    const clashing = roots
      .map((_, i) => i)
      .filter((i) => depth[i]! < segments[i]!.length)
      .filter((i) => resolved.some((r, j) => r !== resolved[i] && name(j) === name(i)));
    for (const i of clashing) depth[i]! += 1;
    changed = clashing.length > 0;
  }
  return roots.map((_, i) => name(i));
}

/** How evidence paths are written: relative to the single directory root, else relative to the working directory. */
function displayBase(roots: readonly string[], rootStats: readonly (Stats | undefined)[]): string {
  if (roots.length === 1 && rootStats[0]?.isDirectory()) return path.resolve(roots[0]!);
  if (roots.length === 1 && rootStats[0]?.isFile()) return path.dirname(path.resolve(roots[0]!));
  return process.cwd();
}

/** The directory that paths of files outside every root (followed includes) are written relative to. */
export async function scanBase(roots: readonly string[]): Promise<string> {
  return displayBase(roots, await Promise.all(roots.map((r) => stat(r).catch(() => undefined))));
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function diag(code: string, message: string, relPath: string, severity: Diagnostic['severity'] = 'warning'): WalkEvent {
  return { diagnostic: { severity, code, message, path: relPath, detector: 'walk' } };
}

/** `names` are the roots' names (`rootNames`); with several roots every path starts with its root's name. */
export async function* walk(
  roots: readonly string[],
  names = rootNames(roots),
  ignoreOptions: WalkOptions = {},
): AsyncGenerator<WalkEvent> {
  const rootStats = await Promise.all(roots.map((r) => stat(r).catch(() => undefined)));
  const base = displayBase(roots, rootStats);
  const realRoots = (await Promise.all(roots.map((r) => realpath(r).catch(() => undefined))))
    .filter((r): r is string => r !== undefined)
    .map(toPosix);
  const skipped = new Set(ignoreOptions.skipPaths ?? []);
  const tempPrefixes = ignoreOptions.skipTempPrefixes ?? [];
  const isOwnOutput = (p: string): boolean =>
    skipped.has(p) || tempPrefixes.some((t) => p.startsWith(t) && p.endsWith('.tmp'));
  const seenDirs = new Set<string>();
  /** (device, inode) → the path the file was first walked under. */
  const seenFiles = new Map<string, string>();

  for (const [i, root] of roots.entries()) {
    const abs = path.resolve(root);
    const st = rootStats[i];
    const rel = (p: string): string => {
      if (roots.length === 1) return toPosix(path.relative(base, p)) || path.basename(p);
      const inside = toPosix(path.relative(st?.isFile() ? path.dirname(abs) : abs, p));
      return st?.isFile() ? names[i]! : inside ? `${names[i]}/${inside}` : names[i]!;
    };
    if (!st) {
      yield diag(
        'root-unreadable',
        `Cannot read scan root ${names[i]}: ${describeError(await stat(abs).catch((e) => e))}.`,
        names[i]!,
        'error',
      );
      continue;
    }
    if (st.isFile()) {
      const key = `${st.dev}:${st.ino}`;
      const first = seenFiles.get(key);
      if (first === undefined) {
        seenFiles.set(key, rel(abs));
        yield { file: { path: rel(abs), absPath: abs, size: st.size } };
      } else if (first !== rel(abs)) {
        yield { alias: { path: rel(abs), absPath: abs, size: st.size, of: first } };
      }
      continue;
    }
    // Explicit stack: deep trees must not grow the JS call stack. Each folder carries the ignore rules in force.
    const stack: [string, IgnoreRules][] = [[abs, await IgnoreRules.forRoot(abs, ignoreOptions)]];
    while (stack.length > 0) {
      const [dir, parentRules] = stack.pop()!;
      let dirStat: Stats;
      try {
        dirStat = await stat(dir);
      } catch (error) {
        yield diag('unreadable', `Cannot read directory: ${describeError(error)}.`, rel(dir));
        continue;
      }
      const dirKey = `${dirStat.dev}:${dirStat.ino}`;
      if (seenDirs.has(dirKey)) {
        const target = await realpath(dir).catch(() => dir);
        yield diag(
          'symlink-loop',
          `Directory already scanned via another path (${toPosix(path.relative(base, target)) || '.'}); not entered again.`,
          rel(dir),
          'info',
        );
        continue;
      }
      seenDirs.add(dirKey);
      const entries: Dirent[] = [];
      try {
        const handle = await opendir(dir);
        for await (const entry of handle) entries.push(entry);
      } catch (error) {
        yield diag('unreadable', `Cannot list directory: ${describeError(error)}.`, rel(dir));
        continue;
      }
      // Sorted so that walk order (and with it any order-dependent output) is the same on every machine.
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const rules = parentRules.empty ? parentRules : await parentRules.enter(dir, new Set(entries.map((e) => e.name)));
      const subdirs: string[] = [];
      for (const entry of entries) {
        const entryPath = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
          if (rules.ignores(entryPath, true)) yield { ignored: { path: rel(entryPath), directory: true } };
          else subdirs.push(entryPath);
          continue;
        }
        if (isOwnOutput(entryPath)) continue;
        let st: Stats;
        try {
          st = entry.isSymbolicLink() ? await stat(entryPath) : await lstat(entryPath);
        } catch (error) {
          yield diag(
            entry.isSymbolicLink() ? 'broken-symlink' : 'unreadable',
            entry.isSymbolicLink()
              ? `Symbolic link cannot be followed: ${describeError(error)}.`
              : `Cannot stat file: ${describeError(error)}.`,
            rel(entryPath),
          );
          continue;
        }
        if (rules.ignores(entryPath, st.isDirectory())) {
          yield { ignored: { path: rel(entryPath), directory: st.isDirectory() } };
          continue;
        }
        if (entry.isSymbolicLink() && !ignoreOptions.followSymlinksOutside) {
          const real = await realpath(entryPath).catch(() => undefined);
          if (real !== undefined && !insideAny(toPosix(real), realRoots)) {
            const target = await readlink(entryPath).catch(() => real);
            yield diag(
              'symlink-outside-root',
              `Symbolic link to ${JSON.stringify(toPosix(target))} points outside the scan root; not followed ` +
                '(--follow-symlinks-outside follows it).',
              rel(entryPath),
              'info',
            );
            continue;
          }
        }
        if (st.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) subdirs.push(entryPath);
        } else if (st.isFile()) {
          const key = `${st.dev}:${st.ino}`;
          const first = seenFiles.get(key);
          if (first !== undefined) {
            // Debian's sites-enabled/ and mods-enabled/ are symlinks: configs include them by that name.
            yield { alias: { path: rel(entryPath), absPath: entryPath, size: st.size, of: first } };
            continue;
          }
          seenFiles.set(key, rel(entryPath));
          yield { file: { path: rel(entryPath), absPath: entryPath, size: st.size } };
        } else {
          yield diag('not-a-regular-file', 'Special file (device, socket or FIFO) skipped.', rel(entryPath), 'info');
        }
      }
      // Reverse so that popping visits subdirectories in sorted order.
      for (let j = subdirs.length - 1; j >= 0; j--) stack.push([subdirs[j]!, rules]);
    }
  }
}
