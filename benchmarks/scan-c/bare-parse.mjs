// The bare-parse baseline shared by the scan benchmarks: the grammar and chunked input the scanner uses, one
// thread, no analysis. Run as a script (node bare-parse.mjs <folder>) it parses the folder's C files in a fresh
// process and prints {files, bytes, parseMs, peakRssMb} as JSON, so it can alternate with a scan process.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const C_EXT = /\.(c|cc|cpp|cxx|h|hh|hpp|hxx|inc|inl|ipp)$/i;

/** The C files under root (by extension, as the C detectors accept them), in walk order. */
export function cFiles(root) {
  const files = [];
  (function walk(d) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && C_EXT.test(e.name)) files.push(p);
    }
  })(root);
  return files;
}

const CHUNK = 64 * 1024;

/** Parses every file once with tree-sitter-c on this thread; returns the milliseconds (reading included). */
export function bareParse(files) {
  const require = createRequire(fileURLToPath(import.meta.resolve('@pqready/scanner')));
  const Parser = require('tree-sitter');
  const parser = new Parser();
  parser.setLanguage(require('tree-sitter-c'));
  // Syntax trees hold native memory V8 does not see; without a collection now and then the baseline
  // slows down under its own garbage, which would flatter the ratio. The scanner's own allocations
  // trigger collections naturally.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const t = performance.now();
  let parsed = 0;
  for (const f of files) {
    if (++parsed % 256 === 0) gc();
    const text = readFileSync(f, 'utf8');
    if (text.length <= CHUNK) parser.parse(text);
    else parser.parse((i) => (i < text.length ? text.slice(i, i + CHUNK) : ''), null, { bufferSize: CHUNK });
  }
  return performance.now() - t;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = cFiles(process.argv[2]);
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const parseMs = bareParse(files);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ files: files.length, bytes, parseMs, peakRssMb }));
}
