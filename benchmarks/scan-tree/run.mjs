// scan-tree benchmark: node benchmarks/scan-tree/run.mjs [--files N]   (generated tree)
//                      node benchmarks/scan-tree/run.mjs <folder> [--runs N] [--jobs 1,2,4]   (real tree, see
//                      real-tree.mjs and README.md)
// Generates a wide tree of N small files (text, configs, PEM certificates, C) and scans it with every
// detector, reporting files/s and peak RSS, against a baseline in the same run: a bare walk that stats
// and reads every file. Reports the ratio (scan ÷ baseline) and RSS per 1,000 files, so memory growth
// with tree size is visible across runs of different N on a noisy shared machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '@pqready/scanner';
import { realTree } from './real-tree.mjs';

const args = process.argv.slice(2);
const flagValue = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const folder = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (folder) {
  const jobsList = flagValue('--jobs')
    ? flagValue('--jobs').split(',').map(Number)
    : [...new Set([1, 2, availableParallelism()])];
  const runs = Math.max(1, Number(flagValue('--runs') ?? 5));
  const baseline = flagValue('--baseline') ? resolve(flagValue('--baseline')) : undefined;
  console.log(JSON.stringify(realTree(resolve(folder), { runs, jobsList, baseline }), null, 2));
  process.exit(0);
}
const n = Number(args[args.indexOf('--files') + 1] ?? 0) || 20000;
const root = resolve(fileURLToPath(new URL('../.generated/scan-tree', import.meta.url)));
rmSync(root, { recursive: true, force: true });

// One real certificate, reused, so the PEM path does full decoding work.
const tmp = join(root, '..', 'scan-tree-ca');
mkdirSync(tmp, { recursive: true });
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(tmp, 'k.pem'),
    '-out',
    join(tmp, 'c.pem'),
    '-days',
    '30',
    '-subj',
    '/CN=bench',
  ],
  { stdio: 'ignore' },
);
const cert = readFileSync(join(tmp, 'c.pem'), 'utf8');

const kinds = [
  (i) => [`notes/readme_${i}.txt`, `Release note ${i}\n`.repeat(20)],
  (i) => [
    `src/mod_${i}.c`,
    `#include "mbedtls/sha256.h"\nint f${i}(const unsigned char *b, size_t n, unsigned char *o) {\n  return mbedtls_sha256(b, n, o, 0);\n}\n`,
  ],
  (i) => [`pki/cert_${i}.pem`, cert],
  (i) => [`etc/app_${i}.json`, JSON.stringify({ id: i, name: `service-${i}`, enabled: true })],
  (i) => [`bin/blob_${i}.bin`, Buffer.alloc(2048, i % 251)],
];
for (let i = 0; i < n; i++) {
  const [rel, content] = kinds[i % kinds.length](i);
  const dir = join(root, `d${i % 100}`, rel.split('/')[0]);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, rel.split('/')[1]), content);
}

function bareWalk(dir) {
  let count = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) count += bareWalk(p);
    else {
      statSync(p);
      readFileSync(p);
      count++;
    }
  }
  return count;
}

bareWalk(root); // warm the page cache
let t = performance.now();
const walked = bareWalk(root);
const baselineMs = performance.now() - t;

t = performance.now();
const inv = await scan({ roots: [root], scanTime: new Date(0), options: { jobs: 2 } });
const scanMs = performance.now() - t;
const rssMb = process.resourceUsage().maxRSS / 1024;

console.log(
  JSON.stringify(
    {
      files: walked,
      findings: inv.findings.length,
      diagnostics: inv.diagnostics.length,
      scanSeconds: +(scanMs / 1000).toFixed(2),
      filesPerSecond: Math.round(walked / (scanMs / 1000)),
      baselineSeconds: +(baselineMs / 1000).toFixed(2),
      scanOverBareWalk: +(scanMs / baselineMs).toFixed(1),
      peakRssMb: Math.round(rssMb),
      peakRssMbPer1000Files: +((rssMb / walked) * 1000).toFixed(2),
    },
    null,
    2,
  ),
);
rmSync(root, { recursive: true, force: true });
rmSync(tmp, { recursive: true, force: true });
