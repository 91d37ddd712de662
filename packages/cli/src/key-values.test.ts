import { describe, expect, it } from 'vitest';
import { KeyValueError, parseKeyValues } from './key-values.js';

describe('parseKeyValues', () => {
  it('reads repeated and comma-separated pairs', () => {
    expect(parseKeyValues(['nginx=1.22,openssl=3.0', 'openssh=9.2'], 'assume')).toEqual({
      nginx: '1.22',
      openssl: '3.0',
      openssh: '9.2',
    });
  });
  it('lets a define stand without a value, as -DNAME does', () => {
    expect(parseKeyValues(['MBEDTLS_RSA_C', 'KEY_BITS=3072'], 'define', { valueOptional: true })).toEqual({
      MBEDTLS_RSA_C: '1',
      KEY_BITS: '3072',
    });
  });
  it('rejects malformed pairs with the flag name in the message', () => {
    expect(() => parseKeyValues(['nginx'], 'assume')).toThrow(/--assume expects NAME=VALUE/);
    expect(() => parseKeyValues(['=3'], 'define', { valueOptional: true })).toThrow(KeyValueError);
  });
});
