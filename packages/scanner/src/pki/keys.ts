/**
 * Public-key decoding shared by certificates, SPKI files, private keys and PKCS#12: algorithm,
 * size and sanity checks from an AlgorithmIdentifier plus the public key bits.
 *
 * RSA: RFC 8017 A.1.1 (size = modulus bits). DSA / DH: RFC 3279 §2.3.2, §2.3.3 (size = p bits).
 * EC: RFC 5480 §2.1.1 (namedCurve, or specifiedCurve reported as explicit with its field size).
 * EdDSA / XDH: RFC 8410. PQC: FIPS 203/204/205 key lengths (pqc-sizes.ts). Composite keys:
 * draft-ietf-lamps-pq-composite-sigs/-kem (PQ key first, raw concatenation) and the earlier
 * generic composite key (SEQUENCE OF SubjectPublicKeyInfo).
 */
import { type AlgorithmRef, curveFromOid, getCurve } from '@pqready/core';
import {
  type AlgorithmIdentifier,
  OID,
  preStandardComposite,
  readAlgorithmIdentifier,
  refFromIdentifier,
  refFromOid,
} from './algorithm.js';
import { bitLength, children, contents, DerError, readOid, readSingle, readTlv, TAG, type Tlv } from './der.js';
import type { Issue } from './issues.js';
import { pqcKeySizes } from './pqc-sizes.js';

const curveBits = (id: string): number | undefined => getCurve(id)?.fieldBits;

export interface KeyAnalysis {
  readonly algorithm: AlgorithmRef;
  readonly sizeBits?: number;
  readonly issues: readonly Issue[];
  readonly notes: readonly string[];
}

interface Input {
  readonly buf: Uint8Array;
  readonly alg: AlgorithmIdentifier;
  /** Raw public key (BIT STRING contents without the unused-bits octet), when known. */
  readonly pub?: Uint8Array;
  readonly depth: number;
}

type Handler = (input: Input, base: AlgorithmRef) => KeyAnalysis;

const RFC8410_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  [OID.ed25519]: 32,
  [OID.ed448]: 57,
  [OID.x25519]: 32,
  [OID.x448]: 56,
});

function rsa({ pub }: Input, base: AlgorithmRef): KeyAnalysis {
  if (!pub) return { algorithm: base, issues: [], notes: [] };
  const seq = readSingle(pub);
  const [n, e] = children(pub, seq);
  if (seq.tag !== TAG.SEQUENCE || n?.tag !== TAG.INTEGER || e?.tag !== TAG.INTEGER) {
    throw new DerError('der-invalid', 'RSAPublicKey is not SEQUENCE { modulus, publicExponent }.');
  }
  const keyBits = bitLength(contents(pub, n));
  return { algorithm: { ...base, keyBits }, sizeBits: keyBits, issues: [], notes: [] };
}

/** Dss-Parms / DomainParameters / DHParameter all start with INTEGER p. */
function primeGroup({ buf, alg }: Input, base: AlgorithmRef): KeyAnalysis {
  const p = alg.params?.tag === TAG.SEQUENCE ? children(buf, alg.params)[0] : undefined;
  if (!p || p.tag !== TAG.INTEGER) {
    return {
      algorithm: base,
      issues: [],
      notes: ['Domain parameters are absent (inherited from the issuer), so the key size is unknown.'],
    };
  }
  const keyBits = bitLength(contents(buf, p));
  return { algorithm: { ...base, keyBits }, sizeBits: keyBits, issues: [], notes: [] };
}

/** RFC 3279 §2.3.5 / SEC 1 §C.2 ECParameters: namedCurve OID | specifiedCurve | implicitCA NULL. */
export function ecCurve(buf: Uint8Array, params: Tlv | undefined, base: AlgorithmRef): KeyAnalysis {
  if (!params) {
    return { algorithm: base, issues: [], notes: ['EC parameters are implicit (implicitlyCA): the curve is unknown.'] };
  }
  if (params.tag === TAG.OID) {
    const oid = readOid(buf, params);
    const curve = curveFromOid(oid);
    if (!curve) {
      return {
        algorithm: { ...base, unresolved: { namedCurve: oid } },
        issues: [{ severity: 'warning', code: 'unknown-curve', message: `Unknown named curve OID ${oid}.` }],
        notes: [],
      };
    }
    const bits = curveBits(curve);
    return { algorithm: { ...base, curve }, ...(bits ? { sizeBits: bits } : {}), issues: [], notes: [] };
  }
  if (params.tag === TAG.SEQUENCE) {
    // SpecifiedECDomain { version, fieldID { fieldType, parameters }, curve, base, order, cofactor }
    const [, fieldId] = children(buf, params);
    const [fieldType, fieldParams] = fieldId ? children(buf, fieldId) : [];
    let bits: number | undefined;
    if (fieldType && fieldParams) {
      const type = readOid(buf, fieldType);
      if (type === OID.primeField && fieldParams.tag === TAG.INTEGER) bits = bitLength(contents(buf, fieldParams));
      else if (type === OID.characteristicTwoField) {
        const [m] = children(buf, fieldParams);
        if (m?.tag === TAG.INTEGER) bits = Number(BigInt(`0x${Buffer.from(contents(buf, m)).toString('hex') || '0'}`));
      }
    }
    return {
      algorithm: { ...base, parameterSet: 'explicit', ...(bits ? { keyBits: bits } : {}) },
      ...(bits ? { sizeBits: bits } : {}),
      issues: [],
      notes: [
        'Explicit (specifiedCurve) EC parameters: the curve is not named, which RFC 5480 forbids in certificates.',
      ],
    };
  }
  return { algorithm: base, issues: [], notes: ['EC parameters are implicit (implicitlyCA): the curve is unknown.'] };
}

