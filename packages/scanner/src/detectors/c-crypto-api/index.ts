/**
 * c-crypto-api: calls to crypto library APIs in C/C++ source with resolved algorithm parameters.
 */
import { API_DETECTOR } from '../../c/api.js';
import { cDetector } from '../../c/detector.js';
import { C_KNOWLEDGE } from '../c-knowledge.js';

export const cCryptoApi = cDetector(
  API_DETECTOR,
  'Crypto library API calls in C/C++ (mbedTLS, PSA, wolfCrypt, OpenSSL, TinyCrypt, micro-ecc, BearSSL, libsodium, Monocypher, TweetNaCl, libhydrogen, liboqs, PQClean, mlkem-native and small vendored implementations) with key sizes, curves and hashes resolved.',
  C_KNOWLEDGE,
  'api',
);
