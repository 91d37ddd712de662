/**
 * Test helper: the folder of public data copies (pqm4/pqm3 CSVs, IETF interop certificates) beside the repository
 * or one of its parents (`shared/data`), or `PQREADY_SHARED_DATA`. Tests that need it skip cleanly without it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function find(): string | undefined {
  const env = process.env.PQREADY_SHARED_DATA;
  if (env && existsSync(env)) return env;
  for (let dir = path.dirname(repoRoot); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'data');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export const sharedData: string | undefined = find();
export const dataFile = (rel: string): string | undefined => {
  if (!sharedData) return undefined;
  const f = path.join(sharedData, rel);
  return existsSync(f) ? f : undefined;
};
