/**
 * Private key containers: PKCS#8 / OneAsymmetricKey (RFC 5958 §2), EncryptedPrivateKeyInfo
 * (RFC 5958 §3), PKCS#1 RSAPrivateKey (RFC 8017 A.1.2), SEC 1 ECPrivateKey (RFC 5915 §3),
 * OpenSSL's traditional DSA key (SEQUENCE { 0, p, q, g, y, x }), and the PQC private key
 * CHOICEs seed [0] / expandedKey / both (RFC 9881 §6 for ML-DSA, RFC 9935 for ML-KEM;
 * FIPS 205 SK = SK.seed‖SK.prf‖PK.seed‖PK.root for SLH-DSA).
 *
 * Output is the algorithm, size, container and protection plus the SHA-256 of the PUBLIC
 * part's SubjectPublicKeyInfo when it can be rebuilt or derived (the same fingerprint the
 * certificate of that key carries). No private byte, and no hash of one, leaves this module.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { AlgorithmRef } from '@pqready/core';
import { OID, readAlgorithmIdentifier, refFromOid } from './algorithm.js';
import { bitLength, children, concat, contents, DerError, encode, readSingle, TAG, type Tlv, whole } from './der.js';
import { sha256Hex } from './fingerprint.js';
import type { Issue } from './issues.js';
import { analyzeKey, bitStringBytes, ecCurve } from './keys.js';
import { describeProtection } from './pbe.js';
import { pqcKeySizes } from './pqc-sizes.js';

export interface PrivateKeyAnalysis {
  readonly algorithm: AlgorithmRef;
  readonly sizeBits?: number;
  readonly format: string;
  /** SHA-256 of the public part's SubjectPublicKeyInfo. */
  readonly fingerprint?: string;
  readonly protection?: AlgorithmRef;
  readonly issues: readonly Issue[];
  readonly notes: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
}

const NULL_DER = new Uint8Array([0x05, 0x00]);

function spki(algIdDer: Uint8Array, pub: Uint8Array): Uint8Array {
  return encode(TAG.SEQUENCE, concat(algIdDer, encode(TAG.BIT_STRING, concat(new Uint8Array([0]), pub))));
}

function algId(oid: Uint8Array, params?: Uint8Array): Uint8Array {
  return encode(TAG.SEQUENCE, params ? concat(oid, params) : oid);
}

/** DER OBJECT IDENTIFIER encodings of the few OIDs we rebuild SPKIs with. */
const OID_DER = Object.freeze({
  rsaEncryption: Uint8Array.from(Buffer.from('06092a864886f70d010101', 'hex')),
  ecPublicKey: Uint8Array.from(Buffer.from('06072a8648ce3d0201', 'hex')),
  dsa: Uint8Array.from(Buffer.from('06072a8648ce380401', 'hex')),
});

/** Asks OpenSSL (node:crypto) for the public half; undefined when it cannot (PQC, explicit curves…). */
function derivedSpki(der: Uint8Array, type: 'pkcs8' | 'pkcs1' | 'sec1'): Uint8Array | undefined {
  try {
    const key = createPrivateKey({ key: Buffer.from(der), format: 'der', type });
    return new Uint8Array(createPublicKey(key).export({ format: 'der', type: 'spki' }));
  } catch {
    return undefined;
  }
}

function rsaPublicFromPrivate(buf: Uint8Array, seq: Tlv): { keyBits: number; rsaPublicKey: Uint8Array } {
  const [version, n, e] = children(buf, seq);
  if (version?.tag !== TAG.INTEGER || n?.tag !== TAG.INTEGER || e?.tag !== TAG.INTEGER) {
    throw new DerError('der-invalid', 'RSAPrivateKey does not start with version, modulus, publicExponent.');
  }
  return {
    keyBits: bitLength(contents(buf, n)),
    rsaPublicKey: encode(TAG.SEQUENCE, concat(whole(buf, n), whole(buf, e))),
  };
}

/** PKCS#1 RSAPrivateKey. */
export function analyzePkcs1Private(der: Uint8Array): PrivateKeyAnalysis {
  const seq = readSingle(der);
  const { keyBits, rsaPublicKey } = rsaPublicFromPrivate(der, seq);
  return {
    algorithm: { ...refFromOid(OID.rsaEncryption), keyBits },
    sizeBits: keyBits,
    format: 'PKCS#1',
    fingerprint: sha256Hex(spki(algId(OID_DER.rsaEncryption, NULL_DER), rsaPublicKey)),
    issues: [],
    notes: [],
    properties: {},
  };
}

