/**
 * The plan: the contract `plan.json` carries (schema: packages/cli/schemas/plan.schema.json) and every renderer reads.
 * Every statement in it points back to a finding (bom-ref and location), a bench measurement or a cited policy.
 */
import type { QuantumVerdict, Source } from '@pqready/core';
import type { FitCandidate, FitUseCase, PlanDeviceProfile } from './device/bench.js';

/** A bench use case as plan.json carries it: candidates without the bench's working (time parts, reasons). */
export type PlanFitUseCase = Omit<FitUseCase, 'candidates'> & {
  readonly candidates: readonly Omit<FitCandidate, 'timeParts' | 'why'>[];
};

import type { Feasibility } from './replacements.js';
import type { Party, StageId, UseCaseId } from './use-cases/table.js';

export const PLAN_VERSION = 1;

export type Urgency = 'immediate' | 'high' | 'medium' | 'low';
export type Effort = 'S' | 'M' | 'L' | 'XL';

export interface PlanLocation {
  readonly path: string;
  readonly line?: number;
  readonly state: string;
}

export interface PlanFindingRef {
  readonly bomRef: string;
  readonly name: string;
  readonly findings: readonly string[];
  readonly locations: readonly PlanLocation[];
}

export interface Deadline {
  readonly date: string;
  /** policy: a cited policy date; mosca: shelf life vs CRQC scenario; field-life: device in the field past a CRQC; release: next release. */
  readonly basis: 'policy' | 'mosca' | 'field-life' | 'certificate' | 'release';
  readonly label: string;
  /** True when the date had to be moved to the next release because the computed one is already past. */
  readonly overdue: boolean;
  readonly sources: readonly Source[];
}

export interface PlanItem {
  readonly id: string;
  readonly stage: StageId;
  readonly useCase: UseCaseId;
  readonly title: string;
  readonly action: string;
  readonly findings: readonly PlanFindingRef[];
  readonly replacement: {
    readonly algorithm: string;
    readonly parameterSet: string;
    readonly mode: string;
    readonly notes: readonly string[];
    readonly sources: readonly Source[];
  };
  readonly feasibility: readonly Feasibility[];
  readonly nothingFits: boolean;
  readonly effort: Effort;
  readonly effortReason: string;
  readonly deadline: Deadline;
  readonly urgency: Urgency;
  readonly responsible: { readonly primary: Party; readonly shared: readonly Party[]; readonly basis: string };
  readonly dependsOn: readonly string[];
  readonly devices: readonly string[];
  /** Conditions the findings depend on (conditional state or ambiguous CBOM facts). */
  readonly conditions: readonly string[];
  readonly rationale: string;
}

export interface Stage {
  readonly id: StageId;
  readonly title: string;
  readonly purpose: string;
  readonly start: string;
  readonly end?: string;
  readonly dependsOn: readonly StageId[];
  readonly items: readonly PlanItem[];
}

export interface ScenarioExposure {
  readonly scenario: string;
  readonly crqcYear: number;
  readonly shelfLifeYears?: number;
  readonly migrationYears: number;
  readonly crqcYears: number;
  readonly exposed: boolean;
  readonly slackYears?: number;
  /** For signatures: devices still in the field when the CRQC arrives. */
  readonly outlivedBy?: readonly string[];
  /**
   * Why the cell says exposed or safe, in words (every renderer prints it): `data outlives a CRQC in 2036 by 13
   * years`, `only quantum-resistant algorithms, though the data outlives a CRQC in 2036 by 13 years` ….
   */
  readonly why: string;
}

export interface ExposureRow {
  readonly useCase: UseCaseId;
  readonly title: string;
  readonly threat: string;
  /** Findings in effect (not inactive, disabled or overridden) that serve the use case. */
  readonly findings: number;
  readonly needingWork: number;
  readonly worstVerdict: QuantumVerdict;
  readonly dataClasses: readonly string[];
  readonly scenarios: readonly ScenarioExposure[];
  readonly urgency?: Urgency;
}

export interface FindingRow {
  readonly id: string;
  readonly bomRef: string;
  /** The CBOM occurrence's bom-ref (`finding/<id>`): the same finding in the scan's JSON report and SARIF. */
  readonly findingRef?: string;
  readonly assetType: string;
  readonly name: string;
  readonly path: string;
  readonly line?: number;
  readonly symbol?: string;
  readonly state: string;
  readonly role?: string;
  readonly verdict: QuantumVerdict;
  readonly verdictBasis: string;
  readonly classicallyWeak: readonly string[];
  readonly useCases: readonly UseCaseId[];
  readonly items: readonly string[];
  /** Why it is not planned as work (inactive, resistant under the policy …); absent when planned. */
  readonly notPlanned?: string;
  readonly reason: string;
}

