// Real-world config benchmark: node benchmarks/realworld-configs/run.mjs <dir> [--set NAME] [--verbose]
// Scans each set of sets/*.json, extracted under <dir>/<set name>/ (see README.md for how to obtain them), with
// the config detectors only, and compares the findings with the expected inventory written by hand. Prints
// recall and precision per set and overall; --verbose lists every miss and every unexpected finding.
// Never part of `pnpm test`: the trees are public code that the repository does not hold.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectors, scan } from '@pqready/scanner';

const CONFIG_DETECTORS = new Set([
  'nginx-tls',
  'apache-tls',
  'haproxy-tls',
  'openssh-config',
  'mosquitto-tls',
  'strongswan-ipsec',
  'openssl-cnf',
  'tls-policy-json',
]);
const ENABLED = new Set(['active', 'conditional']);

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const verbose = args.includes('--verbose');
if (!dir) {
  console.error(
    'usage: node benchmarks/realworld-configs/run.mjs <dir holding the extracted sets> [--set NAME] [--verbose]',
  );
  process.exit(2);
}
const setsDir = fileURLToPath(new URL('./sets/', import.meta.url));
const sets = readdirSync(setsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(setsDir, f), 'utf8')))
  .filter((s) => !only || s.name === only);

/** Whitespace-collapsed, quote-stripped, case-folded text of a written value. */
const norm = (v) =>
  String(v)
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
const sameVersions = (a, b) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/** A finding's file as the real file under the set root (sites-enabled/x and sites-available/x are one file). */
function realFile(root, path) {
  try {
    return relative(root, realpathSync(join(root, path)))
      .split('\\')
      .join('/');
  } catch {
    return path;
  }
}

function matches(exp, f) {
  const p = f.properties ?? {};
  if (exp.setting) {
    if (f.origin === 'default' || p['config.setting'] !== exp.setting) return false;
    const expectEnabled = (exp.state ?? 'enabled') === 'enabled';
    if (ENABLED.has(f.state) !== expectEnabled) return false;
    if (exp.role && p['config.role'] !== exp.role) return false;
    if (exp.setting === 'versions') return sameVersions(f.protocol?.versions ?? [], exp.value);
    return norm(p['config.value'] ?? '') === norm(exp.value);
  }
  if (f.origin !== 'default') return false;
  if (exp.role && p['config.role'] !== exp.role) return false;
  return true;
}

let totalExpected = 0;
let totalFound = 0;
let totalFindings = 0;
let totalTrue = 0;
const rows = [];
for (const set of sets) {
  const root = resolve(dir, set.name);
  if (!existsSync(root)) {
    rows.push({ set: set.name, commit: set.commit.slice(0, 12), missing: true });
    continue;
  }
  const inventory = await scan({
    roots: [root],
    scanTime: new Date('2026-01-01T00:00:00Z'),
    detectors: detectors.filter((d) => CONFIG_DETECTORS.has(d.id)),
    options: { assume: set.assume ?? {}, defines: set.defines ?? {}, jobs: 1 },
  });
  const findings = inventory.findings.map((f) => ({
    ...f,
    file: realFile(root, f.evidence.path),
    line: f.evidence.line,
  }));
  const key = (x) => `${x.file}:${x.line}`;
  const ignored = new Set((set.ignore ?? []).map(key));
  const matchedFindings = new Set();
  const misses = [];
  let found = 0;
  for (const exp of set.expect) {
    const hits = findings.filter((f) => key(f) === key(exp) && matches(exp, f));
    const scopesCovered = (exp.scopes ?? []).every((s) => hits.some((h) => (h.context ?? '').includes(s)));
    const scopeOk = !exp.scope || hits.some((h) => (h.context ?? '').includes(exp.scope));
    if (hits.length > 0 && scopesCovered && scopeOk) found++;
    else misses.push(exp);
    for (const h of hits) matchedFindings.add(h);
  }
  const counted = findings.filter((f) => !ignored.has(key(f)));
  const truePositives = counted.filter((f) => matchedFindings.has(f)).length;
  const extras = counted.filter((f) => !matchedFindings.has(f));
  totalExpected += set.expect.length;
  totalFound += found;
  totalFindings += counted.length;
  totalTrue += truePositives;
  rows.push({
    set: set.name,
    commit: set.commit.slice(0, 12),
    expected: set.expect.length,
    found,
    findings: counted.length,
    recall: set.expect.length ? found / set.expect.length : 1,
    precision: counted.length ? truePositives / counted.length : 1,
  });
  if (verbose) {
    for (const m of misses) console.log(`  miss  ${set.name}: ${JSON.stringify(m)}`);
    for (const f of extras)
      console.log(
        `  extra ${set.name}: ${f.file}:${f.line} ${f.detector} ${f.context} ${f.state}/${f.origin} ` +
          `${f.properties?.['config.setting'] ?? ''}=${f.properties?.['config.value'] ?? f.protocol?.versions?.join(',') ?? ''}`,
      );
    for (const d of inventory.diagnostics)
      console.log(`  diag  ${set.name}: ${d.severity} ${d.code} ${d.path}:${d.line ?? ''} ${d.message}`);
  }
}

const pct = (x) => (x === undefined ? '' : x.toFixed(3));
console.log('| set | commit | expected | found | findings | recall | precision |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  if (r.missing) console.log(`| ${r.set} | ${r.commit} | not extracted | | | | |`);
  else
    console.log(
      `| ${r.set} | ${r.commit} | ${r.expected} | ${r.found} | ${r.findings} | ${pct(r.recall)} | ${pct(r.precision)} |`,
    );
}
console.log(
  `| **overall** | | ${totalExpected} | ${totalFound} | ${totalFindings} | ${pct(totalExpected ? totalFound / totalExpected : 1)} | ${pct(totalFindings ? totalTrue / totalFindings : 1)} |`,
);
