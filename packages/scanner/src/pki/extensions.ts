/**
 * X.509 v3 extensions (RFC 5280 §4.2): the typed ones CertificateFacts carries (key usage,
 * extended key usage, basic constraints, subject alternative names, key identifiers) and the
 * hybrid-certificate ones that name a second algorithm: ITU-T X.509 (10/2019) §9.8
 * subjectAltPublicKeyInfo / altSignatureAlgorithm ("catalyst") and
 * draft-bonnell-lamps-chameleon-certs DeltaCertificateDescriptor.
 */

import type { GeneralName } from '@peculiar/asn1-x509';
import { type AlgorithmRef, oidName } from '@pqready/core';
import { readAlgorithmIdentifier, refFromIdentifier } from './algorithm.js';
import { parseAsn, schemas } from './asn-parse.js';
import { children, contents, readOid, readSingle, TAG, type Tlv, whole } from './der.js';
import { sha256Hex, toHex } from './fingerprint.js';
import { type Issue, issueFromError } from './issues.js';
import { analyzeSpki, type KeyAnalysis } from './keys.js';

export const EXT = Object.freeze({
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltPublicKeyInfo: '2.5.29.72',
  altSignatureAlgorithm: '2.5.29.73',
  altSignatureValue: '2.5.29.74',
  deltaCertificateDescriptor: '2.16.840.1.114027.80.6.1',
  extensionRequest: '1.2.840.113549.1.9.14',
});

/** RFC 5280 §4.2.1.3 KeyUsage bits, in bit order. */
const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export interface AltAlgorithm {
  readonly kind: 'catalyst' | 'chameleon';
  readonly signatureAlgorithm?: AlgorithmRef;
  readonly publicKey?: KeyAnalysis & { readonly fingerprint: string };
}

export interface DecodedExtensions {
  readonly list: { readonly oid: string; readonly name?: string; readonly critical: boolean }[];
  keyUsage?: string[];
  extendedKeyUsage?: string[];
  basicConstraints?: { readonly ca: boolean; readonly pathLength?: number };
  subjectAltNames?: string[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  alt?: AltAlgorithm;
  readonly issues: Issue[];
}

function generalName(name: GeneralName): string {
  if (name.dNSName !== undefined) return `DNS:${name.dNSName}`;
  if (name.iPAddress !== undefined) return `IP:${name.iPAddress}`;
  if (name.rfc822Name !== undefined) return `email:${name.rfc822Name}`;
  if (name.uniformResourceIdentifier !== undefined) return `URI:${name.uniformResourceIdentifier}`;
  if (name.registeredID !== undefined) return `RID:${name.registeredID}`;
  if (name.otherName !== undefined) return `otherName:${name.otherName.typeId}`;
  if (name.directoryName !== undefined) return 'DirName';
  return 'other';
}

function spkiFacts(buf: Uint8Array, tlv: Tlv): KeyAnalysis & { fingerprint: string } {
  return { ...analyzeSpki(buf, tlv), fingerprint: sha256Hex(whole(buf, tlv)) };
}

/** DeltaCertificateDescriptor { serialNumber, signature [0], issuer [1], validity [2], subject [3], spki, extensions [4], signatureValue }. */
function chameleon(value: Uint8Array, tlv: Tlv, base: AlgorithmRef): AltAlgorithm {
  let signatureAlgorithm: AlgorithmRef = base;
  let publicKey: AltAlgorithm['publicKey'];
  for (const field of children(value, tlv)) {
    if (field.tag === 0xa0) {
      const [alg] = children(value, field);
      if (alg) signatureAlgorithm = refFromIdentifier(value, readAlgorithmIdentifier(value, alg));
    } else if (field.tag === TAG.SEQUENCE && !publicKey) publicKey = spkiFacts(value, field);
  }
  return { kind: 'chameleon', signatureAlgorithm, ...(publicKey ? { publicKey } : {}) };
}

/** Decodes an Extensions SEQUENCE found at `tlv` in `buf`. `signature` is the certificate's own algorithm. */
export function decodeExtensions(buf: Uint8Array, tlv: Tlv, signature: AlgorithmRef): DecodedExtensions {
  const out: DecodedExtensions = { list: [], issues: [] };
  for (const ext of children(buf, tlv)) {
    const fields = children(buf, ext);
    const oid = readOid(buf, fields[0]!);
    const critical = fields[1]?.tag === TAG.BOOLEAN ? contents(buf, fields[1])[0] !== 0 : false;
    const valueTlv = fields.find((f) => f.tag === TAG.OCTET_STRING);
    const name = oidName(oid);
    out.list.push({ oid, ...(name ? { name } : {}), critical });
    if (!valueTlv) continue;
    const value = contents(buf, valueTlv);
    try {
      decodeOne(oid, value, out, signature);
    } catch (err) {
      out.issues.push({ ...issueFromError(err, 'extension-invalid', `Extension ${name ?? oid}`), severity: 'warning' });
    }
  }
  return out;
}

function decodeOne(oid: string, value: Uint8Array, out: DecodedExtensions, signature: AlgorithmRef): void {
  switch (oid) {
    case EXT.keyUsage: {
      const flags = parseAsn(value, schemas().x509.KeyUsage).toNumber();
      out.keyUsage = KEY_USAGE_BITS.filter((_, bit) => (flags & (1 << bit)) !== 0);
      return;
    }
    case EXT.extKeyUsage:
      out.extendedKeyUsage = [...parseAsn(value, schemas().x509.ExtendedKeyUsage)].map((eku) => oidName(eku) ?? eku);
      return;
    case EXT.basicConstraints: {
      const bc = parseAsn(value, schemas().x509.BasicConstraints);
      out.basicConstraints = {
        ca: bc.cA,
        ...(bc.pathLenConstraint === undefined ? {} : { pathLength: bc.pathLenConstraint }),
      };
      return;
    }
    case EXT.subjectAltName:
      out.subjectAltNames = [...parseAsn(value, schemas().x509.SubjectAlternativeName)].map(generalName);
      return;
    case EXT.subjectKeyIdentifier:
      out.subjectKeyId = toHex(new Uint8Array(parseAsn(value, schemas().x509.SubjectKeyIdentifier).buffer));
      return;
    case EXT.authorityKeyIdentifier: {
      const aki = parseAsn(value, schemas().x509.AuthorityKeyIdentifier);
      if (aki.keyIdentifier) out.authorityKeyId = toHex(new Uint8Array(aki.keyIdentifier.buffer));
      return;
    }
    case EXT.subjectAltPublicKeyInfo:
      out.alt = { ...out.alt, kind: 'catalyst', publicKey: spkiFacts(value, readSingle(value)) };
      return;
    case EXT.altSignatureAlgorithm: {
      const alg = refFromIdentifier(value, readAlgorithmIdentifier(value, readSingle(value)));
      out.alt = { ...out.alt, kind: 'catalyst', signatureAlgorithm: alg };
      return;
    }
    case EXT.deltaCertificateDescriptor:
      out.alt = chameleon(value, readSingle(value), signature);
      return;
  }
}
