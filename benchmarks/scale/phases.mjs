// Memory by phase: node --expose-gc benchmarks/scale/phases.mjs <tree> [--jobs 2] [--formats cyclonedx,json]
// Runs the library the way `pqready scan` does (scan → report → each format written to /dev/null) and prints,
// after each phase, the live heap once garbage is collected (what the phase's result holds), the peak RSS so far
// (`process.resourceUsage().maxRSS`) and the seconds the phase took. Without --expose-gc the heap figures include
// garbage. A breakdown for finding what to cut; the end-to-end target is measured by run.mjs under /usr/bin/time.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { buildReport, defaultPolicyId, getPolicy } from '@pqready/core';
import { scan } from '@pqready/scanner';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const tree = args[0];
const jobs = Number(opt('jobs', '2'));
const formats = opt('formats', 'cyclonedx,json').split(',');
const mb = (bytes) => Math.round(bytes / 1048576);
let last = performance.now();
function phase(name) {
  globalThis.gc?.();
  const now = performance.now();
  const m = process.memoryUsage();
  console.log(
    JSON.stringify({
      phase: name,
      seconds: Math.round((now - last) / 100) / 10,
      heapUsedMb: mb(m.heapUsed),
      externalMb: mb(m.external + m.arrayBuffers),
      rssMb: mb(m.rss),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  last = performance.now();
}
async function drain(chunks) {
  const out = createWriteStream('/dev/null');
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

phase('start');
const policy = getPolicy(defaultPolicyId);
const inventory = await scan({ roots: [tree], scanTime: new Date(0), options: { jobs } });
phase(`scan (${inventory.findings.length} findings, ${inventory.diagnostics.length} diagnostics)`);
const { renderScanChunks } = await import('../../packages/cli/dist/render/scan-output.js');
for (const format of formats) {
  const report = format === 'cyclonedx' ? undefined : buildReport(inventory, policy);
  if (report) phase(`${format}: report built (held while writing)`);
  await drain(renderScanChunks(inventory, { format, policy, specVersion: '1.6', color: false }, report));
  phase(`${format}: written`);
}
