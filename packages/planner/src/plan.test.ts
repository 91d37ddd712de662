import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { readCbom } from './cbom/read.js';
import { resolvePlanConfig } from './config.js';
import { loadDevice } from './device/bench.js';
import { PlanInputError } from './errors.js';
import { mosca } from './mosca.js';
import type { PlanItem } from './plan-types.js';
import { PLAN_POLICIES } from './policies/plan-policies.js';
import { alg, cert, config, keyFile, scannedCbom, setting } from './test-support/scanned.js';
import { algorithm, bom, items, planOf } from './test-support/synthetic.js';

/** One finding per use case, written by pqready's own CBOM writer. */
const EVERY_USE_CASE: readonly Finding[] = [
  alg(
    { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
    { path: 'bootloader/src/verify.c', line: 10, context: 'boot_verify_image' },
  ),
  keyFile(
    {
      keyType: 'public',
      algorithm: { id: 'ec', curve: 'p-256' },
      format: 'SPKI',
      fingerprint: { sha256: 'ab'.repeat(32) },
    },
    { path: 'bootloader/keys/root.pem', line: 1 },
  ),
  cert(
    {
      subject: 'CN=pump-1',
      notAfter: '2045-01-01T00:00:00Z',
      signatureAlgorithm: { id: 'rsa-pkcs1v15', hash: 'sha-256', keyBits: 2048 },
      publicKey: {
        keyType: 'public',
        algorithm: { id: 'ec', curve: 'p-256' },
        format: 'SPKI',
        fingerprint: { sha256: 'cd'.repeat(32) },
      },
      basicConstraints: { ca: false },
    },
    { path: 'pki/device.pem', line: 1 },
  ),
  alg({ id: 'ecdh' }, { path: 'app/tls_client.c', line: 20, context: 'tls_setup' }),
  // A TLS server's settings, one finding each, as the config detectors report them.
  setting(
    { versions: ['1.0', '1.2'], flags: ['tls-below-1.2'] },
    { path: 'gw/nginx.conf', line: 3, setting: 'versions', directive: 'ssl_protocols' },
  ),
  setting(
    {
      versions: ['1.2'],
      cipherSuites: [
        {
          name: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
          algorithms: [{ id: 'ecdh' }, { id: 'ecdsa' }, { id: 'aes', keyBits: 128, mode: 'gcm' }],
        },
      ],
    },
    { path: 'gw/nginx.conf', line: 4, setting: 'ciphers', directive: 'ssl_ciphers' },
  ),
  setting(
    { groups: [{ name: 'x25519', algorithm: { id: 'x25519' } }], flags: ['no-pq-group'] },
    { path: 'gw/nginx.conf', line: 5, setting: 'groups', directive: 'ssl_ecdh_curve' },
  ),
  alg({ id: 'aes', keyBits: 128, mode: 'cbc' }, { path: 'app/log.c', line: 5, context: 'log_seal' }),
  alg({ id: 'sha-1' }, { path: 'app/legacy.c', line: 7 }),
  alg({ id: 'sha-256' }, { path: 'app/hash.c', line: 3 }),
  config({ id: 'rsa' }, { path: 'app/mbedtls_config.h', line: 12, snippet: '#define MBEDTLS_RSA_C' }),
  alg(
    { id: 'unknown', parameterSet: 'psa_verify_hash', unresolved: { algorithm: 'alg' } },
    { path: 'app/update.c', line: 4 },
  ),
];
const everyUseCase = () => scannedCbom(EVERY_USE_CASE);
const bomRefOf = (text: string, predicate: (c: { name: string; 'bom-ref': string }) => boolean) =>
  (JSON.parse(text).components as { name: string; 'bom-ref': string }[]).find(predicate)!['bom-ref'];

const byUseCase = (its: readonly PlanItem[], u: string) => its.filter((i) => i.useCase === u);

describe('use cases', () => {
  const text = everyUseCase();
  const plan = planOf(text, { devices: ['nrf52840'] });
  const its = items(plan);
  const ref = (name: string) => bomRefOf(text, (c) => c.name === name);

  it('counts the scan findings, not their parts, and cites only bom-refs of the CBOM', () => {
    // A certificate's signature algorithm and key, a TLS setting's groups: parts of findings, not findings.
    expect(plan.inventory.findings).toBe(EVERY_USE_CASE.length);
    expect(plan.findings.every((f) => f.findingRef?.startsWith('finding/'))).toBe(true);
    expect(plan.inventory.partAssets).toBeGreaterThan(0);
    const refs = readCbom(text, 'x').bomRefs;
    for (const i of its) for (const f of i.findings) expect(refs.has(f.bomRef), `${i.id} ${f.bomRef}`).toBe(true);
    const stageOf = (u: string) => [...new Set(byUseCase(its, u).map((i) => i.stage))];
    expect(stageOf('classically-weak')).toEqual([1]);
    expect(stageOf('transport-key-exchange')).toEqual([2]);
    expect(stageOf('secure-boot-update')).toEqual([3]);
    expect(stageOf('identity-pki')).toEqual([4]);
    expect(stageOf('library-config').sort()).toEqual([1, 5]);
    expect(stageOf('unidentified')).toEqual([0]);
  });

  it('plans a TLS server once per use case, over the settings that name its algorithms', () => {
    const server = 'the TLS server http > server[gw.example:443] in gw/nginx.conf';
    const kex = byUseCase(its, 'transport-key-exchange').filter((i) => i.title.includes(server));
    expect(kex).toHaveLength(1);
    expect(kex[0]!.findings.flatMap((f) => f.locations.map((l) => l.line)).sort()).toEqual([4, 5]);
    expect(kex[0]!.replacement.algorithm).toMatch(/X25519MLKEM768/);
    expect(kex[0]!.rationale).toMatch(/covers .*x25519.* at gw\/nginx\.conf:4, gw\/nginx\.conf:5/);
    const auth = byUseCase(its, 'transport-authentication').filter((i) => i.title.includes(server));
    expect(auth.map((i) => i.findings.flatMap((f) => f.locations.map((l) => l.line)))).toEqual([[4]]);
    // The version setting names no algorithm: no verdict of its own, but TLS 1.0 is weak today.
    const versions = plan.findings.find((f) => f.path === 'gw/nginx.conf' && f.line === 3)!;
    expect(versions).toMatchObject({ verdict: 'not-applicable', useCases: ['classically-weak'] });
    expect(versions.name).toBe('TLS 1.0/1.2 · ssl_protocols');
  });

  it('plans a certificate as one finding: its signature algorithm and key are parts of it', () => {
    const c = byUseCase(its, 'identity-pki').find((i) => i.title.includes('pump-1'))!;
    expect(c.findings.map((f) => f.bomRef)).toEqual([ref('pump-1')]);
    expect(c.rationale).toMatch(/covers certificate pump-1 \(broken under .*\) at pki\/device\.pem:1/);
  });

  it('puts the boot key and the boot verification call in one secure-boot item on the fitting scheme', () => {
    const boot = byUseCase(its, 'secure-boot-update');
    expect(boot).toHaveLength(1);
    expect(boot[0]!.findings.flatMap((f) => f.locations.map((l) => l.path)).sort()).toEqual([
      'bootloader/keys/root.pem',
      'bootloader/src/verify.c',
    ]);
    expect(boot[0]!.feasibility[0]).toMatchObject({
      device: 'nrf52840',
      benchUseCase: 'secure-boot-verify',
      verdict: 'fits',
    });
  });

  it('does not plan AES-128 or SHA-256 under the NIST thresholds, and lists them with the reason', () => {
    const notPlanned = plan.findings.filter((f) => f.notPlanned).map((f) => [f.name, f.notPlanned]);
    expect(notPlanned).toEqual([
      ['AES-128-CBC', 'quantum-resistant under the policy'],
      ['SHA-256', 'quantum-resistant under the policy'],
    ]);
    expect(plan.summary.statements[0]).toMatch(/10 need work .*; 2 need none \(2 quantum-resistant\)\./);
  });

  it('retires classically weak crypto with the next release, immediately, saying why with its source', () => {
    const weak = byUseCase(its, 'classically-weak');
    for (const i of weak) {
      expect(i.deadline.date).toBe('2026-07-01');
      expect(i.urgency).toBe('immediate');
    }
    expect(weak.map((i) => i.title).sort()).toEqual([
      'Remove protocol versions below TLS 1.2 from the TLS server http > server[gw.example:443] in gw/nginx.conf',
      'Retire SHA-1 (app/legacy.c:7)',
    ]);
    const tls = weak.find((i) => i.title.startsWith('Remove'))!;
    expect(tls.rationale).toMatch(/TLS 1\.0 and TLS 1\.1 are deprecated/);
    expect(tls.deadline.sources.map((x) => x.url)).toContain('https://www.rfc-editor.org/rfc/rfc8996');
    expect(tls.action).toMatch(/at gw\/nginx\.conf:3 \(ssl_protocols\)/);
  });

  it('explains the run-time algorithm from the unresolved parameter', () => {
    const u = byUseCase(its, 'unidentified').find((i) => i.title.startsWith('Identify'))!;
    expect(u.findings.map((f) => f.locations[0]!.path)).toEqual(['app/update.c']);
    expect(u.rationale).toMatch(/not fixed in the evidence \(algorithm from `alg`/);
  });

  it('judges every finding as the scan did: the plan verdict is the one the CBOM records', () => {
    const recorded = new Map<string, string>();
    for (const c of JSON.parse(text).components as {
      properties?: { name: string; value: string }[];
      evidence?: { occurrences: { 'bom-ref'?: string }[] };
    }[])
      for (const o of c.evidence?.occurrences ?? [])
        if (o['bom-ref'])
          recorded.set(o['bom-ref'], c.properties!.find((p) => p.name === 'pqready:quantum-verdict')!.value);
    expect(plan.findings.map((f) => [f.findingRef, f.verdict])).toEqual(
      plan.findings.map((f) => [f.findingRef, recorded.get(f.findingRef!)]),
    );
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
    expect(byUseCase(its, 'data-at-rest').flatMap((i) => i.findings.map((f) => f.name))).toEqual(['AES-128-CBC']);
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
    const cert = byUseCase(items(plan), 'identity-pki').find((i) => i.title.includes('pump-1'))!;
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
    const kex = byUseCase(items(plan), 'transport-key-exchange').find((i) => i.title.includes('gw/nginx.conf'))!;
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
  it('lists only-inactive and disabled findings and plans no work', () => {
    const text = scannedCbom([
      alg({ id: 'des' }, { path: 'a.c', line: 3 }, { state: 'inactive' }),
      // wolfSSL's NO_RSA: a disabling option in effect.
      config({ id: 'rsa' }, { path: 'b.h', line: 1, snippet: '#define NO_RSA' }, { role: 'config-disable' }),
    ]);
    const plan = planOf(text);
    expect(plan.summary.items).toBe(0);
    expect(plan.findings.map((f) => [f.state, f.notPlanned])).toEqual([
      ['inactive', 'inactive in the evidence (dead code or a disabled branch)'],
      ['disabled', 'the configuration disables it'],
    ]);
    expect(plan.inventory).toMatchObject({ inEffect: 0, notInEffect: 2 });
  });

  it("reads each occurrence's own state, role, detector and facts as pqready writes them: never ambiguous", () => {
    const text = scannedCbom([
      config(
        { id: 'des' },
        { path: 'cfg/a.h', line: 3, snippet: '#define MBEDTLS_DES_C' },
        { properties: { option: 'MBEDTLS_DES_C' } },
      ),
      alg(
        { id: 'des' },
        { path: 'src/b.c', line: 4, context: 'legacy_unwrap' },
        { state: 'inactive', notes: ['inside #if 0'] },
      ),
      alg({ id: 'des' }, { path: 'src/c.c', line: 9 }, { state: 'conditional' }),
    ]);
    const inv = readCbom(text, 'x');
    const occ = inv.assets.filter((a) => a.name === 'DES').flatMap((a) => a.occurrences);
    expect(occ.map((o) => [o.location, o.state, o.role, o.detector, o.factsFrom]).sort()).toEqual([
      ['cfg/a.h', 'active', 'config-enable', 'c-crypto-api', 'occurrence'],
      ['src/b.c', 'inactive', 'api-call', 'c-crypto-api', 'occurrence'],
      ['src/c.c', 'conditional', 'api-call', 'c-crypto-api', 'occurrence'],
    ]);
    const at = (p: string) => occ.find((o) => o.location === p)!;
    expect(at('cfg/a.h').facts).toMatchObject({ option: 'MBEDTLS_DES_C' });
    expect(at('cfg/a.h').context).toBe('#define MBEDTLS_DES_C');
    expect(at('src/b.c').notes).toEqual(['inside #if 0']);
    const plan = planOf(text);
    expect(plan.findings.map((f) => f.state)).not.toContain('ambiguous');
    const weak = items(plan).find((i) => i.useCase === 'classically-weak' && i.title.includes('cfg/a.h'))!;
    expect(weak.action).toMatch(/\(MBEDTLS_DES_C\)/);
    expect(items(plan).find((i) => i.title.startsWith('Confirm whether'))?.conditions).toEqual([
      'src/c.c:9 is conditional: in effect only when its build or configuration condition holds',
    ]);
  });

  it('keeps the code-signing scope of a certificate with several extended key usages', () => {
    const text = scannedCbom([
      cert(
        {
          subject: 'CN=release-signer',
          notAfter: '2040-01-01T00:00:00Z',
          signatureAlgorithm: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
          publicKey: {
            keyType: 'public',
            algorithm: { id: 'ec', curve: 'p-256' },
            format: 'SPKI',
            fingerprint: { sha256: 'ef'.repeat(32) },
          },
          keyUsage: ['digitalSignature', 'keyCertSign'],
          extendedKeyUsage: ['serverAuth', 'codeSigning'],
        },
        { path: 'pki/signer.pem', line: 1 },
      ),
    ]);
    const asset = readCbom(text, 'x').assets.find((a) => a.certificate)!;
    expect(asset.certificate!.extendedKeyUsage).toEqual(['serverAuth', 'codeSigning']);
    expect(asset.certificate!.keyUsage).toEqual(['digitalSignature', 'keyCertSign']);
    expect(byUseCase(items(planOf(text)), 'secure-boot-update')).toHaveLength(1);
  });

  it('judges an encrypted key by its algorithm and its protection, as the scan does', () => {
    const text = scannedCbom([
      keyFile(
        {
          keyType: 'private',
          algorithm: { id: 'ml-dsa-65' },
          format: 'EncryptedPKCS#8',
          protection: { id: 'pbes1', parameterSet: 'pbeWithMD5AndDES-CBC' },
          fingerprint: { sha256: '12'.repeat(32) },
        },
        { path: 'keys/device.p8', line: 1 },
      ),
    ]);
    expect(planOf(text).findings.map((f) => f.verdict)).toEqual(['weakened']);
  });

  it('still reads an older CBOM that lists several states on one component, and calls them ambiguous', () => {
    const doc = bom([
      algorithm(
        'alg/des',
        'DES',
        'block-cipher',
        [
          { location: 'a.c', line: 3 },
          { location: 'c.h', line: 9 },
        ],
        {
          'pqready:algorithm-id': 'des',
          'pqready:state': ['active', 'inactive'],
        },
      ),
    ]);
    const occ = readCbom(JSON.stringify(doc), 'x').assets[0]!.occurrences;
    expect(occ.map((o) => [o.location, o.state, o.factsFrom])).toEqual([
      ['a.c', 'ambiguous', 'component'],
      ['c.h', 'ambiguous', 'component'],
    ]);
    expect(items(planOf(doc)).find((i) => i.useCase === 'classically-weak')!.conditions[0]).toMatch(
      /several activity states/,
    );
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
    const doc = JSON.parse(everyUseCase());
    const reversed = { ...doc, components: [...(doc.components as unknown[])].reverse() };
    const a = JSON.stringify(planOf(doc, { devices: ['nrf52840'] }));
    expect(JSON.stringify(planOf(doc, { devices: ['nrf52840'] }))).toBe(a);
    expect(JSON.stringify(planOf(reversed, { devices: ['nrf52840'] }))).toBe(a);
  });
});
