/**
 * Turns an inventory into the requested output format. Facts become verdicts here, through the
 * chosen policy, so a rescan is never needed to change it.
 */
import {
  buildReport,
  type ComponentIdentity,
  cycloneDxChunks,
  type Inventory,
  jsonChunks,
  type Policy,
  type Report,
  serializeCbomChunks,
  toCycloneDx,
} from '@pqready/core';
import { type ShardRecord, withShardProperties } from '../shard/record.js';
import { markdownChunks } from './markdown.js';
import { type SarifOptions, sarifChunks } from './sarif.js';
import { renderTable } from './table.js';

export type OutputFormat = 'cyclonedx' | 'json' | 'markdown' | 'sarif' | 'table';
export type SpecVersion = '1.6' | '1.7';

interface RenderOptions {
  readonly format: OutputFormat;
  readonly policy: Policy;
  readonly specVersion: SpecVersion;
  /** Who the tree is (CycloneDX `metadata.component`). */
  readonly component?: ComponentIdentity;
  readonly color: boolean;
  /** Terminal columns for the table; undefined: no limit. */
  readonly width?: number;
  readonly sarif?: SarifOptions;
  /** Findings new against a baseline, by index in the report. */
  readonly fresh?: ReadonlySet<number>;
  /** A part of a split scan (`--shard`): its record goes into the CycloneDX or JSON output for `pqready merge`. */
  readonly shard?: ShardRecord;
}

/** The scan settings SARIF is written with (a shard records them for `pqready merge`). */
interface SarifSettings {
  readonly sarifIncludePass: boolean;
  readonly sarifIncludeSuppressed: boolean;
  readonly repositoryPaths?: readonly string[];
}

/** SARIF's options for these settings, its `helpUri` pointing at the docs/ folder of the project's home page. */
export function sarifOptionsOf(settings: SarifSettings, homepage: string | undefined): SarifOptions {
  const docsUrl = homepage ? `${homepage.replace(/#.*$/, '').replace(/\/$/, '')}/blob/main/docs/` : undefined;
  return {
    includePass: settings.sarifIncludePass,
    includeSuppressed: settings.sarifIncludeSuppressed,
    ...(docsUrl ? { docsUrl } : {}),
    ...(settings.repositoryPaths ? { repositoryPaths: settings.repositoryPaths } : {}),
  };
}

/**
 * The output as a stream of chunks: CycloneDX and JSON are written as they are serialised, never as one string
 * (a large tree's inventory can be longer than a string may be); SARIF and Markdown likewise; the table is one chunk.
 */
export function* renderScanChunks(inventory: Inventory, opts: RenderOptions, built?: Report): Generator<string> {
  const report = () => built ?? buildReport(inventory, opts.policy);
  switch (opts.format) {
    case 'cyclonedx': {
      const options = {
        specVersion: opts.specVersion,
        policy: opts.policy,
        ...(opts.component ? { component: opts.component } : {}),
      };
      // A shard's part carries its record in the BOM's properties (built as an object; a part is a fraction of the
      // tree); a whole scan's BOM is written component by component.
      if (opts.shard) yield* serializeCbomChunks(withShardProperties(toCycloneDx(inventory, options), opts.shard));
      else yield* cycloneDxChunks(inventory, options);
      return;
    }
    case 'json':
      // Compact: the report is for programs (`jq .` pretty-prints it); each algorithm is described once in it.
      yield* jsonChunks(opts.shard ? { ...report(), shard: opts.shard } : report());
      yield '\n';
      return;
    case 'markdown':
      yield* markdownChunks(report());
      return;
    case 'sarif':
      yield* sarifChunks(report(), { ...opts.sarif, ...(opts.fresh ? { fresh: opts.fresh } : {}) });
      return;
    case 'table':
      yield renderTable(report(), {
        color: opts.color,
        ...(opts.width ? { width: opts.width } : {}),
        ...(opts.fresh ? { fresh: opts.fresh } : {}),
      });
  }
}
