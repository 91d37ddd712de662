/**
 * Worker-thread entry: parses C files and returns their facts. Syntax trees never leave the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';
import type { ExtractData } from './knowledge.js';
import type { WorkerResult } from './pool.js';

interface Task {
  readonly id: number;
  readonly path: string;
  readonly text: string;
}

const data = workerData as { aliases: readonly string[]; extract: ExtractData };
const knowledge = { ...compileExtract(data.extract), aliases: new Set(data.aliases) };
/**
 * When this thread was ready (modules and tables loaded), in epoch milliseconds so that the pool, on another
 * thread with another time origin, can subtract its spawn time; sent with the first result.
 */
let readyAt: number | undefined = performance.timeOrigin + performance.now();

parentPort?.on('message', (task: Task) => {
  const start = performance.now();
  const facts = extractFacts(task.path, task.text, knowledge);
  const result: WorkerResult = {
    id: task.id,
    facts,
    ms: performance.now() - start,
    ...(readyAt === undefined ? {} : { readyAt }),
  };
  readyAt = undefined;
  parentPort?.postMessage(result);
});
