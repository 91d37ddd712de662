/**
 * Policy model: the thresholds and dates a verdict is judged against. Policies are versioned data,
 * separate from detection, so a new policy never requires a rescan.
 */
import type { Source } from '../model/source.js';

/** What a milestone applies to. */
export type MilestoneScope =
  /** Quantum-vulnerable public-key algorithms at 112-bit classical strength (RSA-2048, P-224, DH-2048). */
  | 'quantum-vulnerable-112'
  /** Every quantum-vulnerable public-key algorithm. */
  | 'quantum-vulnerable'
  /** Symmetric primitives and hashes at 112-bit strength (3DES, SHA-224). */
  | 'symmetric-112'
  /** Software and firmware signing (certificates with the codeSigning EKU, firmware signing keys). */
  | 'code-signing'
  /** Web browsers, servers and cloud services (TLS server certificates). */
  | 'web'
  /** Traditional networking equipment (VPNs, routers). */
  | 'networking'
  | 'operating-systems'
  /** Constrained devices and large PKI. */
  | 'niche-equipment'
  | 'custom-legacy'
  | 'acquisitions';

export interface PolicyMilestone {
  readonly id: string;
  /** Short text for people, e.g. "Deprecated after 2030". */
  readonly label: string;
  /** First day (ISO 8601 date) on which the state applies. "after 2030" → 2031-01-01. */
  readonly date: string;
  /** `prefer`: support and prefer PQ; `deprecated`: may be used with risk; `disallowed`/`exclusive`: classical no longer allowed. */
  readonly state: 'prefer' | 'deprecated' | 'disallowed' | 'exclusive';
  readonly scope: MilestoneScope;
  readonly sources: readonly Source[];
}

export interface Policy {
  /** Stable id, e.g. `nist-ir-8547-draft+cnsa-2.0`. */
  readonly id: string;
  readonly name: string;
  /** Version of the policy document(s) transcribed. */
  readonly version: string;
  /** Whether the underlying document is final; drafts must be labelled as proposed. */
  readonly status: 'draft' | 'final' | 'mixed';
  readonly description: string;
  readonly sources: readonly Source[];
  /** Symmetric ciphers, CMAC, CTR_DRBG: minimum key size (bits) to count as quantum-resistant. */
  readonly symmetricMinKeyBits: number;
  /** Hashes: minimum output size (bits). */
  readonly hashMinOutputBits: number;
  /** HMAC / KDF / hash DRBG: minimum output size of the underlying hash (bits). */
  readonly macHashMinOutputBits: number;
  /** Post-quantum algorithms: minimum NIST category. */
  readonly pqMinCategory: number;
  readonly milestones: readonly PolicyMilestone[];
}
