/**
 * Worker-thread entry: parses C files and returns their facts. Syntax trees never leave the worker.
 * The worker lives for the whole scan; alias names arrive as a message before the files they apply to.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';
import type { ExtractData } from './knowledge.js';
import type { WorkerResult, WorkerTask } from './pool.js';

const data = workerData as { extract: ExtractData };
const compiled = compileExtract(data.extract);
let knowledge = { ...compiled, aliases: new Set<string>() };
/**
 * When this thread was ready (modules and tables loaded), in epoch milliseconds so that the pool, on another
 * thread with another time origin, can subtract its spawn time; sent with the first result.
 */
let readyAt: number | undefined = performance.timeOrigin + performance.now();

parentPort?.on('message', (task: WorkerTask) => {
  if ('aliases' in task) {
    knowledge = { ...compiled, aliases: new Set(task.aliases) };
    return;
  }
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
