import { describe, expect, it } from 'vitest';
import { ScanTimeError, scanTimeFromEnv } from './scan-time.js';

describe('scanTimeFromEnv', () => {
  const now = () => new Date('2030-05-05T05:05:05Z');
  it('uses SOURCE_DATE_EPOCH when set', () => {
    expect(scanTimeFromEnv({ SOURCE_DATE_EPOCH: '1700000000' }, now).toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
  it('falls back to the clock when unset or empty', () => {
    expect(scanTimeFromEnv({}, now).toISOString()).toBe('2030-05-05T05:05:05.000Z');
    expect(scanTimeFromEnv({ SOURCE_DATE_EPOCH: '' }, now).toISOString()).toBe('2030-05-05T05:05:05.000Z');
  });
  it('rejects values that are not whole seconds', () => {
    expect(() => scanTimeFromEnv({ SOURCE_DATE_EPOCH: '17e8' }, now)).toThrow(ScanTimeError);
    expect(() => scanTimeFromEnv({ SOURCE_DATE_EPOCH: '-5' }, now)).toThrow(ScanTimeError);
  });
});
