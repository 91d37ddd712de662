/**
 * The GitHub Action's scan step (action/scan.sh, run as the composite action runs it) and the pre-commit hook
 * definition (.pre-commit-hooks.yaml, its entry run with the built CLI in place of the installed one).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const demo = path.join(repoRoot, 'fixtures/demo-device');
const bin = path.join(repoRoot, 'packages/cli/bin/run.js');

function actionScan(inputs: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pqready-action-'));
  const output = path.join(dir, 'github-output');
  const r = spawnSync('bash', [path.join(repoRoot, 'action/scan.sh')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', GITHUB_OUTPUT: output, PQREADY_BIN: bin, ...inputs },
  });
  const outputs = existsSync(output)
    ? Object.fromEntries(
        readFileSync(output, 'utf8')
          .trim()
          .split('\n')
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      )
    : {};
  return { ...r, dir, outputs };
}

describe.skipIf(!cliBuilt)('GitHub Action', () => {
  it('declares its inputs and runs install, scan, upload and gate in that order', () => {
    const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8'));
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['paths', 'fail-on', 'baseline', 'config', 'args', 'sarif-file', 'upload', 'category']),
    );
    const steps = action.runs.steps.map((s: { id?: string; uses?: string }) => s.id ?? s.uses);
    expect(steps).toEqual([
      'actions/setup-node@v4',
      'install',
      'scan',
      'github/codeql-action/upload-sarif@v4',
      undefined,
    ]);
  });

  it('writes SARIF without suppressed results, records a failed gate for the last step, and exits 0 so upload runs', () => {
    const r = actionScan({ INPUT_PATHS: demo, INPUT_FAIL_ON: 'broken and active', INPUT_ARGS: '--policy cnsa-2.0' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.outputs.summary).toMatch(/^Gate failed: \d+ findings match --fail-on "broken and active"/);
    const sarif = JSON.parse(readFileSync(path.join(r.dir, r.outputs['sarif-file']!), 'utf8'));
    expect(sarif.runs[0].properties.policy).toBe('cnsa-2.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('fails the step at once on a usage error', () => {
    const r = actionScan({ INPUT_PATHS: 'no/such/dir' });
    expect(r.status).toBe(2);
    expect(r.outputs['exit-code']).toBe('2');
  });
});

describe.skipIf(!cliBuilt)('pre-commit hook', () => {
  const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'));

  it('is one hook that runs the pqready executable on the whole tree', () => {
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'pqready', language: 'system', pass_filenames: false, args: ['.'] });
    expect(hooks[0].entry).toMatch(/^pqready scan /);
  });

  it('blocks a commit when its gate fails, and lets it through with a baseline of the same tree', () => {
    // The entry as pre-commit runs it (shell-like words), with the built CLI for `pqready`.
    const words = (hooks[0].entry as string).match(/"[^"]*"|\S+/g)!.map((w) => w.replace(/^"|"$/g, ''));
    const run = (extra: string[]) => runCli([...words.slice(1), ...extra], {}, demo);
    const blocked = run(['.']);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toMatch(/Gate failed/);
    const base = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-hook-')), 'baseline.cdx.json');
    expect(runCli(['scan', demo, '-o', base]).status).toBe(0);
    const passed = run(['.', '--baseline', base]);
    expect(passed.status, passed.stderr).toBe(0);
  });
});
