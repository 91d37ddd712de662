/**
 * Builds ProtocolFindings and Diagnostics for the config detectors in one shape, so every detector reports
 * context, origin, state and evidence the same way.
 */
import type { Diagnostic, ProtocolFacts, ProtocolFinding } from '@pqready/core';
import type { Origin } from './tls-facts.js';

interface FindingInput {
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

/** Names of files that document a configuration rather than hold one (README.Debian, NEWS, *.txt manuals). */
const DOC_NAME =
  /^(readme|news|changelog|copying|copyright)(\.[\w-]+)?$|\.(txt|md|markdown|rst|adoc|mediawiki|html?|pdf|gz|bz2|xz)$/i;

/**
 * Programs and patches: a shell script that writes a config with `cat <<EOF`, a diff of an nginx.conf. Their lines
 * look like configuration but are not read by the server, and their syntax (`@@` hunks, `+` prefixes, Markdown
 * fences in a script's here-document) only produces parse warnings.
 */
const PROGRAM_OR_PATCH_NAME =
  /\.(sh|bash|zsh|ksh|ps1|bat|cmd|py|pl|rb|php|js|mjs|cjs|ts|go|rs|java|c|h|cc|cpp|lua|patch|diff|rej)$/i;
const PATCH_HEAD = /^(diff --git |diff -[a-zA-Z]+ |Index: |--- \S)/;

/**
 * Files that quote configuration without being one: documentation (a README with a `<VirtualHost>` example, a
 * manual in a `haproxy/` directory), scripts and patches. Rejected by the config detectors' `accepts`, since every
 * quote would become a finding or a parse warning. Configurations keep prose in comments; documents do not: three
 * uncommented lines of six words or more that end like a sentence are enough.
 */
export function looksLikeNonConfig(path: string, text: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (DOC_NAME.test(name) || PROGRAM_OR_PATCH_NAME.test(name)) return true;
  if (text.startsWith('#!') || PATCH_HEAD.test(text)) return true;
  let sentences = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!/^[A-Za-z(]/.test(line) || !/[.?!:,]$/.test(line)) continue;
    if (line.split(/\s+/).length >= 6 && ++sentences >= 3) return true;
  }
  return false;
}
