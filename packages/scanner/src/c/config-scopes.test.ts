import { describe, expect, it } from 'vitest';
import { C_KNOWLEDGE } from '../detectors/c-knowledge.js';
import { contentLibrary } from './config-scopes.js';
import { extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';

const library = (text: string) =>
  contentLibrary(extractFacts('x.h', text, compileExtract(C_KNOWLEDGE.extract)), C_KNOWLEDGE.options);

describe('configurations recognised by content', () => {
  it('takes a header of one library’s options, live or commented out, whatever its name', () => {
    expect(library('#define MBEDTLS_AES_C\n#define MBEDTLS_GCM_C\n//#define MBEDTLS_DES_C\n')).toBe('mbedTLS');
    expect(
      library(
        '#if defined(MCUBOOT_SIGN_EC384)\n#define PSA_WANT_ALG_SHA_384 1\n#define PSA_WANT_ECC_SECP_R1_384 1\n#endif\n#define PSA_WANT_ALG_ECDSA 1\n',
      ),
    ).toBe('PSA Crypto');
  });

  it('leaves out library headers: defaults, derived options, one option set several times', () => {
    // ctr_drbg.h: defaults under #if !defined(X).
    expect(
      library(
        '#if !defined(MBEDTLS_CTR_DRBG_ENTROPY_LEN)\n#define MBEDTLS_CTR_DRBG_ENTROPY_LEN 48\n#endif\n#if !defined(MBEDTLS_CTR_DRBG_RESEED_INTERVAL)\n#define MBEDTLS_CTR_DRBG_RESEED_INTERVAL 10000\n#endif\n#if !defined(MBEDTLS_CTR_DRBG_MAX_INPUT)\n#define MBEDTLS_CTR_DRBG_MAX_INPUT 256\n#endif\n',
      ),
    ).toBeUndefined();
    // config_adjust_*.h: switches derived from other options of the library.
    expect(
      library(
        '#if defined(PSA_WANT_KEY_TYPE_AES)\n#define MBEDTLS_AES_C\n#endif\n#if defined(PSA_WANT_ALG_GCM)\n#define MBEDTLS_GCM_C\n#endif\n#if defined(PSA_WANT_ALG_CCM)\n#define MBEDTLS_CCM_C\n#endif\n',
      ),
    ).toBeUndefined();
    // A multi-level API header: one option, three times.
    expect(
      library(
        '#define MLK_CONFIG_PARAMETER_SET 512\n#include "a.h"\n#undef MLK_CONFIG_PARAMETER_SET\n#define MLK_CONFIG_PARAMETER_SET 768\n#include "a.h"\n#undef MLK_CONFIG_PARAMETER_SET\n#define MLK_CONFIG_PARAMETER_SET 1024\n',
      ),
    ).toBeUndefined();
  });
});
