import { describe, expect, it } from 'vitest';
import { redactSnippet } from './redact.js';

describe('redactSnippet on a key line', () => {
  it('replaces string, character and number-list literals by length and fingerprint', () => {
    expect(
      redactSnippet(
        'setkey(&c, (const unsigned char *) "\\x2b\\x7e\\x15\\x16\\x28\\xae\\xd2\\xa6\\xab\\xf7\\x15\\x88\\x09\\xcf\\x4f\\x3c", 128);',
        true,
      ),
    ).toBe('setkey(&c, (const unsigned char *) <redacted 16 bytes sha256:d4ffb8b77f7d6b26>, 128);');
    expect(redactSnippet('HMAC(EVP_sha256(), "Jefe", 4, d, n, md, &len);', true)).toBe(
      'HMAC(EVP_sha256(), <redacted 4 bytes>, 4, d, n, md, &len);',
    );
    expect(redactSnippet("k(ctx, 'ab');", true)).toBe('k(ctx, <redacted 2 bytes>);');
    expect(redactSnippet('k(ctx, (const uint8_t[]){ 0x60, 0x3d, 0xeb, 0x10 }, 128);', true)).toBe(
      'k(ctx, (const uint8_t[]){<redacted 4 bytes>}, 128);',
    );
  });

  it('redacts an initialiser that runs on past the line, and the tail of one that started before it', () => {
    expect(redactSnippet('k(ctx, (const uint8_t[]){ 0x8e, 0x73, 0xb0, 0xf7,', true)).toBe(
      'k(ctx, (const uint8_t[]){<redacted 4 bytes>',
    );
    expect(redactSnippet('0xc8, 0x10, 0xf3, 0x2b }, 128);', true)).toBe('<redacted 4 bytes> }, 128);');
  });

  it('keeps key lengths, names and what is already a marker', () => {
    const line = 'mbedtls_aes_setkey_enc(&ctx, key, 128);';
    expect(redactSnippet(line, true)).toBe(line);
    const once = redactSnippet('k(c, "0123456789abcdef0123", 20);', true);
    expect(redactSnippet(once, true)).toBe(once);
    expect(redactSnippet(once)).toBe(once);
  });

  it('decodes C escapes to count bytes (octal, simple escapes, UTF-8 text)', () => {
    expect(redactSnippet('k("\\101\\n\\\\é");', true)).toBe('k(<redacted 5 bytes>);');
    expect(redactSnippet('k(L"ab");', true)).toBe('k(L<redacted 2 bytes>);');
  });

  it('redacts an unterminated string cut by the snippet length', () => {
    expect(redactSnippet('k(c, "\\x01\\x02\\x03', true)).toBe('k(c, <redacted 3 bytes>');
  });
});

describe('redactSnippet on any line', () => {
  it('redacts only what can be nothing but encoded binary data', () => {
    expect(redactSnippet('#define OID "\\x2a\\x86\\x48\\x86\\xf7"')).toBe('#define OID <redacted 5 bytes>');
    expect(redactSnippet('x = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";')).toMatch(
      /^x = <redacted 32 bytes sha256:[0-9a-f]{16}>;$/,
    );
    expect(redactSnippet('k = 0x2b7e151628aed2a6abf7158809cf4f3c2b7e1516;')).toMatch(/^k = <redacted 20 bytes sha256:/);
    const b64 = 'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu';
    expect(redactSnippet(`pem = "${b64}";`)).toMatch(/^pem = <redacted 48 bytes sha256:[0-9a-f]{16}>;$/);
  });

  it('leaves ordinary code, names, suites and short constants alone', () => {
    for (const line of [
      'SSL_CTX_set_cipher_list(ctx, "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256");',
      'static const uint32_t K[] = { 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5 };',
      'wc_Sha256HmacSetKeyWithSomethingLong(&h, key, 32);',
      'mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1);',
      'ssl_ciphers "ECDHE+AESGCM:!aNULL";',
    ])
      expect(redactSnippet(line)).toBe(line);
  });
});
