// scan-c benchmark: node benchmarks/scan-c/run.mjs [path] [--files N] [--jobs N]
// Scans a C tree with the built @pqready/scanner C detectors and reports files/s, MB/s, peak RSS and
// the ratio of full scan time (jobs = 1) to bare tree-sitter parse time of the same files in the same run.
// detectionOverParse = (scan - runner floor) / parse: 1.0 would mean detection costs nothing beyond parsing.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detectors, scan } from '@pqready/scanner';
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

const C_EXT = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inc|inl|ipp)$/i;
const files = [];
(function walk(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (C_EXT.test(e.name)) files.push(p);
  }
})(root);
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
const require = createRequire(fileURLToPath(import.meta.resolve('@pqready/scanner')));
const Parser = require('tree-sitter');
const parser = new Parser();
parser.setLanguage(require('tree-sitter-c'));
const CHUNK = 64 * 1024;
// Syntax trees hold native memory V8 does not see; without a collection now and then the baseline
// slows down under its own garbage, which would flatter the ratio. The scanner's own allocations
// trigger collections naturally.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const t = performance.now();
let parsed = 0;
for (const f of files) {
  if (++parsed % 256 === 0) gc();
  const text = readFileSync(f, 'utf8');
  if (text.length <= CHUNK) parser.parse(text);
  else parser.parse((i) => (i < text.length ? text.slice(i, i + CHUNK) : ''), null, { bufferSize: CHUNK });
}
const parseMs = performance.now() - t;

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
