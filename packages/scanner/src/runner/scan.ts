/**
 * The scan runner: walk → read → detect → merge. The one place (with the CLI) that touches the
 * file system. Detectors that throw become diagnostics; the scan always completes and its
 * output is sorted so that the same tree gives the same bytes.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import nodePath from 'node:path';
import { setImmediate as eventLoopTurn } from 'node:timers/promises';
import {
  compareDiagnostics,
  compareFindings,
  type Diagnostic,
  type Finding,
  type Inventory,
  type SuppressionDirective,
} from '@pqready/core';
import { isCSource } from '../c/files.js';
import { detectors as defaultDetectors } from '../detectors/index.js';
import type {
  DetectContext,
  Detector,
  DetectResult,
  FileHead,
  ScanFile,
  ScanOptions,
  ScanRoot,
} from '../detectors/types.js';
import { identifyLibraries } from '../libraries/identify.js';
import { looksLikeDer } from '../pki/file-view.js';
import { readDirectives } from './directives.js';
import type { IgnoreOptions } from './ignore.js';
import { makeScanFile, readHead, WalkedFileHead } from './scan-file.js';
import { withSharedShapes } from './shapes.js';
import {
  compareDirectives,
  dedupeDiagnostics,
  describePartition,
  partitionUnits,
  type ShardPartition,
  type ShardSpec,
  unitOf,
  weigh,
} from './shard.js';
import { setActiveTimings, type Timings } from './timings.js';
import { rootNames, scanBase, type WalkEvent, type WalkScope, walk } from './walk.js';
import { detectInWindows, WINDOW_BYTES } from './windows.js';

/**
 * Above this size a file is not read (`--max-file-size`; a diagnostic names each): a scanned tree may hold disk
 * images or captures of any size. Files above `WINDOW_BYTES` and below this are searched window by window.
 */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Files read ahead of the per-file detectors: disk latency overlaps decoding. */
const FILES_AHEAD = 8;

/** Heads read ahead of the walk: enough to keep the disk busy, few enough to hold only a few hundred KiB. */
const HEADS_AHEAD = 32;
/**
 * Per-file detection shares this thread with the tree-wide phase, whose C workers wait on this thread for their next
 * files. Reads done ahead resolve as promise reactions, which run before any other event: without a turn of the event
 * loop now and then, the workers' answers (and so the files sent after them) waited while a run of certificates was
 * decoded. After this many milliseconds of detection the loop turns.
 */
const DETECT_SLICE_MS = 2;

export interface ScanRequest {
  readonly roots: readonly string[];
  /** Name the roots by their absolute paths instead of their base names (see `Inventory.roots`). */
  readonly absoluteRootNames?: boolean;
  readonly scanTime: Date;
  readonly options?: Partial<ScanOptions>;
  readonly detectors?: readonly Detector[];
  readonly maxFileBytes?: number;
  readonly toolVersion?: string;
  /** What to leave out: `.gitignore`, `.pqreadyignore`, exclude patterns (default: nothing). */
  readonly ignore?: IgnoreOptions;
  /** Symbolic links outside the roots (not followed by default) and the scan's own output (never walked). */
  readonly scope?: WalkScope;
  /**
   * Called as files are walked, read by per-file detectors (`detect`) and read by tree-wide ones (`analyse`: C
   * translation units, configs with includes), with the phase's total once it is known; for progress display only.
   */
  readonly onProgress?: (event: {
    readonly phase: 'walk' | 'detect' | 'analyse';
    readonly files: number;
    readonly total?: number;
  }) => void;
  /** Filled with where the wall time goes, phase by phase (`--timings`); measuring only, findings are the same. */
  readonly timings?: Timings;
}

/** A part of a scan split `count` ways (see `shard.ts`). */
interface ShardScan {
  readonly inventory: Inventory;
  readonly partition: ShardPartition;
}

const toPosix = (p: string): string => p.split(nodePath.sep).join('/');