function ec({ buf, alg }: Input, base: AlgorithmRef): KeyAnalysis {
  return ecCurve(buf, alg.params, base);
}

function edwardsOrMontgomery({ alg, pub }: Input, base: AlgorithmRef): KeyAnalysis {
  const expected = RFC8410_LENGTHS[alg.oid]!;
  const bits = base.curve ? curveBits(base.curve) : alg.oid === OID.ed25519 || alg.oid === OID.x25519 ? 255 : 448;
  const issues: Issue[] =
    pub && pub.length !== expected
      ? [
          {
            severity: 'warning',
            code: 'key-length-mismatch',
            message: `${base.id} public key is ${pub.length} bytes, expected ${expected} (RFC 8410).`,
          },
        ]
      : [];
  return { algorithm: base, ...(bits ? { sizeBits: bits } : {}), issues, notes: [] };
}

function genericComposite(input: Input, base: AlgorithmRef): KeyAnalysis {
  const { pub, depth } = input;
  if (!pub || depth > 1) return { algorithm: base, issues: [], notes: [] };
  const seq = readSingle(pub);
  const parts = children(pub, seq).map((spki) => analyzeSpkiTlv(pub, spki, depth + 1));
  return {
    algorithm: { ...preStandardComposite(base), components: parts.map((p) => p.algorithm) },
    issues: parts.flatMap((p) => p.issues),
    notes: ['Pre-standard generic composite key (draft-ounsworth-pq-composite-keys): not interoperable.'],
  };
}

/** FIPS length check for PQC keys; composites check that the PQ component's fixed-size key prefix fits. */
function generic({ pub }: Input, base: AlgorithmRef): KeyAnalysis {
  const issues: Issue[] = [];
  if (pub) {
    const sizes = pqcKeySizes(base.id);
    if (sizes && pub.length !== sizes.publicKey) {
      issues.push({
        severity: 'warning',
        code: 'pqc-key-size-mismatch',
        message: `${base.id} public key is ${pub.length} bytes, ${sizes.source} specifies ${sizes.publicKey}.`,
      });
    }
    const pq = base.components?.map((c) => pqcKeySizes(c.id)).find((s) => s !== undefined);
    if (!sizes && pq && pub.length <= pq.publicKey) {
      issues.push({
        severity: 'warning',
        code: 'pqc-key-size-mismatch',
        message: `Composite ${base.id} public key is ${pub.length} bytes, shorter than its ${pq.id} component (${pq.publicKey}).`,
      });
    }
  }
  return { algorithm: base, issues, notes: [] };
}

const HANDLERS: Readonly<Record<string, Handler>> = Object.freeze({
  [OID.rsaEncryption]: rsa,
  [OID.rsassaPss]: rsa,
  [OID.rsaesOaep]: rsa,
  [OID.dsa]: primeGroup,
  [OID.dhKeyAgreement]: primeGroup,
  [OID.dhPublicNumber]: primeGroup,
  [OID.ecPublicKey]: ec,
  [OID.ecDH]: ec,
  [OID.ecMQV]: ec,
  '1.2.156.10197.1.301': ec,
  [OID.ed25519]: edwardsOrMontgomery,
  [OID.ed448]: edwardsOrMontgomery,
  [OID.x25519]: edwardsOrMontgomery,
  [OID.x448]: edwardsOrMontgomery,
  [OID.genericCompositeKey]: genericComposite,
});

/** Algorithm and size of a key from its AlgorithmIdentifier and (optional) public key bytes. */
export function analyzeKey(buf: Uint8Array, alg: AlgorithmIdentifier, pub?: Uint8Array, depth = 0): KeyAnalysis {
  const base =
    alg.oid === OID.rsassaPss || alg.oid === OID.rsaesOaep ? refFromIdentifier(buf, alg) : refFromOid(alg.oid);
  const handler = HANDLERS[alg.oid] ?? generic;
  return handler({ buf, alg, depth, ...(pub ? { pub } : {}) }, base);
}

/** BIT STRING contents without the unused-bits octet. */
export function bitStringBytes(buf: Uint8Array, tlv: Tlv): Uint8Array {
  if (tlv.tag !== TAG.BIT_STRING) throw new DerError('der-invalid', `Expected a BIT STRING at ${tlv.offset}.`);
  return contents(buf, tlv).subarray(1);
}

function analyzeSpkiTlv(buf: Uint8Array, spki: Tlv, depth: number): KeyAnalysis {
  const [algTlv, bits] = children(buf, spki);
  if (spki.tag !== TAG.SEQUENCE || algTlv?.tag !== TAG.SEQUENCE || !bits) {
    throw new DerError('der-invalid', 'SubjectPublicKeyInfo is not SEQUENCE { algorithm, subjectPublicKey }.');
  }
  return analyzeKey(buf, readAlgorithmIdentifier(buf, algTlv), bitStringBytes(buf, bits), depth);
}

/** Analyzes a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) found at `tlv` inside `buf`. */
export function analyzeSpki(buf: Uint8Array, tlv: Tlv = readTlv(buf)): KeyAnalysis {
  return analyzeSpkiTlv(buf, tlv, 0);
}
