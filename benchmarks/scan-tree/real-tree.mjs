// Real-tree mode of the scan-tree benchmark: node benchmarks/scan-tree/run.mjs <folder> [--runs N] [--jobs a,b,c]
// For each --jobs value (default 1, 2 and the core count), runs a bare single-thread tree-sitter-c parse of the
// folder's C files and the full `pqready scan` of the folder alternately, each in a fresh process, N times
// (default 5), and prints the median and spread of each, their paired ratio, files/s and peak RSS. The scan time is
// the CLI's wall time from spawn to exit (start-up included, as a user sees it); the bare parse is its parse loop.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bareParseScript = fileURLToPath(new URL('../scan-c/bare-parse.mjs', import.meta.url));
const cli = fileURLToPath(new URL('../../packages/cli/bin/run.js', import.meta.url));
// GNU time reports the child's peak RSS (%M, KiB); without it RSS is left out.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs) => ({
  median: Math.round(median(xs)),
  min: Math.round(Math.min(...xs)),
  max: Math.round(Math.max(...xs)),
});

function countFiles(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countFiles(join(dir, e.name));
    else if (e.isFile()) n++;
  }
  return n;
}

function bare(root) {
  const r = spawnSync(process.execPath, [bareParseScript, root], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bare parse failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function fullScan(root, jobs, out) {
  const args = [cli, 'scan', root, '--format', 'json', '-o', out, '-q', '--jobs', String(jobs)];
  const [cmd, argv] = gnuTime
    ? [gnuTime, ['-f', 'maxrss-kib=%M', process.execPath, ...args]]
    : [process.execPath, args];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`scan failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = /maxrss-kib=(\d+)/.exec(r.stderr);
  const sha = createHash('sha256').update(readFileSync(out)).digest('hex');
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : undefined, sha };
}

export function realTree(root, { runs, jobsList }) {
  const files = countFiles(root);
  const out = join(tmpdir(), `pqready-scan-tree-${process.pid}.json`);
  bare(root); // warm the page cache and the compiled grammar
  const results = [];
  const shas = new Set();
  for (const jobs of jobsList) {
    const bareMs = [];
    const scanMs = [];
    const ratios = [];
    let rss = 0;
    let cFiles = 0;
    for (let i = 0; i < runs; i++) {
      const b = bare(root);
      const s = fullScan(root, jobs, out);
      cFiles = b.files;
      bareMs.push(b.parseMs);
      scanMs.push(s.ms);
      ratios.push(s.ms / b.parseMs);
      if (s.rssMb !== undefined) rss = Math.max(rss, s.rssMb);
      shas.add(s.sha);
    }
    const scanMedian = median(scanMs);
    results.push({
      jobs,
      runs,
      bareParseMs: spread(bareMs),
      scanMs: spread(scanMs),
      scanOverBareParse: {
        median: +median(ratios).toFixed(2),
        min: +Math.min(...ratios).toFixed(2),
        max: +Math.max(...ratios).toFixed(2),
      },
      filesPerSecond: Math.round(files / (scanMedian / 1000)),
      cFilesPerSecond: Math.round(cFiles / (scanMedian / 1000)),
      ...(gnuTime ? { scanPeakRssMb: Math.round(rss) } : {}),
    });
  }
  rmSync(out, { force: true });
  return {
    root,
    files,
    cores: availableParallelism(),
    loadAverageAtEnd: loadavg().map((l) => +l.toFixed(2)),
    outputsIdentical: shas.size === 1,
    results,
  };
}
