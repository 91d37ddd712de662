/**
 * One-line descriptions of report findings, shared by the table and Markdown renderers.
 */
import type { Report, ReportFinding } from '@pqready/core';

export function location(f: ReportFinding): string {
  const { path, line, column } = f.evidence;
  return `${path}${line ? `:${line}` : ''}${line && column ? `:${column}` : ''}`;
}

/** For protocols the key exchange decides the quantum verdict, so it is named first. */
const USE_ORDER: readonly string[] = ['group', 'signature-scheme', 'protocol-algorithm', 'cipher-suite'];
const useRank = (use: string): number => {
  const i = USE_ORDER.indexOf(use);
  return i < 0 ? -1 : i;
};

/** Distinct algorithm names of a finding, key exchange first for protocols, otherwise in order of appearance. */
export function algorithmNames(report: Report, f: ReportFinding, max = 4): string {
  const ordered = [...f.algorithms].sort((a, b) => useRank(a.use) - useRank(b.use));
  const names = [...new Set(ordered.map((a) => report.algorithms[a.algorithm]?.description.name ?? a.algorithm))];
  return names.length > max ? `${names.slice(0, max).join(', ')} (+${names.length - max})` : names.join(', ');
}

function commonName(dn: string | undefined): string | undefined {
  if (!dn) return undefined;
  return /(?:^|,)\s*CN=((?:\\,|[^,])+)/.exec(dn)?.[1] ?? dn;
}

export function detail(f: ReportFinding): string {
  const parts: string[] = [];
  switch (f.kind) {
    case 'certificate': {
      const c = f.certificate;
      parts.push(c.type === 'certificate' ? (commonName(c.subject) ?? 'certificate') : c.type.toUpperCase());
      if (c.notAfter) parts.push(`until ${c.notAfter.slice(0, 10)}`);
      if (c.validity && c.validity !== 'valid') parts.push(c.validity);
      const last = f.exposure?.milestones.at(-1);
      if (last) parts.push(`quantum-exposed: valid past ${last.label.toLowerCase()} (${last.date})`);
      break;
    }
    case 'key':
      parts.push(`${f.key.keyType} key`, f.key.format);
      if (f.key.protection) parts.push('encrypted');
      break;
    case 'protocol':
      parts.push(`${f.protocol.type.toUpperCase()} ${f.protocol.versions.join('/')}`.trim());
      if (f.context) parts.push(f.context);
      if (f.protocol.flags?.length) parts.push(f.protocol.flags.join(' '));
      break;
    case 'algorithm':
      parts.push(f.role);
      if (f.library) parts.push(f.library);
      if (f.context) parts.push(`in ${f.context}`);
      break;
  }
  if (f.state && f.state !== 'active') parts.push(`[${f.state}]`);
  if (f.origin && f.origin !== 'explicit') parts.push(`(${f.origin})`);
  const weak = f.verdict.classicallyWeak;
  if (weak.length) parts.push(`weak: ${weak.join(', ')}`);
  if (f.thirdParty) parts.push('third-party');
  if (f.suppression) parts.push(`suppressed ${f.suppression.targets.join(',')}: ${f.suppression.reason}`);
  return parts.join(' · ');
}