/** SEC 1 ECPrivateKey { version 1, privateKey, [0] parameters, [1] publicKey }. */
export function analyzeSec1(
  der: Uint8Array,
  outerParams?: { buf: Uint8Array; tlv: Tlv | undefined },
): PrivateKeyAnalysis {
  const seq = readSingle(der);
  const fields = children(der, seq);
  if (fields[0]?.tag !== TAG.INTEGER || fields[1]?.tag !== TAG.OCTET_STRING) {
    throw new DerError('der-invalid', 'ECPrivateKey is not SEQUENCE { version, privateKey, … }.');
  }
  const paramsField = fields.find((f) => f.tag === 0xa0);
  const pubField = fields.find((f) => f.tag === 0xa1);
  const inner = paramsField ? children(der, paramsField)[0] : undefined;
  const curveSource = inner ? { buf: der, tlv: inner } : outerParams;
  const analysis = ecCurve(curveSource?.buf ?? der, curveSource?.tlv, refFromOid(OID.ecPublicKey));
  let fingerprint: string | undefined;
  const pubBits = pubField ? children(der, pubField)[0] : undefined;
  if (pubBits && curveSource?.tlv) {
    const params = whole(curveSource.buf, curveSource.tlv);
    fingerprint = sha256Hex(spki(algId(OID_DER.ecPublicKey, params), bitStringBytes(der, pubBits)));
  } else if (!outerParams) {
    const derived = derivedSpki(der, 'sec1');
    if (derived) fingerprint = sha256Hex(derived);
  }
  return {
    algorithm: analysis.algorithm,
    ...(analysis.sizeBits ? { sizeBits: analysis.sizeBits } : {}),
    format: 'SEC1',
    ...(fingerprint ? { fingerprint } : {}),
    issues: analysis.issues,
    notes: analysis.notes,
    properties: {},
  };
}

/** OpenSSL traditional DSAPrivateKey { version 0, p, q, g, y, x }. */
export function analyzeDsaPrivate(der: Uint8Array): PrivateKeyAnalysis {
  const seq = readSingle(der);
  const [, p, q, g, y] = children(der, seq);
  if (!p || !q || !g || !y || [p, q, g, y].some((t) => t.tag !== TAG.INTEGER)) {
    throw new DerError('der-invalid', 'DSAPrivateKey is not SEQUENCE { version, p, q, g, y, x }.');
  }
  const keyBits = bitLength(contents(der, p));
  const params = encode(TAG.SEQUENCE, concat(whole(der, p), whole(der, q), whole(der, g)));
  return {
    algorithm: { ...refFromOid(OID.dsa), keyBits },
    sizeBits: keyBits,
    format: 'DSA (OpenSSL traditional)',
    fingerprint: sha256Hex(spki(algId(OID_DER.dsa, params), whole(der, y))),
    issues: [],
    notes: [],
    properties: {},
  };
}

const PQC_FORMS: Readonly<Record<number, string>> = Object.freeze({ 128: 'seed', 4: 'expanded', 48: 'both' });

/** Inspects a PQC privateKey: its form, FIPS lengths, and the public key when the encoding contains it. */
function pqcPrivate(id: string, priv: Uint8Array): { form?: string; pub?: Uint8Array; issues: Issue[] } | undefined {
  const sizes = pqcKeySizes(id);
  if (!sizes) return undefined;
  const issues: Issue[] = [];
  const mismatch = (what: string, got: number, want: number | undefined) => {
    if (want !== undefined && got !== want) {
      issues.push({
        severity: 'warning',
        code: 'pqc-key-size-mismatch',
        message: `${id} ${what} is ${got} bytes, ${sizes.source} specifies ${want}.`,
      });
    }
  };
  if (sizes.seed === undefined) {
    // SLH-DSA: the raw SK; its second half is PK.seed‖PK.root, i.e. the public key.
    mismatch('private key', priv.length, sizes.privateKey);
    return priv.length === sizes.privateKey ? { pub: priv.subarray(sizes.publicKey), issues } : { issues };
  }
  const tlv = readSingle(priv);
  const form = PQC_FORMS[tlv.tag];
  let expanded: Uint8Array | undefined;
  if (form === 'seed') mismatch('seed', tlv.end - tlv.start, sizes.seed);
  else if (form === 'expanded') expanded = contents(priv, tlv);
  else if (form === 'both') {
    const [seed, exp] = children(priv, tlv);
    if (seed) mismatch('seed', seed.end - seed.start, sizes.seed);
    if (exp) expanded = contents(priv, exp);
  } else throw new DerError('der-invalid', `Unrecognised ${id} private key encoding (tag 0x${tlv.tag.toString(16)}).`);
  let pub: Uint8Array | undefined;
  let layout = form;
  if (expanded && expanded.length === sizes.privateKey + sizes.publicKey) {
    // wolfSSL (before the IETF format) writes the expanded key followed by the public key: both are there.
    pub = expanded.subarray(sizes.privateKey);
    layout = 'expanded-with-public';
    expanded = expanded.subarray(0, sizes.privateKey);
  } else if (expanded) mismatch('expanded private key', expanded.length, sizes.privateKey);
  // FIPS 203 §7.1: dk = dk_PKE (384k) ‖ ek (384k+32) ‖ H(ek) ‖ z, so ek is readable from the expanded form.
  if (expanded && id.startsWith('ml-kem-') && expanded.length === sizes.privateKey) {
    const dkPke = sizes.publicKey - 32;
    pub = expanded.subarray(dkPke, dkPke + sizes.publicKey);
  }
  return { ...(layout ? { form: layout } : {}), ...(pub ? { pub } : {}), issues };
}

