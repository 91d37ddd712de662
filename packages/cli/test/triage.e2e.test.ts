/**
 * Everyday use on a tree of our own: .gitignore, .pqreadyignore, a configuration with excludes, third-party
 * folders and suppressions, inline suppressions with and without reasons, the gate, a baseline, and diff on moved
 * code.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const demo = path.join(repoRoot, 'fixtures/demo-device');
const oneLine = (text: string) => text.replace(/\s*\n ›\s*/g, ' ').replace(/ ›\s+/g, '');

interface Finding {
  id: string;
  evidence: { path: string; line?: number };
  verdict: { quantum: string };
  suppression?: { targets: string[]; reason: string; source: string };
  thirdParty?: boolean;
}

function project(): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-project-')), 'project');
  cpSync(demo, root, { recursive: true });
  mkdirSync(path.join(root, 'build'));
  cpSync(path.join(demo, 'pki/ca-cert.pem'), path.join(root, 'build/generated-ca.pem'));
  mkdirSync(path.join(root, 'vendor/mbedtls'), { recursive: true });
  cpSync(path.join(demo, 'firmware/src/tls_client.c'), path.join(root, 'vendor/mbedtls/client.c'));
  writeFileSync(path.join(root, '.gitignore'), 'build/\n');
  writeFileSync(path.join(root, '.pqreadyignore'), 'bootloader/keys/\n');
  return root;
}

const json = (args: string[], cwd?: string) => {
  const r = runCli(['scan', ...args, '--format', 'json'], {}, cwd);
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
};

describe.skipIf(!cliBuilt)('ignores, configuration and suppressions', () => {
  it('honours .gitignore and .pqreadyignore by default, and counts what it left out', () => {
    const root = project();
    const { report, status } = json([root]);
    expect(status).toBe(0);
    const paths: string[] = report.findings.map((f: Finding) => f.evidence.path);
    expect(paths.some((p) => p.startsWith('build/'))).toBe(false);
    expect(paths.some((p) => p.startsWith('bootloader/keys/'))).toBe(false);
    expect(report.stats.pathsIgnored).toBe(2);
    const all = json([root, '--no-gitignore']).report;
    expect(all.findings.some((f: Finding) => f.evidence.path === 'build/generated-ca.pem')).toBe(true);
    const excluded = json([root, '--exclude', 'gateway/', '-x', '*.pem']).report;
    expect(excluded.findings.some((f: Finding) => /^gateway\/|\.pem$/.test(f.evidence.path))).toBe(false);
  });

  it('reads pqready.config.yaml from the root upwards: excludes, third-party folders, suppressions, gate', () => {
    const root = project();
    writeFileSync(
      path.join(root, 'pqready.config.yaml'),
      [
        'exclude: [radio/]',
        'third-party: [vendor/]',
        'fail-on: broken and not third-party',
        'suppress:',
        '  - paths: pki/ca-cert.pem',
        '    ids: [rsa]',
        '    reason: root CA of the lab, replaced at manufacturing',
      ].join('\n'),
    );
    const run = runCli(['scan', root, '--json'], {}, tmpdir());
    const r = { status: run.status, report: JSON.parse(run.stdout) };
    expect(r.status).toBe(1);
    const findings: Finding[] = r.report.findings;
    expect(findings.some((f) => f.evidence.path.startsWith('radio/'))).toBe(false);
    const vendored = findings.filter((f) => f.evidence.path.startsWith('vendor/'));
    expect(vendored.length).toBeGreaterThan(0);
    expect(vendored.every((f) => f.thirdParty === true)).toBe(true);
    const ca = findings.find((f) => f.evidence.path === 'pki/ca-cert.pem')!;
    expect(ca.suppression).toEqual({
      targets: ['rsa'],
      reason: 'root CA of the lab, replaced at manufacturing',
      source: expect.stringMatching(/pqready\.config\.yaml:5 suppress\[0\]$/),
    });
    // The gate counted neither the suppressed certificate nor vendored code.
    expect(r.report.gate.matching).not.toContain(ca.id);
    expect(vendored.some((f) => r.report.gate.matching.includes(f.id))).toBe(false);
    // A flag replaces the configured gate; --config names another file.
    expect(json([root, '--fail-on', 'hybrid']).status).toBe(0);
    writeFileSync(path.join(root, 'other.json'), '{ "fail-on": "weakened" }');
    expect(json([root, '--config', path.join(root, 'other.json')]).status).toBe(1);
  });

  it('rejects a bad configuration with exit code 2, naming the file, line and key', () => {
    const root = project();
    writeFileSync(path.join(root, 'pqready.config.yaml'), 'exclude: [build/]\nfail_on: broken\n');
    const r = runCli(['scan', root]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/pqready\.config\.yaml:2: `fail_on` is not a known key; allowed keys: .*fail-on/);
  });

  it('suppresses with inline comments that give a reason, warns about those that do not, and keeps every finding', () => {
    const root = project();
    const file = path.join(root, 'firmware/src/tls_client.c');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('mbedtls_rsa_gen_key('));
    lines.splice(at, 0, '    /* pqready-ignore rsa -- provisioning station only, never on the device */');
    lines.splice(0, 0, '// pqready-ignore ecdh');
    writeFileSync(file, lines.join('\n'));
    const { report } = json([root]);
    const before = json([project()]).report;
    expect(report.findings).toHaveLength(before.findings.length);
    const suppressed = report.findings.filter((f: Finding) => f.suppression);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppression.reason).toBe('provisioning station only, never on the device');
    expect(suppressed[0].evidence).toMatchObject({ path: 'firmware/src/tls_client.c', line: at + 3 });
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'suppression-without-reason', path: 'firmware/src/tls_client.c', line: 1 }),
    );
    // Every format marks it: CBOM occurrence, Markdown, table.
    const cbom = runCli(['scan', root, '--format', 'cyclonedx']).stdout;
    expect(cbom).toContain('suppression-reason=provisioning station only, never on the device');
    expect(runCli(['scan', root, '--format', 'markdown']).stdout).toContain(
      'suppressed rsa: provisioning station only',
    );
    expect(runCli(['scan', root, '--format', 'table']).stdout).toMatch(/^SUPPRESSED \(1\) · /m);
  });
});

