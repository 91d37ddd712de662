/**
 * The shipped policies. Dates and thresholds from NIST IR 8547 ipd Tables 2–7 and the CNSA 2.0 advisory and FAQ
 * (each milestone cites its source).
 * NIST IR 8547 is an initial public draft (no final as of 2026-09-27), so its dates are "proposed".
 * Reading of "after 2030": from 2031-01-01; CNSA 2.0 "exclusively use by 2030": from 2031-01-01.
 */
import type { Source } from '../model/source.js';
import type { Policy, PolicyMilestone } from './types.js';

const IR8547: Source = Object.freeze({
  title: 'NIST IR 8547 ipd "Transition to Post-Quantum Cryptography Standards" Tables 2 and 4, §4.1.3',
  url: 'https://doi.org/10.6028/NIST.IR.8547.ipd',
  confidence: 'secondary',
});
const IR8547_T67: Source = Object.freeze({
  title: 'NIST IR 8547 ipd Tables 6-7 (block ciphers, hashes) and §4.1.3',
  url: 'https://doi.org/10.6028/NIST.IR.8547.ipd',
  confidence: 'secondary',
});
const CNSA2: Source = Object.freeze({
  title: 'NSA CSA "Announcing the Commercial National Security Algorithm Suite 2.0" (Sep 2022, re-hosted 2025-05-30)',
  url: 'https://media.defense.gov/2025/May/30/2003728741/-1/-1/0/CSA_CNSA_2.0_ALGORITHMS.PDF',
  confidence: 'secondary',
});
const CNSA2_FAQ: Source = Object.freeze({
  title: 'NSA "CNSA 2.0 and Quantum Computing FAQ" v2.1 (Dec 2024) pp. 11-12',
  url: 'https://media.defense.gov/2022/Sep/07/2003071836/-1/-1/0/CSI_CNSA_2.0_FAQ_.PDF',
  confidence: 'secondary',
});

const m = (row: PolicyMilestone): PolicyMilestone => Object.freeze(row);

const NIST_MILESTONES: readonly PolicyMilestone[] = [
  m({
    id: 'ir8547-112-deprecated',
    label: '112-bit quantum-vulnerable public key deprecated after 2030 (proposed)',
    date: '2031-01-01',
    state: 'deprecated',
    scope: 'quantum-vulnerable-112',
    sources: [IR8547],
  }),
  m({
    id: 'ir8547-112-disallowed',
    label: '112-bit quantum-vulnerable public key disallowed after 2035 (proposed)',
    date: '2036-01-01',
    state: 'disallowed',
    scope: 'quantum-vulnerable-112',
    sources: [IR8547],
  }),
  m({
    id: 'ir8547-disallowed',
    label: 'quantum-vulnerable public key (≥128-bit) disallowed after 2035 (proposed)',
    date: '2036-01-01',
    state: 'disallowed',
    scope: 'quantum-vulnerable',
    sources: [IR8547],
  }),
  m({
    id: 'ir8547-symmetric-112-disallowed',
    label: '112-bit symmetric standards disallowed in 2030 (proposed; read as from 2031)',
    date: '2031-01-01',
    state: 'disallowed',
    scope: 'symmetric-112',
    sources: [IR8547_T67],
  }),
];

const CNSA_MILESTONES: readonly PolicyMilestone[] = [
  m({
    id: 'cnsa2-code-signing-prefer',
    label: 'software/firmware signing: support and prefer CNSA 2.0 by 2025',
    date: '2026-01-01',
    state: 'prefer',
    scope: 'code-signing',
    sources: [CNSA2],
  }),
  m({
    id: 'cnsa2-code-signing-exclusive',
    label: 'software/firmware signing: exclusively CNSA 2.0 by 2030',
    date: '2031-01-01',
    state: 'exclusive',
    scope: 'code-signing',
    sources: [CNSA2],
  }),
  m({
    id: 'cnsa2-web-prefer',
    label: 'web browsers/servers and cloud: support and prefer CNSA 2.0 by 2025',
    date: '2026-01-01',
    state: 'prefer',
    scope: 'web',
    sources: [CNSA2],
  }),
  m({
    id: 'cnsa2-web-exclusive',
    label: 'web browsers/servers and cloud: exclusively CNSA 2.0 by 2033',
    date: '2034-01-01',
    state: 'exclusive',
    scope: 'web',
    sources: [CNSA2],
  }),
  m({
    id: 'cnsa2-networking-exclusive',
    label: 'traditional networking equipment: exclusively CNSA 2.0 by 2030',
    date: '2031-01-01',
    state: 'exclusive',
    scope: 'networking',
    sources: [CNSA2],
  }),
  m({
    id: 'cnsa2-os-exclusive',
    label: 'operating systems: exclusively CNSA 2.0 by 2033',
    date: '2034-01-01',
    state: 'exclusive',
    scope: 'operating-systems',
    sources: [CNSA2],
  }),
  m({
    id: 'cnsa2-niche-exclusive',
    label: 'niche equipment (constrained devices, large PKI): exclusively CNSA 2.0 by 2033',
    date: '2034-01-01',
    state: 'exclusive',
    scope: 'niche-equipment',
    sources: [CNSA2],
  }),
  m({
    id: 'cnsa2-legacy-replace',
    label: 'custom applications and legacy equipment: update or replace by 2033',
    date: '2034-01-01',
    state: 'exclusive',
    scope: 'custom-legacy',
    sources: [CNSA2],
  }),
  m({
    id: 'cnsa2-acquisitions',
    label: 'new NSS acquisitions CNSA 2.0 compliant from 1 January 2027',
    date: '2027-01-01',
    state: 'prefer',
    scope: 'acquisitions',
    sources: [CNSA2_FAQ],
  }),
  m({
    id: 'cnsa2-phase-out',
    label: 'equipment that cannot support CNSA 2.0 phased out by 31 December 2030',
    date: '2031-01-01',
    state: 'deprecated',
    scope: 'quantum-vulnerable',
    sources: [CNSA2_FAQ],
  }),
  m({
    id: 'cnsa2-mandated',
    label: 'CNSA 2.0 algorithms mandated by 31 December 2031',
    date: '2032-01-01',
    state: 'disallowed',
    scope: 'quantum-vulnerable',
    sources: [CNSA2_FAQ],
  }),
];

