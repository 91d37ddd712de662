/**
 * The plan: the contract `plan.json` carries (schema: packages/cli/schemas/plan.schema.json) and every renderer reads.
 * Every statement in it points back to a finding (bom-ref and location), a bench measurement or a cited policy.
 */
import type { QuantumVerdict, Source } from '@pqready/core';
import type { FitUseCase, PlanDeviceProfile } from './device/bench.js';
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
}

export interface ExposureRow {
  readonly useCase: UseCaseId;
  readonly title: string;
  readonly threat: string;
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
  readonly id: string;
  readonly paths: readonly string[];
  readonly shipYear: number;
  readonly fieldLifeYears: number;
  readonly fieldEndYear: number;
  readonly rootOfTrust: 'immutable' | 'updatable';
  readonly lifecycleOrigin: string;
  readonly source: string;
  readonly fits: readonly FitUseCase[];
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
    readonly components: number;
    readonly assets: number;
    readonly findings: number;
    readonly inEffect: number;
    readonly notInEffect: number;
    readonly byVerdict: Readonly<Record<QuantumVerdict, number>>;
    readonly byUseCase: readonly {
      readonly useCase: UseCaseId;
      readonly title: string;
      readonly findings: number;
      readonly needingWork: number;
    }[];
    readonly diagnostics: readonly { readonly severity: string; readonly message: string; readonly path?: string }[];
    readonly incomplete: boolean;
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
