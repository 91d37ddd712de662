import { describe, expect, it } from 'vitest';
import { parseMosquittoConf } from './mosquitto-parser.js';

describe('parseMosquittoConf', () => {
  it('splits option and value at the first blank and keeps spaces in values', () => {
    const r = parseMosquittoConf('# c\n  listener 8883 0.0.0.0\r\npsk_hint my broker\nrequire_certificate\n', 'm.conf');
    expect(r.lines).toEqual([
      { option: 'listener', value: '8883 0.0.0.0', line: 2, path: 'm.conf' },
      { option: 'psk_hint', value: 'my broker', line: 3, path: 'm.conf' },
      { option: 'require_certificate', value: '', line: 4, path: 'm.conf' },
    ]);
  });

  it('turns junk and huge lines into bounded problems', () => {
    const r = parseMosquittoConf(`${'x'.repeat(20_000)}\n${'=bad\n'.repeat(200)}port 1883\n`, 'm');
    expect(r.problems[0]).toMatchObject({ code: 'line-too-long', line: 1 });
    expect(r.problems.length).toBe(50);
    expect(r.lines).toEqual([{ option: 'port', value: '1883', line: 202, path: 'm' }]);
  });
});
