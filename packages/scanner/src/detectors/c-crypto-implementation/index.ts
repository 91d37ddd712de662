/**
 * c-crypto-implementation: algorithm implementations recognised by their constant tables.
 */
import { cDetector } from '../../c/detector.js';
import { IMPLEMENTATION_DETECTOR } from './findings.js';

export const cCryptoImplementation = cDetector(
  IMPLEMENTATION_DETECTOR,
  'Algorithm implementations in C recognised by constant tables (S-boxes, hash constants, curve parameters, NTT zetas).',
  (r) => ({ findings: r.implementation, diagnostics: [] }),
);
