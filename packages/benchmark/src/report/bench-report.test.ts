import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DEVICES, findDevice } from '../catalog/devices.js';
import { HOST_OPS } from '../measure/ops.js';
import { runOps } from '../measure/run-ops.js';
import { aggregate, type HostReport } from '../measure/runner.js';
import { loadDeviceProfile } from '../profile/load.js';
import { DEVICE_PROFILE_SCHEMA } from '../profile/schema.js';
import { buildBenchReport } from './bench-report.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/schemas/bench.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(DEVICE_PROFILE_SCHEMA);
const validate = ajv.compile(schema);
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('bench report', () => {
  it('matches bench.schema.json for every catalog device and the demo profile', () => {
    for (const device of DEVICES) {
      const ok = validate(asJson(buildBenchReport({ device, profile: device.profile })));
      expect(validate.errors ?? [], device.id).toEqual([]);
      expect(ok).toBe(true);
    }
    const profile = loadDeviceProfile(path.join(repoRoot, 'fixtures/devices/demo-implant.yaml'));
    expect(validate(asJson(buildBenchReport({ profile, profileLabel: 'demo-implant.yaml' })))).toBe(true);
  });

  it('matches the schema with real (tiny) host measurements attached', () => {
    const ids = HOST_OPS.filter(
      (o) => o.scheme === 'ml-kem-512' || o.id === 'ml-dsa-44/sign' || o.id === 'sha3-256',
    ).map((o) => o.id);
    const tiny = { batches: 1, minBatchMs: 0, warmupMs: 0, heavy: false, maxIterations: 1 };
    const agg = aggregate([runOps(ids, {}, tiny)]);
    const host: HostReport = {
      scope: 'host',
      disclaimer: 'host only',
      mode: 'quick',
      environment: { node: process.versions.node, cores: 2 },
      method: { processes: 1, parallel: false, batchesPerProcess: 1, minBatchMs: 0, warmupMs: 0 },
      ...agg,
    };
    const device = findDevice('nrf52840')!;
    const ok = validate(asJson(buildBenchReport({ device, profile: device.profile, host })));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is deterministic without host measurement', () => {
    const device = findDevice('stm32u585')!;
    expect(JSON.stringify(buildBenchReport({ device, profile: device.profile }))).toBe(
      JSON.stringify(buildBenchReport({ device, profile: device.profile })),
    );
  });

  it('recommends the strongest parameter set that fits, and cites sources', () => {
    const device = findDevice('nrf52840')!;
    const report = buildBenchReport({ device, profile: device.profile });
    const boot = report.useCases.find((u) => u.id === 'secure-boot-verify')!;
    // Pure ML-DSA-87 is only tight (SHAKE256 over 256 KiB in software); HashML-DSA-44 streams through the engine.
    expect(boot.recommendation).toMatchObject({ candidate: 'hash-ml-dsa-44-sha256', verdict: 'fits' });
    const kex = report.useCases.find((u) => u.id === 'key-exchange')!;
    expect(kex.recommendation.candidate).toBe('ml-kem-1024');
    for (const u of report.useCases)
      for (const c of u.candidates) expect(c.sources.length, `${u.id} ${c.id}`).toBeGreaterThan(0);
  });

  it('does not recommend a scheme whose RAM exceeds a tight budget', () => {
    const device = findDevice('nrf52840')!;
    // ML-DSA-87 m4f needs 12,060 B stack + 7,219 B buffers; m4fstack 2,720 B + 7,219 B.
    const profile = { ...device.profile, budgets: { ...device.profile.budgets, ramKiB: 12, updateVerifyMs: 5000 } };
    const update = buildBenchReport({ profile }).useCases.find((u) => u.id === 'firmware-update-verify')!;
    const mldsa87 = update.candidates.find((c) => c.id === 'ml-dsa-87')!;
    expect(mldsa87.impl).toBe('stack');
    expect(update.recommendation.candidate).toBe('ml-dsa-87');
    const tiny = { ...profile, budgets: { ...profile.budgets, ramKiB: 1 } };
    const none = buildBenchReport({ profile: tiny }).useCases.find((u) => u.id === 'secure-boot-verify')!;
    expect(none.candidates.find((c) => c.id === 'ml-dsa-44')!.verdict).toBe('does-not-fit');
  });
});
