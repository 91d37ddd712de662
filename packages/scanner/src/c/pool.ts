/**
 * Runs fact extraction for many files: in a pool of worker_threads when jobs > 1 and the built
 * worker is available, otherwise in-process. Results stream back in input order through a bounded
 * window, so memory stays flat however many files there are.
 *
 * One pool serves a whole scan: the C analysis extracts in several passes (headers, sources, files
 * walked again once the functions they call are known), and a worker costs about as much to start as
 * dozens of files cost to parse, so the workers stay warm between passes and only the alias names
 * that change from pass to pass are sent again.
 *
 * The scan's own thread is one of the lanes (see `ExtractPool`): `size` lanes are `size - 1` workers and this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { activeTimings } from '../runner/timings.js';
import { type ExtractKnowledge, emptyFacts, extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';
import type { FileFacts } from './facts.js';
import type { ExtractData } from './knowledge.js';

export interface SourceText {
  readonly path: string;
  readonly text: string;
}

/**
 * The worker entry as built JavaScript. From `src` (vitest runs TypeScript, which Node 20 workers
 * cannot load) this maps to the same module under `dist`.
 */
export function workerEntry(): string | undefined {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])src([\\/]c[\\/]worker\.js)$/, '$1dist$2');
  return existsSync(built) ? built : undefined;
}

/**
 * Each worker loads its own parser and tables, so a worker with a handful of files costs more than it saves: never
 * more workers than groups of this many files.
 */
export const MIN_FILES_PER_WORKER = 8;

/**
 * The parent's Node options without the `source` export condition: the worker is built JavaScript and must import the
 * built packages, while the test runner resolves our packages to their TypeScript sources through that condition.
 */
function builtExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '--conditions' || a === '-C') && args[i + 1] === 'source') i++;
    else if (a !== '--conditions=source') out.push(a);
  }
  return out;
}

/**
 * Node options a worker refuses (V8 and process-wide ones: `node --max-old-space-size=4096 pqready …`,
 * `--expose-gc`, `--title name`) make `new Worker` throw, which would stop the whole C analysis. They are for the
 * main thread anyway: they are dropped from what the workers get, with the value that follows a flag given apart.
 * Node names the refused flags in its error, the one place that knows which options a worker takes.
 */
let refusedByWorkers: ReadonlySet<string> = new Set();

function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = builtExecArgv();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!refusedByWorkers.has(a)) out.push(a);
    else if (!a.includes('=') && args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) i++;
  }
  return out;
}

const REFUSED = /^Initiated Worker with invalid execArgv flags: (.+)$/;

/**
 * A worker's young generation. V8's default (tens of MB per isolate) is resident memory each worker fills with the
 * short-lived objects of the walk; with 8 MB the scan of Mbed TLS at `--jobs 2` peaked at 272–291 MB instead of
 * 315–341 MB (4 paired runs each), in about the same time: extraction's garbage dies young, so the extra scavenges are
 * cheap. (Forcing full collections in the workers had not lowered the peak: it is not old garbage.)
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** A worker with the parent's Node options that workers take. */
function newWorker(entry: string, workerData: unknown): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  for (;;) {
    const execArgv = workerExecArgv();
    try {
      return new Worker(entry, { workerData, execArgv, resourceLimits });
    } catch (e) {
      const m =
        (e as NodeJS.ErrnoException).code === 'ERR_WORKER_INVALID_EXEC_ARGV' && REFUSED.exec((e as Error).message);
      const named = m ? m[1]!.split(', ').filter((f) => execArgv.includes(f) && !refusedByWorkers.has(f)) : [];
      // Nothing more to drop that Node named: the worker gets no options rather than no worker starting.
      if (named.length === 0) return new Worker(entry, { workerData, execArgv: [], resourceLimits });
      refusedByWorkers = new Set([...refusedByWorkers, ...named]);
    }
  }
}

