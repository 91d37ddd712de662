import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CertificateFinding } from '@pqready/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpensslWorkdir, runDetector } from '../../../test-support/pki.js';
import { certificate, ML_DSA, ML_KEM, mlDsaSigner, PQC_OIDS, spki, toPem } from '../../../test-support/pqc.js';
import { x509Certificate } from './index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', name)));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const certs = (r: { findings: readonly unknown[] }) => r.findings as CertificateFinding[];

describe('x509-certificate with OpenSSL-generated objects', () => {
  const ossl = new OpensslWorkdir();
  beforeAll(() => {
    ossl.run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'rsa.key',
      '-subj',
      '/CN=RSA Root/O=Example, Inc./C=DE',
      '-days',
      '30',
      '-out',
      'rsa.pem',
    );
    ossl.run(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-384',
      '-nodes',
      '-keyout',
      'ca.key',
      '-subj',
      '/CN=EC CA',
      '-days',
      '30',
      '-out',
      'ca.pem',
    );
    ossl.run(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'leaf.key',
      '-subj',
      '/CN=leaf.example',
      '-addext',
      'subjectAltName=DNS:leaf.example,IP:192.0.2.7',
      '-addext',
      'extendedKeyUsage=serverAuth',
      '-out',
      'leaf.csr',
    );
    ossl.run(
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-copy_extensions',
      'copy',
      '-days',
      '1',
      '-out',
      'leaf.pem',
    );
    ossl.run(
      'req',
      '-x509',
      '-newkey',
      'ed25519',
      '-nodes',
      '-keyout',
      'ed.key',
      '-subj',
      '/CN=Ed Root',
      '-days',
      '30',
      '-out',
      'ed.pem',
    );
    ossl.run(
      'req',
      '-x509',
      '-newkey',
      'rsa-pss',
      '-pkeyopt',
      'rsa_keygen_bits:2048',
      '-sigopt',
      'rsa_padding_mode:pss',
      '-sha384',
      '-nodes',
      '-keyout',
      'pss.key',
      '-subj',
      '/CN=PSS Root',
      '-days',
      '30',
      '-out',
      'pss.pem',
    );
    ossl.run('crl2pkcs7', '-nocrl', '-certfile', 'leaf.pem', '-certfile', 'ca.pem', '-out', 'bundle.p7b');
    ossl.run(
      'crl2pkcs7',
      '-nocrl',
      '-certfile',
      'leaf.pem',
      '-certfile',
      'ca.pem',
      '-outform',
      'DER',
      '-out',
      'bundle-der.p7b',
    );
    ossl.run('x509', '-in', 'rsa.pem', '-outform', 'DER', '-out', 'rsa.der');
  });
  afterAll(() => ossl.dispose());

  it('decodes a self-signed RSA certificate fully', async () => {
    const r = await runDetector(x509Certificate, 'certs/rsa.pem', ossl.read('rsa.pem'), new Date());
    expect(r.diagnostics).toEqual([]);
    const [f] = certs(r);
    const der = ossl.read('rsa.der');
    const spkiDer = new Uint8Array(
      Buffer.from(ossl.run('x509', '-in', 'rsa.pem', '-noout', '-pubkey').replace(/-----[^-]+-----|\s/g, ''), 'base64'),
    );
    expect(f?.certificate).toMatchObject({
      type: 'certificate',
      encoding: 'PEM',
      subject: 'C=DE,O=Example\\, Inc.,CN=RSA Root',
      issuer: 'C=DE,O=Example\\, Inc.,CN=RSA Root',
      selfSigned: true,
      validity: 'valid',
      signatureAlgorithm: { id: 'rsa-pkcs1v15', hash: 'sha-256', keyBits: 2048 },
      publicKey: { keyType: 'public', algorithm: { id: 'rsa', keyBits: 2048 }, sizeBits: 2048, format: 'SPKI' },
      fingerprint: { sha256: sha256(der) },
      basicConstraints: { ca: true },
    });
    expect(f?.certificate.publicKey?.fingerprint?.sha256).toBe(sha256(spkiDer));
    // Serials are written byte by byte (a leading 0 nibble stays); OpenSSL's -serial may drop it.
    const opensslSerial = ossl.run('x509', '-in', 'rsa.pem', '-noout', '-serial').trim().split('=')[1]!.toLowerCase();
    expect(f?.certificate.serialNumber).toMatch(/^([0-9a-f]{2})+$/);
    expect(f?.certificate.serialNumber?.replace(/^0+/, '')).toBe(opensslSerial.replace(/^0+/, ''));
    expect(f?.evidence).toMatchObject({
      path: 'certs/rsa.pem',
      line: 1,
      offset: 0,
      snippet: '-----BEGIN CERTIFICATE-----',
    });
    expect(f?.certificate.extensions?.map((e) => e.name)).toContain('basicConstraints');
  });

  it('decodes DER certificates by content, whatever the file name', async () => {
    const r = await runDetector(x509Certificate, 'blob.bin', ossl.read('rsa.der'), new Date());
    expect(certs(r).map((f) => [f.certificate.encoding, f.evidence.snippet, f.evidence.line])).toEqual([
      ['DER', 'DER certificate', 1],
    ]);
  });

  it('reports a CA-signed EC leaf as not self-signed, with SANs, EKU and expiry against scanTime', async () => {
    const now = await runDetector(x509Certificate, 'leaf.pem', ossl.read('leaf.pem'), new Date());
    const [leaf] = certs(now);
    expect(leaf?.certificate).toMatchObject({
      selfSigned: false,
      issuer: 'CN=EC CA',
      signatureAlgorithm: { id: 'ecdsa', hash: 'sha-256' },
      publicKey: { algorithm: { id: 'ec', curve: 'p-256' }, sizeBits: 256 },
      subjectAltNames: ['DNS:leaf.example', 'IP:192.0.2.7'],
      extendedKeyUsage: ['serverAuth'],
      validity: 'valid',
    });
    const later = await runDetector(
      x509Certificate,
      'leaf.pem',
      ossl.read('leaf.pem'),
      new Date(Date.now() + 5 * 86400_000),
    );
    expect(certs(later)[0]?.certificate.validity).toBe('expired');
    const earlier = await runDetector(
      x509Certificate,
      'leaf.pem',
      ossl.read('leaf.pem'),
      new Date('2001-01-01T00:00:00Z'),
    );
    expect(certs(earlier)[0]?.certificate.validity).toBe('not-yet-valid');
  });

  it('verifies Ed25519 and RSA-PSS self-signatures and reads the PSS hash', async () => {
    const ed = certs(await runDetector(x509Certificate, 'ed.pem', ossl.read('ed.pem'), new Date()))[0]!;
    expect(ed.certificate).toMatchObject({
      selfSigned: true,
      signatureAlgorithm: { id: 'ed25519' },
      publicKey: { algorithm: { id: 'ed25519' } },
    });
    const pss = certs(await runDetector(x509Certificate, 'pss.pem', ossl.read('pss.pem'), new Date()))[0]!;
    expect(pss.certificate).toMatchObject({
      selfSigned: true,
      signatureAlgorithm: { id: 'rsa-pss', hash: 'sha-384', keyBits: 2048 },
      publicKey: { algorithm: { id: 'rsa-pss', keyBits: 2048 } },
    });
  });

  it('decodes CSRs', async () => {
    const [csr] = certs(await runDetector(x509Certificate, 'leaf.csr', ossl.read('leaf.csr')));
    expect(csr?.certificate).toMatchObject({
      type: 'csr',
      subject: 'CN=leaf.example',
      signatureAlgorithm: { id: 'ecdsa', hash: 'sha-256' },
      publicKey: { algorithm: { id: 'ec', curve: 'p-256' } },
      subjectAltNames: ['DNS:leaf.example', 'IP:192.0.2.7'],
    });
  });

  it('decodes CRLs', async () => {
    ossl.run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'crlca.key',
      '-subj',
      '/CN=CRL CA',
      '-days',
      '30',
      '-out',
      'crlca.pem',
    );
    const cnf = [
      '[ca]',
      'default_ca=d',
      '[d]',
      `database=${ossl.path('index.txt')}`,
      `crlnumber=${ossl.path('crlnumber')}`,
      'default_md=sha256',
      'default_crl_days=7',
    ].join('\n');
    writeFileSync(ossl.path('ca.cnf'), cnf);
    writeFileSync(ossl.path('index.txt'), '');
    writeFileSync(ossl.path('crlnumber'), '01\n');
    ossl.run('ca', '-config', 'ca.cnf', '-gencrl', '-keyfile', 'crlca.key', '-cert', 'crlca.pem', '-out', 'ca.crl');
    const [crl] = certs(await runDetector(x509Certificate, 'ca.crl', ossl.read('ca.crl'), new Date()));
    expect(crl?.certificate).toMatchObject({
      type: 'crl',
      issuer: 'CN=CRL CA',
      signatureAlgorithm: { id: 'rsa-pkcs1v15', hash: 'sha-256' },
      validity: 'valid',
    });
    expect(crl?.properties).toMatchObject({ revokedCount: '0' });
  });

  it('reports every certificate of PEM and DER PKCS#7 bundles, with offsets into the DER', async () => {
    const pem = certs(await runDetector(x509Certificate, 'bundle.p7b', ossl.read('bundle.p7b'), new Date()));
    expect(pem.map((f) => f.certificate.subject)).toEqual(['CN=leaf.example', 'CN=EC CA']);
    expect(pem[0]?.evidence.snippet).toBe('-----BEGIN PKCS7----- (certificate 1 of 2)');
    const derBytes = ossl.read('bundle-der.p7b');
    const der = certs(await runDetector(x509Certificate, 'bundle.der', derBytes, new Date()));
    expect(der).toHaveLength(2);
    for (const f of der) {
      const at = f.evidence.offset!;
      expect(at).toBeGreaterThan(0);
      expect(derBytes[at]).toBe(0x30);
    }
    expect(der.map((f) => f.certificate.fingerprint.sha256)).toEqual(pem.map((f) => f.certificate.fingerprint.sha256));
  });
});

