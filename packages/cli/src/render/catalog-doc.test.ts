import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listAlgorithms } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { renderCatalogDoc, renderDetectorsDoc } from './catalog-doc.js';

const docs = path.resolve(import.meta.dirname, '../../../../docs');
const committed = path.join(docs, 'catalog.md');

describe('docs/catalog.md', () => {
  it('is up to date with the catalog (run `pnpm gen:docs` after changing catalog data)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(renderCatalogDoc());
  });
  it('lists every algorithm id once', () => {
    const doc = renderCatalogDoc();
    for (const row of listAlgorithms()) expect(doc).toContain(`| \`${row.id}\` |`);
  });
});

describe('docs/detectors.md', () => {
  it('is up to date with the detector registry (run `pnpm gen:docs`)', () => {
    expect(readFileSync(path.join(docs, 'detectors.md'), 'utf8')).toBe(renderDetectorsDoc());
  });
});

describe('docs/rules/ and schemas/config.schema.json', () => {
  it('are up to date with the SARIF rules and the configuration schema (run `pnpm gen:docs`)', async () => {
    const { renderRuleDocs } = await import('./rule-docs.js');
    const { CONFIG_SCHEMA } = await import('../config/schema.js');
    const { readdirSync } = await import('node:fs');
    const pages = renderRuleDocs();
    expect(readdirSync(path.join(docs, 'rules')).sort()).toEqual([...pages.keys()].sort());
    for (const [name, text] of pages) expect(readFileSync(path.join(docs, 'rules', name), 'utf8'), name).toBe(text);
    const schema = path.resolve(import.meta.dirname, '../../schemas/config.schema.json');
    expect(JSON.parse(readFileSync(schema, 'utf8'))).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });
});
