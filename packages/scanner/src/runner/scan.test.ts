import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { nginxTls } from '../detectors/nginx-tls/index.js';
import type { Detector } from '../detectors/types.js';
import { scan } from './scan.js';
import { rootNames } from './walk.js';

const scanTime = new Date('2026-01-01T00:00:00Z');

/** A detector that reports one finding per line containing "RSA" (test double for the runner only). */
const lineDetector: Detector = {
  id: 'test-lines',
  summary: 'test',
  accepts: (f) => f.path.endsWith('.txt'),
  detect: (file) => ({
    findings: file
      .text()
      .split('\n')
      .flatMap((line, i): Finding[] =>
        line.includes('RSA')
          ? [
              {
                kind: 'algorithm',
                detector: 'test-lines',
                role: 'api-call',
                algorithm: { id: 'rsa' },
                evidence: { path: file.path, line: i + 1 },
              },
            ]
          : [],
      ),
    diagnostics: [],
  }),
};

const throwingDetector: Detector = {
  id: 'test-throws',
  summary: 'test',
  accepts: () => true,
  detect: () => {
    throw new Error('boom\n    at secret/stack/frame.js:1:1');
  },
};

function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pqready-walk-'));
  mkdirSync(path.join(root, 'a/b'), { recursive: true });
  writeFileSync(path.join(root, 'a/one.txt'), 'RSA\nnothing\nRSA again\n');
  writeFileSync(path.join(root, 'a/b/two.txt'), 'RSA\n');
  writeFileSync(path.join(root, 'empty.txt'), '');
  writeFileSync(path.join(root, 'big.bin'), Buffer.alloc(2048, 1));
  symlinkSync(root, path.join(root, 'a/b/loop'));
  symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling'));
  execFileSync('mkfifo', [path.join(root, 'fifo')]);
  return root;
}

