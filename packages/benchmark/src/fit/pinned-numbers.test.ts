/**
 * Pins the numbers an architect signs off to their sources: hashing costs, pre-hash strength, the ML-DSA signing
 * tail, whole TLS handshakes, verdict rules, core factors and the schemes a plan may pick. Each test names its source.
 */
import { describe, expect, it } from 'vitest';
import { coreRow } from '../catalog/cores.js';
import { findDevice } from '../catalog/devices.js';
import { REFERENCE_ROWS } from '../catalog/reference.js';
import { SCHEMES } from '../catalog/schemes.js';
import { type DeviceProfile, SCHEME_IDS } from '../catalog/types.js';
import { validateCalibration } from '../estimate/calibration.js';
import { estimateOp } from '../estimate/estimate.js';
import { hashRate, m4HashCosts } from '../estimate/hash-costs.js';
import { exceedProbability, iterationsAt, percentileMs } from '../estimate/sign-tail.js';
import { type CandidateFit, combine, fitAll, judge, type UseCaseFit } from './fit.js';

const device = (id: string) => findDevice(id)!.profile;
const useCase = (profile: DeviceProfile, id: UseCaseFit['id']) => fitAll(profile).find((u) => u.id === id)!;
const cand = (u: UseCaseFit, id: string) => {
  const c = u.candidates.find((x) => x.id === id);
  if (!c) throw new Error(`no candidate ${id} in ${u.id}`);
  return c as CandidateFit & { timeMs: { value: NonNullable<CandidateFit['timeMs']['value']> } };
};

describe('hashing costs (pqm4-derived)', () => {
  it('software SHA-256 on Cortex-M4 ≈ 48 cycles/byte (pqm4 SPHINCS+-SHA2-128s/128f verify: hashing % × cycles ÷ compressions, FIPS 205 §11.2)', () => {
    const c = m4HashCosts().sha256;
    expect(c.cyclesPerBlock.point / 64).toBeGreaterThan(46);
    expect(c.cyclesPerBlock.point / 64).toBeLessThan(50);
    // The two parameter sets agree within 1 %: the call count is right, not tuned.
    expect(c.cyclesPerBlock.high / c.cyclesPerBlock.low).toBeLessThan(1.01);
  });

  it('software SHAKE256 on Cortex-M4 ≈ 81 cycles/byte (pqm4 SPHINCS+-SHAKE all six sets, FIPS 205 §11.1, rate 136)', () => {
    const c = m4HashCosts().shake256;
    expect(c.cyclesPerBlock.point / 136).toBeCloseTo(81.4, 0);
    expect(c.cyclesPerBlock.high / c.cyclesPerBlock.low).toBeLessThan(1.05);
  });

  it('nRF52832 secure boot: LMS ≈ 220, SLH-DSA-SHA2-128s ≈ 332, ECDSA-P256 ≈ 201, XMSS ≈ 410 ms, all within 500 ms (pqm4-derived SHA-256 instead of 195 cycles/byte)', () => {
    const boot = useCase(device('nrf52832'), 'secure-boot-verify');
    const expected = { lms: 220, 'slh-dsa-sha2-128s': 332, 'ecdsa-p256': 201, xmss: 410 };
    for (const [id, ms] of Object.entries(expected)) {
      const c = cand(boot, id);
      expect(c.timeMs.value.point, id).toBeGreaterThan(ms * 0.97);
      expect(c.timeMs.value.point, id).toBeLessThan(ms * 1.03);
      expect(c.timeMs.value.point, id).toBeLessThan(500);
    }
    expect(cand(boot, 'slh-dsa-sha2-128s').verdict).toBe('fits');
    expect(cand(boot, 'ecdsa-p256').verdict).toBe('fits');
  });

  it('a declared engine throughput is used as given (profile accelerators.sha256.cyclesPerByte)', () => {
    const p: DeviceProfile = {
      core: 'cortex-m4',
      clockMHz: 100,
      accelerators: { sha256: { cyclesPerByte: 2, cyclesPerCall: 100 } },
    };
    const r = hashRate(p, 'sha256');
    expect(r.engine).toBe(true);
    expect(r.cyclesPerByte).toEqual({ point: 2, low: 2, high: 2 });
    expect(r.cyclesPerBlockCall.point).toBe(100 + 64 * 2);
  });
});

