#!/usr/bin/env node
/**
 * Transcribes the published pqm4 (Cortex-M4) and pqm3 (Cortex-M3) benchmark CSVs (a local copy, `--data DIR`) into
 * src/catalog/reference-pqm.generated.ts, keeping for every figure the repository, commit, file and CSV row.
 * Run from the repo root: `node packages/benchmark/scripts/gen-reference.mjs`. The generated file is committed;
 * the CSVs are not copied into the project. Output is formatted with biome.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
/** The data folder: `--data DIR`, else the nearest `shared/data` beside the repository or one of its parents. */
function dataDir() {
  const flag = process.argv.indexOf('--data');
  if (flag > 0 && process.argv[flag + 1]) return path.resolve(process.argv[flag + 1]);
  for (let dir = path.dirname(repoRoot); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'data');
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(repoRoot, '..', 'shared', 'data');
}
const shared = dataDir();
const out = path.resolve(here, '..', 'src', 'catalog', 'reference-pqm.generated.ts');

/** Which published scheme names we transcribe, and what they are in our catalog. */
const SOURCES = [
  {
    key: 'pqm4',
    file: 'pqm4/benchmarks.csv',
    repo: 'mupq/pqm4',
    commit: 'cc2c1b992b602d285bd15991a566d5f17b34c1fa',
    path: 'benchmarks.csv',
    core: 'cortex-m4',
    board: 'NUCLEO-L4R5ZI (STM32L4R5, Cortex-M4F), 0 wait states',
    schemes: {
      'ml-kem-512': { id: 'ml-kem-512', preFips: false },
      'ml-kem-768': { id: 'ml-kem-768', preFips: false },
      'ml-kem-1024': { id: 'ml-kem-1024', preFips: false },
      'ml-dsa-44': { id: 'ml-dsa-44', preFips: false },
      'ml-dsa-65': { id: 'ml-dsa-65', preFips: false },
      'ml-dsa-87': { id: 'ml-dsa-87', preFips: false },
      // SPHINCS+ r3.1 "simple" as in PQClean: FIPS 205 keeps its parameters and hash calls, so not pre-FIPS-widened.
      ...Object.fromEntries(
        ['sha2', 'shake'].flatMap((h) =>
          ['128s', '128f', '192s', '192f', '256s', '256f'].map((set) => [
            `sphincs-${h}-${set}-simple`,
            { id: `slh-dsa-${h}-${set}`, preFips: false },
          ]),
        ),
      ),
      // Falcon as submitted for FIPS 206 (draft): pqm4 names it fndsa_provisional.
      'fndsa_provisional-512': { id: 'fn-dsa-512', preFips: false },
      'fndsa_provisional-1024': { id: 'fn-dsa-1024', preFips: false },
    },
    impls: { clean: 'portable', ref: 'portable', m4f: 'speed', m4fspeed: 'speed', m4fstack: 'stack' },
  },
  {
    key: 'pqm3',
    file: 'pqm3/benchmarks-nucleo-f207zg.csv',
    repo: 'mupq/pqm3',
    commit: '48757b8045fb480a96769ceec246ddc3be1a2a26',
    path: 'benchmarks-nucleo-f207zg.csv',
    core: 'cortex-m3',
    board: 'NUCLEO-F207ZG (STM32F207, Cortex-M3)',
    // Round-3 Kyber/Dilithium: the FIPS versions differ in hashing and encoding details, hence preFips.
    schemes: {
      kyber512: { id: 'ml-kem-512', preFips: true },
      kyber768: { id: 'ml-kem-768', preFips: true },
      kyber1024: { id: 'ml-kem-1024', preFips: true },
      dilithium2: { id: 'ml-dsa-44', preFips: true },
      dilithium3: { id: 'ml-dsa-65', preFips: true },
    },
    impls: { clean: 'portable', m3: 'speed' },
  },
];

const KEM_OPS = ['keygen', 'encaps', 'decaps'];
const SIG_OPS = ['keygen', 'sign', 'verify'];

