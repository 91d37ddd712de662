/**
 * Implementation findings from recognised constant tables: one finding per algorithm per file, at
 * the first table, listing every table that matched. ML-KEM/ML-DSA tables are shared by all
 * parameter sets, so the set comes from the file's config macros when visible, else stays unresolved.
 */
import type { AlgorithmFinding, AlgorithmRef } from '@pqready/core';
import { evaluate } from '../../c/expr.js';
import type { ConstantMatch, FileFacts } from '../../c/facts.js';
import type { Scope } from '../../c/scope.js';
import { SCHEME_MACROS } from '../c-crypto-api/tables/pq-reference.js';
import { SIGNATURE_BY_ID } from './table.js';

export const IMPLEMENTATION_DETECTOR = 'c-crypto-implementation';

function schemeFromMacros(kind: 'kem' | 'sign', scope: Scope, at: number): string | undefined {
  for (const m of SCHEME_MACROS[kind]) {
    const v = scope.valueAt(m.macro, at, undefined);
    if (v === undefined) continue;
    const n = evaluate(v, (name) => scope.macroAt(name, at), { undefinedIsZero: false });
    const hit = n === undefined ? undefined : m.values[String(n)];
    if (hit?.id) return hit.id;
  }
  return undefined;
}

export function implementationFindings(facts: FileFacts, scope: Scope, path: string): AlgorithmFinding[] {
  const groups = new Map<string, { first: ConstantMatch; tables: string[]; algorithm: AlgorithmRef }>();
  for (const m of facts.constants) {
    const sig = SIGNATURE_BY_ID.get(m.signature);
    if (!sig) continue;
    const key = `${sig.algorithm.id}|${sig.algorithm.curve ?? ''}`;
    const g = groups.get(key);
    if (g) {
      if (!g.tables.includes(sig.table)) g.tables.push(sig.table);
      if (m.index < g.first.index) g.first = m;
    } else groups.set(key, { first: m, tables: [sig.table], algorithm: { ...sig.algorithm } });
  }
  const out: AlgorithmFinding[] = [];
  for (const g of groups.values()) {
    let algorithm = g.algorithm;
    if (algorithm.parameterSet === 'ml-kem' || algorithm.parameterSet === 'ml-dsa') {
      const kind = algorithm.parameterSet === 'ml-kem' ? 'kem' : 'sign';
      const id = schemeFromMacros(kind, scope, g.first.index);
      algorithm = id
        ? { id }
        : {
            ...algorithm,
            unresolved: { parameterSet: SCHEME_MACROS[kind].map((m) => m.macro).join(' | ') },
          };
    }
    out.push({
      kind: 'algorithm',
      detector: IMPLEMENTATION_DETECTOR,
      role: 'implementation',
      algorithm,
      state: scope.stateOf(g.first),
      evidence: { path, line: g.first.line, column: g.first.column, snippet: g.first.snippet },
      ...(g.first.fn ? { context: g.first.fn } : {}),
      properties: { tables: g.tables.join(', ') },
    });
  }
  return out.sort((a, b) => (a.evidence.line ?? 0) - (b.evidence.line ?? 0));
}
