/**
 * Turns an inventory into the requested output format. Facts become verdicts here, through the
 * chosen policy, so a rescan is never needed to change it.
 */
import {
  buildReport,
  type ComponentIdentity,
  type Inventory,
  type Policy,
  serializeCbom,
  toCycloneDx,
} from '@pqready/core';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
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
}

export function renderScan(inventory: Inventory, opts: RenderOptions): string {
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
      return `${JSON.stringify(buildReport(inventory, opts.policy))}\n`;
    case 'markdown':
      return renderMarkdown(buildReport(inventory, opts.policy));
    case 'sarif':
      return renderSarif(buildReport(inventory, opts.policy));
    case 'table':
      return renderTable(buildReport(inventory, opts.policy), { color: opts.color && !process.env.NO_COLOR });
  }
}