/** The scan path a walk event is about. */
const pathOf = (event: WalkEvent): string | undefined =>
  event.file?.path ?? event.alias?.path ?? event.ignored?.path ?? event.diagnostic?.path;

/**
 * Each root's place on disk and the prefix of its scan paths (see `walk`): with one directory root paths are
 * relative to it; with one file root, relative to its directory; with several roots each path starts with its
 * root's name. Absolute config includes map through these, whichever root the including file is in.
 */
async function scanRootsOf(roots: readonly string[], names: readonly string[]): Promise<ScanRoot[]> {
  const stats = await Promise.all(roots.map((r) => stat(r).catch(() => undefined)));
  return roots.map((r, i) => {
    const absPath = toPosix(nodePath.resolve(r));
    if (roots.length > 1) return { absPath, prefix: names[i]! };
    return stats[i]?.isFile()
      ? { absPath: toPosix(nodePath.dirname(nodePath.resolve(r))), prefix: '' }
      : { absPath, prefix: '' };
  });
}

function errorMessage(error: unknown): string {
  if (error instanceof RangeError) return 'input too deeply nested or too large for this detector';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function unreadable(path: string, error: unknown): Diagnostic {
  return {
    severity: 'warning',
    code: 'unreadable',
    message: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}.`,
    path,
    detector: 'scan',
  };
}

function tooLarge(path: string, size: number, maxFileBytes: number): Diagnostic {
  return {
    severity: 'warning',
    code: 'file-too-large',
    message: `File of ${size} bytes is larger than the ${maxFileBytes}-byte limit (--max-file-size); none of it was examined.`,
    path,
    detector: 'scan',
  };
}

function crashDiagnostic(detector: Detector, error: unknown, path?: string): Diagnostic {
  return {
    severity: 'error',
    code: 'detector-failed',
    message: `Detector ${detector.id} could not process this input: ${errorMessage(error)}.`,
    ...(path === undefined ? {} : { path }),
    detector: detector.id,
  };
}

export async function scan(request: ScanRequest): Promise<Inventory> {
  return (await scanWithTimings(request, undefined)).inventory;
}

/** Scans only this shard's top-level units of the tree; `mergeInventories` puts the parts together. */
export async function scanShard(request: ScanRequest, shard: ShardSpec): Promise<ShardScan> {
  const { inventory, partition } = await scanWithTimings(request, shard);
  return { inventory, partition: partition! };
}

async function scanWithTimings(
  request: ScanRequest,
  shard: ShardSpec | undefined,
): Promise<{ inventory: Inventory; partition?: ShardPartition }> {
  const timings = request.timings;
  if (!timings) return scanTimed(request, undefined, shard);
  setActiveTimings(timings);
  try {
    return await scanTimed(request, timings, shard);
  } finally {
    setActiveTimings(undefined);
  }
}

async function scanTimed(
  request: ScanRequest,
  timings: Timings | undefined,
  shard: ShardSpec | undefined,
): Promise<{ inventory: Inventory; partition?: ShardPartition }> {
  const clock = (): number => (timings ? performance.now() : 0);
  const detectorList = request.detectors ?? defaultDetectors;
  const maxFileBytes = request.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const options: ScanOptions = {
    defines: request.options?.defines ?? {},
    assume: request.options?.assume ?? {},
    followIncludesOutside: request.options?.followIncludesOutside ?? false,
    jobs: request.options?.jobs ?? availableParallelism(),
    ...(request.options?.configFiles ? { configFiles: request.options.configFiles } : {}),
  };
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, FileHead>();
  const hashes = new Map<string, string>();
  const base = await scanBase(request.roots);
  const names = rootNames(request.roots, request.absoluteRootNames);
  let bytesScanned = 0;
  let filesSkipped = 0;
  let pathsIgnored = 0;
  const directives = new Map<string, SuppressionDirective[]>();

  const absorb = (result: DetectResult): void => {
    // Held until the inventory is written: copied so that findings of one shape share one hidden class.
    for (const f of withSharedShapes(result.findings)) findings.push(f);
    diagnostics.push(...result.diagnostics);
  };

  const accepts = (detector: Detector, head: FileHead): boolean => {
    try {
      return detector.accepts(head);
    } catch (error) {
      diagnostics.push(crashDiagnostic(detector, error, head.path));
      return false;
    }
  };
  /**
   * Per file, the detectors that accept it: decided once, while the head is in memory. A tree has a handful of
   * distinct lists: each is held once and shared by its files (a list per file was 20 MB at 100,000 files).
   */
  const acceptedBy = new Map<string, readonly Detector[]>();
  const lists = new Map<string, readonly Detector[]>();
  const shared = (list: readonly Detector[]): readonly Detector[] => {
    const key = list.map((d) => d.id).join('\u0000');
    const known = lists.get(key);
    if (known) return known;
    lists.set(key, list);
    return list;
  };
  /** With a shard, other shards' files a tree-wide detector reads as context: its results there are dropped. */
  const contextFor = new Map<string, readonly Detector[]>();

  // Phase 1: walk, and sniff every file's head so that `accepts` can decide by content. Heads are read ahead of the
  // walk's order (disk latency overlaps) and taken in that order, so the file list is the same.
  const walkStart = clock();
  let sniffMs = 0;
  /** With a shard, the unit of every path this shard does not own (else nothing is foreign). */
  let foreignUnit: (path: string) => string | undefined = () => undefined;
  let partition: ShardPartition | undefined;
  const handle = async (event: WalkEvent, reading: Promise<Uint8Array> | undefined): Promise<void> => {
    const eventPath = pathOf(event);
    if (eventPath !== undefined && foreignUnit(eventPath) !== undefined) {
      // Another shard's file: known by name and size (references resolve), never opened here.
      const file = event.file;
      if (event.alias && files.has(event.alias.of)) {
        const a = event.alias;
        files.set(a.path, new WalkedFileHead(a.path, a.absPath, a.size, undefined, a.of));
      } else if (file && file.size <= maxFileBytes) {
        const head = new WalkedFileHead(file.path, file.absPath, file.size, undefined);
        files.set(file.path, head);
        // Tree-wide detectors read the whole tree's configs, headers and build files as every shard's context
        // (what one file means depends on the others: configuration selection, includes); C sources, where the
        // analysis spends its time, stay with their shard.
        if (!isCSource(file.path)) {
          const accepting = detectorList.filter((d) => d.scanAll && accepts(d, head));
          if (accepting.length > 0) contextFor.set(file.path, shared(accepting));
          head.release();
        }
      }
      return;
    }
    if (event.diagnostic) diagnostics.push(event.diagnostic);
    if (event.ignored) pathsIgnored++;
    const alias = event.alias;
    if (alias && files.has(alias.of)) {
      files.set(alias.path, new WalkedFileHead(alias.path, alias.absPath, alias.size, undefined, alias.of));
      return;
    }
    const file = event.file;
    if (!file) return;
    if (file.size > maxFileBytes) {
      filesSkipped++;
      diagnostics.push(tooLarge(file.path, file.size, maxFileBytes));
      return;
    }
    const sniffStart = clock();
    let head: WalkedFileHead;
    try {
      head = new WalkedFileHead(
        file.path,
        file.absPath,
        file.size,
        await (reading ?? readHead(file.absPath, file.size)),
      );
    } catch (error) {
      filesSkipped++;
      diagnostics.push(unreadable(file.path, error));
      if (timings) sniffMs += performance.now() - sniffStart;
      return;
    }
    files.set(file.path, head);
    const accepting = detectorList.filter((d) => accepts(d, head));
    if (accepting.length > 0) acceptedBy.set(file.path, shared(accepting));
    head.release();
    if (timings) sniffMs += performance.now() - sniffStart;
    request.onProgress?.({ phase: 'walk', files: files.size });
  };
  /** The head of a file this scan will sniff, read before its turn (undefined: the file is not opened here). */
  const readAhead = (event: WalkEvent): Promise<Uint8Array> | undefined => {
    const file = event.file;
    if (!file || file.size > maxFileBytes || foreignUnit(file.path) !== undefined) return undefined;
    const reading = readHead(file.absPath, file.size);
    // A failed read is reported when its turn comes, not as an unhandled rejection meanwhile.
    reading.catch(() => undefined);
    return reading;
  };
  const handleInOrder = async (list: AsyncIterable<WalkEvent> | Iterable<WalkEvent>): Promise<void> => {
    const queue: [WalkEvent, Promise<Uint8Array> | undefined][] = [];
    for await (const event of list) {
      queue.push([event, readAhead(event)]);
      if (queue.length >= HEADS_AHEAD) await handle(...queue.shift()!);
    }
    while (queue.length > 0) await handle(...queue.shift()!);
  };
  const events = walk(request.roots, names, { ...request.ignore, ...request.scope });
  if (!shard) {
    await handleInOrder(events);
  } else {
    // Every shard walks the whole tree to weigh its units the same way, then handles the events in walk order.
    const walked: WalkEvent[] = [];
    const weights = new Map<string, number>();
    for await (const event of events) {
      walked.push(event);
      const p = pathOf(event);
      if (p !== undefined) weigh(weights, unitOf(p, names), event.file?.size ?? 0);
    }
    const assigned = partitionUnits(weights, shard.count);
    partition = describePartition(assigned, shard);
    foreignUnit = (p) => {
      const unit = unitOf(p, names);
      // Paths outside every root (followed includes) belong to the first shard.
      return (assigned.get(unit) ?? 1) === shard.index ? undefined : unit;
    };
    await handleInOrder(walked);
  }
  if (timings) {
    timings.add('walk', performance.now() - walkStart - sniffMs);
    timings.add('sniff (head, accepts)', sniffMs);
  }

  // While per-file detection runs, the tree-wide phase's progress is held back (one bar at a time) and shown after.
  let detecting = true;
  let pendingAnalyse: Parameters<NonNullable<ScanRequest['onProgress']>>[0] | undefined;
  const progress: NonNullable<ScanRequest['onProgress']> = (event) => {
    if (event.phase === 'analyse' && detecting) pendingAnalyse = event;
    else request.onProgress?.(event);
  };
  /** Files the tree-wide detectors will read, and those they have read so far (for progress). */
  const treeFiles = new Set<string>();
  const treeRead = new Set<string>();
  const read = async (head: FileHead): Promise<ScanFile | undefined> => {
    if (treeFiles.has(head.path) && !treeRead.has(head.path)) {
      treeRead.add(head.path);
      progress({ phase: 'analyse', files: treeRead.size, total: treeFiles.size });
    }
    const readStart = clock();
    let hashStart: number | undefined;
    try {
      const bytes = new Uint8Array(await readFile(head.absPath));
      hashStart = clock();
      const scanFile = makeScanFile(head, bytes);
      // Counted once per file, however many detectors read it (another shard's file by that shard); its
      // suppression comments are read then too.
      if (!hashes.has(head.path)) {
        if (foreignUnit(head.path) === undefined) bytesScanned += scanFile.size;
        const found = readDirectives(head.path, scanFile.bytes);
        if (found.directives.length > 0) directives.set(head.path, found.directives);
        diagnostics.push(...found.diagnostics);
      }
      hashes.set(head.path, scanFile.sha256);
      return scanFile;
    } catch (error) {
      diagnostics.push(unreadable(head.path, error));
      return undefined;
    } finally {
      // Waiting for the bytes overlaps other work (reads run ahead of parsing); hashing is this thread's own time.
      if (timings) {
        const end = performance.now();
        timings.add('read (waiting for the bytes)', (hashStart ?? end) - readStart);
        timings.add('hash and suppression comments', end - (hashStart ?? end));
      }
    }
  };

  const ctx: DetectContext = {
    scanTime: request.scanTime,
    options,
    scanRoot: toPosix(nodePath.resolve(base)),
    scanRoots: await scanRootsOf(request.roots, names),
    files,
    readFile: async (path) => {
      const head = files.get(path);
      return head ? read(head) : undefined;
    },
    readOutside: async (absPath) => {
      if (!options.followIncludesOutside) return undefined;
      const abs = nodePath.resolve(absPath);
      const relPath = nodePath.relative(base, abs).split(nodePath.sep).join('/');
      const known = files.get(relPath);
      if (known) return read(known);
      try {
        const st = await stat(abs);
        if (!st.isFile()) return undefined;
        if (st.size > maxFileBytes) {
          diagnostics.push(tooLarge(relPath, st.size, maxFileBytes));
          return undefined;
        }
        return await read({ path: relPath, absPath: abs, size: st.size, head: new Uint8Array() });
      } catch {
        return undefined;
      }
    },
    listOutside: async (absDir) => {
      if (!options.followIncludesOutside) return undefined;
      try {
        const entries = await readdir(nodePath.resolve(absDir), { withFileTypes: true });
        return entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
      } catch {
        return undefined;
      }
    },
  };

  const detectWindows = async (head: FileHead, streaming: readonly Detector[]): Promise<void> => {
    try {
      const result = await detectInWindows(head, async (file) => {
        const found: DetectResult = { findings: [], diagnostics: [] };
        for (const detector of streaming) {
          try {
            const r = await detector.detect!(file, ctx);
            (found.findings as Finding[]).push(...r.findings);
            (found.diagnostics as Diagnostic[]).push(...r.diagnostics);
          } catch (error) {
            (found.diagnostics as Diagnostic[]).push(crashDiagnostic(detector, error, head.path));
          }
        }
        return found;
      });
      absorb(result);
      if (!hashes.has(head.path)) {
        if (foreignUnit(head.path) === undefined) bytesScanned += head.size;
        if (result.directives.length > 0) directives.set(head.path, [...result.directives]);
        diagnostics.push(...result.directiveDiagnostics);
      }
      hashes.set(head.path, result.sha256);
    } catch (error) {
      diagnostics.push(unreadable(head.path, error));
    }
  };

  // Phase 3 (tree-wide detectors: C translation units with their headers, configs with includes) runs while
  // phase 2 (per-file detectors) does: the C workers parse while this thread decodes certificates. Results go
  // to the same lists, which are sorted at the end, so the inventory does not depend on the interleaving.
  for (const [path, list] of acceptedBy) if (list.some((d) => d.scanAll)) treeFiles.add(path);
  const treeWide = (async () => {
    for (const detector of detectorList.filter((d) => d.scanAll)) {
      const accepted = [...files.values()].filter(
        (head) => acceptedBy.get(head.path)?.includes(detector) || contextFor.get(head.path)?.includes(detector),
      );
      if (accepted.length === 0) continue;
      const analyseStart = clock();
      const own = <T extends { readonly path?: string }>(x: T): boolean =>
        x.path === undefined || foreignUnit(x.path) === undefined;
      try {
        for await (const result of detector.scanAll!(accepted, ctx)) {
          absorb({
            findings: result.findings.filter((f) => own(f.evidence)),
            diagnostics: result.diagnostics.filter(own),
          });
        }
      } catch (error) {
        diagnostics.push(crashDiagnostic(detector, error));
      }
      // The C detectors share one analysis: the first of them pays for it, the others replay its results.
      timings?.add(`analyse ${detector.id}`, performance.now() - analyseStart);
    }
  })();

  // Phase 2: per-file detectors; each file is read once for all of them, a few files ahead.
  let done = 0;
  const perFile = [...acceptedBy.values()].filter((list) => list.some((d) => d.detect)).length;
  type Job = { readonly head: FileHead; readonly accepting: readonly Detector[] };
  const jobs: Job[] = [];
  for (const head of files.values()) {
    // Aliases have no acceptance entry: their file is detected under its first path.
    const accepting = (acceptedBy.get(head.path) ?? []).filter((d) => d.detect);
    if (accepting.length > 0) jobs.push({ head, accepting: shared(accepting) });
  }
  const detectOne = async ({ head, accepting: all }: Job, reading: Promise<ScanFile | undefined> | undefined) => {
    let accepting = all;
    // A large file that is not one DER object is searched window by window by the detectors that can.
    if (!reading) {
      const streaming = accepting.filter((d) => d.streams);
      accepting = accepting.filter((d) => !d.streams);
      if (streaming.length > 0) await detectWindows(head, streaming);
      if (accepting.length === 0) {
        progress({ phase: 'detect', files: ++done, total: perFile });
        return;
      }
    }
    const file = await (reading ?? read(head));
    if (!file) return;
    for (const detector of accepting) {
      const detectStart = clock();
      try {
        absorb(await detector.detect!(file, ctx));
      } catch (error) {
        diagnostics.push(crashDiagnostic(detector, error, head.path));
      }
      timings?.add(`detect ${detector.id}`, performance.now() - detectStart);
    }
    progress({ phase: 'detect', files: ++done, total: perFile });
  };
  const windowed = (head: FileHead) => head.size > WINDOW_BYTES && !looksLikeDer(head.head, head.size);
  const ahead: (Promise<ScanFile | undefined> | undefined)[] = [];
  let next = 0;
  const fill = () => {
    while (ahead.length < FILES_AHEAD && next < jobs.length) {
      const head = jobs[next++]!.head;
      // Windowed files are read window by window when their turn comes, never whole.
      ahead.push(windowed(head) ? undefined : read(head));
    }
  };
  let sliceStart = performance.now();
  for (const job of jobs) {
    fill();
    await detectOne(job, ahead.shift());
    if (performance.now() - sliceStart >= DETECT_SLICE_MS) {
      await eventLoopTurn();
      sliceStart = performance.now();
    }
  }
  detecting = false;
  if (pendingAnalyse) request.onProgress?.(pendingAnalyse);
  await treeWide;

  // Phase 4: the crypto libraries the tree vendors, in the versions their own headers declare.
  const librariesStart = clock();
  // Every shard identifies the libraries of the whole tree: a copy's version header may sit in another unit than
  // its sources.
  const libraries = await identifyLibraries(files, ctx.readFile);
  timings?.add('identify libraries', performance.now() - librariesStart);
  const mergeStart = clock();

  // In place: a large tree's findings are not held twice while each gets its file's hash.
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const sha = f.evidence.fileSha256 ?? hashes.get(f.evidence.path);
    // Object.assign, not a spread: a copy that starts with a spread gets a hidden class of its own (shapes.ts).
    if (sha && !f.evidence.fileSha256)
      findings[i] = Object.assign({}, f, { evidence: Object.assign({}, f.evidence, { fileSha256: sha }) });
  }
  const inventory: Inventory = {
    tool: { name: 'pqready', version: request.toolVersion ?? '0.0.0' },
    scannedAt: request.scanTime.toISOString(),
    roots: names,
    findings: findings.sort(compareFindings),
    libraries,
    diagnostics: dedupeDiagnostics(diagnostics).sort(compareDiagnostics),
    ...(directives.size > 0 ? { directives: [...directives.values()].flat().sort(compareDirectives) } : {}),
    stats: {
      filesScanned: [...files.values()].filter((f) => !f.aliasOf && foreignUnit(f.path) === undefined).length,
      bytesScanned,
      filesSkipped,
      ...(pathsIgnored > 0 ? { pathsIgnored } : {}),
    },
  };
  timings?.add('merge (hashes, sort, dedupe)', performance.now() - mergeStart);
  return partition ? { inventory, partition } : { inventory };
}
