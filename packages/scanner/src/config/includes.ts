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
  const parts = pattern.split('/').filter((p) => p !== '');
  // Dropping down to a bare file name would let `/etc/ssh/ssh_config.d/*.conf` match every `*.conf` of the
  // tree when that directory is absent; only a config at the scan root may include bare names from it.
  const lastDrop = baseDir === '' || baseDir === '.' ? parts.length - 1 : parts.length - 2;
  for (let drop = 0; drop <= lastDrop; drop++) {
    const rest = parts.slice(drop).join('/');
    for (const cand of drop === 0 ? [rest] : [posix.join(baseDir || '.', rest).replace(/^\.\//, ''), rest]) {
      const hits = match(cand, keys);
      if (hits.length > 0) return { paths: hits, outside: false };
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
