// cbom-fidelity: node benchmarks/cbom-fidelity/run.mjs <folder> [name...]
// Scans each tree of manifest.json found under <folder> with the built CLI (pnpm build first) and reports what a
// reviewer of the CBOM checks: error diagnostics (each listed, to be judged), components by type, components with
// two values for one property, schema validity (1.6 and 1.7), references that resolve, OID coverage of algorithm
// components, library components with versions, and the size of the JSON report. Never part of `pnpm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCycloneDx } from '@pqready/core';

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = resolve(here, '../../packages/cli/bin/run.js');
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
const [folder, ...only] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node benchmarks/cbom-fidelity/run.mjs <folder with the trees> [name...]');
  process.exit(2);
}

const run = (args) =>
  execFileSync(process.execPath, [cli, 'scan', ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
  });

function contradictions(components) {
  const out = [];
  for (const c of components) {
    const seen = new Map();
    for (const p of c.properties ?? []) seen.set(p.name, [...(seen.get(p.name) ?? []), p.value]);
    for (const [name, values] of seen) if (values.length > 1) out.push(`${c['bom-ref']} ${name}=${values.join(' | ')}`);
  }
  return out;
}

function danglingRefs(bom) {
  const refs = new Set([bom.metadata?.component?.['bom-ref'], ...bom.components.map((c) => c['bom-ref'])]);
  const missing = new Set();
  for (const d of bom.dependencies ?? []) {
    for (const r of [d.ref, ...(d.dependsOn ?? []), ...(d.provides ?? [])]) if (!refs.has(r)) missing.add(r);
  }
  return [...missing];
}

for (const tree of manifest.trees) {
  if (only.length && !only.includes(tree.name)) continue;
  const dir = join(folder, tree.name);
  if (!existsSync(dir)) {
    console.log(`${tree.name}: not found under ${folder}, skipped`);
    continue;
  }
  const t0 = Date.now();
  const json = run([dir, '--format', 'json']);
  const seconds = (Date.now() - t0) / 1000;
  const report = JSON.parse(json);
  const boms = Object.fromEntries(
    ['1.6', '1.7'].map((v) => [v, JSON.parse(run([dir, '--format', 'cyclonedx', '--spec-version', v]))]),
  );
  const bom = boms['1.7'];
  const byType = {};
  for (const c of bom.components) {
    const key = c.cryptoProperties?.assetType ?? c.type;
    byType[key] = (byType[key] ?? 0) + 1;
  }
  const algs = bom.components.filter((c) => c.cryptoProperties?.assetType === 'algorithm');
  const withOid = algs.filter((c) => c.cryptoProperties.oid).length;
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const byCode = {};
  for (const d of report.diagnostics) byCode[`${d.severity}:${d.code}`] = (byCode[`${d.severity}:${d.code}`] ?? 0) + 1;
  const libraries = bom.components
    .filter((c) => c.type === 'library')
    .map((c) => `${c.name}${c.version ? `@${c.version}` : ''}`);
  const contra = contradictions(bom.components);
  console.log(`\n## ${tree.name} (${tree.repo}@${tree.commit.slice(0, 12)})`);
  console.log(`scan ${seconds.toFixed(1)} s; ${report.stats.filesScanned} files; ${report.findings.length} findings`);
  console.log(`diagnostics by severity:code: ${JSON.stringify(byCode)}`);
  console.log(`components: ${bom.components.length} ${JSON.stringify(byType)}`);
  console.log(`libraries: ${libraries.join(', ') || '(none)'}`);
  console.log(
    `OID coverage: ${withOid}/${algs.length} algorithm components (${((100 * withOid) / Math.max(1, algs.length)).toFixed(0)} %)`,
  );
  console.log(`components with two values for one property: ${contra.length}`);
  for (const line of contra.slice(0, 5)) console.log(`  ${line}`);
  for (const v of ['1.6', '1.7']) {
    const problems = validateCycloneDx(boms[v], v);
    console.log(
      `CycloneDX ${v}: ${problems.length === 0 ? 'valid' : `${problems.length} schema errors, e.g. ${problems[0]}`}; dangling refs ${danglingRefs(boms[v]).length}`,
    );
  }
  console.log(`JSON report: ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB`);
  const genuine = new Set(tree.expect?.genuineErrors ?? []);
  const falseErrors = errors.filter((d) => !genuine.has(d.path));
  console.log(
    `error diagnostics: ${errors.length} (${errors.length - falseErrors.length} judged genuine, ${falseErrors.length} false)`,
  );
  for (const d of falseErrors.slice(0, 40))
    console.log(`  ${d.path}${d.line ? `:${d.line}` : ''} [${d.code}] ${d.message}`);
  if (falseErrors.length > 40) console.log(`  … ${falseErrors.length - 40} more`);
  const missing = (tree.expect?.libraries ?? []).filter((l) => !libraries.includes(l));
  if (missing.length) console.log(`expected library components missing: ${missing.join(', ')}`);
}
