/**
 * Worker-thread entry: parses C files and returns their facts. Syntax trees never leave the worker.
 */
import { parentPort } from 'node:worker_threads';
import { extractFacts } from './extract.js';
import { extractKnowledge } from './knowledge.js';

interface Task {
  readonly id: number;
  readonly path: string;
  readonly text: string;
}

const knowledge = extractKnowledge();

parentPort?.on('message', (task: Task) => {
  const facts = extractFacts(task.path, task.text, knowledge);
  parentPort?.postMessage({ id: task.id, facts });
});
