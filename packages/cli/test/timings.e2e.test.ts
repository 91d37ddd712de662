import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

// The C fixtures: enough C files for two workers (`--jobs 3`: two workers and this thread), so the pool's rows are
// exercised too.
const tree = path.join(repoRoot, 'fixtures/c');

describe.skipIf(!cliBuilt)('pqready scan --timings (built CLI)', () => {
  it('prints the phases on stderr and leaves the output bytes unchanged', () => {
    const plain = runCli(['scan', tree, '--format', 'json', '--jobs', '3', '-q']);
    const timed = runCli(['scan', tree, '--format', 'json', '--jobs', '3', '-q', '--timings']);
    expect(plain.status).toBe(0);
    expect(timed.status).toBe(0);
    expect(timed.stdout).toBe(plain.stdout);
    expect(plain.stderr).not.toMatch(/Timings/);
    for (const phase of [
      'start-up (process to command)',
      'walk',
      'sniff (head, accepts)',
      'read (waiting for the bytes)',
      'hash and suppression comments',
      'C parse+extract worker 1',
      'C parse+extract worker 2',
      'C worker start-up',
      'C extraction passes (wall)',
      'analyse c-crypto-api',
      'merge (hashes, sort, dedupe)',
      'render and write',
      'wall (process start to here)',
    ])
      expect(timed.stderr).toMatch(new RegExp(`^  ${phase.replace(/[()+]/g, '\\$&')} +\\d+\\.\\d ms`, 'm'));
  });

  it('adds a timings array to --json, the report otherwise unchanged', () => {
    const plain = JSON.parse(runCli(['scan', tree, '--json', '--jobs', '1']).stdout);
    const timed = JSON.parse(runCli(['scan', tree, '--json', '--jobs', '1', '--timings']).stdout);
    const { timings, ...rest } = timed;
    expect(rest).toEqual(plain);
    expect(plain.timings).toBeUndefined();
    const phases = (timings as { phase: string; ms: number; count: number }[]).map((t) => t.phase);
    expect(phases).toContain('C parse+extract main thread');
    // The lane's busy time lies within the passes' wall time.
    const row = (p: string) => (timings as { phase: string; ms: number }[]).find((t) => t.phase === p)!;
    expect(row('C extraction passes (wall)').ms).toBeGreaterThanOrEqual(row('C parse+extract main thread').ms);
    expect(phases).not.toContain('C parse+extract worker 1');
    for (const t of timings) expect(t.ms).toBeGreaterThanOrEqual(0);
  });
});
