/**
 * Problems found while decoding one object; detectors turn them into Diagnostics with the
 * object's path and line.
 */
import type { Diagnostic } from '@pqready/core';
import { DerError } from './der.js';

export interface Issue {
  readonly severity: Diagnostic['severity'];
  readonly code: string;
  readonly message: string;
}

/** Converts anything thrown by a decoder into an Issue (DER errors keep their precise code). */
export function issueFromError(err: unknown, code: string, what: string): Issue {
  if (err instanceof DerError) return { severity: 'error', code: err.code, message: `${what}: ${err.message}` };
  if (err instanceof RangeError)
    return { severity: 'error', code: 'der-too-deep', message: `${what}: nesting too deep.` };
  const detail = err instanceof Error ? err.message : String(err);
  return { severity: 'error', code, message: `${what}: ${detail.slice(0, 200)}` };
}

export function toDiagnostic(issue: Issue, detector: string, path: string, line?: number): Diagnostic {
  return {
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    path,
    ...(line === undefined ? {} : { line }),
    detector,
  };
}
