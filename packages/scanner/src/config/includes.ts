/**
 * The one include mechanism of the config detectors (nginx `include`, Apache `Include`/`IncludeOptional`, sshd
 * `Include`, mosquitto `include_dir`, strongSwan `include`, OpenSSL `.include`): patterns resolved against the
 * files of the scan, absolute paths mapped through the scan root given in the detection context, and (with
 * `--follow-includes-outside`) against the disk outside it. Every detector gets the same diagnostics:
 * `include-outside-root`, `include-not-found`, `include-cycle` and `include-depth`.
 */
import { posix } from 'node:path';
import type { Diagnostic } from '@pqready/core';
import type { DetectContext, ScanFile, ScanRoot } from '../detectors/types.js';
import { underRoot } from '../runner/placement.js';
import { diagnostic } from './protocol-finding.js';

interface IncludeResolution {
  readonly paths: readonly string[];
  /** The pattern points outside the scan root (`..` escaping it, or an absolute path the scan does not hold). */
  readonly outside: boolean;
}

/** Glob (`*`, `?`, `[…]`) → anchored RegExp over POSIX paths; `*` never crosses `/`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const isGlob = (s: string): boolean => /[*?[]/.test(s);

/**
 * The scan's paths grouped by directory, built once per file map: a glob is matched against one directory's
 * files, not the whole tree, so resolving N includes over M files costs N × (files per directory).
 */
interface FileIndex {
  readonly all: ReadonlySet<string>;
  readonly byDir: ReadonlyMap<string, readonly string[]>;
  /** Every directory that holds a file of the scan, directly or below it. */
  readonly dirs: ReadonlySet<string>;
}
const indexes = new WeakMap<object, FileIndex>();
function indexOf(files: ReadonlyMap<string, unknown>): FileIndex {
  let idx = indexes.get(files);
  if (!idx) {
    const byDir = new Map<string, string[]>();
    for (const f of files.keys()) {
      const dir = posix.dirname(f);
      const list = byDir.get(dir);
      if (list) list.push(f);
      else byDir.set(dir, [f]);
    }
    const dirs = new Set<string>();
    for (const dir of byDir.keys()) {
      for (let d = dir; d !== '.' && d !== '' && !dirs.has(d); d = posix.dirname(d)) dirs.add(d);
    }
    idx = { all: new Set(files.keys()), byDir, dirs };
    indexes.set(files, idx);
  }
  return idx;
}

/** Whether a scan-relative directory holds files of the scan (directly or below it). */
export const holdsFiles = (files: ReadonlyMap<string, unknown>, dir: string): boolean => indexOf(files).dirs.has(dir);

/**
 * Glob matching as glob(3) does it for nginx and APR_FNM_PERIOD for Apache: a leading `*` or `?` never matches
 * the leading dot of a hidden file (`conf.d/*.conf` skips `conf.d/.default.conf`).
 */
function match(pattern: string, idx: FileIndex): string[] {
  if (!isGlob(pattern)) return idx.all.has(pattern) ? [pattern] : [];
  const re = globToRegExp(pattern);
  const last = posix.basename(pattern);
  const hidden = (f: string) => posix.basename(f).startsWith('.') && !last.startsWith('.');
  const dir = posix.dirname(pattern);
  const candidates = isGlob(dir) ? [...idx.all] : (idx.byDir.get(dir) ?? []);
  return candidates.filter((f) => re.test(f) && !hidden(f)).sort();
}

/** The leading directories of a glob pattern that hold no glob character (`a/b` for `a/b/*.d/x.conf`). */
function fixedDir(pattern: string): string {
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex(isGlob);
  return parts.slice(0, firstGlob < 0 ? parts.length - 1 : firstGlob).join('/');
}

/**
 * Where the scan sits on disk: every root with the prefix of its scan paths (`DetectContext.scanRoots`), or one
 * absolute directory that scan paths are relative to (a context without roots).
 */
type ScanPlacement = string | readonly ScanRoot[] | undefined;

/** The placement of a detection context: its roots when the runner gave them, else its one scan root. */
export const placementOf = (ctx: Pick<DetectContext, 'scanRoot' | 'scanRoots'>): ScanPlacement =>
  ctx.scanRoots ?? ctx.scanRoot;

