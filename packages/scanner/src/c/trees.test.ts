/**
 * The real-world failure classes of the C analysis, one small tree each under fixtures/c/trees/<case>/
 * (written for the corpus, in the shapes found by the real-world evaluation): each is scanned as its own
 * root, with the scan options of its options.json, and must give exactly its inline `expect:` annotations
 * (findings marked internal, a library's calls of its own API, are checked separately).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultPolicyId, findingVerdict, getPolicy } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { cCryptoApi } from '../detectors/c-crypto-api/index.js';
import { cCryptoConfig } from '../detectors/c-crypto-config/index.js';
import { cCryptoImplementation } from '../detectors/c-crypto-implementation/index.js';
import type { ScanOptions } from '../detectors/types.js';
import { type CorpusRow, listFiles, rowKey, rowsOf, runDetectors } from './test-support/context.js';

const corpus = resolve(__dirname, '../../../../fixtures/c');
const trees = join(corpus, 'trees');
const DETECTORS = [cCryptoApi, cCryptoConfig, cCryptoImplementation];

type Row = CorpusRow;

const key = rowKey;

export async function scanTree(name: string) {
  const dir = join(trees, name);
  const optionsFile = join(dir, 'options.json');
  const options = (
    existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}
  ) as Partial<ScanOptions>;
  return runDetectors(DETECTORS, listFiles(dir), options);
}

describe.skipIf(!existsSync(trees))('C real-world failure classes (fixtures/c/trees)', async () => {
  const { annotations } = (await import(pathToFileURL(join(corpus, 'make-expected.mjs')).href)) as {
    annotations(root: string): Row[];
  };
  const cases = existsSync(trees) ? readdirSync(trees).sort() : [];
  it.each(cases)('%s gives exactly its annotated findings', async (name) => {
    const expected = annotations(join(trees, name)).map(key).sort();
    const { findings, diagnostics } = await scanTree(name);
    // A library's calls of its own API are kept but marked internal: not part of the annotated uses.
    const actual = findings
      .flatMap((f) => (f.properties?.internal !== 'true' ? rowsOf(f) : []))
      .map(key)
      .sort();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(actual).toEqual(expected);
  });

  const algorithmFindings = async (name: string) =>
    (await scanTree(name)).findings.flatMap((f) => (f.kind === 'algorithm' ? [f] : []));

  it('reports a vendored ECC library at its definitions, with its curve, as broken', async () => {
    const found = await algorithmFindings('vendored-ecc');
    const impl = found.filter((f) => f.role === 'implementation' && ['ecdh', 'ecdsa'].includes(f.algorithm.id));
    expect(impl.map((f) => [f.evidence.path, f.algorithm.id, f.algorithm.curve])).toEqual([
      ['third_party/tinycrypt/source/ecc_dh.c', 'ecdh', 'p-256'],
      ['third_party/tinycrypt/source/ecc_dsa.c', 'ecdsa', 'p-256'],
    ]);
    const policy = getPolicy(defaultPolicyId);
    for (const f of impl) expect(findingVerdict(f, policy).quantum).toBe('broken');
    expect(found.find((f) => f.evidence.path.endsWith('aes_encrypt.c'))?.algorithm).toEqual({
      id: 'aes',
      keyBits: 128,
    });
  });

  it('gives each alternative configuration its own scope, and says which one a unit depends on', async () => {
    const { findings, diagnostics } = await scanTree('alternative-configs');
    for (const f of findings) {
      if (f.kind !== 'algorithm' || !f.evidence.path.startsWith('configs/') || f.state === 'inactive') continue;
      expect(f.properties?.configuration).toBe(`${f.evidence.path} (alternative, not selected by the build)`);
    }
    const sign = findings.find((f) => f.evidence.path === 'src/sign.c');
    expect(sign?.properties?.configurations).toBe(
      'configs/config-ccm-psk.h: inactive; configs/config-legacy.h: inactive; configs/config-suite-b.h: active',
    );
    expect(diagnostics.filter((d) => d.code === 'c-config-test-only-option').map((d) => `${d.path}:${d.line}`)).toEqual(
      ['configs/config-legacy.h:12'],
    );
  });

  it('evaluates units against the configuration named with --config-file', async () => {
    const found = await algorithmFindings('config-file-flag');
    expect(found.filter((f) => f.evidence.path === 'configs/prod.h').every((f) => !f.properties?.configuration)).toBe(
      true,
    );
    expect(found.filter((f) => f.evidence.path === 'configs/dev.h').every((f) => !!f.properties?.configuration)).toBe(
      true,
    );
  });

  it('reads key sizes and parameter sets from macros and build flags', async () => {
    const aes = await algorithmFindings('key-size-macros');
    expect(aes.every((f) => f.algorithm.keyBits === 256)).toBe(true);
    const flags = await algorithmFindings('build-flags');
    const target = flags.find((f) => f.evidence.path === 'kem/Makefile' && f.algorithm.id === 'ml-kem-512');
    expect(target?.properties?.scope).toBe('one build target (recipe line)');
    expect(flags.find((f) => f.evidence.path === 'compile_commands.json')?.properties?.file).toBe('sig/sign.c');
  });

  it('says which undefined names an active site relies on', async () => {
    const found = await algorithmFindings('undefined-switches');
    const notes = (line: number) => found.find((f) => f.evidence.line === line)?.notes ?? [];
    expect(notes(9)).toEqual(['active unless the build defines VERIFY_ONLY']);
    expect(notes(20)).toEqual(['active unless the build defines NO_SHA512_DIGEST or WITH_BLAKE2B_DIGEST']);
    expect(notes(18)).toEqual([]);
  });

  it('warns about options that must not ship, and only about those', async () => {
    const { diagnostics } = await scanTree('option-names');
    expect(diagnostics.filter((d) => d.code === 'c-config-test-only-option').map((d) => `${d.path}:${d.line}`)).toEqual(
      ['tls/mbedtls_config.h:7', 'wolf/user_settings.h:16'],
    );
  });

  it("reads a project's make variables with the parameters they choose", async () => {
    const found = await algorithmFindings('make-variables');
    const at = (path: string, line: number) =>
      found.filter((f) => f.evidence.path === path && f.evidence.line === line).map((f) => ({ ...f.algorithm }));
    const wolf = 'wolfboot/config/examples/sim-ml-dsa.config';
    // SIGN=ML_DSA narrowed by ML_DSA_LEVEL=3 in the same file; ENCRYPT=1 by ENCRYPT_WITH_AES256.
    expect(at(wolf, 4)).toEqual([{ id: 'ml-dsa-65' }]);
    expect(at(wolf, 11)).toEqual([{ id: 'aes', keyBits: 256, mode: 'ctr' }]);
    expect(at('tf-a/make_helpers/defaults.mk', 12)).toEqual([{ id: 'rsa-pss', keyBits: 2048 }]);
    expect(at('tf-a/drivers/auth/mbedtls/mbedtls_common.mk', 14)).toEqual([{ id: 'aes', mode: 'gcm' }]);
    expect(found.find((f) => f.evidence.line === 10 && f.evidence.path === wolf)?.notes).toEqual(['commented out']);
  });

  it("reads a project's options headers with the key sizes they set", async () => {
    const found = await algorithmFindings('project-options');
    const at = (line: number) =>
      found
        .filter((f) => f.evidence.path === 'src/default_options.h' && f.evidence.line === line)
        .map((f) => f.algorithm);
    expect(at(7)).toEqual([{ id: 'aes', keyBits: 128 }]);
    expect(at(12)).toEqual([{ id: 'rsa', keyBits: 2048 }]);
  });

  it('reads a CMake option file of any name with the key length it sets', async () => {
    const found = await algorithmFindings('cmake-option-file');
    expect(found.find((f) => f.evidence.line === 4)?.algorithm).toEqual({ id: 'aes', keyBits: 256 });
  });

  it('reads Kconfig definitions with the values and suites their defaults set', async () => {
    const found = await algorithmFindings('kconfig-definitions');
    const at = (path: string, line: number) =>
      found.filter((f) => f.evidence.path === path && f.evidence.line === line).map((f) => f.algorithm);
    expect(at('app/Kconfig', 29)).toEqual([{ id: 'rsa-pss', keyBits: 2048 }]);
    expect(at('module/Kconfig', 19)).toEqual([{ id: 'aes', keyBits: 128 }]);
    expect(at('module/Kconfig', 43)).toEqual([{ id: 'aes', keyBits: 128, mode: 'ccm' }]);
    expect(found.find((f) => f.evidence.path === 'app/Kconfig' && f.evidence.line === 15)?.notes).toEqual([
      'commented out',
    ]);
  });

  it("marks a library's calls of its own API as internal", async () => {
    const found = await algorithmFindings('library-source');
    const internal = found
      .filter((f) => f.properties?.internal === 'true')
      .map((f) => `${f.evidence.path}:${f.evidence.line}`);
    expect(internal).toEqual(['src/aes.c:24', 'src/ecdh.c:11']);
    const pq = await algorithmFindings('pqc-reference');
    expect(pq.find((f) => f.evidence.path === 'ref/kem.c')?.properties?.internal).toBe('true');
  });

  const at = (found: readonly import('@pqready/core').Finding[], path: string, line: number) =>
    found.find((f) => f.evidence.path === path && f.evidence.line === line);
  const candidateIds = (f: import('@pqready/core').Finding | undefined) =>
    f?.kind === 'algorithm' ? (f.algorithm.candidates ?? []).map((c) => c.id) : undefined;

  it('reports calls of a wrapper header chosen by macro as uses, with the chain in the evidence', async () => {
    const found = await algorithmFindings('follow-wrappers');
    const call = at(found, 'src/main.c', 10);
    expect(call?.properties?.wrapper).toBe('app_hash_init');
    expect(call?.properties?.via).toBe('app_hash_init (include/app_hash_mbedtls.h:3) → mbedtls_sha256_starts');
    expect(at(found, 'src/main.c', 11)?.properties?.via).toBe('app_make_key (src/sign.c:5) → mbedtls_ecdsa_genkey');
    expect(at(found, 'src/main.c', 11)?.kind === 'algorithm' && at(found, 'src/main.c', 11)).toMatchObject({
      algorithm: { id: 'ecdsa', curve: 'p-256' },
    });
  });

  it('follows values to their use: out-parameter, ternary, constant, table column through a lookup or a function pointer', async () => {
    const found = await algorithmFindings('follow-values');
    expect(at(found, 'values.c', 21)?.notes?.join(' ')).toContain('alg set by pick_alg() (values.c:7)');
    expect(candidateIds(at(found, 'values.c', 30))).toEqual(['chacha20', 'aes']);
    expect(at(found, 'values.c', 36)?.notes).toContain('value: halg = PSA_ALG_SHA_384');
    const table = at(found, 'values.c', 51);
    expect(table?.kind === 'algorithm' ? table.algorithm.candidates : undefined).toEqual([
      { id: 'aes', keyBits: 128, mode: 'gcm' },
      { id: 'camellia', keyBits: 256, mode: 'cbc' },
    ]);
    // A call through a function-pointer field of a table: the functions of its column.
    expect(candidateIds(at(found, 'digests.c', 16))).toEqual(['sha-1', 'sha-256']);
  });

  it("reports a run-time key's candidate set with the set's verdict, and no use for an accessor", async () => {
    const { findings } = await scanTree('follow-candidates');
    const sign = at(findings, 'pk.c', 14);
    expect(candidateIds(sign)).toEqual(['rsa', 'ecdsa']);
    expect(sign && findingVerdict(sign, getPolicy(defaultPolicyId)).quantum).toBe('broken');
    expect(findings.some((f) => f.properties?.function === 'mbedtls_pk_rsa')).toBe(false);
    // An ML-DSA key whose level comes from the caller: the three parameter sets, on every call using the key.
    expect(candidateIds(at(findings, 'mldsa.c', 6))).toEqual(['ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87']);
  });

  it('reads algorithm names in C strings as protocol configuration, not names compared or in messages', async () => {
    const { findings } = await scanTree('follow-strings');
    const kex = at(findings, 'ssh_names.c', 5);
    expect(kex?.kind === 'protocol' && kex.protocol.groups.map((g) => g.name)).toEqual([
      'mlkem768x25519-sha256',
      'curve25519-sha256',
      'ecdh-sha2-nistp256',
    ]);
    expect(kex && findingVerdict(kex, getPolicy(defaultPolicyId)).quantum).toBe('hybrid');
    expect(at(findings, 'ssh_names.c', 31)).toBeUndefined();
  });
});
