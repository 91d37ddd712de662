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

describe.skipIf(!cliBuilt)('pqready bench (built CLI, end to end, estimates only)', () => {
  it('produces a schema-valid fit matrix for a built-in device, with a source on every estimate', () => {
    const r = runCli(['bench', '--device', 'nrf52840', '--no-measure', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(JSON.stringify(report)).toMatch(/pqm4/);
  });

  it('reads a YAML profile with --json and is deterministic without host measurement', () => {
    const profile = path.join(repoRoot, 'fixtures/devices/demo-implant.yaml');
    const a = runCli(['bench', '--profile', profile, '--no-measure', '--json']);
    const b = runCli(['bench', '--profile', profile, '--no-measure', '--json']);
    expect(a.status, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(validate(JSON.parse(a.stdout))).toBe(true);
  });

  it('renders Markdown and lists the built-in devices', () => {
    const md = runCli(['bench', '--device', 'stm32u585', '--no-measure', '--format', 'markdown']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^#/m);
    const list = runCli(['bench', '--list-devices']);
    expect(list.status).toBe(0);
    for (const id of ['nrf52840', 'rp2040', 'esp32s3']) expect(list.stdout).toContain(id);
  });

  it('rejects a bad profile with the JSON path and the allowed values, exit code 2, no stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-bench-'));
    const bad = path.join(dir, 'bad.yaml');
    const demo = readFileSync(path.join(repoRoot, 'fixtures/devices/demo-implant.yaml'), 'utf8');
    expect(demo).toMatch(/^core: cortex-m\S+$/m);
    writeFileSync(bad, demo.replace(/^core: .*$/m, 'core: cortex-m5'));
    const r = runCli(['bench', '--profile', bad, '--no-measure', '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\$\.core/);
    expect(r.stderr).toMatch(/cortex-m4/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown device id with exit code 2', () => {
    const r = runCli(['bench', '--device', 'no-such-mcu', '--no-measure']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-mcu/);
  });
});
