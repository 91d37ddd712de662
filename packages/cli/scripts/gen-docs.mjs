#!/usr/bin/env node
// Regenerates docs/catalog.md from the built core catalog. Run `pnpm build` first (pnpm gen:docs does).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCatalogDoc, renderDetectorsDoc } from '../dist/render/catalog-doc.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
writeFileSync(path.join(repoRoot, 'docs/catalog.md'), renderCatalogDoc());
writeFileSync(path.join(repoRoot, 'docs/detectors.md'), renderDetectorsDoc());
console.log('wrote docs/catalog.md and docs/detectors.md');
