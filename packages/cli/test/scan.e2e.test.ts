import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateCycloneDx } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const demo = path.join(repoRoot, 'fixtures/demo-device');

/** Runs the CLI with a reader that stops after the first chunk of standard output, as `| head -c 100` does. */
function runIntoClosedPipe(args: readonly string[]): Promise<{ status: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'packages/cli/bin/run.js'), ...args], {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.once('data', (d: Buffer) => {
      read = d.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, read }));
  });
}

/** Who the demo is: the identity flags a reviewer ties the CBOM to the product with. */
const IDENTITY = ['--component-name', 'infusion-pump', '--component-version', '2.4.1', '--supplier', 'Acme Medical'];

/** Fixtures whose purpose is to be broken (under a `broken/` folder, or named so): their error is a detector working. */
const BROKEN_ON_PURPOSE = /(^|\/)broken\/|(^|\/)(garbage|truncated)[^/]*$/;

/** Every base64 line of the demo's private key PEM: none may appear in any output. */
function privateKeyFragments(): string[] {
  const pem = readFileSync(path.join(demo, 'pki/device-key.pem'), 'utf8');
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
  const der = Buffer.from(body.join(''), 'base64');
  // SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING (32-byte private scalar) … }; the scalar starts at byte 7.
  const scalar = der.subarray(7, 7 + 32);
  return [...body.map((l) => l.slice(0, 24)), scalar.toString('hex'), scalar.toString('base64')];
}

