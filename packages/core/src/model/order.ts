/**
 * Total orders for findings and diagnostics, so that output bytes never depend on walk timing,
 * worker scheduling or detector order.
 */

import { compareCanonical } from './canonical.js';
import type { Diagnostic, Finding } from './finding.js';

const cmp = (a: string | number | undefined, b: string | number | undefined): number => {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
};

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.evidence.path, b.evidence.path) ||
    cmp(a.evidence.line ?? 0, b.evidence.line ?? 0) ||
    cmp(a.evidence.column ?? 0, b.evidence.column ?? 0) ||
    cmp(a.evidence.offset ?? 0, b.evidence.offset ?? 0) ||
    cmp(a.detector, b.detector) ||
    cmp(a.kind, b.kind) ||
    // Canonical text as the last tie-breaker: two findings that compare equal are identical.
    compareCanonical(a, b)
  );
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.path ?? '', b.path ?? '') ||
    cmp(a.line ?? 0, b.line ?? 0) ||
    cmp(a.detector ?? '', b.detector ?? '') ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message)
  );
}