describe('scan runner', () => {
  it('finds every occurrence, with POSIX paths relative to the root and file hashes', async () => {
    const root = tree();
    const inv = await scan({ roots: [root], scanTime, detectors: [lineDetector], maxFileBytes: 1024 });
    expect(inv.findings.map((f) => `${f.evidence.path}:${f.evidence.line}`)).toEqual([
      'a/b/two.txt:1',
      'a/one.txt:1',
      'a/one.txt:3',
    ]);
    expect(inv.findings.every((f) => /^[0-9a-f]{64}$/.test(f.evidence.fileSha256 ?? ''))).toBe(true);
    expect(inv.scannedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('turns symlink loops, dangling links, oversized and special files into diagnostics and goes on', async () => {
    const root = tree();
    const inv = await scan({ roots: [root], scanTime, detectors: [lineDetector], maxFileBytes: 1024 });
    const codes = inv.diagnostics.map((d) => `${d.code}@${d.path}`);
    expect(codes).toContain('symlink-loop@a/b/loop');
    expect(codes).toContain('broken-symlink@dangling');
    expect(codes).toContain('file-too-large@big.bin');
    expect(codes).toContain('not-a-regular-file@fifo');
    expect(inv.stats.filesSkipped).toBe(1);
  });

  it('reports a throwing detector as a one-line diagnostic without its stack, and still runs the others', async () => {
    const root = tree();
    const inv = await scan({
      roots: [root],
      scanTime,
      detectors: [throwingDetector, lineDetector],
      maxFileBytes: 1024,
    });
    expect(inv.findings).toHaveLength(3);
    const failures = inv.diagnostics.filter((d) => d.code === 'detector-failed');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((d) => !d.message.includes('frame.js'))).toBe(true);
  });

  it('asks each detector once per file, and re-reads a released head for a tree-wide detector', async () => {
    const root = tree();
    let calls = 0;
    const seenHeads: string[] = [];
    const treeWide: Detector = {
      id: 'test-tree',
      summary: 'test',
      accepts: (f) => {
        calls++;
        return f.path.endsWith('.txt');
      },
      async *scanAll(files) {
        for (const f of files) seenHeads.push(`${f.path}=${new TextDecoder().decode(f.head).slice(0, 3)}`);
        yield { findings: [], diagnostics: [] };
      },
    };
    const inv = await scan({ roots: [root], scanTime, detectors: [treeWide], maxFileBytes: 1024 });
    expect(calls).toBe(inv.stats.filesScanned);
    expect(seenHeads.sort()).toEqual(['a/b/two.txt=RSA', 'a/one.txt=RSA', 'empty.txt=']);
  });

  it('keeps a symlinked file as an alias: resolvable by its other name, detected once', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pqready-alias-'));
    mkdirSync(path.join(root, 'sites-available'));
    mkdirSync(path.join(root, 'sites-enabled'));
    writeFileSync(path.join(root, 'sites-available/site.txt'), 'RSA\n');
    symlinkSync('../sites-available/site.txt', path.join(root, 'sites-enabled/site.txt'));
    const seen: string[] = [];
    const resolver: Detector = {
      id: 'test-resolver',
      summary: 'test',
      accepts: () => true,
      async *scanAll(_files, ctx) {
        const viaAlias = await ctx.readFile('sites-enabled/site.txt');
        seen.push(`${ctx.files.get('sites-enabled/site.txt')?.aliasOf}|${viaAlias?.text().trim()}`);
        yield { findings: [], diagnostics: [] };
      },
    };
    const inv = await scan({ roots: [root], scanTime, detectors: [lineDetector, resolver] });
    expect(inv.findings.map((f) => f.evidence.path)).toEqual(['sites-available/site.txt']);
    expect(seen).toEqual(['sites-available/site.txt|RSA']);
    expect(inv.stats.filesScanned).toBe(1);
  });

  it('is deterministic: two scans of the same tree are identical', async () => {
    const root = tree();
    const a = await scan({ roots: [root], scanTime, detectors: [lineDetector] });
    const b = await scan({ roots: [root], scanTime, detectors: [lineDetector] });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('scans a single file root and reports a missing root as an error diagnostic', async () => {
    const root = tree();
    const inv = await scan({
      roots: [path.join(root, 'a/one.txt'), path.join(root, 'nope')],
      scanTime,
      detectors: [lineDetector],
    });
    expect(inv.findings).toHaveLength(2);
    expect(inv.diagnostics.some((d) => d.code === 'root-unreadable' && d.severity === 'error')).toBe(true);
  });
});

describe('scan roots', () => {
  it('names roots by base name, adds parent folders only where two would clash, never by spelling', () => {
    const cwd = process.cwd();
    expect(rootNames(['fw', './fw/', path.join(cwd, 'fw')])).toEqual(['fw', 'fw', 'fw']);
    expect(rootNames(['/x/a/src', '/x/b/src', '/x/lib'])).toEqual(['a/src', 'b/src', 'lib']);
    expect(rootNames(['/x/a/src'], true)).toEqual(['/x/a/src']);
    expect(rootNames(['/'])).toEqual(['/']);
  });

  it('writes paths relative to the root, prefixed with its name when there are several roots', async () => {
    const root = tree();
    const other = mkdtempSync(path.join(tmpdir(), 'pqready-other-'));
    writeFileSync(path.join(other, 'three.txt'), 'RSA\n');
    const one = await scan({ roots: [root], scanTime, detectors: [lineDetector] });
    expect(one.roots).toEqual([path.basename(root)]);
    expect([...new Set(one.findings.map((f) => f.evidence.path))]).toEqual(['a/b/two.txt', 'a/one.txt']);
    const two = await scan({
      roots: [root, other, path.join(other, 'three.txt')],
      scanTime,
      detectors: [lineDetector],
    });
    const names = two.roots;
    expect(names).toEqual([path.basename(root), path.basename(other), 'three.txt']);
    expect([...new Set(two.findings.map((f) => f.evidence.path))].sort()).toEqual(
      [`${names[0]}/a/b/two.txt`, `${names[0]}/a/one.txt`, `${names[1]}/three.txt`].sort(),
    );
    // The same root spelled from the working directory gives the same inventory.
    const spelled = await scan({
      roots: [`${path.relative(process.cwd(), root)}/`],
      scanTime,
      detectors: [lineDetector],
    });
    expect(JSON.stringify(spelled)).toBe(JSON.stringify(one));
  });

  it('maps absolute config includes through each root, with one root or several', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'pqready-roots-'));
    const nginx = path.join(base, 'srv', 'nginx');
    const other = path.join(base, 'opt', 'ssl');
    mkdirSync(path.join(nginx, 'snippets'), { recursive: true });
    mkdirSync(other, { recursive: true });
    writeFileSync(
      path.join(nginx, 'nginx.conf'),
      `http {\n  server {\n    listen 443 ssl;\n    include ${nginx}/snippets/tls.conf;\n    include ${nginx}/missing.conf;\n  }\n}\n`,
    );
    writeFileSync(path.join(nginx, 'snippets', 'tls.conf'), 'ssl_ecdh_curve X25519:prime256v1;\n');
    writeFileSync(path.join(other, 'ssl.conf'), 'ssl_protocols TLSv1.2;\n');
    const groupsAt = (inv: { findings: readonly Finding[] }) =>
      inv.findings
        .filter((f) => f.kind === 'protocol' && f.protocol.groups.length > 0 && f.origin === 'explicit')
        .map((f) => `${f.evidence.path}:${f.evidence.line} ${f.context}`);
    const codes = (inv: { diagnostics: readonly { code: string; path?: string }[] }) =>
      inv.diagnostics.filter((d) => d.code.startsWith('include')).map((d) => `${d.code} ${d.path}`);

    const one = await scan({ roots: [nginx], scanTime, detectors: [nginxTls] });
    expect(groupsAt(one)).toContain('snippets/tls.conf:1 http > server[_:443]');
    expect(codes(one)).toEqual(['include-not-found nginx.conf']);

    const two = await scan({ roots: [nginx, other], scanTime, detectors: [nginxTls] });
    expect(two.roots).toEqual(['nginx', 'ssl']);
    expect(groupsAt(two)).toContain('nginx/snippets/tls.conf:1 http > server[_:443]');
    // A file its root does not hold is missing there, not outside the scan.
    expect(codes(two)).toEqual(['include-not-found nginx/nginx.conf']);
  });
});

