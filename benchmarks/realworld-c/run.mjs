// Real-world C evaluation: node benchmarks/realworld-c/run.mjs <trees-root> [--tree NAME] [--verbose] [--shapes] [--json] [--as-written]
//   [--manifest FILE]  another set (e.g. heldout/manifest.json): its expected/ folder and corrections sit next to it
// Scans each tree of manifest.json (extracted under <trees-root>/<name> by extract.mjs; nothing is downloaded)
// with the built C detectors and compares the findings with expected/<name>.txt (plus the adjudicated
// corrections in expected/corrections.txt unless --as-written). Matching rules: README.md.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectors, scan } from '@pqready/scanner';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = args.find((a, i) => !a.startsWith('--') && !['--tree', '--manifest'].includes(args[i - 1]));
if (!root) {
  console.error(
    'usage: node benchmarks/realworld-c/run.mjs <trees-root> [--tree NAME] [--verbose] [--shapes] [--json] [--as-written] [--manifest FILE]',
  );
  process.exit(2);
}
const only = opt('--tree');
const verbose = flag('--verbose');
/** Lists the #15 shape rows not found, with what was reported at their site. */
const shapesVerbose = flag('--shapes');
const manifestUrl = opt('--manifest')
  ? pathToFileURL(resolve(opt('--manifest')))
  : new URL('manifest.json', import.meta.url);
const here = new URL('.', manifestUrl);
const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));

/** Shapes that belong to the follow-up issue (#15): scored separately, never in the main score. */
const DEFERRED_SHAPES = new Set(['wrapper', 'value', 'candidates', 'string']);
const LINE_TOLERANCE = 2;
const PARAM_KEYS = ['keyBits', 'curve', 'mode', 'hash', 'parameterSet'];

const asWritten = flag('--as-written');
const stripNote = (raw) => raw.replace(/\s+#.*$/, '').trim();

/** Corrections per tree: rows removed from and added to the inventory as first written. */
function readCorrections() {
  const out = new Map();
  const own = new URL('corrections.txt', here);
  const text = readFileSync(existsSync(own) ? own : new URL('expected/corrections.txt', here), 'utf8');
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(\S+)\s+([+-])\s+(.*)$/.exec(line);
    if (!m) throw new Error(`expected/corrections.txt:${i + 1}: cannot read "${raw}"`);
    const c = out.get(m[1]) ?? { remove: [], add: [] };
    (m[2] === '-' ? c.remove : c.add).push(m[3]);
    out.set(m[1], c);
  });
  return out;
}
const corrections = asWritten ? new Map() : readCorrections();

/** The expected text of a tree with its corrections applied (a removed row must exist as written). */
function correctedText(text, tree) {
  const c = corrections.get(tree);
  if (!c) return text;
  const lines = text.split('\n');
  for (const row of c.remove) {
    const i = lines.findIndex((l) => stripNote(l) === stripNote(row));
    if (i < 0) throw new Error(`expected/corrections.txt: ${tree} has no row "${row}"`);
    lines.splice(i, 1);
  }
  return [...lines, ...c.add].join('\n');
}

/** Parses one expected line: `path:line alg[|alg…] role state [key=value …] [# note]`. */
function parseExpected(text, tree) {
  const rows = [];
  text.split('\n').forEach((raw, i) => {
    const line = stripNote(raw);
    if (!line || line.startsWith('#')) return;
    const [site, algorithm, role, state, ...rest] = line.split(/\s+/);
    const m = /^(.*):(\d+)$/.exec(site ?? '');
    if (!m || !algorithm || !role || !state) throw new Error(`expected/${tree}.txt:${i + 1}: cannot read "${raw}"`);
    const params = {};
    let shape;
    for (const kv of rest) {
      const [k, v] = kv.split('=');
      if (k === 'shape') shape = v;
      else if (PARAM_KEYS.includes(k)) params[k] = k === 'keyBits' ? Number(v) : v;
      else throw new Error(`expected/${tree}.txt:${i + 1}: unknown key ${k}`);
    }
    rows.push({ file: m[1], line: Number(m[2]), algorithms: algorithm.split('|'), role, state, params, shape });
  });
  return rows;
}

