import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateCycloneDx } from '@pqready/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const demo = path.join(repoRoot, 'fixtures/demo-device');
const config = path.join(demo, 'pqready-plan.yaml');
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/schemas/plan.schema.json'), 'utf8'));
const validate = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
})();
const ARTEFACTS = ['bench.json', 'cbom.cdx.json', 'findings.sarif', 'plan.json', 'plan.md', 'report.html'];

interface PlanJson {
  stages: { items: { id: string; findings: { bomRef: string; locations: { path: string }[] }[] }[] }[];
  findings: { bomRef: string; path: string }[];
  devices: { id: string }[];
  summary: { items: number };
}

function assess(out: string, extra: string[] = []) {
  // Estimates only, as `pqready bench` gives them by default: no host measurement, so every byte is stable.
  return runCli(['assess', demo, '--config', config, '--out', out, ...extra]);
}

describe.skipIf(!cliBuilt)('pqready assess and plan (built CLI, end to end)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'pqready-assess-'));
  const first = assess(out);

  it('writes the six artefacts, a valid CBOM and a plan that validates against its schema', () => {
    expect(first.status, first.stderr).toBe(0);
    const files = readdirSync(out);
    for (const f of ARTEFACTS) expect(files).toContain(f);
    const cbom = JSON.parse(readFileSync(path.join(out, 'cbom.cdx.json'), 'utf8'));
    expect(validateCycloneDx(cbom, '1.6')).toEqual([]);
    const plan = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8'));
    expect(validate(plan), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // One bench report per device the configuration names, the extra ones named as their profiles name them.
    expect(files.filter((f) => /^bench(-.+)?\.json$/.test(f)).sort()).toEqual([
      'bench-acme-bedside-gateway-cortex-a53-1.8-ghz.json',
      'bench-infupump-3-radio-module-cortex-m33-64-mhz.json',
      'bench.json',
    ]);
    expect(plan.devices.map((d: { id: string; file?: string }) => [d.id, d.file])).toEqual([
      ['InfuPump 3 main MCU (Cortex-M4F @ 120 MHz)', 'main-mcu.yaml'],
      ['InfuPump 3 radio module (Cortex-M33 @ 64 MHz)', 'radio-module.yaml'],
      ['Acme bedside gateway (Cortex-A53 @ 1.8 GHz)', 'gateway.yaml'],
    ]);
    // No host measurement unless asked: bench.json holds estimates only.
    expect(JSON.parse(readFileSync(path.join(out, 'bench.json'), 'utf8')).host).toBeUndefined();
  });

  it('cites in every plan item only bom-refs and files of the CBOM it wrote', () => {
    const cbom = JSON.parse(readFileSync(path.join(out, 'cbom.cdx.json'), 'utf8'));
    const refs = new Set<string>(cbom.components.map((c: { 'bom-ref': string }) => c['bom-ref']));
    const locations = new Set<string>(
      cbom.components.flatMap((c: { evidence?: { occurrences?: { location: string }[] } }) =>
        (c.evidence?.occurrences ?? []).map((o) => o.location),
      ),
    );
    const plan: PlanJson = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8'));
    const items = plan.stages.flatMap((s) => s.items);
    expect(items.length).toBe(plan.summary.items);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items)
      for (const f of i.findings) {
        expect(refs.has(f.bomRef), `${i.id} cites ${f.bomRef}`).toBe(true);
        for (const l of f.locations) expect(locations.has(l.path), `${i.id} cites ${l.path}`).toBe(true);
      }
    // Every finding of the appendix is one occurrence of the CBOM.
    for (const f of plan.findings) expect(refs.has(f.bomRef)).toBe(true);
  });

  it('writes the same plan, byte for byte, for the same inputs (SOURCE_DATE_EPOCH)', () => {
    const again = mkdtempSync(path.join(tmpdir(), 'pqready-assess-'));
    const r = assess(again);
    expect(r.status, r.stderr).toBe(0);
    for (const f of readdirSync(out))
      expect(readFileSync(path.join(again, f), 'utf8'), f).toBe(readFileSync(path.join(out, f), 'utf8'));
  });

  it('plans from the CBOM alone exactly as assess did', () => {
    const r = runCli(['plan', '--inventory', path.join(out, 'cbom.cdx.json'), '--config', config, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const fromAssess = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8'));
    expect({ ...JSON.parse(r.stdout), inventory: undefined }).toEqual({ ...fromAssess, inventory: undefined });
  });

  it('renders a Markdown document with every section a submission needs', () => {
    const md = readFileSync(path.join(out, 'plan.md'), 'utf8');
    const headings = md.split('\n').filter((l) => /^## /.test(l));
    for (const h of [
      'Executive summary',
      'Inventory summary',
      'Exposure',
      'Staged plan',
      'Assumptions',
      'Method',
      'Policy citations',
      'Appendix: every finding',
    ])
      expect(
        headings.some((l) => l.startsWith(`## ${h}`)),
        h,
      ).toBe(true);
  });

  it('rejects an invalid CBOM with the JSON path and exit code 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-plan-'));
    const bad = path.join(dir, 'bad.cdx.json');
    const cbom = JSON.parse(readFileSync(path.join(out, 'cbom.cdx.json'), 'utf8'));
    cbom.components[2].cryptoProperties.assetType = 'spaceship';
    writeFileSync(bad, JSON.stringify(cbom));
    const r = runCli(['plan', '--inventory', bad, '--device', 'nrf52840']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\$\.components\[2\]\.cryptoProperties\.assetType/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const json = runCli(['plan', '--inventory', bad, '--json']);
    expect(json.status).toBe(2);
  });

  it('rejects an invalid device profile with its JSON path and exit code 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-plan-'));
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(path.join(demo, 'profiles/main-mcu.yaml'), 'utf8').replace(/^core: .*$/m, 'core: cortex-m5'),
    );
    const r = runCli(['plan', '--inventory', path.join(out, 'cbom.cdx.json'), '--device', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\$\.core must be one of/);
    const flag = runCli(['plan', '--inventory', path.join(out, 'cbom.cdx.json'), '--crqc', 'soon']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/--crqc takes NAME=NUMBER/);
  });
});
