import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const demo = path.join(repoRoot, 'fixtures/demo-device');

function demoCopy(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-scope-')), 'device');
  cpSync(demo, dir, { recursive: true });
  return dir;
}

describe.skipIf(!cliBuilt)('pqready scan: output and walk scope (built CLI)', () => {
  it('refuses to overwrite a scanned file, before scanning (exit 2, file unchanged)', () => {
    const tree = demoCopy();
    const cert = path.join(tree, 'pki/device-cert.pem');
    const before = readFileSync(cert, 'utf8');
    const r = runCli(['scan', tree, '--format', 'json', '-o', cert]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Refusing to write [\s\S]*device-cert\.pem: it is a file of the[\s\S]*scanned tree/);
    expect(readFileSync(cert, 'utf8')).toBe(before);
  });

  it('never scans its own output nor a left-over temporary file: the second run writes the same bytes', () => {
    const tree = demoCopy();
    const out = path.join(tree, 'pqready.cdx.json');
    expect(runCli(['scan', tree, '-o', out]).status).toBe(0);
    const first = readFileSync(out, 'utf8');
    // What an interrupted run of an older version could leave behind: a partial CBOM.
    writeFileSync(path.join(tree, '.pqready.cdx.json.4242.deadbeef.tmp'), first.slice(0, 1000));
    const again = runCli(['scan', tree, '-o', out, '--strict']);
    expect(again.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(JSON.parse(first).metadata).toBeDefined();
  });

  it('does not follow a link out of the tree unless --follow-symlinks-outside (or the config key) says so', () => {
    const tree = demoCopy();
    const host = mkdtempSync(path.join(tmpdir(), 'pqready-host-'));
    cpSync(path.join(demo, 'pki/device-cert.pem'), path.join(host, 'host-ca.pem'));
    symlinkSync(path.join(host, 'host-ca.pem'), path.join(tree, 'host-ca.pem'));
    const paths = (stdout: string) =>
      JSON.parse(stdout).findings.map((f: { evidence: { path: string } }) => f.evidence.path);
    const inside = runCli(['scan', tree, '--format', 'json']);
    expect(inside.status).toBe(0);
    expect(paths(inside.stdout)).not.toContain('host-ca.pem');
    expect(inside.stdout).toContain('symlink-outside-root');
    const followed = runCli(['scan', tree, '--format', 'json', '--follow-symlinks-outside']);
    expect(paths(followed.stdout)).toContain('host-ca.pem');
    writeFileSync(path.join(tree, 'pqready.config.yaml'), 'follow-symlinks-outside: true\n');
    expect(paths(runCli(['scan', tree, '--format', 'json']).stdout)).toContain('host-ca.pem');
  });

  it('reports every file above --max-file-size by name, and rejects a size it cannot read (exit 2)', () => {
    const tree = demoCopy();
    const r = runCli(['scan', tree, '--format', 'json', '--max-file-size', '1K']);
    expect(r.status).toBe(0);
    const large = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'file-too-large');
    expect(large.length).toBeGreaterThan(0);
    expect(large[0].message).toMatch(/larger than the 1024-byte limit \(--max-file-size\); none of it was examined/);
    const bad = runCli(['scan', tree, '--max-file-size', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-file-size lots: give a size/);
  });

  it('checks the output directory before the scan', () => {
    const tree = demoCopy();
    const out = path.join(tree, 'missing-dir', 'out.json');
    const r = runCli(['scan', tree, '-o', out]);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