describe('pre-hash honesty', () => {
  it('nRF52840 secure boot with ML-DSA-87 is costed as pure ML-DSA: ≈ 499 ms, tight, margin < 2 % (FIPS 204 Algorithm 7: μ = SHAKE256 over the image)', () => {
    const c = cand(useCase(device('nrf52840'), 'secure-boot-verify'), 'ml-dsa-87');
    expect(c.timeMs.value.point).toBeGreaterThan(490);
    expect(c.timeMs.value.point).toBeLessThan(500);
    expect(c.verdict).toBe('tight');
    expect(c.timeMs.margin).toBeLessThan(0.02);
    expect(c.category).toBe(5);
    expect(c.implNames).toContain('shake256 software');
  });

  it('HashML-DSA appears only with a strength-matched pre-hash; the category is min(signature, hash) (FIPS 204 §5.4; NIST IR 8547 Table 7)', () => {
    const nrf = useCase(device('nrf52840'), 'secure-boot-verify');
    const ids = nrf.candidates.map((c) => c.id);
    expect(ids).toContain('hash-ml-dsa-44-sha256');
    expect(ids.some((i) => /hash-ml-dsa-(65|87)-sha256/.test(i))).toBe(false);
    expect(cand(nrf, 'hash-ml-dsa-44-sha256').category).toBe(2);
    const s3 = useCase(device('esp32s3'), 'secure-boot-verify');
    expect(cand(s3, 'hash-ml-dsa-87-sha512').category).toBe(5);
    expect(useCase(device('nrf52832'), 'secure-boot-verify').candidates.some((c) => c.id.startsWith('hash-'))).toBe(
      false,
    );
    expect(cand(nrf, 'mldsa44-ecdsa-p256-sha256').category).toBe(2);
    expect(cand(nrf, 'mldsa87-ecdsa-p384-sha512').category).toBe(5);
  });
});

describe('ML-DSA signing tail (FIPS 204 Table 1 expected repetitions)', () => {
  it('ML-DSA-44 m4f: the p99.9 of the calibrated geometric model is within 10 % of pqm4’s max over 1,000 runs', () => {
    const row = REFERENCE_ROWS.find((r) => r.scheme === 'ml-dsa-44' && r.op === 'sign' && r.implName === 'm4f')!;
    const [est] = estimateOp({ core: 'cortex-m4', clockMHz: 1, flashWaitStates: 0 }, 'ml-dsa-44', 'sign').filter(
      (e) => e.implName === 'm4f',
    );
    const p999cycles = est!.tail!.p999.point * 1000;
    expect(p999cycles / row.cycles.max).toBeGreaterThan(0.9);
    expect(p999cycles / row.cycles.max).toBeLessThan(1.1);
    expect(iterationsAt(4.25, 0.5)).toBe(3);
  });

  it('ML-DSA-65 identity signing on nRF52840 (m4fstack): ≈ 34 % of signatures overrun 500 ms and p99.9 is several seconds (pqm4 m4fstack min/mean)', () => {
    const p = device('nrf52840');
    const est = estimateOp(p, 'ml-dsa-65', 'sign').find((e) => e.impl === 'stack')!;
    expect(est.ms.point).toBeGreaterThan(470);
    expect(est.ms.point).toBeLessThan(480);
    const over = exceedProbability(est.tail!, 500);
    expect(over).toBeGreaterThan(0.3);
    expect(over).toBeLessThan(0.38);
    expect(est.tail!.p999.point).toBeGreaterThan(2000);
  });

  it('the identity-signing verdict uses budgets.signPercentile', () => {
    const p = device('nrf52840');
    const at = (signPercentile: number) =>
      cand(
        useCase({ ...p, budgets: { ...p.budgets, ramKiB: 256, signPercentile } }, 'device-identity-signing'),
        'ml-dsa-44',
      );
    const median = at(50);
    const tail = at(99.9);
    expect(median.timeMs.value.point).toBeLessThan(tail.timeMs.value.point);
    expect(median.signTail?.percentile).toBe(50);
    expect(tail.signTail?.p999Ms.point).toBeCloseTo(tail.timeMs.value.point, 6);
    expect(
      percentileMs(
        {
          expectedIterations: 4,
          fixedMs: { point: 1, low: 1, high: 1 },
          perIterationMs: { point: 2, low: 2, high: 2 },
        },
        0.5,
      ).point,
    ).toBe(1 + 2 * 3);
  });
});

