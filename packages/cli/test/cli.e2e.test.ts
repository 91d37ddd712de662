/**
 * The executable as a user meets it: exit codes, help, version, typos, --json, paths relative to the caller's working
 * directory, the format taken from the output file's name, diagnostics printed once.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const demo = path.join(repoRoot, 'fixtures/demo-device');
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);
/** oclif wraps messages at the terminal width behind ` ›   `: one line again, for matching. */
const oneLine = (text: string) => text.replace(/\s*\n ›\s*/g, ' ').replace(/ ›\s+/g, '');

describe.skipIf(!cliBuilt)('exit codes: 0 done, 1 gate failed, 2 usage or input error, 3 internal error', () => {
  it('0: a scan that completes', () => {
    expect(runCli(['scan', demo, '--format', 'json', '--fail-on', 'hybrid']).status).toBe(0);
  });

  it('1: a gate that fails, with one line saying what and where', () => {
    const r = runCli(['scan', demo, '--format', 'json', '--fail-on', 'broken and active']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^Gate failed: \d+ findings match --fail-on "broken and active"; first: \S+:\d+ .+ \(broken\)\.$/m,
    );
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
  });

  it('2: a root that does not exist, one sentence and no empty output', () => {
    const r = runCli(['scan', 'no/such/dir', '--format', 'cyclonedx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(/Cannot scan no\/such\/dir: it does not exist \(relative paths start at /);
    noStack(r.stderr);
  });

  it('2: unknown commands, flags and values, with the allowed values', () => {
    const typo = runCli(['scna', demo], {}, repoRoot);
    expect(typo.status).toBe(2);
    expect(oneLine(typo.stderr)).toMatch(/scna.* is not a pqready command/);
    const value = runCli(['scan', demo, '--format', 'xml']);
    expect(value.status).toBe(2);
    expect(oneLine(value.stderr)).toMatch(/cyclonedx, json, markdown, sarif, table/);
    const assume = runCli(['scan', demo, '--assume', 'foo=1']);
    expect(assume.status).toBe(2);
    expect(oneLine(assume.stderr)).toMatch(/haproxy, mosquitto, nginx, openssh, openssl, strongswan, not "foo"/);
    const version = runCli(['scan', demo, '--assume', 'nginx=latest']);
    expect(version.status).toBe(2);
    expect(oneLine(version.stderr)).toMatch(/give a version number/);
    const gate = runCli(['scan', demo, '--fail-on', 'broken and']);
    expect(gate.status).toBe(2);
    const html = runCli(['scan', demo, '-o', path.join(tmpdir(), 'report.html')]);
    expect(html.status).toBe(2);
    expect(oneLine(html.stderr)).toMatch(/HTML report comes with pqready assess/);
  });

  it('2 survives --json, with the sentence on standard error', () => {
    const r = runCli(['scan', 'no/such/dir', '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Cannot scan no\/such\/dir/);
  });

  it('3: an error that is not the user’s, as one sentence; the stack only with --debug', () => {
    // A command that fails the way a bug would, run through pqready's entry point.
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-internal-'));
    const core = createRequire(path.join(repoRoot, 'packages/cli/package.json')).resolve('@oclif/core');
    mkdirSync(path.join(dir, 'commands'));
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({
        name: 'boom',
        version: '1.0.0',
        type: 'module',
        oclif: { bin: 'boom', commands: './commands' },
      }),
    );
    writeFileSync(
      path.join(dir, 'commands', 'boom.js'),
      `import { Command } from ${JSON.stringify(pathToFileURL(core).href)};\nexport default class Boom extends Command { async run() { const x = undefined; return x.field; } }\n`,
    );
    const main = pathToFileURL(path.join(repoRoot, 'packages/cli/dist/main.js')).href;
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { main } from ${JSON.stringify(main)}; await main(${JSON.stringify(pathToFileURL(path.join(dir, 'package.json')).href)}, ${JSON.stringify(args)});`,
        ],
        {
          encoding: 'utf8',
        },
      );
    const r = run(['boom']);
    expect(r.status).toBe(3);
    expect(oneLine(r.stderr)).toMatch(
      /Internal error: Cannot read properties of undefined.*This is a bug in pqready.*--debug/s,
    );
    noStack(r.stderr);
    expect(run(['boom', '--debug']).stderr).toMatch(/\n\s+at /);
  });
});

describe.skipIf(!cliBuilt)('a CLI that works from any folder', () => {
  it('reads paths relative to the caller’s working directory', () => {
    const here = runCli(['scan', 'demo-device', '--format', 'json'], {}, path.join(repoRoot, 'fixtures'));
    const there = runCli(['scan', demo, '--format', 'json'], {}, tmpdir());
    expect(here.status, here.stderr).toBe(0);
    expect(here.stdout).toBe(there.stdout);
  });

  it('under `pnpm pqready`, reads paths relative to the folder pnpm was called from', () => {
    const r = runCli(['scan', 'demo-device', '--format', 'json'], {
      npm_lifecycle_event: 'pqready',
      INIT_CWD: path.join(repoRoot, 'fixtures'),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).roots).toEqual(['demo-device']);
  });

  it('answers help, -h, -v and --json on scan', () => {
    expect(runCli(['help', 'scan']).stdout).toMatch(/USAGE\n\s+\$ pqready scan/);
    expect(runCli(['scan', '-h']).stdout).toMatch(/--fail-on/);
    expect(runCli(['-v']).stdout).toMatch(/^@pqready\/cli\/\d+\.\d+\.\d+ /);
    const json = runCli(['scan', demo, '--json', '--fail-on', 'broken']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.gate).toMatchObject({ expressions: ['broken'], failed: true });
    expect(report.gate.matching.length).toBe(report.summary.byVerdict.broken);
  });
});

describe.skipIf(!cliBuilt)('outputs', () => {
  it('takes the format from the output file’s name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-out-'));
    const cases: [string, (text: string) => boolean][] = [
      ['inventory.cdx.json', (t) => JSON.parse(t).bomFormat === 'CycloneDX'],
      ['results.sarif', (t) => JSON.parse(t).version === '2.1.0'],
      ['report.json', (t) => Array.isArray(JSON.parse(t).findings) && !('bomFormat' in JSON.parse(t))],
      ['report.md', (t) => t.startsWith('# Cryptography inventory')],
    ];
    for (const [name, check] of cases) {
      const r = runCli(['scan', demo, '-o', path.join(dir, name)]);
      expect(r.status, r.stderr).toBe(0);
      expect(check(readFileSync(path.join(dir, name), 'utf8')), name).toBe(true);
    }
    const explicit = runCli(['scan', demo, '-o', path.join(dir, 'x.md'), '--format', 'json']);
    expect(JSON.parse(readFileSync(path.join(dir, 'x.md'), 'utf8')).findings).toBeDefined();
    expect(explicit.status).toBe(0);
  });

  it('prints diagnostics once: in a table on standard output, else on standard error', () => {
    const tree = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-diag-')), 't');
    cpSync(path.join(demo, 'pki'), tree, { recursive: true });
    writeFileSync(path.join(tree, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nMIIB!!!\n-----END CERTIFICATE-----\n');
    const table = runCli(['scan', tree, '--format', 'table']);
    expect(table.stdout).toMatch(/broken\.pem/);
    expect(table.stderr).not.toMatch(/broken\.pem/);
    const cbom = runCli(['scan', tree, '--format', 'cyclonedx']);
    expect(cbom.stderr.match(/broken\.pem/g)).toHaveLength(1);
    const legend = runCli(['scan', demo, '--format', 'table']).stdout;
    expect(legend).toMatch(/^Legend:\n(.*\n)*\s+no-pq-group\s+TLS offers no post-quantum/m);
  });
});
