/**
 * Every detector (and so every parser behind it: DER/PEM/PKCS#7/PKCS#12, OpenSSH keys, the C analysis, each
 * config grammar) meets hostile variants of real files: it never throws, never hangs (a run over the time limit
 * fails), and every finding and diagnostic points at a real place in the file (line within the file, column within
 * the line, byte offset within the bytes). Bounded here; `pnpm fuzz` runs the same properties for minutes and saves
 * each shrunk counterexample under fixtures/regressions/<detector>/, which the last test replays.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileHead, listFiles, runConfigDetector } from '../config/test-support/fixture-context.js';
import { detectors } from '../detectors/index.js';
import type { Detector } from '../detectors/types.js';
import { fuzzParameters, mutate, variantArb } from './mutate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const REGRESSIONS = path.join(here, 'fixtures/regressions');
const MAX_SEED_BYTES = 256 * 1024;
/** Heavier detectors (tree-sitter over a translation unit) get fewer runs so the suite stays within seconds. */
const RUNS: Readonly<Record<string, number>> = {
  'c-crypto-api': 12,
  'c-crypto-config': 12,
  'c-crypto-implementation': 12,
};
const DEFAULT_RUNS = 30;
/** `pnpm fuzz` runs for as long as it takes. */
const TIME_LIMIT = process.env.FUZZ ? 0 : 60_000;

/** Seeds for a detector: its own fixtures and every repository fixture it accepts. */
function seedsFor(detector: Detector): { path: string; bytes: Uint8Array }[] {
  const out: { path: string; bytes: Uint8Array }[] = [];
  const own = path.join(here, '../detectors', detector.id, 'fixtures');
  for (const dir of [own, path.join(repoRoot, 'fixtures')]) {
    if (!existsSync(dir)) continue;
    for (const [p, bytes] of listFiles(dir)) {
      if (bytes.length > MAX_SEED_BYTES) continue;
      if (detector.accepts(fileHead(p, bytes.subarray(0, 4096)))) out.push({ path: p, bytes });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Runs the detector on one file and checks that nothing escapes and every position is real. */
async function checkFile(detector: Detector, file: string, bytes: Uint8Array): Promise<void> {
  const r = await runConfigDetector(detector, new Map([[file, bytes]]));
  const lines = new TextDecoder().decode(bytes).split('\n');
  const at = (where: string, line?: number, column?: number) => {
    if (line === undefined) return;
    expect(
      Number.isInteger(line) && line >= 1 && line <= lines.length,
      `${where}: line ${line} of ${lines.length}`,
    ).toBe(true);
    if (column === undefined) return;
    const width = lines[line - 1]!.length + 1;
    expect(column >= 1 && column <= width, `${where}: column ${column} of ${width}`).toBe(true);
  };
  for (const f of r.findings) {
    expect(f.evidence.path).toBe(file);
    at(`finding ${f.kind}`, f.evidence.line, f.evidence.column);
    if (f.evidence.offset !== undefined) expect(f.evidence.offset).toBeLessThan(Math.max(1, bytes.length));
  }
  for (const d of r.diagnostics) {
    if (d.path === file) at(`diagnostic ${d.code}`, d.line);
  }
}

function save(detector: Detector, file: string, bytes: Uint8Array): string {
  const dir = path.join(REGRESSIONS, detector.id);
  mkdirSync(dir, { recursive: true });
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}-${path.basename(file)}`;
  writeFileSync(path.join(dir, name), bytes);
  return path.join(dir, name);
}

describe('detectors on hostile variants of real files', () => {
  for (const detector of detectors) {
    const seeds = seedsFor(detector);
    it.skipIf(seeds.length === 0)(
      `${detector.id}: never throws, never hangs, positions are real`,
      async () => {
        // The harness reaches the parser: some unmutated seed gives a finding.
        let found = 0;
        for (const s of seeds) {
          found += (await runConfigDetector(detector, new Map([[s.path, s.bytes]]))).findings.length;
          if (found > 0) break;
        }
        expect(found, `${detector.id}: no seed gives a finding`).toBeGreaterThan(0);
        const params = fuzzParameters(RUNS[detector.id] ?? DEFAULT_RUNS);
        if (process.env.FUZZ) console.log(`${detector.id}: ${params.numRuns} runs, seed ${params.seed ?? '(random)'}`);
        const property = fc.asyncProperty(variantArb, async ([pick, mutations]) => {
          const seed = seeds[pick % seeds.length]!;
          await checkFile(detector, seed.path, mutate(seed.bytes, mutations));
        });
        const result = await fc.check(property, { ...params, timeout: 10_000 });
        if (result.failed) {
          const [pick, mutations] = result.counterexample![0];
          const seed = seeds[pick % seeds.length]!;
          const saved = process.env.FUZZ ? save(detector, seed.path, mutate(seed.bytes, mutations)) : undefined;
          throw new Error(
            `${fc.defaultReportMessage(result)}\nseed file ${seed.path}${saved ? `; counterexample saved as ${saved}` : ''}`,
          );
        }
      },
      TIME_LIMIT,
    );
  }

  it(
    'the saved counterexamples stay fixed',
    async () => {
      if (!existsSync(REGRESSIONS)) return;
      for (const id of readdirSync(REGRESSIONS)) {
        const detector = detectors.find((d) => d.id === id);
        expect(detector, `fixtures/regressions/${id} names no detector`).toBeDefined();
        for (const name of readdirSync(path.join(REGRESSIONS, id))) {
          const abs = path.join(REGRESSIONS, id, name);
          if (!statSync(abs).isFile()) continue;
          // The saved name keeps the seed's base name, so the detector accepts it as it did the original.
          await checkFile(detector!, name.replace(/^[0-9a-f]{12}-/, ''), new Uint8Array(readFileSync(abs)));
        }
      }
    },
    TIME_LIMIT,
  );
});
