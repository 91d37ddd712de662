import { describe, expect, it } from 'vitest';
import { REFERENCE_ROWS } from '../catalog/reference.js';
import type { DeviceProfile } from '../catalog/types.js';
import { estimateOp } from './estimate.js';
import { hashBytesMs } from './hash-costs.js';
import { memoryDerating } from './memory.js';

const m4 = (clockMHz: number, extra: Partial<DeviceProfile> = {}): DeviceProfile => ({
  name: 'test',
  role: 'other',
  core: 'cortex-m4',
  clockMHz,
  flashWaitStates: 0,
  ramKiB: 256,
  flashKiB: 1024,
  ...extra,
});

describe('estimateOp', () => {
  it('reproduces published Cortex-M4 cycles ÷ clock exactly at 0 wait states', () => {
    for (const row of REFERENCE_ROWS.filter((r) => r.core === 'cortex-m4' && !r.memoryIncluded)) {
      const est = estimateOp(m4(64), row.scheme, row.op).find((e) => e.implName === row.implName);
      expect(est, `${row.scheme} ${row.op} ${row.implName}`).toBeDefined();
      expect(est!.ms.point).toBe(row.cycles.mean / 64_000);
      expect(est!.ms.low).toBe(row.cycles.min / 64_000);
      expect(est!.ms.high).toBe(row.cycles.max / 64_000);
      // Only the signing-tail model may add a note; no core factor or derating at 0 wait states on the M4.
      expect(est!.assumptions.filter((a) => !a.startsWith('signing time'))).toEqual([]);
    }
  });

  it('gives ML-DSA-65 verify m4f at 64 MHz as 2,415,944 cycles', () => {
    const est = estimateOp(m4(64), 'ml-dsa-65', 'verify').find((e) => e.impl === 'speed')!;
    expect(est.ms.point).toBeCloseTo(37.749, 3);
    expect(est.stackBytes?.point).toBe(9888);
    expect(est.sources[0]?.url).toMatch(/mupq\/pqm4\/blob\/cc2c1b99.*benchmarks\.csv#L96$/);
  });

  it('is monotonic: faster clock → less time; more derating → more time', () => {
    const clocks = [16, 48, 64, 120, 480];
    for (const core of ['cortex-m4', 'cortex-m0plus', 'cortex-m33', 'riscv32'] as const) {
      const times = clocks.map((c) => estimateOp(m4(c, { core }), 'ml-kem-768', 'decaps')[0]!.ms);
      for (let i = 1; i < times.length; i++) {
        expect(times[i]!.point).toBeLessThan(times[i - 1]!.point);
        expect(times[i]!.high).toBeLessThan(times[i - 1]!.high);
      }
      const derated = [1, 1.2, 1.5, 2].map(
        (d) => estimateOp(m4(64, { core, memoryDerating: d }), 'ml-kem-768', 'decaps')[0]!.ms,
      );
      for (let i = 1; i < derated.length; i++) expect(derated[i]!.point).toBeGreaterThan(derated[i - 1]!.point);
    }
  });

  it('widens the range with each assumption', () => {
    const exact = estimateOp(m4(64), 'ml-dsa-44', 'verify').find((e) => e.impl === 'portable')!;
    const waitStates = estimateOp(m4(64, { flashWaitStates: 3 }), 'ml-dsa-44', 'verify').find(
      (e) => e.impl === 'portable',
    )!;
    const m33 = estimateOp(m4(64, { core: 'cortex-m33', flashWaitStates: 3 }), 'ml-dsa-44', 'verify').find(
      (e) => e.impl === 'portable',
    )!;
    const width = (r: { low: number; high: number }) => r.high / r.low;
    expect(width(waitStates.ms)).toBeGreaterThan(width(exact.ms));
    expect(width(m33.ms)).toBeGreaterThan(width(waitStates.ms));
    expect(m33.assumptions.some((a) => a.includes('core factor cortex-m33'))).toBe(true);
  });

  it('uses pqm3 figures on Cortex-M3, marked pre-FIPS and widened', () => {
    const est = estimateOp(m4(120, { core: 'cortex-m3' }), 'ml-kem-768', 'encaps').find((e) => e.impl === 'speed')!;
    expect(est.implName).toBe('m3');
    expect(est.ms.point).toBe(1_067_007 / 120_000);
    expect(est.ms.low).toBeCloseTo((1_061_410 / 120_000) * 0.9, 9);
    expect(est.assumptions.join(' ')).toMatch(/pre-FIPS/);
  });

  it('offers no M4 assembly on cores that cannot run it', () => {
    const impls = estimateOp(m4(133, { core: 'cortex-m0plus' }), 'ml-dsa-44', 'verify').map((e) => e.impl);
    expect(impls).toEqual(['portable']);
    const m7 = estimateOp(m4(480, { core: 'cortex-m7' }), 'ml-dsa-44', 'verify').map((e) => e.impl);
    expect(m7).toEqual(['speed', 'portable', 'stack']);
  });

  it('lets calibration measurements override estimates', () => {
    const cal = {
      label: 'cal.yaml',
      measurements: [{ scheme: 'ml-dsa-44' as const, op: 'verify' as const, cycles: 1_280_000 }],
    };
    const [est, ...rest] = estimateOp(m4(64), 'ml-dsa-44', 'verify', cal);
    expect(rest).toEqual([]);
    expect(est!.basis).toBe('measured');
    expect(est!.ms).toEqual({ point: 20, low: 20, high: 20 });
  });
});

describe('memoryDerating and image hashing', () => {
  it('applies the default range only when wait states are non-zero or unknown', () => {
    expect(memoryDerating(m4(64)).range).toEqual({ point: 1, low: 1, high: 1 });
    expect(memoryDerating(m4(64, { flashWaitStates: undefined })).range).toEqual({ point: 1.25, low: 1, high: 1.5 });
    expect(memoryDerating(m4(64, { memoryDerating: 1.4 })).range).toEqual({ point: 1.4, low: 1.4, high: 1.4 });
  });

  it('charges per byte, cheaper with a SHA-256 engine', () => {
    const sw = hashBytesMs(m4(64), 'sha256', 256 * 1024);
    const hw = hashBytesMs(m4(64, { accelerators: { sha256: true } }), 'sha256', 256 * 1024);
    expect(sw.ms.point).toBeCloseTo((256 * 1024 * sw.rate.cyclesPerByte.point) / 64_000, 9);
    expect(sw.rate.engine).toBe(false);
    expect(hw.rate.engine).toBe(true);
    expect(hw.ms.point).toBeLessThan(sw.ms.point);
  });
});
