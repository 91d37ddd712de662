/**
 * @pqready/benchmark: measure on the host, estimate on the device, fit against budgets.
 * Named re-exports only: this list is the package's whole public surface.
 */
export { CORES, coreRow } from './catalog/cores.js';
export { DEVICES, findDevice } from './catalog/devices.js';
export { REFERENCE_ROWS } from './catalog/reference.js';
export { checkSizes, SCHEME_SIZES, type SizeCheck, schemeSizes } from './catalog/sizes.js';
export type {
  Budgets,
  CatalogDevice,
  CoreId,
  CoreRow,
  CycleRow,
  DeviceProfile,
  ImplClass,
  Operation,
  Range,
  SchemeId,
} from './catalog/types.js';
export { CORE_IDS, ROLES } from './catalog/types.js';
export { type Calibration, loadCalibration, validateCalibration } from './estimate/calibration.js';
export { type Estimate, estimateOp, imageHashMs, memoryDerating } from './estimate/estimate.js';
export {
  type CandidateFit,
  type Dimension,
  fitAll,
  fitUseCase,
  judge,
  type UseCaseFit,
  type Verdict,
} from './fit/fit.js';
export { USE_CASES } from './fit/use-cases.js';
export { type HostMeasurement, type HostReport, measureHost } from './measure/runner.js';
export { loadDeviceProfile, ProfileError, validateDeviceProfile } from './profile/load.js';
export { DEVICE_PROFILE_SCHEMA } from './profile/schema.js';
export { BENCH_REPORT_VERSION, type BenchReport, buildBenchReport } from './report/bench-report.js';
