/**
 * pkcs12-bundle: PKCS#12 / PFX files (RFC 7292), read without a password: the integrity MAC
 * (algorithm, iterations), the PBE of every encrypted safe and shrouded key bag, and the
 * certificates and keys stored unencrypted, decoded in full.
 */
import type { AlgorithmFinding, KeyFacts } from '@pqready/core';
import { readAlgorithmIdentifier, refFromOid } from '../../pki/algorithm.js';
import { analyzeCertificate } from '../../pki/certificate.js';
import { children, concat, contents, DerError, readOid, readSingle, TAG, type Tlv } from '../../pki/der.js';
import { acceptsPemOrDer, ownedDer } from '../../pki/der-objects.js';
import { describeProtection } from '../../pki/pbe.js';
import { analyzeEncryptedPkcs8, analyzePkcs8, type PrivateKeyAnalysis } from '../../pki/private-keys.js';
import { type Collector, certificateFinding, guarded, keyFinding, type Location } from '../../pki/report.js';
import type { Detector } from '../types.js';
import { BAG_TYPES, P12_OID } from './table.js';

const ID = 'pkcs12-bundle';
/** SafeContents bags may nest SafeContents; real files use one level. */
const MAX_BAG_NESTING = 4;

/** OCTET STRING contents, joining the segments of a BER constructed encoding. */
function octets(buf: Uint8Array, tlv: Tlv): Uint8Array {
  if (tlv.tag === TAG.OCTET_STRING) return contents(buf, tlv);
  if (tlv.tag === 0x24) return concat(...children(buf, tlv).map((c) => octets(buf, c)));
  throw new DerError('der-invalid', `Expected an OCTET STRING at ${tlv.offset}.`);
}

function explicitContent(buf: Uint8Array, tlv: Tlv | undefined): Tlv {
  const inner = tlv?.tag === 0xa0 ? children(buf, tlv)[0] : undefined;
  if (!inner) throw new DerError('der-invalid', 'Missing [0] EXPLICIT content.');
  return inner;
}

class Pkcs12Reader {
  private bagCount = 0;
  constructor(
    private readonly c: Collector,
    private readonly scanTime: Date,
  ) {}

  /** Location of a nested object: byte offset in the file when it is a view on the file's bytes. */
  private at(view: Uint8Array, tlv: Tlv, snippet: string): Location {
    const fileBytes = this.c.file.bytes;
    const inFile = view.buffer === fileBytes.buffer && view.byteOffset >= fileBytes.byteOffset;
    return { line: 1, offset: inFile ? view.byteOffset - fileBytes.byteOffset + tlv.offset : 0, snippet };
  }

  private protection(
    at: Location,
    algorithm: AlgorithmFinding['algorithm'],
    properties: Record<string, string>,
    notes: string[],
  ) {
    const finding: AlgorithmFinding = {
      kind: 'algorithm',
      detector: ID,
      role: 'protection',
      evidence: {
        path: this.c.file.path,
        line: at.line,
        offset: at.offset,
        snippet: at.snippet,
        fileSha256: this.c.file.sha256,
      },
      algorithm,
      notes,
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    };
    this.c.findings.push(finding);
  }

  read(buf: Uint8Array, root: Tlv): void {
    const [version, authSafe, macData] = children(buf, root);
    if (version?.tag !== TAG.INTEGER || authSafe?.tag !== TAG.SEQUENCE) throw new DerError('der-invalid', 'Not a PFX.');
    if (macData?.tag === TAG.SEQUENCE) this.mac(buf, macData);
    else this.c.issue({ severity: 'info', code: 'pkcs12-no-mac', message: 'PKCS#12 file has no integrity MAC.' }, 1);
    const [type, content] = children(buf, authSafe);
    if (!type || readOid(buf, type) !== P12_OID.data) {
      this.c.issue(
        {
          severity: 'info',
          code: 'pkcs12-public-key-integrity',
          message: 'PKCS#12 authSafe is signed, not password-integrity protected; contents not read.',
        },
        1,
      );
      return;
    }
    const safeBytes = octets(buf, explicitContent(buf, content));
    const safes = readSingle(safeBytes);
    for (const info of children(safeBytes, safes)) this.contentInfo(safeBytes, info);
  }

  /** MacData { mac DigestInfo { digestAlgorithm, digest }, macSalt, iterations DEFAULT 1 } (RFC 7292 §4). */
  private mac(buf: Uint8Array, macData: Tlv): void {
    const [digestInfo, , iterTlv] = children(buf, macData);
    const alg = digestInfo ? children(buf, digestInfo)[0] : undefined;
    if (!alg) return;
    const { oid } = readAlgorithmIdentifier(buf, alg);
    const hash = refFromOid(oid);
    const iterations =
      iterTlv?.tag === TAG.INTEGER ? Number.parseInt(Buffer.from(contents(buf, iterTlv)).toString('hex'), 16) : 1;
    this.protection(
      this.at(buf, macData, 'PKCS#12 MAC'),
      hash.id === 'unknown' ? hash : { id: 'hmac', hash: hash.id, oid },
      { macIterations: String(iterations), use: 'pkcs12-integrity-mac' },
      ['PKCS#12 integrity MAC keyed from the password (RFC 7292 Appendix B KDF).'],
    );
  }

