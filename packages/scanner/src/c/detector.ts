/**
 * Builds a tree-wide detector over the shared C analysis that yields one slice of each file's result.
 * The detector hands the analysis its knowledge (the tables of the c-crypto-* detectors).
 */
import type { Diagnostic, Finding } from '@pqready/core';
import type { Detector, DetectResult } from '../detectors/types.js';
import { acceptsC, analyzeC, type CFileResult } from './analyze.js';
import type { CKnowledge } from './knowledge.js';

export function cDetector(
  id: string,
  summary: string,
  knowledge: CKnowledge,
  slice: (r: CFileResult) => { findings: readonly Finding[]; diagnostics: readonly Diagnostic[] },
): Detector {
  return {
    id,
    summary,
    accepts: (f) => acceptsC(f, knowledge),
    async *scanAll(files, ctx): AsyncIterable<DetectResult> {
      try {
        for await (const r of analyzeC(files, ctx, knowledge)) {
          const s = slice(r);
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
