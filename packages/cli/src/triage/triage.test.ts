import path from 'node:path';
import { type Finding, getPolicy, type Inventory, listAlgorithms, listPolicies } from '@pqready/core';
import { PathPatterns } from '@pqready/scanner';
import { describe, expect, it } from 'vitest';
import { SARIF_RULES, SHOR_RULE_OF } from '../sarif/rules.js';
import { applyTriage, suppressionIds } from './triage.js';

const policy = getPolicy(listPolicies()[0]!.id);
const alg = (id: string, p: string, line: number, extra: Partial<Finding> = {}): Finding =>
  ({
    kind: 'algorithm',
    detector: 'c-crypto-api',
    role: 'api-call',
    algorithm: { id, keyBits: id === 'rsa' ? 2048 : undefined },
    evidence: { path: p, line },
    ...extra,
  }) as Finding;

const inventory = (findings: Finding[], directives: Inventory['directives'] = []): Inventory => ({
  tool: { name: 'pqready', version: '0' },
  scannedAt: '2026-01-01T00:00:00.000Z',
  roots: ['fw'],
  findings,
  diagnostics: [],
  directives,
  stats: { filesScanned: 1, bytesScanned: 1, filesSkipped: 0 },
});

const root = '/work/fw';
const triage = (inv: Inventory, extra: Partial<Parameters<typeof applyTriage>[1]> = {}) =>
  applyTriage(inv, { policy, absolutePath: (p) => path.join(root, p), ...extra });

describe('suppressions', () => {
  it('names a finding by rule, algorithm id, family, name, weakness, detector and kind', () => {
    const ids = suppressionIds(alg('rsa', 'a.c', 3), policy);
    for (const id of ['rsa', 'rsa-2048', 'c-crypto-api', 'algorithm', 'all']) expect(ids).toContain(id);
    const md5 = suppressionIds(alg('md5', 'a.c', 3), policy);
    for (const id of ['md5', 'broken-hash']) expect(md5).toContain(id);
  });

  it('covers the comment’s own line and the next one, keeps the finding and marks it', () => {
    const out = triage(
      inventory(
        [alg('rsa', 'src/a.c', 10), alg('rsa', 'src/a.c', 11), alg('rsa', 'src/a.c', 13), alg('ecdh', 'src/a.c', 10)],
        [{ path: 'src/a.c', line: 10, targets: ['RSA'], reason: 'legacy bootloader' }],
      ),
    );
    expect(out.findings.map((f) => f.suppression?.source ?? '-')).toEqual(['src/a.c:10', 'src/a.c:10', '-', '-']);
    expect(out.findings[0]!.suppression).toEqual({
      targets: ['RSA'],
      reason: 'legacy bootloader',
      source: 'src/a.c:10',
    });
    expect(out.diagnostics).toEqual([]);
  });

  it('warns about a suppression that matches nothing, naming its line', () => {
    const out = triage(
      inventory([alg('rsa', 'a.c', 5)], [{ path: 'a.c', line: 4, targets: ['rsaa'], reason: 'typo' }]),
    );
    expect(out.findings[0]!.suppression).toBeUndefined();
    expect(out.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'suppression-unused', path: 'a.c', line: 4 }),
    ]);
    expect(out.diagnostics[0]!.message).toMatch(/pqready-ignore rsaa matches no finding/);
  });

  it('applies configured suppressions by path pattern, and marks third-party folders', () => {
    const out = triage(
      inventory([alg('rsa', 'certs/old.der', 1), alg('rsa', 'vendor/mbedtls/rsa.c', 7), alg('ecdsa', 'src/x.c', 2)]),
      {
        thirdParty: new PathPatterns([{ base: root, patterns: ['vendor/'] }]),
        suppress: [
          {
            patterns: new PathPatterns([{ base: root, patterns: ['certs/*.der'] }]),
            ids: ['rsa'],
            reason: 'archive',
            source: 'pqready.config.yaml:4 suppress[0]',
          },
          {
            patterns: new PathPatterns([{ base: root, patterns: ['nothing/'] }]),
            ids: ['all'],
            reason: 'stale',
            source: 'pqready.config.yaml:8 suppress[1]',
          },
        ],
      },
    );
    expect(out.findings.map((f) => [f.suppression?.reason ?? '-', f.thirdParty ?? false])).toEqual([
      ['archive', false],
      ['-', true],
      ['-', false],
    ]);
    expect(out.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^pqready\.config\.yaml:8 suppress\[1\] \(all\) matches no finding/),
    ]);
  });
});

describe('SARIF rules', () => {
  it('give every algorithm a quantum computer breaks a family rule of its own', () => {
    const shor = listAlgorithms()
      .filter((a) => a.exposure === 'shor')
      .map((a) => a.id);
    expect(shor.filter((id) => !SHOR_RULE_OF.has(id))).toEqual([]);
  });

  it('have unique kebab-case ids and GitHub’s required texts within its limits', () => {
    const ids = SARIF_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SARIF_RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.short.length).toBeLessThanOrEqual(1024);
      expect(r.full.length).toBeLessThanOrEqual(1024);
      expect(r.tags.length).toBeLessThanOrEqual(10);
      if (r.level !== 'none') expect(Number(r.severity)).toBeGreaterThan(0);
    }
  });
});
