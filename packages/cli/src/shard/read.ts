/**
 * Reads the parts written by `pqready scan --shard i/n` and puts them back together: the inventory a single run
 * would have made, and the settings to render it with. Every problem with the input (a file missing, not JSON, not
 * a shard, a part twice or missing, parts of different runs) is a `ShardInputError` with one sentence for the user,
 * raised before anything is written.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic, Inventory } from '@pqready/core';
import { diagnosticKey, mergeInventories } from '@pqready/scanner';
import { SUPPRESSION_UNUSED } from '../triage/triage.js';
import {
  DIAGNOSTIC_PROPERTY,
  FINDING_PROPERTY,
  RECORD_PROPERTY,
  SHARD_FORMAT,
  SHARD_RECORD_VERSION,
  type ShardRecord,
  type ShardRender,
} from './record.js';

export class ShardInputError extends Error {}

interface ShardInput {
  readonly file: string;
  readonly record: ShardRecord;
}

const NOT_A_SHARD = 'write each part with `pqready scan --shard i/n` as CycloneDX or JSON';

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ShardInputError(`${file} is not JSON (${(error as Error).message}); ${NOT_A_SHARD}.`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The record of a CycloneDX part: the record property, then its findings and diagnostics in order. */
function fromCycloneDx(file: string, bom: Record<string, unknown>): unknown {
  const properties = Array.isArray(bom.properties) ? bom.properties : [];
  let record: Record<string, unknown> | undefined;
  const findings: unknown[] = [];
  const diagnostics: unknown[] = [];
  for (const p of properties) {
    if (!isObject(p) || typeof p.value !== 'string') continue;
    if (p.name === RECORD_PROPERTY) record = parseProperty(file, p.value) as Record<string, unknown>;
    else if (p.name === FINDING_PROPERTY) findings.push(parseProperty(file, p.value));
    else if (p.name === DIAGNOSTIC_PROPERTY) diagnostics.push(parseProperty(file, p.value));
  }
  if (!record) {
    throw new ShardInputError(`${file} is a CycloneDX BOM without a pqready shard record; ${NOT_A_SHARD}.`);
  }
  return isObject(record) && isObject(record.inventory)
    ? { ...record, inventory: { ...record.inventory, findings, diagnostics } }
    : record;
}

function parseProperty(file: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new ShardInputError(`${file} holds a damaged shard property (not JSON); write the part again.`);
  }
}

/** Checks the shape the merge relies on; the content itself was written by pqready. */
function checkRecord(file: string, value: unknown): ShardRecord {
  if (!isObject(value) || value.format !== SHARD_FORMAT) {
    throw new ShardInputError(`${file} holds no pqready shard record; ${NOT_A_SHARD}.`);
  }
  if (value.version !== SHARD_RECORD_VERSION) {
    throw new ShardInputError(
      `${file} is a shard record of version ${String(value.version)}; this pqready reads version ${SHARD_RECORD_VERSION}: merge with the pqready that scanned.`,
    );
  }
  const shard = value.shard;
  const run = value.run;
  const inventory = value.inventory;
  const wellFormed =
    isObject(shard) &&
    Number.isSafeInteger(shard.index) &&
    Number.isSafeInteger(shard.count) &&
    (shard.index as number) >= 1 &&
    (shard.index as number) <= (shard.count as number) &&
    isObject(run) &&
    typeof run.tool === 'string' &&
    typeof run.scannedAt === 'string' &&
    Array.isArray(run.roots) &&
    typeof run.settings === 'string' &&
    typeof run.partition === 'string' &&
    isObject(value.render) &&
    typeof value.render.policy === 'string' &&
    isObject(inventory) &&
    Array.isArray(inventory.findings) &&
    Array.isArray(inventory.diagnostics) &&
    isObject(inventory.stats) &&
    isObject(inventory.tool);
  if (!wellFormed) throw new ShardInputError(`${file} holds a damaged shard record; write the part again.`);
  return value as unknown as ShardRecord;
}

