/**
 * Include resolution shared by the config grammars (nginx `include`, Apache `Include`/`IncludeOptional`,
 * sshd `Include`, HAProxy none): glob patterns resolved against the files of the scan, never the disk.
 * Absolute paths are tried as paths inside the scan root (a firmware root file system) and then with
 * leading components dropped, relative to the directory of the main configuration.
 */
import { posix } from 'node:path';

export interface IncludeResolution {
  readonly paths: readonly string[];
  /** The pattern points outside the scan root (`..` escaping it). */
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

function match(pattern: string, files: Iterable<string>): string[] {
  if (!/[*?[]/.test(pattern)) {
    for (const f of files) if (f === pattern) return [f];
    return [];
  }
  const re = globToRegExp(pattern);
  return [...files].filter((f) => re.test(f)).sort();
}

/** Where absolute paths meet scan-relative ones: `<anchor>/x` is `<prefix>x` (prefix `../../` for multi-root scans). */
interface RootMap {
  readonly anchor: string;
  readonly prefix: string;
}
const roots = new WeakMap<object, RootMap | null>();

/**
 * The scan root's absolute position, read off any FileHead (`absPath` = root + `/` + `path`); a scan of several
 * roots writes paths relative to the working directory, possibly starting with `../`. Undefined for maps
 * without FileHeads (tests) or when the two disagree.
 */
function scanRootOf(files: ReadonlyMap<string, unknown>): RootMap | undefined {
  let root = roots.get(files);
  if (root === undefined) {
    root = null;
    for (const v of files.values()) {
      if (typeof v !== 'object' || v === null) break;
      const { path, absPath } = v as { path?: unknown; absPath?: unknown };
      if (typeof path === 'string' && typeof absPath === 'string') {
        const ups = /^(\.\.\/)*/.exec(path)?.[0] ?? '';
        const rest = path.slice(ups.length);
        if (rest !== '' && absPath.endsWith(`/${rest}`))
          root = { anchor: absPath.slice(0, absPath.length - rest.length - 1) || '/', prefix: ups };
      }
      break;
    }
    roots.set(files, root);
  }
  return root ?? undefined;
}

const isGlob = (s: string): boolean => /[*?[]/.test(s);

/** The leading directories of a glob pattern that hold no glob character (`a/b` for `a/b/*.d/x.conf`). */
function fixedDir(pattern: string): string {
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex(isGlob);
  return parts.slice(0, firstGlob < 0 ? parts.length - 1 : firstGlob).join('/');
}

/**
 * Resolves an include pattern. `baseDir` is the scan-relative directory relative patterns start from
 * (the main config's directory, or the server root).
 */
export function resolveInclude(
  pattern: string,
  baseDir: string,
  files: ReadonlyMap<string, unknown>,
): IncludeResolution {
  const keys = [...files.keys()];
  if (!pattern.startsWith('/')) {
    const joined = posix.normalize(posix.join(baseDir || '.', pattern));
    if (joined.startsWith('../') || joined === '..') return { paths: [], outside: true };
    return { paths: match(joined.replace(/^\.\//, ''), keys), outside: false };
  }
  // Scanning a live system (`/etc`, `/etc/nginx`, `/`): an absolute path under the scan root is that file.
  const root = scanRootOf(files);
  const abs = posix.normalize(pattern);
  if (root && (root.anchor === '/' || abs.startsWith(`${root.anchor}/`))) {
    const rel = root.prefix + abs.slice(root.anchor === '/' ? 1 : root.anchor.length + 1);
    return { paths: match(rel, keys), outside: false };
  }
  const parts = pattern.split('/').filter((p) => p !== '');
  // Dropping down to a bare file name would let `/etc/ssh/ssh_config.d/*.conf` match every `*.conf` of the
  // tree when that directory is absent; only a config at the scan root may include a bare, glob-free name.
  const atRoot = baseDir === '' || baseDir === '.';
  const lastDrop = atRoot && !isGlob(parts.at(-1) ?? '') ? parts.length - 1 : parts.length - 2;
  const tried: string[] = [];
  for (let drop = 0; drop <= lastDrop; drop++) {
    const rest = parts.slice(drop).join('/');
    for (const cand of drop === 0 ? [rest] : [posix.join(baseDir || '.', rest).replace(/^\.\//, ''), rest]) {
      const hits = match(cand, keys);
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
      if (dir === base || (dir !== '' && keys.some((k) => k.startsWith(`${dir}/`))))
        return { paths: [], outside: false };
    }
  }
  return { paths: [], outside: true };
}

/** Resolves a referenced file path (certificate, key) the same way, for linking to the inventory. */
export function resolveReference(
  path: string,
  baseDir: string,
  files: ReadonlyMap<string, unknown>,
): string | undefined {
  return resolveInclude(path, baseDir, files).paths[0];
}

/**
 * Marks a file as included by another config, under the path it was included by and, when that path is
 * a symlink (Debian's sites-enabled/, mods-enabled/), under the path of the file it names: the named file
 * is then not reported a second time as a config of its own.
 */
export function markIncluded(
  included: Set<string>,
  path: string,
  files: ReadonlyMap<string, { readonly aliasOf?: string }>,
): void {
  included.add(path);
  const target = files.get(path)?.aliasOf;
  if (target) included.add(target);
}
