/**
 * Protocol-name strings written as data in C (issue #15): SSH algorithm lists in `#define`s and default
 * tables, OpenSSL cipher strings and group lists kept as constants, names returned by a function. Each string
 * literal that the protocol parsers read as names (see ProtocolKnowledge.classify) is one `protocol-config`
 * finding at its line, with the state of the `#if` branches around it. Strings handed to an API are the
 * API call's business (api.ts); messages and comparisons are never recorded by the extraction.
 */
import type { ProtocolFinding } from '@pqready/core';
import { API_DETECTOR } from './api.js';
import type { FileFacts, StringFact } from './facts.js';
import type { ApiKnowledge } from './knowledge.js';
import type { Scope } from './scope.js';

const CONTEXT: Readonly<Record<StringFact['context'], string>> = {
  define: 'macro',
  init: 'initialiser',
  table: 'table row',
  assign: 'assignment',
  return: 'returned name',
};

export function stringFindings(facts: FileFacts, scope: Scope, api: ApiKnowledge, path: string): ProtocolFinding[] {
  const out: ProtocolFinding[] = [];
  for (const s of facts.strings) {
    const meaning = api.protocol.classify(s.value, s.target);
    if (!meaning) continue;
    const p = meaning.facts;
    if (p.cipherSuites.length + p.groups.length + p.signatureAlgorithms.length + (p.algorithms?.length ?? 0) === 0)
      continue;
    const notes = [`${meaning.kind} written in C as a ${CONTEXT[s.context]}${s.target ? ` (${s.target})` : ''}`];
    notes.push(...meaning.notes);
    if (meaning.unknownNames.length > 0) notes.push(`names no catalog knows: ${meaning.unknownNames.join(', ')}`);
    out.push({
      kind: 'protocol',
      detector: API_DETECTOR,
      role: 'protocol-config',
      evidence: { path, line: s.line, column: s.column, snippet: s.snippet },
      state: scope.stateOf(s),
      ...(s.fn ? { context: s.fn } : s.target ? { context: s.target } : {}),
      notes,
      properties: { string: s.value.slice(0, 512), list: meaning.kind },
      protocol: p,
    });
  }
  return out;
}
