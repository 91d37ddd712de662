/**
 * Test helper: a DetectContext over a fixture directory, reading files with the scan runner's own
 * `makeScanFile` (BOM removed, CRLF kept, invalid UTF-8 → U+FFFD).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Finding } from '@pqready/core';
import type { DetectContext, Detector, FileHead, ScanFile, ScanOptions } from '../../detectors/types.js';
import { makeScanFile } from '../../runner/scan-file.js';

export interface MemoryFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export function listFiles(root: string): MemoryFile[] {
  const out: MemoryFile[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) stack.push(abs);
      else out.push({ path: relative(root, abs).split(sep).join('/'), bytes: readFileSync(abs) });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function memoryContext(
  files: readonly MemoryFile[],
  options: Partial<ScanOptions> = {},
): { ctx: DetectContext; heads: FileHead[] } {
  const heads = files.map((f) => ({
    path: f.path,
    absPath: `/mem/${f.path}`,
    size: f.bytes.length,
    head: f.bytes.slice(0, 4096),
  }));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const ctx: DetectContext = {
    scanTime: new Date('2026-01-01T00:00:00Z'),
    options: { defines: {}, assume: {}, followIncludesOutside: false, jobs: 1, ...options },
    files: new Map(heads.map((h) => [h.path, h])),
    async readFile(path: string): Promise<ScanFile | undefined> {
      const f = byPath.get(path);
      return f ? makeScanFile({ path: f.path, absPath: `/mem/${f.path}`, size: f.bytes.length }, f.bytes) : undefined;
    },
    readOutside: async () => undefined,
  };
  return { ctx, heads };
}

/** Runs tree-wide detectors over files and collects findings and diagnostics. */
export async function runDetectors(
  detectors: readonly Detector[],
  files: readonly MemoryFile[],
  options: Partial<ScanOptions> = {},
): Promise<{ findings: Finding[]; diagnostics: import('@pqready/core').Diagnostic[] }> {
  const { ctx, heads } = memoryContext(files, options);
  const findings: Finding[] = [];
  const diagnostics: import('@pqready/core').Diagnostic[] = [];
  for (const d of detectors) {
    const accepted = heads.filter((h) => d.accepts(h));
    for await (const r of d.scanAll!(accepted, ctx)) {
      findings.push(...r.findings);
      diagnostics.push(...r.diagnostics);
    }
  }
  return { findings, diagnostics };
}

/** One annotated or reported finding of the C fixture corpus (`expect: <algorithm> <role> <state>`). */
export interface CorpusRow {
  readonly file: string;
  readonly line: number;
  readonly algorithm: string;
  readonly role: string;
  readonly state: string;
}

export const rowKey = (r: CorpusRow): string => `${r.file}:${r.line} ${r.algorithm} ${r.role} ${r.state}`;

/**
 * The corpus rows of a finding: an algorithm finding is one row; a protocol finding (a suite, group or
 * SSH name list) is one row per algorithm it names (a hybrid without a catalog id by its name).
 */
export function rowsOf(f: import('@pqready/core').Finding): CorpusRow[] {
  if (f.kind === 'algorithm') return [rowOf(f)];
  if (f.kind !== 'protocol') return [];
  const p = f.protocol;
  const refs = [
    ...p.cipherSuites.flatMap((s) => s.algorithms),
    ...p.groups.map((g) => ({ ...g.algorithm, name: g.name })),
    ...p.signatureAlgorithms.map((g) => ({ ...g.algorithm, name: g.name })),
    ...(p.algorithms ?? []),
  ] as (import('@pqready/core').AlgorithmRef & { name?: string })[];
  const ids = new Set(refs.map((a) => (a.id === 'unknown' ? (a.parameterSet ?? a.name ?? 'unknown') : a.id)));
  return [...ids].sort().map((algorithm) => ({
    file: f.evidence.path,
    line: f.evidence.line ?? 0,
    algorithm,
    role: f.role,
    state: f.state ?? 'active',
  }));
}

/** The corpus row of an algorithm finding. */
function rowOf(f: import('@pqready/core').AlgorithmFinding): CorpusRow {
  return {
    file: f.evidence.path,
    line: f.evidence.line ?? 0,
    algorithm: f.algorithm.id,
    role: f.role,
    state: f.state ?? 'active',
  };
}
