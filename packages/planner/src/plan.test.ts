import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCbom } from './cbom/read.js';
import { resolvePlanConfig } from './config.js';
import { loadDevice } from './device/bench.js';
import { PlanInputError } from './errors.js';
import { mosca } from './mosca.js';
import type { PlanItem } from './plan-types.js';
import { PLAN_POLICIES } from './policies/plan-policies.js';
import { algorithm, bom, certificate, items, key, planOf, protocol } from './test-support/synthetic.js';

const pq = (id: string) => ({ 'pqready:algorithm-id': id, 'pqready:state': 'active' });

/** One finding per use case, in pqready's shape. */
function everyUseCase() {
  return bom([
    algorithm(
      'alg/ecdsa-p256',
      'ECDSA-P256',
      'signature',
      [{ location: 'bootloader/src/verify.c', line: 10, symbol: 'boot_verify_image' }],
      {
        ...pq('ecdsa'),
        'pqready:role': 'api-call',
      },
    ),
    algorithm(
      'alg/ec-p256',
      'EC-P256',
      'other',
      [
        { location: 'bootloader/keys/root.pem', line: 1 },
        { location: 'pki/device.pem', line: 1 },
      ],
      pq('ec'),
      {
        curve: 'secp256r1',
      },
    ),
    key('key/boot', 'public-key', 'alg/ec-p256', [{ location: 'bootloader/keys/root.pem', line: 1 }], {
      'pqready:role': 'stored-object',
    }),
    algorithm(
      'alg/rsa-pkcs1-sha256',
      'RSA-PKCS1-1.5-SHA256',
      'signature',
      [{ location: 'pki/device.pem', line: 1 }],
      pq('rsa-pkcs1v15'),
    ),
    key('key/device', 'public-key', 'alg/ec-p256', [{ location: 'pki/device.pem', line: 1 }]),
    certificate(
      'cert/device',
      'pump-1',
      { sig: 'alg/rsa-pkcs1-sha256', key: 'key/device', notAfter: '2045-01-01T00:00:00Z' },
      [{ location: 'pki/device.pem', line: 1 }],
    ),
    algorithm('alg/ecdh', 'ECDH', 'key-agree', [{ location: 'app/tls_client.c', line: 20, symbol: 'tls_setup' }], {
      ...pq('ecdh'),
      'pqready:role': 'api-call',
    }),
    algorithm('alg/x25519', 'X25519', 'key-agree', [{ location: 'gw/nginx.conf', line: 3 }], {
      ...pq('x25519'),
      'pqready:role': 'protocol-config',
    }),
    algorithm('alg/ecdsa-tls', 'ECDSA', 'signature', [{ location: 'gw/nginx.conf', line: 3 }], {
      ...pq('ecdsa'),
      'pqready:role': 'protocol-config',
    }),
    protocol(
      'proto/tls',
      'tls',
      ['alg/x25519', 'alg/ecdsa-tls'],
      [{ location: 'gw/nginx.conf', line: 3 }],
      ['cbc-sha1'],
    ),
    algorithm(
      'alg/aes-128-cbc',
      'AES-128-CBC',
      'block-cipher',
      [{ location: 'app/log.c', line: 5, symbol: 'log_seal' }],
      {
        ...pq('aes'),
        'pqready:role': 'api-call',
      },
      { parameterSetIdentifier: '128', mode: 'cbc' },
    ),
    algorithm('alg/sha-1', 'SHA-1', 'hash', [{ location: 'app/legacy.c', line: 7 }], {
      ...pq('sha-1'),
      'pqready:role': 'api-call',
    }),
    algorithm('alg/sha-256', 'SHA-256', 'hash', [{ location: 'app/hash.c', line: 3 }], {
      ...pq('sha-256'),
      'pqready:role': 'api-call',
    }),
    algorithm(
      'alg/rsa',
      'RSA',
      'pke',
      [{ location: 'app/mbedtls_config.h', line: 12, additionalContext: '#define MBEDTLS_RSA_C' }],
      {
        ...pq('rsa'),
        'pqready:role': 'config-enable',
      },
    ),
    algorithm('alg/unknown', 'unknown-psa_verify_hash', 'unknown', [{ location: 'app/update.c', line: 4 }], {
      'pqready:algorithm-id': 'unknown',
      'pqready:unresolved:algorithm': 'alg',
      'pqready:state': 'active',
    }),
  ]);
}