/** The worker count for `files` files when `jobs` are asked for: capped by the work available, at least 1. */
export function workersFor(jobs: number, files: number): number {
  const asked = Number.isFinite(jobs) && jobs > 0 ? Math.floor(jobs) : 1;
  return Math.max(1, Math.min(asked, Math.ceil(files / MIN_FILES_PER_WORKER)));
}

/**
 * How long a worker may spend on one file before it is taken for stuck, stopped and replaced, and the file reported
 * as not examined. Far above any real file (Mbed TLS's largest source takes well under a second), so that a busy
 * machine never trips it; it exists so that a pathological input cannot hang the scan.
 */
const FILE_TIME_BUDGET_MS = 120_000;

/** The `--timings` row of extraction on the scan's own thread (one job, or after a worker failed). */
const EXTRACT_IN_PROCESS = 'C parse+extract main thread';
/** The `--timings` row of the extraction passes' wall time. */
const EXTRACTION_PASSES = 'C extraction passes (wall)';

/** Files sent to a worker ahead of its answers: the one it works on and the next ones. */
const QUEUE_DEPTH = 3;

/** Files a pass has in flight per worker, counted from the oldest not yet yielded (see `pooled`). */
const WINDOW_PER_WORKER = 8;

/** A file sent to a worker, and the timer of its time budget once the worker has started on it. */
interface Task {
  readonly id: number;
  readonly path: string;
  timer?: NodeJS.Timeout;
}

/** A message to a worker: a file to extract, or the alias names for the files that follow. */
export type WorkerTask =
  | { readonly id: number; readonly path: string; readonly text: string }
  | { readonly aliases: readonly string[] };

/** A worker's answer: the facts of one file and the milliseconds they took. */
export interface WorkerResult {
  readonly id: number;
  readonly facts: FileFacts;
  readonly ms: number;
}

/**
 * A worker's first message, once its modules and tables are loaded: when, in epoch milliseconds (the pool, on another
 * thread with another time origin, subtracts its spawn time). A file's time budget starts counting from then.
 */
export interface WorkerReady {
  readonly readyAt: number;
}

type Inputs = AsyncIterable<SourceText | undefined> | Iterable<SourceText | undefined>;

/** The state of one extraction pass: what is in flight and what has come back, by task id. */
interface Pass {
  readonly results: Map<number, FileFacts>;
  readonly pending: Map<number, SourceText>;
  wake?: () => void;
}

/** The one empty list every file's facts share (a file's facts have about a dozen lists, most of them empty). */
const NONE: readonly never[] = Object.freeze([]);

/** Facts with each empty list, at any depth, replaced by NONE: plain data, read only once extracted. */
export function compactFacts<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return NONE as T;
    for (let i = 0; i < value.length; i++) value[i] = compactFacts(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (typeof member === 'object' && member !== null) record[key] = compactFacts(member);
  }
  return value;
}

/**
 * Extracts facts in `size` lanes: `size - 1` workers kept for the pool's life and the scan's own thread, which takes a
 * file whenever every worker has its queue full (in-process only when `size` is 1 or no built worker exists). Passes
 * run one after another; `close` ends the workers.
 *
 * Why this thread is a lane rather than waiting on `size` workers: each worker is a heap of its own, and this thread
 * mostly waited for them. At `--jobs 2` on Mbed TLS v3.6.0 (5 paired runs) one worker and this thread peaked at 225 MB
 * against 307 MB for two workers (its C files alone: 223 against 294 MB), for 2-4 % more wall time (paired medians
 * 0.98 and 0.96). The lane has no time budget (a file taken here cannot be stopped, as at `--jobs 1`); workers keep
 * theirs.
 */
