/**
 * Runs fact extraction for many files: in a pool of worker_threads when jobs > 1 and the built
 * worker is available, otherwise in-process. Results stream back in input order through a bounded
 * window, so memory stays flat however many files there are.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractFacts } from './extract.js';
import type { FileFacts } from './facts.js';
import { extractKnowledge } from './knowledge.js';

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

/** Extracts facts for each input; yields in input order. `load` may return undefined to skip a file. */
export async function* extractAll(
  inputs: AsyncIterable<SourceText | undefined> | Iterable<SourceText | undefined>,
  jobs: number,
): AsyncGenerator<FileFacts> {
  const entry = jobs > 1 ? workerEntry() : undefined;
  if (!entry) {
    const knowledge = extractKnowledge();
    for await (const input of inputs) {
      if (input) yield extractFacts(input.path, input.text, knowledge);
    }
    return;
  }
  yield* pooled(inputs, jobs, entry);
}

async function* pooled(
  inputs: AsyncIterable<SourceText | undefined> | Iterable<SourceText | undefined>,
  jobs: number,
  entry: string,
): AsyncGenerator<FileFacts> {
  const workers = Array.from({ length: jobs }, () => new Worker(entry));
  const idle: Worker[] = [...workers];
  const waiters: (() => void)[] = [];
  const results = new Map<number, FileFacts>();
  const pending = new Map<number, SourceText>();
  let failure: Error | undefined;
  let nextOut = 0;
  let notify: (() => void) | undefined;
  const wake = () => {
    const n = notify;
    notify = undefined;
    n?.();
  };
  const release = (w: Worker) => {
    const next = waiters.shift();
    idle.push(w);
    next?.();
  };
  for (const w of workers) {
    w.on('message', (msg: { id: number; facts: FileFacts }) => {
      pending.delete(msg.id);
      results.set(msg.id, msg.facts);
      release(w);
      wake();
    });
    w.on('error', (e) => {
      failure = e;
      wake();
    });
  }
  const acquire = async (): Promise<Worker> => {
    for (;;) {
      const w = idle.pop();
      if (w) return w;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const window = jobs * 4;
  let id = 0;
  try {
    for await (const input of inputs) {
      if (!input) continue;
      while (id - nextOut >= window || results.has(nextOut)) {
        if (results.has(nextOut)) {
          const f = results.get(nextOut)!;
          results.delete(nextOut++);
          yield f;
          continue;
        }
        await new Promise<void>((r) => {
          notify = r;
        });
        if (failure) throw failure;
      }
      const w = await acquire();
      pending.set(id, input);
      w.postMessage({ id, path: input.path, text: input.text });
      id++;
    }
    while (nextOut < id) {
      if (results.has(nextOut)) {
        const f = results.get(nextOut)!;
        results.delete(nextOut++);
        yield f;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((r) => {
        notify = r;
      });
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
