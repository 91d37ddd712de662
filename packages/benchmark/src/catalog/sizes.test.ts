import { describe, expect, it } from 'vitest';
import { checkSizes } from './sizes.js';

describe('checkSizes', () => {
  it('flags a size that differs from the standard', () => {
    expect(checkSizes('ml-dsa-65', { publicKey: 1952, signature: 3293 })).toEqual([
      { scheme: 'ml-dsa-65', field: 'publicKey', actual: 1952, expected: 1952, ok: true },
      { scheme: 'ml-dsa-65', field: 'signature', actual: 3293, expected: 3309, ok: false },
    ]);
  });

  it('skips fields the standard does not define for the scheme', () => {
    expect(checkSizes('ml-kem-768', { signature: 1 })).toEqual([]);
  });
});