export class ExtractPool {
  private workers: Worker[] | undefined;
  private started = 0;
  /**
   * Per worker, the files sent to it in order: it works on the first (whose timer stops it if it takes too long), the
   * others wait in its message queue.
   */
  private readonly queues = new Map<Worker, Task[]>();
  /** Workers that said they are ready: their files' time budgets run. */
  private readonly ready = new WeakSet<Worker>();
  /** Workers stopped for taking too long or by `close`: their exit is expected, not a crash. */
  private readonly retired = new WeakSet<Worker>();
  /** The alias names the workers were last sent (a fresh worker gets them too). */
  private sentAliases: readonly string[] | undefined;
  private waiters: (() => void)[] = [];
  private failed = false;
  private crashed = false;
  private pass: Pass | undefined;
  private nextId = 0;
  private readonly inlineKnowledge = new WeakMap<readonly string[], ExtractKnowledge>();
  private compiled: ReturnType<typeof compileExtract> | undefined;

  /** Workers to start: one lane is this thread's unless `ownLane` is false (then `size` workers). */
  private readonly workerCount: number;

  constructor(
    private readonly size: number,
    private readonly extract: ExtractData,
    private readonly entry: string | undefined = size > 1 ? workerEntry() : undefined,
    private readonly budgetMs = FILE_TIME_BUDGET_MS,
    private readonly ownLane = true,
  ) {
    this.workerCount = ownLane ? size - 1 : size;
  }

  /**
   * Extracts facts for each input (undefined inputs are skipped); yields in input order. With `--timings`, the pass's
   * wall time (reading and the caller's work between files included) is a row: the lanes' extraction rows divided
   * by it say how busy each lane was.
   */
  async *extractAll(inputs: Inputs, aliases: readonly string[] = []): AsyncGenerator<FileFacts> {
    const timings = activeTimings();
    const start = timings ? performance.now() : 0;
    try {
      if (!this.entry || this.size <= 1 || this.failed) {
        for await (const input of inputs) if (input) yield this.inline(input, aliases);
        return;
      }
      yield* this.pooled(inputs, aliases, this.entry);
    } finally {
      timings?.add(EXTRACTION_PASSES, performance.now() - start);
    }
  }

  /** Whether a worker crashed and the pool went on in-process. */
  get workersCrashed(): boolean {
    return this.crashed;
  }

  /** How many workers this pool has started (one per lane but this thread's, once, however many passes). */
  get workersStarted(): number {
    return this.started;
  }

