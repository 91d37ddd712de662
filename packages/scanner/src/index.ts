/**
 * @pqready/scanner: walk → read → detect → merge.
 */

export { detectors } from './detectors/index.js';
export type { DetectContext, Detector, DetectResult, FileHead, ScanFile, ScanOptions } from './detectors/types.js';
export { findRepositoryRoot, type IgnoreOptions, PathPatterns } from './runner/ignore.js';
export { DEFAULT_MAX_FILE_BYTES, type ScanRequest, scan, scanShard } from './runner/scan.js';
export {
  diagnosticKey,
  mergeInventories,
  parseShard,
  ShardError,
  type ShardPartition,
  type ShardSpec,
} from './runner/shard.js';
export { Timings } from './runner/timings.js';
export type { WalkScope } from './runner/walk.js';
