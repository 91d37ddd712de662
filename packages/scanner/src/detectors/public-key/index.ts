/**
 * public-key: SubjectPublicKeyInfo and PKCS#1 RSAPublicKey files, PEM or DER, for every key type
 * the catalog knows (classical, PQC, composite), with the SPKI SHA-256 fingerprint that links a
 * key to its certificate and private key.
 */
import type { KeyFacts } from '@pqready/core';
import { OID, refFromOid } from '../../pki/algorithm.js';
import { concat, encode, readSingle, TAG } from '../../pki/der.js';
import { acceptsPemOrDer, ownedDer, ownedPem, pemSnippet } from '../../pki/der-objects.js';
import { sha256Hex } from '../../pki/fingerprint.js';
import { analyzeKey, analyzeSpki } from '../../pki/keys.js';
import { type Collector, guarded, keyFinding, type Location } from '../../pki/report.js';
import type { Detector } from '../types.js';
import { PUBLIC_PEM_LABELS, type PublicKind } from './table.js';

const ID = 'public-key';
const BY_LABEL = new Map<string, (typeof PUBLIC_PEM_LABELS)[number]>(PUBLIC_PEM_LABELS.map((r) => [r.label, r]));
const KINDS: readonly PublicKind[] = ['spki', 'rsa-public'];
/** AlgorithmIdentifier { rsaEncryption, NULL }: wraps a PKCS#1 key so its fingerprint matches its SPKI form. */
const RSA_ALG_ID = Uint8Array.from(Buffer.from('300d06092a864886f70d0101010500', 'hex'));

function decode(c: Collector, kind: PublicKind, der: Uint8Array, encoding: 'PEM' | 'DER', at: Location): void {
  c.attempt('public-key-invalid', `Invalid public key (${at.snippet})`, at.line, () => {
    readSingle(der);
    const spki =
      kind === 'spki'
        ? der
        : encode(TAG.SEQUENCE, concat(RSA_ALG_ID, encode(TAG.BIT_STRING, concat(new Uint8Array([0]), der))));
    const analysis = kind === 'spki' ? analyzeSpki(der) : analyzeKey(der, { oid: OID.rsaEncryption }, der);
    const key: KeyFacts = {
      keyType: 'public',
      algorithm: kind === 'spki' ? analysis.algorithm : { ...refFromOid(OID.rsaEncryption), ...analysis.algorithm },
      ...(analysis.sizeBits ? { sizeBits: analysis.sizeBits } : {}),
      format: kind === 'spki' ? 'SPKI' : 'PKCS#1',
      encoding,
      fingerprint: { sha256: sha256Hex(spki) },
    };
    c.findings.push(keyFinding(ID, c.file, at, key, { notes: analysis.notes }));
    c.issues(analysis.issues, at.line);
  });
}

export const publicKey: Detector = {
  id: ID,
  summary:
    'Public keys (SubjectPublicKeyInfo, PKCS#1 RSAPublicKey; classical, PQC, composite): algorithm, size, fingerprint.',
  accepts: (file) => acceptsPemOrDer(file, ID),
  streams: true,
  detect: (file) =>
    guarded(ID, file, (c) => {
      for (const block of ownedPem(c, file, (label) => BY_LABEL.get(label)?.kind, KINDS)) {
        decode(c, block.kind as PublicKind, block.der, 'PEM', {
          line: block.line,
          offset: block.offset,
          snippet: pemSnippet(block.label),
        });
      }
      const owned = ownedDer(c, file, KINDS);
      if (owned) {
        const kind = owned.kind as PublicKind;
        decode(c, kind, owned.bytes, 'DER', {
          line: 1,
          offset: 0,
          snippet: kind === 'spki' ? 'DER public key' : 'DER RSA public key',
        });
      }
    }),
};
