/**
 * @pqready/scanner: walk → read → detect → merge.
 */
export type { DetectContext, DetectResult, Detector, FileHead, ScanFile, ScanOptions } from './detectors/types.js';
export { detectors } from './detectors/index.js';
