#!/usr/bin/env node
// Runs `pqready assess` on each tree of manifest.json found under the folder given on the command line and checks
// what a regulatory lead expects of the plan: signing keys under secure boot, encryption keys under key exchange,
// test code listed but not planned, every cited bom-ref present in the CBOM. Never part of `pnpm test`.
//   node benchmarks/plan-real/run.mjs /tmp/rw
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const treesDir = process.argv[2];
if (!treesDir) {
  console.error('usage: node benchmarks/plan-real/run.mjs <folder with <owner>+<name> trees>');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(path.join(here, 'manifest.json'), 'utf8'));
let failures = 0;
const check = (ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};
for (const t of manifest.trees) {
  const tree = path.join(treesDir, t.repo.replace('/', '+'));
  if (!existsSync(tree)) {
    console.log(`skip ${t.repo}: not under ${treesDir}`);
    continue;
  }
  const out = mkdtempSync(path.join(tmpdir(), 'plan-real-'));
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'packages/cli/bin/run.js'),
      'assess',
      tree,
      '--device',
      t.device,
      '--out',
      out,
      '--no-measure',
      '-q',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${t.repo}@${t.commit.slice(0, 12)}: exit ${r.status} in ${seconds.toFixed(1)} s`);
  if (r.status !== 0) {
    console.log(r.stderr);
    failures++;
    continue;
  }
  const plan = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8'));
  const cbom = JSON.parse(readFileSync(path.join(out, 'cbom.cdx.json'), 'utf8'));
  const refs = new Set(cbom.components.map((c) => c['bom-ref']));
  const items = plan.stages.flatMap((s) => s.items);
  console.log(
    `  ${plan.inventory.findings} findings, ${items.length} items, by stage ${plan.summary.byStage.join('/')}`,
  );
  check(
    items.every((i) => i.findings.every((f) => refs.has(f.bomRef))),
    'every cited bom-ref is in the CBOM',
  );
  const useCaseOf = (file) =>
    new Set(
      items.filter((i) => i.findings.some((f) => f.locations.some((l) => l.path === file))).map((i) => i.useCase),
    );
  for (const f of t.expect.signingKeys ?? [])
    check(useCaseOf(f).has('secure-boot-update'), `${f} planned as a signing key`);
  for (const f of t.expect.encryptionKeys ?? [])
    check(useCaseOf(f).has('transport-key-exchange'), `${f} planned as a key-transport key`);
  for (const f of t.expect.planned ?? []) check(useCaseOf(f).size > 0, `${f} planned`);
  for (const prefix of t.expect.notPlannedUnder ?? [])
    check(
      plan.findings.filter((f) => f.path.startsWith(prefix)).every((f) => f.notPlanned),
      `nothing under ${prefix} planned`,
    );
}
console.log(failures ? `${failures} expectation(s) not met` : 'all expectations met');
process.exit(failures ? 1 : 0);