describe('per-file and tree-wide detectors running together', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pqready-overlap-'));
  for (let i = 0; i < 12; i++) {
    writeFileSync(path.join(root, `n${i}.txt`), 'RSA\n'.repeat(i + 1));
    writeFileSync(path.join(root, `s${i}.conf`), `server {\n  listen 443 ssl;\n  ssl_protocols TLSv1 TLSv1.2;\n}\n`);
  }
  const detectors = [lineDetector, nginxTls];

  it('shows one progress phase at a time, in order: walk, detect, analyse', async () => {
    const phases: string[] = [];
    const inv = await scan({
      roots: [root],
      scanTime,
      detectors,
      onProgress: (e) => {
        if (phases.at(-1) !== e.phase) phases.push(e.phase);
      },
    });
    expect(inv.findings.some((f) => f.detector === 'test-lines')).toBe(true);
    expect(inv.findings.some((f) => f.detector === nginxTls.id)).toBe(true);
    expect(phases).toEqual(['walk', 'detect', 'analyse']);
  });

  it('gives the same inventory whichever phase finishes first', async () => {
    const slow: Detector = {
      ...lineDetector,
      detect: async (file, ctx) => {
        await new Promise((r) => setTimeout(r, 5));
        return lineDetector.detect!(file, ctx);
      },
    };
    const a = await scan({ roots: [root], scanTime, detectors: [lineDetector, nginxTls] });
    const b = await scan({ roots: [root], scanTime, detectors: [slow, nginxTls] });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
