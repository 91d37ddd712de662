import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, defaultPolicyId, getPolicy, listAlgorithms } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { LEGEND } from './legend.js';
import { elideMiddle, renderTable, wrap } from './table.js';

describe('table colour', () => {
  const report = buildReport(
    {
      tool: { name: 'pqready', version: '0' },
      scannedAt: '2026-01-01T00:00:00.000Z',
      roots: ['t'],
      findings: [
        {
          kind: 'algorithm',
          detector: 'd',
          role: 'api-call',
          algorithm: { id: 'rsa', keyBits: 2048 },
          evidence: { path: 'a.c', line: 3 },
        },
      ],
      diagnostics: [],
      stats: { filesScanned: 1, bytesScanned: 1, filesSkipped: 0 },
    },
    getPolicy(defaultPolicyId),
  );
  it('paints headings by verdict only when asked (NO_COLOR and pipes get none)', () => {
    expect(renderTable(report, { color: true })).toMatch(/\x1b\[1;31mBROKEN \(1\)/);
    expect(renderTable(report, { color: false })).not.toMatch(/\x1b/);
  });
  it('repeats the counts after a long table, and says when there are only notes', () => {
    const many = { ...report, findings: Array.from({ length: 21 }, () => report.findings[0]!) };
    const text = renderTable(many, { color: false });
    expect(text.trimEnd().split('\n').at(-1)).toBe(text.split('\n')[1]);
    const notes = { ...report, diagnostics: [{ severity: 'info' as const, code: 'x', message: 'm' }] };
    expect(renderTable(notes, { color: false })).toMatch(
      /^No warnings or errors; 1 note \(--format json lists them\)\.$/m,
    );
  });

  it('takes two lines per finding below 110 columns, one row above', () => {
    expect(renderTable(report, { color: false, width: 80 })).toMatch(
      /^ {2}a\.c:3\n {6}algorithm {2}RSA-2048 · api-call$/m,
    );
    expect(renderTable(report, { color: false, width: 200 })).toMatch(
      /^ {2}algorithm {2}RSA-2048 {3}a\.c:3 {5}api-call$/m,
    );
  });
});

describe('table cells', () => {
  it('elides the middle of a path and never the line number or the file name', () => {
    const loc = 'firmware/third_party/mbedtls/library/ssl_tls13_keys.c:1234:17';
    for (const width of [60, 40, 30, 25]) {
      const cell = elideMiddle(loc, width);
      expect(cell.length).toBeLessThanOrEqual(width);
      expect(cell.endsWith(':1234:17')).toBe(true);
      expect(cell).toContain('…');
    }
    expect(elideMiddle(loc, 40)).toBe('firmware/thi…ry/ssl_tls13_keys.c:1234:17');
    expect(elideMiddle(loc, 30)).toBe('firm…/ssl_tls13_keys.c:1234:17');
    expect(elideMiddle('a.c:7', 40)).toBe('a.c:7');
  });

  it('wraps at spaces and cuts only words longer than the width', () => {
    expect(wrap('api-call · mbedTLS · in tls_client_setup', 20)).toEqual([
      'api-call · mbedTLS ·',
      'in tls_client_setup',
    ]);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    // A separator never starts a line.
    expect(wrap('EC · api-call · in bootutil_ecdsa_verify · [conditional]', 42)).toEqual([
      'EC · api-call · in bootutil_ecdsa_verify ·',
      '[conditional]',
    ]);
  });
});

/** Codes the scanner writes into protocol flags, read from its sources (`flags.add('x')`, `flags: ['x']`). */
function scannerFlags(): string[] {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scanner/src');
  const out = new Set<string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) visit(file);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/flags\.(?:add|push)\('([a-z0-9.-]+)'\)/g)) out.add(m[1]!);
      }
    }
  };
  visit(root);
  return [...out];
}

describe('legend', () => {
  it('explains every protocol flag the scanner writes and every weakness the catalog names', () => {
    const flags = scannerFlags();
    expect(flags.length).toBeGreaterThan(10);
    const weaknesses = listAlgorithms().flatMap((a) => [...(a.weak ?? [])]);
    const missing = [
      ...new Set([
        ...flags,
        ...weaknesses,
        'rsa-below-2048',
        'dsa-below-2048',
        'dh-below-2048',
        'key-below-112',
        'ecb-mode',
        'sha1-signature',
        'pre-standard',
        'non-nist-pq',
      ]),
    ].filter((code) => !(code in LEGEND));
    expect(missing).toEqual([]);
  });
});
