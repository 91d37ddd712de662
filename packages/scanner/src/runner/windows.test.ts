import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { context } from '../../test-support/pki.js';
import { x509Certificate } from '../detectors/x509-certificate/index.js';
import { readDirectives } from './directives.js';
import { scan } from './scan.js';
import { makeScanFile } from './scan-file.js';
import { detectInWindows, WINDOW_BYTES } from './windows.js';

const bundle = readFileSync(
  fileURLToPath(new URL('../detectors/x509-certificate/fixtures/bundle-with-text.pem', import.meta.url)),
);
/** The first certificate of the fixture bundle, as a PEM block. */
const pem = (() => {
  const text = bundle.toString('latin1');
  const end = '-----END CERTIFICATE-----';
  return Buffer.from(text.slice(text.indexOf('-----BEGIN CERTIFICATE-----'), text.indexOf(end) + end.length), 'latin1');
})();

/** A binary image (NUL bytes, a few newlines) of `size` bytes with `pem` written at `at`. */
function image(size: number, at: number): Buffer {
  const bytes = Buffer.alloc(size, 0);
  for (let i = 100; i < size; i += 4096) bytes[i] = 10;
  pem.copy(bytes, at);
  return bytes;
}

function writeTemp(name: string, bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-windows-')), name);
  writeFileSync(file, bytes);
  return file;
}

const certificates = (r: { findings: readonly { detector: string; evidence: object }[] }) =>
  r.findings.filter((f) => f.detector === 'x509-certificate').map((f) => f.evidence);

describe('detectInWindows', () => {
  it('finds an object across a window boundary once, at the same line and offset as a whole-file read', async () => {
    const window = 64 * 1024;
    const overlap = 8 * 1024;
    // Starts just before the first window's overlap, ends inside the second window; then one in the overlap itself.
    for (const at of [window - overlap - 200, window - overlap + 10, window - 100, 3 * window]) {
      const bytes = image(4 * window + 123, at);
      const absPath = writeTemp('fw.bin', bytes);
      const ctx = context();
      const whole = await x509Certificate.detect!(
        makeScanFile({ path: 'fw.bin', absPath, size: bytes.length }, new Uint8Array(bytes)),
        ctx,
      );
      const head = { path: 'fw.bin', absPath, size: bytes.length, head: new Uint8Array(bytes.subarray(0, 4096)) };
      const windowed = await detectInWindows(head, async (file) => x509Certificate.detect!(file, ctx), window, overlap);
      expect(certificates(whole).length).toBeGreaterThan(0);
      expect(certificates(windowed)).toEqual(certificates(whole));
      expect(windowed.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('scan of a large image', () => {
  it('finds the certificate in a 17 MiB firmware image, and names files above --max-file-size', async () => {
    const size = 17 * 1024 * 1024;
    expect(size).toBeGreaterThan(WINDOW_BYTES);
    const bytes = image(size, size - 4096 - pem.length);
    const file = writeTemp('firmware.img', bytes);
    const root = path.dirname(file);
    writeFileSync(path.join(root, 'huge.bin'), Buffer.alloc(2 * 1024 * 1024));
    const scanTime = new Date('2026-01-01T00:00:00Z');
    const inv = await scan({ roots: [root], scanTime, detectors: [x509Certificate], maxFileBytes: size });
    const found = inv.findings.filter((f) => f.detector === 'x509-certificate' && f.evidence.path === 'firmware.img');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.evidence.offset).toBe(size - 4096 - pem.length);
    expect(found[0]!.evidence.fileSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(inv.diagnostics.filter((d) => d.code === 'file-too-large')).toEqual([]);
    const capped = await scan({ roots: [root], scanTime, detectors: [x509Certificate], maxFileBytes: 1024 * 1024 });
    expect(capped.diagnostics.filter((d) => d.code === 'file-too-large').map((d) => d.path)).toEqual([
      'firmware.img',
      'huge.bin',
    ]);
  });
});

describe('suppression comments in a file read window by window', () => {
  it('finds the same directives, on the same lines, as reading the whole file', async () => {
    // Lines of every length around the window edges, with directives (good and malformed) scattered among them.
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) {
      const kind = rnd(9);
      if (kind === 0) lines.push(`# pqready-ignore rsa -- accepted on line ${i}`);
      else if (kind === 1) lines.push(`// pqready-ignore broken-hash`);
      else lines.push('x'.repeat(rnd(120)));
    }
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const file = writeTemp('big.txt', bytes);
    const whole = readDirectives('big.txt', bytes);
    expect(whole.directives.length).toBeGreaterThan(20);
    expect(whole.diagnostics.length).toBeGreaterThan(20);
    for (const [window, overlap] of [
      [1024, 256],
      [997, 300],
      [4096, 1024],
    ] as const) {
      const head = { path: 'big.txt', absPath: file, size: bytes.length, head: bytes.subarray(0, 4096) };
      const r = await detectInWindows(head, async () => ({ findings: [], diagnostics: [] }), window, overlap);
      expect(r.directives, `${window}/${overlap}`).toEqual(whole.directives);
      expect(r.directiveDiagnostics, `${window}/${overlap}`).toEqual(whole.diagnostics);
    }
  });

  it('reads none in a binary image, as for a whole file', async () => {
    const bytes = image(8192 * 3, 5000);
    Buffer.from('\n// pqready-ignore rsa -- in a binary\n').copy(bytes, 9000);
    const head = {
      path: 'fw.bin',
      absPath: writeTemp('fw.bin', bytes),
      size: bytes.length,
      head: bytes.subarray(0, 4096),
    };
    const r = await detectInWindows(head, async () => ({ findings: [], diagnostics: [] }), 4096, 1024);
    expect(readDirectives('fw.bin', bytes).directives).toEqual([]);
    expect(r.directives).toEqual([]);
  });
});
