#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow to several times the live data before it collects (up to four times when allocation is
// fast): on a large tree most of the scan's peak memory was garbage. A 10 % growth step keeps the resident size
// near what the scan really holds, at no measured cost in time (benchmarks/scale/README.md). Set before any work
// starts, unless the user chose a value on Node's command line (NODE_OPTIONS does not take this flag).
const chosen = (flag) => process.execArgv.some((a) => a.replace(/_/g, '-').startsWith(flag));
if (!chosen('--heap-growing-percent')) setFlagsFromString('--heap-growing-percent=10');

// The C walk is many small readers that V8's optimising compiler inlines into each other: with its default budget
// (920 bytes of bytecode inlined per function) it spent some 3 s of CPU compiling them again and again in every
// extracting thread, about a third of the scan's CPU on Mbed TLS. A budget of 120 halves that compile time at no
// loss of speed in the compiled code: on Mbed TLS's C files, paired runs, CPU 9.5 -> 8.3 s at --jobs 1 and
// 10.6 -> 9.2 s at --jobs 2, where the compiler competes with the second thread for the cores
// (benchmarks/scan-tree/README.md). Flags are the process's: workers get it too.
if (!chosen('--max-inlined-bytecode-size-cumulative')) setFlagsFromString('--max-inlined-bytecode-size-cumulative=120');

const { main } = await import('../dist/main.js');
await main(import.meta.url);
