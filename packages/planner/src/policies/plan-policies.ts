/**
 * Planning policies: versioned data with citations. Each names the core policy that judges verdicts (thresholds), the
 * dated deadlines it sets per scope, and what it says about hybrids and parameter sets. NIST IR 8547 and CNSA 2.0
 * deadlines are the core policy's own milestones (one transcription, not two); BSI, ANSSI, the EU roadmap, the CRA and
 * the FDA premarket guidance are transcribed here. "After 2030" reads as from 2031-01-01; "by end of 2030" as due
 * 2030-12-31.
 */
import { getPolicy, type PolicyMilestone, type Source } from '@pqready/core';
import {
  ANSSI_FAQ,
  ANSSI_FOLLOW_UP,
  BSI_TR_02102_1,
  CNSA_2,
  CNSA_2_FAQ,
  EU_CRA,
  EU_ROADMAP,
  FDA_PREMARKET,
  IR_8547_HYBRID,
  SP_800_131A,
} from './sources.js';

/** What a deadline applies to. Use cases map onto these in `use-cases/table.ts`. */
export type DeadlineScope =
  /** Key establishment: ECDH, FFDH, RSA key transport (harvest now, decrypt later). */
  | 'key-establishment'
  /** Every quantum-vulnerable signature (authentication, identity, firmware). */
  | 'signatures'
  /** Software and firmware signing. */
  | 'firmware-signing'
  /** Web servers, cloud services, TLS endpoints. */
  | 'web'
  /** Constrained devices and large PKI (CNSA "niche equipment"). */
  | 'niche-equipment'
  /** Every quantum-vulnerable public-key algorithm. */
  | 'public-key'
  /** Symmetric primitives and hashes at 112-bit strength (3DES, SHA-224). */
  | 'symmetric-112'
  /** Dates of a regulation that do not retire an algorithm: shown on the timeline only. */
  | 'regulatory';

export interface PlanDeadline {
  readonly id: string;
  readonly policy: string;
  readonly label: string;
  /** ISO date from which the state applies (or by which the work is due, for `complete`). */
  readonly date: string;
  readonly state: 'deprecated' | 'disallowed' | 'exclusive' | 'complete' | 'milestone';
  readonly scope: DeadlineScope;
  /** When set, the deadline applies only to quantum-vulnerable algorithms at or below this classical strength. */
  readonly maxBits?: number;
  readonly sources: readonly Source[];
}

export interface PlanPolicy {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** Drafts are labelled "proposed"; guidance binds no one but its own government scope. */
  readonly status: 'draft' | 'final' | 'guidance' | 'regulation' | 'mixed';
  /** Who it binds, in one phrase, printed next to every date taken from it. */
  readonly binds: string;
  /** Core policy id whose thresholds give the verdicts when this policy leads the selection. */
  readonly verdictPolicy: string;
  /** Hybrid key exchange and dual signatures: required, recommended, accepted, or not required. */
  readonly hybrid: 'required' | 'recommended' | 'accepted' | 'not-required';
  /** Minimum NIST category for replacements this policy accepts. */
  readonly minCategory: number;
  /** Firmware signing schemes this policy names, in its order of preference (bench candidate ids). */
  readonly firmwareSchemes?: readonly string[];
  readonly deadlines: readonly PlanDeadline[];
  /** Expectations that are not dates (FDA), printed in the policy citations. */
  readonly expectations: readonly { readonly text: string; readonly source: Source }[];
  readonly sources: readonly Source[];
}

const CORE_SCOPE: Readonly<Record<PolicyMilestone['scope'], { scope: DeadlineScope; maxBits?: number } | undefined>> = {
  'quantum-vulnerable-112': { scope: 'public-key', maxBits: 112 },
  'quantum-vulnerable': { scope: 'public-key' },
  'symmetric-112': { scope: 'symmetric-112' },
  'code-signing': { scope: 'firmware-signing' },
  web: { scope: 'web' },
  networking: undefined,
  'operating-systems': undefined,
  'niche-equipment': { scope: 'niche-equipment' },
  'custom-legacy': undefined,
  acquisitions: undefined,
};

/** Core milestones that set a deadline (not "prefer") and have a scope the plan can apply. */
function fromCore(policyId: string, planPolicy: string): PlanDeadline[] {
  return getPolicy(policyId).milestones.flatMap((m) => {
    const scope = CORE_SCOPE[m.scope];
    if (!scope || m.state === 'prefer') return [];
    return [
      {
        id: m.id,
        policy: planPolicy,
        label: m.label,
        date: m.date,
        state: m.state,
        scope: scope.scope,
        ...(scope.maxBits !== undefined ? { maxBits: scope.maxBits } : {}),
        sources: m.sources,
      },
    ];
  });
}