function parse(src) {
  const lines = readFileSync(path.join(shared, src.file), 'utf8').split(/\r?\n/);
  let section = '';
  let kind = '';
  const rows = new Map();
  const get = (id, impl) => {
    const k = `${id}|${impl}`;
    if (!rows.has(k)) rows.set(k, { id, impl, ops: {} });
    return rows.get(k);
  };
  lines.forEach((line, i) => {
    const cells = line.split(',');
    const first = cells[0] ?? '';
    if (first.endsWith('Evaluation')) section = first.replace(' Evaluation', '').toLowerCase();
    else if (first === 'Key Encapsulation Schemes') kind = 'kem';
    else if (first === 'Signature Schemes') kind = 'sig';
    if (first === 'Scheme' || cells.length < 3) return;
    const name = first.replace(/ \(\d+ executions\)$/, '');
    const scheme = src.schemes[name];
    const impl = src.impls[cells[1]];
    if (!scheme || !impl) return;
    const row = i + 1;
    const entry = get(scheme.id, cells[1]);
    entry.preFips = scheme.preFips;
    entry.implClass = impl;
    const ops = kind === 'kem' ? KEM_OPS : SIG_OPS;
    const num = (s) => Number(s);
    if (section === 'speed') {
      ops.forEach((op, j) => {
        const base = 2 + j * 3;
        entry.ops[op] ??= {};
        entry.ops[op].cycles = { mean: num(cells[base]), min: num(cells[base + 1]), max: num(cells[base + 2]) };
        entry.ops[op].cyclesRow = row;
      });
    } else if (section === 'memory') {
      ops.forEach((op, j) => {
        entry.ops[op] ??= {};
        entry.ops[op].stackBytes = num(cells[2 + j]);
        entry.ops[op].stackRow = row;
      });
    } else if (section === 'hashing') {
      ops.forEach((op, j) => {
        entry.ops[op] ??= {};
        entry.ops[op].hashPct = num(cells[2 + j]);
        entry.ops[op].hashRow = row;
      });
    } else if (section === 'size') {
      entry.codeBytes = num(cells[2]);
      entry.codeRow = row;
    }
  });
  return [...rows.values()];
}

function emit() {
  const out = [];
  for (const src of SOURCES) {
    for (const e of parse(src)) {
      for (const [op, d] of Object.entries(e.ops)) {
        if (!d.cycles) continue;
        const url = (row) => `https://github.com/${src.repo}/blob/${src.commit}/${src.path}#L${row}`;
        out.push({
          scheme: e.id,
          op,
          impl: e.implClass,
          implName: e.impl,
          core: src.core,
          cycles: d.cycles,
          stackBytes: d.stackBytes,
          codeBytes: e.codeBytes,
          ...(d.hashPct !== undefined ? { hashShare: Math.round(d.hashPct * 10) / 1000 } : {}),
          preFips: e.preFips,
          board: src.board,
          sources: {
            cycles: {
              title: `${src.repo}@${src.commit.slice(0, 8)} ${src.path} row ${d.cyclesRow}`,
              url: url(d.cyclesRow),
              confidence: 'primary',
            },
            ...(d.stackRow
              ? {
                  stack: {
                    title: `${src.repo}@${src.commit.slice(0, 8)} ${src.path} row ${d.stackRow}`,
                    url: url(d.stackRow),
                    confidence: 'primary',
                  },
                }
              : {}),
            ...(d.hashRow
              ? {
                  hashShare: {
                    title: `${src.repo}@${src.commit.slice(0, 8)} ${src.path} row ${d.hashRow} (hashing %)`,
                    url: url(d.hashRow),
                    confidence: 'primary',
                  },
                }
              : {}),
            ...(e.codeRow
              ? {
                  code: {
                    title: `${src.repo}@${src.commit.slice(0, 8)} ${src.path} row ${e.codeRow} (.text)`,
                    url: url(e.codeRow),
                    confidence: 'primary',
                  },
                }
              : {}),
          },
        });
      }
    }
  }
  out.sort((a, b) =>
    `${a.core}|${a.scheme}|${a.op}|${a.impl}|${a.implName}`.localeCompare(
      `${b.core}|${b.scheme}|${b.op}|${b.impl}|${b.implName}`,
    ),
  );
  return out;
}

if (!existsSync(shared)) {
  console.error(`gen-reference: ${shared} not found; the generated file is left unchanged.`);
  process.exit(1);
}
const rows = emit();
const body = [
  '// DO NOT EDIT: generated by `node packages/benchmark/scripts/gen-reference.mjs [--data DIR]` from the published pqm4/pqm3 CSVs.',
  '// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: transcribed measurements, not math constants',
  '/**',
  ' * Published on-target cycle counts, peak stack and code size (pqm4: Cortex-M4; pqm3: Cortex-M3, round-3 pre-FIPS).',
  ' * Each figure keeps the repository, commit, file and CSV row it was read from.',
  ' */',
  "import type { CycleRow } from './types.js';",
  '',
  `export const PQM_ROWS: readonly CycleRow[] = Object.freeze(${JSON.stringify(rows, null, 2)} as const satisfies readonly CycleRow[]);`,
  '',
].join('\n');
writeFileSync(out, body);
// Format with the repo's biome so the committed file and a fresh run are byte-identical.
execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', out], { stdio: 'ignore' });
console.log(`gen-reference: wrote ${rows.length} rows to ${path.relative(repoRoot, out)}`);
