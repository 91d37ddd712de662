/**
 * c-crypto-config: what firmware build configuration enables or disables (configuration headers of any
 * name, PSA_WANT, wolfSSL user_settings.h/options.h, Kconfig fragments, `-D` flags of build files,
 * MCUboot), including misspelled, commented-out and test-only options.
 */
import { CONFIG_DETECTOR } from '../../c/config-findings.js';
import { cDetector } from '../../c/detector.js';
import { C_KNOWLEDGE } from '../c-knowledge.js';

export const cCryptoConfig = cDetector(
  CONFIG_DETECTOR,
  'Algorithms enabled or disabled by C library build configuration, Kconfig and build-file defines, with misspelled options flagged.',
  C_KNOWLEDGE,
  'config',
);
