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
/** Notes the folder made and hands back what `mkdtemp` gave, a string or (with `encoding: 'buffer'`) a Buffer. */
const noted = <T extends string | Buffer>(dir: T): T => {
  const name = String(dir);
  if (name.startsWith(root)) made.push(name);
  return dir;
};

const { mkdtempSync } = fs;
const { mkdtemp } = fs.promises;
fs.mkdtempSync = ((prefix: string, options?: fs.EncodingOption) =>
  noted(mkdtempSync(prefix, options))) as typeof fs.mkdtempSync;
fs.promises.mkdtemp = (async (prefix: string, options?: fs.EncodingOption) =>
  noted(await mkdtemp(prefix, options))) as typeof fs.promises.mkdtemp;
// Named imports of node:fs and node:fs/promises are bound to the module's exports: this makes them the wrapped ones.
syncBuiltinESMExports();

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
