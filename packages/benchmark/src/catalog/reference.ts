/**
 * All reference cycle rows: the generated pqm4/pqm3 transcription plus the hand-cited extras.
 */
import { EXTRA_ROWS } from './reference-extra.js';
import { PQM_ROWS } from './reference-pqm.generated.js';
import type { CycleRow } from './types.js';

export const REFERENCE_ROWS: readonly CycleRow[] = Object.freeze([...PQM_ROWS, ...EXTRA_ROWS]);