const byDate = (a: PolicyMilestone, b: PolicyMilestone) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

const NIST_IR_8547_DRAFT: Policy = Object.freeze({
  id: 'nist-ir-8547-draft',
  name: 'NIST IR 8547 (initial public draft)',
  version: 'ipd 2024-11-12',
  status: 'draft',
  description:
    'NIST transition: quantum-vulnerable public key deprecated/disallowed by strength; AES-128 and SHA-256 stay acceptable (category 1/2).',
  sources: [IR8547, IR8547_T67],
  symmetricMinKeyBits: 128,
  // SHA-224 / SHA3-224 / SHA-512/224: 112-bit collision strength, below category 1 (IR 8547 Table 7).
  hashMinOutputBits: 256,
  // HMAC keeps its security with SHA-1 (SP 800-131A Rev 2 still accepts HMAC-SHA-1).
  macHashMinOutputBits: 160,
  pqMinCategory: 1,
  milestones: [...NIST_MILESTONES].sort(byDate),
});

const CNSA_2_0: Policy = Object.freeze({
  id: 'cnsa-2.0',
  name: 'NSA CNSA 2.0',
  version: 'CSA 2022-09 / FAQ v2.1 2024-12',
  status: 'final',
  description:
    'US National Security Systems: ML-KEM-1024, ML-DSA-87, LMS/XMSS for firmware signing, AES-256, SHA-384/512 only.',
  sources: [CNSA2, CNSA2_FAQ],
  symmetricMinKeyBits: 256,
  hashMinOutputBits: 384,
  macHashMinOutputBits: 384,
  // ML-KEM-1024 and ML-DSA-87 are category 5.
  pqMinCategory: 5,
  milestones: [...CNSA_MILESTONES].sort(byDate),
});

/** Default: NIST's algorithm judgement (AES-128 acceptable) with both documents' dates. */
const NIST_IR_8547_DRAFT_CNSA_2_0: Policy = Object.freeze({
  id: 'nist-ir-8547-draft+cnsa-2.0',
  name: 'NIST IR 8547 (draft) with CNSA 2.0 milestones',
  version: `${NIST_IR_8547_DRAFT.version} + ${CNSA_2_0.version}`,
  status: 'mixed',
  description:
    'Verdict thresholds from NIST IR 8547 (AES-128, SHA-256 resistant); dates from IR 8547 and CNSA 2.0 (firmware signing earliest).',
  sources: [...NIST_IR_8547_DRAFT.sources, ...CNSA_2_0.sources],
  symmetricMinKeyBits: NIST_IR_8547_DRAFT.symmetricMinKeyBits,
  hashMinOutputBits: NIST_IR_8547_DRAFT.hashMinOutputBits,
  macHashMinOutputBits: NIST_IR_8547_DRAFT.macHashMinOutputBits,
  pqMinCategory: NIST_IR_8547_DRAFT.pqMinCategory,
  milestones: [...NIST_MILESTONES, ...CNSA_MILESTONES].sort(byDate),
});

const POLICIES: readonly Policy[] = Object.freeze([NIST_IR_8547_DRAFT_CNSA_2_0, NIST_IR_8547_DRAFT, CNSA_2_0]);

export const defaultPolicyId = NIST_IR_8547_DRAFT_CNSA_2_0.id;

export function listPolicies(): readonly Policy[] {
  return POLICIES;
}

export function getPolicy(id: string): Policy {
  const policy = POLICIES.find((p) => p.id === id);
  if (!policy) {
    throw new Error(`Unknown policy "${id}". Valid policies: ${POLICIES.map((p) => p.id).join(', ')}.`);
  }
  return policy;
}