/** One part, from a CycloneDX CBOM or a JSON report written with `--shard`. */
export async function readShard(file: string): Promise<ShardInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new ShardInputError(`Cannot read ${file} (${why}).`);
  }
  const doc = parseJson(file, text);
  if (!isObject(doc)) throw new ShardInputError(`${file} is not a pqready shard; ${NOT_A_SHARD}.`);
  const value = doc.bomFormat === 'CycloneDX' ? fromCycloneDx(file, doc) : doc.shard;
  if (value === undefined) {
    throw new ShardInputError(`${file} is not a pqready shard (no shard record in it); ${NOT_A_SHARD}.`);
  }
  return { file, record: checkRecord(file, value) };
}

/** What the run fields are, for the message that says which differ, and what to do about it. */
const RUN_FIELDS: readonly (readonly [keyof ShardRecord['run'], string, string])[] = [
  ['tool', 'pqready versions', 'scan every part with one version'],
  ['scannedAt', 'scan times', 'set SOURCE_DATE_EPOCH to one value in every job, e.g. the commit time'],
  ['roots', 'scan roots', 'scan the same paths in every job'],
  ['settings', 'settings', 'give every job the same flags and pqready.config'],
  ['partition', 'trees', 'every job must see the same top-level entries and file sizes'],
];

const shown = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));

/**
 * Checks that the parts are the `n` shards of one run, each once, made by this pqready (the merge renders, so it
 * must render as the scan would), and returns the whole run's inventory and rendering settings.
 */
export function combineShards(
  inputs: readonly ShardInput[],
  toolVersion: string,
): { readonly inventory: Inventory; readonly render: ShardRender } {
  const first = inputs[0];
  if (!first) throw new ShardInputError('Give the shard files to merge, e.g. `pqready merge shard-*.cdx.json`.');
  const count = first.record.shard.count;
  for (const input of inputs) {
    const { index, count: n } = input.record.shard;
    if (n !== count) {
      throw new ShardInputError(
        `${input.file} is shard ${index}/${n} but ${first.file} is shard ${first.record.shard.index}/${count}: parts of different splits.`,
      );
    }
  }
  for (const input of inputs) {
    for (const [field, meaning, advice] of RUN_FIELDS) {
      const a = first.record.run[field];
      const b = input.record.run[field];
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        const values = field === 'settings' || field === 'partition' ? '' : ` (${shown(a)} vs ${shown(b)})`;
        throw new ShardInputError(
          `${first.file} and ${input.file} are shards of different runs: their ${meaning} differ${values}; ${advice}.`,
        );
      }
    }
  }
  if (first.record.run.tool !== toolVersion) {
    throw new ShardInputError(
      `The shards were written by pqready ${first.record.run.tool}; this is pqready ${toolVersion}: merge with the version that scanned, so that the output is rendered as the scan would have.`,
    );
  }
  const byIndex = new Map<number, ShardInput>();
  for (const input of inputs) {
    const index = input.record.shard.index;
    const twin = byIndex.get(index);
    if (twin) throw new ShardInputError(`${twin.file} and ${input.file} are both shard ${index}/${count}.`);
    byIndex.set(index, input);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new ShardInputError(
      `Shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: give all ${count} parts of the run.`,
    );
  }
  const parts = [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i)!.record.inventory);
  return { inventory: mergeInventories(withoutUsedSuppressions(parts)), render: first.record.render };
}

/**
 * Each shard reports a suppression unused when none of *its* findings matched it; in the whole run it is unused
 * only if no shard used it. A configured suppression is seen by every shard; an inline one by the shards that read
 * its file (those holding its directive).
 */
function withoutUsedSuppressions(parts: readonly Inventory[]): Inventory[] {
  const unusedIn = parts.map(
    (p) => new Set(p.diagnostics.filter((d) => d.code === SUPPRESSION_UNUSED).map(diagnosticKey)),
  );
  const stillUnused = (d: Diagnostic): boolean =>
    parts.every((p, i) => {
      const holds = d.path === undefined || (p.directives ?? []).some((x) => x.path === d.path && x.line === d.line);
      return !holds || unusedIn[i]!.has(diagnosticKey(d));
    });
  return parts.map((p) => ({
    ...p,
    diagnostics: p.diagnostics.filter((d) => d.code !== SUPPRESSION_UNUSED || stillUnused(d)),
  }));
}
