import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli, sharedDir } from './run-cli.js';

const schemaPath = path.join(sharedDir, 'data', 'sarif', 'sarif-schema-2.1.0.json');

describe.skipIf(!cliBuilt || !existsSync(schemaPath))('pqready scan --format sarif', () => {
  it('is valid SARIF 2.1.0 with one result per finding and diagnostics as notifications', () => {
    const r = runCli(['scan', path.join(repoRoot, 'fixtures/demo-device'), '--format', 'sarif']);
    expect(r.status, r.stderr).toBe(0);
    const sarif = JSON.parse(r.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);

    const json = JSON.parse(runCli(['scan', path.join(repoRoot, 'fixtures/demo-device'), '--format', 'json']).stdout);
    const run = sarif.runs[0];
    expect(run.results).toHaveLength(json.findings.length);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(json.diagnostics.length);
    const broken = json.findings.filter((f: { verdict: { quantum: string } }) => f.verdict.quantum === 'broken').length;
    expect(run.results.filter((x: { ruleId: string }) => x.ruleId === 'PQR001')).toHaveLength(broken);
    expect(broken).toBeGreaterThan(0);
  });

  it('writes every URI relative to its own scan root, with one root or several', () => {
    type Result = { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] };
    const uris = (args: string[]) => {
      const r = runCli(['scan', ...args, '--format', 'sarif']);
      expect(r.status, r.stderr).toBe(0);
      const run = JSON.parse(r.stdout).runs[0];
      const all = (run.results as Result[]).map((x) => x.locations[0]!.physicalLocation.artifactLocation);
      return { run, all: all.map((a) => `${a.uriBaseId} ${a.uri}`) };
    };
    const demo = path.join(repoRoot, 'fixtures/demo-device');
    const one = uris([demo]);
    expect(one.all).toContain('SRCROOT pki/device-cert.pem');
    expect(one.run.originalUriBaseIds).toEqual({ SRCROOT: { description: { text: 'Scan root demo-device' } } });
    const two = uris([path.join(demo, 'pki'), path.join(demo, 'gateway')]);
    expect(two.all).toContain('ROOT1 device-cert.pem');
    expect(two.all).toContain('ROOT2 nginx.conf');
    expect(two.all.every((u) => /^ROOT[12] [^/]/.test(u) && !u.includes('pki/') && !u.includes('gateway/'))).toBe(true);
    expect(two.run.originalUriBaseIds).toEqual({
      ROOT1: { description: { text: 'Scan root pki' } },
      ROOT2: { description: { text: 'Scan root gateway' } },
    });
    // The same with roots spelled from the working directory: relative to each root still.
    const relative = uris(['fixtures/demo-device/pki', './fixtures/demo-device/gateway/']);
    expect(relative.all).toEqual(two.all);
  });
});
