/**
 * Findings as `diff` and `--baseline` compare them, read from a pqready JSON report or a CycloneDX CBOM (pqready's
 * or another tool's). Each entry has an identity that survives moved code: the kind, the algorithm with its
 * parameters (or the certificate subject, the key type, the protocol), the file, and the enclosing function or
 * configuration scope; never the line. What else it carries (verdict, state, weaknesses, suppression, fingerprint,
 * validity, protocol versions, groups, suites and flags) is compared to tell a changed entry from an unchanged one;
 * only facts that both formats write the same way are compared, so a CBOM and a JSON report of one scan are equal.
 */
import type { Report, ReportFinding } from '@pqready/core';
import type { GateSubject } from '../triage/gate.js';

export interface DiffEntry {
  /** The identity: kind, what, file and scope, joined. */
  readonly key: string;
  readonly kind: string;
  /** What it is, for people: `RSA-2048 api-call`, `certificate CN=pump-0042`, `TLS configuration`. */
  readonly label: string;
  readonly path: string;
  readonly line?: number;
  readonly scope?: string;
  /** Compared between two scans: verdict, state, weaknesses, suppression, fingerprints, versions … */
  readonly attributes: Readonly<Record<string, string>>;
  readonly gate: GateSubject;
}

const joinKey = (parts: readonly (string | undefined)[]): string => parts.map((p) => p ?? '').join('\u0000');
const clean = (attrs: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
/** Lists are written `a, b` whichever format they came from (the CBOM writes groups `a:b`). */
const list = (text: string | undefined): string | undefined =>
  text
    ?.split(/[,:]\s*/)
    .map((x) => x.trim())
    .filter(Boolean)
    .join(', ');

function commonName(dn: string | undefined): string | undefined {
  return dn ? (/(?:^|,)\s*CN=((?:\\,|[^,])+)/.exec(dn)?.[1] ?? dn) : undefined;
}

function entry(parts: {
  kind: string;
  what: string;
  role?: string;
  label: string;
  path: string;
  line?: number;
  scope?: string;
  attributes: Record<string, string | undefined>;
  verdict: string;
  weak: readonly string[];
  state: string;
  thirdParty: boolean;
  notAfter?: string;
}): DiffEntry {
  return {
    key: joinKey([parts.kind, parts.what, parts.role, parts.path, parts.scope]),
    kind: parts.kind,
    label: parts.label,
    path: parts.path,
    ...(parts.line !== undefined ? { line: parts.line } : {}),
    ...(parts.scope ? { scope: parts.scope } : {}),
    attributes: clean({
      verdict: parts.verdict,
      state: parts.state,
      'classically-weak': parts.weak.join(', '),
      ...parts.attributes,
    }),
    gate: {
      verdict: parts.verdict,
      classicallyWeak: parts.weak,
      state: parts.state,
      kind: parts.kind,
      thirdParty: parts.thirdParty,
      ...(parts.notAfter ? { notAfter: parts.notAfter } : {}),
    },
  };
}

/** The state of what a finding stands for: a disabling option in effect disables it; stored objects are active. */
function effectiveState(role: string, state: string | undefined): string {
  if (role === 'config-disable' && (state === undefined || state === 'active')) return 'disabled';
  return state ?? 'active';
}

export function entryOfFinding(report: Report, f: ReportFinding): DiffEntry {
  const name = (key: string) => report.algorithms[key]?.description.name ?? key;
  const triage = {
    suppressed: f.suppression ? `${f.suppression.targets.join(',')}: ${f.suppression.reason}` : undefined,
    'third-party': f.thirdParty ? 'yes' : undefined,
  };
  const common = {
    path: f.evidence.path,
    ...(f.evidence.line !== undefined ? { line: f.evidence.line } : {}),
    ...(f.context ? { scope: f.context } : {}),
    verdict: f.verdict.quantum,
    weak: f.verdict.classicallyWeak,
    state: effectiveState(f.role, f.state),
    thirdParty: f.thirdParty === true,
  };
  switch (f.kind) {
    case 'algorithm': {
      const what = name(f.algorithms[0]?.algorithm ?? f.algorithm.id);
      return entry({
        ...common,
        kind: 'algorithm',
        what,
        role: f.role,
        label: `${what} ${f.role}`,
        attributes: triage,
      });
    }
    case 'certificate': {
      const c = f.certificate;
      const subject = c.subject ?? c.type;
      return entry({
        ...common,
        kind: 'certificate',
        what: `${c.type} ${subject}`,
        label: `${c.type} ${commonName(c.subject) ?? ''}`.trim(),
        ...(c.notAfter ? { notAfter: c.notAfter } : {}),
        attributes: {
          ...triage,
          fingerprint: c.fingerprint.sha256.toLowerCase(),
          'not-after': c.notAfter,
        },
      });
    }
    case 'key': {
      const k = f.key;
      const what = name(f.algorithms.find((a) => a.use === 'key')?.algorithm ?? k.algorithm.id);
      return entry({
        ...common,
        kind: 'key',
        what: `${k.keyType} ${k.comment ?? ''}`,
        label: `${what} ${k.keyType} key`,
        attributes: { ...triage, fingerprint: k.fingerprint?.sha256.toLowerCase(), format: k.format },
      });
    }
    case 'protocol': {
      const p = f.protocol;
      return entry({
        ...common,
        kind: 'protocol',
        what: p.type,
        label: `${p.type.toUpperCase()} configuration`,
        attributes: {
          ...triage,
          versions: p.versions.join(', '),
          groups: p.groups.map((g) => g.name).join(', '),
          'cipher-suites': p.cipherSuites.map((s) => s.name).join(', '),
          flags: (p.flags ?? []).join(', '),
        },
      });
    }
  }
}

export const entriesOfReport = (report: Report): DiffEntry[] => report.findings.map((f) => entryOfFinding(report, f));

interface CdxProperty {
  readonly name: string;
  readonly value: string;
}
interface CdxOccurrence {
  readonly 'bom-ref'?: string;
  readonly location?: string;
  readonly line?: number;
  readonly symbol?: string;
  readonly additionalContext?: string;
}
interface CdxComponent {
  readonly name?: string;
  readonly properties?: readonly CdxProperty[];
  readonly evidence?: { readonly occurrences?: readonly CdxOccurrence[] };
  readonly cryptoProperties?: {
    readonly assetType?: string;
    readonly certificateProperties?: { readonly subjectName?: string; readonly notValidAfter?: string };
    readonly relatedCryptoMaterialProperties?: { readonly type?: string; readonly format?: string };
    readonly protocolProperties?: {
      readonly type?: string;
      readonly version?: string;
      readonly cipherSuites?: readonly { readonly name?: string }[];
    };
  };
}

/** `key=value; …` of an occurrence (the snippet comes last and may hold anything). */
function contextPairs(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split('; ')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    if (key === 'snippet') break;
    out[key] = part.slice(eq + 1);
  }
  return out;
}