describe('x509-certificate with PQC certificates built at test time', () => {
  it('decodes a self-signed ML-DSA-65 certificate and an ML-KEM-768 certificate signed by it', async () => {
    const ca = ML_DSA['ml-dsa-65'].keygen(new Uint8Array(32).fill(7));
    const caSpki = spki(PQC_OIDS['ml-dsa-65'], ca.publicKey);
    const signer = mlDsaSigner('ml-dsa-65', 'PQ Root', ca.secretKey);
    const root = certificate('PQ Root', caSpki, signer, true);
    const kem = ML_KEM['ml-kem-768'].keygen(new Uint8Array(64).fill(9));
    const leaf = certificate('PQ Device', spki(PQC_OIDS['ml-kem-768'], kem.publicKey), signer, false);
    const r = await runDetector(
      x509Certificate,
      'pq-chain.pem',
      toPem('CERTIFICATE', root) + toPem('CERTIFICATE', leaf),
    );
    expect(r.diagnostics).toEqual([]);
    const [rootF, leafF] = certs(r);
    expect(rootF?.certificate).toMatchObject({
      selfSigned: true,
      signatureAlgorithm: { id: 'ml-dsa-65', oid: '2.16.840.1.101.3.4.3.18' },
      publicKey: { algorithm: { id: 'ml-dsa-65' }, fingerprint: { sha256: sha256(caSpki) } },
      basicConstraints: { ca: true },
    });
    expect(leafF?.certificate).toMatchObject({
      selfSigned: false,
      issuer: 'CN=PQ Root',
      signatureAlgorithm: { id: 'ml-dsa-65' },
      publicKey: { algorithm: { id: 'ml-kem-768' } },
    });
    expect(leafF?.evidence.line).toBeGreaterThan(1);
  });

  it('flags a PQC public key whose length does not match FIPS 203', async () => {
    const kem = ML_KEM['ml-kem-512'].keygen(new Uint8Array(64).fill(1));
    const signer = mlDsaSigner('ml-dsa-44', 'Root', ML_DSA['ml-dsa-44'].keygen(new Uint8Array(32)).secretKey);
    const wrong = certificate('Bad', spki(PQC_OIDS['ml-kem-768'], kem.publicKey), signer, false);
    const r = await runDetector(x509Certificate, 'bad.der', wrong);
    expect(certs(r)[0]?.certificate.publicKey?.algorithm.id).toBe('ml-kem-768');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['pqc-key-size-mismatch']);
  });
});

