import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { m4HashCosts } from '../estimate/hash-costs.js';
import { repoRoot } from '../test-data.js';
import { CORES, EVIDENCE_WEAKNESS } from './cores.js';
import { M0PLUS_SHA256_PAIRS, M7_SHA256_FIGURES } from './hash-figures.js';
import { FAMILIES } from './types.js';

describe('core factors', () => {
  it('docs/bench.md lists every factor with its evidence, memory flag and weakness, exactly as the catalog has it', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/bench.md'), 'utf8');
    const block = /<!-- core-factors:start -->\n([\s\S]*?)\n<!-- core-factors:end -->/.exec(doc)?.[1];
    expect(block, 'core-factors block in docs/bench.md').toBeDefined();
    const documented = block!.split('\n').slice(2);
    const expected = CORES.flatMap((c) =>
      FAMILIES.map((fam) => {
        const f = c.factors[fam];
        const r = f.range;
        return `| ${c.id} | ${fam} | ${r.point} (${r.low}–${r.high}) | ${f.evidence} | ${f.memoryIncluded ? 'yes' : 'no'} | ${EVIDENCE_WEAKNESS[f.evidence].split(':')[0]} | ${f.basis} |`;
      }),
    );
    expect(documented).toEqual(expected);
  });

  it('the M0+ sha2 factor is the wolfSSL same-library SHA-256 ratio (STM32G071 ÷ STM32WL55 / STM32L4A6Z)', () => {
    const f = CORES.find((c) => c.id === 'cortex-m0plus')!.factors.sha2.range;
    const ratios = M0PLUS_SHA256_PAIRS.m4.map((m4) => M0PLUS_SHA256_PAIRS.m0plus.cyclesPerByte / m4.cyclesPerByte);
    expect(f.low).toBeCloseTo(Math.min(...ratios), 2);
    expect(f.high).toBeCloseTo(Math.max(...ratios), 2);
  });

  it('the M7 sha2 factor is the published M7 SHA-256 ÷ the pqm4-derived M4 SHA-256 (mbedTLS SAM E70; wolfSSL STM32H753)', () => {
    const f = CORES.find((c) => c.id === 'cortex-m7')!.factors.sha2.range;
    const m4 = m4HashCosts().sha256.cyclesPerBlock.point / 64;
    const ratios = M7_SHA256_FIGURES.map((x) => x.cyclesPerByte / m4);
    expect(f.point).toBeCloseTo(Math.max(...ratios), 1);
    expect(f.low).toBeCloseTo(Math.min(...ratios), 1);
  });
});
