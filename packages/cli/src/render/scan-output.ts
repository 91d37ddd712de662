/**
 * Turns an inventory into the requested output format. Facts become verdicts here, through the
 * chosen policy, so a rescan is never needed to change it.
 */
import {
  buildReport,
  type ComponentIdentity,
  type Inventory,
  type Policy,
  type Report,
  serializeCbom,
  toCycloneDx,
} from '@pqready/core';
import { renderMarkdown } from './markdown.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderTable } from './table.js';

export type OutputFormat = 'cyclonedx' | 'json' | 'markdown' | 'sarif' | 'table';
export type SpecVersion = '1.6' | '1.7';

export interface RenderOptions {
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
}

export function renderScan(inventory: Inventory, opts: RenderOptions, built?: Report): string {
  const report = () => built ?? buildReport(inventory, opts.policy);
  switch (opts.format) {
    case 'cyclonedx':
      return serializeCbom(
        toCycloneDx(inventory, {
          specVersion: opts.specVersion,
          policy: opts.policy,
          ...(opts.component ? { component: opts.component } : {}),
        }),
      );
    case 'json':
      // Compact: the report is for programs (`jq .` pretty-prints it); each algorithm is described once in it.
      return `${JSON.stringify(report())}\n`;
    case 'markdown':
      return renderMarkdown(report());
    case 'sarif':
      return renderSarif(report(), { ...opts.sarif, ...(opts.fresh ? { fresh: opts.fresh } : {}) });
    case 'table':
      return renderTable(report(), {
        color: opts.color,
        ...(opts.width ? { width: opts.width } : {}),
        ...(opts.fresh ? { fresh: opts.fresh } : {}),
      });
  }
}
