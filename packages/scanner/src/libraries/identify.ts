/**
 * Which crypto libraries a tree vendors, and in which version: each library's own header declares its version
 * (`#define MBEDTLS_VERSION_STRING "3.6.2"`, `LIBWOLFSSL_VERSION_STRING`, `OPENSSL_VERSION_TEXT` …). The headers
 * and macros are catalog data (`CRYPTO_LIBRARIES`); this module only finds and reads them. A copy's root is the
 * directory above the header's own folder and above `include/`, so that findings inside the copy can be tied
 * to it.
 */
import { CRYPTO_LIBRARIES, type LibraryFacts, type VersionFileRow } from '@pqready/core';
import type { FileHead, ScanFile } from '../detectors/types.js';

/** A declared version: digits first, then what releases append (`1.1.1w`, `5.7.0`, `0.10.1-rc1`). */
const VERSION = /^[0-9]+(\.[0-9A-Za-z]+)*(-[0-9A-Za-z.]+)?$/;
const MAX_SNIPPET = 200;

interface Candidate {
  readonly id: string;
  readonly row: VersionFileRow;
  readonly file: FileHead;
}

function copyRoot(path: string, versionFile: string): string {
  const dir = path.slice(0, path.length - versionFile.length).replace(/\/$/, '');
  return dir === 'include' ? '' : dir.replace(/\/include$/, '');
}

function defineOf(text: string, macro: string): { value: string; line: number; snippet: string } | undefined {
  const re = new RegExp(`^[ \\t]*#[ \\t]*define[ \\t]+${macro}[ \\t]+"([^"\\n]*)"`, 'm');
  const m = re.exec(text);
  if (!m) return undefined;
  const line = text.slice(0, m.index).split('\n').length;
  return { value: m[1]!, line, snippet: m[0].trim().slice(0, MAX_SNIPPET) };
}

export async function identifyLibraries(
  files: ReadonlyMap<string, FileHead>,
  readFile: (path: string) => Promise<ScanFile | undefined>,
): Promise<LibraryFacts[]> {
  const candidates: Candidate[] = [];
  for (const file of files.values()) {
    if (file.aliasOf !== undefined) continue;
    for (const lib of CRYPTO_LIBRARIES) {
      for (const row of lib.versionFiles ?? []) {
        if (file.path === row.file || file.path.endsWith(`/${row.file}`)) candidates.push({ id: lib.id, row, file });
      }
    }
  }
  const found = new Map<string, LibraryFacts>();
  for (const c of candidates.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0))) {
    const root = copyRoot(c.file.path, c.row.file);
    if (found.has(`${c.id}\u0000${root}`)) continue;
    const scanned = await readFile(c.file.path);
    const define = scanned ? defineOf(scanned.text(), c.row.macro) : undefined;
    if (!define) continue;
    const version = c.row.pattern ? c.row.pattern.exec(define.value)?.[1] : define.value.trim();
    if (!version || !VERSION.test(version)) continue;
    found.set(`${c.id}\u0000${root}`, {
      id: c.id,
      version,
      root,
      evidence: {
        path: c.file.path,
        line: define.line,
        snippet: define.snippet,
        ...(scanned ? { fileSha256: scanned.sha256 } : {}),
      },
    });
  }
  return [...found.values()];
}
