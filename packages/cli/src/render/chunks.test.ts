/**
 * SARIF and Markdown are written as streams of chunks: on a report larger than one batch the chunks are many, and
 * put together they are one well-formed document with every finding in it once.
 */
import { buildReport, getPolicy, type Inventory } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { markdownChunks } from './markdown.js';
import { sarifChunks } from './sarif.js';

const COUNT = 4_321;
const inventory: Inventory = {
  tool: { name: 'pqready', version: '0.0.0-test' },
  scannedAt: '2026-01-01T00:00:00.000Z',
  roots: ['fw'],
  findings: Array.from({ length: COUNT }, (_, i) => ({
    kind: 'algorithm' as const,
    detector: 'c-crypto-api',
    role: 'api-call' as const,
    state: 'active' as const,
    algorithm: i % 3 === 0 ? { id: 'rsa', keyBits: 2048 } : { id: 'sha-256' },
    evidence: { path: `src/m${i % 97}/f${i}.c`, line: 1 + (i % 50), snippet: `digest_${i}(buf, len);` },
  })),
  diagnostics: [],
  stats: { filesScanned: COUNT, bytesScanned: COUNT * 100, filesSkipped: 0 },
};
const report = buildReport(inventory, getPolicy('nist-ir-8547-draft+cnsa-2.0'));

describe('streamed renderers', () => {
  it('writes SARIF in many chunks that make one document with a result per finding', () => {
    const chunks = [...sarifChunks(report, { includePass: true })];
    expect(chunks.length).toBeGreaterThan(10);
    const sarif = JSON.parse(chunks.join(''));
    const ids = sarif.runs[0].results.map((r: { properties: { findingId: string } }) => r.properties.findingId);
    expect(ids).toEqual(report.findings.map((f) => f.id));
  });

  it('writes Markdown in batches of whole lines that make one table row per finding, with no gap', () => {
    const chunks = [...markdownChunks(report)];
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    const lines = chunks.join('').split('\n');
    expect(lines.filter((l) => l.startsWith('| algorithm |'))).toHaveLength(COUNT);
    // Each verdict's table runs unbroken from its header to the blank line before the next section.
    for (const [i, line] of lines.entries()) {
      if (line.startsWith('| algorithm |')) expect(lines[i - 1]!.startsWith('|')).toBe(true);
    }
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).not.toBe('');
  });
});
