/**
 * SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) shaped for GitHub code scanning
 * (https://docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support-for-code-scanning):
 * - one rule per algorithm family or weakness (`sarif/rules.ts`), each with its full description, help in text and
 *   Markdown, a `helpUri` to its page in docs/rules/, tags and a `security-severity`;
 * - one result per finding that needs attention; quantum-resistant and hybrid findings without a classical
 *   weakness are `pass` results, and protocol settings that name no algorithm `notApplicable` ones (SARIF §3.27.9);
 *   both are left out unless asked for (GitHub would show them as alerts);
 * - suppressed findings keep their result, with a SARIF `suppressions` entry and its justification;
 * - URIs relative to the repository root (`%SRCROOT%`) when the scan roots lie in one git work tree, so results map to
 *   the repository's files wherever the scan ran; otherwise relative to each scan root (`SRCROOT`, `ROOT1` …);
 * - `partialFingerprints` from the finding's identity (kind, algorithm, file, enclosing scope; no line number), so
 *   moving code keeps the fingerprint; GitHub's own `primaryLocationLineHash` is left to the upload action, which
 *   computes it from the file content.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonChunks, LazyArray, locateInRoots, type Report, type ReportFinding } from '@pqready/core';
import { entryOfFinding } from '../diff/entries.js';
import { ruleOfFinding } from '../sarif/rule-of.js';
import { RULE_BY_ID, SARIF_RULES, type SarifRule } from '../sarif/rules.js';
import { algorithmNames, detail } from './finding-summary.js';

export interface SarifOptions {
  /** Keep passing results (`kind: pass`, level `none`). */
  readonly includePass?: boolean;
  /** Keep suppressed results (with `suppressions`); GitHub shows them as open alerts. Default true. */
  readonly includeSuppressed?: boolean;
  /** For each scan root, its folder relative to the repository top, when all roots lie in one git work tree. */
  readonly repositoryPaths?: readonly string[];
  /** Base URL of the documentation (the docs/ folder), for `helpUri`. */
  readonly docsUrl?: string;
  /** Indices of findings new against a baseline: `baselineState` `new`, the others `unchanged`. */
  readonly fresh?: ReadonlySet<number>;
}

const REPO_BASE = '%SRCROOT%';
const baseId = (report: Report, root: number): string => (report.roots.length > 1 ? `ROOT${root + 1}` : 'SRCROOT');

function artifact(report: Report, evidencePath: string, opts: SarifOptions) {
  const at = locateInRoots(evidencePath, report.roots);
  const prefix = opts.repositoryPaths?.[at.root];
  if (prefix !== undefined)
    return { uri: encodeURI(path.posix.normalize(path.posix.join(prefix, at.path))), uriBaseId: REPO_BASE };
  return { uri: encodeURI(at.path), uriBaseId: baseId(report, at.root) };
}

function originalUriBaseIds(report: Report, opts: SarifOptions) {
  if (opts.repositoryPaths)
    return { [REPO_BASE]: { description: { text: 'The root of the git repository holding the scan roots' } } };
  return Object.fromEntries(
    report.roots.map((name, i) => {
      // A root named by its absolute path (`--absolute-paths`) gets its file URI; a directory URI ends in `/`.
      const uri = path.isAbsolute(name) ? pathToFileURL(name.endsWith('/') ? name : `${name}/`).href : undefined;
      return [baseId(report, i), { ...(uri ? { uri } : {}), description: { text: `Scan root ${name}` } }];
    }),
  );
}

