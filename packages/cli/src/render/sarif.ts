/**
 * SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for code-scanning tools.
 * Every finding becomes a result, so the inventory stays complete: quantum-broken findings are
 * errors, weakened and classically weak ones warnings, unknown ones notes, quantum-resistant
 * or hybrid ones `pass` results, and settings that name no algorithm `notApplicable` ones
 * (SARIF §3.27.9). Diagnostics become tool execution notifications.
 * Every URI is relative to its own scan root (SARIF §3.4.4): `uriBaseId` `SRCROOT` with one root, `ROOT1` …
 * with several, each described in `originalUriBaseIds` (with its absolute URI only under `--absolute-paths`,
 * SARIF §3.14.14), so that the document never depends on where the tree sat.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { locateInRoots, type QuantumVerdict, type Report, type ReportFinding } from '@pqready/core';
import { algorithmNames, detail } from './finding-summary.js';

interface Rule {
  readonly id: string;
  readonly name: string;
  readonly short: string;
  readonly help: string;
  readonly level: 'error' | 'warning' | 'note' | 'none';
}

const RULES: Readonly<Record<QuantumVerdict | 'classically-weak', Rule>> = {
  broken: {
    id: 'PQR001',
    name: 'QuantumBrokenCryptography',
    short: 'Cryptography that a cryptographically relevant quantum computer breaks (Shor).',
    help: 'Plan migration to ML-KEM / ML-DSA / SLH-DSA / LMS (or a hybrid) before the policy disallow date.',
    level: 'error',
  },
  weakened: {
    id: 'PQR002',
    name: 'QuantumWeakenedCryptography',
    short: 'Symmetric or hash strength below the selected policy threshold.',
    help: 'Move to the key or digest size the policy requires (e.g. AES-256 and SHA-384 under CNSA 2.0).',
    level: 'warning',
  },
  unknown: {
    id: 'PQR003',
    name: 'UnknownCryptography',
    short: 'An algorithm or OID the catalog does not know.',
    help: 'Identify the algorithm; unknown OIDs are reported as seen and never dropped.',
    level: 'note',
  },
  hybrid: {
    id: 'PQR004',
    name: 'HybridPostQuantumCryptography',
    short: 'A post-quantum + classical combination.',
    help: 'Nothing to do now; keep the inventory current.',
    level: 'none',
  },
  resistant: {
    id: 'PQR005',
    name: 'QuantumResistantCryptography',
    short: 'Cryptography considered quantum-resistant under the selected policy.',
    help: 'Nothing to do; keep the inventory current.',
    level: 'none',
  },
  'classically-weak': {
    id: 'PQR006',
    name: 'ClassicallyWeakCryptography',
    short: 'Cryptography that is weak today, quantum computers aside (MD5, SHA-1 signatures, RSA < 2048, DES …).',
    help: 'Replace now: these are attackable with classical computers.',
    level: 'warning',
  },
  'not-applicable': {
    id: 'PQR007',
    name: 'NotApplicableSetting',
    short: 'A protocol setting that names no algorithm (protocol versions, certificate or key files).',
    help: 'Nothing to judge in the setting itself; the settings that name algorithms carry the verdict.',
    level: 'none',
  },
};
const RULE_ORDER = (Object.keys(RULES) as (keyof typeof RULES)[]).sort((a, b) =>
  RULES[a].id.localeCompare(RULES[b].id),
);

function ruleFor(f: ReportFinding): Rule {
  const v = f.verdict.quantum;
  const passes = v === 'hybrid' || v === 'resistant' || v === 'not-applicable';
  if (passes && f.verdict.classicallyWeak.length > 0) return RULES['classically-weak'];
  return RULES[v];
}

/** SARIF §3.27.9 result kinds: a setting that names no algorithm is `notApplicable`, not a pass. */
const kindOf = (rule: Rule) =>
  rule === RULES['not-applicable'] ? 'notApplicable' : rule.level === 'none' ? 'pass' : 'fail';

const baseId = (report: Report, root: number): string => (report.roots.length > 1 ? `ROOT${root + 1}` : 'SRCROOT');

/** A URI relative to the path's own scan root, with the base id of that root. */
function artifact(report: Report, evidencePath: string) {
  const at = locateInRoots(evidencePath, report.roots);
  return { uri: encodeURI(at.path), uriBaseId: baseId(report, at.root) };
}

function originalUriBaseIds(report: Report) {
  return Object.fromEntries(
    report.roots.map((name, i) => {
      // A root named by its absolute path (`--absolute-paths`) gets its file URI; a directory URI ends in `/`.
      const uri = path.isAbsolute(name) ? pathToFileURL(name.endsWith('/') ? name : `${name}/`).href : undefined;
      return [baseId(report, i), { ...(uri ? { uri } : {}), description: { text: `Scan root ${name}` } }];
    }),
  );
}

function result(report: Report, f: ReportFinding) {
  const rule = ruleFor(f);
  const { path: evidencePath, line, column, snippet } = f.evidence;
  const names = algorithmNames(report, f, 99);
  const identity = `${f.detector}|${evidencePath}|${line ?? 0}|${column ?? 0}|${f.evidence.offset ?? 0}|${names}`;
  return {
    ruleId: rule.id,
    ruleIndex: RULE_ORDER.findIndex((k) => RULES[k] === rule),
    level: rule.level,
    kind: kindOf(rule),
    message: { text: `${algorithmNames(report, f, 8) || f.kind}: ${f.verdict.reason} (${detail(f)})` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(report, evidencePath),
          ...(line
            ? {
                region: {
                  startLine: line,
                  ...(column ? { startColumn: column } : {}),
                  ...(snippet ? { snippet: { text: snippet } } : {}),
                },
              }
            : {}),
        },
      },
    ],
    partialFingerprints: { 'pqready/v1': createHash('sha256').update(identity).digest('hex').slice(0, 32) },
    properties: {
      findingId: f.id,
      kind: f.kind,
      detector: f.detector,
      quantumVerdict: f.verdict.quantum,
      ...(f.verdict.classicallyWeak.length ? { classicallyWeak: [...f.verdict.classicallyWeak] } : {}),
      ...(f.state ? { state: f.state } : {}),
    },
  };
}

export function renderSarif(report: Report): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pqready',
            version: report.tool.version,
            rules: RULE_ORDER.map((k) => {
              const r = RULES[k];
              return {
                id: r.id,
                name: r.name,
                shortDescription: { text: r.short },
                help: { text: r.help },
                defaultConfiguration: { level: r.level },
              };
            }),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            endTimeUtc: report.scannedAt,
            toolExecutionNotifications: report.diagnostics.map((d) => ({
              level: d.severity === 'info' ? 'note' : d.severity,
              message: { text: d.message },
              descriptor: { id: d.code },
              ...(d.path
                ? {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: artifact(report, d.path),
                          ...(d.line ? { region: { startLine: d.line } } : {}),
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
        originalUriBaseIds: originalUriBaseIds(report),
        results: report.findings.map((f) => result(report, f)),
        properties: { policy: report.policy.id, roots: [...report.roots] },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
