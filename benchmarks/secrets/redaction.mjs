#!/usr/bin/env node
/**
 * Redaction on real trees: scans each tree with a baseline CLI and with this checkout's CLI, and reports
 * (1) the finding counts before and after (redaction must not add or drop findings) and (2) every literal that the
 * baseline copied into an api-call snippet on a key-passing line and that any output format of this checkout
 * still holds (must be none).
 *
 *   node benchmarks/secrets/redaction.mjs --base /path/to/baseline/packages/cli/bin/run.js /tmp/rw-c/*
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, '../../packages/cli/bin/run.js');
const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
if (baseAt < 0 || args.length < baseAt + 3) {
  console.error('usage: redaction.mjs --base BASE_CLI TREE...');
  process.exit(2);
}
const baseCli = args[baseAt + 1];
const trees = args.filter((_, i) => i !== baseAt && i !== baseAt + 1);

const run = (bin, tree, format) => {
  const r = spawnSync(process.execPath, [bin, 'scan', tree, '--format', format], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1' },
  });
  return r.stdout;
};
/** String literals with escapes, and brace initialisers of 4+ numbers: what a key looks like in a call. */
const LITERAL = /"(?:[^"\\]|\\.){8,}"|\{\s*(?:(?:0[xX][0-9a-fA-F]+|\d+)\s*,\s*){3,}[^}]*\}?/g;
const redacted = (s) => s.includes('<redacted');

let totalLeaks = 0;
console.log('tree\tfindings before\tfindings after\tsnippets redacted\tliterals still present');
for (const tree of trees) {
  const before = JSON.parse(run(baseCli, tree, 'json'));
  const after = JSON.parse(run(cli, tree, 'json'));
  const key = (f) =>
    `${f.evidence.path}:${f.evidence.line}:${f.evidence.column}:${f.kind}:${JSON.stringify(f.algorithms)}`;
  const beforeByKey = new Map(before.findings.map((f) => [key(f), f]));
  const changed = after.findings.filter((f) => redacted(f.evidence.snippet ?? ''));
  const secrets = new Set();
  for (const f of changed) {
    const old = beforeByKey.get(key(f))?.evidence.snippet ?? '';
    for (const m of old.match(LITERAL) ?? []) secrets.add(m);
  }
  const outputs = ['json', 'cyclonedx', 'sarif', 'markdown', 'table'].map((fmt) => run(cli, tree, fmt)).join('\n');
  // A literal's inner text (JSON-escaped in JSON outputs, raw in the others).
  const leaks = [...secrets].filter((s) => outputs.includes(s) || outputs.includes(JSON.stringify(s).slice(1, -1)));
  totalLeaks += leaks.length;
  console.log(
    `${path.basename(tree)}\t${before.findings.length}\t${after.findings.length}\t${changed.length}\t${leaks.length}`,
  );
  for (const l of leaks.slice(0, 5)) console.log(`  still present: ${l.slice(0, 80)}`);
}
process.exit(totalLeaks > 0 ? 1 : 0);