/** Where an absolute path of the configured system sits in the scan: the root holding it, then the rest. */
function scanPathOf(abs: string, placement: ScanPlacement): string | undefined {
  if (placement === undefined) return undefined;
  return underRoot(abs, typeof placement === 'string' ? [{ absPath: placement, prefix: '' }] : placement);
}

/** The absolute directory of a scan-relative directory (its root's place on disk, then the rest). */
function absoluteDir(dir: string, placement: ScanPlacement, fallback: string): string {
  if (placement === undefined || typeof placement === 'string') return posix.join(placement ?? fallback, dir);
  const root =
    placement.find((r) => r.prefix === '') ??
    placement.find((r) => r.prefix !== '' && (dir === r.prefix || dir.startsWith(`${r.prefix}/`)));
  if (!root) return posix.join(fallback, dir);
  return posix.join(root.absPath, root.prefix ? dir.slice(root.prefix.length) : dir);
}

/**
 * Resolves an include pattern. `baseDir` is the scan-relative directory relative patterns start from (the main
 * config's directory, or the server root). `scanRoot` places the scan on disk (`placementOf(ctx)`): an absolute
 * include under a scan root is that root's file. Other absolute paths are tried with leading components dropped, as
 * paths of a firmware root file system or of a config directory copied into a repository.
 */
