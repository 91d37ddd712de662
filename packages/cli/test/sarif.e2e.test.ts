/**
 * SARIF for GitHub code scanning, validated against the OASIS schema vendored in test/fixtures/sarif (never skipped).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const schemaPath = path.join(repoRoot, 'packages/cli/test/fixtures/sarif/sarif-schema-2.1.0.json');
const demo = path.join(repoRoot, 'fixtures/demo-device');

function validator() {
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  kind?: string;
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
  }[];
  properties: { findingId: string; quantumVerdict: string; classicallyWeak?: string[] };
}

const sarifOf = (args: string[], cwd?: string) => {
  const r = runCli(['scan', ...args, '--format', 'sarif'], {}, cwd);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

/** A copy of the demo outside any git work tree, with a suppression and a vendored folder. */
function demoCopy(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-sarif-')), 'demo');
  cpSync(demo, dir, { recursive: true });
  return dir;
}

describe.skipIf(!cliBuilt)('pqready scan --format sarif', () => {
  it('is valid SARIF 2.1.0 as written by default, with passing results, and with suppressions', () => {
    const validate = validator();
    const tree = demoCopy();
    const c = path.join(tree, 'firmware/src/tls_client.c');
    const lines = readFileSync(c, 'utf8').split('\n');
    lines.splice(22, 0, '    /* pqready-ignore rsa -- provisioning station only, never on the device */');
    writeFileSync(c, lines.join('\n'));
    for (const args of [[demo], [demo, '--sarif-include-pass'], [tree, '--third-party', 'radio/']]) {
      const sarif = sarifOf(args);
      expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
    }
  });

  it('has one failing result per finding that needs attention; passing ones only when asked', () => {
    const json = JSON.parse(runCli(['scan', demo, '--format', 'json']).stdout);
    const failing = json.findings.filter(
      (f: { verdict: { quantum: string; classicallyWeak: string[] } }) =>
        !['hybrid', 'resistant', 'not-applicable'].includes(f.verdict.quantum) || f.verdict.classicallyWeak.length > 0,
    );
    const run = sarifOf([demo]).runs[0];
    expect(run.results.map((r: Result) => r.properties.findingId)).toEqual(failing.map((f: { id: string }) => f.id));
    expect(run.results.every((r: Result) => r.kind === undefined && r.level !== 'none')).toBe(true);
    const all = sarifOf([demo, '--sarif-include-pass']).runs[0];
    expect(all.results).toHaveLength(json.findings.length);
    expect(all.results.filter((r: Result) => r.kind === 'pass' || r.kind === 'notApplicable').length).toBe(
      json.findings.length - failing.length,
    );
    expect(json.findings.length).toBeGreaterThan(failing.length);
    // Broken findings are errors under the rule of their algorithm's family.
    const rules: { id: string }[] = run.tool.driver.rules;
    const rsa = run.results.find((r: Result) => r.ruleId === 'rsa');
    expect(rsa?.level).toBe('error');
    expect(rules[rsa.ruleIndex]!.id).toBe('rsa');
  });

  it('describes every rule the way GitHub reads it, with a page in docs/rules', () => {
    const rules = sarifOf([demo]).runs[0].tool.driver.rules as {
      id: string;
      helpUri: string;
      fullDescription: { text: string };
      help: { text: string; markdown: string };
      properties: { tags: string[]; 'security-severity'?: string };
      defaultConfiguration: { level: string };
    }[];
    expect(rules.length).toBeGreaterThan(15);
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+/docs/rules/${rule.id}\\.md$`));
      const page = path.join(repoRoot, 'docs/rules', `${rule.id}.md`);
      expect(readFileSync(page, 'utf8')).toContain(`# \`${rule.id}\``);
      expect(rule.fullDescription.text.length).toBeGreaterThan(20);
      expect(rule.help.markdown).toContain(rule.helpUri);
      expect(rule.properties.tags).toContain('cryptography');
      if (rule.defaultConfiguration.level !== 'none')
        expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    }
  });

  it('writes URIs relative to the repository inside a git work tree, from any working directory', () => {
    const run = sarifOf(['fixtures/demo-device/pki']).runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { description: { text: expect.any(String) } } });
    const uris = run.results.map((r: Result) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: 'fixtures/demo-device/pki/device-cert.pem', uriBaseId: '%SRCROOT%' });
    const elsewhere = sarifOf([path.join(demo, 'pki')], tmpdir()).runs[0];
    expect(elsewhere.results).toEqual(run.results);
  });

  it('writes URIs relative to each scan root outside a repository', () => {
    const tree = demoCopy();
    const one = sarifOf([tree]).runs[0];
    expect(one.originalUriBaseIds).toEqual({ SRCROOT: { description: { text: 'Scan root demo' } } });
    expect(one.results.map((r: Result) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain(
      'pki/device-cert.pem',
    );
    const two = sarifOf([path.join(tree, 'pki'), path.join(tree, 'gateway')]).runs[0];
    const all = two.results.map((r: Result) => {
      const a = r.locations[0]!.physicalLocation.artifactLocation;
      return `${a.uriBaseId} ${a.uri}`;
    });
    expect(all).toContain('ROOT1 device-cert.pem');
    expect(all).toContain('ROOT2 nginx.conf');
  });

  it('keeps fingerprints when code moves, and gives findings in a file no line of 0', () => {
    const tree = demoCopy();
    const before = sarifOf([tree]).runs[0].results as Result[];
    for (const file of ['firmware/src/tls_client.c', 'gateway/nginx.conf']) {
      const p = path.join(tree, file);
      writeFileSync(p, `${file.endsWith('.c') ? '/* moved */' : '# moved'}\n\n\n${readFileSync(p, 'utf8')}`);
    }
    const after = sarifOf([tree]).runs[0].results as Result[];
    const fp = (rs: Result[]) => rs.map((r) => r.partialFingerprints['pqready/v2']).sort();
    expect(fp(after)).toEqual(fp(before));
    const line = (rs: Result[], uri: string) =>
      rs
        .filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === uri)
        .map((r) => r.locations[0]!.physicalLocation.region.startLine);
    expect(line(after, 'gateway/nginx.conf')).toEqual(line(before, 'gateway/nginx.conf').map((l) => l + 3));
    expect(before.every((r) => r.locations[0]!.physicalLocation.region.startLine >= 1)).toBe(true);
    expect(new Set(fp(before)).size).toBe(before.length);
  });

  it('marks suppressed results with their justification, and leaves them out only when asked', () => {
    const tree = demoCopy();
    const c = path.join(tree, 'firmware/src/tls_client.c');
    const text = readFileSync(c, 'utf8').split('\n');
    const at = text.findIndex((l) => l.includes('mbedtls_rsa_gen_key('));
    text.splice(at, 0, '/* pqready-ignore rsa -- provisioning station only */');
    writeFileSync(c, text.join('\n'));
    const results = sarifOf([tree]).runs[0].results as Result[];
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => r.suppressions)).toEqual([
      [{ kind: 'inSource', status: 'accepted', justification: 'provisioning station only' }],
    ]);
    const without = sarifOf([tree, '--no-sarif-include-suppressed']).runs[0].results as Result[];
    expect(without).toHaveLength(results.length - 1);
  });
});
