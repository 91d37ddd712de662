/**
 * @pqready/core: the crypto catalog (data), the finding model, policies and the CBOM writer.
 * Named re-exports only: this list is the package's whole public surface.
 */

export type { VersionFileRow } from './catalog/crypto-libraries.js';
export { CRYPTO_LIBRARIES } from './catalog/crypto-libraries.js';
export { describeAlgorithm } from './catalog/describe.js';
export type { IkeTokenRow, IkeTransform } from './catalog/ike-proposals.js';
export { findIkeToken, IKE_TOKENS } from './catalog/ike-proposals.js';
export {
  algorithmFromOid,
  curveFromName,
  curveFromOid,
  getAlgorithm,
  getCurve,
  getHash,
  listAlgorithms,
  oidName,
} from './catalog/lookup.js';
export type { SshAlgorithmKind, SshAlgorithmRow } from './catalog/ssh-algorithms.js';
export { findSshAlgorithm, SSH_ALGORITHMS } from './catalog/ssh-algorithms.js';
export type { OpensshDefaults } from './catalog/ssh-defaults.js';
export { DEFAULT_OPENSSH_VERSION, OPENSSH_DEFAULTS, opensshDefaultsFor } from './catalog/ssh-defaults.js';
export type { OpensslCipherSuiteRow, Tls13CipherSuiteRow } from './catalog/tls-cipher-suite-types.js';
export {
  cipherSuiteFacts,
  findCipherSuiteByIanaName,
  findCipherSuiteByOpensslName,
  findTls13CipherSuite,
  isCbcSha1,
  OPENSSL_CIPHER_SUITE_ROWS,
  OPENSSL_CIPHER_TABLE_SOURCE,
  TLS13_CIPHER_SUITE_ROWS,
} from './catalog/tls-cipher-suites.js';
export type { TlsGroupRow } from './catalog/tls-groups.js';
export { findTlsGroup, isPqGroup, OPENSSL_DEFAULT_GROUPS, TLS_GROUPS } from './catalog/tls-groups.js';
export type { TlsSignatureSchemeRow } from './catalog/tls-signature-schemes.js';
export { findTlsSignatureScheme, TLS_SIGNATURE_SCHEMES } from './catalog/tls-signature-schemes.js';
export { PROTOCOL_SOURCES } from './catalog/tls-sources.js';
export type {
  AlgorithmDescription,
  AlgorithmRow,
  CurveRow,
  HashRow,
  OidRow,
  Primitive,
  QuantumExposure,
  QuantumVerdict,
  Verdict,
} from './catalog/types.js';
export { jsonChunks, LazyArray } from './cbom/json-chunks.js';
export { serializeCbom, serializeCbomChunks } from './cbom/serialize.js';
export { validateCycloneDx } from './cbom/validate.js';
export type { ComponentIdentity, CycloneDxOptions } from './cbom/writer.js';
export { cycloneDxChunks, toCycloneDx } from './cbom/writer.js';
export { canonical, sha256Hex } from './model/canonical.js';
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
  LibraryFacts,
  NamedGroupFacts,
  ProtocolFacts,
  ProtocolFinding,
  ScannedFile,
  Suppression,
  SuppressionDirective,
} from './model/finding.js';
export { deepestFlowNesting, MAX_YAML_NESTING } from './model/nesting.js';
export { compareDiagnostics, compareFindings } from './model/order.js';
export { redactSnippet } from './model/redact.js';
export { locateInRoots } from './model/roots.js';
export type { Source } from './model/source.js';
export { classify, VERDICT_ORDER, worstVerdict } from './policy/classify.js';
export type { CertificateExposure } from './policy/exposure.js';
export { certificateExposure } from './policy/exposure.js';
export type { AlgorithmUse, FindingAlgorithm } from './policy/finding-verdict.js';
export { findingAlgorithms, findingVerdict, protocolVerdict } from './policy/finding-verdict.js';
export { defaultPolicyId, getPolicy, listPolicies } from './policy/policies.js';
export { protocolWeakness, protocolWeaknesses } from './policy/protocol-weaknesses.js';
export type { MilestoneScope, Policy, PolicyMilestone } from './policy/types.js';
export type { Report, ReportAlgorithm, ReportFinding } from './report/report.js';
export { buildReport } from './report/report.js';
