import { describe, expect, it } from 'vitest';
import { ProfileError } from '../profile/load.js';
import { MAX_CALIBRATION_CYCLES, validateCalibration } from './calibration.js';

const one = (m: Record<string, unknown>) => ({ measurements: [{ scheme: 'lms', op: 'verify', ...m }] });

describe('calibration bounds', () => {
  it('accepts the slowest real figures and refuses absurd ones with the documented bound', () => {
    expect(validateCalibration(one({ cycles: 4.3e10 }), 'c.yaml').measurements).toHaveLength(1);
    expect(() => validateCalibration(one({ cycles: 1e300 }), 'c.yaml')).toThrow(
      `$.measurements[0].cycles must be <= ${MAX_CALIBRATION_CYCLES} (got 1e+300)`,
    );
    expect(() => validateCalibration(one({ ms: 1e300 }), 'c.yaml')).toThrow(ProfileError);
    expect(() => validateCalibration(one({ ms: 1, stackBytes: 2 ** 40 }), 'c.yaml')).toThrow(ProfileError);
  });
});

describe('echoed values stay short', () => {
  it('a 67 MB unknown field name or value is cut in the error', () => {
    const huge = 'x'.repeat(67 * 1024 * 1024);
    for (const doc of [{ [huge]: 1, measurements: [] }, one({ op: huge, ms: 1 })]) {
      let message = '';
      try {
        validateCalibration(doc, 'c.json');
      } catch (e) {
        expect(e).toBeInstanceOf(ProfileError);
        message = (e as Error).message;
      }
      expect(message).toMatch(/xxx\.\.\./);
      expect(message.length).toBeLessThan(2_000);
    }
  });
});
