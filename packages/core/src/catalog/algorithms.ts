/**
 * The algorithm catalog: every algorithm id detectors may emit, in one frozen list assembled from the
 * per-domain tables. Ids are stable kebab-case and never renamed (common brief, "Catalog algorithm ids").
 */
import {
  HASH_ALGORITHMS,
  MAC_KDF_ALGORITHMS,
  PUBLIC_KEY_ALGORITHMS,
  SYMMETRIC_ALGORITHMS,
  UNKNOWN_ALGORITHM,
} from './algorithms-classical.js';
import { PQC_ALGORITHMS } from './algorithms-pqc.js';
import { HYBRID_ALGORITHMS } from './composites.js';
import type { AlgorithmRow } from './types.js';

export const ALGORITHMS: readonly AlgorithmRow[] = Object.freeze(
  [
    ...PUBLIC_KEY_ALGORITHMS,
    ...SYMMETRIC_ALGORITHMS,
    ...MAC_KDF_ALGORITHMS,
    ...HASH_ALGORITHMS,
    ...PQC_ALGORITHMS,
    ...HYBRID_ALGORITHMS,
    UNKNOWN_ALGORITHM,
  ].map((row) => Object.freeze(row)),
);
