/**
 * The detector registry: a plain array. Adding a detector = one folder + one line here.
 */
import type { Detector } from './types.js';

export const detectors: readonly Detector[] = [];
