/**
 * @pqready/planner: reads a CycloneDX CBOM (never the scanner) and produces a staged, dated migration plan.
 * Named re-exports only: this list is the package's whole public surface.
 */
export { readCbom, readCbomFile } from './cbom/read.js';
export type { CbomInventory, CryptoAsset } from './cbom/types.js';
export {
  type ConfigOverrides,
  DATA_CLASSES,
  DEFAULTS as PLAN_DEFAULTS,
  PLAN_CONFIG_SCHEMA,
  type PlanConfig,
  readPlanConfigFile,
  resolvePlanConfig,
  type Scenario,
} from './config.js';
export { type FitCandidate, type FitUseCase, type LoadedDevice, loadDevice } from './device/bench.js';
export { PlanInputError } from './errors.js';
export { type MoscaResult, mosca } from './mosca.js';
export { buildPlan, type PlanDeviceInput, type PlanInput } from './plan.js';
export type {
  Deadline,
  ExposureRow,
  FindingRow,
  Plan,
  PlanDevice,
  PlanItem,
  Stage,
  Urgency,
} from './plan-types.js';
export { PLAN_VERSION } from './plan-types.js';
export { DEFAULT_PLAN_POLICIES, PLAN_POLICIES, type PlanPolicy } from './policies/plan-policies.js';
export type { Feasibility } from './replacements.js';
export { PARTIES, type Party, USE_CASE_SPECS, type UseCaseId } from './use-cases/table.js';
