#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow to several times the live data before it collects (up to four times when allocation is
// fast): on a large tree most of the scan's peak memory was garbage. A 10 % growth step keeps the resident size
// near what the scan really holds, at no measured cost in time (benchmarks/scale/README.md). Set before any work
// starts, unless the user chose a value on Node's command line (NODE_OPTIONS does not take this flag).
const chosen = process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/.test(a));
if (!chosen) setFlagsFromString('--heap-growing-percent=10');

const { main } = await import('../dist/main.js');
await main(import.meta.url);