describe('x509-certificate on committed fixtures and hostile input', () => {
  it('finds certificates after free text and inside C string literals', async () => {
    const bundle = await runDetector(x509Certificate, 'bundle-with-text.pem', fixture('bundle-with-text.pem'));
    expect(certs(bundle).map((f) => [f.certificate.subject, f.evidence.line])).toEqual([
      ['O=pqready,CN=device.example', 5],
      ['O=pqready,CN=Fixture Root CA', 23],
    ]);
    expect(bundle.diagnostics).toEqual([]);
    const c = await runDetector(x509Certificate, 'src/ca.c', fixture('embedded-ca.c'));
    expect(certs(c).map((f) => [f.certificate.subject, f.evidence.line])).toEqual([
      ['O=pqready,CN=Fixture Root CA', 3],
    ]);
  });

  it('reports garbage PEM, truncated DER and empty files as diagnostics, without findings', async () => {
    const garbage = await runDetector(x509Certificate, 'garbage.pem', fixture('garbage.pem'));
    // No line of it is base64 data: a stub more than a damaged object, so a warning; damaged data is an error.
    expect([garbage.findings.length, garbage.diagnostics.map((d) => [d.severity, d.code, d.line])]).toEqual([
      0,
      [['warning', 'pem-invalid-base64', 1]],
    ]);
    const damaged = Buffer.from(fixture('infix-whitespace.pem'))
      .toString('utf8')
      .replace(/\n([A-Za-z0-9+/]{8})/, '\n$1!!');
    expect(
      (await runDetector(x509Certificate, 'damaged.pem', damaged)).diagnostics.map((d) => [d.severity, d.code]),
    ).toEqual([['error', 'pem-invalid-base64']]);
    const truncated = await runDetector(x509Certificate, 'truncated.der', fixture('truncated.der'));
    expect([truncated.findings.length, truncated.diagnostics.map((d) => d.code)]).toEqual([0, ['der-truncated']]);
    const empty = await runDetector(x509Certificate, 'empty.crt', new Uint8Array(0));
    expect(empty.diagnostics.map((d) => d.code)).toEqual(['file-empty']);
    const cut = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n';
    expect((await runDetector(x509Certificate, 'cut.pem', cut)).diagnostics.map((d) => d.code)).toEqual([
      'pem-truncated',
    ]);
  });

  it('reads what OpenSSL reads: whitespace inside lines, a tail after `-`, one-line `\\n` strings, DER with stray bytes', async () => {
    for (const name of ['infix-whitespace.pem', 'ascii-art-tail.pem', 'one-line-escaped.ts']) {
      const r = await runDetector(x509Certificate, name, fixture(name));
      expect([certs(r).length, r.diagnostics], name).toEqual([1, []]);
    }
    const trailing = await runDetector(x509Certificate, 'trailing-bytes.der', fixture('trailing-bytes.der'));
    expect(certs(trailing).map((f) => f.certificate.subject)).toEqual(['CN=parity.example']);
    expect(trailing.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      [
        'warning',
        'der-trailing-data',
        '3 bytes follow the DER object and were not examined; the object itself was read.',
      ],
    ]);
  });

  it('takes PEM markers that are only named (C strings, comments, manuals) for text, not broken objects', async () => {
    const markers = await runDetector(x509Certificate, 'pem.c', fixture('clean-pem-markers.c'));
    expect([markers.findings, markers.diagnostics]).toEqual([[], []]);
    const manual = [
      'The file looks like this:',
      '',
      ' -----BEGIN CERTIFICATE-----',
      ' ...',
      ' -----END CERTIFICATE-----',
      '',
      'and a request starts with -----BEGIN CERTIFICATE REQUEST----- followed by base64.',
    ].join('\n');
    const doc = await runDetector(x509Certificate, 'doc/x509.pod', manual);
    expect([doc.findings, doc.diagnostics]).toEqual([[], []]);
    // A TypeScript test holding a deliberately broken block on one line is a mention too.
    const ts = "const bad = '-----BEGIN CERTIFICATE-----\\nMIIB!!!garbage\\n-----END CERTIFICATE-----\\n';\n";
    expect((await runDetector(x509Certificate, 'scan.test.ts', ts)).diagnostics).toEqual([]);
    // The same text in a file whose name says PEM is a broken object.
    expect((await runDetector(x509Certificate, 'x509.pem', manual)).diagnostics.map((d) => d.code)).toEqual([
      'pem-invalid-base64',
      'pem-truncated',
    ]);
    // A block with real base64 lines in source code is an object: when it breaks, that is reported.
    const cut = fixture('one-line-escaped.ts');
    const broken = Buffer.from(cut).toString('utf8').replace(/MIIB/, 'MI!B');
    expect((await runDetector(x509Certificate, 'ca.ts', broken)).diagnostics.map((d) => d.code)).toEqual([
      'pem-invalid-base64',
    ]);
  });

  it('is silent on clean text and on random bytes that start like DER', async () => {
    const clean = await runDetector(x509Certificate, 'clean.txt', fixture('clean.txt'));
    expect([clean.findings, clean.diagnostics]).toEqual([[], []]);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    random[0] = 0x30;
    random[1] = 0x82;
    random[2] = 0x0f;
    random[3] = 0xfc; // length field matches the file size exactly
    const r = await runDetector(x509Certificate, 'firmware.bin', random);
    expect(r.findings).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('survives deeply nested DER and invalid UTF-8 without throwing', async () => {
    const depth = 5000;
    const nested: number[] = [];
    for (let i = 0; i < depth; i++) nested.push(0x30, 0x84, 0, 0, 0, 0);
    const bytes = new Uint8Array(nested.length + 2);
    bytes.set(nested);
    for (let i = 0; i < depth; i++) {
      const len = bytes.length - (i + 1) * 6;
      bytes.set([(len >>> 24) & 255, (len >>> 16) & 255, (len >>> 8) & 255, len & 255], i * 6 + 2);
    }
    const r = await runDetector(x509Certificate, 'deep.der', bytes);
    expect([r.findings.length, r.diagnostics.map((d) => d.code)]).toEqual([0, ['der-too-deep']]);
    const invalidUtf8 = new Uint8Array([
      0xff,
      0xfe,
      0xc3,
      0x28,
      ...Buffer.from(toPem('CERTIFICATE', fixtureCertDer())),
    ]);
    const u = await runDetector(x509Certificate, 'weird.pem', invalidUtf8);
    expect(certs(u).map((f) => f.evidence.offset)).toEqual([4]);
  });

  it('scans a large random file linearly and reports nothing', async () => {
    const big = new Uint8Array(32 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) & 0xff;
    const r = await runDetector(x509Certificate, 'image.pem', big);
    expect([r.findings.length, r.diagnostics.length]).toEqual([0, 0]);
  });
});

function fixtureCertDer(): Uint8Array {
  const text = readFileSync(path.join(import.meta.dirname, 'fixtures', 'bundle-with-text.pem'), 'latin1');
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text)!;
  return new Uint8Array(Buffer.from(m[1]!.replace(/\s/g, ''), 'base64'));
}

