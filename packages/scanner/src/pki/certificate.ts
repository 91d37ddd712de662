/**
 * Certificates (RFC 5280 §4.1), certification requests (RFC 2986 §4) and CRLs (RFC 5280 §5.1)
 * → CertificateFacts. The schema library validates the whole structure first (a blob that
 * merely starts like DER is never reported); exact byte ranges (TBS, SPKI, names) come from
 * the TLV reader so fingerprints and signature checks use the original encoding.
 */

import type { AlgorithmRef, CertificateFacts, KeyFacts } from '@pqready/core';
import { pssSaltLength, readAlgorithmIdentifier, refFromIdentifier } from './algorithm.js';
import { parseAsn, schemas } from './asn-parse.js';
import { children, contents, readOid, readSingle, TAG, type Tlv, unsignedMagnitude, whole } from './der.js';
import { type DecodedExtensions, decodeExtensions, EXT } from './extensions.js';
import { sha256Hex, toHex } from './fingerprint.js';
import type { Issue } from './issues.js';
import { analyzeSpki, bitStringBytes } from './keys.js';
import { formatName } from './names.js';
import { readTime, validityAt } from './time.js';
import { verifySignature } from './verify.js';

export interface CertificateAnalysis {
  readonly facts: CertificateFacts;
  readonly issues: readonly Issue[];
  readonly notes: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
}

type Encoding = CertificateFacts['encoding'];

function publicKeyFacts(
  buf: Uint8Array,
  spki: Tlv,
  encoding: Encoding,
): { key: KeyFacts; issues: readonly Issue[]; notes: readonly string[] } {
  const analysis = analyzeSpki(buf, spki);
  return {
    key: {
      keyType: 'public',
      algorithm: analysis.algorithm,
      ...(analysis.sizeBits ? { sizeBits: analysis.sizeBits } : {}),
      format: 'SPKI',
      encoding,
      fingerprint: { sha256: sha256Hex(whole(buf, spki)) },
    },
    issues: analysis.issues,
    notes: analysis.notes,
  };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Signs-with-its-own-key parameters worth adding to the signature algorithm of a self-signed certificate. */
function withIssuerKey(sig: AlgorithmRef, key: KeyFacts): AlgorithmRef {
  const k = key.algorithm;
  return {
    ...sig,
    ...(k.keyBits !== undefined && sig.keyBits === undefined ? { keyBits: k.keyBits } : {}),
    ...(k.curve !== undefined && sig.curve === undefined ? { curve: k.curve } : {}),
  };
}

function altProperties(ext: DecodedExtensions): { notes: string[]; properties: Record<string, string> } {
  const alt = ext.alt;
  if (!alt) return { notes: [], properties: {} };
  const properties: Record<string, string> = { hybridCertificate: alt.kind };
  if (alt.signatureAlgorithm) {
    properties.altSignatureAlgorithm = alt.signatureAlgorithm.id;
    if (alt.signatureAlgorithm.oid) properties.altSignatureAlgorithmOid = alt.signatureAlgorithm.oid;
  }
  if (alt.publicKey) {
    properties.altPublicKeyAlgorithm = alt.publicKey.algorithm.id;
    properties.altPublicKeyFingerprint = alt.publicKey.fingerprint;
  }
  const what =
    alt.kind === 'catalyst' ? 'Catalyst (X.509 alternative signature)' : 'Chameleon (delta certificate descriptor)';
  return {
    notes: [`${what} certificate: second signature algorithm ${alt.signatureAlgorithm?.id ?? 'unknown'}.`],
    properties,
  };
}

/** Decodes one DER certificate. Throws DerError/Error when it is not a valid certificate. */
export function analyzeCertificate(der: Uint8Array, encoding: Encoding, scanTime: Date): CertificateAnalysis {
  const root = readSingle(der);
  parseAsn(der, schemas().x509.Certificate);
  const [tbs, sigAlgTlv, sigTlv] = children(der, root);
  if (!tbs || !sigAlgTlv || !sigTlv) throw new Error('Certificate is not SEQUENCE { tbs, algorithm, signature }.');
  const fields = children(der, tbs);
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serial, , issuer, validity, subject, spki] = rest;
  if (!serial || !issuer || !validity || !subject || !spki) throw new Error('TBSCertificate is incomplete.');
  const sigAlg = readAlgorithmIdentifier(der, sigAlgTlv);
  let signatureAlgorithm = refFromIdentifier(der, sigAlg);
  const [nb, na] = children(der, validity);
  const notBefore = nb ? readTime(der, nb) : undefined;
  const notAfter = na ? readTime(der, na) : undefined;
  const pk = publicKeyFacts(der, spki, encoding);
  const extTlv = rest.find((f) => f.tag === 0xa3);
  const extSeq = extTlv ? children(der, extTlv)[0] : undefined;
  const ext = extSeq ? decodeExtensions(der, extSeq, signatureAlgorithm) : { list: [], issues: [] as Issue[] };
  const notes: string[] = [...pk.notes];

  let selfSigned = false;
  if (equalBytes(contents(der, issuer), contents(der, subject))) {
    const verified = verifySignature(
      whole(der, spki),
      signatureAlgorithm,
      whole(der, tbs),
      bitStringBytes(der, sigTlv),
      pssSaltLength(der, sigAlg),
    );
    if (verified === undefined) {
      selfSigned = !ext.authorityKeyId || !ext.subjectKeyId || ext.authorityKeyId === ext.subjectKeyId;
      if (selfSigned)
        notes.push('Self-signed by name and key identifiers; the signature algorithm could not be verified here.');
    } else {
      selfSigned = verified;
      if (!verified)
        notes.push('Issuer equals subject but the signature does not verify with the certificate’s own key.');
    }
  }
  if (selfSigned) signatureAlgorithm = withIssuerKey(signatureAlgorithm, pk.key);
  const alt = altProperties(ext);
  const facts: CertificateFacts = {
    type: 'certificate',
    encoding,
    subject: formatName(der, subject),
    issuer: formatName(der, issuer),
    serialNumber: toHex(unsignedMagnitude(contents(der, serial))),
    ...(notBefore ? { notBefore: notBefore.toISOString() } : {}),
    ...(notAfter ? { notAfter: notAfter.toISOString() } : {}),
    selfSigned,
    signatureAlgorithm,
    publicKey: pk.key,
    ...(ext.keyUsage ? { keyUsage: ext.keyUsage } : {}),
    ...(ext.extendedKeyUsage ? { extendedKeyUsage: ext.extendedKeyUsage } : {}),
    ...(ext.basicConstraints ? { basicConstraints: ext.basicConstraints } : {}),
    ...(ext.subjectAltNames ? { subjectAltNames: ext.subjectAltNames } : {}),
    fingerprint: { sha256: sha256Hex(der) },
    validity: validityAt(scanTime, notBefore, notAfter),
    ...(ext.list.length > 0 ? { extensions: ext.list } : {}),
  };
  return { facts, issues: [...pk.issues, ...ext.issues], notes: [...notes, ...alt.notes], properties: alt.properties };
}

