import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFile } from '../test-data.js';
import { PQM_ROWS } from './reference-pqm.generated.js';

const csvPaths = {
  'mupq/pqm4': dataFile('pqm4/benchmarks.csv'),
  'mupq/pqm3': dataFile('pqm3/benchmarks-nucleo-f207zg.csv'),
};

describe.skipIf(!Object.values(csvPaths).every((p) => p !== undefined))('transcribed pqm4/pqm3 rows', () => {
  // Read lazily: a skipped describe still runs its body to collect tests.
  const cache = new Map<string, string[]>();
  const lines = (repo: keyof typeof csvPaths): string[] => {
    if (!cache.has(repo)) cache.set(repo, readFileSync(csvPaths[repo]!, 'utf8').split(/\r?\n/));
    return cache.get(repo)!;
  };
  const cited = (url: string | undefined) => {
    const m = /github\.com\/(mupq\/pqm[34])\/blob\/[0-9a-f]{40}\/[^#]+#L(\d+)$/.exec(url ?? '');
    expect(m, url).not.toBeNull();
    return lines(m![1] as keyof typeof csvPaths)[Number(m![2]) - 1]!.split(',');
  };

  it('cites the exact CSV row each cycle count, stack, code and hashing-share figure came from', () => {
    // ML-KEM ×3, ML-DSA ×3, SLH-DSA ×12, FN-DSA ×2 (pqm4) and Kyber/Dilithium (pqm3), every op and implementation.
    expect(PQM_ROWS.length).toBe(132);
    for (const r of PQM_ROWS) {
      const cycles = cited(r.sources.cycles.url);
      expect(cycles).toContain(String(r.cycles.mean));
      expect(cycles).toContain(String(r.cycles.max));
      if (r.stackBytes !== undefined) expect(cited(r.sources.stack?.url)).toContain(String(r.stackBytes));
      if (r.codeBytes !== undefined) expect(cited(r.sources.code?.url)[2]).toBe(String(r.codeBytes));
      if (r.hashShare !== undefined)
        expect(cited(r.sources.hashShare?.url).map(Number)).toContain(Math.round(r.hashShare * 1000) / 10);
    }
  });

  it('transcribes FN-DSA and every SLH-DSA set the CSV holds', () => {
    const schemes = new Set(PQM_ROWS.map((r) => r.scheme));
    for (const s of ['fn-dsa-512', 'fn-dsa-1024', 'slh-dsa-shake-256f', 'slh-dsa-sha2-192s'])
      expect(schemes).toContain(s);
    const falcon = PQM_ROWS.find((r) => r.scheme === 'fn-dsa-512' && r.op === 'verify' && r.implName === 'm4f')!;
    expect(falcon.cycles.mean).toBe(396_949);
  });
});
