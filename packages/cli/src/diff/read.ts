/**
 * Reads a scan result for `diff` and `--baseline`: a CycloneDX CBOM (`bomFormat: CycloneDX`) or a pqready JSON report
 * (`--format json`). Anything else is a usage error naming the file.
 */
import { readFile } from 'node:fs/promises';
import type { Report } from '@pqready/core';
import { type DiffEntry, entriesOfCycloneDx, entriesOfReport } from './entries.js';

export class ScanFileError extends Error {}

interface ScanResult {
  readonly format: 'cyclonedx' | 'json';
  readonly entries: readonly DiffEntry[];
}

export async function readScanResult(file: string): Promise<ScanResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScanFileError(`Cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ScanFileError(
      `${file} is not JSON; give a CycloneDX CBOM or a JSON report written by pqready scan (--format cyclonedx or json).`,
    );
  }
  const doc = data as { bomFormat?: unknown; findings?: unknown; algorithms?: unknown; tool?: { name?: unknown } };
  if (doc.bomFormat === 'CycloneDX') return { format: 'cyclonedx', entries: entriesOfCycloneDx(data as never) };
  if (Array.isArray(doc.findings) && typeof doc.algorithms === 'object' && doc.tool?.name === 'pqready') {
    return { format: 'json', entries: entriesOfReport(data as Report) };
  }
  throw new ScanFileError(
    `${file} is neither a CycloneDX CBOM nor a pqready JSON report; write one with pqready scan --format cyclonedx (or json).`,
  );
}