describe('TLS handshake bytes (RFC 8446; certificate DER measured on the IETF pqc-certificates artefacts)', () => {
  it('ML-KEM-512 + ML-DSA-44 on nRF52832 no longer fits 16,384 bytes once DER, records and the 2 SCTs are counted, and says so', () => {
    const tls = useCase(device('nrf52832'), 'tls-client-handshake');
    const c = cand(tls, 'ml-kem-512+ml-dsa-44');
    expect(c.wireBytes.value!.point).toBeGreaterThan(16_384);
    expect(c.wireBytes.verdict).toBe('does-not-fit');
    expect(c.verdict).toBe('does-not-fit');
    expect(c.why.join(' ')).toMatch(/wire [\d,]+ B > budgets\.wireBytesPerHandshake 16,384 B/);
    expect(tls.recommendation.candidate).not.toBe('ml-kem-512+ml-dsa-44');
  });

  it('mutual TLS adds the device certificate, its CertificateVerify and one signature; chain length comes from the profile', () => {
    const p = device('nrf52840');
    const base = cand(useCase(p, 'tls-client-handshake'), 'x25519mlkem768+ml-dsa-44');
    const mtls = cand(useCase({ ...p, tls: { mutualTls: true } }, 'tls-client-handshake'), 'x25519mlkem768+ml-dsa-44');
    const longer = cand(
      useCase({ ...p, tls: { serverChainLength: 3 } }, 'tls-client-handshake'),
      'x25519mlkem768+ml-dsa-44',
    );
    expect(mtls.wireBytes.value!.point - base.wireBytes.value!.point).toBeGreaterThan(1312 + 2420 + 2420);
    expect(mtls.timeParts.some((t) => /ML-DSA-44 sign/.test(t.label))).toBe(true);
    expect(mtls.signTail).toBeDefined();
    expect(longer.wireBytes.value!.point - base.wireBytes.value!.point).toBeGreaterThan(1312 + 2420);
  });

  it('time on the wire is bytes × 8 ÷ link.bandwidthKbps and is part of the handshake time', () => {
    const p = device('nrf52840');
    const c = cand(useCase(p, 'tls-client-handshake'), 'x25519mlkem768+ml-dsa-44');
    expect(c.wire?.airtimeMs?.point).toBeCloseTo((c.wireBytes.value!.point * 8) / 1000, 6);
    expect(c.wire?.frames).toBeGreaterThan(c.wireBytes.value!.point / 247);
    const noLink = cand(useCase({ ...p, link: undefined }, 'tls-client-handshake'), 'x25519mlkem768+ml-dsa-44');
    expect(c.timeMs.value.point - noLink.timeMs.value.point).toBeCloseTo(c.wire!.airtimeMs!.point, 6);
  });
});

