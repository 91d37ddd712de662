/**
 * crypto-parameters: DH (PKCS#3 and X9.42), DSA and EC domain-parameter files, PEM or DER → group size or
 * named curve. Parameters fix the strength of every key later generated from them.
 */
import { getDiffieHellman } from 'node:crypto';
import type { AlgorithmRef, KeyFacts } from '@pqready/core';
import { refFromOid } from '../../pki/algorithm.js';
import { bitLength, children, contents, DerError, readSingle, TAG, unsignedMagnitude } from '../../pki/der.js';
import type { DerKind } from '../../pki/der-kind.js';
import { ownedDer, ownedPem, pemSnippet } from '../../pki/der-objects.js';
import { looksLikeDer } from '../../pki/file-view.js';
import { ecCurve } from '../../pki/keys.js';
import { hasPemBegin } from '../../pki/pem.js';
import { guarded, keyFinding, type Location } from '../../pki/report.js';
import type { Detector } from '../types.js';
import { KNOWN_DH_GROUPS, PARAMETER_PEM_LABELS } from './table.js';

const ID = 'crypto-parameters';
type Row = (typeof PARAMETER_PEM_LABELS)[number];
const BY_LABEL = new Map<string, Row>(PARAMETER_PEM_LABELS.map((r) => [r.label, r]));
const BY_KIND = new Map<DerKind, Row>(PARAMETER_PEM_LABELS.map((r) => [r.derKind, r]));
const KINDS: readonly DerKind[] = [...BY_KIND.keys()];

/** A DER file holding one named-curve ECParameters: a bare OID, shorter than any SEQUENCE-shaped object. */
const looksLikeDerOid = (head: Uint8Array, size: number): boolean =>
  head[0] === 0x06 && head.length >= 2 && head[1]! < 0x80 && head[1]! + 2 === size;

let knownPrimes: Map<string, string> | undefined;
function knownGroup(p: Uint8Array): string | undefined {
  knownPrimes ??= new Map(
    KNOWN_DH_GROUPS.map((g) => [getDiffieHellman(g.nodeName).getPrime('hex'), g.parameterSet] as const),
  );
  return knownPrimes.get(Buffer.from(unsignedMagnitude(p)).toString('hex'));
}

interface Decoded {
  readonly algorithm: AlgorithmRef;
  readonly sizeBits?: number;
  readonly notes: readonly string[];
  readonly properties: Record<string, string>;
}

function decodeParams(
  kind: (typeof PARAMETER_PEM_LABELS)[number]['kind'],
  der: Uint8Array,
  base: AlgorithmRef,
): Decoded {
  const root = readSingle(der);
  if (kind === 'ec') {
    const ec = ecCurve(der, root, base);
    return {
      algorithm: ec.algorithm,
      ...(ec.sizeBits ? { sizeBits: ec.sizeBits } : {}),
      notes: ec.notes,
      properties: {},
    };
  }
  const ints = root.tag === TAG.SEQUENCE ? children(der, root) : [];
  const [p, second, third] = ints;
  if (p?.tag !== TAG.INTEGER || second?.tag !== TAG.INTEGER) {
    throw new DerError('der-invalid', `${kind.toUpperCase()} parameters are not SEQUENCE { p, … }.`);
  }
  const keyBits = bitLength(contents(der, p));
  const q = kind === 'dsa' ? second : kind === 'dhx' ? third : undefined;
  const properties: Record<string, string> =
    q?.tag === TAG.INTEGER ? { qBits: String(bitLength(contents(der, q))) } : {};
  const group = kind === 'dsa' ? undefined : knownGroup(contents(der, p));
  return {
    algorithm: { ...base, keyBits, ...(group ? { parameterSet: group } : {}) },
    sizeBits: keyBits,
    notes: [],
    properties,
  };
}

export const cryptoParameters: Detector = {
  id: ID,
  summary: 'DH, X9.42 DH, DSA and EC parameter files: group size or named curve.',
  accepts: (file) =>
    hasPemBegin(file.head) || looksLikeDer(file.head, file.size) || looksLikeDerOid(file.head, file.size),
  detect: (file) =>
    guarded(ID, file, (c) => {
      const decode = (row: Row, der: Uint8Array, encoding: 'PEM' | 'DER', at: Location) =>
        c.attempt('parameters-invalid', `Invalid parameters (${at.snippet})`, at.line, () => {
          const d = decodeParams(row.kind, der, refFromOid(row.algorithmOid));
          const key: KeyFacts = {
            keyType: 'parameters',
            algorithm: d.algorithm,
            ...(d.sizeBits ? { sizeBits: d.sizeBits } : {}),
            format: row.format,
            encoding,
          };
          c.findings.push(keyFinding(ID, file, at, key, { notes: d.notes, properties: d.properties }));
        });
      for (const block of ownedPem(c, file, (label) => BY_LABEL.get(label)?.derKind, KINDS)) {
        const row = BY_KIND.get(block.kind!)!;
        decode(row, block.der, 'PEM', { line: block.line, offset: block.offset, snippet: pemSnippet(block.label) });
      }
      const owned = ownedDer(c, file, KINDS);
      if (owned) {
        const row = BY_KIND.get(owned.kind)!;
        decode(row, owned.bytes, 'DER', { line: 1, offset: 0, snippet: `DER ${row.format}` });
      }
    }),
};