  /** Ends the workers; the pool extracts in-process if used again. */
  async close(): Promise<void> {
    for (const queue of this.queues.values()) for (const { timer } of queue) clearTimeout(timer);
    this.queues.clear();
    const workers = this.workers ?? [];
    for (const w of workers) this.retired.add(w);
    this.failed = true;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private inline(input: SourceText, aliases: readonly string[]): FileFacts {
    // Keyed by the list itself: a pass hands the same list with every file (joining it per file cost more than the
    // files on trees with thousands of alias names).
    let knowledge = this.inlineKnowledge.get(aliases);
    if (!knowledge) {
      this.compiled ??= compileExtract(this.extract);
      knowledge = { ...this.compiled, aliases: new Set(aliases) };
      this.inlineKnowledge.set(aliases, knowledge);
    }
    const timings = activeTimings();
    const start = timings ? performance.now() : 0;
    // A copy, as a worker's answer is: the facts' strings are slices of the file's text, and a large tree's facts
    // wait for the whole tree to be extracted; the copy lets go of every file's text meanwhile.
    const facts = compactFacts(structuredClone(extractFacts(input.path, input.text, knowledge)));
    timings?.add(EXTRACT_IN_PROCESS, performance.now() - start);
    return facts;
  }

  private spawn(entry: string): Worker[] {
    if (this.workers) return this.workers;
    this.workers = Array.from({ length: this.workerCount }, () => this.startWorker(entry));
    return this.workers;
  }

  private startWorker(entry: string): Worker {
    const timings = activeTimings();
    const spawnedAt = performance.timeOrigin + performance.now();
    const n = ++this.started;
    const w = newWorker(entry, { extract: this.extract });
    this.queues.set(w, []);
    w.on('message', (msg: WorkerResult | WorkerReady) => {
      // An answer that crossed the stop of its worker: the file was already reported as not examined.
      if (this.retired.has(w)) return;
      if (!('id' in msg)) {
        timings?.add('C worker start-up', msg.readyAt - spawnedAt);
        this.ready.add(w);
        const task = this.queues.get(w)?.[0];
        if (task) this.startBudget(w, task);
        return;
      }
      timings?.add(`C parse+extract worker ${n}`, msg.ms);
      const queue = this.queues.get(w) ?? [];
      clearTimeout(queue.shift()?.timer);
      if (queue[0]) this.startBudget(w, queue[0]);
      this.settle(msg.id, compactFacts(msg.facts));
      this.waiters.shift()?.();
    });
    w.on('error', () => {
      if (!this.retired.has(w)) this.fail();
    });
    w.on('exit', (code) => {
      if (code !== 0 && !this.retired.has(w)) this.fail();
    });
    return w;
  }

  /** Records a file's facts for the pass waiting for them (answers for a pass left early are dropped). */
  private settle(id: number, facts: FileFacts): void {
    const pass = this.pass;
    if (pass?.pending.delete(id)) pass.results.set(id, facts);
    this.wakePass();
  }

  private post(w: Worker, id: number, input: SourceText): void {
    const task: Task = { id, path: input.path };
    const queue = this.queues.get(w)!;
    queue.push(task);
    if (queue.length === 1 && this.ready.has(w)) this.startBudget(w, task);
    w.postMessage({ id, path: input.path, text: input.text } satisfies WorkerTask);
  }

  private startBudget(w: Worker, task: Task): void {
    task.timer = setTimeout(() => this.expire(w), this.budgetMs);
    task.timer.unref();
  }

  /** A worker over its time budget: stopped, its file reported as not examined, a fresh worker in its place. */
  private expire(w: Worker): void {
    const queue = this.queues.get(w);
    const task = queue?.shift();
    if (!task || !this.workers || !this.entry) return;
    this.queues.delete(w);
    this.retired.add(w);
    void w.terminate();
    const seconds = Math.round(this.budgetMs / 100) / 10;
    this.settle(
      task.id,
      emptyFacts(task.path, [
        {
          code: 'c-time-budget',
          message: `The C analysis of this file took longer than ${seconds} s and was stopped; nothing in it was examined.`,
        },
      ]),
    );
    const fresh = this.startWorker(this.entry);
    if (this.sentAliases) fresh.postMessage({ aliases: this.sentAliases } satisfies WorkerTask);
    if (this.pass) fresh.ref();
    else fresh.unref();
    this.workers = this.workers.map((x) => (x === w ? fresh : x));
    // The files waiting behind the stuck one were never started: the fresh worker takes them, in order.
    for (const waiting of queue ?? []) {
      const input = this.pass?.pending.get(waiting.id);
      if (input) this.post(fresh, waiting.id, input);
    }
    this.waiters.shift()?.();
  }

  // A crashed worker must not lose files: from then on everything left is extracted in-process.
  private fail(): void {
    this.crashed = true;
    this.failed = true;
    this.wakePass();
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private wakePass(): void {
    const pass = this.pass;
    const n = pass?.wake;
    if (pass) pass.wake = undefined;
    n?.();
  }

  /**
   * The worker with the fewest files waiting, if one has room; a worker with a file queued behind its current one never
   * waits for this thread to send the next (which may be busy decoding certificates, or extracting, meanwhile).
   */
  private freeWorker(): Worker | undefined {
    let best: Worker | undefined;
    let least = QUEUE_DEPTH;
    for (const w of this.workers ?? []) {
      const n = this.queues.get(w)?.length ?? QUEUE_DEPTH;
      if (n < least) {
        best = w;
        least = n;
      }
    }
    return best;
  }

  private async acquire(): Promise<Worker | undefined> {
    for (;;) {
      if (this.failed) return undefined;
      const free = this.freeWorker();
      if (free) return free;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  private async *pooled(inputs: Inputs, aliases: readonly string[], entry: string): AsyncGenerator<FileFacts> {
    const workers = this.spawn(entry);
    if (aliases.join('\n') !== this.sentAliases?.join('\n')) {
      // Each worker reads its messages in order, so every file sent after this uses these names.
      for (const w of workers) w.postMessage({ aliases } satisfies WorkerTask);
      this.sentAliases = aliases;
    }
    const pass: Pass = { results: new Map(), pending: new Map() };
    this.pass = pass;
    // Workers hold the process open only while a pass waits for them.
    for (const w of workers) w.ref();
    const first = this.nextId;
    let nextOut = first;
    const take = (k: number): FileFacts | undefined => {
      const r = pass.results.get(k);
      if (r) {
        pass.results.delete(k);
        return r;
      }
      const p = this.failed ? pass.pending.get(k) : undefined;
      if (!p) return undefined;
      pass.pending.delete(k);
      return this.inline(p, aliases);
    };
    const waitForResult = () =>
      new Promise<void>((r) => {
        pass.wake = r;
      });
    // Files in flight, from the oldest not yet yielded on: answers come back out of order and are yielded in order,
    // so a large file at the head holds the others back. With four per worker a worker ran dry behind one of Mbed
    // TLS's 300 KB sources (11 % of the workers' time idle at --jobs 2); eight bring that to 6-10 % and the C part's
    // scan from 5.3 to 5.1 s; sixteen idled 5 % in no less time, with 10-30 MB more peak memory (3 runs each).
    const window = this.size * WINDOW_PER_WORKER;
    try {
      for await (const input of inputs) {
        if (!input) continue;
        for (;;) {
          const f = nextOut < this.nextId ? take(nextOut) : undefined;
          if (f) {
            nextOut++;
            yield f;
            continue;
          }
          if (this.nextId - nextOut < window || this.failed) break;
          await waitForResult();
        }
        if (this.ownLane && !this.failed && !this.freeWorker()) {
          // Every worker is full: this thread takes the file. Its facts wait in order with the workers' answers.
          const id = this.nextId++;
          pass.results.set(id, this.inline(input, aliases));
          // The workers' answers are messages, which inputs already read (promise reactions) never give a turn: let
          // them in, so that the next file goes to a worker that has room again.
          await new Promise<void>((r) => setImmediate(r));
          continue;
        }
        const w = this.failed ? undefined : await this.acquire();
        if (!w) {
          while (nextOut < this.nextId) {
            const f = take(nextOut);
            if (!f) break;
            nextOut++;
            yield f;
          }
          yield this.inline(input, aliases);
          continue;
        }
        const id = this.nextId++;
        pass.pending.set(id, input);
        this.post(w, id, input);
      }
      while (nextOut < this.nextId) {
        const f = take(nextOut);
        if (f) {
          nextOut++;
          yield f;
          continue;
        }
        await waitForResult();
      }
    } finally {
      // A pass left early: answers still in flight belong to no one and are dropped when they arrive.
      pass.pending.clear();
      pass.results.clear();
      if (this.pass === pass) this.pass = undefined;
      for (const w of this.workers ?? []) w.unref();
    }
  }
}

/** Extracts facts for each input with a pool of its own (closed at the end); yields in input order. */
export async function* extractAll(
  inputs: Inputs,
  jobs: number,
  extract: ExtractData,
  aliases: readonly string[] = [],
  entry?: string,
): AsyncGenerator<FileFacts> {
  const pool = new ExtractPool(jobs, extract, ...(entry ? [entry] : []));
  try {
    yield* pool.extractAll(inputs, aliases);
  } finally {
    await pool.close();
  }
}
