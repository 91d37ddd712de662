/**
 * c-crypto-config: what firmware build configuration enables or disables (mbedtls_config.h, PSA_WANT,
 * wolfSSL user_settings.h/options.h, Kconfig prj.conf/sdkconfig/defconfig, MCUboot), including misspelled options.
 */
import { cDetector } from '../../c/detector.js';
import { CONFIG_DETECTOR } from './findings.js';

export const cCryptoConfig = cDetector(
  CONFIG_DETECTOR,
  'Algorithms enabled or disabled by C library build configuration and Kconfig, with misspelled options flagged.',
  (r) => ({ findings: r.config, diagnostics: [] }),
);
