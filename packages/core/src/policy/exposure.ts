/**
 * Certificate exposure: a quantum-broken certificate (signature or key) whose validity runs past a policy
 * milestone (deprecation / disallowance) needs re-issuing before that date, whatever its quantum verdict today.
 */
import { describeAlgorithm } from '../catalog/describe.js';
import type { CertificateFacts } from '../model/finding.js';
import { classify } from './classify.js';
import type { MilestoneScope, Policy, PolicyMilestone } from './types.js';

export interface CertificateExposure {
  readonly notAfter: string;
  /** Milestones (deprecated / disallowed / exclusive) that fall inside the validity period, earliest first. */
  readonly milestones: readonly PolicyMilestone[];
  /** One sentence for people. */
  readonly message: string;
}

const CODE_SIGNING = new Set(['codeSigning', '1.3.6.1.5.5.7.3.3']);
const SERVER_AUTH = new Set(['serverAuth', '1.3.6.1.5.5.7.3.1']);

export function certificateExposure(
  cert: CertificateFacts,
  policy: Policy,
  scanTime: Date,
): CertificateExposure | undefined {
  if (!cert.notAfter) return undefined;
  const notAfter = new Date(cert.notAfter);
  if (Number.isNaN(notAfter.getTime()) || notAfter.getTime() < scanTime.getTime()) return undefined;
  const refs = [cert.signatureAlgorithm, ...(cert.publicKey ? [cert.publicKey.algorithm] : [])];
  const broken = refs.filter((r) => classify(r, policy).quantum === 'broken');
  if (broken.length === 0) return undefined;

  // The signature's strength is the issuer key's and often not recorded: only known strengths count.
  const bits = broken.flatMap((r) => describeAlgorithm(r).classicalSecurityBits ?? []);
  const scopes = new Set<MilestoneScope>(['quantum-vulnerable']);
  if (bits.some((b) => b <= 112)) scopes.add('quantum-vulnerable-112');
  if (cert.extendedKeyUsage?.some((u) => CODE_SIGNING.has(u))) scopes.add('code-signing');
  if (cert.extendedKeyUsage?.some((u) => SERVER_AUTH.has(u))) scopes.add('web');

  const hits = policy.milestones.filter(
    (ms) =>
      ms.state !== 'prefer' && scopes.has(ms.scope) && new Date(`${ms.date}T00:00:00Z`).getTime() <= notAfter.getTime(),
  );
  if (hits.length === 0) return undefined;
  const names = [...new Set(broken.map((r) => describeAlgorithm(r).name))].join(' and ');
  const first = hits[0]!;
  return {
    notAfter: cert.notAfter,
    milestones: hits,
    message: `Certificate${cert.subject ? ` ${cert.subject}` : ''} uses quantum-vulnerable ${names} and is valid until ${cert.notAfter.slice(0, 10)}, past ${policy.name}: ${first.label} (${first.date}).`,
  };
}
