/**
 * Limits that dropped valid input or hid a broken file: a certificate with 10,000 subjectAltNames (made with the
 * OpenSSL CLI, which reads it) decodes, and `.pem` files that are empty or hold no PEM get the diagnostics `.crt`,
 * `.der` and `.key` files get.
 */
import { writeFileSync } from 'node:fs';
import type { CertificateFinding } from '@pqready/core';
import { afterAll, describe, expect, it } from 'vitest';
import { OpensslWorkdir, runDetector } from '../../../test-support/pki.js';
import { x509Certificate } from './index.js';

describe('x509-certificate limits', () => {
  const ossl = new OpensslWorkdir();
  afterAll(() => ossl.dispose());

  it('decodes a certificate with 10,000 subjectAltNames', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `DNS.${i + 1}=h${i}.example.com`);
    writeFileSync(
      ossl.path('san.cnf'),
      ['[req]', 'distinguished_name=dn', '[dn]', '[ext]', 'subjectAltName=@alt', '[alt]', ...names, ''].join('\n'),
    );
    ossl.run(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'san.key',
      '-subj',
      '/CN=many names',
      '-days',
      '30',
      '-config',
      'san.cnf',
      '-extensions',
      'ext',
      '-out',
      'san.pem',
    );
    const r = await runDetector(x509Certificate, 'certs/san.pem', ossl.read('san.pem'));
    expect(r.diagnostics).toEqual([]);
    const cert = (r.findings as CertificateFinding[])[0]!.certificate;
    expect(cert.subjectAltNames).toHaveLength(10_000);
    expect(cert.subjectAltNames?.[9_999]).toContain('h9999.example.com');
  }, 60_000);

  it('reports an empty .pem and a .pem without PEM or DER like a .crt', async () => {
    for (const ext of ['pem', 'crt']) {
      const empty = await runDetector(x509Certificate, `a/empty.${ext}`, new Uint8Array());
      expect(empty.diagnostics.map((d) => d.code)).toEqual(['file-empty']);
      const text = await runDetector(x509Certificate, `a/notes.${ext}`, new TextEncoder().encode('hello\n'));
      expect(text.diagnostics.map((d) => d.code)).toEqual(['not-pem-or-der']);
    }
    // A .pem holding another PEM object (an OpenSSH key) or DER is some other detector's, not an empty file.
    // Armour built from parts, so that a scan of this repository does not report a broken key here.
    const d = '-'.repeat(5);
    const ssh = `${d}BEGIN OPENSSH PRIVATE KEY${d}\nb3BlbnNzaC1rZXktdjEAAAAA\n${d}END OPENSSH PRIVATE KEY${d}\n`;
    expect((await runDetector(x509Certificate, 'k.pem', new TextEncoder().encode(ssh))).diagnostics).toEqual([]);
  });
});
