// Real-world config benchmark:
//   node benchmarks/realworld-configs/run.mjs <dir> [--sets DIR] [--corrections FILE] [--set NAME] [--verbose]
// Scans each set of sets/*.json (or of --sets DIR), extracted under <dir>/<set name>/ (see README.md for how to
// obtain them), with the config detectors only, and compares the findings with the expected inventory written by
// hand. --corrections applies rows added to or removed from the inventories after a scan (heldout/corrections.txt),
// leaving the set files as first written. Prints recall and precision per set and overall; --verbose lists every
// miss and every unexpected finding.
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
  'postfix-tls',
  'dovecot-tls',
  'libreswan-ipsec',
  'stunnel-tls',
  'caddy-tls',
  'traefik-tls',
  'envoy-tls',
]);
const ENABLED = new Set(['active', 'conditional']);

const args = process.argv.slice(2);
const valued = new Set(['--set', '--sets', '--corrections']);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const only = option('--set');
const verbose = args.includes('--verbose');
if (!dir) {
  console.error(
    'usage: node benchmarks/realworld-configs/run.mjs <dir holding the extracted sets> [--sets DIR] ' +
      '[--corrections FILE] [--set NAME] [--verbose]',
  );
  process.exit(2);
}
const setsDir = option('--sets') ? resolve(option('--sets')) : fileURLToPath(new URL('./sets/', import.meta.url));
const corrections = option('--corrections') ? readCorrections(resolve(option('--corrections'))) : new Map();
const sets = readdirSync(setsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => corrected(JSON.parse(readFileSync(join(setsDir, f), 'utf8'))))
  .filter((s) => !only || s.name === only);

/**
 * Corrections file: `<set> - <entry JSON>` removes the entry written exactly so (key order aside), `<set> + <entry
 * JSON>` adds one, `<set> ignore <file>:<line>` adds an undecidable line; `# reason` lines and blank lines are
 * skipped. A removal that matches no entry is an error: corrections must name what was written.
 */
function readCorrections(path) {
  const out = new Map();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const m = /^(\S+)\s+([-+]|ignore)\s+(.+)$/.exec(line);
      if (!m) throw new Error(`${path}:${i + 1}: cannot read "${raw}"`);
      const c = out.get(m[1]) ?? { remove: [], add: [], ignore: [] };
      if (m[2] === 'ignore') {
        const at = /^(.+):(\d+)$/.exec(m[3]);
        if (!at) throw new Error(`${path}:${i + 1}: ignore needs <file>:<line>`);
        c.ignore.push({ file: at[1], line: Number(at[2]) });
      } else (m[2] === '-' ? c.remove : c.add).push({ entry: JSON.parse(m[3]), at: `${path}:${i + 1}` });
      out.set(m[1], c);
    });
  return out;
}

/** JSON with object keys sorted, so an entry matches whatever order its keys were written in. */
function canonical(v) {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x,
  );
}

/** A set with its corrections applied. */
function corrected(set) {
  const c = corrections.get(set.name);
  if (!c) return set;
  const expect = [...set.expect];
  for (const r of c.remove) {
    const i = expect.findIndex((e) => canonical(e) === canonical(r.entry));
    if (i < 0) throw new Error(`${r.at}: ${set.name} has no entry ${JSON.stringify(r.entry)}`);
    expect.splice(i, 1);
  }
  return { ...set, expect: [...expect, ...c.add.map((a) => a.entry)], ignore: [...(set.ignore ?? []), ...c.ignore] };
}

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
