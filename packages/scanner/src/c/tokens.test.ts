import { describe, expect, it } from 'vitest';
import { parseIntegerLiteral, stringValue, tokenize } from './tokens.js';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('reads identifiers, numbers, strings and punctuators with their offsets', () => {
    expect(tokenize('a<<=0x1F;')).toEqual([
      { kind: 'ident', text: 'a', start: 0 },
      { kind: 'punct', text: '<<=', start: 1 },
      { kind: 'number', text: '0x1F', start: 4 },
      { kind: 'punct', text: ';', start: 8 },
    ]);
    expect(kinds('f(1e+5, .5, 1\'000, L"x", u8"y")')).toEqual([
      'ident:f',
      'punct:(',
      'number:1e+5',
      'punct:,',
      'number:.5',
      'punct:,',
      "number:1'000",
      'punct:,',
      'string:"x"',
      'punct:,',
      'string:"y"',
      'punct:)',
    ]);
  });

  it('drops comments and line continuations', () => {
    expect(kinds('A /* x */ \\\n B // C')).toEqual(['ident:A', 'ident:B']);
    expect(kinds('A \\\r\n B')).toEqual(['ident:A', 'ident:B']);
  });

  it('ends cleanly on text cut anywhere (macro bodies and conditions have no final newline)', () => {
    expect(kinds('A \\')).toEqual(['ident:A', 'punct:\\']);
    expect(kinds('A /')).toEqual(['ident:A', 'punct:/']);
    expect(kinds('A /* open')).toEqual(['ident:A']);
    expect(kinds('1.')).toEqual(['number:1.']);
    expect(kinds('.')).toEqual(['punct:.']);
    expect(kinds("1'")).toEqual(['number:1', "char:'"]);
    expect(kinds('L')).toEqual(['ident:L']);
    expect(kinds('"open')).toEqual(['string:"open']);
    expect(kinds('"esc\\')).toEqual(['string:"esc\\']);
    expect(kinds('')).toEqual([]);
  });
});

describe('literals', () => {
  it('decodes string escapes and integer literals', () => {
    expect(stringValue('"a\\x41\\101\\n"')).toBe('aAA\n');
    expect(parseIntegerLiteral('0x10001UL')).toBe(65537n);
    expect(parseIntegerLiteral('0b101')).toBe(5n);
    expect(parseIntegerLiteral('017')).toBe(15n);
    expect(parseIntegerLiteral("65'537")).toBe(65537n);
    expect(parseIntegerLiteral('1.5')).toBeUndefined();
  });
});
