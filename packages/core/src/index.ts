/**
 * @pqready/core: the crypto catalog (data), the finding model, policies and the CBOM writer.
 * Named re-exports only: this list is the package's whole public surface.
 */
export type { Source } from './model/source.js';
export type {
  ActivityState,
  AlgorithmFinding,
  AlgorithmRef,
  CertificateFacts,
  CertificateFinding,
  CipherSuiteFacts,
  Diagnostic,
  Evidence,
  Finding,
  FindingRole,
  Fingerprint,
  Inventory,
  KeyFacts,
  KeyFinding,
  KeyType,
  NamedGroupFacts,
  ProtocolFacts,
  ProtocolFinding,
  ScannedFile,
} from './model/finding.js';
export type { AlgorithmDescription, Primitive, QuantumVerdict, Verdict } from './catalog/types.js';
