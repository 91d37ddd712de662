import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IgnoreOptions } from './ignore.js';
import { walk } from './walk.js';

/** Writes `files` (path → content) under a fresh folder and returns it. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pqready-ignore-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

async function walked(root: string, options: IgnoreOptions) {
  const files: string[] = [];
  const ignored: string[] = [];
  for await (const e of walk([root], undefined, options)) {
    if (e.file) files.push(e.file.path);
    if (e.ignored) ignored.push(`${e.ignored.path}${e.ignored.directory ? '/' : ''}`);
  }
  return { files, ignored };
}

describe('ignore files and exclude patterns', () => {
  const files = {
    '.gitignore': 'build/\n*.o\n!keep.o\n',
    'src/a.c': '',
    'src/a.o': '',
    'src/keep.o': '',
    'build/out.pem': '',
    'vendor/.gitignore': 'generated.h\n',
    'vendor/lib/generated.h': '',
    'vendor/lib/x.h': '',
    'certs/dev.pem': '',
    'certs/prod.pem': '',
  };

  it('walks everything when asked to ignore nothing', async () => {
    const { files: f, ignored } = await walked(tree(files), {});
    expect(f).toHaveLength(10);
    expect(ignored).toEqual([]);
  });

  it('honours .gitignore at the root and in sub-folders, with negation, and never enters an ignored folder', async () => {
    const { files: f, ignored } = await walked(tree(files), { gitignore: true });
    expect(f.sort()).toEqual(
      [
        '.gitignore',
        'certs/dev.pem',
        'certs/prod.pem',
        'src/a.c',
        'src/keep.o',
        'vendor/.gitignore',
        'vendor/lib/x.h',
      ].sort(),
    );
    expect(ignored.sort()).toEqual(['build/', 'src/a.o', 'vendor/lib/generated.h']);
  });

  it('applies exclude patterns relative to the root, after the ignore files', async () => {
    const { files: f } = await walked(tree(files), { gitignore: true, exclude: ['certs/dev.*', 'vendor/'] });
    expect(f.sort()).toEqual(['.gitignore', 'certs/prod.pem', 'src/a.c', 'src/keep.o']);
  });

  it('lets .pqreadyignore bring back what git ignores, and leave out more', async () => {
    // A folder and its content are two paths to git's rules: both come back.
    const root = tree({ ...files, '.pqreadyignore': '!build/\n!build/**\ncerts/dev.pem\n' });
    const { files: f } = await walked(root, { gitignore: true, pqreadyignore: true });
    expect(f).toContain('build/out.pem');
    expect(f).not.toContain('certs/dev.pem');
    const off = await walked(root, { gitignore: true });
    expect(off.files).not.toContain('build/out.pem');
  });

  it('reads .gitignore files above the root up to the repository top, paths relative to where each sits', async () => {
    const repo = tree({ '.gitignore': 'fw/secret/\n*.bak\n', 'fw/a.c': '', 'fw/a.c.bak': '', 'fw/secret/k.pem': '' });
    mkdirSync(path.join(repo, '.git'));
    writeFileSync(path.join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    mkdirSync(path.join(repo, '.git', 'info'));
    writeFileSync(path.join(repo, '.git', 'info', 'exclude'), 'fw/local.h\n');
    writeFileSync(path.join(repo, 'fw', 'local.h'), '');
    const { files: f, ignored } = await walked(path.join(repo, 'fw'), { gitignore: true });
    expect(f).toEqual(['a.c']);
    expect(ignored.sort()).toEqual(['a.c.bak', 'local.h', 'secret/']);
  });

  it('does not read .gitignore files above the root outside a repository', async () => {
    const outer = tree({ '.gitignore': '*.c\n', 'inner/a.c': '' });
    const { files: f } = await walked(path.join(outer, 'inner'), { gitignore: true });
    expect(f).toEqual(['a.c']);
  });
});
