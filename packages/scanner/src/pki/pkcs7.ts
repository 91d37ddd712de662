/**
 * Certificates and CRLs inside a PKCS#7 / CMS SignedData "certs-only" bundle (RFC 5652 §5.1:
 * ContentInfo { contentType, [0] SignedData { version, digestAlgorithms, encapContentInfo,
 * [0] certificates, [1] crls, signerInfos } }). Offsets are kept so each certificate's exact
 * DER is fingerprinted and located.
 */
import { children, DerError, readOid, readTlv, TAG, type Tlv, whole } from './der.js';

interface Pkcs7Contents {
  readonly certificates: readonly { readonly der: Uint8Array; readonly offset: number }[];
  readonly crls: readonly { readonly der: Uint8Array; readonly offset: number }[];
  /** Certificate choices other than plain certificates (attribute certificates …). */
  readonly skipped: number;
}

export function readPkcs7(buf: Uint8Array, root: Tlv = readTlv(buf)): Pkcs7Contents {
  const [type, explicit] = children(buf, root);
  if (!type || readOid(buf, type) !== '1.2.840.113549.1.7.2' || explicit?.tag !== 0xa0) {
    throw new DerError('der-invalid', 'Not a PKCS#7 SignedData ContentInfo.');
  }
  const signedData = children(buf, explicit)[0];
  if (signedData?.tag !== TAG.SEQUENCE) throw new DerError('der-invalid', 'SignedData is not a SEQUENCE.');
  const fields = children(buf, signedData);
  const certs = fields.find((f) => f.tag === 0xa0);
  const crls = fields.find((f) => f.tag === 0xa1);
  const certItems = certs ? children(buf, certs) : [];
  const pick = (items: Tlv[]) =>
    items.filter((t) => t.tag === TAG.SEQUENCE).map((t) => ({ der: whole(buf, t), offset: t.offset }));
  return {
    certificates: pick(certItems),
    crls: pick(crls ? children(buf, crls) : []),
    skipped: certItems.filter((t) => t.tag !== TAG.SEQUENCE).length,
  };
}
