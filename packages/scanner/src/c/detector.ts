/**
 * Builds a tree-wide detector over the shared C analysis that yields one part of each file's result.
 * The detector hands the analysis its knowledge (the tables of the c-crypto-* detectors).
 */
import type { Detector, DetectResult } from '../detectors/types.js';
import { acceptsC, analyzeC, type CResultPart } from './analyze.js';
import type { CKnowledge } from './knowledge.js';

export function cDetector(
  id: string,
  summary: string,
  knowledge: CKnowledge,
  /** The part of each file's result it reports (the API's carries the analysis' diagnostics). */
  part: CResultPart,
): Detector {
  return {
    id,
    summary,
    accepts: (f) => acceptsC(f, knowledge),
    async *scanAll(files, ctx): AsyncIterable<DetectResult> {
      try {
        for await (const s of analyzeC(files, ctx, knowledge, part)) {
          if (s.findings.length > 0 || s.diagnostics.length > 0) yield s;
        }
      } catch (e) {
        yield {
          findings: [],
          diagnostics: [
            {
              severity: 'error',
              code: 'c-analysis-failed',
              message: `The C analysis stopped: ${(e as Error).message}`,
              detector: id,
            },
          ],
        };
      }
    },
  };
}