export interface PlanAssumption {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly origin: string;
  readonly note?: string;
}

export interface PlanDevice extends Omit<PlanDeviceProfile, 'shipYear' | 'fieldLifeYears'> {
  /** Catalog id, else the profile's name: how every item and table names the device. */
  readonly id: string;
  /** The profile or bench report file (base name) the device came from. */
  readonly file?: string;
  readonly paths: readonly string[];
  readonly shipYear: number;
  readonly fieldLifeYears: number;
  readonly fieldEndYear: number;
  readonly rootOfTrust: 'immutable' | 'updatable';
  readonly lifecycleOrigin: string;
  readonly source: string;
  readonly fits: readonly PlanFitUseCase[];
}

export interface PolicyCitation {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly status: string;
  readonly binds: string;
  readonly hybrid: string;
  readonly deadlines: readonly {
    readonly id: string;
    readonly date: string;
    readonly label: string;
    readonly state: string;
    readonly scope: string;
  }[];
  readonly expectations: readonly string[];
  readonly sources: readonly Source[];
}

export interface TimelineMark {
  readonly date: string;
  readonly label: string;
  readonly policy: string;
}

export interface Plan {
  readonly planVersion: number;
  readonly generatedAt: string;
  readonly referenceDate: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly subject: string;
  readonly inventory: {
    readonly file: string;
    readonly specVersion: string;
    readonly serialNumber?: string;
    readonly producer?: string;
    readonly producedAt?: string;
    readonly readAs: 'pqready' | 'foreign';
    /** Every component of the CBOM (libraries and files included). */
    readonly components: number;
    /** Cryptographic assets (algorithms, certificates, keys, protocol settings). */
    readonly assets: number;
    /** Assets that hold a finding of their own. */
    readonly assetsWithFindings: number;
    /** Assets seen only as parts of findings (a certificate's key, the groups a TLS setting names). */
    readonly partAssets: number;
    /** Findings: the occurrences the CBOM marks as findings (pqready: its scan's findings, same ids), else every occurrence. */
    readonly findings: number;
    readonly inEffect: number;
    readonly notInEffect: number;
    readonly byVerdict: Readonly<Record<QuantumVerdict, number>>;
    readonly byUseCase: readonly {
      readonly useCase: UseCaseId;
      readonly title: string;
      /** Findings in effect that serve the use case (as in the exposure table). */
      readonly findings: number;
      /** Findings of the use case that are not in effect (inactive, disabled, overridden, test code). */
      readonly notInEffect: number;
      readonly needingWork: number;
    }[];
    readonly diagnostics: readonly { readonly severity: string; readonly message: string; readonly path?: string }[];
    /** True when the CBOM or its diagnostics say something was not examined. */
    readonly incomplete: boolean;
    /** The CBOM's own completeness claim (`compositions` aggregate): `complete`, `incomplete`, `unknown` …. */
    readonly completeness: string;
    readonly readerNotes: readonly string[];
    readonly libraries: readonly string[];
  };
  readonly policy: {
    readonly selected: readonly string[];
    readonly verdictPolicy: string;
    readonly verdictPolicyName: string;
    readonly stance: string;
    readonly citations: readonly PolicyCitation[];
  };
  readonly assumptions: readonly PlanAssumption[];
  readonly scenarios: readonly {
    readonly id: string;
    readonly years: number;
    readonly crqcYear: number;
    readonly primary: boolean;
  }[];
  readonly devices: readonly PlanDevice[];
  readonly exposure: readonly ExposureRow[];
  readonly stages: readonly Stage[];
  readonly timeline: readonly TimelineMark[];
  readonly summary: {
    readonly items: number;
    readonly byStage: readonly number[];
    readonly byUrgency: Readonly<Record<Urgency, number>>;
    readonly nothingFits: number;
    readonly earliestDeadline?: string;
    readonly lastDeadline?: string;
    readonly statements: readonly string[];
  };
  readonly findings: readonly FindingRow[];
  readonly method: readonly string[];
  readonly sources: readonly Source[];
}
