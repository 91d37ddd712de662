#!/usr/bin/env node
// Regenerates docs/catalog.md, docs/detectors.md, docs/rules/ and packages/cli/schemas/config.schema.json from the
// built code. Run `pnpm build` first (pnpm gen:docs does).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_SCHEMA } from '../dist/config/schema.js';
import { renderCatalogDoc, renderDetectorsDoc } from '../dist/render/catalog-doc.js';
import { renderRuleDocs } from '../dist/render/rule-docs.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
writeFileSync(path.join(repoRoot, 'docs/catalog.md'), renderCatalogDoc());
writeFileSync(path.join(repoRoot, 'docs/detectors.md'), renderDetectorsDoc());
const rules = path.join(repoRoot, 'docs/rules');
mkdirSync(rules, { recursive: true });
const pages = renderRuleDocs();
for (const name of readdirSync(rules)) if (!pages.has(name)) rmSync(path.join(rules, name));
for (const [name, text] of pages) writeFileSync(path.join(rules, name), text);
writeFileSync(
  path.join(repoRoot, 'packages/cli/schemas/config.schema.json'),
  `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`,
);
console.log('wrote docs/catalog.md, docs/detectors.md, docs/rules/ and packages/cli/schemas/config.schema.json');