const stripMarkdown = (md: string): string => md.replace(/\*\*|`/g, '');

function reportingDescriptor(rule: SarifRule, docsUrl: string | undefined) {
  const page = docsUrl ? `${docsUrl}rules/${rule.id}.md` : undefined;
  const sources = rule.sources.map((s) => `- [${s.title}](${s.url})`).join('\n');
  const markdown = `${rule.help}\n\n${rule.full}\n\nSources:\n${sources}${page ? `\n\n[More about this rule](${page})` : ''}`;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.short },
    fullDescription: { text: rule.full },
    help: { text: stripMarkdown(`${rule.help}\n\n${rule.full}`), markdown },
    ...(page ? { helpUri: page } : {}),
    defaultConfiguration: { level: rule.level },
    properties: {
      tags: [...rule.tags],
      precision: 'high',
      ...(rule.severity ? { 'security-severity': rule.severity } : {}),
    },
  };
}

const LEVEL: Readonly<Record<string, 'error' | 'warning' | 'note' | 'none'>> = {
  broken: 'error',
  weakened: 'warning',
  unknown: 'note',
  hybrid: 'none',
  resistant: 'none',
  'not-applicable': 'none',
};

function levelOf(f: ReportFinding, rule: SarifRule): 'error' | 'warning' | 'note' | 'none' {
  const byVerdict = LEVEL[f.verdict.quantum]!;
  // A passing verdict with a classical weakness is a warning of its weakness rule.
  return byVerdict === 'none' && rule.level !== 'none' ? rule.level : byVerdict;
}

export function renderSarif(report: Report, opts: SarifOptions = {}): string {
  return [...sarifChunks(report, opts)].join('');
}

/**
 * `renderSarif` as a stream of chunks: each result is built when the writer reaches it, so a large tree's results
 * never exist all at once, as objects or as one string.
 */
export function* sarifChunks(report: Report, opts: SarifOptions = {}): Generator<string> {
  const ruleIndex = new Map(SARIF_RULES.map((r, i) => [r.id, i]));
  const identities = new Map<string, number>();
  const resultsOf = (f: ReportFinding, index: number) => {
    const rule = RULE_BY_ID.get(ruleOfFinding(report, f))!;
    const level = levelOf(f, rule);
    // The n-th finding with the same identity gets its own fingerprint, in report (path, line) order.
    const identity = entryOfFinding(report, f).key;
    const n = (identities.get(identity) ?? 0) + 1;
    identities.set(identity, n);
    if (level === 'none' && !opts.includePass) return [];
    if (f.suppression && opts.includeSuppressed === false) return [];
    const { path: evidencePath, line, column, snippet } = f.evidence;
    const names = algorithmNames(report, f, 8) || f.kind;
    return [
      {
        ruleId: rule.id,
        ruleIndex: ruleIndex.get(rule.id)!,
        level,
        ...(level === 'none' ? { kind: f.verdict.quantum === 'not-applicable' ? 'notApplicable' : 'pass' } : {}),
        message: { text: `${names}: ${f.verdict.reason} (${detail(f)})` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact(report, evidencePath, opts),
              // GitHub needs a line to show a result; a whole file (a DER certificate) is shown at line 1.
              region: {
                startLine: line ?? 1,
                ...(line && column ? { startColumn: column } : {}),
                ...(line && snippet ? { snippet: { text: snippet } } : {}),
              },
            },
          },
        ],
        partialFingerprints: {
          'pqready/v2': createHash('sha256').update(`${identity}\u0000${n}`).digest('hex').slice(0, 32),
        },
        ...(f.suppression
          ? {
              suppressions: [
                {
                  kind: f.suppression.source.includes(' suppress[') ? 'external' : 'inSource',
                  status: 'accepted',
                  justification: f.suppression.reason,
                },
              ],
            }
          : {}),
        ...(opts.fresh ? { baselineState: opts.fresh.has(index) ? 'new' : 'unchanged' } : {}),
        properties: {
          findingId: f.id,
          kind: f.kind,
          detector: f.detector,
          quantumVerdict: f.verdict.quantum,
          ...(f.verdict.classicallyWeak.length ? { classicallyWeak: [...f.verdict.classicallyWeak] } : {}),
          ...(f.state ? { state: f.state } : {}),
          ...(f.thirdParty ? { thirdParty: true } : {}),
        },
      },
    ];
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pqready',
            semanticVersion: report.tool.version,
            ...(opts.docsUrl ? { informationUri: opts.docsUrl.replace(/docs\/$/, '') } : {}),
            rules: SARIF_RULES.map((r) => reportingDescriptor(r, opts.docsUrl)),
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
                          artifactLocation: artifact(report, d.path, opts),
                          ...(d.line ? { region: { startLine: d.line } } : {}),
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: originalUriBaseIds(report, opts),
        results: new LazyArray(function* () {
          for (const [index, f] of report.findings.entries()) yield* resultsOf(f, index);
        }),
        properties: { policy: report.policy.id, roots: [...report.roots] },
      },
    ],
  };
  yield* jsonChunks(sarif, 2);
  yield '\n';
}
