// Memory by phase: node --expose-gc benchmarks/scale/phases.mjs <tree> [--jobs 2] [--formats cyclonedx,json]
// Runs the library the way `pqready scan` does (scan → CycloneDX, or report → JSON, written to /dev/null) and prints,
// after each phase, the live heap once garbage is collected (what the phase's result holds), the peak RSS so far
// (`process.resourceUsage().maxRSS`) and the seconds the phase took. Without --expose-gc the heap figures include
// garbage. A breakdown for finding what to cut; the end-to-end target is measured by run.mjs under /usr/bin/time.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { buildReport, cycloneDxChunks, defaultPolicyId, getPolicy, jsonChunks } from '@pqready/core';
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
for (const format of formats) {
  if (format === 'cyclonedx') {
    await drain(cycloneDxChunks(inventory, { specVersion: '1.6', policy }));
  } else {
    const report = buildReport(inventory, policy);
    phase(`${format}: report built (held while writing)`);
    await drain(jsonChunks(report));
  }
  phase(`${format}: written`);
}
