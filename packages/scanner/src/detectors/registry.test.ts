/**
 * Meta-tests over the detector registry: every detector is one folder with its code, README,
 * tests and fixtures; and a scan of every fixture in the repository uses only catalog ids,
 * never crashes a detector, and renders to a schema-valid CBOM.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type AlgorithmRef,
  cycloneDxChunks,
  defaultPolicyId,
  describeAlgorithm,
  type Finding,
  findingAlgorithms,
  getPolicy,
  serializeCbom,
  toCycloneDx,
  validateCycloneDx,
} from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { scan } from '../runner/scan.js';
import { detectors } from './index.js';

const here = import.meta.dirname;
const repoRoot = path.resolve(here, '../../../..');
const README_SECTIONS = ['What it finds', 'Why it matters', 'What to do', 'Limits', 'References'];

describe('detector registry', () => {
  it('has unique ids', () => {
    const ids = detectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const detector of detectors) {
    describe(detector.id, () => {
      const dir = path.join(here, detector.id);
      it('is one folder with index.ts, a five-section README and a test file', () => {
        expect(existsSync(path.join(dir, 'index.ts'))).toBe(true);
        const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
        const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
        expect(headings).toEqual(README_SECTIONS);
        expect(readdirSync(dir).some((f) => f.endsWith('.test.ts'))).toBe(true);
      });
      it('has at least one positive and one clean fixture', () => {
        const fixtures = readdirSync(path.join(dir, 'fixtures'));
        expect(fixtures.some((f) => f.startsWith('clean'))).toBe(true);
        expect(fixtures.some((f) => !f.startsWith('clean'))).toBe(true);
      });
      it('has a summary and either detect or scanAll', () => {
        expect(detector.summary.length).toBeGreaterThan(10);
        expect(Boolean(detector.detect) || Boolean(detector.scanAll)).toBe(true);
      });
    });
  }
});

function refsOf(f: Finding): AlgorithmRef[] {
  const out: AlgorithmRef[] = [];
  const stack = findingAlgorithms(f).map((a) => a.ref);
  while (stack.length) {
    const ref = stack.pop()!;
    out.push(ref);
    stack.push(...(ref.components ?? []), ...(ref.candidates ?? []));
  }
  return out;
}

describe('a scan of every fixture in the repository', async () => {
  const roots = [path.join(repoRoot, 'fixtures'), here].filter((p) => existsSync(p));
  const inventory = await scan({ roots, scanTime: new Date('2026-06-01T00:00:00Z'), options: { jobs: 1 } });

  it('finds certificates, keys, protocols and algorithm uses', () => {
    const kinds = new Set(inventory.findings.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['algorithm', 'certificate', 'key', 'protocol']);
  });

  it('uses only algorithm ids the catalog knows (or `unknown` with the raw value)', () => {
    const unknownIds = new Set<string>();
    for (const f of inventory.findings) {
      for (const ref of refsOf(f)) {
        if (ref.id === 'unknown') {
          // A run-time choice names its candidates (checked on their own) instead of a raw value.
          if (!ref.candidates?.length)
            expect(ref.oid ?? ref.parameterSet, `${f.detector} ${f.evidence.path}`).toBeTruthy();
        } else if (!describeAlgorithm(ref).known) {
          unknownIds.add(`${ref.id} (${f.detector})`);
        }
      }
    }
    expect([...unknownIds].sort()).toEqual([]);
  });

  it('never crashes a detector', () => {
    expect(inventory.diagnostics.filter((d) => d.code === 'detector-failed')).toEqual([]);
  });

  it('renders to a schema-valid CycloneDX 1.6 and 1.7 CBOM', () => {
    const policy = getPolicy(defaultPolicyId);
    for (const specVersion of ['1.6', '1.7'] as const) {
      const bom = toCycloneDx(inventory, { specVersion, policy });
      expect(validateCycloneDx(bom, specVersion)).toEqual([]);
      // What `scan` writes: the same bytes, streamed component by component.
      expect([...cycloneDxChunks(inventory, { specVersion, policy })].join('')).toBe(serializeCbom(bom));
    }
  });
});
