import { describe, expect, it } from 'vitest';
import { kconfigMacroBody, parseKconfig } from './kconfig.js';

describe('Kconfig reader', () => {
  it('reads assignments, "is not set" lines and ignores comments', () => {
    const text = [
      '# header comment',
      'CONFIG_A=y',
      '# CONFIG_B is not set',
      'CONFIG_C="str" # trailing',
      'CONFIG_D=0x10\r',
      '',
      'garbage line',
    ].join('\n');
    const r = parseKconfig(text);
    expect(r.entries).toEqual([
      { name: 'CONFIG_A', value: 'y', line: 2, snippet: 'CONFIG_A=y' },
      { name: 'CONFIG_B', value: null, line: 3, snippet: '# CONFIG_B is not set' },
      { name: 'CONFIG_C', value: '"str"', line: 4, snippet: 'CONFIG_C="str" # trailing' },
      { name: 'CONFIG_D', value: '0x10', line: 5, snippet: 'CONFIG_D=0x10' },
    ]);
    expect(r.invalidLines).toEqual([7]);
  });

  it('maps values the way autoconf.h does', () => {
    expect(kconfigMacroBody('y')).toBe('1');
    expect(kconfigMacroBody('m')).toBe('1');
    expect(kconfigMacroBody('n')).toBeUndefined();
    expect(kconfigMacroBody(null)).toBeUndefined();
    expect(kconfigMacroBody('3072')).toBe('3072');
  });
});
