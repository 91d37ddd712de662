// scan-c benchmark: node benchmarks/scan-c/run.mjs [path] [--files N] [--jobs N]
// Scans a C tree with the built @pqready/scanner C detectors and reports files/s, MB/s, peak RSS and
// the ratio of full scan time (jobs = 1) to bare tree-sitter parse time of the same files in the same run.
// detectionOverParse = (scan - runner floor) / parse: 1.0 would mean detection costs nothing beyond parsing.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectors, scan } from '@pqready/scanner';
import { bareParse, cFiles } from './bare-parse.mjs';
import { generate } from './generate.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
let root = positional[0];
if (!root) {
  root = resolve(fileURLToPath(new URL('../.generated/scan-c', import.meta.url)));
  rmSync(root, { recursive: true, force: true });
  generate(root, opt('--files', 4000));
}
const jobs = opt('--jobs', availableParallelism());

const files = cFiles(root);
const bytes = files.reduce((s, f) => s + statSync(f).size, 0);

// Warm the page cache so every measured phase reads from memory.
for (const f of files) readFileSync(f);

const cDetectors = detectors.filter((d) => d.id.startsWith('c-crypto-'));
const run = async (dets, j) => {
  const start = performance.now();
  const inv = await scan({ roots: [root], scanTime: new Date(0), options: { jobs: j }, detectors: dets });
  return { ms: performance.now() - start, findings: inv.findings.length };
};
const pooled = await run(cDetectors, jobs);
// Peak RSS is taken before the baseline: bare parsing creates trees faster than V8 collects them.
const rssMb = process.resourceUsage().maxRSS / 1024;
const single = await run(cDetectors, 1);

// Runner floor: walk, read, hash and decode every C file, no parsing (same accepts as the C detectors).
const readOnly = {
  id: 'c-read-only',
  summary: 'benchmark floor: reads every C file',
  accepts: (f) => cDetectors[0].accepts(f),
  async *scanAll(heads, ctx) {
    for (const h of heads) (await ctx.readFile(h.path))?.text();
    yield { findings: [], diagnostics: [] };
  },
};
const floor = await run([readOnly], 1);

// Bare parse baseline: the same grammar and chunked input the scanner uses, one thread.
const parseMs = bareParse(files);

const mb = bytes / (1024 * 1024);
const report = {
  root,
  files: files.length,
  megabytes: Number(mb.toFixed(2)),
  findings: pooled.findings,
  bareParseMs: Math.round(parseMs),
  runnerFloorMs: Math.round(floor.ms),
  scanJobs1Ms: Math.round(single.ms),
  scanToParseRatio: Number((single.ms / parseMs).toFixed(2)),
  detectionOverParse: Number(((single.ms - floor.ms) / parseMs).toFixed(2)),
  jobs,
  scanJobsNMs: Math.round(pooled.ms),
  filesPerSecond: Math.round(files.length / (pooled.ms / 1000)),
  megabytesPerSecond: Number((mb / (pooled.ms / 1000)).toFixed(2)),
  peakRssMb: Math.round(rssMb),
};
console.log(JSON.stringify(report, null, 2));
