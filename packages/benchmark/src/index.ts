/**
 * @pqready/benchmark: measure on the host, estimate on the device, fit against budgets.
 * Named re-exports only: this list is the package's whole public surface (docs/bench.md, "Using the package").
 *
 * Consumers (the CLI, the planner) mostly need: `fitAll(profile)` → `UseCaseFit[]` (per use case: candidates with a
 * `verdict`, per-dimension `Dimension`s with margin and headroom, `why` sentences, and a `recommendation`), or
 * `buildBenchReport` for the whole JSON report; `findDevice`/`loadDeviceProfile` to get a `DeviceProfile`.
 */
export { DEVICES, findDevice } from './catalog/devices.js';
export { type Maturity, SCHEMES, type SchemeInfo, schemeInfo } from './catalog/schemes.js';
export type {
  Budgets,
  CatalogDevice,
  CoreId,
  DeviceProfile,
  HashId,
  ImplClass,
  Policy,
  Range,
  SchemeId,
  TlsSettings,
} from './catalog/types.js';
export { CORE_IDS, ROLES, SCHEME_IDS } from './catalog/types.js';
export { type Calibration, loadCalibration, validateCalibration } from './estimate/calibration.js';
export {
  type CandidateFit,
  type Dimension,
  type FitOptions,
  fitAll,
  fitUseCase,
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
