// bench-cli benchmark: node benchmarks/bench-cli/run.mjs [--runs N]
// Wall time of `pqready bench` as a user runs it (built CLI, fresh process): the default catalog estimate and
// `--quick` host measurement, against a baseline in the same session: `pqready bench --list-devices` (Node start-up
// plus CLI load, no estimation). Prints median seconds and the ratio to the baseline, so a shared, loaded machine
// still gives comparable numbers. Targets (issue #13): the default answers in seconds; --quick within 15 s on 2 cores.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 0) || 3;
const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = resolve(repo, 'packages/cli/bin/run.js');

function time(argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`pqready ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return s;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cases = [
  ['baseline: --list-devices', ['bench', '--list-devices']],
  ['default (catalog estimate)', ['bench', '--device', 'nrf52840', '--format', 'json']],
  ['--quick (host measurement)', ['bench', '--device', 'nrf52840', '--quick', '--format', 'json']],
];
console.log(
  `cores ${cpus().length}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}, ${runs} runs each`,
);
let base;
for (const [label, argv] of cases) {
  const ts = Array.from({ length: runs }, () => time(argv));
  const m = median(ts);
  base ??= m;
  console.log(
    `${label.padEnd(30)} median ${m.toFixed(2)} s (${ts.map((t) => t.toFixed(2)).join(', ')})  ×${(m / base).toFixed(1)} baseline`,
  );
}
