/**
 * Escaping by construction, checked with arbitrary input: Unicode, control characters and markup thrown at each
 * renderer never yield a raw control character, live HTML or an unclosed code span. The Markdown is rendered by
 * markdown-it (CommonMark + GFM tables, raw HTML allowed as GitHub does) to see what a reader would get.
 */
import { buildReport, defaultPolicyId, getPolicy, type Inventory } from '@pqready/core';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { diagnosticLine } from './diagnostic-line.js';
import { htmlText, mdCode, mdText, terminalText } from './escape.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

const md = new MarkdownIt({ html: true });
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Tags the renderers' own Markdown produces; anything else in the HTML came from the input. */
const OWN_TAGS = new Set(['h1', 'h2', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'strong', 'em', 'br']);

const PIECES = [
  '`',
  '``',
  '|',
  '\\',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!--',
  '](javascript:alert(1))',
  '[x]',
  '**',
  '_',
  '&lt;',
  '&#60;',
  '\x1b[31m',
  '\x1b]0;pwned\x07',
  '\x1b]8;;http://evil\x1b\\',
  '\x9b2J',
  '\x00',
  '\x7f',
  '\u202e',
  '\u2066',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '#',
  'a',
  'é',
  '😀',
];
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
);

const tagsIn = (html: string): string[] => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
const decode = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
const tableCell = (cell: string): string => md.render(`| a |\n| --- |\n| ${cell} |\n`);

describe('terminalText', () => {
  it('leaves no control character, escape sequence or bidi override', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = terminalText(s);
        expect(out).not.toMatch(RAW_CONTROL);
        expect(out).not.toMatch(/\n/);
      }),
    );
  });
});

describe('mdCode', () => {
  it('is one closed code span inside a table cell holding exactly the (terminal-safe) text', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const html = tableCell(mdCode(s));
        const codes = [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)];
        expect(codes).toHaveLength(1);
        const expected = terminalText(s);
        expect(decode(codes[0]![1]!)).toBe(expected.trim() === '' ? (expected === '' ? ' ' : expected) : expected);
        expect(tagsIn(html).every((t) => OWN_TAGS.has(t))).toBe(true);
      }),
    );
  });
});

describe('mdText', () => {
  it('renders as plain text in a table cell: no tag, link or emphasis, the text kept', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const html = tableCell(mdText(s));
        expect(tagsIn(html).filter((t) => !['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(t))).toEqual([]);
        const cell = /<td>([\s\S]*?)<\/td>/.exec(html)?.[1] ?? '';
        expect(decode(cell).trim()).toBe(terminalText(s).trim());
      }),
    );
  });
});

describe('htmlText', () => {
  it('leaves no markup character and no control character', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = htmlText(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out).not.toMatch(RAW_CONTROL);
        expect(decode(out)).toBe(terminalText(s));
      }),
    );
  });
});

const inventory = (path: string, message: string, subject: string): Inventory => ({
  tool: { name: 'pqready', version: '0' },
  scannedAt: '2026-01-01T00:00:00.000Z',
  roots: [path],
  findings: [
    {
      kind: 'algorithm',
      detector: 'd',
      role: 'api-call',
      algorithm: { id: 'rsa', keyBits: 2048 },
      evidence: { path, line: 3, snippet: message },
    },
    {
      kind: 'certificate',
      detector: 'x509-certificate',
      role: 'stored-object',
      certificate: {
        type: 'certificate',
        encoding: 'PEM',
        subject,
        issuer: subject,
        subjectAltNames: [subject],
        signatureAlgorithm: { id: 'rsa', keyBits: 2048, hash: 'sha-256' },
        publicKey: { keyType: 'public', algorithm: { id: 'rsa', keyBits: 2048 }, sizeBits: 2048, format: 'SPKI' },
        notBefore: '2025-01-01T00:00:00Z',
        notAfter: '2030-01-01T00:00:00Z',
        serialNumber: '01',
        selfSigned: true,
        fingerprint: { sha256: 'ab'.repeat(32) },
      },
      evidence: { path: `${path}.pem`, line: 1 },
    },
  ],
  diagnostics: [{ severity: 'warning', code: 'bad', message, path, line: 1, detector: 'd' }],
  stats: { filesScanned: 1, bytesScanned: 1, filesSkipped: 0 },
});

describe('whole reports with hostile file names, subjects and messages', () => {
  const policy = getPolicy(defaultPolicyId);
  it('Markdown: only the tags the report itself writes', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (path, message, subject) => {
        const html = md.render(renderMarkdown(buildReport(inventory(path, message, subject), policy)));
        expect(tagsIn(html).filter((t) => !OWN_TAGS.has(t))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
  it('table and stderr diagnostics: no control character but the newlines and colours it writes itself', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (path, message, subject) => {
        const report = buildReport(inventory(path, message, subject), policy);
        expect(renderTable(report, { color: false })).not.toMatch(RAW_CONTROL);
        const coloured = renderTable(report, { color: true }).replace(/\x1b\[[\d;]*m/g, '');
        expect(coloured).not.toMatch(RAW_CONTROL);
        for (const d of report.diagnostics) expect(diagnosticLine(d)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 60 },
    );
  });
});
