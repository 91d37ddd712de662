import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const schemaPath = path.resolve(repoRoot, '..', 'shared', 'data', 'sarif', 'sarif-schema-2.1.0.json');

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
});