/** The algorithms a protocol finding names (suites, groups, signature schemes, SSH ciphers and MACs). */
function protocolRefs(p) {
  return [
    ...p.cipherSuites.flatMap((s) => s.algorithms),
    ...p.groups.map((g) => ({ ...g.algorithm, name: g.name })),
    ...p.signatureAlgorithms.map((g) => ({ ...g.algorithm, name: g.name })),
    ...(p.algorithms ?? []),
  ];
}

/**
 * Rows of a finding: an algorithm finding is one row; a protocol finding (a name string) is one row per
 * algorithm it names, a hybrid without a catalog id by its name.
 */
function toRows(f) {
  if (f.kind === 'algorithm') return [toRow(f)];
  if (f.kind !== 'protocol') return [];
  const ids = new Set();
  for (const a of protocolRefs(f.protocol))
    ids.add(a.id === 'unknown' ? (a.parameterSet ?? a.name ?? 'unknown') : a.id);
  return [...ids].sort().map((id) => ({
    file: f.evidence.path,
    line: f.evidence.line ?? 0,
    algorithm: id,
    candidates: [],
    role: f.role,
    state: f.state ?? 'active',
    params: {},
    internal: f.properties?.internal === 'true',
    snippet: f.evidence.snippet,
  }));
}

function toRow(f) {
  const a = f.algorithm;
  const params = {};
  for (const k of PARAM_KEYS) if (a[k] !== undefined) params[k] = a[k];
  const candidates = typeof f.properties?.candidates === 'string' ? f.properties.candidates.split(/\s*\|\s*/) : [];
  return {
    file: f.evidence.path,
    line: f.evidence.line ?? 0,
    algorithm: a.id,
    candidates,
    role: f.role,
    state: f.state ?? 'active',
    params,
    internal: f.properties?.internal === 'true',
    snippet: f.evidence.snippet,
  };
}

/**
 * A name in a string is protocol configuration in this set's rows and an api-call in the held-out set's (its
 * readers' convention): for rows of the string shape the two roles are one.
 */
const STRING_ROLES = ['api-call', 'protocol-config'];
const sameRole = (e, r) =>
  e.role === r.role || (e.shape === 'string' && STRING_ROLES.includes(e.role) && STRING_ROLES.includes(r.role));
const sameSite = (e, r) =>
  e.file === r.file && sameRole(e, r) && (e.role === 'implementation' || Math.abs(e.line - r.line) <= LINE_TOLERANCE);
const sameAlgorithm = (e, r) =>
  e.algorithms.includes(r.algorithm) ||
  (e.algorithms.length > 1 && e.algorithms.every((a) => r.candidates.includes(a)));
const paramScore = (e, r) => Object.entries(e.params).filter(([k, v]) => r.params[k] === v).length;
/** Parameters a finding has that the expectation does not mention (a tie-break: the plainer finding first). */
const extraParams = (e, r) => Object.keys(r.params).filter((k) => !(k in e.params)).length;
const paramsAgree = (e, r) => paramScore(e, r) === Object.keys(e.params).length;

/**
 * One-to-one matching over all candidate pairs at once: pairs with the closest line first, then the most
 * agreeing parameters, then the fewest extra parameters (ties: file order), so a missing finding does not
 * shift its neighbours' pairs.
 */
