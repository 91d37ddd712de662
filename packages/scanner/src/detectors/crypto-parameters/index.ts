/**
 * crypto-parameters: DH (PKCS#3 and X9.42), DSA and EC domain-parameter files → group size or
 * named curve. Parameters fix the strength of every key later generated from them.
 */
import { getDiffieHellman } from 'node:crypto';
import type { AlgorithmRef, KeyFacts } from '@pqready/core';
import { refFromOid } from '../../pki/algorithm.js';
import { bitLength, children, contents, DerError, readSingle, TAG, unsignedMagnitude } from '../../pki/der.js';
import { ownedPem, pemSnippet } from '../../pki/der-objects.js';
import { ecCurve } from '../../pki/keys.js';
import { hasPemBegin } from '../../pki/pem.js';
import { guarded, keyFinding } from '../../pki/report.js';
import type { Detector } from '../types.js';
import { KNOWN_DH_GROUPS, PARAMETER_PEM_LABELS } from './table.js';

const ID = 'crypto-parameters';
const BY_LABEL = new Map<string, (typeof PARAMETER_PEM_LABELS)[number]>(PARAMETER_PEM_LABELS.map((r) => [r.label, r]));

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
  accepts: (file) => hasPemBegin(file.head),
  detect: (file) =>
    guarded(ID, file, (c) => {
      for (const block of ownedPem(c, file, (label) => BY_LABEL.has(label))) {
        const row = BY_LABEL.get(block.label)!;
        const at = { line: block.line, offset: block.offset, snippet: pemSnippet(block.label) };
        c.attempt('parameters-invalid', `Invalid parameters (${at.snippet})`, at.line, () => {
          const d = decodeParams(row.kind, block.der, refFromOid(row.algorithmOid));
          const key: KeyFacts = {
            keyType: 'parameters',
            algorithm: d.algorithm,
            ...(d.sizeBits ? { sizeBits: d.sizeBits } : {}),
            format: row.format,
            encoding: 'PEM',
          };
          c.findings.push(keyFinding(ID, file, at, key, { notes: d.notes, properties: d.properties }));
        });
      }
    }),
};