describe.skipIf(!cliBuilt)('baselines and diff', () => {
  it('judges only new findings against a baseline; moved code is not new', () => {
    const root = project();
    const dir = path.dirname(root);
    const base = path.join(dir, 'base.cdx.json');
    expect(runCli(['scan', root, '-o', base]).status).toBe(0);
    const file = path.join(root, 'firmware/src/tls_client.c');
    writeFileSync(file, `/* a licence header pushes everything down */\n\n\n${readFileSync(file, 'utf8')}`);
    const moved = runCli(['scan', root, '--baseline', base, '--fail-on', 'broken', '--format', 'json']);
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stderr).toMatch(
      /Gate passed: no new finding matches --fail-on "broken" \(not counted: \d+ in the baseline\)\./,
    );
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\nint extra_key(mbedtls_rsa_context *rsa) { return mbedtls_rsa_gen_key(rsa, 0, 0, 1024, 65537); }\n`,
    );
    const added = runCli(['scan', root, '--baseline', base, '--fail-on', 'broken', '--format', 'sarif']);
    expect(added.status).toBe(1);
    expect(added.stderr).toMatch(
      /Gate failed: 1 new finding matches --fail-on "broken"; first: firmware\/src\/tls_client\.c:\d+(:\d+)? RSA-1024 \(broken\)/,
    );
    const states = JSON.parse(added.stdout).runs[0].results.map((r: { baselineState: string }) => r.baselineState);
    expect(states.filter((s: string) => s === 'new')).toHaveLength(1);
  });

  it('diff lists added, removed and changed assets by identity, not by line', () => {
    const root = project();
    const dir = path.dirname(root);
    runCli(['scan', root, '-o', path.join(dir, 'old.cdx.json')]);
    runCli(['scan', root, '-o', path.join(dir, 'old.json')]);
    const c = path.join(root, 'firmware/src/tls_client.c');
    writeFileSync(c, `/* moved */\n\n${readFileSync(c, 'utf8')}`);
    const nginx = path.join(root, 'gateway/nginx.conf');
    writeFileSync(
      nginx,
      readFileSync(nginx, 'utf8').replace('ssl_ecdh_curve X25519:prime256v1;', 'ssl_ecdh_curve X25519MLKEM768:X25519;'),
    );
    const radio = path.join(root, 'radio/src/link_session.c');
    writeFileSync(radio, `${readFileSync(radio, 'utf8')}\nvoid extra(void) { mbedtls_sha1(0, 0, 0); }\n`);
    runCli(['scan', root, '-o', path.join(dir, 'new.cdx.json')]);

    const same = runCli(['diff', path.join(dir, 'old.cdx.json'), path.join(dir, 'old.json')]);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/No differences; \d+ entries unchanged\./);

    const r = runCli(['diff', path.join(dir, 'old.cdx.json'), path.join(dir, 'new.cdx.json'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.added.map((e: { path: string; scope?: string }) => `${e.path} ${e.scope}`)).toEqual([
      'radio/src/link_session.c extra',
    ]);
    expect(d.removed).toEqual([]);
    const changed = d.changed.map((c: { after: { path: string }; changes: { attribute: string }[] }) => [
      c.after.path,
      c.changes.map((x) => x.attribute),
    ]);
    expect(changed).toContainEqual(['gateway/nginx.conf', expect.arrayContaining(['groups', 'verdict'])]);
    expect(changed.some(([p]: [string]) => p === 'firmware/src/tls_client.c')).toBe(false);
    expect(d.unchanged).toBeGreaterThan(40);

    const text = runCli(['diff', path.join(dir, 'old.cdx.json'), path.join(dir, 'new.cdx.json')]).stdout;
    expect(text).toMatch(
      /^Added \(1\):\n {2}\+ weakened +SHA-1 api-call {2}radio\/src\/link_session\.c:\d+ in extra$/m,
    );
    expect(text).toMatch(/groups: x25519, secp256r1 → X25519MLKEM768, x25519\n\s+verdict: broken → hybrid/);
    const gate = runCli([
      'diff',
      path.join(dir, 'old.cdx.json'),
      path.join(dir, 'new.cdx.json'),
      '--fail-on',
      'weakened',
    ]);
    expect(gate.status).toBe(1);
    expect(runCli(['diff', path.join(dir, 'old.cdx.json'), path.join(root, 'gateway/nginx.conf')]).status).toBe(2);
  });
});
