import { describe, expect, it } from 'vitest';
import { neutralize } from './neutralize.js';
import { parseC } from './parser.js';

const hasError = (text: string) => parseC(neutralize(text)).rootNode.hasError;

describe('neutralize', () => {
  it('keeps length and line breaks, so offsets, lines and columns stay valid', () => {
    const text = '#ifdef __cplusplus\r\nextern "C" {\r\n#endif\r\nWOLFSSL_API int wc_InitRng(WC_RNG *rng);\r\n';
    const out = neutralize(text);
    expect(out.length).toBe(text.length);
    expect(out.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(out).not.toContain('extern');
    expect(out).not.toContain('WOLFSSL_API');
    expect(out).toContain('int wc_InitRng(WC_RNG *rng);');
  });

  it('lets the grammar parse extern "C" wrappers and annotated prototypes', () => {
    const header = [
      '#ifndef H',
      '#define H',
      '#ifdef __cplusplus',
      '# ifdef __GNUC__',
      '#  pragma GCC diagnostic ignored "-Wlong-long"',
      '# endif',
      'extern "C" {',
      '#endif',
      'SODIUM_EXPORT',
      'int crypto_box_keypair(unsigned char *pk, unsigned char *sk);',
      'OSSL_DEPRECATEDIN_3_0 const char *AES_options(void);',
      'int MBEDTLS_DEPRECATED mbedtls_sha1_ret(const unsigned char *in, size_t n);',
      'void mbedtls_md5_starts(void *ctx) MBEDTLS_DEPRECATED;',
      'OSSL_DEPRECATEDIN_3_0 __owur int SSL_SRP_CTX_init(SSL *s);',
      '#ifdef __cplusplus',
      '}',
      '#endif',
      '#endif',
      '',
    ].join('\n');
    expect(parseC(header).rootNode.hasError).toBe(true);
    expect(hasError(header)).toBe(false);
  });

  it('leaves ordinary code, directives and statement macros alone', () => {
    const code = [
      '#define WRAP_API int',
      'RSA *rsa = RSA_new();',
      'EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, NULL);',
      'void f(int x) { if (x) RETURN_ERROR; }',
      'BIGNUM foo(void);',
      '',
    ].join('\n');
    expect(neutralize(code)).toBe(code);
  });
});
