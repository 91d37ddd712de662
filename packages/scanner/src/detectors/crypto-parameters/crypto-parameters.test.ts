import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyFinding } from '@pqready/core';
import { afterAll, describe, expect, it } from 'vitest';
import { OpensslWorkdir, runDetector } from '../../../test-support/pki.js';
import { cryptoParameters } from './index.js';

const keys = (r: { findings: readonly unknown[] }) => r.findings as KeyFinding[];
const fixture = (n: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', n)));

describe('crypto-parameters', () => {
  const ossl = new OpensslWorkdir();
  afterAll(() => ossl.dispose());

  it('reads DH (named MODP group), X9.42 DH, DSA and EC parameter files', async () => {
    ossl.run('genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:modp_2048', '-out', 'dh.pem');
    ossl.run('genpkey', '-genparam', '-algorithm', 'DHX', '-pkeyopt', 'dh_rfc5114:2', '-out', 'dhx.pem');
    ossl.run('genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', 'dsa.pem');
    ossl.run('ecparam', '-name', 'secp384r1', '-out', 'ec.pem');
    ossl.run('ecparam', '-name', 'prime256v1', '-param_enc', 'explicit', '-out', 'ecx.pem');
    const text = ['dh.pem', 'dhx.pem', 'dsa.pem', 'ec.pem', 'ecx.pem']
      .map((n) => Buffer.from(ossl.read(n)).toString())
      .join('\n');
    const r = await runDetector(cryptoParameters, 'params.pem', text);
    expect(r.diagnostics).toEqual([]);
    expect(keys(r).map((f) => [f.key.keyType, f.key.format, f.key.algorithm, f.key.sizeBits])).toEqual([
      [
        'parameters',
        'DHparams (PKCS#3)',
        { id: 'dh', oid: '1.2.840.113549.1.3.1', keyBits: 2048, parameterSet: 'modp2048' },
        2048,
      ],
      ['parameters', 'DHparams (X9.42)', expect.objectContaining({ id: 'dh', keyBits: 2048 }), 2048],
      ['parameters', 'DSAparams', expect.objectContaining({ id: 'dsa', keyBits: 2048 }), 2048],
      ['parameters', 'ECParameters', expect.objectContaining({ id: 'ec', curve: 'p-384' }), 384],
      [
        'parameters',
        'ECParameters',
        expect.objectContaining({ id: 'ec', parameterSet: 'explicit', keyBits: 256 }),
        256,
      ],
    ]);
    expect(keys(r)[1]?.properties).toMatchObject({ qBits: '224' });
  });

  it('fixtures: brainpool EC parameters; clean text is silent; garbage is a diagnostic', async () => {
    const [bp] = keys(await runDetector(cryptoParameters, 'brainpool.ecparams.pem', fixture('brainpool.ecparams.pem')));
    expect(bp?.key.algorithm).toMatchObject({ id: 'ec', curve: 'brainpoolp256r1' });
    const clean = await runDetector(cryptoParameters, 'clean.txt', fixture('clean.txt'));
    expect([clean.findings, clean.diagnostics]).toEqual([[], []]);
    const bad = await runDetector(
      cryptoParameters,
      'dh.pem',
      '-----BEGIN DH PARAMETERS-----\nMAMCAQI=\n-----END DH PARAMETERS-----\n',
    );
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['der-invalid']);
  });
});
