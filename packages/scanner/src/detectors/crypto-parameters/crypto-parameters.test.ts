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

  it('reads DER parameter files (dhparam, dsaparam, ecparam -outform DER), which OpenSSL reads too', async () => {
    const read = async (name: string) => {
      const r = await runDetector(cryptoParameters, name, fixture(name));
      expect(r.diagnostics, name).toEqual([]);
      return keys(r).map((f) => [
        f.key.format,
        f.key.encoding,
        f.key.algorithm.id,
        f.key.algorithm.curve,
        f.key.sizeBits,
      ]);
    };
    expect(await read('dh1024.der')).toEqual([['DHparams (PKCS#3)', 'DER', 'dh', undefined, 1024]]);
    expect(await read('x942-dh.params.der')).toEqual([['DHparams (X9.42)', 'DER', 'dh', undefined, 1024]]);
    expect(await read('dsa1024.params.der')).toEqual([['DSAparams', 'DER', 'dsa', undefined, 1024]]);
    expect(await read('p256-named.params.der')).toEqual([['ECParameters', 'DER', 'ec', 'p-256', 256]]);
    expect(await read('p384-explicit.params.der')).toEqual([['ECParameters', 'DER', 'ec', undefined, 384]]);
    // A generator as large as p with a privateValueLength (mbedTLS's dh.optlen.der has this shape).
    expect(await read('dh-generator-and-length.der')).toEqual([['DHparams (PKCS#3)', 'DER', 'dh', undefined, 1024]]);
  });

  it('does not take two-integer structures that are not groups (an RSA public key, a signature) for DH', async () => {
    ossl.run(
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:1024',
      '-pkeyopt',
      'rsa_keygen_pubexp:5',
      '-out',
      'rsa5.pem',
    );
    ossl.run('rsa', '-in', 'rsa5.pem', '-RSAPublicKey_out', '-outform', 'DER', '-out', 'rsa5.der');
    const r = await runDetector(cryptoParameters, 'rsa5.der', ossl.read('rsa5.der'));
    expect([r.findings, r.diagnostics]).toEqual([[], []]);
  });
});
