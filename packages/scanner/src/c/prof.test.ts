import { it } from 'vitest';
import { parseC } from './parser.js';
it('prof', () => {
  const chunk = 'static int table_%d[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };\n';
  const parts: string[] = []; let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) { const l = chunk.replace('%d', String(i)); parts.push(l); size += l.length; }
  const text = parts.join('');
  let t = performance.now(); const tree = parseC(text); console.log('parse', performance.now() - t);
  t = performance.now();
  const nodes = tree.rootNode.descendantsOfType(['number_literal', 'initializer_list', 'call_expression']);
  let s = 0; for (const n of nodes) s += n.startIndex + n.endIndex;
  console.log('dot', nodes.length, performance.now() - t);
});
