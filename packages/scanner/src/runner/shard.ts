/**
 * Splitting one scan into `count` parts (`pqready scan --shard i/n`) that a CI matrix runs side by side, and
 * putting the parts back together (`pqready merge`).
 *
 * The unit of the split is a top-level entry of a scan root (each folder or file directly under it; with several
 * roots, each root's entries; a file root is one unit): in a fleet of repositories side by side, each is a unit.
 * Every shard walks the whole tree (names and sizes), so it computes the same partition as every other shard. It
 * runs the per-file detectors (certificates, keys, binaries) on its own units only. The tree-wide detectors (C
 * analysis, configs with includes and certificate references) read the whole tree except the C sources of other
 * shards, because what one file means depends on others (the configuration a C build selects, an include, a
 * referenced certificate), and each shard keeps only the findings and diagnostics located in its own units: those
 * are the single run's. C sources, where the analysis spends its time, are split. What a shard cannot see is
 * another shard's C sources: the functions and wrappers defined there, and a `.c` file of another unit that a
 * source includes. The runner cannot see these uses from outside the analysis, so they are not reported: a C tree
 * whose top-level folders call each other's functions should be one unit (scan it whole, or split its parent).
 *
 * Units are weighed by the bytes of their files (plus a fixed cost per file) and dealt out largest first, each to
 * the shard with the least weight so far (ties: the lower shard number; equal weights: name order). The same tree
 * and settings give the same partition on every machine.
 */
import { createHash } from 'node:crypto';
import {
  compareDiagnostics,
  compareFindings,
  type Diagnostic,
  type Inventory,
  type LibraryFacts,
  type SuppressionDirective,
} from '@pqready/core';

export interface ShardSpec {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** What a shard computed about the split, for the merge to check that its parts belong together. */
export interface ShardPartition {
  readonly spec: ShardSpec;
  /** Every unit of the tree, in name order. */
  readonly unitCount: number;
  /** SHA-256 of every unit's name, weight and shard: equal on every shard of one tree and settings. */
  readonly digest: string;
  /** This shard's units, in name order. */
  readonly units: readonly string[];
}

/** What reading a file costs beyond its bytes (open, head, hash), in bytes, for weighing units. */
const PER_FILE_WEIGHT = 4096;

/** The shard syntax `i/n`: both whole numbers, 1 ≤ i ≤ n. Throws a message fit for the user. */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ShardError(`--shard takes i/n (e.g. 2/3, this job's part of n), not "${text}".`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SHARDS) {
    throw new ShardError(`--shard ${text}: n must be between 1 and ${MAX_SHARDS}.`);
  }
  if (index < 1 || index > count) throw new ShardError(`--shard ${text}: i must be between 1 and ${count}.`);
  return { index, count };
}

/** More parts than this would each hold almost nothing: the walk every shard repeats would dominate. */
const MAX_SHARDS = 1024;

export class ShardError extends Error {}

/**
 * The top-level unit a scan path belongs to: its first segment with one root (or the file root's name), the root's
 * name and the next segment with several (root names may hold `/`, so the longest matching name wins).
 */
export function unitOf(path: string, rootNames: readonly string[]): string {
  if (rootNames.length <= 1) return path.split('/')[0]!;
  let root: string | undefined;
  for (const name of rootNames) {
    if ((path === name || path.startsWith(`${name}/`)) && (root === undefined || name.length > root.length)) {
      root = name;
    }
  }
  if (root === undefined) return path.split('/')[0]!;
  const rest = path.slice(root.length + 1);
  return rest ? `${root}/${rest.split('/')[0]}` : root;
}

/** Adds a walked file to its unit's weight. */
export function weigh(weights: Map<string, number>, unit: string, bytes: number): void {
  weights.set(unit, (weights.get(unit) ?? 0) + bytes + PER_FILE_WEIGHT);
}

/** Deals the units out to `count` shards: heaviest first, each to the lightest shard so far. Unit → 1-based shard. */
export function partitionUnits(weights: ReadonlyMap<string, number>, count: number): Map<string, number> {
  const order = [...weights.entries()].sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0));
  const loads = new Array<number>(count).fill(0);
  const out = new Map<string, number>();
  for (const [unit, weight] of order) {
    let best = 0;
    for (let s = 1; s < count; s++) if (loads[s]! < loads[best]!) best = s;
    loads[best]! += weight;
    out.set(unit, best + 1);
  }
  return out;
}

export function describePartition(assigned: ReadonlyMap<string, number>, spec: ShardSpec): ShardPartition {
  const names = [...assigned.keys()].sort();
  const hash = createHash('sha256');
  for (const unit of names) hash.update(`${unit}\u0000${assigned.get(unit)}\u0000`);
  return {
    spec,
    unitCount: names.length,
    digest: hash.digest('hex'),
    units: names.filter((u) => assigned.get(u) === spec.index),
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const compareDirectives = (a: SuppressionDirective, b: SuppressionDirective): number =>
  cmp(a.path, b.path) || a.line - b.line;

/** What makes two diagnostics the same problem (where, what, who, and the sentence). */
export const diagnosticKey = (d: Diagnostic): string => JSON.stringify([d.path, d.line, d.code, d.detector, d.message]);

/** One of each diagnostic (the same problem found twice, by two detectors or two shards, is said once). */
export const dedupeDiagnostics = (list: readonly Diagnostic[]): Diagnostic[] => uniqueBy(list, diagnosticKey);

function uniqueBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The inventory a single run over all the shards' units gives: findings and diagnostics of every part (each
 * diagnostic once), counts added up. Every shard identifies the libraries of the whole tree, so each library is
 * kept once. The parts must be the shards of one run (the caller checks tool, time, roots and partition).
 */
export function mergeInventories(parts: readonly Inventory[]): Inventory {
  const first = parts[0];
  if (!first) throw new Error('mergeInventories needs at least one part');
  const libraries = uniqueBy(
    parts.flatMap((p) => p.libraries ?? []),
    (l: LibraryFacts) => `${l.id}\u0000${l.root}`,
  ).sort((a, b) => cmp(a.evidence.path, b.evidence.path));
  const directives = uniqueBy(
    parts.flatMap((p) => p.directives ?? []),
    (d) => JSON.stringify(d),
  ).sort(compareDirectives);
  const sum = (of: (s: Inventory['stats']) => number | undefined): number =>
    parts.reduce((total, p) => total + (of(p.stats) ?? 0), 0);
  const pathsIgnored = sum((s) => s.pathsIgnored);
  return {
    tool: first.tool,
    scannedAt: first.scannedAt,
    roots: first.roots,
    findings: parts.flatMap((p) => p.findings).sort(compareFindings),
    ...(first.libraries ? { libraries } : {}),
    diagnostics: dedupeDiagnostics(parts.flatMap((p) => p.diagnostics)).sort(compareDiagnostics),
    ...(directives.length > 0 ? { directives } : {}),
    stats: {
      filesScanned: sum((s) => s.filesScanned),
      bytesScanned: sum((s) => s.bytesScanned),
      filesSkipped: sum((s) => s.filesSkipped),
      ...(pathsIgnored > 0 ? { pathsIgnored } : {}),
    },
  };
}
