import { it } from 'vitest';
import { extractFacts } from './extract.js';
import { extractKnowledge } from './knowledge.js';
import { parseC } from './parser.js';
import { matchSequences } from './constant-match.js';
import { parseIntegerLiteral } from './tokens.js';
it('prof', () => {
  const chunk = 'static int table_%d[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };\n';
  const parts: string[] = []; let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) { const l = chunk.replace('%d', String(i)); parts.push(l); size += l.length; }
  const text = parts.join('');
  const k = extractKnowledge();
  let t = performance.now(); parseC(text); console.log('parse', performance.now() - t);
  t = performance.now(); extractFacts('x.c', text, k); console.log('extract', performance.now() - t);
  const vals = Array.from({length: 16}, (_, i) => BigInt(i + 1));
  t = performance.now(); for (let i = 0; i < 60000; i++) matchSequences(vals, k.signatures); console.log('match60k', performance.now() - t);
  t = performance.now(); for (let i = 0; i < 1000000; i++) parseIntegerLiteral(String(i % 17)); console.log('parseInt1M', performance.now() - t);
});
