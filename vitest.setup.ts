/**
 * Removes the temporary folders a test file made under the system's temporary folder once its tests are done:
 * about a hundred `pqready-*` folders were left behind by every run of the suite. `mkdtemp` is wrapped here rather
 * than each test changed, so every test's paths stay as they were (several end-to-end tests match messages that oclif
 * wraps at 80 columns around a path, and a longer path moves the line breaks).
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { afterAll } from 'vitest';

const made: string[] = [];
const root = tmpdir();
const noted = (dir: string): string => {
  if (dir.startsWith(root)) made.push(dir);
  return dir;
};

const { mkdtempSync } = fs;
const { mkdtemp } = fs.promises;
fs.mkdtempSync = ((prefix: string, options?: fs.EncodingOption) =>
  noted(String(mkdtempSync(prefix, options)))) as typeof fs.mkdtempSync;
fs.promises.mkdtemp = (async (prefix: string, options?: fs.EncodingOption) =>
  noted(String(await mkdtemp(prefix, options)))) as typeof fs.promises.mkdtemp;
// Named imports of node:fs and node:fs/promises are bound to the module's exports: this makes them the wrapped ones.
syncBuiltinESMExports();

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
