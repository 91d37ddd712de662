// Extracts every set of sets/*.json from local git mirrors:
//   node benchmarks/realworld-configs/extract.mjs <mirrors> <out> [--sets DIR]
// (--sets reads the set definitions from DIR instead, e.g. heldout/sets).
// <mirrors> holds one git directory per repository, named <owner>+<name> (with the git data directly in it, in
// repo/, or in repo/.git), or <owner>/<name>. Each set is written to <out>/<set name>/ from its pinned commit, only
// the paths the set lists. <out> must be outside the repository: fetched code is never committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const setsArg = argv.indexOf('--sets');
const setsDir = setsArg >= 0 ? resolve(argv[setsArg + 1] ?? '') : fileURLToPath(new URL('./sets/', import.meta.url));
const [mirrors, out] = argv.filter((a, i) => !a.startsWith('--') && (setsArg < 0 || i !== setsArg + 1));
if (!mirrors || !out) {
  console.error('usage: node benchmarks/realworld-configs/extract.mjs <mirrors dir> <output dir> [--sets DIR]');
  process.exit(2);
}
for (const file of readdirSync(setsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const set = JSON.parse(readFileSync(join(setsDir, file), 'utf8'));
  const [owner, name] = set.repo.split('/');
  const candidates = [`${owner}+${name}/repo/.git`, `${owner}+${name}/repo`, `${owner}+${name}`, `${owner}/${name}`]
    .map((c) => resolve(mirrors, c))
    .filter((c) => existsSync(join(c, 'HEAD')));
  if (candidates.length === 0) {
    console.error(`${set.name}: no mirror of ${set.repo} under ${mirrors}`);
    continue;
  }
  const target = resolve(out, set.name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const tar = execFileSync('git', ['--git-dir', candidates[0], 'archive', set.commit, '--', ...set.paths], {
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', target], { input: tar });
  console.log(`${set.name}: ${set.repo}@${set.commit.slice(0, 12)} → ${target}`);
}
