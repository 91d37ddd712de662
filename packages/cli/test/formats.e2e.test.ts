/**
 * Every format says the same thing about each finding: a scan of the corpora (the repository's fixtures and every
 * detector's fixtures, as two roots) rendered as JSON, SARIF, Markdown, table and CycloneDX 1.6/1.7 gives each
 * finding one verdict, and no CBOM component holds two values for one property.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type QuantumVerdict, VERDICT_ORDER, validateCycloneDx } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const corpora = [path.join(repoRoot, 'fixtures'), path.join(repoRoot, 'packages/scanner/src/detectors')];

interface JsonFinding {
  id: string;
  kind: string;
  evidence: { path: string; line?: number; column?: number };
  verdict: { quantum: QuantumVerdict; classicallyWeak: string[] };
}
interface Component {
  'bom-ref': string;
  evidence?: { occurrences: { 'bom-ref'?: string }[] };
  properties?: { name: string; value: string }[];
}

const render = (format: string, extra: string[] = []) => {
  const r = runCli(['scan', ...corpora, '--format', format, ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

const location = (f: JsonFinding) =>
  `${f.evidence.path}${f.evidence.line ? `:${f.evidence.line}` : ''}${f.evidence.line && f.evidence.column ? `:${f.evidence.column}` : ''}`;

/** The findings as every renderer that groups by verdict lists them: worst verdict first, report order inside. */
const byVerdict = (findings: readonly JsonFinding[]) =>
  VERDICT_ORDER.flatMap((v) => findings.filter((f) => f.verdict.quantum === v));

