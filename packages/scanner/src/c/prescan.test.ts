import { describe, expect, it } from 'vitest';
import { hasMark, prescan } from './prescan.js';

const k = {
  functions: new Set(['mbedtls_rsa_gen_key']),
  literalValues: new Set([65537n]),
  stringValues: new Set(['secp256r1']),
  symbols: new Set(['PSA_ALG_GCM']),
};

/** Offsets of each occurrence of `needle` in `text`. */
const at = (text: string, needle: string): number[] => {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
};

describe('prescan', () => {
  it('marks, blocks and notes every kind of token at its own offset, in order', () => {
    const text = [
      '// see #define OLD',
      '#define SIGN mbedtls_rsa_gen_key',
      'static const char *c = "secp256r1"; /* #if 0 */',
      'int f(void) { int a = 0755; x = PSA_ALG_GCM; return SIGN(0, 65537); }',
      'struct s t = { 1 };',
      'int g(void) { return mbedtls_rsa_gen_key',
    ].join('\n');
    const p = prescan(text, k);
    const define = text.indexOf('\n#define') + 1;
    expect(p.aliases).toEqual(new Set(['SIGN']));
    expect(p.namesCrypto).toBe(true);
    expect(p.notes).toEqual([0, text.indexOf('/* #if')]);
    const ident = at(text, 'mbedtls_rsa_gen_key');
    expect(p.marks).toEqual(
      [
        define,
        // The alias is known from its own definition on.
        ...at(text, 'SIGN'),
        ident[0]!,
        text.indexOf('"secp256r1"'),
        text.indexOf('PSA_ALG_GCM'),
        text.indexOf('65537'),
        text.indexOf('{ 1 }'),
        // The file's last token: its mark is not lost at the end of the text.
        ident[1]!,
      ].sort((a, b) => a - b),
    );
    // Directives, quotes, `=`, `{` and odd numbers (octal) block; a plain unwanted number does not.
    const blockers = [define, text.indexOf('"secp'), ...at(text, '='), ...at(text, '{'), text.indexOf('0755')].sort(
      (a, b) => a - b,
    );
    expect(p.blockers).toEqual(blockers);
    expect(hasMark(p.marks, text.indexOf('int f'), text.indexOf('struct'))).toBe(true);
    expect(hasMark(p.marks, 0, define)).toBe(false);
  });

  it('blocks at an assignment, compound ones included, and not at a comparison', () => {
    const text = 'a = b; c += d; e <<= 1; f >>= 2; g |= h;\nif (a == b || a != c || a <= d || a >= e) x;';
    const assigns = [text.indexOf('= b'), text.indexOf('+=') + 1, text.indexOf('<<=') + 2, text.indexOf('>>=') + 2];
    expect(prescan(text, k).blockers).toEqual([...assigns, text.indexOf('|=') + 1]);
  });

  it('lists called names by hash, and only inside braces', () => {
    const p = prescan('void f(void);\nvoid g(void) { f(); h (1); }\n', k);
    expect(p.callees).toHaveLength(2);
    expect(prescan('void f(void);\n', k).callees).toEqual([]);
  });
});
