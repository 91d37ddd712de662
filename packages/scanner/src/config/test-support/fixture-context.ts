/**
 * Test support for the config detectors: a DetectContext over a fixture directory (or in-memory files),
 * and a runner that applies a detector the way the scan runner does (accepts → detect / scanAll).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic, Finding, ProtocolFinding } from '@pqready/core';
import type { DetectContext, Detector, FileHead, ScanFile, ScanOptions } from '../../detectors/types.js';
import { makeScanFile } from '../../runner/scan-file.js';

export function listFiles(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name !== 'expected.json' && name !== 'assume.json')
        out.set(relative(dir, abs).split(sep).join('/'), new Uint8Array(readFileSync(abs)));
    }
  };
  walk(dir);
  return out;
}

/** A FileHead for `accepts` tests: only the path and the first bytes matter. */
export function fileHead(path: string, text: string | Uint8Array): FileHead {
  const head = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { path, absPath: `/x/${path}`, size: head.length, head };
}

/** The files of a detector's `fixtures/<name>` directory. */
export function detectorFixture(detectorDir: string, name: string): Map<string, Uint8Array> {
  return listFiles(join(detectorDir, 'fixtures', name));
}

export function memoryFiles(files: Record<string, string | Uint8Array>): Map<string, Uint8Array> {
  return new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
}

/** The runner's own ScanFile, so detectors see exactly what a real scan hands them. */
function scanFile(path: string, bytes: Uint8Array): ScanFile {
  return makeScanFile({ path, absPath: `/fixture/${path}`, size: bytes.length }, bytes);
}

/** The scan root of fixture contexts: files outside the scan are given by absolute paths outside it. */
export const FIXTURE_ROOT = '/scan';

export async function runConfigDetector(
  detector: Detector,
  files: Map<string, Uint8Array>,
  assume: Record<string, string> = {},
  extra: Partial<ScanOptions> = {},
  outside: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<{ findings: Finding[]; diagnostics: Diagnostic[]; accepted: string[] }> {
  const heads = new Map<string, FileHead>();
  for (const [p, b] of files) heads.set(p, scanFile(p, b));
  const options: ScanOptions = { defines: {}, assume, followIncludesOutside: false, jobs: 1, ...extra };
  const ctx: DetectContext = {
    scanTime: new Date('2026-01-01T00:00:00Z'),
    options,
    scanRoot: FIXTURE_ROOT,
    files: heads,
    readFile: async (p) => {
      const b = files.get(p);
      return b ? scanFile(p, b) : undefined;
    },
    // Like the runner: files outside the scan root only with followIncludesOutside, paths written from the root.
    readOutside: async (abs) => {
      const b = options.followIncludesOutside ? outside.get(abs) : undefined;
      return b ? scanFile(relative(FIXTURE_ROOT, abs).split(sep).join('/'), b) : undefined;
    },
    listOutside: async (dir) =>
      options.followIncludesOutside
        ? [...outside.keys()]
            .filter((k) => k.startsWith(`${dir}/`) && !k.slice(dir.length + 1).includes('/'))
            .map((k) => k.slice(dir.length + 1))
        : undefined,
  };
  const accepted = [...heads.values()].filter((h) => detector.accepts(h));
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  if (detector.scanAll) {
    for await (const r of detector.scanAll(accepted, ctx)) {
      findings.push(...r.findings);
      diagnostics.push(...r.diagnostics);
    }
  } else {
    for (const h of accepted) {
      const r = await detector.detect!(scanFile(h.path, files.get(h.path)!), ctx);
      findings.push(...r.findings);
      diagnostics.push(...r.diagnostics);
    }
  }
  return { findings, diagnostics, accepted: accepted.map((h) => h.path) };
}

/** The comparable summary of a protocol finding used by expected.json files. */
export function summarize(f: Finding): Record<string, unknown> {
  if (f.kind === 'algorithm')
    return {
      context: f.context,
      state: f.state,
      origin: f.origin,
      at: `${f.evidence.path}:${f.evidence.line}`,
      ...(f.properties?.['config.setting'] ? { setting: f.properties['config.setting'] } : {}),
      kind: 'algorithm',
      algorithm: f.algorithm,
      ...(f.notes ? { notes: f.notes } : {}),
    };
  const p = f as ProtocolFinding;
  return {
    setting: p.properties?.['config.setting'],
    context: p.context,
    state: p.state,
    origin: p.origin,
    at: `${p.evidence.path}:${p.evidence.line}`,
    type: p.protocol.type,
    versions: p.protocol.versions,
    flags: p.protocol.flags ?? [],
    suites: p.protocol.cipherSuites.map((s) => s.openssl ?? s.name),
    groups: p.protocol.groups.map((g) => g.name),
    ...(p.protocol.signatureAlgorithms.length > 0
      ? { sigalgs: p.protocol.signatureAlgorithms.map((g) => g.name) }
      : {}),
    ...(p.protocol.algorithms && p.protocol.algorithms.length > 0
      ? { algorithms: p.protocol.algorithms.map((a) => a.parameterSet ?? a.id) }
      : {}),
    ...(p.protocol.references && p.protocol.references.length > 0
      ? { references: p.protocol.references.map((r) => `${r.directive}=${r.path}`) }
      : {}),
  };
}

/** One line per setting finding: scope, setting, state, origin and where (`dovecot versions active explicit a.conf:5`). */
export function settingRow(f: Finding): string {
  return [f.context, f.properties?.['config.setting'], f.state, f.origin, `${f.evidence.path}:${f.evidence.line}`].join(
    ' ',
  );
}
