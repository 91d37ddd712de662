import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/schemas/bench.schema.json'), 'utf8'));
const validate = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addSchema(JSON.parse(readFileSync(path.join(repoRoot, 'docs/device-profile.schema.json'), 'utf8')));
  return ajv.compile(schema);
})();
const example = (f: string) => path.join(repoRoot, 'docs/examples', f);

/** Every `url` anywhere in a report. */
function urls(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) urls(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'url' && typeof v === 'string') out.add(v);
      else urls(v, out);
    }
  return out;
}

describe.skipIf(!cliBuilt)('pqready bench (built CLI, end to end, estimates only)', () => {
  it('estimates by default (no host timing) and produces a schema-valid report whose sources a reader can open', () => {
    const r = runCli(['bench', '--device', 'nrf52840', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report.host).toBeUndefined();
    expect(report.device.illustrativeBudgets).toBe(true);
    for (const u of report.useCases) expect(u.recommendation.reason).toMatch(/illustrative/);
    const all = [...urls(report)];
    expect(all.length).toBeGreaterThan(20);
    for (const u of all) expect(u).toMatch(/^https:\/\//);
    expect(r.stdout).not.toMatch(/shared\/|reference\/[a-z-]+\.md/);
  });

  it('reads the example profile with --json, is deterministic, and does not call its budgets illustrative', () => {
    const a = runCli(['bench', '--profile', example('implant-profile.yaml'), '--json']);
    const b = runCli(['bench', '--profile', example('implant-profile.yaml'), '--no-measure', '--json']);
    expect(a.status, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const report = JSON.parse(a.stdout);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report.device.illustrativeBudgets).toBe(false);
    expect(a.stdout).not.toMatch(/illustrative (budgets|defaults)/i);
    const tls = report.useCases.find((u: { id: string }) => u.id === 'tls-client-handshake');
    const c = tls.candidates.find((x: { id: string }) => x.id === 'x25519mlkem768+ml-dsa-44');
    expect(c.wire.airtimeMs.point).toBeGreaterThan(0);
    expect(c.signTail).toBeDefined();
  });

  it('applies the example calibration file: those operations are marked measured', () => {
    const r = runCli([
      'bench',
      '--profile',
      example('implant-profile.yaml'),
      '--calibration',
      example('calibration.yaml'),
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validate(report)).toBe(true);
    const boot = report.useCases.find((u: { id: string }) => u.id === 'secure-boot-verify');
    // Measured signatures over an estimated image hash are "mixed".
    const mldsa = boot.candidates.find((c: { id: string }) => c.id === 'ml-dsa-65');
    expect(mldsa.basis).toBe('mixed');
    expect(mldsa.implNames).toContain('mldsa-native (our build)');
    expect(boot.candidates.find((c: { id: string }) => c.id === 'lms').implNames).toContain('measured on target');
    expect(report.model.calibration).toEqual({ file: 'calibration.yaml', measurements: 3 });
  });

  it('renders Markdown and tables that mark illustrative budgets and name each failing budget with its numbers', () => {
    const md = runCli(['bench', '--device', 'nrf52832', '--format', 'markdown']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# PQC fit report/m);
    expect(md.stdout).toMatch(/Illustrative budgets/);
    expect(md.stdout).toMatch(/does not fit: [^|\n]*wire [\d,]+ B > budgets\.wireBytesPerHandshake 16,384 B/);
    const table = runCli(['bench', '--device', 'nrf52832', '--format', 'table']);
    expect(table.stdout).toMatch(/Budgets: time ≤ 500 ms \(budgets\.bootVerifyMs\).*illustrative budgets/);
    expect(table.stdout).toMatch(/does not fit: [^\n]*RAM [\d.]+ KiB > budgets\.ramKiB 16\.0 KiB/);
    expect(table.stdout).toMatch(/signing: p50 [\d.,]+ \/ p99 [\d.,]+ \/ p99\.9 [\d.,]+ ms/);
    const own = runCli(['bench', '--profile', example('implant-profile.yaml'), '--format', 'table']);
    expect(own.stdout).not.toMatch(/illustrative/);
    const list = runCli(['bench', '--list-devices']);
    expect(list.status).toBe(0);
    for (const id of ['nrf52840', 'rp2040', 'esp32s3']) expect(list.stdout).toContain(id);
  });

  it('reports every mistake in a profile at once with JSON paths and allowed values, exit code 2, no stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-bench-'));
    const bad = path.join(dir, 'bad.yaml');
    const text = readFileSync(example('implant-profile.yaml'), 'utf8');
    expect(text).toMatch(/^core: cortex-m\S+$/m);
    writeFileSync(
      bad,
      text
        .replace(/^core: .*$/m, 'core: cortex-m5')
        .replace(/^ {2}bootVerifyMs: .*$/m, '  bootVerifyMs: -5')
        .replace(/^ {2}hybrid: .*$/m, '  hybrid: maybe'),
    );
    const r = runCli(['bench', '--profile', bad, '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/has 3 problems/);
    expect(r.stderr).toMatch(/\$\.core must be one of .*cortex-m4/);
    expect(r.stderr).toMatch(/\$\.budgets\.bootVerifyMs must be > 0 \(got -5\)/);
    expect(r.stderr).toMatch(/\$\.policy\.hybrid must be one of require, prefer, allow \(got "maybe"\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts a minimal profile (core and clock only) and rejects an unknown device id with exit code 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-bench-'));
    const min = path.join(dir, 'min.json');
    writeFileSync(min, JSON.stringify({ core: 'cortex-m33', clockMHz: 96 }));
    const ok = runCli(['bench', '--profile', min, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(validate(JSON.parse(ok.stdout))).toBe(true);
    const r = runCli(['bench', '--device', 'no-such-mcu']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-mcu/);
  });
});
