import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../test-data.js';
import { DER_OVERHEAD, tlsHandshakeBytes } from './tls.js';
import { compositeSizes } from './use-cases.js';

const certDir = sharedData ? path.join(sharedData, 'pqc-certificates', 'bc') : undefined;

/** Certificate size − subject public key − issuer signature, per profile (trust anchor or end entity). */
function overheads(): { ca: number[]; leaf: number[] } {
  const out = { ca: [] as number[], leaf: [] as number[] };
  for (const f of readdirSync(certDir!).sort()) {
    // catalyst/chameleon certificates carry a second, embedded signature: not a plain certificate.
    if (!/_(ta|ee)\.der$/.test(f) || /^(catalyst|chameleon)_/.test(f)) continue;
    const der = readFileSync(path.join(certDir!, f));
    const c = AsnConvert.parse(der, Certificate);
    const o =
      der.length - c.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey.byteLength - c.signatureValue.byteLength;
    (f.endsWith('_ta.der') ? out.ca : out.leaf).push(o);
  }
  return out;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe.skipIf(!certDir)('certificate DER overhead (IETF-Hackathon/pqc-certificates, Bouncy Castle artefacts)', () => {
  it('matches the constants: median, minimum and maximum over the real ML-DSA, SLH-DSA, Falcon and composite certificates', () => {
    const o = overheads();
    expect(o.ca.length).toBeGreaterThan(40);
    expect(o.leaf.length).toBeGreaterThan(20);
    for (const k of ['ca', 'leaf'] as const)
      expect(DER_OVERHEAD[k]).toEqual({ point: median(o[k]), low: Math.min(...o[k]), high: Math.max(...o[k]) });
  });

  it('composite public keys and signatures match the real composite certificates (draft-ietf-lamps-pq-composite-sigs)', () => {
    const der = readFileSync(path.join(certDir!, 'MLDSA44-ECDSA-P256-SHA256-1.3.6.1.5.5.7.6.40_ta.der'));
    const c = AsnConvert.parse(der, Certificate);
    const sizes = compositeSizes({ schemes: ['ml-dsa-44', 'ecdsa-p256'] } as never);
    expect(c.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey.byteLength).toBe(sizes.publicKey);
    // DER ECDSA signatures vary by a byte or two; the catalog uses the maximum.
    expect(c.signatureValue.byteLength).toBeLessThanOrEqual(sizes.signature);
    expect(c.signatureValue.byteLength).toBeGreaterThan(sizes.signature - 4);
  });
});

describe('TLS 1.3 handshake bytes (RFC 8446)', () => {
  const mldsa44 = { publicKey: 1312, signature: 2420 };
  it('counts certificates with their DER overhead, CertificateVerify, records and SCTs', () => {
    const b = tlsHandshakeBytes({ client: 800, server: 768 }, mldsa44, { signedCertificateTimestamps: 0 });
    const certs = 2 * (1312 + 2420) + DER_OVERHEAD.leaf.point + DER_OVERHEAD.ca.point + 2 * 5 + 8;
    expect(b.serverCertificates.point).toBe(certs);
    expect(b.total.point).toBeGreaterThan(800 + 768 + certs + 2420);
    const withScts = tlsHandshakeBytes({ client: 800, server: 768 }, mldsa44, { signedCertificateTimestamps: 2 });
    expect(withScts.total.point - b.total.point).toBe(2 * (47 + 2420));
  });

  it('splits more than 16 KiB of encrypted handshake into several records', () => {
    const one = tlsHandshakeBytes({ client: 32, server: 32 }, mldsa44, { signedCertificateTimestamps: 0 });
    const big = tlsHandshakeBytes(
      { client: 32, server: 32 },
      { publicKey: 2592, signature: 4627 },
      { serverChainLength: 3 },
    );
    expect(big.serverToClient.point).toBeGreaterThan(16_384);
    expect(one.breakdown.reduce((n, p) => n + p.bytes.point, 0)).toBeCloseTo(one.total.point, 6);
  });
});
