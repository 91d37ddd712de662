/**
 * The CLI as someone outside the repository gets it: `node packages/cli/scripts/pack.mjs` makes one tarball,
 * `npm install -g --prefix <tmp>` installs it (dependencies from the npm registry), and the installed `pqready`
 * scans a tree from another folder, and runs through `npx` from the tarball. About half a minute: it installs
 * tree-sitter and the other dependencies.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot } from './run-cli.js';

describe.skipIf(!cliBuilt)('packed tarball', () => {
  it('installs with npm install -g into a temporary prefix and runs from any folder, and with npx', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'pqready-pack-test-'));
    const tarball = execFileSync(process.execPath, [path.join(repoRoot, 'packages/cli/scripts/pack.mjs'), work], {
      encoding: 'utf8',
    }).trim();
    expect(path.basename(tarball)).toMatch(/^pqready-\d+\.\d+\.\d+\.tgz$/);
    const prefix = path.join(work, 'prefix');
    // tree-sitter compiles against the local Node headers (no header download on machines without internet).
    const env = {
      ...process.env,
      npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, tarball], { encoding: 'utf8', env });
    expect(install.status, install.stderr).toBe(0);

    const elsewhere = path.join(work, 'elsewhere');
    cpSync(path.join(repoRoot, 'fixtures/demo-device'), path.join(elsewhere, 'tree'), { recursive: true });
    const pqready = path.join(prefix, 'bin', 'pqready');
    const run = (args: string[]) =>
      spawnSync(pqready, args, { cwd: elsewhere, encoding: 'utf8', env: { ...env, SOURCE_DATE_EPOCH: '1767225600' } });
    expect(run(['--version']).stdout).toMatch(/^@pqready\/cli\/\d|^pqready\/\d/);
    const scan = run(['scan', 'tree', '--format', 'json']);
    expect(scan.status, scan.stderr).toBe(0);
    const report = JSON.parse(scan.stdout);
    // The C parser (native tree-sitter) works in the installed copy too.
    expect(report.findings.some((f: { detector: string }) => f.detector === 'c-crypto-api')).toBe(true);
    expect(run(['scan', 'missing']).status).toBe(2);
    expect(run(['help', 'scan']).stdout).toMatch(/--fail-on/);

    const npx = spawnSync(
      'npm',
      ['exec', '--yes', `--package=${tarball}`, '--', 'pqready', 'scan', 'tree', '--format', 'json'],
      {
        cwd: elsewhere,
        encoding: 'utf8',
        env: { ...env, SOURCE_DATE_EPOCH: '1767225600' },
      },
    );
    expect(npx.status, npx.stderr).toBe(0);
    expect(JSON.parse(npx.stdout).findings).toHaveLength(report.findings.length);
  }, 600_000);
});
