/**
 * Lookups over the catalog tables: OID → algorithm reference / curve / name, id → row.
 * OIDs match exactly; only the prototype composite arcs match by prefix (their every member is one
 * pre-standard thing). Indexes are built once on first use.
 */
import type { AlgorithmRef } from '../model/finding.js';
import { ALGORITHMS } from './algorithms.js';
import { COMPOSITE_ARCS, COMPOSITE_OIDS } from './composites.js';
import { CURVES } from './curves.js';
import { OPENSSL_BUILTIN_CURVES } from './curves-openssl-builtin.js';
import { HASHES } from './hashes.js';
import { CLASSICAL_OIDS } from './oids-classical.js';
import { PQC_OIDS } from './oids-pqc.js';
import { X509_OIDS } from './oids-x509.js';
import type { AlgorithmRow, CurveRow, HashRow, OidRow } from './types.js';

/** Every curve of the catalog: the ones algorithms are named after, then OpenSSL's other built-in curves. */
export const ALL_CURVES: readonly CurveRow[] = Object.freeze([...CURVES, ...OPENSSL_BUILTIN_CURVES]);

/** Every OID row of the catalog (algorithms, extensions, attributes). Curves are in `ALL_CURVES`. */
export const OIDS: readonly OidRow[] = Object.freeze([...PQC_OIDS, ...COMPOSITE_OIDS, ...CLASSICAL_OIDS, ...X509_OIDS]);

const byKey = <T>(rows: readonly T[], key: (row: T) => string | undefined): ReadonlyMap<string, T> => {
  const map = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    if (k !== undefined && !map.has(k)) map.set(k, row);
  }
  return map;
};

let indexes:
  | {
      readonly oid: ReadonlyMap<string, OidRow>;
      readonly curveOid: ReadonlyMap<string, CurveRow>;
      readonly curveId: ReadonlyMap<string, CurveRow>;
      readonly curveAlias: ReadonlyMap<string, CurveRow>;
      readonly algorithm: ReadonlyMap<string, AlgorithmRow>;
      readonly hash: ReadonlyMap<string, HashRow>;
      readonly algorithmOids: ReadonlyMap<string, readonly OidRow[]>;
    }
  | undefined;

const idx = () => {
  if (!indexes) {
    const aliases = new Map<string, CurveRow>();
    for (const c of ALL_CURVES)
      for (const a of [c.id, c.curveName, c.token, ...c.aliases]) aliases.set(a.toLowerCase(), c);
    indexes = {
      oid: byKey(OIDS, (r) => r.oid),
      curveOid: byKey(ALL_CURVES, (r) => r.oid),
      curveId: byKey(ALL_CURVES, (r) => r.id),
      curveAlias: aliases,
      algorithm: byKey(ALGORITHMS, (r) => r.id),
      hash: byKey(HASHES as readonly HashRow[], (r) => r.id),
      algorithmOids: algorithmOidIndex(),
    };
  }
  return indexes;
};

/** Algorithm OID rows by algorithm id, in catalog order (the canonical OID of a ref comes first). */
function algorithmOidIndex(): Map<string, OidRow[]> {
  const map = new Map<string, OidRow[]>();
  for (const row of OIDS) {
    if (row.kind !== 'algorithm' || !row.ref) continue;
    map.set(row.ref.id, [...(map.get(row.ref.id) ?? []), row]);
  }
  return map;
}

/** Parameters an OID can fix; `components` and `unresolved` never decide which OID names a reference. */
const OID_PARAMETERS = ['keyBits', 'curve', 'hash', 'mode', 'parameterSet'] as const;

/**
 * The OID of an observed algorithm: among the catalog OIDs of its id, those whose every fixed parameter the
 * observation shares. The OID the evidence carried wins when it is one of them (an OIW alias stays as seen);
 * otherwise the most specific, then the first in catalog order (RFC and NIST arcs before aliases). AES-128-GCM
 * gets id-aes128-GCM; AES with no key size gets none; ECDSA-P256-SHA256 gets ecdsa-with-SHA256; HMAC-SHA256
 * gets hmacWithSHA256 even when the evidence carried SHA-256's OID.
 */
export function catalogOid(ref: AlgorithmRef): string | undefined {
  let best: { oid: string; fixed: number } | undefined;
  for (const row of idx().algorithmOids.get(ref.id) ?? []) {
    const fixed = OID_PARAMETERS.filter((k) => row.ref![k] !== undefined);
    const fits = fixed.every((k) => String(row.ref![k]).toLowerCase() === String(ref[k] ?? '').toLowerCase());
    if (!fits) continue;
    if (row.oid === ref.oid) return row.oid;
    if (!best || fixed.length > best.fixed) best = { oid: row.oid, fixed: fixed.length };
  }
  return best?.oid;
}

/** Algorithm named by an OID (exact match; prototype composite arcs by prefix). Undefined when unknown. */
export function algorithmFromOid(oid: string): AlgorithmRef | undefined {
  const row = idx().oid.get(oid);
  if (row?.ref) return { ...row.ref, oid };
  const arc = COMPOSITE_ARCS.find((a) => oid.startsWith(a.prefix));
  return arc ? { ...arc.ref, oid } : undefined;
}

/** Curve id for a namedCurve OID. */
export function curveFromOid(oid: string): string | undefined {
  return idx().curveOid.get(oid)?.id;
}

/** Curve id for any known spelling (`prime256v1`, `P-256`, `secp256r1`, `brainpoolP256r1` …), case-insensitive. */
export function curveFromName(name: string): string | undefined {
  return idx().curveAlias.get(name.toLowerCase())?.id;
}

/** Human name for any OID in the catalog (algorithms, curves, extensions, EKUs, attributes). */
export function oidName(oid: string): string | undefined {
  const i = idx();
  return (
    i.oid.get(oid)?.name ?? i.curveOid.get(oid)?.curveName ?? COMPOSITE_ARCS.find((a) => oid.startsWith(a.prefix))?.name
  );
}

export function getAlgorithm(id: string): AlgorithmRow | undefined {
  return idx().algorithm.get(id);
}

export function listAlgorithms(): readonly AlgorithmRow[] {
  return ALGORITHMS;
}

export function getCurve(id: string): CurveRow | undefined {
  return idx().curveId.get(id);
}

export function getHash(id: string): HashRow | undefined {
  return idx().hash.get(id);
}