const d = (row: PlanDeadline): PlanDeadline => Object.freeze(row);

const NIST: PlanPolicy = {
  id: 'nist-ir-8547-ipd',
  name: 'NIST IR 8547 (initial public draft: proposed dates)',
  version: 'ipd 2024-11-12',
  status: 'draft',
  binds: 'US federal systems; the reference other guidance (and the FDA) points to',
  verdictPolicy: 'nist-ir-8547-draft',
  hybrid: 'accepted',
  minCategory: 1,
  deadlines: fromCore('nist-ir-8547-draft', 'nist-ir-8547-ipd'),
  expectations: [
    {
      text: 'Hybrid key establishment and dual signatures are accepted when one component is NIST-approved; they are expected to be temporary.',
      source: IR_8547_HYBRID,
    },
  ],
  sources: getPolicy('nist-ir-8547-draft').sources,
};

const CNSA: PlanPolicy = {
  id: 'cnsa-2.0',
  name: 'NSA CNSA 2.0',
  version: 'CSA 2022-09 / FAQ v2.1 2024-12',
  status: 'final',
  binds: 'US National Security Systems only; cited as the earliest published firmware-signing schedule',
  verdictPolicy: 'cnsa-2.0',
  hybrid: 'not-required',
  minCategory: 5,
  firmwareSchemes: ['lms', 'xmss', 'ml-dsa-87'],
  deadlines: fromCore('cnsa-2.0', 'cnsa-2.0'),
  expectations: [
    {
      text: 'Software and firmware signing: LMS or XMSS (SP 800-208, single tree; HSS and XMSS^MT not allowed) or ML-DSA-87; ML-KEM-1024 for key establishment.',
      source: CNSA_2_FAQ,
    },
  ],
  sources: [CNSA_2, CNSA_2_FAQ],
};

const BSI: PlanPolicy = {
  id: 'bsi-tr-02102',
  name: 'BSI TR-02102-1 (Germany)',
  version: '2026-01',
  status: 'guidance',
  binds: 'German guidance (binding only for federal classified IT through separate rules)',
  verdictPolicy: 'nist-ir-8547-draft',
  hybrid: 'required',
  minCategory: 3,
  deadlines: [
    d({
      id: 'bsi-classical-kex-end',
      policy: 'bsi-tr-02102',
      label: 'classical-only key agreement recommended only until the end of 2031',
      date: '2032-01-01',
      state: 'disallowed',
      scope: 'key-establishment',
      sources: [BSI_TR_02102_1],
    }),
    d({
      id: 'bsi-classical-signatures-end',
      policy: 'bsi-tr-02102',
      label: 'classical-only signatures recommended until the end of 2035',
      date: '2036-01-01',
      state: 'disallowed',
      scope: 'signatures',
      sources: [BSI_TR_02102_1],
    }),
  ],
  expectations: [
    {
      text: 'Lattice-based KEMs (ML-KEM) only in hybrid combination with a classical mechanism; hash-based signatures may stand alone; ML-KEM-768 or -1024.',
      source: BSI_TR_02102_1,
    },
  ],
  sources: [BSI_TR_02102_1],
};

const ANSSI: PlanPolicy = {
  id: 'anssi',
  name: 'ANSSI post-quantum guidance (France)',
  version: '2023 follow-up + FAQ PQC',
  status: 'guidance',
  binds: 'French guidance; hybridisation mandatory in ANSSI’s regulated perimeter',
  verdictPolicy: 'nist-ir-8547-draft',
  hybrid: 'required',
  minCategory: 3,
  deadlines: [
    d({
      id: 'anssi-no-classical-purchases',
      policy: 'anssi',
      label: 'products without post-quantum cryptography not reasonable to buy after 2030',
      date: '2031-01-01',
      state: 'deprecated',
      scope: 'public-key',
      sources: [ANSSI_FAQ],
    }),
  ],
  expectations: [
    {
      text: 'Hybridise key establishment and signatures wherever post-quantum protection is needed; hash-based signatures are exempt from hybridisation.',
      source: ANSSI_FOLLOW_UP,
    },
  ],
  sources: [ANSSI_FOLLOW_UP, ANSSI_FAQ],
};

