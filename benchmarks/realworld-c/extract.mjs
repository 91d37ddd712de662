// Extracts the pinned trees of manifest.json from local git snapshots (no network):
//   node benchmarks/realworld-c/extract.mjs <snapshots-root> <dest> [--manifest FILE]
// <snapshots-root> holds one git directory per repository as `<owner>+<name>/repo` (bare or with .git).
// Each tree lands in <dest>/<tree name>, restricted to the manifest's `paths`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const manifestAt = argv.indexOf('--manifest');
const manifestPath = manifestAt >= 0 ? resolve(argv.splice(manifestAt, 2)[1] ?? '') : undefined;
const [snapshots, dest] = argv;
if (!snapshots || !dest) {
  console.error('usage: node extract.mjs <snapshots-root> <dest> [--manifest FILE]');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath ?? new URL('./manifest.json', import.meta.url), 'utf8'));
for (const t of manifest.trees) {
  const base = join(snapshots, t.repo.replace('/', '+'), 'repo');
  const gitDir = existsSync(join(base, '.git')) ? join(base, '.git') : base;
  if (!existsSync(gitDir)) {
    console.error(`${t.name}: no snapshot at ${gitDir}, skipped`);
    continue;
  }
  const out = join(dest, t.name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tar = execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', t.commit, '--', ...t.paths], {
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', out], { input: tar });
  console.log(`${t.name}: ${t.repo}@${t.commit.slice(0, 12)} → ${out}`);
}