export function resolveInclude(
  pattern: string,
  baseDir: string,
  files: ReadonlyMap<string, unknown>,
  scanRoot?: ScanPlacement,
): IncludeResolution {
  const idx = indexOf(files);
  if (!pattern.startsWith('/')) {
    const joined = posix.normalize(posix.join(baseDir || '.', pattern));
    if (joined.startsWith('../') || joined === '..') return { paths: [], outside: true };
    return { paths: match(joined.replace(/^\.\//, ''), idx), outside: false };
  }
  // Scanning a live system (`/etc`, `/etc/nginx`, `/`): an absolute path under the scan root is that file.
  const abs = posix.normalize(pattern);
  const rel = scanPathOf(abs, scanRoot);
  if (rel !== undefined) return { paths: match(rel, idx), outside: false };
  const parts = pattern.split('/').filter((p) => p !== '');
  // Dropping down to a bare file name would let `/etc/ssh/ssh_config.d/*.conf` match every `*.conf` of the
  // tree when that directory is absent; only a config at the scan root may include a bare, glob-free name.
  const atRoot = baseDir === '' || baseDir === '.';
  const lastDrop = atRoot && !isGlob(parts.at(-1) ?? '') ? parts.length - 1 : parts.length - 2;
  const tried: string[] = [];
  for (let drop = 0; drop <= lastDrop; drop++) {
    const rest = parts.slice(drop).join('/');
    for (const cand of drop === 0 ? [rest] : [posix.join(baseDir || '.', rest).replace(/^\.\//, ''), rest]) {
      const hits = match(cand, idx);
      if (hits.length > 0) return { paths: hits, outside: false };
    }
    tried.push(rest);
  }
  // An empty glob (`conf.d/*.conf` of an empty conf.d) is inside the root when the directory holding the
  // globbed one is part of the scan: the include configures nothing, as for the server itself.
  if (isGlob(pattern)) {
    const base = atRoot ? '' : baseDir;
    for (const cand of tried) {
      const parent = posix.dirname(fixedDir(cand));
      const dir = parent === '.' ? '' : parent;
      if (dir === base || (dir !== '' && idx.dirs.has(dir))) return { paths: [], outside: false };
    }
  }
  return { paths: [], outside: true };
}

/** Resolves a referenced file path (certificate, key) the same way, for linking to the inventory. */
export function resolveReference(
  path: string,
  baseDir: string,
  files: ReadonlyMap<string, unknown>,
  scanRoot?: ScanPlacement,
): string | undefined {
  return resolveInclude(path, baseDir, files, scanRoot).paths[0];
}

/** A directory and its parents, nearest first (`a/b` → `a/b`, `a`, ``): where a conf prefix may sit. */
export function ancestors(dir: string): string[] {
  const out: string[] = [];
  let d = dir === '.' ? '' : dir;
  for (;;) {
    out.push(d);
    if (d === '') return out;
    const up = posix.dirname(d);
    d = up === '.' ? '' : up;
  }
}

/** Where an include directive is written. */
interface IncludeSite {
  readonly path: string;
  readonly line: number;
}

interface IncludeRequest {
  readonly pattern: string;
  readonly from: IncludeSite;
  /** Scan-relative directories a relative pattern is tried against, in order (the first that matches wins). */
  readonly baseDirs: readonly string[];
  /** The chain of files that led here, the top-level config first (cycle and depth checks). */
  readonly stack: readonly string[];
  /** `IncludeOptional`, `include_dir`, a glob: matching nothing is not worth a diagnostic. */
  readonly optional?: boolean;
  /** Other spellings tried when `pattern` matches nothing (Apache: relative to ServerRoot, then to the config). */
  readonly also?: readonly string[];
  /**
   * Directories that a Debian-style tree enables by symlinks from a sibling (`sites-enabled` → `sites-available`).
   * A repository often ships only the sibling: when the pattern matches nothing and the tree has no such directory
   * next to the sibling it does hold, the sibling's files are read in its place (with an info diagnostic).
   */
  readonly enabledFrom?: Readonly<Record<string, string>>;
}

export interface IncludeTarget {
  /** Scan-relative path (may start with `../` for a file outside the scan root). */
  readonly path: string;
  /** Read with `ctx.readOutside` (the absolute path is `absPath`). */
  readonly outside: boolean;
  readonly absPath?: string;
}

interface IncludeOptions {
  /** Product word used in messages: `Include`, `.include`, `include_dir`. */
  readonly word?: string;
  readonly maxDepth?: number;
}

/** Nested includes deeper than this are not followed; real configurations nest three or four levels. */
export const MAX_INCLUDE_DEPTH = 16;

/**
 * Follows includes for one detector over one scan: resolves patterns, reads targets (inside the scan, or outside
 * it with `--follow-includes-outside`), and diagnoses what it cannot follow, the same way for every detector.
 * `included` collects the files reached through an include: detectors report them through their includer.
 */
export class IncludeFollower {
  readonly diagnostics: Diagnostic[] = [];
  readonly included = new Set<string>();
  private readonly word: string;
  private readonly maxDepth: number;

  constructor(
    private readonly detector: string,
    private readonly ctx: DetectContext,
    options: IncludeOptions = {},
  ) {
    this.word = options.word ?? 'Include';
    this.maxDepth = options.maxDepth ?? MAX_INCLUDE_DEPTH;
  }

  private note(severity: Diagnostic['severity'], code: string, message: string, at: IncludeSite): void {
    this.diagnostics.push(diagnostic(this.detector, severity, code, message, at.path, at.line));
  }

  /** The files an include names, each checked for cycles and depth; diagnostics for what is not followed. */
  async resolve(req: IncludeRequest): Promise<IncludeTarget[]> {
    const { pattern, from } = req;
    let res: IncludeResolution | undefined;
    let inside: IncludeResolution | undefined;
    search: for (const p of [pattern, ...(req.also ?? [])]) {
      for (const dir of req.baseDirs.length > 0 ? req.baseDirs : ['']) {
        const r = resolveInclude(p, dir, this.ctx.files, placementOf(this.ctx));
        if (r.paths.length > 0) {
          res = r;
          break search;
        }
        res ??= r;
        if (!r.outside) inside ??= r;
      }
    }
    if ((res?.paths.length ?? 0) === 0 && req.enabledFrom) {
      const sibling = this.fromSibling(req);
      if (sibling) {
        res = sibling.res;
        this.note(
          'info',
          'include-enabled-absent',
          `${this.word} "${pattern}": the tree has no ${sibling.enabled}/ directory; its files are taken from ` +
            `${sibling.available}/, whose entries it would link.`,
          from,
        );
      }
    }
    // A spelling that stays inside the scan makes a missing file "not found", not "outside".
    if (res && res.paths.length === 0 && inside) res = inside;
    res ??= { paths: [], outside: false };
    let targets: IncludeTarget[] = res.paths.map((path) => ({ path, outside: false }));
    // With --follow-includes-outside, an absolute include that the scan does not hold is read from the disk even
    // when it looks like an empty directory of the tree (a copied /etc layout): the disk is the truth then.
    const absentAbsolute = pattern.startsWith('/') && this.ctx.options.followIncludesOutside;
    if (targets.length === 0 && absentAbsolute && !res.outside)
      targets = await this.outside(pattern, req.baseDirs[0] ?? '');
    if (targets.length === 0 && res.outside) {
      if (!this.ctx.options.followIncludesOutside) {
        this.note(
          'info',
          'include-outside-root',
          `${this.word} "${pattern}" is outside the scan root; not followed.`,
          from,
        );
        return [];
      }
      targets = await this.outside(pattern, req.baseDirs[0] ?? '');
    }
    if (targets.length === 0 && !req.optional && !isGlob(pattern)) this.notFound(pattern, from);
    const out: IncludeTarget[] = [];
    for (const t of targets) {
      if (req.stack.includes(t.path)) {
        this.note('warning', 'include-cycle', `${this.word} of "${t.path}" forms a cycle; skipped.`, from);
        continue;
      }
      if (req.stack.length > this.maxDepth) {
        this.note(
          'warning',
          'include-depth',
          `${this.word} of "${t.path}" is nested deeper than ${this.maxDepth} levels; not followed.`,
          from,
        );
        continue;
      }
      this.markIncluded(t.path);
      out.push(t);
    }
    return out;
  }

  /** The include read from the sibling of its `*-enabled` directory, when the tree holds only the sibling. */
  private fromSibling(req: IncludeRequest): { res: IncludeResolution; enabled: string; available: string } | undefined {
    const parts = req.pattern.split('/');
    const at = parts.findIndex((p) => Object.hasOwn(req.enabledFrom ?? {}, p));
    if (at < 0) return undefined;
    const enabledName = parts[at]!;
    const availableName = req.enabledFrom![enabledName]!;
    const alt = [...parts.slice(0, at), availableName, ...parts.slice(at + 1)].join('/');
    const dirs = indexOf(this.ctx.files).dirs;
    for (const dir of req.baseDirs.length > 0 ? req.baseDirs : ['']) {
      const r = resolveInclude(alt, dir, this.ctx.files, this.ctx.scanRoot);
      const first = r.paths[0];
      if (!first) continue;
      const segs = first.split('/');
      const i = segs.lastIndexOf(availableName, -2);
      if (i < 0) continue;
      const available = segs.slice(0, i + 1).join('/');
      const enabled = [...segs.slice(0, i), enabledName].join('/');
      if (dirs.has(enabled)) return undefined;
      return { res: r, enabled, available };
    }
    return undefined;
  }

  /** An include that names nothing the scan holds (a detector with its own fallbacks reports it itself). */
  notFound(pattern: string, from: IncludeSite): void {
    this.note('info', 'include-not-found', `${this.word} "${pattern}" matches no file.`, from);
  }

  /** Absolute (or root-escaping) patterns read from the disk; only with `--follow-includes-outside`. */
  private async outside(pattern: string, baseDir: string): Promise<IncludeTarget[]> {
    const root = this.ctx.scanRoot ?? '/';
    const abs = pattern.startsWith('/')
      ? posix.normalize(pattern)
      : posix.join(absoluteDir(baseDir, placementOf(this.ctx), root), pattern);
    const dir = posix.dirname(abs);
    let names: readonly string[] = [posix.basename(abs)];
    if (isGlob(abs)) {
      if (isGlob(dir)) return [];
      const re = globToRegExp(posix.basename(abs));
      const hidden = !posix.basename(abs).startsWith('.');
      names = ((await this.ctx.listOutside?.(dir)) ?? []).filter((n) => re.test(n) && !(hidden && n.startsWith('.')));
    }
    return [...names].sort().map((n) => {
      const absPath = posix.join(dir, n);
      return { path: posix.relative(root, absPath), outside: true, absPath };
    });
  }

  /** Reads an include target. */
  read(t: IncludeTarget): Promise<ScanFile | undefined> {
    return t.outside ? this.ctx.readOutside(t.absPath ?? t.path) : this.ctx.readFile(t.path);
  }

  /**
   * Marks a file as included under the path it was included by and, when that path is a symlink (Debian's
   * sites-enabled/, mods-enabled/), under the path of the file it names: that file is then not reported a second
   * time as a config of its own.
   */
  markIncluded(path: string): void {
    this.included.add(path);
    const target = (this.ctx.files.get(path) as { readonly aliasOf?: string } | undefined)?.aliasOf;
    if (target) this.included.add(target);
  }

  /** Whether a file was reached through an include (by its own path or its alias). */
  isIncluded(path: string): boolean {
    return this.included.has(path);
  }
}
