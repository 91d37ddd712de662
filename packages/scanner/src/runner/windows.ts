/**
 * Large files in bounded memory: a file larger than `WINDOW_BYTES` is read as overlapping windows, handed one at a
 * time to the detectors that find self-contained objects (`Detector.streams`), and what they report is moved to the
 * whole file's lines and byte offsets. Each object is kept by the one window where it starts before the overlap
 * (the next window starts there and holds it whole), so an object up to `OVERLAP_BYTES` long that crosses a window
 * boundary is found once; a longer one is found only when it fits in one window.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Diagnostic, Finding, SuppressionDirective } from '@pqready/core';
import type { DetectResult, FileHead, ScanFile } from '../detectors/types.js';
import { looksBinaryForDirectives, readDirectiveLines } from './directives.js';
import { HEAD_BYTES } from './scan-file.js';

/** Files above this size are read window by window (16 MiB: the memory one file may take at once). */
export const WINDOW_BYTES = 16 * 1024 * 1024;
/** Consecutive windows share this much: a certificate chain or key in PEM is a few KiB, a large CRL under 1 MiB. */
const OVERLAP_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** The 1-based line at byte `at` of `bytes`. */
const lineAt = (bytes: Uint8Array, at: number): number => countNewlines(bytes, at) + 1;

interface WindowedResult extends DetectResult {
  /** SHA-256 of the whole file, computed as it was read. */
  readonly sha256: string;
  /** The file's suppression comments (`directives.ts`), read window by window as for a whole file. */
  readonly directives: readonly SuppressionDirective[];
  /** Warnings about malformed suppression comments. */
  readonly directiveDiagnostics: readonly Diagnostic[];
}

/**
 * Runs `detect` over each window of a large file and returns what it found, placed in the whole file. `window` and
 * `overlap` are parameters for tests; the runner uses the defaults.
 */
export async function detectInWindows(
  head: FileHead,
  detect: (file: ScanFile) => Promise<DetectResult>,
  window = WINDOW_BYTES,
  overlap = OVERLAP_BYTES,
): Promise<WindowedResult> {
  const step = window - overlap;
  const hash = createHash('sha256');
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  const fileHead = head.head.subarray(0, HEAD_BYTES);
  const directives: SuppressionDirective[] = [];
  const directiveDiagnostics: Diagnostic[] = [];
  let binary = false;
  /** Whether the previous window's owned part ended at a line end (then this window's first line is its own). */
  let atLineStart = true;
  const handle = await open(head.absPath, 'r');
  try {
    let linesBefore = 0;
    for (let start = 0; ; start += step) {
      const bytes = new Uint8Array(window);
      let length = 0;
      while (length < window) {
        const { bytesRead } = await handle.read(bytes, length, window - length, start + length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      const view = bytes.subarray(0, length);
      const last = start + length >= head.size || length < window;
      // What this window owns: objects starting before the overlap, or anything in the last window.
      const keepBefore = last ? length : step;
      // The bytes before `step` are new to the hash; the rest come again at the start of the next window.
      hash.update(view.subarray(0, keepBefore));
      const keepLine = lineAt(view, keepBefore);
      if (start === 0) binary = looksBinaryForDirectives(view);
      if (!binary) {
        // The lines that start in this window's owned part, each read whole (a line crossing into the overlap ends
        // there; lines are far shorter than the overlap).
        const from = atLineStart ? 0 : view.indexOf(10) + 1;
        const newline = last ? -1 : view.indexOf(10, keepBefore - 1);
        const to = newline < 0 ? length : newline;
        if (from > 0 || atLineStart) {
          const found = readDirectiveLines(
            head.path,
            view.subarray(from, Math.max(from, to)),
            linesBefore + lineAt(view, from),
          );
          directives.push(...found.directives);
          directiveDiagnostics.push(...found.diagnostics);
        }
        atLineStart = view[keepBefore - 1] === 10;
      }
      let text: string | undefined;
      const file: ScanFile = {
        path: head.path,
        absPath: head.absPath,
        size: head.size,
        ...(head.aliasOf ? { aliasOf: head.aliasOf } : {}),
        head: fileHead,
        bytes: view,
        sha256: '',
        window: { offset: start },
        text() {
          text ??= utf8.decode(view);
          return text;
        },
      };
      const result = await detect(file);
      const owned = (line: number | undefined, offset: number | undefined): boolean =>
        last || (offset !== undefined ? offset < keepBefore : (line ?? 1) < keepLine);
      for (const f of result.findings) {
        if (!owned(f.evidence.line, f.evidence.offset)) continue;
        const { line, offset } = f.evidence;
        findings.push({
          ...f,
          evidence: {
            ...f.evidence,
            ...(line === undefined ? {} : { line: line + linesBefore }),
            ...(offset === undefined ? {} : { offset: offset + start }),
          },
        } as Finding);
      }
      for (const d of result.diagnostics) {
        if (!owned(d.line, undefined)) continue;
        diagnostics.push(d.line === undefined ? d : { ...d, line: d.line + linesBefore });
      }
      if (last) break;
      linesBefore += keepLine - 1;
    }
  } finally {
    await handle.close();
  }
  const sha256 = hash.digest('hex');
  // Detectors copy `file.sha256`, unknown until the last window is read.
  const hashed = findings.map((f) =>
    f.evidence.fileSha256 === '' ? ({ ...f, evidence: { ...f.evidence, fileSha256: sha256 } } as Finding) : f,
  );
  return { findings: hashed, diagnostics, sha256, directives, directiveDiagnostics };
}
