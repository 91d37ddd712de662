import { join } from 'node:path';
import { it } from 'vitest';
import { listFiles, runConfigDetector, summarize } from '../../config/test-support/fixture-context.js';
import { mosquittoTls } from './index.js';
it('x', async () => {
  for (const d of [join(__dirname, 'fixtures/positive'), '/work/main/fixtures/demo-device']) {
    const r = await runConfigDetector(mosquittoTls, listFiles(d));
    console.log(r.accepted, JSON.stringify(r.findings.map(summarize), null, 1), r.diagnostics);
  }
});
