/**
 * Worker-thread entry: parses C files and returns their facts. Syntax trees never leave the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';
import type { ExtractData } from './knowledge.js';

interface Task {
  readonly id: number;
  readonly path: string;
  readonly text: string;
}

const data = workerData as { aliases: readonly string[]; extract: ExtractData };
const knowledge = { ...compileExtract(data.extract), aliases: new Set(data.aliases) };

parentPort?.on('message', (task: Task) => {
  const facts = extractFacts(task.path, task.text, knowledge);
  parentPort?.postMessage({ id: task.id, facts });
});