const byUseCase = (its: readonly PlanItem[], u: string) => its.filter((i) => i.useCase === u);

describe('use cases', () => {
  const plan = planOf(everyUseCase(), { devices: ['nrf52840'] });
  const its = items(plan);

  it('plans each use case in its stage and cites only bom-refs of the CBOM', () => {
    const refs = readCbom(JSON.stringify(everyUseCase()), 'x').bomRefs;
    for (const i of its) for (const f of i.findings) expect(refs.has(f.bomRef), `${i.id} ${f.bomRef}`).toBe(true);
    const stageOf = (u: string) => [...new Set(byUseCase(its, u).map((i) => i.stage))];
    expect(stageOf('classically-weak')).toEqual([1]);
    expect(stageOf('transport-key-exchange')).toEqual([2]);
    expect(stageOf('secure-boot-update')).toEqual([3]);
    expect(stageOf('identity-pki')).toEqual([4]);
    expect(stageOf('library-config').sort()).toEqual([1, 5]);
    expect(stageOf('unidentified')).toEqual([0]);
  });

  it('groups a certificate with its signature algorithm and key, and a TLS configuration with its groups', () => {
    const cert = byUseCase(its, 'identity-pki').find((i) => i.findings.some((f) => f.bomRef === 'cert/device'))!;
    expect(cert.findings.map((f) => f.bomRef).sort()).toEqual([
      'alg/ec-p256',
      'alg/rsa-pkcs1-sha256',
      'cert/device',
      'key/device',
    ]);
    const kex = byUseCase(its, 'transport-key-exchange').find((i) => i.findings.some((f) => f.bomRef === 'proto/tls'))!;
    expect(kex.findings.map((f) => f.bomRef).sort()).toEqual(['alg/x25519', 'proto/tls']);
    expect(kex.replacement.algorithm).toMatch(/X25519MLKEM768/);
  });

  it('puts the boot key and the boot verification call in one secure-boot item on the fitting scheme', () => {
    const boot = byUseCase(its, 'secure-boot-update');
    expect(boot).toHaveLength(1);
    expect(boot[0]!.findings.map((f) => f.bomRef).sort()).toEqual(['alg/ec-p256', 'alg/ecdsa-p256', 'key/boot']);
    expect(boot[0]!.feasibility[0]).toMatchObject({
      device: 'nrf52840',
      benchUseCase: 'secure-boot-verify',
      verdict: 'fits',
    });
  });

  it('does not plan AES-128 or SHA-256 under the NIST thresholds, and lists them with the reason', () => {
    const notPlanned = plan.findings.filter((f) => f.notPlanned).map((f) => [f.bomRef, f.notPlanned]);
    expect(notPlanned).toEqual([
      ['alg/aes-128-cbc', 'quantum-resistant under the policy'],
      ['alg/sha-256', 'quantum-resistant under the policy'],
    ]);
  });

  it('retires classically weak crypto with the next release, immediately', () => {
    for (const i of byUseCase(its, 'classically-weak')) {
      expect(i.deadline.date).toBe('2026-07-01');
      expect(i.urgency).toBe('immediate');
    }
    expect(
      byUseCase(its, 'classically-weak')
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Remove cbc-sha1 from TLS in gw/nginx.conf', 'Retire SHA-1 (sha1)']);
  });

  it('explains the run-time algorithm from the unresolved parameter', () => {
    const u = byUseCase(its, 'unidentified').find((i) => i.title.startsWith('Identify'))!;
    expect(u.findings.map((f) => f.bomRef)).toEqual(['alg/unknown']);
    expect(u.rationale).toMatch(/not fixed in the evidence \(algorithm from `alg`/);
  });
});

describe('policies', () => {
  for (const p of PLAN_POLICIES) {
    it(`${p.id}: cites the policy and dates items from it where it has a date`, () => {
      const plan = planOf(everyUseCase(), { policies: [p.id], devices: ['nrf52840'] });
      expect(plan.policy.selected).toEqual([p.id]);
      expect(plan.policy.citations[0]!.sources.length).toBeGreaterThan(0);
      const policyDated = items(plan).filter((i) => i.deadline.basis === 'policy');
      for (const i of policyDated) expect(i.deadline.label.startsWith(p.name) || i.stage === 1).toBe(true);
      const own = p.deadlines.filter((d) => d.state !== 'milestone').map((d) => d.date);
      for (const i of policyDated.filter((x) => x.stage > 1)) expect(own).toContain(i.deadline.date);
    });
  }

  it('labels NIST IR 8547 as a draft with proposed dates', () => {
    const plan = planOf(everyUseCase(), { policies: ['nist-ir-8547-ipd'] });
    expect(plan.policy.citations[0]).toMatchObject({
      status: 'draft',
      name: expect.stringMatching(/initial public draft/),
    });
  });

  it('CNSA 2.0 judges AES-128 weakened and picks ML-KEM-1024 and LMS', () => {
    const plan = planOf(everyUseCase(), { policies: ['cnsa-2.0'], devices: ['nrf52840'] });
    const its = items(plan);
    expect(byUseCase(its, 'data-at-rest').flatMap((i) => i.findings.map((f) => f.bomRef))).toEqual(['alg/aes-128-cbc']);
    expect(byUseCase(its, 'data-at-rest')[0]!.replacement.algorithm).toMatch(/AES-256/);
    expect(byUseCase(its, 'transport-key-exchange')[0]!.replacement.parameterSet).toBe('ML-KEM-1024');
    expect(byUseCase(its, 'secure-boot-update')[0]!.replacement.algorithm).toMatch(/^LMS/);
  });

  it('BSI and ANSSI ask for hybrids: composite certificates for transport authentication', () => {
    for (const id of ['bsi-tr-02102', 'anssi']) {
      const auth = byUseCase(items(planOf(everyUseCase(), { policies: [id] })), 'transport-authentication');
      expect(auth[0]!.replacement.mode, id).toBe('composite');
    }
  });

  it('FDA inherits the NIST deprecation of 112-bit public key and says so', () => {
    const plan = planOf(everyUseCase(), { policies: ['fda-premarket'] });
    const cert = byUseCase(items(plan), 'identity-pki').find((i) =>
      i.findings.some((f) => f.bomRef === 'cert/device'),
    )!;
    expect(cert.deadline.label).toMatch(/App1\.C-04/);
  });

  it('rejects an unknown policy with the valid ids', () => {
    expect(() => planOf(everyUseCase(), { policies: ['fips-9999'] })).toThrow(PlanInputError);
    expect(() => planOf(everyUseCase(), { policies: ['fips-9999'] })).toThrow(/fda-premarket/);
  });
});

describe("Mosca's inequality", () => {
  it('is exposed only when shelf life + migration exceeds the time to a CRQC', () => {
    expect(mosca({ shelfLifeYears: 5, migrationYears: 3, crqcYears: 8 })).toMatchObject({
      exposed: false,
      slackYears: 0,
    });
    expect(mosca({ shelfLifeYears: 5, migrationYears: 3.5, crqcYears: 8 })).toMatchObject({
      exposed: true,
      slackYears: -0.5,
    });
    expect(mosca({ shelfLifeYears: 0, migrationYears: 0, crqcYears: 0 })).toMatchObject({
      exposed: false,
      slackYears: 0,
    });
    expect(mosca({ shelfLifeYears: 1, migrationYears: 0, crqcYears: 0 })).toMatchObject({
      exposed: true,
      protectByYears: -1,
    });
    expect(() => mosca({ shelfLifeYears: -1, migrationYears: 0, crqcYears: 1 })).toThrow(RangeError);
    expect(() => mosca({ shelfLifeYears: Number.NaN, migrationYears: 0, crqcYears: 1 })).toThrow(/shelfLifeYears/);
  });

  it('moves an already exposed link to the next release and flags it overdue', () => {
    const plan = planOf(everyUseCase(), {
      shelfLifeYears: { 'patient-records': 30 },
      scenarios: [{ id: 'soon', years: 4 }],
    });
    const kex = byUseCase(items(plan), 'transport-key-exchange')[0]!;
    expect(kex.deadline).toMatchObject({ basis: 'mosca', overdue: true, date: '2026-07-01' });
    expect(kex.urgency).toBe('immediate');
  });

  it('dates a link by protect-by year when there is slack, and compares scenarios side by side', () => {
    const plan = planOf(
      everyUseCase(),
      {
        scenarios: [
          { id: 'a', years: 12 },
          { id: 'b', years: 30 },
        ],
        primaryScenario: 'b',
      },
      { assumptions: { defaultDataClasses: ['telemetry'] } },
    );
    const row = plan.exposure.find((r) => r.useCase === 'transport-key-exchange')!;
    expect(row.scenarios.map((s) => [s.scenario, s.exposed, s.slackYears])).toEqual([
      ['a', false, 4],
      ['b', false, 22],
    ]);
    // telemetry 5 years, CRQC in 30: protect by 2051, later than every policy date, so a policy date wins.
    expect(byUseCase(items(plan), 'transport-key-exchange')[0]!.deadline.basis).toBe('policy');
  });
});

describe('devices', () => {
  it('names the hardware change with the bench numbers when nothing fits', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-plan-'));
    const file = path.join(dir, 'tiny.yaml');
    writeFileSync(
      file,
      'name: Tiny\nrole: sensor\ncore: cortex-m0plus\nclockMHz: 16\nramKiB: 16\nflashKiB: 128\nfirmwareImageKiB: 64\nbudgets:\n  bootVerifyMs: 5\n  ramKiB: 2\n  codeKiB: 8\n',
    );
    const plan = planOf(everyUseCase(), { devices: [file] });
    const boot = byUseCase(items(plan), 'secure-boot-update')[0]!;
    expect(boot.nothingFits).toBe(true);
    expect(boot.effort).toBe('XL');
    const change = boot.feasibility[0]!.hardwareChange!;
    expect(change).toMatch(/× the time budget \([\d.]+ ms vs 5\.00 ms\)/);
    expect(plan.summary.statements.join('\n')).toContain(change);
  });

  it('only checks feasibility on the devices whose paths cover the findings', () => {
    const plan = planOf(
      everyUseCase(),
      {},
      {
        devices: [
          { device: 'nrf52840', paths: ['bootloader/**'] },
          { device: 'imx8mm', paths: ['gw/**'] },
        ],
      },
    );
    const boot = byUseCase(items(plan), 'secure-boot-update')[0]!;
    expect(boot.devices).toEqual(['nrf52840']);
    const kex = byUseCase(items(plan), 'transport-key-exchange').find((i) =>
      i.findings.some((f) => f.bomRef === 'proto/tls'),
    )!;
    expect(kex.devices).toEqual(['imx8mm']);
  });

  it('reports an invalid profile with its JSON path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-plan-'));
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'name: x\nrole: sensor\ncore: cortex-m5\nclockMHz: 1\nramKiB: 1\nflashKiB: 1\n');
    expect(() => loadDevice(file)).toThrow(PlanInputError);
    expect(() => loadDevice(file)).toThrow(/\$\.core must be one of/);
  });
});

