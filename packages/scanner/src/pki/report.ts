/**
 * Building Findings and Diagnostics for stored objects (certificates, keys, parameters), and the
 * guard that keeps a detector from ever throwing out of `detect`.
 */
import type {
  CertificateFacts,
  CertificateFinding,
  Diagnostic,
  Evidence,
  Finding,
  KeyFacts,
  KeyFinding,
} from '@pqready/core';
import type { DetectResult, ScanFile } from '../detectors/types.js';
import { type Issue, issueFromError, toDiagnostic } from './issues.js';

export interface Location {
  readonly line: number;
  /** Byte offset; omitted for line-oriented text objects. */
  readonly offset?: number;
  /** Marker or short description (`-----BEGIN CERTIFICATE-----`, `DER certificate`); never key material. */
  readonly snippet: string;
}

interface Extra {
  readonly notes?: readonly string[];
  readonly properties?: Readonly<Record<string, string>>;
}

function evidence(file: ScanFile, at: Location): Evidence {
  return {
    path: file.path,
    line: at.line,
    ...(at.offset === undefined ? {} : { offset: at.offset }),
    snippet: at.snippet,
    fileSha256: file.sha256,
  };
}

function extras(extra: Extra): Pick<KeyFinding, 'notes' | 'properties'> {
  const notes = extra.notes && extra.notes.length > 0 ? { notes: [...extra.notes] } : {};
  const properties =
    extra.properties && Object.keys(extra.properties).length > 0
      ? { properties: Object.fromEntries(Object.entries(extra.properties).sort(([a], [b]) => a.localeCompare(b))) }
      : {};
  return { ...notes, ...properties };
}

export function keyFinding(
  detector: string,
  file: ScanFile,
  at: Location,
  key: KeyFacts,
  extra: Extra = {},
): KeyFinding {
  return { kind: 'key', detector, role: 'stored-object', evidence: evidence(file, at), key, ...extras(extra) };
}

export function certificateFinding(
  detector: string,
  file: ScanFile,
  at: Location,
  certificate: CertificateFacts,
  extra: Extra = {},
): CertificateFinding {
  return {
    kind: 'certificate',
    detector,
    role: 'stored-object',
    evidence: evidence(file, at),
    certificate,
    ...extras(extra),
  };
}

/** Collects findings and diagnostics for one file. */
export class Collector {
  readonly findings: Finding[] = [];
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly detector: string,
    readonly file: ScanFile,
  ) {}

  issue(issue: Issue, line?: number): void {
    this.diagnostics.push(toDiagnostic(issue, this.detector, this.file.path, line));
  }

  issues(issues: readonly Issue[], line?: number): void {
    for (const i of issues) this.issue(i, line);
  }

  /** Runs one object's decoder; a throw becomes a Diagnostic for that object and the file goes on. */
  attempt(code: string, what: string, line: number | undefined, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.issue(issueFromError(err, code, what), line);
    }
  }

  result(): DetectResult {
    return { findings: this.findings, diagnostics: this.diagnostics };
  }
}

/** Runs a detector body; anything unexpected becomes one `internal-error` Diagnostic. */
export function guarded(detector: string, file: ScanFile, body: (c: Collector) => void): DetectResult {
  const collector = new Collector(detector, file);
  try {
    body(collector);
  } catch (err) {
    collector.issue(issueFromError(err, 'internal-error', `${detector} failed on this file`));
  }
  return collector.result();
}