describe.skipIf(!cliBuilt)('pqready scan (built CLI, end to end)', () => {
  it('writes a schema-valid CycloneDX 1.6 CBOM of the demo device, atomically, with no private key bytes', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-e2e-')), 'out.cdx.json');
    const r = runCli(['scan', demo, '--format', 'cyclonedx', '--output', out]);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    const bom = JSON.parse(text);
    expect(validateCycloneDx(bom, '1.6')).toEqual([]);
    expect(bom.specVersion).toBe('1.6');
    const names: string[] = bom.components.map((c: { name: string }) => c.name);
    expect(names.some((n) => /ECDSA|EC-P256/.test(n))).toBe(true);
    expect(
      bom.components.some(
        (c: { cryptoProperties?: { assetType: string } }) => c.cryptoProperties?.assetType === 'certificate',
      ),
    ).toBe(true);
    for (const fragment of privateKeyFragments()) expect(text).not.toContain(fragment);
    expect(readdirSync(path.dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('links each TLS configuration to the certificate and key files it names', () => {
    const r = runCli(['scan', demo, '--format', 'cyclonedx']);
    expect(r.status, r.stderr).toBe(0);
    type Component = {
      'bom-ref': string;
      evidence?: { occurrences?: { location: string }[] };
      cryptoProperties?: { assetType: string; protocolProperties?: { cryptoRefArray?: string[] } };
    };
    const components: Component[] = JSON.parse(r.stdout).components;
    const at = (file: string) => components.filter((c) => c.evidence?.occurrences?.some((o) => o.location === file));
    const nginx = at('gateway/nginx.conf').find((c) => c.cryptoProperties?.assetType === 'protocol');
    const refs = nginx?.cryptoProperties?.protocolProperties?.cryptoRefArray ?? [];
    const cert = at('pki/device-cert.pem').find((c) => c.cryptoProperties?.assetType === 'certificate');
    const key = at('pki/device-key.pem').find((c) => c.cryptoProperties?.assetType === 'related-crypto-material');
    expect(cert && key).toBeTruthy();
    expect(refs).toContain(cert!['bom-ref']);
    expect(refs).toContain(key!['bom-ref']);
  });

  it('is byte-for-byte reproducible under SOURCE_DATE_EPOCH, for every format', () => {
    for (const format of ['cyclonedx', 'json', 'markdown', 'table']) {
      const a = runCli(['scan', demo, '--format', format]);
      const b = runCli(['scan', demo, '--format', format]);
      expect(a.status, a.stderr).toBe(0);
      expect(b.stdout).toBe(a.stdout);
      expect(a.stdout.length).toBeGreaterThan(100);
    }
  });

  it('validates as CycloneDX 1.7 when asked', () => {
    const r = runCli(['scan', demo, '--format', 'cyclonedx', '--spec-version', '1.7']);
    expect(r.status, r.stderr).toBe(0);
    expect(validateCycloneDx(JSON.parse(r.stdout), '1.7')).toEqual([]);
  });

  it('reports bad input as diagnostics, exits 0, and 1 only with --strict', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-bad-'));
    writeFileSync(
      path.join(dir, 'broken.pem'),
      '-----BEGIN CERTIFICATE-----\nMIIB!!!garbage\n-----END CERTIFICATE-----\n',
    );
    writeFileSync(path.join(dir, 'truncated.der'), Buffer.from([0x30, 0x82, 0x05, 0x00, 0x30, 0x82]));
    writeFileSync(path.join(dir, 'empty.crt'), '');
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const strict = runCli(['scan', dir, '--format', 'json', '--strict']);
    expect(strict.status).toBe(1);
  });

  it('ends quietly, with its own exit code, when the reader of its output stops reading (`| head`)', async () => {
    // The demo's JSON (about 100 KB) is more than a pipe holds: the writes after the reader left fail with EPIPE.
    for (const args of [
      ['scan', demo, '--format', 'json'],
      ['scan', demo, '--json'],
    ]) {
      const r = await runIntoClosedPipe(args);
      expect(r.read).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/Internal error|EPIPE/);
      expect(r.status).toBe(0);
    }
    // The gate still decides the exit code.
    const gated = await runIntoClosedPipe(['scan', demo, '--format', 'json', '--fail-on', 'broken and active']);
    expect(gated.stderr).not.toMatch(/Internal error|EPIPE/);
    expect(gated.status).toBe(1);
  });

  it('rejects an unknown policy with one sentence and exit code 2', () => {
    const r = runCli(['scan', demo, '--policy', 'no-such-policy']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-policy/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists policies without a path, and asks for a path otherwise (exit code 2)', () => {
    const list = runCli(['scan', '--list-policies']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^cnsa-2\.0\t/m);
    expect(list.stdout).toMatch(/\(default\)/);
    const none = runCli(['scan']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/at least one file or directory/);
  });

  it('rejects a malformed SOURCE_DATE_EPOCH with exit code 2', () => {
    const r = runCli(['scan', demo], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SOURCE_DATE_EPOCH/);
  });

  it('never leaves a partial output file when the target directory does not exist', () => {
    const out = path.join(tmpdir(), 'pqready-no-such-dir', 'x', 'out.json');
    const r = runCli(['scan', demo, '--format', 'json', '--output', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Cannot write .*out\.json: its directory[\s\S]*does not exist/);
    expect(existsSync(out)).toBe(false);
  });

  it('prints --json as oclif does (two-space JSON and a newline), written in chunks, with the gate and timings', () => {
    const r = runCli(['scan', 'fixtures/demo-device', '--json', '--fail-on', 'broken', '--timings']);
    expect(r.status).toBe(1);
    const parsed = JSON.parse(r.stdout) as { findings: unknown[]; gate: { failed: boolean }; timings: unknown[] };
    expect(r.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(parsed.findings.length).toBeGreaterThan(0);
    expect(parsed.gate.failed).toBe(true);
    expect(parsed.timings.length).toBeGreaterThan(0);
  });

  it('gives the same bytes for `dir`, `./dir/` and `$PWD/dir`, in every format, with no absolute path', () => {
    for (const format of ['cyclonedx', 'json', 'sarif', 'markdown']) {
      const outputs = ['fixtures/demo-device', './fixtures/demo-device/', demo].map((root) => {
        const r = runCli(['scan', root, '--format', format, ...IDENTITY]);
        expect(r.status, r.stderr).toBe(0);
        return r.stdout;
      });
      expect(outputs[1], format).toBe(outputs[0]);
      expect(outputs[2], format).toBe(outputs[0]);
      expect(outputs[0]).not.toContain(repoRoot);
    }
    // Twelve CLI runs: on a loaded shared machine they took more than the default 60 s.
  }, 180_000);

  it('names roots by their absolute path only when asked', () => {
    const bom = JSON.parse(runCli(['scan', demo, '--format', 'cyclonedx', '--absolute-paths']).stdout);
    expect(bom.metadata.properties).toContainEqual({ name: 'pqready:root', value: demo });
    expect(bom.metadata.component.name).toBe(demo);
    const plain = JSON.parse(runCli(['scan', demo, '--format', 'cyclonedx']).stdout);
    expect(plain.metadata.properties).toContainEqual({ name: 'pqready:root', value: 'demo-device' });
    const sarif = JSON.parse(runCli(['scan', demo, '--format', 'sarif', '--absolute-paths']).stdout);
    expect(sarif.runs[0].originalUriBaseIds.SRCROOT.uri).toBe(`file://${demo}/`);
  });

  it('writes a demo CBOM with library components, filled crypto fields and the product identity, valid as 1.6 and 1.7', () => {
    for (const spec of ['1.6', '1.7'] as const) {
      const r = runCli(['scan', demo, '--format', 'cyclonedx', '--spec-version', spec, ...IDENTITY]);
      expect(r.status, r.stderr).toBe(0);
      const bom = JSON.parse(r.stdout);
      expect(validateCycloneDx(bom, spec)).toEqual([]);
      expect(bom.metadata.component).toMatchObject({
        name: 'infusion-pump',
        version: '2.4.1',
        supplier: { name: 'Acme Medical' },
      });
      type C = {
        type: string;
        'bom-ref': string;
        purl?: string;
        cryptoProperties?: { assetType: string; algorithmProperties?: Record<string, unknown> };
      };
      const components: C[] = bom.components;
      const libraries = components.filter((c) => c.type === 'library');
      expect(libraries.length).toBeGreaterThan(0);
      const provided = new Set(
        (bom.dependencies as { ref: string; provides?: string[] }[])
          .filter((d) => libraries.some((l) => l['bom-ref'] === d.ref))
          .flatMap((d) => d.provides ?? []),
      );
      expect(provided.size).toBeGreaterThan(0);
      for (const c of components.filter((x) => x.cryptoProperties?.assetType === 'algorithm')) {
        const ap = c.cryptoProperties!.algorithmProperties!;
        for (const field of ['primitive', 'executionEnvironment', 'implementationPlatform', 'certificationLevel']) {
          expect(ap[field], `${c['bom-ref']} ${field}`).toBeDefined();
        }
      }
      expect(bom.compositions?.[0]?.aggregate).toMatch(/^(unknown|incomplete)$/);
    }
  });

  it('writes a compact JSON report: each algorithm described once, under 100 KB for the demo', () => {
    const r = runCli(['scan', demo, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(100 * 1024);
    const report = JSON.parse(r.stdout);
    expect(report.findings.length).toBeGreaterThan(0);
    // No catalog text is repeated per finding: descriptions and sources live once, at the top.
    expect(r.stdout.split('"sources":[{').length - 1).toBe(1);
    expect(JSON.stringify(report.findings)).not.toMatch(/"description"/);
  });

  it('scans this repository with zero error diagnostics, but for fixtures that are broken on purpose', () => {
    // The tracked files, as a fresh clone has them (no node_modules, no build output).
    const tree = mkdtempSync(path.join(tmpdir(), 'pqready-repo-'));
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    for (const file of tracked) {
      if (!existsSync(path.join(repoRoot, file))) continue;
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      copyFileSync(path.join(repoRoot, file), path.join(tree, file));
    }
    const r = runCli(['scan', tree, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const errors = (report.diagnostics as { severity: string; path?: string; code: string }[]).filter(
      (d) => d.severity === 'error',
    );
    expect(errors.filter((d) => !BROKEN_ON_PURPOSE.test(d.path ?? '')).map((d) => `${d.path} ${d.code}`)).toEqual([]);
    // The scan read the repository's objects, sources and configs: the absence of errors is not an empty scan.
    expect(report.findings.length).toBeGreaterThan(200);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('analyses C in its worker pool when Node is started with options that workers refuse (V8 heap flags)', () => {
    // `node --max-old-space-size=4096 pqready scan …` is how a large tree is scanned; Node refuses V8 and process-wide
    // options in a worker's execArgv, and passing the parent's on unfiltered stopped the whole C analysis.
    const tree = mkdtempSync(path.join(tmpdir(), 'pqready-node-options-'));
    for (let i = 0; i < 24; i++)
      writeFileSync(
        path.join(tree, `m${i}.c`),
        `#include "mbedtls/sha256.h"\nint h${i}(const unsigned char *b, size_t n, unsigned char *o) { return mbedtls_sha256(b, n, o, 0); }\n`,
      );
    const args = ['scan', tree, '--format', 'json', '--jobs', '2', '--timings'];
    const plain = runCli(args);
    const flagged = runCli(args, {}, repoRoot, ['--max-old-space-size=2048', '--expose-gc', '--title', 'pqready-test']);
    for (const r of [plain, flagged]) {
      expect(r.status, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.diagnostics).toEqual([]);
      expect(report.findings.filter((f: { detector: string }) => f.detector === 'c-crypto-api')).toHaveLength(24);
      // The files went through the worker (`--jobs 2`: one worker and this thread), not the in-process fallback.
      expect(r.stderr).toMatch(/C parse\+extract worker 1/);
    }
    const withoutTimings = (stdout: string) => ({ ...JSON.parse(stdout), timings: undefined });
    expect(withoutTimings(flagged.stdout)).toEqual(withoutTimings(plain.stdout));
  });
});