describe('verdict rules (docs/bench.md)', () => {
  const r = { point: 10, low: 8, high: 12 };
  it('fits = high end within budget; tight = point within, high over; does-not-fit = point over; unknown = no data', () => {
    expect(judge(r, 12)).toMatchObject({ verdict: 'fits', headroom: 0 });
    expect(judge(r, 11).verdict).toBe('tight');
    expect(judge(r, 10).verdict).toBe('tight');
    expect(judge(r, 9.9).verdict).toBe('does-not-fit');
    expect(judge(undefined, 9).verdict).toBe('unknown');
    expect(judge(r, undefined).verdict).toBe('no-budget');
    expect(judge(r, 20).margin).toBe(0.5);
  });

  it('a candidate takes its worst budgeted dimension: does-not-fit > unknown > tight > fits', () => {
    const fits = judge(r, 20);
    expect(combine([fits, judge(r, 11), judge(undefined, 5)])).toBe('unknown');
    expect(combine([fits, judge(undefined, 5), judge(r, 1)])).toBe('does-not-fit');
    expect(combine([fits, judge(r, undefined)])).toBe('fits');
    expect(combine([judge(r, undefined)])).toBe('no-budget');
  });

  it('never recommends a negative margin, and tight recommendations say "may fit"', () => {
    for (const d of ['nrf52832', 'nrf52840', 'rp2040', 'stm32h743', 'esp32c3', 'stm32f207']) {
      for (const u of fitAll(device(d))) {
        const id = u.recommendation.candidate;
        if (!id) continue;
        const c = cand(u, id);
        for (const dim of [c.timeMs, c.ramBytes, c.codeBytes, c.wireBytes])
          expect(dim.margin ?? 0).toBeGreaterThanOrEqual(0);
        expect(['fits', 'tight']).toContain(c.verdict);
        if (c.verdict === 'tight') expect(u.recommendation.reason).toMatch(/may fit/);
      }
    }
  });

  it('RAM counts key and signature buffers: ML-DSA-87 verify = 12,060 B stack + 7,219 B public key and signature (pqm4; FIPS 204 Table 2)', () => {
    const p: DeviceProfile = { core: 'cortex-m4', clockMHz: 64, flashWaitStates: 0, budgets: { ramKiB: 64 } };
    const c = cand(useCase(p, 'secure-boot-verify'), 'ml-dsa-87');
    expect(c.impl).toBe('speed');
    expect(c.ramBytes.value!.point).toBe(12_060 + 2592 + 4627);
  });

  it('code includes the shared hash code pqm4 leaves out: ML-DSA-87 m4f 19,500 B + Keccak/FIPS 202 14,966 B; ECDSA-P256 + SHA-256 9,398 B (measured on pqm4 @cc2c1b99 sources)', () => {
    const p: DeviceProfile = {
      core: 'cortex-m4',
      clockMHz: 64,
      flashWaitStates: 0,
      firmwareImageKiB: 64,
      budgets: { ramKiB: 64 },
    };
    const boot = useCase(p, 'secure-boot-verify');
    expect(cand(boot, 'ml-dsa-87').codeBytes.value!.point).toBe(19_500 + 14_966);
    expect(cand(boot, 'ecdsa-p256').codeBytes.value!.point).toBe(8_900 + 9_398);
    // A composite with a SHA-512 pre-hash links Keccak (ML-DSA) and SHA-512 once each.
    expect(cand(boot, 'mldsa65-ecdsa-p256-sha512').codeBytes.value!.point).toBe(19_328 + 8_900 + 14_966 + 6_348);
  });

  it('a budgeted dimension without data makes the verdict unknown, not fits (LMS/XMSS stack and code)', () => {
    const boot = useCase(device('nrf52832'), 'secure-boot-verify');
    expect(cand(boot, 'lms').verdict).toBe('unknown');
    expect(cand(boot, 'lms').ramBytes.verdict).toBe('unknown');
    expect(cand(boot, 'lms').why.join(' ')).toMatch(/RAM: no data to check against budgets\.ramKiB/);
  });
});