/** PKCS#8 PrivateKeyInfo / OneAsymmetricKey { version, algorithm, privateKey, [0] attributes, [1] publicKey }. */
export function analyzePkcs8(der: Uint8Array): PrivateKeyAnalysis {
  const seq = readSingle(der);
  const fields = children(der, seq);
  const [version, algTlv, privTlv] = fields;
  if (version?.tag !== TAG.INTEGER || algTlv?.tag !== TAG.SEQUENCE || privTlv?.tag !== TAG.OCTET_STRING) {
    throw new DerError('der-invalid', 'PrivateKeyInfo is not SEQUENCE { version, algorithm, privateKey }.');
  }
  const alg = readAlgorithmIdentifier(der, algTlv);
  const algDer = whole(der, algTlv);
  const priv = contents(der, privTlv);
  const pubField = fields.find((f) => f.tag === 0x81);
  let pub = pubField ? contents(der, pubField).subarray(1) : undefined;
  const properties: Record<string, string> = {};
  const issues: Issue[] = [];
  let fingerprint: string | undefined;

  if (alg.oid === OID.rsaEncryption || alg.oid === OID.rsassaPss) {
    const { rsaPublicKey } = rsaPublicFromPrivate(priv, readSingle(priv));
    pub = rsaPublicKey;
  } else if (alg.oid === OID.ecPublicKey && !pub) {
    const inner = analyzeSec1(priv, { buf: der, tlv: alg.params });
    if (inner.fingerprint) fingerprint = inner.fingerprint;
  }
  const key = analyzeKey(der, alg, pub);
  issues.push(...key.issues);
  const pqc = pqcPrivate(key.algorithm.id, priv);
  if (pqc) {
    issues.push(...pqc.issues);
    if (pqc.form) properties.privateKeyForm = pqc.form;
    if (pqc.pub && !pub) pub = pqc.pub;
  }
  if (!fingerprint && pub) fingerprint = sha256Hex(spki(algDer, pub));
  if (!fingerprint && !pqc) {
    const derived = derivedSpki(der, 'pkcs8');
    if (derived) fingerprint = sha256Hex(derived);
  }
  return {
    algorithm: key.algorithm,
    ...(key.sizeBits ? { sizeBits: key.sizeBits } : {}),
    format: 'PKCS#8',
    ...(fingerprint ? { fingerprint } : {}),
    issues,
    notes: [...key.notes],
    properties,
  };
}

/** EncryptedPrivateKeyInfo { encryptionAlgorithm, encryptedData }: only the scheme is readable. */
export function analyzeEncryptedPkcs8(der: Uint8Array): PrivateKeyAnalysis {
  const seq = readSingle(der);
  const [algTlv, data] = children(der, seq);
  if (algTlv?.tag !== TAG.SEQUENCE || data?.tag !== TAG.OCTET_STRING) {
    throw new DerError(
      'der-invalid',
      'EncryptedPrivateKeyInfo is not SEQUENCE { encryptionAlgorithm, encryptedData }.',
    );
  }
  const protection = describeProtection(der, algTlv);
  return {
    algorithm: { id: 'unknown', parameterSet: 'encrypted' },
    format: 'EncryptedPKCS#8',
    protection: protection.ref,
    issues: [],
    notes: ['The key algorithm is inside the encrypted data and cannot be read without the password.'],
    properties: { ...protection.properties },
  };
}
