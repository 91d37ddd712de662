// Real-tree mode of the scan-tree benchmark: node benchmarks/scan-tree/run.mjs <folder> [--runs N] [--jobs a,b,c]
// For each --jobs value (default 1, 2 and the core count), runs a bare single-thread tree-sitter-c parse of the
// folder's C files and the full `pqready scan` of the folder alternately, each in a fresh process, N times
// (default 5), and prints the median and spread of each, their paired ratio, files/s and peak RSS. The scan time is
// the CLI's wall time from spawn to exit (start-up included, as a user sees it); the bare parse is its parse loop.
// With --baseline <path to another build's bin/run.js> (e.g. a worktree of main before a change), that build's scan
// runs in every round too: the rounds give paired before/after ratios, and its output must be byte-identical.
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

function fullScan(root, jobs, out, bin = cli) {
  const args = [bin, 'scan', root, '--format', 'json', '-o', out, '-q', '--jobs', String(jobs)];
  const [cmd, argv] = gnuTime
    ? [gnuTime, ['-f', 'maxrss-kib=%M cpu-s=%U+%S', process.execPath, ...args]]
    : [process.execPath, args];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`scan failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = /maxrss-kib=(\d+)/.exec(r.stderr);
  const cpu = /cpu-s=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  const sha = createHash('sha256').update(readFileSync(out)).digest('hex');
  return {
    ms,
    rssMb: rss ? Number(rss[1]) / 1024 : undefined,
    cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined,
    sha,
  };
}

export function realTree(root, { runs, jobsList, baseline }) {
  const files = countFiles(root);
  const out = join(tmpdir(), `pqready-scan-tree-${process.pid}.json`);
  bare(root); // warm the page cache and the compiled grammar
  const results = [];
  const shas = new Set();
  for (const jobs of jobsList) {
    const bareMs = [];
    const scanMs = [];
    const ratios = [];
    const cpuMs = [];
    const before = { ms: [], cpuMs: [], ratios: [], speedups: [], rss: 0 };
    let rss = 0;
    let cFiles = 0;
    for (let i = 0; i < runs; i++) {
      const b = bare(root);
      // Alternate which build goes first, so that neither always runs on a warmer machine.
      const old = baseline && i % 2 === 1 ? fullScan(root, jobs, out, baseline) : undefined;
      const s = fullScan(root, jobs, out);
      shas.add(s.sha);
      const base = baseline ? (old ?? fullScan(root, jobs, out, baseline)) : undefined;
      cFiles = b.files;
      bareMs.push(b.parseMs);
      scanMs.push(s.ms);
      ratios.push(s.ms / b.parseMs);
      if (s.cpuMs !== undefined) cpuMs.push(s.cpuMs);
      if (s.rssMb !== undefined) rss = Math.max(rss, s.rssMb);
      if (base) {
        shas.add(base.sha);
        before.ms.push(base.ms);
        if (base.cpuMs !== undefined) before.cpuMs.push(base.cpuMs);
        before.ratios.push(base.ms / b.parseMs);
        before.speedups.push(base.ms / s.ms);
        if (base.rssMb !== undefined) before.rss = Math.max(before.rss, base.rssMb);
      }
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
      ...(gnuTime ? { scanPeakRssMb: Math.round(rss), scanCpuMs: spread(cpuMs) } : {}),
      ...(baseline
        ? {
            baseline: {
              scanMs: spread(before.ms),
              scanOverBareParse: +median(before.ratios).toFixed(2),
              speedupPaired: {
                median: +median(before.speedups).toFixed(2),
                min: +Math.min(...before.speedups).toFixed(2),
                max: +Math.max(...before.speedups).toFixed(2),
              },
              ...(gnuTime ? { scanPeakRssMb: Math.round(before.rss), scanCpuMs: spread(before.cpuMs) } : {}),
            },
          }
        : {}),
    });
  }
  rmSync(out, { force: true });
  return {
    root,
    files,
    cores: availableParallelism(),
    loadAverageAtEnd: loadavg().map((l) => +l.toFixed(2)),
    // Every run of every build, and with --baseline the build before the change too, wrote the same bytes.
    outputsIdentical: shas.size === 1,
    results,
  };
}
