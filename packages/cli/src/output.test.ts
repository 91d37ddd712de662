import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutput, writeFileAtomically } from './output.js';

describe('writeFileAtomically', () => {
  it('replaces a file, and the file behind a symbolic link without replacing the link', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-output-'));
    const file = path.join(dir, 'out.json');
    await writeFileAtomically(file, 'one');
    expect(readFileSync(file, 'utf8')).toBe('one');
    writeFileSync(path.join(dir, 'real.json'), 'old');
    symlinkSync('real.json', path.join(dir, 'link.json'));
    await writeFileAtomically(path.join(dir, 'link.json'), 'two');
    expect(readlinkSync(path.join(dir, 'link.json'))).toBe('real.json');
    expect(readFileSync(path.join(dir, 'real.json'), 'utf8')).toBe('two');
  });

  it('writes a FIFO (as `-o /dev/stdout` is) in place instead of renaming over it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-fifo-'));
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk) => {
      read += chunk;
    });
    const closed = new Promise((resolve) => reader.on('close', resolve));
    await writeFileAtomically(fifo, 'through the pipe');
    await closed;
    expect(read).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('writeFileAtomically, interrupted', () => {
  const built = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist/output.js');
  it.skipIf(!existsSync(built))(
    'removes its temporary file on SIGINT and SIGTERM, and ends by the signal',
    async () => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        const dir = mkdtempSync(path.join(tmpdir(), 'pqready-signal-'));
        // Writes one chunk of a stream that never ends: the temporary file exists and stays open.
        const script = `import { writeFileAtomically } from ${JSON.stringify(built)};
        async function* slow() { yield 'first chunk'; await new Promise(() => setInterval(() => {}, 1000)); }
        await writeFileAtomically(${JSON.stringify(path.join(dir, 'out.json'))}, slow());`;
        const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
        const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
        for (let i = 0; i < 200 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
        expect(readdirSync(dir)[0]).toMatch(/^\.out\.json\.\d+\.[0-9a-f]+\.tmp$/);
        child.kill(signal);
        expect(await ended).toBe(signal);
        expect(readdirSync(dir)).toEqual([]);
      }
    },
  );
});

describe('checkOutput', () => {
  it('refuses an existing file of the scanned tree, accepts an earlier output there and leaves both out of the walk', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pqready-check-'));
    writeFileSync(path.join(root, 'ca.pem'), '-----BEGIN CERTIFICATE-----\n');
    await expect(checkOutput(path.join(root, 'ca.pem'), [root])).rejects.toThrow(/file of the scanned tree/);
    writeFileSync(path.join(root, 'old.cdx.json'), '{\n  "$schema": "x",\n  "bomFormat": "CycloneDX",\n');
    const scope = await checkOutput(path.join(root, 'old.cdx.json'), [root]);
    expect(scope.skipPaths).toContain(path.join(root, 'old.cdx.json'));
    expect(scope.skipTempPrefixes).toContain(path.join(root, '.old.cdx.json.'));
    // Outside the roots any file may be replaced: the user named it.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'pqready-check-'));
    writeFileSync(path.join(elsewhere, 'notes.json'), '{"mine": true}');
    await expect(checkOutput(path.join(elsewhere, 'notes.json'), [root])).resolves.toBeDefined();
  });

  it('refuses a directory that does not exist, or a directory as the output', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pqready-check-'));
    await expect(checkOutput(path.join(root, 'no/such/out.json'), [root])).rejects.toThrow(/does not exist/);
    await expect(checkOutput(root, [root])).rejects.toThrow(/is a directory/);
  });
});
