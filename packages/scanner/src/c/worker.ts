/**
 * Worker-thread entry: parses C files and returns their facts. Syntax trees never leave the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFacts } from './extract.js';
import { extractKnowledge } from './knowledge.js';

interface Task {
  readonly id: number;
  readonly path: string;
  readonly text: string;
}

const aliases = (workerData as { aliases?: readonly string[] } | undefined)?.aliases ?? [];
const knowledge = { ...extractKnowledge(), aliases: new Set(aliases) };

parentPort?.on('message', (task: Task) => {
  const facts = extractFacts(task.path, task.text, knowledge);
  parentPort?.postMessage({ id: task.id, facts });
});
