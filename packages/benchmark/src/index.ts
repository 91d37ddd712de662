/**
 * @pqready/benchmark: measure on the host, estimate on the device, fit against budgets.
 * Named re-exports only: this list is the package's whole public surface.
 *
 * Consumers (the CLI, the planner) mostly need: `fitAll(profile)` → `UseCaseFit[]` (per use case: candidates with
 * `verdict`, per-dimension `Dimension`s with margin/headroom, and a `recommendation`), or `buildBenchReport` for the
 * whole JSON report; `findDevice`/`loadDeviceProfile` to get a `DeviceProfile`.
 */
export { CORES, coreRow, EVIDENCE_WEAKNESS } from './catalog/cores.js';
export { DEVICES, findDevice } from './catalog/devices.js';
export { REFERENCE_ROWS } from './catalog/reference.js';
export { checkSizes, type Maturity, SCHEMES, type SchemeInfo, type SizeCheck, schemeInfo } from './catalog/schemes.js';
export type {
  Budgets,
  CatalogDevice,
  CoreFactor,
  CoreId,
  CoreRow,
  CycleRow,
  DeviceProfile,
  Family,
  HashId,
  ImplClass,
  Operation,
  Policy,
  Range,
  SchemeId,
  TlsSettings,
} from './catalog/types.js';
export { CORE_IDS, ROLES, SCHEME_IDS } from './catalog/types.js';
export { type Calibration, loadCalibration, validateCalibration } from './estimate/calibration.js';
export { type Estimate, estimateOp } from './estimate/estimate.js';
export { hashRate, m4HashCosts } from './estimate/hash-costs.js';
export { memoryDerating } from './estimate/memory.js';
export {
  type CandidateFit,
  combine,
  type Dimension,
  type FitOptions,
  fitAll,
  fitUseCase,
  judge,
  type Recommendation,
  type SignTailReport,
  type UseCaseFit,
  type Verdict,
  type WireReport,
} from './fit/fit.js';
export { USE_CASES, type UseCaseId } from './fit/use-cases.js';
export { type HostMeasurement, type HostReport, measureHost } from './measure/runner.js';
export { loadDeviceProfile, ProfileError, validateDeviceProfile } from './profile/load.js';
export { DEVICE_PROFILE_SCHEMA } from './profile/schema.js';
export {
  BENCH_REPORT_VERSION,
  type BenchReport,
  buildBenchReport,
  VERDICT_RULES,
} from './report/bench-report.js';
