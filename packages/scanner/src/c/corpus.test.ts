/**
 * Table-driven check of the C fixture corpus (fixtures/c) against fixtures/c/expected.json:
 * every expected finding must be reported (recall) and nothing else (precision), both ≥ 0.95.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cCryptoApi } from '../detectors/c-crypto-api/index.js';
import { cCryptoConfig } from '../detectors/c-crypto-config/index.js';
import { cCryptoImplementation } from '../detectors/c-crypto-implementation/index.js';
import { workerEntry } from './pool.js';
import { type CorpusRow, listFiles, rowKey, rowsOf, runDetectors } from './test-support/context.js';

const corpus = resolve(__dirname, '../../../../fixtures/c');
const DETECTORS = [cCryptoApi, cCryptoConfig, cCryptoImplementation];

type Row = CorpusRow;

/** The corpus without trees/ (separate scan roots, checked by trees.test.ts). */
const corpusFiles = () => listFiles(corpus).filter((f) => !f.path.startsWith('trees/'));

const key = rowKey;

function diff(expected: readonly Row[], actual: readonly Row[]) {
  const want = new Map<string, number>();
  for (const r of expected) want.set(key(r), (want.get(key(r)) ?? 0) + 1);
  const extra: string[] = [];
  let tp = 0;
  for (const r of actual) {
    const n = want.get(key(r)) ?? 0;
    if (n > 0) {
      tp++;
      want.set(key(r), n - 1);
    } else extra.push(key(r));
  }
  const missing = [...want.entries()].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { tp, extra, missing };
}

describe.skipIf(!existsSync(corpus))('C fixture corpus', () => {
  it('expected.json matches the inline annotations', async () => {
    const mod = (await import(pathToFileURL(resolve(corpus, 'make-expected.mjs')).href)) as {
      annotations(root: string): Row[];
    };
    const expected = JSON.parse(readFileSync(resolve(corpus, 'expected.json'), 'utf8')) as Row[];
    expect(mod.annotations(corpus)).toEqual(expected);
  });

  it('reaches ≥ 0.95 precision and recall', async () => {
    const expected = JSON.parse(readFileSync(resolve(corpus, 'expected.json'), 'utf8')) as Row[];
    const { findings, diagnostics } = await runDetectors(DETECTORS, corpusFiles());
    const actual: Row[] = findings.flatMap(rowsOf);
    const { tp, extra, missing } = diff(expected, actual);
    const precision = actual.length === 0 ? 0 : tp / actual.length;
    const recall = expected.length === 0 ? 1 : tp / expected.length;
    console.log(
      `C corpus: ${expected.length} expected, ${actual.length} reported, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    if (extra.length + missing.length > 0)
      console.log(`extra:\n  ${extra.join('\n  ')}\nmissing:\n  ${missing.join('\n  ')}`);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('reports nothing for the clean file and the look-alikes', async () => {
    const files = corpusFiles().filter((f) => f.path.startsWith('clean/') || f.path === 'adversarial/lookalikes.c');
    const { findings } = await runDetectors(DETECTORS, files);
    expect(findings).toEqual([]);
  });
});

describe.skipIf(!existsSync(corpus) || workerEntry() === undefined)('C fixture corpus through the worker pool', () => {
  it('gives the same findings with jobs = 3 as in-process', async () => {
    const files = corpusFiles();
    const inline = await runDetectors(DETECTORS, files, { jobs: 1 });
    const pooled = await runDetectors(DETECTORS, files, { jobs: 3 });
    expect(pooled.findings).toEqual(inline.findings);
  });
});
