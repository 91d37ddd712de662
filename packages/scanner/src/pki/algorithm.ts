/**
 * AlgorithmIdentifier (RFC 5280 §4.1.1.2) → catalog AlgorithmRef.
 *
 * The catalog resolves exact OIDs; this module adds what lives in the parameters: the hash of
 * RSASSA-PSS / RSAES-OAEP (RFC 4055 §3.1, §4.1; absent = SHA-1) and the component algorithms of
 * the pre-standard generic composite signature (draft-ounsworth-pq-composite-sigs, OID
 * 1.3.6.1.4.1.18227.2.1, parameters = SEQUENCE OF AlgorithmIdentifier). Unknown OIDs are kept.
 */
import { type AlgorithmRef, algorithmFromOid } from '@pqready/core';
import { children, readOid, TAG, type Tlv } from './der.js';

export interface AlgorithmIdentifier {
  readonly oid: string;
  /** The parameters element (absent when omitted). */
  readonly params?: Tlv;
}

export const OID = Object.freeze({
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
  rsassaPss: '1.2.840.113549.1.1.10',
  dsa: '1.2.840.10040.4.1',
  ecPublicKey: '1.2.840.10045.2.1',
  ecDH: '1.3.132.1.12',
  ecMQV: '1.3.132.1.13',
  dhKeyAgreement: '1.2.840.113549.1.3.1',
  dhPublicNumber: '1.2.840.10046.2.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
  primeField: '1.2.840.10045.1.1',
  characteristicTwoField: '1.2.840.10045.1.2',
  sha1: '1.3.14.3.2.26',
  /** draft-ounsworth-pq-composite-sigs-00…-12 generic composite signature (Entrust arc). */
  genericCompositeSig: '1.3.6.1.4.1.18227.2.1',
  /** draft-ounsworth-pq-composite-keys generic composite public key. */
  genericCompositeKey: '2.16.840.1.114027.80.4.1',
});

export function readAlgorithmIdentifier(buf: Uint8Array, tlv: Tlv): AlgorithmIdentifier {
  const [oidTlv, params] = children(buf, tlv);
  if (!oidTlv) throw new Error('Empty AlgorithmIdentifier.');
  const oid = readOid(buf, oidTlv);
  return params && params.tag !== TAG.NULL ? { oid, params } : { oid };
}

/** Catalog reference for an exact OID; `unknown` (OID kept) when the catalog has none. */
export function refFromOid(oid: string): AlgorithmRef {
  const found = algorithmFromOid(oid);
  return found ? { ...found, oid } : { id: 'unknown', oid };
}

/** The generic composite OIDs are pre-standard by definition; the catalog names that `composite-sig-draft`. */
export function preStandardComposite(ref: AlgorithmRef): AlgorithmRef {
  return ref.id === 'unknown' ? { ...ref, id: 'composite-sig-draft' } : ref;
}

function hashIdOf(oid: string): string {
  const ref = algorithmFromOid(oid);
  return ref?.id ?? oid;
}

/** RFC 4055 RSASSA-PSS-params / RSAES-OAEP-params: [0] hashAlgorithm, [1] maskGen, [2] saltLength / pSource. */
function rsaParamsHash(buf: Uint8Array, params: Tlv | undefined): { hash: string; saltLength?: number } {
  let hash = hashIdOf(OID.sha1);
  let saltLength: number | undefined;
  if (!params || params.tag !== TAG.SEQUENCE) return { hash };
  for (const field of children(buf, params)) {
    if (field.tag === 0xa0) {
      const [alg] = children(buf, field);
      if (alg) hash = hashIdOf(readAlgorithmIdentifier(buf, alg).oid);
    } else if (field.tag === 0xa2) {
      const [n] = children(buf, field);
      if (n && n.tag === TAG.INTEGER && n.end - n.start <= 4) {
        saltLength = Number.parseInt(Buffer.from(buf.subarray(n.start, n.end)).toString('hex'), 16);
      }
    }
  }
  return saltLength === undefined ? { hash } : { hash, saltLength };
}

/** Resolves a signature or key AlgorithmIdentifier to an AlgorithmRef, reading its parameters. */
export function refFromIdentifier(buf: Uint8Array, alg: AlgorithmIdentifier): AlgorithmRef {
  const base = refFromOid(alg.oid);
  if (alg.oid === OID.rsassaPss || alg.oid === OID.rsaesOaep) {
    if (!alg.params) return base;
    return { ...base, hash: rsaParamsHash(buf, alg.params).hash };
  }
  if (alg.oid === OID.genericCompositeSig && alg.params?.tag === TAG.SEQUENCE) {
    const components = children(buf, alg.params).map((c) => refFromIdentifier(buf, readAlgorithmIdentifier(buf, c)));
    return { ...preStandardComposite(base), components };
  }
  return base;
}

/** Salt length of RSASSA-PSS parameters (RFC 4055 default 20). */
export function pssSaltLength(buf: Uint8Array, alg: AlgorithmIdentifier): number {
  return rsaParamsHash(buf, alg.params).saltLength ?? 20;
}
