/**
 * c-crypto-implementation: algorithm implementations in C, at their definitions (functions whose names
 * are catalogued API names) and their constant tables.
 */
import { cDetector } from '../../c/detector.js';
import { IMPLEMENTATION_DETECTOR } from '../../c/implementations.js';
import { C_KNOWLEDGE } from '../c-knowledge.js';

export const cCryptoImplementation = cDetector(
  IMPLEMENTATION_DETECTOR,
  'Algorithm implementations in C at their definitions (vendored libraries, reference code) and by constant tables (S-boxes, hash constants, curve parameters, NTT zetas).',
  C_KNOWLEDGE,
  'implementation',
);
