/**
 * Which paths a scan leaves out: `.gitignore` files (git's rules, https://git-scm.com/docs/gitignore), the
 * repository's `.git/info/exclude`, `.pqreadyignore` files in the same syntax, and exclude patterns given by the
 * caller. Matching is the `ignore` package's (the `.gitignore` matcher ESLint and Prettier use); this module only
 * decides which pattern files apply where, and in which order.
 *
 * Order, last word wins: `.gitignore` files from the repository top down to the folder, then `.pqreadyignore` files
 * the same way, then the exclude patterns. A folder that is left out is not entered, as in git. Each pattern file is
 * matched on its own and a path is matched with its parent folders, so bringing back a folder that another file
 * leaves out takes the folder and its content: `!build/` and `!build/**` in `.pqreadyignore`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface IgnoreOptions {
  /** Honour `.gitignore` files in the tree, above it up to the repository top, and `.git/info/exclude`. */
  readonly gitignore?: boolean;
  /** Honour `.pqreadyignore` files (gitignore syntax) in the tree and above it up to the repository top. */
  readonly pqreadyignore?: boolean;
  /** Patterns in gitignore syntax, relative to each scan root (`build/`, `**\/test/*.pem`, `*.o`). */
  readonly exclude?: readonly string[];
  /** Patterns in gitignore syntax relative to a given folder (a configuration file's), applied with `exclude`. */
  readonly excludeAt?: readonly { readonly base: string; readonly patterns: readonly string[] }[];
}

/** One pattern file (or the exclude list), anchored at the folder its patterns are relative to. */
interface Layer {
  readonly base: string;
  readonly matcher: Ignore;
  /** 0: `.gitignore`, 1: `.pqreadyignore`, 2: exclude patterns; layers apply in this order, then shallow to deep. */
  readonly rank: number;
}

const PATTERN_FILES: readonly { readonly name: string; readonly rank: number; readonly option: keyof IgnoreOptions }[] =
  [
    { name: '.gitignore', rank: 0, option: 'gitignore' },
    { name: '.pqreadyignore', rank: 1, option: 'pqreadyignore' },
  ];

const toPosix = (p: string): string => p.split(path.sep).join('/');

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * The top of the git work tree holding `dir` (the nearest folder upwards with a `.git` entry), or undefined.
 * Used to find the pattern files above a scan root, and by callers that write repository-relative paths.
 */
export async function findRepositoryRoot(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (await exists(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

async function readPatterns(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    // An unreadable or absent pattern file leaves nothing out; the walker reports unreadable entries itself.
    return undefined;
  }
}

/** The layers in force for one folder, and how to add the ones its own pattern files bring. */
export class IgnoreRules {
  private readonly layers: readonly Layer[];

  private constructor(
    private readonly options: IgnoreOptions,
    layers: readonly Layer[],
  ) {
    // Stable sort: rank first, then the order layers were added (shallow before deep).
    this.layers = [...layers].sort((a, b) => a.rank - b.rank);
  }

  /** No pattern at all: nothing is left out and no file is read. */
  get empty(): boolean {
    return this.layers.length === 0 && !this.options.gitignore && !this.options.pqreadyignore;
  }

  /** The rules for a scan root: pattern files above it (up to the repository top) and the exclude patterns. */
  static async forRoot(root: string, options: IgnoreOptions): Promise<IgnoreRules> {
    const abs = path.resolve(root);
    const layers: Layer[] = [];
    if (options.exclude?.length) layers.push({ base: abs, matcher: ignore().add([...options.exclude]), rank: 2 });
    for (const { base, patterns } of options.excludeAt ?? []) {
      if (patterns.length) layers.push({ base: path.resolve(base), matcher: ignore().add([...patterns]), rank: 2 });
    }
    const top = options.gitignore || options.pqreadyignore ? await findRepositoryRoot(abs) : undefined;
    if (top && options.gitignore) {
      const info = await readPatterns(path.join(top, '.git', 'info', 'exclude'));
      if (info) layers.push({ base: top, matcher: ignore().add(info), rank: 0 });
    }
    if (top && top !== abs) {
      // Every folder from the top down to the root's parent; the root's own files come with `enter`.
      const chain: string[] = [];
      for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
        chain.unshift(dir);
        if (dir === top || path.dirname(dir) === dir) break;
      }
      for (const dir of chain) layers.push(...(await IgnoreRules.patternLayers(dir, options)));
    }
    return new IgnoreRules(options, layers);
  }

  private static async patternLayers(dir: string, options: IgnoreOptions, names?: ReadonlySet<string>) {
    const out: Layer[] = [];
    for (const file of PATTERN_FILES) {
      if (!options[file.option] || (names && !names.has(file.name))) continue;
      const text = await readPatterns(path.join(dir, file.name));
      if (text) out.push({ base: dir, matcher: ignore().add(text), rank: file.rank });
    }
    return out;
  }

  /** The rules inside `dir`, given the names of its entries (its pattern files are read only when present). */
  async enter(dir: string, names: ReadonlySet<string>): Promise<IgnoreRules> {
    const own = await IgnoreRules.patternLayers(dir, this.options, names);
    return own.length === 0 ? this : new IgnoreRules(this.options, [...this.layers, ...own]);
  }

  /** Whether the file or folder at `abs` is left out. */
  ignores(abs: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const layer of this.layers) {
      const rel = toPosix(path.relative(layer.base, abs));
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const result = layer.matcher.test(isDirectory ? `${rel}/` : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

/**
 * Patterns in gitignore syntax anchored at folders (a configuration file's folder, a scan root), for marking paths
 * rather than leaving them out: third-party folders, configured suppressions. A path matches when some anchor's
 * patterns, tested on the path relative to that anchor, say it is ignored.
 */
export class PathPatterns {
  private readonly anchors: readonly { readonly base: string; readonly matcher: Ignore }[];

  constructor(anchors: readonly { readonly base: string; readonly patterns: readonly string[] }[]) {
    this.anchors = anchors
      .filter((a) => a.patterns.length > 0)
      .map((a) => ({ base: path.resolve(a.base), matcher: ignore().add([...a.patterns]) }));
  }

  get empty(): boolean {
    return this.anchors.length === 0;
  }

  /** Whether the file at `abs` matches (its parent folders count, so `vendor/` covers every file below it). */
  matches(abs: string): boolean {
    return this.anchors.some(({ base, matcher }) => {
      const rel = toPosix(path.relative(base, abs));
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && matcher.ignores(rel);
    });
  }
}