describe('x509-certificate in large text files', () => {
  it('finds a certificate embedded as a C string literal far below the first 4 KiB', async () => {
    const pem = new TextDecoder().decode(fixture('bundle-with-text.pem')).split(/\r?\n/).filter(Boolean);
    const begin = pem.indexOf('-----BEGIN CERTIFICATE-----');
    const certLines = pem.slice(begin, pem.indexOf('-----END CERTIFICATE-----') + 1);
    const filler = Array.from({ length: 400 }, (_, i) => `static int unrelated_${i} = ${i};`).join('\n');
    const source = `${filler}\nconst char ca_cert[] =\n${certLines.map((l) => `    "${l}\\n"`).join('\n')};\n`;
    expect(source.indexOf('-----BEGIN')).toBeGreaterThan(4096);
    const r = await runDetector(x509Certificate, 'src/ca_cert.h', source);
    expect(r.accepted).toBe(true);
    expect(certs(r)).toHaveLength(1);
    expect(certs(r)[0]!.evidence.line).toBe(402);
  });

  it('reports nothing for a binary file without certificates', async () => {
    const bin = new Uint8Array(8192).fill(7);
    bin[10] = 0;
    const r = await runDetector(x509Certificate, 'firmware.bin', bin);
    expect(r.findings).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('x509-certificate in binary firmware images', () => {
  const pem = new TextDecoder().decode(fixture('bundle-with-text.pem'));
  const block = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(pem)![0];
  const der = Buffer.from(block.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  const noise = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 17) % 256);

  it('finds DER certificates and PEM strings inside a binary image, at their byte offsets', async () => {
    const image = Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 0, 0]),
      noise(5000, 1),
      der,
      noise(3000, 2),
      Buffer.from(`\0${block}\0`),
      noise(100, 3),
    ]);
    const r = await runDetector(x509Certificate, 'build/zephyr.bin', image);
    expect(r.accepted).toBe(true);
    const found = certs(r).sort((a, b) => (a.evidence.offset ?? 0) - (b.evidence.offset ?? 0));
    expect(found.map((f) => f.evidence.offset)).toEqual([8 + 5000, 8 + 5000 + der.length + 3000 + 1]);
    expect(found.map((f) => f.certificate.fingerprint.sha256)).toEqual([sha256(der), sha256(der)]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('stays silent on binary noise, byte patterns that only look like a certificate, and stray PEM markers', async () => {
    const fake = Buffer.from([0x30, 0x82, 0x01, 0x00, 0x30, 0x82, 0x00, 0x10, 0xa0, 0x03, 0x02, 0x01, 0x02]);
    const image = Buffer.concat([
      Buffer.from([0, 1, 2, 3]),
      noise(2000, 4),
      fake,
      noise(400, 5),
      Buffer.from('\0-----BEGIN CERTIFICATE-----\0%s\0'),
    ]);
    const r = await runDetector(x509Certificate, 'build/app.elf', image);
    expect(r.findings).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });
});
