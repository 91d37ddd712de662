/**
 * Ties a CycloneDX algorithm component to a catalog entry so the core policy can judge it: by pqready's own
 * `pqready:algorithm-id` property, else by OID, else by reading the name the way the CycloneDX 1.7 naming patterns
 * write it (cryptography-defs.json: `RSA-2048`, `AES-128-GCM`, `HMAC-SHA256`, `ECDSA-P256-SHA256`, `ML-KEM-768`).
 * Parameters come from the component's fields first (parameterSetIdentifier, curve/ellipticCurve, mode), then from
 * the name. Nothing is guessed beyond that: an unmatched name stays without a reference.
 */
import {
  type AlgorithmRef,
  algorithmFromOid,
  curveFromName,
  describeAlgorithm,
  getAlgorithm,
  getHash,
  listAlgorithms,
} from '@pqready/core';
import type { RefBasis } from './types.js';

const compact = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Names other tools use for catalog algorithms that the catalog's own naming does not produce. */
const ALIASES: Readonly<Record<string, string>> = {
  RSASSAPSS: 'rsa-pss',
  RSASSAPKCS1: 'rsa-pkcs1v15',
  RSASSAPKCS1V15: 'rsa-pkcs1v15',
  RSAESOAEP: 'rsa-oaep',
  RSAESPKCS1: 'rsaes-pkcs1v15',
  ECDHE: 'ecdh',
  EDDSA: 'ed25519',
  TDEA: '3des',
  DESEDE: '3des',
  TRIPLEDES: '3des',
  DH: 'dh',
  FFDHE: 'dh',
  DIFFIEHELLMAN: 'dh',
  CHACHA20POLY1305: 'chacha20-poly1305',
};

interface NameIndex {
  readonly algorithms: readonly (readonly [string, string])[];
  readonly hashes: readonly (readonly [string, string])[];
}
let index: NameIndex | undefined;

/** Base names (no parameters) of every catalog algorithm and hash, longest first so prefixes match greedily. */
function nameIndex(): NameIndex {
  if (index) return index;
  const algorithms = new Map<string, string>();
  for (const row of listAlgorithms()) {
    if (row.id === 'unknown') continue;
    const base = compact(describeAlgorithm({ id: row.id }).name);
    if (base && !algorithms.has(base)) algorithms.set(base, row.id);
  }
  for (const [alias, id] of Object.entries(ALIASES)) if (!algorithms.has(alias)) algorithms.set(alias, id);
  const hashes = new Map<string, string>();
  for (const row of listAlgorithms()) {
    if (row.exposure !== 'hash') continue;
    const h = getHash(row.id);
    if (h) for (const n of [h.name, h.token ?? h.name, row.id]) hashes.set(compact(n), row.id);
  }
  const byLength = (m: Map<string, string>) => [...m.entries()].sort((a, b) => b[0].length - a[0].length);
  index = { algorithms: byLength(algorithms), hashes: byLength(hashes) };
  return index;
}

interface ComponentAlgorithmFields {
  readonly name: string;
  readonly oid?: string;
  readonly pqreadId?: string;
  readonly parameterSetIdentifier?: string;
  readonly curve?: string;
  readonly ellipticCurve?: string;
  readonly mode?: string;
  /** pqready:unresolved:* properties: parameters the scanner saw but could not resolve. */
  readonly unresolved?: Readonly<Record<string, string>>;
}

const MODES = new Set(['CBC', 'GCM', 'CCM', 'CTR', 'ECB', 'CFB', 'OFB', 'XTS']);

function curveOf(fields: ComponentAlgorithmFields, tokens: readonly string[]): string | undefined {
  const declared = fields.ellipticCurve?.split('/').pop() ?? fields.curve;
  if (declared) {
    const c = curveFromName(declared);
    if (c) return c;
  }
  for (let i = 0; i < tokens.length; i++) {
    const pair = i + 1 < tokens.length ? curveFromName(`${tokens[i]}-${tokens[i + 1]}`) : undefined;
    const c = pair ?? curveFromName(tokens[i]!);
    // "EC" alone is not a curve, and X25519 names its own algorithm.
    if (c && !/^(EC|ED25519|ED448)$/i.test(tokens[i]!)) return c;
  }
  return undefined;
}

function hashOf(rest: string): string | undefined {
  for (const [name, id] of nameIndex().hashes) if (rest.includes(name)) return id;
  return undefined;
}

/** Catalog id from the name alone: the longest catalog base name the compacted name starts with. */
function idFromName(name: string): { id: string; rest: string } | undefined {
  const c = compact(name);
  for (const [base, id] of nameIndex().algorithms) if (c.startsWith(base)) return { id, rest: c.slice(base.length) };
  for (const [base, id] of nameIndex().hashes) if (c === base) return { id, rest: '' };
  return undefined;
}

function withParameters(id: string, fields: ComponentAlgorithmFields, rest: string): AlgorithmRef {
  const row = getAlgorithm(id);
  const tokens = fields.name.split(/[-_/\s]+/).filter(Boolean);
  const takesBits = row?.names.some((t) => t.includes('{keyBits}')) ?? false;
  const p = fields.parameterSetIdentifier;
  const declaredBits = p && /^\d{2,5}$/.test(p) ? Number(p) : undefined;
  const nameBits = tokens.map((t) => t.match(/^(\d{3,5})$/)?.[1]).find((b) => b !== undefined);
  const keyBits = takesBits ? (declaredBits ?? (nameBits ? Number(nameBits) : undefined)) : undefined;
  const parameterSet = p && declaredBits === undefined && !row?.parameterSetIdentifier ? p : undefined;
  const mode = fields.mode && fields.mode !== 'other' ? fields.mode : tokens.find((t) => MODES.has(t.toUpperCase()));
  const takesHash = row?.names.some((t) => t.includes('{hash}')) ?? false;
  const hash = takesHash ? hashOf(rest) : undefined;
  const takesCurve = row?.names.some((t) => t.includes('{curve}')) ?? false;
  const curve = takesCurve ? curveOf(fields, tokens) : undefined;
  return {
    id,
    ...(keyBits !== undefined ? { keyBits } : {}),
    ...(curve ? { curve } : {}),
    ...(hash ? { hash } : {}),
    ...(mode ? { mode: mode.toLowerCase() } : {}),
    ...(parameterSet ? { parameterSet } : {}),
    ...(fields.oid ? { oid: fields.oid } : {}),
  };
}

export function algorithmRefOf(fields: ComponentAlgorithmFields): { ref?: AlgorithmRef; basis: RefBasis } {
  // pqready names what it could not identify `unknown` and keeps what it saw: the policy explains those itself.
  if (fields.pqreadId === 'unknown' && fields.unresolved && Object.keys(fields.unresolved).length > 0)
    return { ref: { id: 'unknown', unresolved: fields.unresolved }, basis: 'pqready-id' };
  if (fields.pqreadId && fields.pqreadId !== 'unknown' && getAlgorithm(fields.pqreadId)) {
    const fromName = idFromName(fields.name);
    const rest = fromName?.id === fields.pqreadId ? fromName.rest : compact(fields.name);
    return { ref: withParameters(fields.pqreadId, fields, rest), basis: 'pqready-id' };
  }
  if (fields.oid) {
    const byOid = algorithmFromOid(fields.oid.replace(/^oid:/, ''));
    if (byOid && byOid.id !== 'unknown') return { ref: byOid, basis: 'oid' };
  }
  const fromName = idFromName(fields.name);
  if (fromName) return { ref: withParameters(fromName.id, fields, fromName.rest), basis: 'name' };
  return { basis: 'none' };
}
