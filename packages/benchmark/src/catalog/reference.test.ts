import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PQM_ROWS } from './reference-pqm.generated.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const shared = path.resolve(repoRoot, '..', 'shared', 'data');

describe.skipIf(!existsSync(shared))('transcribed pqm4/pqm3 rows', () => {
  const files: Record<string, string[]> = {
    'mupq/pqm4': readFileSync(path.join(shared, 'pqm4/benchmarks.csv'), 'utf8').split(/\r?\n/),
    'mupq/pqm3': readFileSync(path.join(shared, 'pqm3/benchmarks-nucleo-f207zg.csv'), 'utf8').split(/\r?\n/),
  };
  const cited = (url: string | undefined) => {
    const m = /github\.com\/(mupq\/pqm[34])\/blob\/[0-9a-f]{40}\/[^#]+#L(\d+)$/.exec(url ?? '');
    expect(m, url).not.toBeNull();
    return files[m![1]!]![Number(m![2]) - 1]!.split(',');
  };

  it('cites the exact CSV row each cycle count, stack and code figure came from', () => {
    expect(PQM_ROWS.length).toBe(90);
    for (const r of PQM_ROWS) {
      const cycles = cited(r.sources.cycles.url);
      expect(cycles).toContain(String(r.cycles.mean));
      expect(cycles).toContain(String(r.cycles.max));
      if (r.stackBytes !== undefined) expect(cited(r.sources.stack?.url)).toContain(String(r.stackBytes));
      if (r.codeBytes !== undefined) expect(cited(r.sources.code?.url)[2]).toBe(String(r.codeBytes));
    }
  });
});
