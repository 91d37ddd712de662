/**
 * Compiles the serialisable extraction knowledge (ExtractData) into the lookups the extractor uses.
 * Done once per thread: the main thread and every worker compile the same data.
 */

import { escapeRegExp } from '../regexp.js';
import { compileSignatures } from './constant-match.js';
import type { ExtractKnowledge } from './extract.js';
import type { ExtractData } from './knowledge.js';

function reverseHex(hex: string): string {
  let out = '';
  for (let i = hex.length - 2; i >= 0; i -= 2) out += hex.slice(i, i + 2);
  return out;
}

const compiled = new WeakMap<ExtractData, ExtractKnowledge>();

/** A cheap first test: the string's first list element (operators and separators aside) is a known name. */
function protocolCandidate(content: string, words: ReadonlySet<string>): boolean {
  if (content.length < 3 || content.length > 4096) return false;
  // Prose (`default value %d`) is no list: names are joined by `,` or `:`, not by words.
  if (/\s[a-z]{3,}/.test(content)) return false;
  const m = /^[\s,:!+\-^?*]*([A-Za-z0-9@._+-]+)/.exec(content);
  if (!m) return false;
  const first = m[1]!.toLowerCase();
  return words.has(first) || words.has(first.split('+')[0]!);
}

export function compileExtract(data: ExtractData): ExtractKnowledge {
  const hit = compiled.get(data);
  if (hit) return hit;
  const values = [];
  const bytes = [];
  const literalSets = [];
  const strings = new Map<string, string>();
  for (const s of data.signatures) {
    if (s.form === 'values') values.push({ id: s.id, values: s.values, ...(s.modulus ? { modulus: s.modulus } : {}) });
    else if (s.form === 'bytes') bytes.push({ id: s.id, hex: s.hex, hexReversed: reverseHex(s.hex) });
    else if (s.form === 'literal-set') literalSets.push({ id: s.id, literals: s.literals });
    else strings.set(s.text, s.id);
  }
  const names = new Set(data.functionNames);
  const patterns = data.functionPatterns.map((p) => ({ re: new RegExp(p.source), contains: p.contains }));
  // The prescan asks this of every identifier of every file, nearly all of them no crypto name: one scan for any
  // pattern's literal part rules most out, instead of one scan per literal.
  const literals = [...new Set(patterns.flatMap((p) => p.contains))];
  const anyLiteral = literals.length > 0 ? new RegExp(literals.map(escapeRegExp).join('|')) : undefined;
  const sitedNames = new Set(data.sitedDefineNames);
  const symbolNames = new Set(data.symbolNames);
  const generic = new Set(data.genericNames);
  const words = new Set(data.protocolWords);
  const k: ExtractKnowledge = {
    symbols: symbolNames,
    library: { has: (name) => k.functions.has(name) && !generic.has(name) },
    protocolString: words.size > 0 ? (content) => protocolCandidate(content, words) : () => false,
    functions: {
      has: (name) =>
        names.has(name) ||
        (anyLiteral?.test(name) === true &&
          patterns.some((p) => p.contains.some((c) => name.includes(c)) && p.re.test(name))),
    },
    signatures: compileSignatures({ values, bytes, literalSets, strings }),
    sitedDefine: (name) => sitedNames.has(name) || data.sitedDefinePrefixes.some((p) => name.startsWith(p)),
  };
  compiled.set(data, k);
  return k;
}