  private contentInfo(buf: Uint8Array, info: Tlv): void {
    const [typeTlv, content] = children(buf, info);
    if (!typeTlv) return;
    const type = readOid(buf, typeTlv);
    if (type === P12_OID.data) {
      const bagsBytes = octets(buf, explicitContent(buf, content));
      this.safeContents(bagsBytes, readSingle(bagsBytes), 0);
    } else if (type === P12_OID.encryptedData) {
      // EncryptedData { version, EncryptedContentInfo { contentType, contentEncryptionAlgorithm, [0] encryptedContent } }
      const [, eci] = children(buf, explicitContent(buf, content));
      const alg = eci ? children(buf, eci)[1] : undefined;
      if (!alg) throw new DerError('der-invalid', 'EncryptedData without an encryption algorithm.');
      const p = describeProtection(buf, alg);
      this.protection(
        this.at(buf, info, 'PKCS#12 encrypted safe'),
        p.ref,
        { ...p.properties, use: 'pkcs12-encrypted-safe' },
        ['Bags in this safe (usually the certificates) are encrypted and were not read.'],
      );
    } else {
      this.c.issue(
        { severity: 'info', code: 'pkcs12-safe-unread', message: `PKCS#12 safe of type ${type} not read.` },
        1,
      );
    }
  }

  private safeContents(buf: Uint8Array, seq: Tlv, depth: number): void {
    if (depth > MAX_BAG_NESTING) throw new DerError('der-too-deep', 'PKCS#12 SafeContents nested too deeply.');
    for (const bag of children(buf, seq)) {
      const [idTlv, valueTlv] = children(buf, bag);
      if (!idTlv) continue;
      const kind = BAG_TYPES[readOid(buf, idTlv)];
      const n = ++this.bagCount;
      this.c.attempt('pkcs12-bag-invalid', `PKCS#12 bag ${n}`, 1, () => {
        const value = explicitContent(buf, valueTlv);
        if (kind === 'key' || kind === 'shrouded-key') {
          const der = buf.subarray(value.offset, value.end);
          const a = kind === 'key' ? analyzePkcs8(der) : analyzeEncryptedPkcs8(der);
          this.key(this.at(buf, bag, `PKCS#12 ${kind === 'key' ? 'key' : 'shrouded key'} bag ${n}`), a);
        } else if (kind === 'certificate') {
          // CertBag { certId, [0] EXPLICIT certValue OCTET STRING }
          const [certId, certValue] = children(buf, value);
          if (!certId || readOid(buf, certId) !== P12_OID.x509Certificate) return;
          const der = octets(buf, explicitContent(buf, certValue));
          const a = analyzeCertificate(der, 'DER', this.scanTime);
          const at = this.at(der, readSingle(der), `PKCS#12 certificate bag ${n}`);
          this.c.findings.push(certificateFinding(ID, this.c.file, at, a.facts, a));
          this.c.issues(a.issues, 1);
        } else if (kind === 'safe-contents') {
          this.safeContents(buf, value, depth + 1);
        }
      });
    }
  }

  private key(at: Location, a: PrivateKeyAnalysis): void {
    const key: KeyFacts = {
      keyType: 'private',
      algorithm: a.algorithm,
      ...(a.sizeBits ? { sizeBits: a.sizeBits } : {}),
      format: `PKCS#12 ${a.format}`,
      encoding: 'DER',
      ...(a.fingerprint ? { fingerprint: { sha256: a.fingerprint } } : {}),
      ...(a.protection ? { protection: a.protection } : {}),
    };
    this.c.findings.push(
      keyFinding(ID, this.c.file, at, key, {
        notes: a.notes,
        properties: { ...a.properties, encrypted: a.protection ? 'true' : 'false' },
      }),
    );
    this.c.issues(a.issues, 1);
  }
}

export const pkcs12Bundle: Detector = {
  id: ID,
  summary: 'PKCS#12 / PFX bundles: MAC and PBE algorithms, unencrypted certificates and keys.',
  accepts: (file) => acceptsPemOrDer(file, ID),
  streams: true,
  detect: (file, ctx) =>
    guarded(ID, file, (c) => {
      const owned = ownedDer(c, file, ['pkcs12']);
      if (!owned) return;
      c.attempt('pkcs12-invalid', 'Invalid PKCS#12 file', 1, () =>
        new Pkcs12Reader(c, ctx.scanTime).read(owned.bytes, readSingle(owned.bytes)),
      );
    }),
};
