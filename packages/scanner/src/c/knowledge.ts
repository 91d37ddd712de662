/**
 * The knowledge extraction needs, compiled once per thread from the detector tables: which names
 * are crypto API functions, and the constant-table signatures.
 */
import { cryptoFunctions } from '../detectors/c-crypto-api/tables/index.js';
import { OPTION_BY_NAME, OPTION_PREFIXES } from '../detectors/c-crypto-config/table.js';
import { SIGNATURES } from '../detectors/c-crypto-implementation/table.js';
import { compileSignatures } from './constant-match.js';
import type { ExtractKnowledge } from './extract.js';

function reverseHex(hex: string): string {
  let out = '';
  for (let i = hex.length - 2; i >= 0; i -= 2) out += hex.slice(i, i + 2);
  return out;
}

let cached: ExtractKnowledge | undefined;

export function extractKnowledge(): ExtractKnowledge {
  if (cached) return cached;
  const values = [];
  const bytes = [];
  const literalSets = [];
  const strings = new Map<string, string>();
  for (const s of SIGNATURES) {
    if (s.form === 'values') values.push({ id: s.id, values: s.values, ...(s.modulus ? { modulus: s.modulus } : {}) });
    else if (s.form === 'bytes') bytes.push({ id: s.id, hex: s.hex, hexReversed: reverseHex(s.hex) });
    else if (s.form === 'literal-set') literalSets.push({ id: s.id, literals: s.literals });
    else strings.set(s.text, s.id);
  }
  cached = {
    functions: cryptoFunctions,
    signatures: compileSignatures({ values, bytes, literalSets, strings }),
    sitedDefine: (name) => OPTION_BY_NAME.has(name) || OPTION_PREFIXES.some((p) => name.startsWith(p)),
  };
  return cached;
}