describe('core factors', () => {
  it('Cortex-M0+: the RP2040 ML-KEM-512 exchange is 35.7 ms, no derating on a board-measured factor (arXiv 2603.19340)', () => {
    const p = device('rp2040');
    const total = (['keygen', 'encaps', 'decaps'] as const)
      .map((op) => estimateOp(p, 'ml-kem-512', op).find((e) => e.impl === 'portable')!.ms.point)
      .reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(35.4);
    expect(total).toBeLessThan(36.0);
  });

  it('Cortex-M0+: ECDSA-P256 verify uses published ARMv6-M figures, not M4 × 5.7 × 1.25 (p256-m README; wolfSSL STM32G071)', () => {
    const p = device('rp2040');
    const ests = estimateOp(p, 'ecdsa-p256', 'verify');
    const p256m = ests.find((e) => e.implName.startsWith('p256-m'))!;
    expect(p256m.ms.point).toBeCloseTo((1976 * 48) / 133, 0);
    const wolf = ests.find((e) => e.implName.startsWith('wolfSSL'))!;
    expect(wolf.ms.point).toBeCloseTo((349 * 64) / 133, 0);
  });

  it('Cortex-M7: the factor range contains the published wolfSSL ML-DSA measurement (wolfSSL PR #7676, STM32H7A3)', () => {
    const m7 = coreRow('cortex-m7').factors.lattice.range;
    const wolfVerify44 = (13.7 * 280_000) / 2_063_096;
    expect(m7.high).toBeGreaterThanOrEqual(wolfVerify44);
    expect(m7.low).toBeLessThanOrEqual(1);
  });

  it('Xtensa LX7: 3.40 ÷ 2.56 ≈ 1.33 from the ESP32-S3 datasheet CoreMark, not an LX6 figure (Espressif)', () => {
    const f = coreRow('xtensa-lx7').factors.lattice;
    expect(f.range.point).toBeCloseTo(3.4 / 2.56, 2);
    expect(f.sources.some((s) => /esp32-s3_datasheet/.test(s.url ?? ''))).toBe(true);
  });

  it('every factor states its evidence and sources, and only measured-at-speed anchors skip derating', () => {
    for (const id of ['cortex-m0plus', 'cortex-m3', 'cortex-m33', 'cortex-m7', 'riscv32', 'xtensa-lx7'] as const)
      for (const f of Object.values(coreRow(id).factors)) {
        expect(f.basis.length).toBeGreaterThan(10);
        if (f.evidence !== 'assumption') expect(f.sources.length).toBeGreaterThan(0);
      }
    expect(coreRow('cortex-m0plus').factors.lattice.memoryIncluded).toBe(true);
    expect(coreRow('cortex-m33').factors.lattice.memoryIncluded).toBe(false);
  });
});

describe('schemes a migration plan needs', () => {
  it('FN-DSA, SLH-DSA SHAKE and 192/256 sets, LMS/HSS and XMSS/XMSS^MT sets are estimated with sources', () => {
    const boot = useCase(device('stm32f407'), 'secure-boot-verify');
    for (const id of [
      'fn-dsa-512',
      'fn-dsa-1024',
      'slh-dsa-shake-256s',
      'slh-dsa-sha2-192f',
      'hss-l2-h10-w8',
      'xmssmt-h20-d2',
    ]) {
      const c = cand(boot, id);
      expect(c.timeMs.value, id).toBeDefined();
      expect(c.sources.length, id).toBeGreaterThan(0);
    }
    expect(cand(boot, 'fn-dsa-512').maturity).toBe('draft');
  });

  it('the TLS groups SecP256r1MLKEM768 and SecP384r1MLKEM1024 are costed with their P-256/P-384 halves (draft-ietf-tls-ecdhe-mlkem)', () => {
    const kex = useCase(device('stm32f407'), 'key-exchange');
    const p256 = cand(kex, 'secp256r1mlkem768');
    const p384 = cand(kex, 'secp384r1mlkem1024');
    expect(p256.wireBytes.value!.point).toBe(1249 + 1153);
    expect(p384.wireBytes.value!.point).toBe(1665 + 1665);
    expect(p384.timeMs.value.point).toBeGreaterThan(p256.timeMs.value.point);
    expect(p384.hybrid).toBe(true);
  });

  it('--calibration accepts every scheme id the catalog knows', () => {
    expect(SCHEMES.map((s) => s.id).sort()).toEqual([...SCHEME_IDS].sort());
    const cal = validateCalibration(
      { measurements: SCHEME_IDS.map((scheme) => ({ scheme, op: 'verify', ms: 1 })) },
      'all.yaml',
    );
    expect(cal.measurements).toHaveLength(SCHEME_IDS.length);
  });

  it('policy.hybrid = require recommends only hybrids; prefer ranks them first', () => {
    const p = device('stm32h743');
    const required = useCase({ ...p, policy: { hybrid: 'require' } }, 'tls-client-handshake');
    const id = required.recommendation.candidate!;
    expect(cand(required, id).hybrid).toBe(true);
    const kex = useCase({ ...p, policy: { hybrid: 'prefer' } }, 'key-exchange');
    expect(cand(kex, kex.recommendation.candidate!).hybrid).toBe(true);
    expect(cand(useCase(p, 'key-exchange'), useCase(p, 'key-exchange').recommendation.candidate!).hybrid).toBe(false);
  });
});
