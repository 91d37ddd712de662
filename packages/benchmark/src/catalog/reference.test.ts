import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PQM_ROWS } from './reference-pqm.generated.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const shared = path.resolve(repoRoot, '..', 'shared', 'data');

const csvPaths = {
  'mupq/pqm4': path.join(shared, 'pqm4/benchmarks.csv'),
  'mupq/pqm3': path.join(shared, 'pqm3/benchmarks-nucleo-f207zg.csv'),
};

describe.skipIf(!Object.values(csvPaths).every((p) => existsSync(p)))('transcribed pqm4/pqm3 rows', () => {
  // Read lazily: a skipped describe still runs its body to collect tests.
  const cache = new Map<string, string[]>();
  const lines = (repo: keyof typeof csvPaths): string[] => {
    if (!cache.has(repo)) cache.set(repo, readFileSync(csvPaths[repo], 'utf8').split(/\r?\n/));
    return cache.get(repo)!;
  };
  const cited = (url: string | undefined) => {
    const m = /github\.com\/(mupq\/pqm[34])\/blob\/[0-9a-f]{40}\/[^#]+#L(\d+)$/.exec(url ?? '');
    expect(m, url).not.toBeNull();
    return lines(m![1] as keyof typeof csvPaths)[Number(m![2]) - 1]!.split(',');
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