describe('inventories the plan must not over-read', () => {
  it('lists only-inactive findings and plans no work', () => {
    const doc = bom([
      algorithm('alg/des', 'DES', 'block-cipher', [{ location: 'a.c', line: 3 }], {
        ...pq('des'),
        'pqready:state': 'inactive',
      }),
      algorithm('alg/rsa', 'RSA', 'pke', [{ location: 'b.h', line: 1 }], {
        ...pq('rsa'),
        'pqready:role': 'config-disable',
      }),
    ]);
    const plan = planOf(doc);
    expect(plan.summary.items).toBe(0);
    expect(plan.findings.map((f) => f.notPlanned)).toEqual([
      'inactive in the evidence (dead code or a disabled branch)',
      'the configuration disables it',
    ]);
  });

  it('reads per-occurrence state from every shape a writer may use, and calls mixed component states ambiguous', () => {
    const doc = bom([
      algorithm(
        'alg/des',
        'DES',
        'block-cipher',
        [
          { location: 'a.c', line: 3 },
          { location: 'b.c', line: 4, additionalContext: 'state=inactive' },
          { location: 'c.h', line: 9 },
        ],
        {
          'pqready:algorithm-id': 'des',
          'pqready:occurrence': JSON.stringify({ location: 'a.c', line: 3, state: 'inactive' }),
          'pqready:state': ['active', 'inactive'],
        },
      ),
    ]);
    const occ = readCbom(JSON.stringify(doc), 'x').assets[0]!.occurrences;
    expect(occ.map((o) => [o.location, o.state, o.factsFrom])).toEqual([
      ['a.c', 'inactive', 'occurrence'],
      ['b.c', 'inactive', 'occurrence'],
      ['c.h', 'ambiguous', 'component'],
    ]);
    const plan = planOf(doc);
    expect(items(plan).find((i) => i.useCase === 'classically-weak')!.conditions[0]).toMatch(/several activity states/);
  });

  it("reads another tool's CBOM from CycloneDX fields: names, OIDs, 1.7 related assets", () => {
    const doc = bom(
      [
        {
          type: 'cryptographic-asset',
          'bom-ref': 'a1',
          name: 'RSA-2048',
          cryptoProperties: {
            assetType: 'algorithm',
            algorithmProperties: { primitive: 'pke', parameterSetIdentifier: '2048' },
          },
          evidence: { occurrences: [{ location: 'src/rsa.c', line: 9 }] },
        },
        {
          type: 'cryptographic-asset',
          'bom-ref': 'a2',
          name: 'SHA1',
          cryptoProperties: { assetType: 'algorithm', algorithmProperties: { primitive: 'hash' } },
          evidence: { occurrences: [{ location: 'src/h.c', line: 2 }] },
        },
        {
          type: 'cryptographic-asset',
          'bom-ref': 'a3',
          name: 'mystery',
          cryptoProperties: { assetType: 'algorithm', oid: '2.16.840.1.101.3.4.4.2' },
        },
        {
          type: 'cryptographic-asset',
          'bom-ref': 'a4',
          name: 'Vendor-Sig-X',
          cryptoProperties: {
            assetType: 'algorithm',
            algorithmProperties: { primitive: 'signature', nistQuantumSecurityLevel: 0 },
          },
          evidence: { occurrences: [{ location: 'src/v.c' }] },
        },
        {
          type: 'cryptographic-asset',
          'bom-ref': 'a5',
          name: 'AES-128-GCM',
          cryptoProperties: { assetType: 'algorithm', algorithmProperties: { primitive: 'ae', mode: 'gcm' } },
          evidence: { occurrences: [{ location: 'src/aes.c', line: 1 }] },
        },
        { type: 'library', 'bom-ref': 'lib1', name: 'openssl', version: '3.0.2' },
      ],
      { pqready: false, spec: '1.7', dependencies: [{ ref: 'lib1', provides: ['a1'] }] },
    );
    const inv = readCbom(JSON.stringify(doc), 'other.json');
    expect(inv.pqready).toBe(false);
    const ref = (r: string) => inv.assets.find((a) => a.bomRef === r)!.algorithm!;
    expect(ref('a1')).toMatchObject({ ref: { id: 'rsa', keyBits: 2048 }, refBasis: 'name' });
    expect(ref('a2')).toMatchObject({ ref: { id: 'sha-1' }, refBasis: 'name' });
    expect(ref('a3')).toMatchObject({ ref: { id: 'ml-kem-768' }, refBasis: 'oid' });
    expect(ref('a4').refBasis).toBe('none');
    expect(inv.assets.find((a) => a.bomRef === 'a1')!.libraries).toEqual(['openssl 3.0.2']);
    const plan = planOf(doc);
    expect(plan.inventory.readAs).toBe('foreign');
    const verdict = (r: string) => plan.findings.find((f) => f.bomRef === r)?.verdict;
    expect([verdict('a1'), verdict('a2'), verdict('a4'), verdict('a5')]).toEqual([
      'broken',
      'weakened',
      'broken',
      'resistant',
    ]);
    expect(plan.findings.find((f) => f.bomRef === 'a4')!.verdictBasis).toBe('fields');
    expect(items(plan).some((i) => i.useCase === 'classically-weak' && i.findings[0]!.bomRef === 'a2')).toBe(true);
  });
});

