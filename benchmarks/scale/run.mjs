// scale benchmark: node benchmarks/scale/run.mjs --files 100000 --dir /tmp/pqready-scale [--jobs 1,2]
//   [--formats cyclonedx,json] [--cli path/to/bin/run.js] [--generate-only]
// Generates (once, outside the repository) a tree of N files shaped like a large firmware monorepo: 40% C sources,
// 20% PEM certificates, 10% nginx server configs that include a shared snippet and name a certificate and key, and
// 30% text. Then runs the built CLI on it under `/usr/bin/time -v` for every --jobs × --format and prints wall time,
// files/s and peak RSS (maximum resident set size). `--cli` runs another build (e.g. main's) for a before/after
// ratio in the same session: the machine is shared, so compare ratios, not seconds across days.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const n = Number(opt('files', '100000'));
const dir = resolve(opt('dir', `/tmp/pqready-scale-${n}`));
const jobsList = opt('jobs', '1,2').split(',').map(Number);
const formats = opt('formats', 'cyclonedx,json').split(',');
const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = resolve(opt('cli', join(repo, 'packages/cli/bin/run.js')));
if (dir.startsWith(`${repo}/`)) throw new Error('Generate the tree outside the repository (--dir /tmp/...).');

const tree = join(dir, 'tree');
const marker = join(dir, 'generated.json');
function generate() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const ca = join(dir, 'ca');
  mkdirSync(ca);
  execFileSync('openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
    ...['-keyout', join(ca, 'k.pem'), '-out', join(ca, 'c.pem'), '-days', '3650', '-subj', '/CN=scale-bench'],
  ]);
  const cert = readFileSync(join(ca, 'c.pem'), 'utf8');
  // Out of every 10 files: 4 C, 2 PEM, 1 nginx, 3 text.
  const kinds = ['c', 'c', 'c', 'c', 'pem', 'pem', 'nginx', 'text', 'text', 'text'];
  const made = { c: 0, pem: 0, nginx: 0, text: 0 };
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length];
    const sub = join(tree, `part${i % 200}`, `m${Math.floor(i / 2000)}`);
    mkdirSync(sub, { recursive: true });
    made[kind]++;
    if (kind === 'c') {
      writeFileSync(
        join(sub, `mod_${i}.c`),
        `#include "mbedtls/sha256.h"\n#include "mbedtls/ecdsa.h"\n` +
          `int hash_${i}(const unsigned char *b, size_t n, unsigned char *o) {\n  return mbedtls_sha256(b, n, o, 0);\n}\n` +
          `int sign_${i}(mbedtls_ecdsa_context *ctx) {\n  return mbedtls_ecdsa_genkey(ctx, MBEDTLS_ECP_DP_SECP256R1, 0, 0);\n}\n`,
      );
    } else if (kind === 'pem') {
      writeFileSync(join(sub, `cert_${i}.pem`), cert);
    } else if (kind === 'nginx') {
      // Names the certificate written just before it (i - 2 is a PEM slot, in another folder) and a shared snippet.
      const pem = `../../part${(i - 2) % 200}/m${Math.floor((i - 2) / 2000)}/cert_${i - 2}`;
      writeFileSync(
        join(sub, `site_${i}.conf`),
        `server {\n  listen 443 ssl;\n  server_name s${i}.example;\n  include ssl-common.conf;\n` +
          `  ssl_certificate ${pem}.pem;\n  ssl_certificate_key ${pem}.key;\n}\n`,
      );
      if (!existsSync(join(sub, 'ssl-common.conf'))) {
        writeFileSync(
          join(sub, 'ssl-common.conf'),
          'ssl_protocols TLSv1.2 TLSv1.3;\nssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256;\n',
        );
      }
    } else {
      writeFileSync(join(sub, `notes_${i}.txt`), `Release note ${i}: nothing cryptographic here.\n`.repeat(10));
    }
  }
  writeFileSync(marker, JSON.stringify({ files: n, made }));
}
if (!existsSync(marker) || JSON.parse(readFileSync(marker, 'utf8')).files !== n) generate();
if (args.includes('--generate-only')) process.exit(0);

function measure(jobs, format) {
  const out = join(dir, `out-j${jobs}.${format === 'cyclonedx' ? 'cdx.json' : format}`);
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, cli, 'scan', tree, '--format', format, '-o', out, '--jobs', String(jobs), '-q'],
    { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' }, maxBuffer: 1 << 26 },
  );
  const field = (name) => run.stderr.match(new RegExp(`${name}: (.*)`))?.[1]?.trim();
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)') ?? '';
  const seconds = wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  const rssMb = Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024);
  const exit = Number(field('Exit status'));
  const errors = run.stderr
    .split('\n')
    .filter((l) => /Error|RangeError/.test(l))
    .slice(0, 2);
  return { files: n, jobs, format, exit, seconds, filesPerSecond: Math.round(n / seconds), peakRssMb: rssMb, errors };
}

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(JSON.stringify({ cli, tree, loadAverage: load }));
for (const jobs of jobsList) for (const format of formats) console.log(JSON.stringify(measure(jobs, format)));
