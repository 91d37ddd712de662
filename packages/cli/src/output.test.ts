import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from './output.js';

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
