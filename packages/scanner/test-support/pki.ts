/**
 * Test helpers for the certificate and key detectors: in-memory scan files, a detect context,
 * an OpenSSL CLI wrapper working in a temp directory, and a leak check for private key bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '@pqready/core';
import type { DetectContext, Detector, DetectResult } from '../src/detectors/types.js';
import { makeScanFile } from '../src/runner/scan-file.js';

const SCAN_TIME = new Date('2026-06-01T00:00:00Z');

export function context(scanTime: Date = SCAN_TIME): DetectContext {
  return {
    scanTime,
    options: { defines: {}, assume: {}, followIncludesOutside: false, jobs: 1 },
    files: new Map(),
    readFile: async () => undefined,
    readOutside: async () => undefined,
  };
}

function scanFile(relPath: string, content: Uint8Array | string) {
  const bytes = typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'utf8')) : content;
  return makeScanFile({ path: relPath, absPath: `/virtual/${relPath}`, size: bytes.length }, bytes);
}

/** Runs a detector the way the runner does: `accepts` on the head, then `detect`. */
export async function runDetector(
  detector: Detector,
  relPath: string,
  content: Uint8Array | string,
  scanTime: Date = SCAN_TIME,
): Promise<DetectResult & { accepted: boolean }> {
  const file = scanFile(relPath, content);
  if (!detector.accepts(file)) return { findings: [], diagnostics: [], accepted: false };
  const result = await detector.detect!(file, context(scanTime));
  return { ...result, accepted: true };
}

/** A temp directory where OpenSSL writes its files. */
export class OpensslWorkdir {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'pqready-pki-'));

  run(...args: string[]): string {
    return execFileSync('openssl', args, { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
  }

  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(path.join(this.dir, name)));
  }

  path(name: string): string {
    return path.join(this.dir, name);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every hex and base64 rendering of `secret` that could appear in serialized output. */
export function leakForms(secret: Uint8Array): string[] {
  const buf = Buffer.from(secret);
  return [buf.toString('hex'), buf.toString('hex').toUpperCase(), buf.toString('base64'), buf.toString('base64url')];
}

export function serialize(findings: readonly Finding[], diagnostics: readonly unknown[] = []): string {
  return JSON.stringify({ findings, diagnostics });
}