const EU: PlanPolicy = {
  id: 'eu',
  name: 'EU coordinated PQC roadmap and Cyber Resilience Act',
  version: 'NIS CG roadmap v1.1 2025-06 + Regulation (EU) 2024/2847',
  status: 'mixed',
  binds:
    'EU Member States (roadmap, non-binding); CRA binds products with digital elements, excluding MDR/IVDR devices',
  verdictPolicy: 'nist-ir-8547-draft',
  hybrid: 'recommended',
  minCategory: 1,
  deadlines: [
    d({
      id: 'eu-high-risk-2030',
      policy: 'eu',
      label: 'high-risk use cases migrated; quantum-vulnerable public key not used stand-alone after 2030',
      date: '2030-12-31',
      state: 'complete',
      scope: 'key-establishment',
      sources: [EU_ROADMAP],
    }),
    d({
      id: 'eu-firmware-2030',
      policy: 'eu',
      label: 'quantum-safe software and firmware upgrades enabled by default by end of 2030',
      date: '2030-12-31',
      state: 'complete',
      scope: 'firmware-signing',
      sources: [EU_ROADMAP],
    }),
    d({
      id: 'eu-medium-risk-2035',
      policy: 'eu',
      label: 'medium-risk use cases migrated by end of 2035',
      date: '2035-12-31',
      state: 'complete',
      scope: 'public-key',
      sources: [EU_ROADMAP],
    }),
    d({
      id: 'cra-reporting',
      policy: 'eu',
      label: 'CRA Art. 14 vulnerability and incident reporting applies (companions, not MDR devices)',
      date: '2026-09-11',
      state: 'milestone',
      scope: 'regulatory',
      sources: [EU_CRA],
    }),
    d({
      id: 'cra-application',
      policy: 'eu',
      label: 'CRA applies in full (gateway and cloud companions; MDR devices excluded by Art. 2(2))',
      date: '2027-12-11',
      state: 'milestone',
      scope: 'regulatory',
      sources: [EU_CRA],
    }),
  ],
  expectations: [
    {
      text: 'The CRA excludes devices under MDR/IVDR (Art. 2(2)) but covers non-device companions: hospital integration software, cloud back-ends and stand-alone update tools.',
      source: EU_CRA,
    },
  ],
  sources: [EU_ROADMAP, EU_CRA],
};

const FDA: PlanPolicy = {
  id: 'fda-premarket',
  name: 'FDA premarket cybersecurity guidance (no PQC date; inherits NIST deprecation states)',
  version: '2026-02-03 edition',
  status: 'guidance',
  binds: 'US medical device premarket submissions (FD&C Act §524B for cyber devices)',
  verdictPolicy: 'nist-ir-8547-draft+cnsa-2.0',
  hybrid: 'accepted',
  minCategory: 1,
  // FDA App1.C-04 ("should not implement … deprecated or disallowed") makes the NIST deprecation dates deadlines for
  // a device whose service life crosses them; SP 800-131A supplies the vocabulary.
  deadlines: fromCore('nist-ir-8547-draft', 'fda-premarket').map((m) => ({
    ...m,
    id: `fda-${m.id}`,
    label: `${m.label}; FDA App1.C-04: deprecated or disallowed algorithms should not be implemented`,
    sources: [...m.sources, FDA_PREMARKET, SP_800_131A],
  })),
  expectations: [
    {
      text: 'App1.C-03: cryptography "expected to be considered cryptographically strong throughout the service life of the device".',
      source: FDA_PREMARKET,
    },
    {
      text: 'App1.C-04: "Manufacturers should not implement cryptographic algorithms that have been deprecated or disallowed in applicable standards or best practices (e.g., NIST SP 800-131A)".',
      source: FDA_PREMARKET,
    },
    {
      text: 'App1.H-03: design devices to anticipate patches and updates, which "will likely necessitate the need for additional storage space and processing resources".',
      source: FDA_PREMARKET,
    },
    {
      text: '§V.A.4(b): a machine-readable SBOM with each component’s level of support and end-of-support date; this plan’s CBOM is the cryptography part of it.',
      source: FDA_PREMARKET,
    },
  ],
  sources: [FDA_PREMARKET, SP_800_131A],
};

export const PLAN_POLICIES: readonly PlanPolicy[] = Object.freeze(
  [FDA, NIST, CNSA, BSI, ANSSI, EU].map((p) => Object.freeze(p)),
);

/** Default selection: the FDA's expectations with the NIST dates it inherits, and the EU roadmap and CRA dates. */
export const DEFAULT_PLAN_POLICIES: readonly string[] = ['fda-premarket', 'eu'];

export function getPlanPolicy(id: string): PlanPolicy {
  const p = PLAN_POLICIES.find((x) => x.id === id);
  if (!p) throw new Error(`Unknown plan policy "${id}". Valid policies: ${PLAN_POLICIES.map((x) => x.id).join(', ')}.`);
  return p;
}
