/**
 * Runs fact extraction for many files: in a pool of worker_threads when jobs > 1 and the built
 * worker is available, otherwise in-process. Results stream back in input order through a bounded
 * window, so memory stays flat however many files there are.
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

/** A worker's answer: the facts of one file, the milliseconds they took, and on its first answer when it was ready. */
export interface WorkerResult {
  readonly id: number;
  readonly facts: FileFacts;
  readonly ms: number;
  readonly readyAt?: number;
}

/** Extracts facts for each input (undefined inputs are skipped); yields in input order. */
export async function* extractAll(
  inputs: AsyncIterable<SourceText | undefined> | Iterable<SourceText | undefined>,
  jobs: number,
  extract: ExtractData,
  aliases: readonly string[] = [],
): AsyncGenerator<FileFacts> {
  const entry = jobs > 1 ? workerEntry() : undefined;
  if (!entry) {
    const knowledge = { ...compileExtract(extract), aliases: new Set(aliases) };
    const timings = activeTimings();
    for await (const input of inputs) {
      if (!input) continue;
      if (!timings) {
        yield extractFacts(input.path, input.text, knowledge);
        continue;
      }
      const start = performance.now();
      const facts = extractFacts(input.path, input.text, knowledge);
      timings.add(EXTRACT_IN_PROCESS, performance.now() - start);
      yield facts;
    }
    return;
  }
  yield* pooled(inputs, jobs, entry, extract, aliases);
}

/** The worker-pool path of extractAll with an explicit worker entry (tests use a crashing one). */
export async function* pooled(
  inputs: AsyncIterable<SourceText | undefined> | Iterable<SourceText | undefined>,
  jobs: number,
  entry: string,
  extract: ExtractData,
  aliases: readonly string[],
): AsyncGenerator<FileFacts> {
  let inlineKnowledge: ExtractKnowledge | undefined;
  const timings = activeTimings();
  const inline = (t: SourceText) => {
    inlineKnowledge ??= { ...compileExtract(extract), aliases: new Set(aliases) };
    const start = timings ? performance.now() : 0;
    const facts = extractFacts(t.path, t.text, inlineKnowledge);
    timings?.add(EXTRACT_IN_PROCESS, performance.now() - start);
    return facts;
  };
  const spawnedAt = performance.timeOrigin + performance.now();
  const workers = Array.from({ length: jobs }, () => new Worker(entry, { workerData: { aliases, extract } }));
  const idle: Worker[] = [...workers];
  let waiters: (() => void)[] = [];
  const results = new Map<number, FileFacts>();
  const pending = new Map<number, SourceText>();
  // A crashed worker must not lose files: from then on everything left is extracted in-process.
  let failed = false;
  let nextOut = 0;
  let notify: (() => void) | undefined;
  const wake = () => {
    const n = notify;
    notify = undefined;
    n?.();
  };
  const fail = () => {
    failed = true;
    wake();
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  for (const [n, w] of workers.entries()) {
    w.on('message', (msg: WorkerResult) => {
      if (timings) {
        timings.add(`C parse+extract worker ${n + 1}`, msg.ms);
        if (msg.readyAt !== undefined) timings.add('C worker start-up', msg.readyAt - spawnedAt);
      }
      pending.delete(msg.id);
      results.set(msg.id, msg.facts);
      idle.push(w);
      waiters.shift()?.();
      wake();
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (code !== 0) fail();
    });
  }
  const acquire = async (): Promise<Worker | undefined> => {
    for (;;) {
      if (failed) return undefined;
      const w = idle.pop();
      if (w) return w;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const take = (k: number): FileFacts | undefined => {
    const r = results.get(k);
    if (r) {
      results.delete(k);
      return r;
    }
    const p = failed ? pending.get(k) : undefined;
    if (!p) return undefined;
    pending.delete(k);
    return inline(p);
  };
  const window = jobs * 4;
  let id = 0;
  try {
    for await (const input of inputs) {
      if (!input) continue;
      for (;;) {
        const f = nextOut < id ? take(nextOut) : undefined;
        if (f) {
          nextOut++;
          yield f;
          continue;
        }
        if (id - nextOut < window || failed) break;
        await new Promise<void>((r) => {
          notify = r;
        });
      }
      const w = failed ? undefined : await acquire();
      if (!w) {
        while (nextOut < id) {
          const f = take(nextOut);
          if (!f) break;
          nextOut++;
          yield f;
        }
        yield inline(input);
        continue;
      }
      pending.set(id, input);
      w.postMessage({ id, path: input.path, text: input.text });
      id++;
    }
    while (nextOut < id) {
      const f = take(nextOut);
      if (f) {
        nextOut++;
        yield f;
        continue;
      }
      await new Promise<void>((r) => {
        notify = r;
      });
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
