import { describe, expect, it } from 'vitest';
import { HOST_OPS } from './ops.js';
import { runOps } from './run-ops.js';
import { aggregate } from './runner.js';

// Structure and sizes only: one iteration per batch, no warm-up, nothing timed against a threshold.
const TINY = { batches: 2, minBatchMs: 0, warmupMs: 0, heavy: false, maxIterations: 1 } as const;
const IDS = HOST_OPS.filter((o) => !o.needsRsa && !o.id.startsWith('slh-dsa-sha2-128s')).map((o) => o.id);

describe('host measurement (structure)', () => {
  const perProcess = [runOps(IDS, {}, TINY), runOps(IDS, {}, TINY)];
  const { measurements, sizes, notes } = aggregate(perProcess);

  it('returns one measurement per op with batches from every process', () => {
    expect(notes).toEqual([]);
    expect(measurements.map((m) => m.id)).toEqual(IDS);
    for (const m of measurements) {
      expect(m.batches).toBe(4);
      expect(m.processMedians).toHaveLength(2);
      expect(m.iterationsPerBatch).toBe(1);
      expect(m.median).toBeGreaterThan(0);
    }
  });

  it('keeps per-call tails for ML-DSA signing only', () => {
    const withTail = measurements.filter((m) => m.tail).map((m) => m.id);
    expect(withTail).toEqual(['ml-dsa-44/sign', 'ml-dsa-65/sign', 'ml-dsa-87/sign']);
    const t = measurements.find((m) => m.id === 'ml-dsa-44/sign')!.tail!;
    expect(t.calls).toBe(4);
    expect(t.maxUs).toBeGreaterThanOrEqual(t.p99Us);
  });

  it('checks real output sizes against FIPS 203/204/205', () => {
    expect(sizes.every((s) => s.ok)).toBe(true);
    const seen = sizes.map((s) => `${s.scheme}.${s.field}=${s.actual}`).sort();
    expect(seen).toEqual(
      [
        'ml-dsa-44.publicKey=1312',
        'ml-dsa-44.secretKey=2560',
        'ml-dsa-44.signature=2420',
        'ml-dsa-65.publicKey=1952',
        'ml-dsa-65.secretKey=4032',
        'ml-dsa-65.signature=3309',
        'ml-dsa-87.publicKey=2592',
        'ml-dsa-87.secretKey=4896',
        'ml-dsa-87.signature=4627',
        'ml-kem-1024.ciphertext=1568',
        'ml-kem-1024.publicKey=1568',
        'ml-kem-1024.secretKey=3168',
        'ml-kem-512.ciphertext=768',
        'ml-kem-512.publicKey=800',
        'ml-kem-512.secretKey=1632',
        'ml-kem-768.ciphertext=1088',
        'ml-kem-768.publicKey=1184',
        'ml-kem-768.secretKey=2400',
        'slh-dsa-sha2-128f.publicKey=32',
        'slh-dsa-sha2-128f.secretKey=64',
        'slh-dsa-sha2-128f.signature=17088',
      ].sort(),
    );
  });

  it('reports hash throughput in MB/s', () => {
    expect(measurements.find((m) => m.id === 'sha-256')?.unit).toBe('MB/s');
  });
});
