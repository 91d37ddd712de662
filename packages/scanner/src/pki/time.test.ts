import { describe, expect, it } from 'vitest';
import { encode, readSingle } from './der.js';
import { readTime } from './time.js';

const time = (tag: number, text: string) => {
  const der = encode(tag, new Uint8Array(Buffer.from(text, 'latin1')));
  return readTime(der, readSingle(der)).toISOString();
};

describe('readTime', () => {
  it('reads RFC 5280 UTCTime and GeneralizedTime', () => {
    expect(time(0x17, '491231235959Z')).toBe('2049-12-31T23:59:59.000Z');
    expect(time(0x17, '500101000000Z')).toBe('1950-01-01T00:00:00.000Z');
    expect(time(0x18, '20500101000000Z')).toBe('2050-01-01T00:00:00.000Z');
  });

  it('reads the older forms OpenSSL accepts: no seconds, a local offset instead of Z', () => {
    expect(time(0x17, '960528134905+0800')).toBe('1996-05-28T05:49:05.000Z');
    expect(time(0x17, '9605281349Z')).toBe('1996-05-28T13:49:00.000Z');
    expect(time(0x18, '19960528134905-0130')).toBe('1996-05-28T15:19:05.000Z');
  });

  it('rejects what is not a time', () => {
    expect(() => time(0x17, '96052813490Z')).toThrow(/Invalid time value/);
    expect(() => time(0x17, '961328134905Z')).toThrow(/Invalid time value/);
  });
});
