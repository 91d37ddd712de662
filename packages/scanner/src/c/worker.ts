/**
 * Worker-thread entry: parses C files and returns their facts. Syntax trees never leave the worker.
 * The worker lives for the whole scan; alias names arrive as a message before the files they apply to.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';
import type { ExtractData } from './knowledge.js';
import type { WorkerReady, WorkerResult, WorkerTask } from './pool.js';

const data = workerData as { extract: ExtractData };
const compiled = compileExtract(data.extract);
let knowledge = { ...compiled, aliases: new Set<string>() };
parentPort?.on('message', (task: WorkerTask) => {
  if ('aliases' in task) {
    knowledge = { ...compiled, aliases: new Set(task.aliases) };
    return;
  }
  const start = performance.now();
  const facts = extractFacts(task.path, task.text, knowledge);
  parentPort?.postMessage({ id: task.id, facts, ms: performance.now() - start } satisfies WorkerResult);
});
// Modules and tables are loaded: the pool starts counting the files' time budgets from here.
parentPort?.postMessage({ readyAt: performance.timeOrigin + performance.now() } satisfies WorkerReady);
