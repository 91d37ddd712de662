/**
 * private-key: PKCS#8 (plain and encrypted), PKCS#1, SEC 1 and OpenSSL DSA private keys, PEM or
 * DER, including PQC keys in seed / expanded / both form and legacy `Proc-Type: 4,ENCRYPTED` PEM.
 * Reports algorithm, size, container, protection and the fingerprint of the public half only.
 */
import type { KeyFacts } from '@pqready/core';
import { refFromOid } from '../../pki/algorithm.js';
import { acceptsPemOrDer, ownedDer, ownedPem, pemSnippet } from '../../pki/der-objects.js';
import {
  analyzeDsaPrivate,
  analyzeEncryptedPkcs8,
  analyzePkcs1Private,
  analyzePkcs8,
  analyzeSec1,
  type PrivateKeyAnalysis,
} from '../../pki/private-keys.js';
import { type Collector, guarded, keyFinding, type Location } from '../../pki/report.js';
import type { Detector } from '../types.js';
import { legacyCipher, PRIVATE_PEM_LABELS, type PrivateKind } from './table.js';

const ID = 'private-key';
const BY_LABEL = new Map<string, (typeof PRIVATE_PEM_LABELS)[number]>(PRIVATE_PEM_LABELS.map((r) => [r.label, r]));
const KINDS: readonly PrivateKind[] = ['pkcs8', 'encrypted-pkcs8', 'rsa-private', 'sec1', 'dsa-private'];

const ANALYZERS: Readonly<Record<PrivateKind, (der: Uint8Array) => PrivateKeyAnalysis>> = Object.freeze({
  pkcs8: analyzePkcs8,
  'encrypted-pkcs8': analyzeEncryptedPkcs8,
  'rsa-private': analyzePkcs1Private,
  sec1: (der: Uint8Array) => analyzeSec1(der),
  'dsa-private': analyzeDsaPrivate,
});

const LEGACY_NOTE =
  'Legacy PEM encryption derives the key with MD5-based EVP_BytesToKey (one iteration, no work factor): re-encrypt as PKCS#8 with PBES2.';

function emit(c: Collector, at: Location, a: PrivateKeyAnalysis, encoding: 'PEM' | 'DER'): void {
  const key: KeyFacts = {
    keyType: 'private',
    algorithm: a.algorithm,
    ...(a.sizeBits ? { sizeBits: a.sizeBits } : {}),
    format: a.format,
    encoding,
    ...(a.fingerprint ? { fingerprint: { sha256: a.fingerprint } } : {}),
    ...(a.protection ? { protection: a.protection } : {}),
  };
  const properties = { ...a.properties, encrypted: a.protection ? 'true' : 'false' };
  c.findings.push(keyFinding(ID, c.file, at, key, { notes: a.notes, properties }));
  c.issues(a.issues, at.line);
}

function decode(c: Collector, kind: PrivateKind, der: Uint8Array, encoding: 'PEM' | 'DER', at: Location): void {
  c.attempt('private-key-invalid', `Invalid private key (${at.snippet})`, at.line, () =>
    emit(c, at, ANALYZERS[kind](der), encoding),
  );
}

export const privateKey: Detector = {
  id: ID,
  summary:
    'Private keys (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1, DSA; classical and PQC): algorithm, size, protection.',
  accepts: (file) => acceptsPemOrDer(file, ID),
  streams: true,
  detect: (file) =>
    guarded(ID, file, (c) => {
      for (const block of ownedPem(c, file, (label) => BY_LABEL.get(label)?.kind, KINDS)) {
        const row = BY_LABEL.get(block.label);
        const at: Location = { line: block.line, offset: block.offset, snippet: pemSnippet(block.label) };
        const procType = block.headers['Proc-Type'] ?? '';
        if (/ENCRYPTED/i.test(procType) && row && 'impliedOid' in row) {
          // RFC 1421 §4.6.1.3 DEK-Info: <cipher>,<IV>; the body is ciphertext, so only the label tells the algorithm.
          const cipherName = (block.headers['DEK-Info'] ?? '').split(',')[0]!.trim();
          emit(
            c,
            at,
            {
              algorithm: refFromOid(row.impliedOid),
              format: row.format,
              protection: legacyCipher(cipherName || 'unknown'),
              issues: [],
              notes: [LEGACY_NOTE],
              properties: { legacyPemEncryption: cipherName || 'unknown', kdf: 'evp-bytestokey-md5' },
            },
            'PEM',
          );
          continue;
        }
        decode(c, block.kind as PrivateKind, block.der, 'PEM', at);
      }
      const owned = ownedDer(c, file, KINDS);
      if (owned)
        decode(c, owned.kind as PrivateKind, owned.bytes, 'DER', {
          line: 1,
          offset: 0,
          snippet: `DER ${owned.kind} private key`,
        });
    }),
};