/** Decodes a PKCS#10 CertificationRequest { info { version, subject, spki, [0] attributes }, algorithm, signature }. */
export function analyzeCsr(der: Uint8Array, encoding: Encoding, _scanTime: Date): CertificateAnalysis {
  const root = readSingle(der);
  parseAsn(der, schemas().csr.CertificationRequest);
  const [info, sigAlgTlv] = children(der, root);
  if (!info || !sigAlgTlv) throw new Error('CertificationRequest is incomplete.');
  const [, subject, spki, attrs] = children(der, info);
  if (!subject || !spki) throw new Error('CertificationRequestInfo is incomplete.');
  const signatureAlgorithm = refFromIdentifier(der, readAlgorithmIdentifier(der, sigAlgTlv));
  const pk = publicKeyFacts(der, spki, encoding);
  let ext: DecodedExtensions | undefined;
  for (const attr of attrs?.tag === 0xa0 ? children(der, attrs) : []) {
    const [type, values] = children(der, attr);
    if (type && values && readOid(der, type) === EXT.extensionRequest) {
      const seq = children(der, values)[0];
      if (seq?.tag === TAG.SEQUENCE) ext = decodeExtensions(der, seq, signatureAlgorithm);
    }
  }
  const facts: CertificateFacts = {
    type: 'csr',
    encoding,
    subject: formatName(der, subject),
    signatureAlgorithm,
    publicKey: pk.key,
    ...(ext?.keyUsage ? { keyUsage: ext.keyUsage } : {}),
    ...(ext?.extendedKeyUsage ? { extendedKeyUsage: ext.extendedKeyUsage } : {}),
    ...(ext?.basicConstraints ? { basicConstraints: ext.basicConstraints } : {}),
    ...(ext?.subjectAltNames ? { subjectAltNames: ext.subjectAltNames } : {}),
    fingerprint: { sha256: sha256Hex(der) },
    ...(ext && ext.list.length > 0 ? { extensions: ext.list } : {}),
  };
  return { facts, issues: [...pk.issues, ...(ext?.issues ?? [])], notes: [...pk.notes], properties: {} };
}

/** Decodes a CertificateList { tbsCertList { version?, signature, issuer, thisUpdate, nextUpdate?, revoked?, [0] extensions }, … }. */
export function analyzeCrl(der: Uint8Array, encoding: Encoding, scanTime: Date): CertificateAnalysis {
  const root = readSingle(der);
  parseAsn(der, schemas().x509.CertificateList);
  const [tbs, sigAlgTlv] = children(der, root);
  if (!tbs || !sigAlgTlv) throw new Error('CertificateList is incomplete.');
  const fields = children(der, tbs);
  const rest = fields[0]?.tag === TAG.INTEGER ? fields.slice(1) : fields;
  const [, issuer, thisUpdateTlv, ...tail] = rest;
  if (!issuer || !thisUpdateTlv) throw new Error('TBSCertList is incomplete.');
  const signatureAlgorithm = refFromIdentifier(der, readAlgorithmIdentifier(der, sigAlgTlv));
  const thisUpdate = readTime(der, thisUpdateTlv);
  const nextTlv = tail[0] && (tail[0].tag === 0x17 || tail[0].tag === 0x18) ? tail[0] : undefined;
  const nextUpdate = nextTlv ? readTime(der, nextTlv) : undefined;
  const revoked = tail.find((f) => f.tag === TAG.SEQUENCE);
  const extTlv = tail.find((f) => f.tag === 0xa0);
  const extSeq = extTlv ? children(der, extTlv)[0] : undefined;
  const ext = extSeq ? decodeExtensions(der, extSeq, signatureAlgorithm) : undefined;
  const facts: CertificateFacts = {
    type: 'crl',
    encoding,
    issuer: formatName(der, issuer),
    notBefore: thisUpdate.toISOString(),
    ...(nextUpdate ? { notAfter: nextUpdate.toISOString() } : {}),
    signatureAlgorithm,
    fingerprint: { sha256: sha256Hex(der) },
    validity: validityAt(scanTime, thisUpdate, nextUpdate),
    ...(ext && ext.list.length > 0 ? { extensions: ext.list } : {}),
  };
  return {
    facts,
    issues: ext?.issues ?? [],
    notes: [],
    properties: { revokedCount: String(revoked ? children(der, revoked).length : 0) },
  };
}
