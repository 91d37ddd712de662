#!/usr/bin/env node
// Packs the CLI into one installable tarball: `pqready-<version>.tgz`, for `npm install -g` and `npx`.
// The workspace packages (@pqready/core, scanner, benchmark, planner) are not published: their dist travels inside
// the tarball under lib/<name>/, imports of `@pqready/<name>` are rewritten to relative paths, and their registry
// dependencies become the tarball's. (npm's bundleDependencies would keep the imports, but npm then runs the
// install script of tree-sitter before linking node-gyp-build, and the install fails.)
// Run `pnpm build` first (`pnpm pack:cli` does). Usage: node packages/cli/scripts/pack.mjs [DEST_DIR]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dest = path.resolve(process.argv[2] ?? repoRoot);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const WORKSPACE = ['core', 'scanner', 'benchmark', 'planner'];
const cli = readJson(path.join(repoRoot, 'packages/cli/package.json'));
const root = readJson(path.join(repoRoot, 'package.json'));

for (const name of [...WORKSPACE, 'cli']) {
  if (!existsSync(path.join(repoRoot, 'packages', name, 'dist', 'index.js')) && name !== 'cli') {
    throw new Error(`packages/${name}/dist is missing: run pnpm build first.`);
  }
}
if (!existsSync(path.join(repoRoot, 'packages/cli/dist/commands/scan.js'))) {
  throw new Error('packages/cli/dist is missing: run pnpm build first.');
}

const stage = mkdtempSync(path.join(tmpdir(), 'pqready-pack-'));
const copyDist = (from, to) =>
  cpSync(from, to, {
    recursive: true,
    // Code and source maps only: type declarations would name packages that are not installed.
    filter: (src) => !/\.d\.ts(\.map)?$|\.tsbuildinfo$/.test(src) && !src.includes(`${path.sep}fixtures${path.sep}`),
  });

const registryDeps = {};
const addDeps = (deps) => {
  for (const [name, range] of Object.entries(deps ?? {})) {
    if (range.startsWith('workspace:')) continue;
    if (range.startsWith('catalog:')) throw new Error(`${name}: catalog versions cannot be packed`);
    registryDeps[name] = range;
  }
};
addDeps(cli.dependencies);

for (const name of WORKSPACE) {
  const pkgDir = path.join(repoRoot, 'packages', name);
  const pkg = readJson(path.join(pkgDir, 'package.json'));
  addDeps(pkg.dependencies);
  copyDist(path.join(pkgDir, 'dist'), path.join(stage, 'lib', name));
}
for (const dir of ['bin', 'dist', 'schemas']) copyDist(path.join(repoRoot, 'packages/cli', dir), path.join(stage, dir));

// `from '@pqready/core'` → `from '../../lib/core/index.js'`, relative to each file; a subpath export
// (`@pqready/core/redact`) → the file its package's `exports` names, under lib/<name>/ as its dist is.
const IMPORT = new RegExp(`(from\\s*|import\\(\\s*)(['"])@pqready/(${WORKSPACE.join('|')})(/[\\w./-]+)?\\2`, 'g');
const exportedFile = (name, subpath) => {
  if (!subpath) return 'index.js';
  const target = readJson(path.join(repoRoot, 'packages', name, 'package.json')).exports?.[`.${subpath}`]?.import;
  if (typeof target !== 'string' || !target.startsWith('./dist/'))
    throw new Error(`@pqready/${name}${subpath} is not an export of packages/${name}.`);
  return target.slice('./dist/'.length);
};
const rewrite = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) rewrite(file);
    else if (entry.name.endsWith('.js')) {
      const text = readFileSync(file, 'utf8');
      const next = text.replace(IMPORT, (_, lead, quote, name, subpath) => {
        let rel = path
          .relative(path.dirname(file), path.join(stage, 'lib', name, exportedFile(name, subpath)))
          .split(path.sep)
          .join('/');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return `${lead}${quote}${rel}${quote}`;
      });
      if (next !== text) writeFileSync(file, next);
    }
  }
};
rewrite(path.join(stage, 'dist'));
rewrite(path.join(stage, 'lib'));
// The commands' manifest (scripts/manifest.mjs, written by the build), under the packed package's name.
const commands = readJson(path.join(repoRoot, 'packages/cli/oclif.manifest.json'));
for (const c of Object.values(commands.commands)) c.pluginName = 'pqready';
writeFileSync(path.join(stage, 'oclif.manifest.json'), `${JSON.stringify(commands, null, 2)}\n`);
const manifest = {
  name: 'pqready',
  version: cli.version,
  description:
    'Post-quantum cryptography migration readiness for firmware and medical-device teams: inventory, CBOM, bench, plan.',
  type: 'module',
  ...(cli.homepage ? { homepage: cli.homepage } : {}),
  license: root.license ?? cli.license ?? 'UNLICENSED',
  engines: root.engines,
  bin: cli.bin,
  files: ['bin', 'dist', 'lib', 'schemas', 'oclif.manifest.json'],
  oclif: cli.oclif,
  dependencies: Object.fromEntries(Object.entries(registryDeps).sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
mkdirSync(dest, { recursive: true });
const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dest], { cwd: stage, encoding: 'utf8' })
  .trim()
  .split('\n')
  .at(-1);
rmSync(stage, { recursive: true, force: true });
console.log(path.join(dest, out));