function match(expected, found) {
  const candidates = [];
  expected.forEach((e, i) => {
    found.forEach((r, k) => {
      if (!sameSite(e, r) || !sameAlgorithm(e, r) || r.state !== e.state) return;
      const key = [e.role === 'implementation' ? 0 : Math.abs(e.line - r.line), -paramScore(e, r), extraParams(e, r)];
      candidates.push({ i, k, key });
    });
  });
  candidates.sort(
    (x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || x.key[2] - y.key[2] || x.i - y.i || x.k - y.k,
  );
  const used = new Set();
  const byExpected = new Map();
  for (const { i, k } of candidates) {
    if (used.has(k) || byExpected.has(i)) continue;
    used.add(k);
    byExpected.set(i, k);
  }
  const pairs = expected.map((e, i) => [e, byExpected.has(i) ? found[byExpected.get(i)] : undefined]);
  return { pairs, used };
}

const C_DETECTORS = detectors.filter((d) => d.id.startsWith('c-crypto-'));
const results = [];
const totals = { expected: 0, found: 0, tp: 0, paramTotal: 0, paramOk: 0, inactive: 0, inactiveOk: 0, internal: 0 };
const shapes = new Map();

for (const tree of manifest.trees) {
  if (only && tree.name !== only) continue;
  const dir = join(root, tree.name);
  const expFile = new URL(`expected/${tree.name}.txt`, here);
  if (!existsSync(dir)) {
    console.error(`${tree.name}: not extracted under ${root}, skipped`);
    continue;
  }
  const expected = parseExpected(correctedText(readFileSync(expFile, 'utf8'), tree.name), tree.name);
  const started = performance.now();
  const inv = await scan({
    roots: [dir],
    scanTime: new Date(0),
    options: { jobs: 2, defines: tree.defines ?? {}, ...(tree.configFile ? { configFiles: [tree.configFile] } : {}) },
    detectors: C_DETECTORS,
  });
  const ms = performance.now() - started;
  for (const d of inv.diagnostics.filter((x) => x.severity === 'error' || x.code === 'c-analysis-failed'))
    console.error(`${tree.name}: ${d.code} ${d.path ?? ''} ${d.message}`);
  const all = inv.findings.flatMap(toRows);
  const internal = all.filter((r) => r.internal);
  const found = all.filter((r) => !r.internal);

  const comments = expected.filter((e) => e.state === 'comment');
  const scoredExpected = expected.filter((e) => e.state !== 'comment' && !DEFERRED_SHAPES.has(e.shape));
  const deferred = expected.filter((e) => e.state !== 'comment' && DEFERRED_SHAPES.has(e.shape));

  const main = match(scoredExpected, found);
  // Findings at the site of a deferred-shape expectation are that issue's business: neither right nor wrong here.
  const rest = found.map((r, k) => ({ r, k })).filter(({ k }) => !main.used.has(k));
  const deferredMatch = match(
    deferred,
    rest.map(({ r }) => r),
  );
  const neutral = new Set();
  for (const j of deferredMatch.used) neutral.add(rest[j].k);
  rest.forEach(({ r, k }) => {
    if (deferred.some((e) => e.file === r.file && Math.abs(e.line - r.line) <= LINE_TOLERANCE)) neutral.add(k);
  });
  const shapeMisses = [];
  for (const [e, r] of deferredMatch.pairs) {
    const s = shapes.get(e.shape) ?? { expected: 0, found: 0 };
    s.expected++;
    if (r) s.found++;
    else
      shapeMisses.push({
        e,
        near: found.filter((x) => x.file === e.file && Math.abs(x.line - e.line) <= LINE_TOLERANCE),
      });
    shapes.set(e.shape, s);
  }

  const tp = main.pairs.filter(([, r]) => r).length;
  const scoredFound = found.filter((_, k) => !neutral.has(k)).length;
  const extra = found.filter((_, k) => !main.used.has(k) && !neutral.has(k));
  const missing = main.pairs.filter(([, r]) => !r).map(([e]) => e);
  const paramPairs = main.pairs.filter(([e, r]) => r && Object.keys(e.params).length > 0);
  const paramOk = paramPairs.filter(([e, r]) => paramsAgree(e, r)).length;

  // Inactive and commented-out code: inactive rows must come back inactive; commented-out code must never
  // come back active or conditional (reporting nothing, or inactive, counts as recognised).
  const inactiveRows = scoredExpected.filter((e) => e.state === 'inactive');
  const inactiveOk = main.pairs.filter(([e, r]) => r && e.state === 'inactive').length;
  const commentOk = comments.filter(
    (e) =>
      !all.some(
        (r) => r.file === e.file && r.line === e.line && r.state !== 'inactive' && e.algorithms.includes(r.algorithm),
      ),
  ).length;

  const res = {
    tree: tree.name,
    commit: tree.commit.slice(0, 12),
    expected: scoredExpected.length,
    found: scoredFound,
    tp,
    recall: scoredExpected.length ? tp / scoredExpected.length : 1,
    precision: scoredFound ? tp / scoredFound : 1,
    params: paramPairs.length ? paramOk / paramPairs.length : 1,
    inactive: inactiveRows.length + comments.length,
    inactiveOk: inactiveOk + commentOk,
    internal: internal.length,
    // `unknown-<api>` findings: no algorithm at all (a candidate set names its algorithms, so it is not one).
    unknown: all.filter((r) => r.algorithm === 'unknown' && r.candidates.length === 0).length,
    deferred: deferred.length,
    seconds: Number((ms / 1000).toFixed(2)),
    missing,
    extra,
    wrongParams: paramPairs.filter(([e, r]) => !paramsAgree(e, r)),
    shapeMisses,
  };
  results.push(res);
  totals.expected += res.expected;
  totals.found += res.found;
  totals.tp += tp;
  totals.paramTotal += paramPairs.length;
  totals.paramOk += paramOk;
  totals.inactive += res.inactive;
  totals.inactiveOk += res.inactiveOk;
  totals.internal += res.internal;
}

const pct = (x) => x.toFixed(3);
if (flag('--json')) {
  console.log(JSON.stringify({ results, totals, shapes: Object.fromEntries(shapes) }, null, 2));
} else {
  const head = [
    'tree',
    'commit',
    'expected',
    'found',
    'tp',
    'recall',
    'precision',
    'params',
    'inactive',
    'internal',
    'unknown',
  ];
  const rows = results.map((r) => [
    r.tree,
    r.commit,
    r.expected,
    r.found,
    r.tp,
    pct(r.recall),
    pct(r.precision),
    pct(r.params),
    `${r.inactiveOk}/${r.inactive}`,
    r.internal,
    r.unknown,
  ]);
  rows.push([
    'overall',
    '',
    totals.expected,
    totals.found,
    totals.tp,
    pct(totals.expected ? totals.tp / totals.expected : 1),
    pct(totals.found ? totals.tp / totals.found : 1),
    pct(totals.paramTotal ? totals.paramOk / totals.paramTotal : 1),
    `${totals.inactiveOk}/${totals.inactive}`,
    totals.internal,
    results.reduce((s, r) => s + r.unknown, 0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(fmt(head));
  for (const r of rows) console.log(fmt(r));
  console.log(
    `inactive/commented-out recognised: ${totals.inactive ? pct(totals.inactiveOk / totals.inactive) : 'n/a'}`,
  );
  if (shapes.size > 0) {
    console.log('follow-up shapes (#15), recall per shape (not in the scores above):');
    for (const [s, v] of shapes) console.log(`  ${s}: ${v.found}/${v.expected}`);
  }
  if (shapesVerbose) {
    for (const r of results) {
      if (r.shapeMisses.length === 0) continue;
      console.log(`\n== ${r.tree} (shape rows not found)`);
      for (const { e, near } of r.shapeMisses) {
        console.log(`  ${e.shape.padEnd(10)} ${e.file}:${e.line} ${e.algorithms.join('|')} ${e.role} ${e.state}`);
        for (const x of near)
          console.log(
            `             got ${x.line} ${x.algorithm}${x.candidates.length ? ` [${x.candidates.join('|')}]` : ''} ${x.role} ${x.state}`,
          );
      }
    }
  }
  if (verbose) {
    for (const r of results) {
      if (r.missing.length + r.extra.length + r.wrongParams.length === 0) continue;
      console.log(`\n== ${r.tree}`);
      for (const e of r.missing)
        console.log(
          `  missing ${e.file}:${e.line} ${e.algorithms.join('|')} ${e.role} ${e.state} ${JSON.stringify(e.params)}`,
        );
      for (const x of r.extra)
        console.log(
          `  extra   ${x.file}:${x.line} ${x.algorithm} ${x.role} ${x.state} ${JSON.stringify(x.params)}  | ${x.snippet}`,
        );
      for (const [e, x] of r.wrongParams)
        console.log(
          `  params  ${e.file}:${e.line} ${e.algorithms[0]} want ${JSON.stringify(e.params)} got ${JSON.stringify(x.params)}`,
        );
    }
  }
}
