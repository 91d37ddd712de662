/**
 * Builds ProtocolFindings and Diagnostics for the config detectors in one shape, so every detector reports
 * context, origin, state and evidence the same way.
 */
import type { Diagnostic, ProtocolFacts, ProtocolFinding } from '@pqready/core';
import type { Origin } from './tls-facts.js';

export interface FindingInput {
  readonly detector: string;
  readonly path: string;
  readonly line: number;
  readonly snippet: string;
  readonly context: string;
  readonly origin: Origin;
  readonly state: 'active' | 'overridden' | 'inactive' | 'conditional';
  readonly protocol: ProtocolFacts;
  readonly library?: string;
  readonly notes?: readonly string[];
  readonly properties?: Readonly<Record<string, string>>;
}

export function protocolFinding(i: FindingInput): ProtocolFinding {
  return {
    kind: 'protocol',
    detector: i.detector,
    role: 'protocol-config',
    evidence: { path: i.path, line: i.line, snippet: i.snippet.slice(0, 200) },
    state: i.state,
    context: i.context,
    origin: i.origin,
    ...(i.library ? { library: i.library } : {}),
    ...(i.notes && i.notes.length > 0 ? { notes: [...i.notes] } : {}),
    ...(i.properties && Object.keys(i.properties).length > 0 ? { properties: i.properties } : {}),
    protocol: i.protocol,
  };
}

export function diagnostic(
  detector: string,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  path: string,
  line?: number,
): Diagnostic {
  return { severity, code, message, path, ...(line !== undefined ? { line } : {}), detector };
}

/** Decodes a file head for cheap `accepts` checks; binary heads (NUL bytes) are rejected by callers. */
export function headText(head: Uint8Array): string {
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
}

export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, 1024).includes(0);
}