describe('invalid input', () => {
  const bad = (text: string) => {
    try {
      readCbom(text, 'bad.json');
    } catch (e) {
      expect(e).toBeInstanceOf(PlanInputError);
      return (e as Error).message;
    }
    throw new Error('expected a PlanInputError');
  };
  it('names the problem and its JSON path', () => {
    expect(bad('{"bomFormat": "CycloneDX",\n  "specVersion": }')).toMatch(
      /^CBOM bad\.json is not valid JSON at line 2, column \d+/,
    );
    expect(bad('[]')).toMatch(/\$ must be a JSON object/);
    expect(bad('{"bomFormat":"SPDX"}')).toMatch(/\$\.bomFormat must be "CycloneDX"/);
    expect(bad('{"bomFormat":"CycloneDX","specVersion":"1.5"}')).toMatch(/\$\.specVersion is "1\.5"/);
    const doc = bom([algorithm('a', 'AES', 'block-cipher', [{ location: 'x' }])]);
    (doc.components as Record<string, unknown>[])[0]!.cryptoProperties = { assetType: 'spaceship' };
    expect(bad(JSON.stringify(doc))).toMatch(
      /\$\.components\[0\]\.cryptoProperties\.assetType must be equal to one of the allowed values/,
    );
  });

  it('rejects a bad configuration with its JSON path', () => {
    expect(() => resolvePlanConfig({ assumptions: { crqcScenarios: [{ id: 'x', years: -1 }] } }, 'p.yaml')).toThrow(
      /p\.yaml: \$\.assumptions\.crqcScenarios\[0\]\.years must be >= 0/,
    );
    expect(() => resolvePlanConfig({ dataFlows: [{ paths: ['a'], dataClasses: ['secrets'] }] }, 'p.yaml')).toThrow(
      /\$\.dataFlows\[0\] names data class "secrets"/,
    );
    expect(() => resolvePlanConfig({ devcies: [] }, 'p.yaml')).toThrow(/unknown field "devcies"/);
  });
});

describe('determinism', () => {
  it('gives the same plan for the same inputs, whatever the component order', () => {
    const doc = everyUseCase();
    const reversed = { ...doc, components: [...(doc.components as unknown[])].reverse() };
    const a = JSON.stringify(planOf(doc, { devices: ['nrf52840'] }));
    expect(JSON.stringify(planOf(doc, { devices: ['nrf52840'] }))).toBe(a);
    expect(JSON.stringify(planOf(reversed, { devices: ['nrf52840'] }))).toBe(a);
  });
});
