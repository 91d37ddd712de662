import { resolve } from 'node:path';
import type { AlgorithmFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { editDistance, suggestOption as suggest } from '../../c/config-findings.js';
import { listFiles, runDetectors } from '../../c/test-support/context.js';
import { cCryptoApi } from '../c-crypto-api/index.js';
import { C_KNOWLEDGE } from '../c-knowledge.js';
import { cCryptoConfig } from './index.js';

const suggestOption = (name: string) => suggest(name, C_KNOWLEDGE.options);

const all = listFiles(resolve(__dirname, 'fixtures'));
const project = all.filter((f) => f.path.startsWith('project/'));

const brief = (fs: readonly unknown[]) =>
  (fs as AlgorithmFinding[]).map(
    (f) => `${f.evidence.path}:${f.evidence.line} ${f.role} ${f.state} ${JSON.stringify(f.algorithm)}`,
  );

describe('c-crypto-config', () => {
  it('reads a config header selected by MBEDTLS_CONFIG_FILE, with #undef and a misspelling', async () => {
    const { findings } = await runDetectors([cCryptoConfig], project, {
      defines: { MBEDTLS_CONFIG_FILE: '"my_tls_config.h"' },
    });
    expect(brief(findings)).toEqual([
      'project/sdkconfig:1 config-enable active {"id":"ecdsa"}',
      'project/sdkconfig:2 config-disable active {"id":"des"}',
      'project/sdkconfig:2 config-disable active {"id":"3des"}',
      'project/sdkconfig:3 config-enable active {"id":"ec","curve":"p-256"}',
      'project/my_tls_config.h:2 config-enable active {"id":"rsa"}',
      'project/my_tls_config.h:3 config-enable active {"id":"des"}',
      'project/my_tls_config.h:3 config-enable active {"id":"3des"}',
      'project/my_tls_config.h:4 config-enable active {"id":"sha-256"}',
      'project/my_tls_config.h:5 config-enable inactive {"id":"sha-1"}',
      'project/my_tls_config.h:6 config-enable inactive {"id":"ecdsa"}',
      'project/my_tls_config.h:7 config-disable active {"id":"des"}',
      'project/my_tls_config.h:7 config-disable active {"id":"3des"}',
    ]);
    const typo = (findings as AlgorithmFinding[]).find((f) => f.properties?.option === 'MBEDTLS_SHA1_CC');
    expect(typo?.notes).toEqual([
      'unknown option MBEDTLS_SHA1_CC, did you mean MBEDTLS_SHA1_C? As written it enables nothing',
    ]);
  });

  it('evaluates source #if against the discovered configuration', async () => {
    const { findings } = await runDetectors([cCryptoApi], project, {
      defines: { MBEDTLS_CONFIG_FILE: '"my_tls_config.h"' },
    });
    // ECDSA is commented out in the governing config (inactive); RSA on and DES #undef'd (active).
    expect(brief(findings)).toEqual([
      'project/main.c:4 api-call inactive {"id":"ecdsa","curve":"p-256"}',
      'project/main.c:8 api-call active {"id":"rsa","keyBits":2048}',
    ]);
    // Without the configuration nothing is known about the options: both conditional.
    const open = await runDetectors(
      [cCryptoApi],
      project.filter((f) => f.path === 'project/main.c'),
    );
    expect((open.findings as AlgorithmFinding[]).map((f) => f.state)).toEqual(['conditional', 'conditional']);
  });

  it('reports nothing for a configuration without algorithm switches', async () => {
    const { findings } = await runDetectors(
      [cCryptoConfig],
      all.filter((f) => f.path.startsWith('clean/')),
    );
    expect(findings).toEqual([]);
  });

  it('does not call a real option a misspelling: known names, and names the tree tests with #if', async () => {
    const files = [
      {
        path: 'include/mbedtls/mbedtls_config.h',
        text: '#define MBEDTLS_AESNI_C\n#define MBEDTLS_PKCS7_C\n#define MBEDTLS_ECDH_CX\n#define MBEDTLS_ECDH_CY\n',
      },
      { path: 'library/ecdh_x.h', text: '#if defined(MBEDTLS_ECDH_CX)\nint x;\n#endif\n' },
    ].map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) }));
    const { findings } = await runDetectors([cCryptoConfig], files);
    // Only MBEDTLS_ECDH_CY is unknown everywhere: that one is the misspelling of MBEDTLS_ECDH_C.
    expect((findings as AlgorithmFinding[]).map((f) => f.properties?.option)).toEqual(['MBEDTLS_ECDH_CY']);
  });

  it('suggests the nearest known option only for close misspellings', () => {
    expect(editDistance('MBEDTLS_RSA_C', 'MBEDTLS_RSA_C', 2)).toBe(0);
    expect(editDistance('NO_RSA', 'NO_DSA', 1)).toBe(1);
    expect(suggestOption('MBEDTLS_ECDSA_CC')).toBe('MBEDTLS_ECDSA_C');
    expect(suggestOption('HAVE_ECC')).toBeUndefined();
    expect(suggestOption('HAVE_ECH')).toBeUndefined();
    expect(suggestOption('MBEDTLS_TOTALLY_DIFFERENT')).toBeUndefined();
    expect(suggestOption('APP_RSA_C')).toBeUndefined();
    // Real options of the libraries within edit distance 2 of an algorithm switch.
    expect(suggestOption('MBEDTLS_AESNI_C')).toBeUndefined();
    expect(suggestOption('MBEDTLS_KEY_EXCHANGE_PSK_ENABLED')).toBeUndefined();
    expect(suggestOption('PSA_WANT_KEY_TYPE_DERIVE')).toBeUndefined();
    expect(suggestOption('NO_ASN')).toBeUndefined();
  });
});
