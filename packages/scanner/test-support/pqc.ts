/**
 * Builds PQC test objects at test time: ML-DSA / ML-KEM / SLH-DSA keys from @noble/post-quantum,
 * certificates assembled with the @peculiar/asn1-x509 writer and signed with ML-DSA
 * (RFC 9881 / RFC 9935 / RFC 9909 encodings: AlgorithmIdentifier without parameters).
 */
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { ml_kem512, ml_kem768, ml_kem1024 } from '@noble/post-quantum/ml-kem.js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  Name,
  RelativeDistinguishedName,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';

export const PQC_OIDS = Object.freeze({
  'ml-dsa-44': '2.16.840.1.101.3.4.3.17',
  'ml-dsa-65': '2.16.840.1.101.3.4.3.18',
  'ml-dsa-87': '2.16.840.1.101.3.4.3.19',
  'ml-kem-512': '2.16.840.1.101.3.4.4.1',
  'ml-kem-768': '2.16.840.1.101.3.4.4.2',
  'ml-kem-1024': '2.16.840.1.101.3.4.4.3',
});

export const ML_DSA = { 'ml-dsa-44': ml_dsa44, 'ml-dsa-65': ml_dsa65, 'ml-dsa-87': ml_dsa87 } as const;
export const ML_KEM = { 'ml-kem-512': ml_kem512, 'ml-kem-768': ml_kem768, 'ml-kem-1024': ml_kem1024 } as const;

export function spki(oid: string, publicKey: Uint8Array): Uint8Array {
  const info = new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: oid }),
    subjectPublicKey: publicKey.slice().buffer as ArrayBuffer,
  });
  return new Uint8Array(AsnConvert.serialize(info));
}

function name(cn: string): Name {
  return new Name([
    new RelativeDistinguishedName([
      new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: cn }) }),
    ]),
  ]);
}

interface Signer {
  readonly oid: string;
  readonly subject: string;
  sign(tbs: Uint8Array): Uint8Array;
}

export function mlDsaSigner(id: keyof typeof ML_DSA, subject: string, secretKey: Uint8Array): Signer {
  return { oid: PQC_OIDS[id], subject, sign: (tbs) => ML_DSA[id].sign(tbs, secretKey) };
}

/** A certificate for `subjectPublicKeyInfo`, signed by `signer` (self-signed when the subject names match). */
export function certificate(
  subject: string,
  subjectPublicKeyInfo: Uint8Array,
  signer: Signer,
  ca: boolean,
): Uint8Array {
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array([0x01, 0x23, 0x45]).buffer,
    signature: new AlgorithmIdentifier({ algorithm: signer.oid }),
    issuer: name(signer.subject),
    validity: new Validity({
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2036-01-01T00:00:00Z'),
    }),
    subject: name(subject),
    subjectPublicKeyInfo: AsnConvert.parse(subjectPublicKeyInfo, SubjectPublicKeyInfo),
    extensions: new Extensions([
      new Extension({
        extnID: '2.5.29.19',
        critical: true,
        extnValue: new OctetString(AsnConvert.serialize(new BasicConstraints({ cA: ca }))),
      }),
    ]),
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const cert = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: signer.oid }),
    signatureValue: signer.sign(tbsDer).slice().buffer as ArrayBuffer,
  });
  return new Uint8Array(AsnConvert.serialize(cert));
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}
