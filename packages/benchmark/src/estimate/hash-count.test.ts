import { describe, expect, it } from 'vitest';
import { LMOTS_PARAMS, SLH_PARAMS, wotsParams } from '../catalog/hash-params.js';
import { lmsSizes, schemeInfo, xmssSizes } from '../catalog/schemes.js';
import {
  chainSteps,
  lmsVerifyBlocks,
  slhVerifyCalls,
  statefulSignBlocks,
  verifyStepDistribution,
  xmssVerifyBlocks,
} from './hash-count.js';

describe('hash-based signature structure', () => {
  it('computes LMS/HSS and XMSS/XMSS^MT sizes from the RFC formulas (liboqs sig_stfl tables: 2512, 1456, 1616, 1776, 2964, 3604; 2500, 2692, 2820)', () => {
    expect(
      [lmsSizes([10], 4), lmsSizes([10], 8), lmsSizes([15], 8), lmsSizes([20], 8)].map((s) => s.signature),
    ).toEqual([2512, 1456, 1616, 1776]);
    expect(lmsSizes([10, 10], 8).signature).toBe(2964);
    expect(lmsSizes([20, 20], 8).signature).toBe(3604);
    expect(lmsSizes([10], 4).publicKey).toBe(60);
    expect([10, 16, 20].map((h) => xmssSizes(h, 1).signature)).toEqual([2500, 2692, 2820]);
    // RFC 8391 §5.4: XMSSMT-SHA2_20/2_256 signature 4,963 bytes.
    expect(xmssSizes(20, 2).signature).toBe(4963);
    expect(schemeInfo('hss-l2-h20-w8').stateful).toMatchObject({ height: 40, levels: 2 });
  });

  it('Winternitz verify steps: the checksum equals the message-digit steps, so W4 averages 480 + checksum digits', () => {
    const d = verifyStepDistribution(LMOTS_PARAMS[4]);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const s = chainSteps(LMOTS_PARAMS[4], 1);
    expect(s.point).toBeGreaterThan(480);
    expect(s.point).toBeLessThan(480 + 45);
    expect(s.low).toBeLessThan(s.point);
    expect(s.high).toBeGreaterThan(s.point);
    // WOTS+ (n = 32) and LM-OTS W4 share len1 = 64, len2 = 3 and the 4-bit shift.
    expect(chainSteps(wotsParams(32), 1)).toEqual(s);
  });

  it('counts ≈ 2,200 SHA-256 calls for SLH-DSA-SHA2-128s verification and SHA-512 calls only above category 1 (FIPS 205 §11.2)', () => {
    const s128 = slhVerifyCalls(SLH_PARAMS['128s'], 'sha2');
    expect(s128.sha256.point).toBeGreaterThan(2100);
    expect(s128.sha256.point).toBeLessThan(2300);
    expect(s128.sha512.point).toBe(0);
    const s256 = slhVerifyCalls(SLH_PARAMS['256s'], 'sha2');
    expect(s256.sha512.point).toBeGreaterThan(0);
    expect(slhVerifyCalls(SLH_PARAMS['128f'], 'shake').shake256.point).toBeGreaterThan(6000);
  });

  it('XMSS-SHA2_10_256 verification ≈ 3,700 SHA-256 blocks; LMS H10/W4 ≈ 570 (RFC 8391 §4.1.10, RFC 8554 §5.4.2)', () => {
    const x = xmssVerifyBlocks(10, 1);
    expect(x.point).toBeGreaterThan(3600);
    expect(x.point).toBeLessThan(3800);
    const l = lmsVerifyBlocks([10], LMOTS_PARAMS[4]);
    expect(l.point).toBeGreaterThan(540);
    expect(l.point).toBeLessThan(600);
    expect(lmsVerifyBlocks([10, 10], LMOTS_PARAMS[8]).point).toBeGreaterThan(
      2 * lmsVerifyBlocks([10], LMOTS_PARAMS[8]).point - 10,
    );
  });

  it('LMS H10/W4 signing: the one-time signature walks the complement of verification (p·15 − verify steps), plus ≈ h/2 leaves of traversal (RFC 8554 §4.5)', () => {
    const w = LMOTS_PARAMS[4];
    const sign = statefulSignBlocks('lms', 10, 1, w);
    // Low end, cached tree: only the chains (67 PRF + 67·15 − the most verify steps) and the message hash.
    const mostVerifySteps = chainSteps(w, 1).high;
    expect(sign.low).toBe(67 + 67 * 15 - mostVerifySteps + 2);
    // Traversal: five leaves of ≈ 67 PRF + 1,005 steps + Kc each.
    expect(sign.point - sign.low).toBeGreaterThan(5 * 1100);
    expect(sign.high).toBeGreaterThan(sign.point);
    expect(statefulSignBlocks('xmss', 20, 2, wotsParams(32)).point).toBeCloseTo(
      statefulSignBlocks('xmss', 10, 1, wotsParams(32)).point,
      6,
    );
  });
});
