/**
 * What the planner knows about a CBOM after reading it: crypto assets with their occurrences, the facts the plan
 * needs (algorithm, certificate validity, protocol key exchange and authentication) and nothing CycloneDX-specific.
 * Only `cbom/` builds these; everything downstream reads them, so a change in the CBOM shape stays in one folder.
 */
import type { ActivityState, AlgorithmRef } from '@pqready/core';

/**
 * Activity state of one occurrence: the core states, `disabled` (a disabling option in effect), and `ambiguous`
 * when an older CBOM lists several states on the component without tying them to occurrences.
 */
export type OccurrenceState = ActivityState | 'disabled' | 'ambiguous';

/** Where an asset was seen, with the facts the CBOM gives for that one occurrence (or for its whole component). */
export interface AssetOccurrence {
  readonly location: string;
  readonly line?: number;
  readonly offset?: number;
  /** Enclosing function (C) or configuration scope. */
  readonly symbol?: string;
  /** The source line (pqready's `snippet=`), or the whole additionalContext of another tool's CBOM. */
  readonly context?: string;
  /** Absent when the CBOM says nothing. */
  readonly state?: OccurrenceState;
  readonly role?: string;
  readonly detector?: string;
  readonly origin?: string;
  readonly library?: string;
  /** The finding's notes (pqready's `note=`). */
  readonly notes: readonly string[];
  /** Other facts of the finding (`config.setting`, `config.directive`, `function`, `option`, `encoding` …). */
  readonly facts: Readonly<Record<string, string>>;
  /** Parameters the scanner saw but could not resolve (`unresolved.<parameter>=`). */
  readonly unresolved: Readonly<Record<string, string>>;
  /**
   * The occurrence's own bom-ref (`finding/<id>`, the JSON report id and SARIF `findingId`): set on the occurrence
   * of the component that stands for a finding; a part of another finding (a certificate's key, a protocol's
   * groups) carries the occurrence without one.
   */
  readonly findingRef?: string;
  /** Whether state/role came from the occurrence itself, from its component, or were inferred from the snippet. */
  readonly factsFrom: 'occurrence' | 'component' | 'inferred' | 'none';
}

export type AssetType = 'algorithm' | 'certificate' | 'related-crypto-material' | 'protocol';

/** How an algorithm component was tied to a catalog entry. */
export type RefBasis = 'pqready-id' | 'oid' | 'name' | 'none';

export interface AlgorithmFacts {
  readonly ref?: AlgorithmRef;
  readonly refBasis: RefBasis;
  readonly primitive?: string;
  readonly parameterSetIdentifier?: string;
  readonly classicalSecurityLevel?: number;
  readonly nistQuantumSecurityLevel?: number;
}

export interface CertificateFacts {
  readonly subject?: string;
  readonly issuer?: string;
  readonly notBefore?: string;
  readonly notAfter?: string;
  readonly extendedKeyUsage: readonly string[];
  readonly keyUsage: readonly string[];
  readonly ca?: boolean;
  readonly fingerprintSha256?: string;
  /** bom-refs of the signature algorithm and the subject public key components. */
  readonly signatureRef?: string;
  readonly publicKeyRef?: string;
}

export interface KeyFacts {
  /** CycloneDX relatedCryptoMaterialProperties.type: public-key, private-key, secret-key … */
  readonly type: string;
  readonly sizeBits?: number;
  readonly algorithmRef?: string;
  /** The scheme protecting an encrypted private key (`securedBy.algorithmRef`). */
  readonly protectionRef?: string;
}

export interface ProtocolFacts {
  /** CycloneDX protocol type, or pqready's own (mqtt-tls) when the CBOM says so. */
  readonly type: string;
  readonly versions: readonly string[];
  /** bom-refs of every algorithm, certificate and key the protocol names. */
  readonly refs: readonly string[];
  /** Group / key-exchange names as the CBOM lists them (1.7 tlsGroups, pqready:groups). */
  readonly groups: readonly string[];
  /** Signature schemes as the CBOM lists them (1.7 tlsSignatureSchemes, pqready:signature-schemes). */
  readonly signatureSchemes: readonly string[];
  /** Flags pqready records (cbc-sha1, no-pq-group, tls-below-1.2 …). */
  readonly flags: readonly string[];
  readonly cipherSuites: readonly { readonly name: string; readonly algorithms: readonly string[] }[];
  /** Certificate and key files the configuration names (pqready:references). */
  readonly references: readonly { readonly directive: string; readonly path: string }[];
}

export interface CryptoAsset {
  readonly bomRef: string;
  readonly name: string;
  readonly assetType: AssetType;
  readonly occurrences: readonly AssetOccurrence[];
  readonly algorithm?: AlgorithmFacts;
  readonly certificate?: CertificateFacts;
  readonly key?: KeyFacts;
  readonly protocol?: ProtocolFacts;
  /** Libraries that implement the asset (from `provides`) or that the CBOM names as its library. */
  readonly libraries: readonly string[];
  /** Verdict the producing tool recorded (pqready:quantum-verdict), used only when the planner cannot re-derive one. */
  readonly recordedVerdict?: string;
  /** The producer's one-sentence reason for that verdict (pqready:verdict-reason). */
  readonly recordedReason?: string;
  readonly dependsOn: readonly string[];
}

export interface LibraryComponent {
  readonly bomRef: string;
  readonly name: string;
  readonly version?: string;
  readonly provides: readonly string[];
}

export interface InventoryDiagnostic {
  readonly severity: string;
  readonly code?: string;
  readonly message: string;
  readonly path?: string;
}

export interface CbomInventory {
  /** File name the CBOM was read from (never an absolute path). */
  readonly label: string;
  readonly specVersion: '1.6' | '1.7';
  readonly serialNumber?: string;
  readonly timestamp?: string;
  readonly producer?: { readonly name: string; readonly version?: string };
  /** True when pqready wrote it (its properties are read); other tools' CBOMs are read from CycloneDX fields only. */
  readonly pqready: boolean;
  readonly subject?: { readonly bomRef?: string; readonly name: string; readonly version?: string };
  /** Scan policy the producer recorded, if any. */
  readonly recordedPolicy?: string;
  readonly componentCount: number;
  readonly assets: readonly CryptoAsset[];
  readonly libraries: readonly LibraryComponent[];
  readonly diagnostics: readonly InventoryDiagnostic[];
  /** Every bom-ref in the document (components, nested components, metadata component, services). */
  readonly bomRefs: ReadonlySet<string>;
  /**
   * What the CBOM says of its own completeness (CycloneDX `compositions[].aggregate`): `complete`, `incomplete`
   * (something was not examined), `unknown` (not claimed either way, as a static scan says) …; absent when silent.
   */
  readonly aggregate?: string;
  /**
   * True when the producer marks which occurrence stands for a finding (an occurrence `bom-ref`, as pqready does):
   * the other occurrences are parts of those findings. False for CBOMs where every occurrence is a finding.
   */
  readonly findingsMarked: boolean;
  /** Things the reader noticed and tolerated (dangling references, unknown asset types). */
  readonly readerNotes: readonly string[];
}