const KIND_OF_ASSET: Readonly<Record<string, string>> = {
  algorithm: 'algorithm',
  certificate: 'certificate',
  'related-crypto-material': 'key',
  protocol: 'protocol',
};

/**
 * Entries of a CycloneDX CBOM: one per occurrence that stands for a finding (`bom-ref` `finding/…` in pqready's
 * CBOMs); for CBOMs of other tools, which have no such occurrences, one per occurrence of each crypto asset.
 */
export function entriesOfCycloneDx(bom: { readonly components?: readonly CdxComponent[] }): DiffEntry[] {
  const components = bom.components ?? [];
  const ownFindings = components.some((c) =>
    c.evidence?.occurrences?.some((o) => o['bom-ref']?.startsWith('finding/')),
  );
  const out: DiffEntry[] = [];
  for (const c of components) {
    const kind = KIND_OF_ASSET[c.cryptoProperties?.assetType ?? ''];
    if (!kind) continue;
    const props = new Map((c.properties ?? []).map((p) => [p.name, p.value]));
    for (const o of c.evidence?.occurrences ?? []) {
      if (ownFindings && !o['bom-ref']?.startsWith('finding/')) continue;
      const ctx = contextPairs(o.additionalContext);
      const role = ctx.role ?? props.get('pqready:role') ?? '';
      const state = effectiveState(role, ctx.state ?? props.get('pqready:state'));
      const verdict = props.get('pqready:quantum-verdict') ?? 'unknown';
      const weak = (props.get('pqready:classically-weak') ?? '').split(', ').filter(Boolean);
      const name = c.name ?? '';
      const cp = c.cryptoProperties;
      const common = {
        path: o.location ?? '',
        ...(o.line !== undefined ? { line: o.line } : {}),
        ...(o.symbol ? { scope: o.symbol } : {}),
        verdict,
        weak,
        state,
        thirdParty: ctx['third-party'] === 'yes',
      };
      const triage = {
        suppressed: ctx.suppressed ? `${ctx.suppressed}: ${ctx['suppression-reason'] ?? ''}` : undefined,
        'third-party': ctx['third-party'],
      };
      const type = props.get('pqready:certificate-type') ?? 'certificate';
      switch (kind) {
        case 'algorithm':
          out.push(entry({ ...common, kind, what: name, role, label: `${name} ${role}`.trim(), attributes: triage }));
          break;
        case 'certificate': {
          const subject = cp?.certificateProperties?.subjectName ?? type;
          const notAfter = cp?.certificateProperties?.notValidAfter;
          out.push(
            entry({
              ...common,
              kind,
              what: `${type} ${subject}`,
              label: `${type} ${commonName(cp?.certificateProperties?.subjectName) ?? ''}`.trim(),
              ...(notAfter ? { notAfter } : {}),
              attributes: { ...triage, fingerprint: props.get('pqready:fingerprint-sha256'), 'not-after': notAfter },
            }),
          );
          break;
        }
        case 'key': {
          const written = cp?.relatedCryptoMaterialProperties?.type ?? '';
          const keyType = written === 'other' ? 'parameters' : written.replace(/-key$/, '');
          out.push(
            entry({
              ...common,
              kind,
              what: `${keyType} ${props.get('pqready:comment') ?? ''}`,
              // The CBOM names a key `EC-P256 private key`; older or other CBOMs may give the algorithm only.
              label: / key$/.test(name) ? name : `${name} ${keyType} key`.trim(),
              attributes: {
                ...triage,
                fingerprint: props.get('pqready:fingerprint-sha256'),
                format: cp?.relatedCryptoMaterialProperties?.format,
              },
            }),
          );
          break;
        }
        case 'protocol': {
          const type = props.get('pqready:protocol-type') ?? cp?.protocolProperties?.type ?? 'other';
          out.push(
            entry({
              ...common,
              kind,
              what: type,
              label: `${type.toUpperCase()} configuration`,
              attributes: {
                ...triage,
                versions: list(props.get('pqready:versions') ?? cp?.protocolProperties?.version),
                groups: list(props.get('pqready:groups')),
                'cipher-suites': (cp?.protocolProperties?.cipherSuites ?? []).map((s) => s.name ?? '').join(', '),
                flags: list(props.get('pqready:flags')),
              },
            }),
          );
          break;
        }
      }
    }
  }
  return out;
}
