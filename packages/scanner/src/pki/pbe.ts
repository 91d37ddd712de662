/**
 * Password-based protection schemes of encrypted private keys and PKCS#12 bags:
 * PBES2 (RFC 8018 §6.2, A.4) with PBKDF2 (A.2, PRF default hmacWithSHA1) or scrypt (RFC 7914 §7),
 * PBES1 (RFC 8018 §6.1, A.3) and the PKCS#12 PBEs (RFC 7292 Appendix C), which share the
 * PBEParameter { salt, iterationCount } layout. Salts and IVs are never reported.
 */
import type { AlgorithmRef } from '@pqready/core';
import { readAlgorithmIdentifier, refFromOid } from './algorithm.js';
import { children, contents, TAG, type Tlv } from './der.js';

const PBE_OID = Object.freeze({
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  scrypt: '1.3.6.1.4.1.11591.4.11',
  hmacWithSha1: '1.2.840.113549.2.7',
});

interface Protection {
  readonly ref: AlgorithmRef;
  /** Iteration counts and cost parameters, rendered as properties. */
  readonly properties: Readonly<Record<string, string>>;
}

function smallInt(buf: Uint8Array, tlv: Tlv | undefined): number | undefined {
  if (!tlv || tlv.tag !== TAG.INTEGER) return undefined;
  const body = contents(buf, tlv);
  if (body.length > 6) return undefined;
  let v = 0;
  for (const b of body) v = v * 256 + b;
  return v;
}

function kdf(buf: Uint8Array, alg: Tlv): { ref: AlgorithmRef; properties: Record<string, string> } {
  const { oid, params } = readAlgorithmIdentifier(buf, alg);
  const fields = params?.tag === TAG.SEQUENCE ? children(buf, params) : [];
  if (oid === PBE_OID.pbkdf2) {
    // PBKDF2-params { salt, iterationCount, keyLength OPTIONAL, prf DEFAULT hmacWithSHA1 }
    const iterations = smallInt(buf, fields[1]);
    const prfTlv = fields.slice(2).find((f) => f.tag === TAG.SEQUENCE);
    const prfOid = prfTlv ? readAlgorithmIdentifier(buf, prfTlv).oid : PBE_OID.hmacWithSha1;
    const prf = refFromOid(prfOid);
    const ref: AlgorithmRef = { ...refFromOid(oid), ...(prf.hash ? { hash: prf.hash } : {}) };
    return {
      ref,
      properties: {
        kdf: 'pbkdf2',
        prf: prf.hash ? `hmac-${prf.hash}` : prfOid,
        ...(iterations === undefined ? {} : { kdfIterations: String(iterations) }),
      },
    };
  }
  if (oid === PBE_OID.scrypt) {
    // scrypt-params { salt, costParameter N, blockSize r, parallelizationParameter p, keyLength OPTIONAL }
    const [n, r, p] = [smallInt(buf, fields[1]), smallInt(buf, fields[2]), smallInt(buf, fields[3])];
    return {
      ref: refFromOid(oid),
      properties: {
        kdf: 'scrypt',
        ...(n ? { scryptN: String(n) } : {}),
        ...(r ? { scryptR: String(r) } : {}),
        ...(p ? { scryptP: String(p) } : {}),
      },
    };
  }
  return { ref: refFromOid(oid), properties: { kdf: oid } };
}

/** Describes an encryption AlgorithmIdentifier (the `encryptionAlgorithm` of EncryptedPrivateKeyInfo or a bag). */
export function describeProtection(buf: Uint8Array, algTlv: Tlv): Protection {
  const { oid, params } = readAlgorithmIdentifier(buf, algTlv);
  const fields = params?.tag === TAG.SEQUENCE ? children(buf, params) : [];
  if (oid === PBE_OID.pbes2) {
    // PBES2-params { keyDerivationFunc, encryptionScheme }
    const [kdfTlv, encTlv] = fields;
    const k = kdfTlv ? kdf(buf, kdfTlv) : undefined;
    const enc = encTlv ? refFromOid(readAlgorithmIdentifier(buf, encTlv).oid) : undefined;
    const components = [k?.ref, enc].filter((c): c is AlgorithmRef => c !== undefined);
    return { ref: { ...refFromOid(oid), components }, properties: { ...(k?.properties ?? {}) } };
  }
  // PBES1 and PKCS#12 PBEs: PBEParameter { salt OCTET STRING, iterationCount INTEGER }.
  const iterations = fields[0]?.tag === TAG.OCTET_STRING ? smallInt(buf, fields[1]) : undefined;
  return {
    ref: refFromOid(oid),
    properties: iterations === undefined ? {} : { kdfIterations: String(iterations) },
  };
}
