// shard benchmark: node benchmarks/shard/run.mjs <folder> [--shards 2] [--runs 3] [--jobs 1] [--formats cyclonedx,json]
//   [--cli path/to/bin/run.js]
// Scans the folder once whole and once as n parts (`scan --shard i/n`, each part in its own process, one after the
// other), then joins the parts with `merge`, under /usr/bin/time -v, with SOURCE_DATE_EPOCH=1700000000. Prints, per
// run: the single scan's wall time and peak RSS, each part's, the slowest part (the wall time of a CI matrix whose
// jobs run at once), the sum of the parts (the machine time they cost), the merge's, and whether the merged output
// is byte-identical to the single scan's for every format. The machine is shared and noisy: compare the ratios of
// runs made side by side (medians of --runs), not seconds across sessions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const folder = args[0] && !args[0].startsWith('--') ? resolve(args[0]) : undefined;
if (!folder) {
  console.error('usage: node benchmarks/shard/run.mjs <folder> [--shards N] [--runs N] [--jobs N] [--formats a,b]');
  process.exit(2);
}
const shards = Number(opt('shards', '2'));
const runs = Number(opt('runs', '3'));
const jobs = opt('jobs', '1');
const formats = opt('formats', 'cyclonedx,json').split(',');
const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = resolve(opt('cli', join(repo, 'packages/cli/bin/run.js')));
const ext = { cyclonedx: 'cdx.json', json: 'json', sarif: 'sarif', markdown: 'md' };
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1' };

/** Runs the CLI under /usr/bin/time -v: wall seconds and peak RSS in MB. */
function timed(cliArgs) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...cliArgs], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pqready ${cliArgs.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const field = (label) => r.stderr.match(new RegExp(`${label}: (.+)`))?.[1]?.trim();
  // `m:ss.cc` or `h:mm:ss`.
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .reduce((acc, x) => acc * 60 + Number(x), 0);
  return { wall, rssMb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (let run = 1; run <= runs; run++) {
  const out = mkdtempSync(join(tmpdir(), 'pqready-shard-bench-'));
  try {
    const first = formats[0];
    const single = timed(['scan', folder, '-q', '-j', jobs, '-o', join(out, `single.${ext[first]}`)]);
    const parts = [];
    for (let i = 1; i <= shards; i++) {
      const file = join(out, `part-${i}.cdx.json`);
      parts.push({ file, ...timed(['scan', folder, '-q', '-j', jobs, '--shard', `${i}/${shards}`, '-o', file]) });
    }
    const merge = timed(['merge', '-q', ...parts.map((p) => p.file), '-o', join(out, `merged.${ext[first]}`)]);
    const identical = {};
    for (const format of formats) {
      if (format !== first) {
        timed(['scan', folder, '-q', '-j', jobs, '-o', join(out, `single.${ext[format]}`)]);
        timed(['merge', '-q', ...parts.map((p) => p.file), '-o', join(out, `merged.${ext[format]}`)]);
      }
      identical[format] = readFileSync(join(out, `single.${ext[format]}`)).equals(
        readFileSync(join(out, `merged.${ext[format]}`)),
      );
    }
    const row = {
      run,
      single: single.wall,
      parts: parts.map((p) => p.wall),
      slowest: Math.max(...parts.map((p) => p.wall)),
      sum: parts.reduce((a, p) => a + p.wall, 0),
      merge: merge.wall,
      singleRss: single.rssMb,
      partRss: Math.max(...parts.map((p) => p.rssMb)),
      mergeRss: merge.rssMb,
      identical,
    };
    rows.push(row);
    console.log(
      `run ${run}: single ${row.single.toFixed(2)} s (${row.singleRss.toFixed(0)} MB); parts ${row.parts.map((w) => w.toFixed(2)).join(' + ')} s ` +
        `(max ${row.partRss.toFixed(0)} MB); merge ${row.merge.toFixed(2)} s (${row.mergeRss.toFixed(0)} MB); ` +
        `byte-identical: ${Object.entries(identical)
          .map(([f, ok]) => `${f} ${ok ? 'yes' : 'NO'}`)
          .join(', ')}`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
const m = (key) => median(rows.map((r) => r[key]));
console.log(
  `\n${folder}, ${shards} shards, --jobs ${jobs}, median of ${runs}: single ${m('single').toFixed(2)} s; slowest part ` +
    `${m('slowest').toFixed(2)} s (${(m('slowest') / m('single')).toFixed(2)}× single); parts together ` +
    `${m('sum').toFixed(2)} s (${(m('sum') / m('single')).toFixed(2)}×); merge ${m('merge').toFixed(2)} s; ` +
    `slowest part + merge ${(m('slowest') + m('merge')).toFixed(2)} s; peak RSS single ${m('singleRss').toFixed(0)} MB, ` +
    `part ${m('partRss').toFixed(0)} MB, merge ${m('mergeRss').toFixed(0)} MB; byte-identical in every run: ` +
    `${rows.every((r) => Object.values(r.identical).every(Boolean)) ? 'yes' : 'NO'}`,
);
if (!rows.every((r) => Object.values(r.identical).every(Boolean))) process.exitCode = 1;