describe.skipIf(!cliBuilt)('the five formats agree on every finding', () => {
  const findings: JsonFinding[] = JSON.parse(render('json')).findings;
  const boms = new Map<string, { components: Component[] }>();
  const bom = (spec: '1.6' | '1.7') => {
    if (!boms.has(spec)) boms.set(spec, JSON.parse(render('cyclonedx', ['--spec-version', spec])));
    return boms.get(spec)!;
  };

  it('scans enough of everything for the comparison to mean something', () => {
    expect(new Set(findings.map((f) => f.kind)).size).toBe(4);
    expect(new Set(findings.map((f) => f.verdict.quantum)).size).toBeGreaterThanOrEqual(5);
    // Per-setting protocol findings: some name no algorithm (versions), some only signatures (host keys).
    const na = findings.filter((f) => f.verdict.quantum === 'not-applicable');
    expect(na.length).toBeGreaterThan(0);
    expect(na.every((f) => f.kind === 'protocol')).toBe(true);
    expect(na.some((f) => f.verdict.classicallyWeak.includes('tls-below-1.2'))).toBe(true);
  });

  it('SARIF (with passing results): one result per finding, by id, with its verdict and a level that says it', () => {
    const sarif = JSON.parse(render('sarif', ['--sarif-include-pass']));
    const run = sarif.runs[0];
    const rules: { id: string; properties: { tags: string[] } }[] = run.tool.driver.rules;
    const results = run.results as {
      ruleIndex: number;
      level: string;
      kind?: string;
      properties: { findingId: string; quantumVerdict: string };
    }[];
    expect(results.map((r) => r.properties.findingId)).toEqual(findings.map((f) => f.id));
    const expected: Record<QuantumVerdict, string> = {
      broken: 'error',
      weakened: 'warning',
      unknown: 'note',
      hybrid: 'none',
      resistant: 'none',
      'not-applicable': 'none',
    };
    results.forEach((r, i) => {
      const f = findings[i]!;
      expect(r.properties.quantumVerdict, f.id).toBe(f.verdict.quantum);
      const weakPass =
        ['hybrid', 'resistant', 'not-applicable'].includes(f.verdict.quantum) && f.verdict.classicallyWeak.length > 0;
      // A passing verdict with a classical weakness takes the level of its weakness rule (pre-standard PQ: note).
      if (weakPass) expect(['warning', 'note'], f.id).toContain(r.level);
      else expect(r.level, f.id).toBe(expected[f.verdict.quantum]);
      // A quantum-broken finding falls under the rule of a family Shor breaks (tagged post-quantum).
      if (f.verdict.quantum === 'broken') expect(rules[r.ruleIndex]!.properties.tags).toContain('post-quantum');
      if (f.verdict.quantum === 'not-applicable' && !weakPass) expect(r.kind).toBe('notApplicable');
    });
  });

  it('CycloneDX 1.6 and 1.7: the component holding a finding’s occurrence carries that finding’s verdict', () => {
    for (const spec of ['1.6', '1.7'] as const) {
      expect(validateCycloneDx(bom(spec), spec)).toEqual([]);
      const holder = new Map<string, Component>();
      for (const c of bom(spec).components) {
        for (const o of c.evidence?.occurrences ?? []) if (o['bom-ref']) holder.set(o['bom-ref'], c);
      }
      for (const f of findings) {
        const c = holder.get(`finding/${f.id}`);
        expect(c, f.id).toBeDefined();
        const verdicts = c!.properties!.filter((p) => p.name === 'pqready:quantum-verdict').map((p) => p.value);
        expect(verdicts, `${f.kind} ${location(f)}`).toEqual([f.verdict.quantum]);
      }
    }
  });

  it('the planner, reading the CBOM, judges every finding as the five formats do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-formats-'));
    const file = path.join(dir, 'corpora.cdx.json');
    writeFileSync(file, JSON.stringify(bom('1.6')));
    const r = runCli(['plan', '--inventory', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { findings: { findingRef?: string; verdict: string }[] };
    const planned = new Map(plan.findings.map((f) => [f.findingRef, f.verdict]));
    expect(planned.size).toBe(findings.length);
    for (const f of findings)
      expect(planned.get(`finding/${f.id}`), `${f.kind} ${location(f)}`).toBe(f.verdict.quantum);
  });

  it('CycloneDX: no component in the corpora holds two values for one property', () => {
    for (const spec of ['1.6', '1.7'] as const) {
      const twice: string[] = [];
      for (const c of bom(spec).components) {
        const names = (c.properties ?? []).map((p) => p.name);
        for (const n of new Set(names)) if (names.filter((x) => x === n).length > 1) twice.push(`${c['bom-ref']} ${n}`);
      }
      expect(twice).toEqual([]);
    }
  });

  it('Markdown: each finding under the heading of its verdict, in report order', () => {
    const md = render('markdown');
    const rows: [QuantumVerdict, string][] = [];
    let current: QuantumVerdict | undefined;
    const titles: Record<string, QuantumVerdict> = {
      'Broken by a quantum computer': 'broken',
      'Weakened below the policy threshold': 'weakened',
      Unknown: 'unknown',
      'Hybrid (post-quantum + classical)': 'hybrid',
      'Quantum-resistant': 'resistant',
      'Not applicable: settings that name no algorithm': 'not-applicable',
    };
    for (const line of md.split('\n')) {
      const heading = /^## (.+) \(\d+\)$/.exec(line);
      if (heading) current = titles[heading[1]!];
      const row = /^\| (algorithm|certificate|key|protocol) \| .*? \| `([^`]*)` \|/.exec(line);
      if (row && current) rows.push([current, row[2]!.replace(/\\\|/g, '|').replace(/\\\\/g, '\\')]);
    }
    expect(rows).toEqual(byVerdict(findings).map((f) => [f.verdict.quantum, location(f)]));
  });

  it('table: each finding under the heading of its verdict, worst first', () => {
    const rows: [string, string][] = [];
    let verdict = '';
    for (const line of render('table').split('\n')) {
      const heading = /^(BROKEN|WEAKENED|UNKNOWN|HYBRID|RESISTANT|NOT-APPLICABLE) \(\d+\) · /.exec(line);
      if (heading) verdict = heading[1]!.toLowerCase();
      const row = /^ {2}(algorithm|certificate|key|protocol) {2}/.exec(line);
      if (row) rows.push([verdict, row[1]!]);
    }
    expect(rows).toEqual(byVerdict(findings).map((f) => [f.verdict.quantum, f.kind]));
  });
});
