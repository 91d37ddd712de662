import { resolve } from 'node:path';
import type { AlgorithmFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { listFiles, type MemoryFile, runDetectors } from '../../c/test-support/context.js';
import { cCryptoApi } from './index.js';
import { groupAlgorithm, suiteAlgorithms } from './suites.js';

const fixtures = listFiles(resolve(__dirname, 'fixtures'));
const enc = (s: string) => new TextEncoder().encode(s);

async function scan(files: readonly MemoryFile[], defines: Record<string, string> = {}) {
  const { findings } = await runDetectors([cCryptoApi], files, { defines });
  return (findings as AlgorithmFinding[]).map((f) => ({
    at: `${f.evidence.path}:${f.evidence.line}`,
    algorithm: f.algorithm,
    state: f.state,
    library: f.library,
    context: f.context,
  }));
}

describe('c-crypto-api', () => {
  it('resolves parameters through header macros, const variables and arithmetic', async () => {
    const found = await scan(fixtures);
    expect(found).toEqual([
      {
        at: 'app/positive.c:8',
        algorithm: { id: 'rsa', keyBits: 2048 },
        state: 'active',
        library: 'mbedTLS',
        context: 'rsa',
      },
      {
        at: 'app/positive.c:9',
        algorithm: { id: 'rsa', keyBits: 3072 },
        state: 'active',
        library: 'mbedTLS',
        context: 'rsa',
      },
      {
        at: 'app/positive.c:14',
        algorithm: { id: 'rsa-pss', hash: 'sha-384' },
        state: 'active',
        library: 'mbedTLS',
        context: 'sign',
      },
      {
        at: 'app/positive.c:19',
        // USE_P521 is defined nowhere: the default build takes the #else branch (P-256).
        algorithm: { id: 'ec', curve: 'p-256' },
        state: 'active',
        library: 'mbedTLS',
        context: 'curve',
      },
      {
        at: 'app/positive.c:24',
        algorithm: { id: 'ed25519' },
        state: 'active',
        library: 'libsodium',
        context: 'sodium_keys',
      },
      { at: 'app/positive.c:28', algorithm: { id: 'md5' }, state: 'conditional', library: 'mbedTLS', context: 'old' },
    ]);
  });

  it('applies --define to both branch selection and macro values', async () => {
    const found = await scan(fixtures, { USE_P521: '1', FEATURE_OLD: '' });
    expect(found.find((f) => f.at === 'app/positive.c:19')?.algorithm).toEqual({ id: 'ec', curve: 'p-521' });
    expect(found.find((f) => f.at === 'app/positive.c:28')?.state).toBe('active');
  });

  it('reports nothing for look-alikes and names in strings', async () => {
    expect(await scan(fixtures.filter((f) => f.path === 'clean.c'))).toEqual([]);
  });

  it('uses the NIST API scheme from config macros, or says it is unresolved', async () => {
    const withCfg = await scan([
      { path: 'k/params.h', bytes: enc('#define KYBER_K 4\n') },
      {
        path: 'k/kem.c',
        bytes: enc(
          '#include "params.h"\nint f(unsigned char *a, unsigned char *b) { return crypto_kem_keypair(a, b); }\n',
        ),
      },
    ]);
    expect(withCfg.map((f) => f.algorithm)).toEqual([{ id: 'ml-kem-1024' }]);
    const without = await scan([
      {
        path: 'k/kem.c',
        bytes: enc('int f(unsigned char *a, unsigned char *b) { return crypto_kem_enc(a, b, a); }\n'),
      },
    ]);
    expect(without.map((f) => f.algorithm)).toEqual([
      {
        id: 'unknown',
        parameterSet: 'crypto_kem',
        unresolved: { parameterSet: 'MLK_CONFIG_PARAMETER_SET | MLKEM_K | KYBER_K' },
      },
    ]);
  });

  it('splits TLS suite and group names into component algorithms', () => {
    expect(suiteAlgorithms('ECDHE-ECDSA-AES128-GCM-SHA256')).toEqual([
      { id: 'ecdh' },
      { id: 'ecdsa' },
      { id: 'aes', keyBits: 128, mode: 'gcm' },
      { id: 'sha-256' },
    ]);
    expect(suiteAlgorithms('TLS_RSA_WITH_3DES_EDE_CBC_SHA')).toEqual([
      { id: 'rsa' },
      { id: '3des', keyBits: 168, mode: 'cbc' },
      { id: 'hmac', hash: 'sha-1' },
    ]);
    expect(suiteAlgorithms('TLS_CHACHA20_POLY1305_SHA256')).toEqual([{ id: 'chacha20-poly1305' }, { id: 'sha-256' }]);
    expect(suiteAlgorithms('HIGH')).toBeUndefined();
    expect(suiteAlgorithms('kRSA')).toBeUndefined();
    expect(groupAlgorithm('SecP256r1MLKEM768')).toEqual({ id: 'secp256r1mlkem768' });
    expect(groupAlgorithm('WOLFSSL_ECC_SECP384R1')).toEqual({ id: 'ecdh', curve: 'p-384' });
    expect(groupAlgorithm('ffdhe3072')).toEqual({ id: 'dh', keyBits: 3072, parameterSet: 'ffdhe3072' });
    expect(groupAlgorithm('not-a-group')).toBeUndefined();
  });
});
