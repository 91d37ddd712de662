/**
 * c-crypto-api: calls to crypto library APIs in C/C++ source with resolved algorithm parameters.
 */
import { cDetector } from '../../c/detector.js';
import { API_DETECTOR } from './resolve.js';

export const cCryptoApi = cDetector(
  API_DETECTOR,
  'Crypto library API calls in C/C++ (mbedTLS, PSA, wolfCrypt, OpenSSL, TinyCrypt, micro-ecc, BearSSL, libsodium, Monocypher, liboqs, PQClean) with key sizes, curves and hashes resolved.',
  (r) => ({ findings: r.api, diagnostics: r.diagnostics }),
);
