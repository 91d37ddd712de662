/**
 * The shard record: what `pqready scan --shard i/n` writes into its CycloneDX or JSON output besides the usual
 * content, so that `pqready merge` can rebuild the inventory of the whole run and render it once, through the same
 * writers as a single run (the merged output is byte for byte the single run's).
 *
 * The record says which part it is, which run it belongs to (tool version, scan time, roots, a digest of the
 * settings and of the partition) and carries the part's inventory after triage. Snippets are redacted in it as in
 * every other output (`redactSnippet`, which leaves its own markers alone): a shard file holds no more than the JSON
 * report of the same part.
 *
 * In CycloneDX the part number is the metadata property `pqready:shard` (`2/3`); the record is in the BOM's own
 * `properties`: `pqready:shard-record` (the record without findings and diagnostics), then one
 * `pqready:shard-finding` per finding and one `pqready:shard-diagnostic` per diagnostic, in order, so that no single
 * value grows with the tree. In the JSON report the record is the top-level `shard` member.
 */
import {
  type ComponentIdentity,
  canonical,
  type Diagnostic,
  type Finding,
  type Inventory,
  redactSnippet,
  sha256Hex,
} from '@pqready/core';
import type { ShardPartition } from '@pqready/scanner';
import type { SpecVersion } from '../render/scan-output.js';

export const SHARD_FORMAT = 'pqready-shard';
export const SHARD_RECORD_VERSION = 1;
const SHARD_PROPERTY = 'pqready:shard';
export const RECORD_PROPERTY = 'pqready:shard-record';
export const FINDING_PROPERTY = 'pqready:shard-finding';
export const DIAGNOSTIC_PROPERTY = 'pqready:shard-diagnostic';

/** The settings of the run that shape the output but are not in the inventory: the merge renders with them. */
export interface ShardRender {
  readonly policy: string;
  readonly specVersion: SpecVersion;
  readonly component: ComponentIdentity;
  readonly sarifIncludePass: boolean;
  readonly sarifIncludeSuppressed: boolean;
  /** Each root's folder in its git work tree (SARIF `%SRCROOT%`), when all roots lie in one. */
  readonly repositoryPaths?: readonly string[];
}

export interface ShardRecord {
  readonly format: typeof SHARD_FORMAT;
  readonly version: number;
  readonly shard: { readonly index: number; readonly count: number };
  /** Equal on every shard of one run; the merge refuses parts whose `run` differs. */
  readonly run: {
    readonly tool: string;
    readonly scannedAt: string;
    readonly roots: readonly string[];
    /** SHA-256 of the settings that decide the findings and their rendering. */
    readonly settings: string;
    /** SHA-256 of the partition (every unit and its shard). */
    readonly partition: string;
    readonly units: number;
  };
  /** This part's top-level units. */
  readonly units: readonly string[];
  readonly render: ShardRender;
  readonly inventory: Inventory;
}

const redacted = (f: Finding): Finding =>
  f.evidence.snippet ? { ...f, evidence: { ...f.evidence, snippet: redactSnippet(f.evidence.snippet) } } : f;

/**
 * `settings`: every resolved setting that changes what the scan finds or how it is written (not where it is written,
 * nor the worker count), in plain values.
 */
export function shardRecord(
  inventory: Inventory,
  partition: ShardPartition,
  render: ShardRender,
  settings: unknown,
): ShardRecord {
  return {
    format: SHARD_FORMAT,
    version: SHARD_RECORD_VERSION,
    shard: { index: partition.spec.index, count: partition.spec.count },
    run: {
      tool: inventory.tool.version,
      scannedAt: inventory.scannedAt,
      roots: inventory.roots,
      settings: sha256Hex(canonical({ settings, render })),
      partition: partition.digest,
      units: partition.unitCount,
    },
    units: partition.units,
    render,
    inventory: { ...inventory, findings: inventory.findings.map(redacted) },
  };
}

type Json = Record<string, unknown>;
interface Property {
  readonly name: string;
  readonly value: string;
}

/** The CBOM of a part with its record (see the header). */
export function withShardProperties(bom: Json, record: ShardRecord): Json {
  const metadata = bom.metadata as Json;
  const properties = [
    ...((metadata.properties as Property[] | undefined) ?? []),
    { name: SHARD_PROPERTY, value: `${record.shard.index}/${record.shard.count}` },
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { findings, diagnostics, ...rest } = record.inventory;
  return {
    ...bom,
    metadata: { ...metadata, properties },
    properties: [
      { name: RECORD_PROPERTY, value: JSON.stringify({ ...record, inventory: rest }) },
      ...findings.map((f) => ({ name: FINDING_PROPERTY, value: JSON.stringify(f) })),
      ...diagnostics.map((d: Diagnostic) => ({ name: DIAGNOSTIC_PROPERTY, value: JSON.stringify(d) })),
    ],
  };
}
