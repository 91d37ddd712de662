/**
 * Runs the built CLI (`bin/run.js` → `dist`) the way a user does, for end-to-end tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const cliBuilt = existsSync(path.join(repoRoot, 'packages/cli/dist/commands/scan.js'));

interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `nodeOptions` go to Node itself, before the script (`node --max-old-space-size=4096 run.js …`). */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd = repoRoot,
  nodeOptions: readonly string[] = [],
): CliResult {
  const result = spawnSync(
    process.execPath,
    [...nodeOptions, path.join(repoRoot, 'packages/cli/bin/run.js'), ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
