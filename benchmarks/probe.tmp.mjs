import { detectors, scan } from '@pqready/scanner';
const [root, ...only] = process.argv.slice(2);
const inv = await scan({ roots: [root], scanTime: new Date(0), options: { jobs: 1 }, detectors: detectors.filter((d) => d.id.startsWith('c-crypto-')) });
for (const f of inv.findings) if (!only.length || only.some((o) => f.evidence.path.includes(o))) console.log(f.evidence.path + ':' + f.evidence.line, f.role, f.state, JSON.stringify(f.algorithm), JSON.stringify(f.properties), f.notes ? JSON.stringify(f.notes) : '');
for (const d of inv.diagnostics) if (!only.length || only.some((o) => (d.path ?? '').includes(o))) console.log('DIAG', d.severity, d.code, d.path, d.line, d.message);
