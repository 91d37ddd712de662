/**
 * Runs fact extraction for many files: in a pool of worker_threads when jobs > 1 and the built
 * worker is available, otherwise in-process. Results stream back in input order through a bounded
 * window, so memory stays flat however many files there are.
 *
 * One pool serves a whole scan: the C analysis extracts in several passes (headers, sources, files
 * walked again once the functions they call are known), and a worker costs about as much to start as
 * dozens of files cost to parse, so the workers stay warm between passes and only the alias names
 * that change from pass to pass are sent again.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { activeTimings } from '../runner/timings.js';
import { type ExtractKnowledge, extractFacts } from './extract.js';
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

/** The worker count for `files` files when `jobs` are asked for: capped by the work available, at least 1. */
export function workersFor(jobs: number, files: number): number {
  const asked = Number.isFinite(jobs) && jobs > 0 ? Math.floor(jobs) : 1;
  return Math.max(1, Math.min(asked, Math.ceil(files / MIN_FILES_PER_WORKER)));
}

/** The `--timings` row of extraction on the scan's own thread (one job, or after a worker failed). */
const EXTRACT_IN_PROCESS = 'C parse+extract main thread';

/** A message to a worker: a file to extract, or the alias names for the files that follow. */
export type WorkerTask =
  | { readonly id: number; readonly path: string; readonly text: string }
  | { readonly aliases: readonly string[] };

/** A worker's answer: the facts of one file, the milliseconds they took, and on its first answer when it was ready. */
export interface WorkerResult {
  readonly id: number;
  readonly facts: FileFacts;
  readonly ms: number;
  readonly readyAt?: number;
}

type Inputs = AsyncIterable<SourceText | undefined> | Iterable<SourceText | undefined>;

/** The state of one extraction pass: what is in flight and what has come back, by task id. */
interface Pass {
  readonly results: Map<number, FileFacts>;
  readonly pending: Map<number, SourceText>;
  wake?: () => void;
}

/**
 * Extracts facts with `size` workers kept for the pool's life (in-process when `size` is 1 or no
 * built worker exists). Passes run one after another; `close` ends the workers.
 */
export class ExtractPool {
  private workers: Worker[] | undefined;
  private started = 0;
  private readonly idle: Worker[] = [];
  private waiters: (() => void)[] = [];
  private failed = false;
  private pass: Pass | undefined;
  private nextId = 0;
  private sentAliases: string | undefined;
  private readonly inlineKnowledge = new Map<string, ExtractKnowledge>();
  private compiled: ReturnType<typeof compileExtract> | undefined;

  constructor(
    private readonly size: number,
    private readonly extract: ExtractData,
    private readonly entry: string | undefined = size > 1 ? workerEntry() : undefined,
  ) {}

  /** Extracts facts for each input (undefined inputs are skipped); yields in input order. */
  async *extractAll(inputs: Inputs, aliases: readonly string[] = []): AsyncGenerator<FileFacts> {
    if (!this.entry || this.size <= 1 || this.failed) {
      for await (const input of inputs) if (input) yield this.inline(input, aliases);
      return;
    }
    yield* this.pooled(inputs, aliases, this.entry);
  }

  /** How many workers this pool has started (at most `size`, once, however many passes). */
  get workersStarted(): number {
    return this.started;
  }

  /** Ends the workers; the pool extracts in-process if used again. */
  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.failed = true;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private inline(input: SourceText, aliases: readonly string[]): FileFacts {
    const key = aliases.join('\n');
    let knowledge = this.inlineKnowledge.get(key);
    if (!knowledge) {
      this.compiled ??= compileExtract(this.extract);
      knowledge = { ...this.compiled, aliases: new Set(aliases) };
      // Passes use ever larger alias sets; only the latest is asked for again.
      this.inlineKnowledge.clear();
      this.inlineKnowledge.set(key, knowledge);
    }
    const timings = activeTimings();
    const start = timings ? performance.now() : 0;
    const facts = extractFacts(input.path, input.text, knowledge);
    timings?.add(EXTRACT_IN_PROCESS, performance.now() - start);
    return facts;
  }

  private spawn(entry: string): Worker[] {
    if (this.workers) return this.workers;
    const timings = activeTimings();
    const spawnedAt = performance.timeOrigin + performance.now();
    const workers = Array.from(
      { length: this.size },
      () => new Worker(entry, { workerData: { extract: this.extract } }),
    );
    for (const [n, w] of workers.entries()) {
      w.on('message', (msg: WorkerResult) => {
        if (timings) {
          timings.add(`C parse+extract worker ${n + 1}`, msg.ms);
          if (msg.readyAt !== undefined) timings.add('C worker start-up', msg.readyAt - spawnedAt);
        }
        const pass = this.pass;
        if (pass?.pending.delete(msg.id)) pass.results.set(msg.id, msg.facts);
        this.idle.push(w);
        this.waiters.shift()?.();
        this.wakePass();
      });
      w.on('error', () => this.fail());
      w.on('exit', (code) => {
        if (code !== 0) this.fail();
      });
    }
    this.workers = workers;
    this.started += workers.length;
    this.idle.push(...workers);
    return workers;
  }

  // A crashed worker must not lose files: from then on everything left is extracted in-process.
  private fail(): void {
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

  private async acquire(): Promise<Worker | undefined> {
    for (;;) {
      if (this.failed) return undefined;
      const w = this.idle.pop();
      if (w) return w;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  private async *pooled(inputs: Inputs, aliases: readonly string[], entry: string): AsyncGenerator<FileFacts> {
    const workers = this.spawn(entry);
    const key = aliases.join('\n');
    if (key !== this.sentAliases) {
      // Each worker reads its messages in order, so every file sent after this uses these names.
      for (const w of workers) w.postMessage({ aliases } satisfies WorkerTask);
      this.sentAliases = key;
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
    const window = workers.length * 4;
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
        w.postMessage({ id, path: input.path, text: input.text } satisfies WorkerTask);
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
