/**
 * The detector contract. A detector is pure: it gets bytes and a context, returns facts and
 * diagnostics. Only the scan runner and the CLI touch the file system or the terminal.
 */
import type { Diagnostic, Finding } from '@pqready/core';

/** What the runner knows of a file before any detector reads it. */
export interface FileHead {
  /** Path relative to the scan root, POSIX separators (what evidence shows). */
  readonly path: string;
  /** Absolute path on disk (never rendered). */
  readonly absPath: string;
  readonly size: number;
  /** The first bytes of the file (up to 4 KiB): enough to sniff PEM, DER, ELF, text. */
  readonly head: Uint8Array;
  /**
   * Set when this path is another name (symlink or hard link) for a file already in the scan, given
   * here by its path. Such a path is in `ctx.files` so that includes written with it resolve, but no
   * detector is run on it: each file is reported once.
   */
  readonly aliasOf?: string;
}

/** A whole file, read once by the runner and handed to every detector that accepts it. */
export interface ScanFile extends FileHead {
  readonly bytes: Uint8Array;
  /** SHA-256 (hex) of `bytes`. */
  readonly sha256: string;
  /** UTF-8 text with a BOM removed and CRLF kept; decoded once, lazily. Invalid bytes become U+FFFD. */
  text(): string;
  /**
   * Set when `bytes` is one window of a file too large to hold whole (see `Detector.streams`): where the window
   * starts in the file. `sha256` is then the whole file's; `head` is the file's first bytes.
   */
  readonly window?: { readonly offset: number };
}

export interface DetectResult {
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface ScanOptions {
  /** `-D` style defines for the C preprocessor evaluation (`--define NAME=VALUE`). */
  readonly defines: Readonly<Record<string, string>>;
  /** Product versions whose defaults apply when a directive is absent (`--assume nginx=1.22`). */
  readonly assume: Readonly<Record<string, string>>;
  /** Follow config includes that point outside the scan roots. */
  readonly followIncludesOutside: boolean;
  /** Worker threads for parse-heavy detectors (default: CPU count). */
  readonly jobs: number;
  /**
   * Configuration headers the build uses (`--config-file`), relative to a scan root: the C analysis
   * evaluates sources against them instead of guessing among alternatives.
   */
  readonly configFiles?: readonly string[];
}

/** One scan root on disk. */
export interface ScanRoot {
  /** Absolute POSIX path of the root (a directory, or a file given as a root). */
  readonly absPath: string;
  /** What its files' scan paths start with: `''` with one directory root, else the root's name. */
  readonly prefix: string;
}

export interface DetectContext {
  /** The scan's reference time (SOURCE_DATE_EPOCH when set): validity checks use it, never the clock. */
  readonly scanTime: Date;
  readonly options: ScanOptions;
  /**
   * Absolute POSIX directory that paths of files outside every root are written relative to (a followed include
   * of `/opt/x.conf` becomes `../opt/x.conf`): the root's directory with one root, the working directory with
   * several. The runner always sets it; contexts built by tests without a disk may leave it out.
   */
  readonly scanRoot?: string;
  /**
   * Where each root sits on disk and how its files' scan paths start: an absolute config include under a root is
   * that root's file (scanning `/etc` maps `/etc/nginx/conf.d/x.conf` to `nginx/conf.d/x.conf`; scanning `/etc/nginx`
   * and `/etc/ssh` maps it to `nginx/conf.d/x.conf` and `/etc/ssh/sshd_config` to `ssh/sshd_config`). The runner
   * always sets it; without it, `scanRoot` stands for the one root.
   */
  readonly scanRoots?: readonly ScanRoot[];
  /** Every file of the scan, by relative path: lets a detector resolve includes across the tree. */
  readonly files: ReadonlyMap<string, FileHead>;
  /** Reads a file of the scan (by relative path); undefined when it is not part of the scan or unreadable. */
  readFile(path: string): Promise<ScanFile | undefined>;
  /**
   * Reads a file outside the scanned paths by absolute path (a config include such as
   * `/etc/nginx/conf.d/*.conf`). Undefined unless `options.followIncludesOutside` is set, or when
   * unreadable. Its `path` is written relative to the scan root (it may start with `../`).
   */
  readOutside(absPath: string): Promise<ScanFile | undefined>;
  /**
   * Names of the regular files in a directory outside the scanned paths (for an include glob such as
   * `/etc/nginx/conf.d/*.conf`). Undefined unless `options.followIncludesOutside` is set, or when unreadable.
   */
  listOutside?(absDir: string): Promise<readonly string[] | undefined>;
}

/**
 * A per-file detector implements `detect`; a detector that needs the whole tree at once
 * (C translation units with their headers, config includes) implements `scanAll`
 * and reads what it needs through `ctx.readFile`.
 */
export interface Detector {
  /** Names the evidence, not the verdict: `x509-certificate`, `c-crypto-api`, `nginx-tls`. */
  readonly id: string;
  readonly summary: string;
  accepts(file: FileHead): boolean;
  detect?(file: ScanFile, ctx: DetectContext): DetectResult | Promise<DetectResult>;
  /**
   * `detect` finds self-contained objects (PEM blocks, embedded certificates) and may be given a large file as a
   * series of overlapping windows: the runner moves the line and byte positions it reports to the whole file and
   * keeps each object once.
   */
  readonly streams?: boolean;
  scanAll?(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult>;
}
