/**
 * Identities that every output shares, so that a finding or an algorithm can be followed from one format to
 * another: a canonical text of any plain value, the identity of an observed algorithm, and a stable id per finding
 * (the JSON report's `id`, the SARIF result's `findingId`, the CBOM occurrence's `bom-ref`).
 */
import { createHash } from 'node:crypto';
import { getAlgorithm } from '../catalog/lookup.js';
import { canonical } from './canonical.js';
import type { AlgorithmRef, Finding } from './finding.js';
import { compareFindings } from './order.js';

const isKnown = (ref: AlgorithmRef): boolean => {
  const row = getAlgorithm(ref.id);
  return !!row && row.id !== 'unknown';
};

/**
 * What makes two observed algorithms the same asset: catalog id and parameters. The OID and the unresolved
 * expressions only tell unknown algorithms apart (a known algorithm has one meaning whichever of its OIDs was
 * seen, and an unresolved key size belongs to the evidence, not to the algorithm).
 */
export function algorithmIdentity(ref: AlgorithmRef): string {
  const known = isKnown(ref);
  return canonical({
    id: ref.id,
    keyBits: ref.keyBits,
    curve: ref.curve,
    hash: ref.hash,
    mode: ref.mode?.toLowerCase(),
    parameterSet: ref.parameterSet,
    oid: known ? undefined : ref.oid,
    unresolved: known ? undefined : ref.unresolved,
    components: ref.components?.map(algorithmIdentity),
    candidates: ref.candidates?.map(algorithmIdentity),
  });
}

/** The reference as its identity sees it: a known algorithm without the OID and expressions its evidence carried. */
export function identityRef(ref: AlgorithmRef): AlgorithmRef {
  if (!isKnown(ref)) return ref;
  const { oid: _oid, unresolved: _unresolved, components, candidates, ...rest } = ref;
  return {
    ...rest,
    ...(components ? { components: components.map(identityRef) } : {}),
    ...(candidates ? { candidates: candidates.map(identityRef) } : {}),
  };
}

/**
 * A stable id for every finding: 16 hex digits of SHA-256 over the finding's facts (the file hash left out, so
 * an edit elsewhere in the file keeps the id; and the triage marks, suppression and third-party, which say how a
 * team treats the finding, not what it is). Findings with identical facts get `-2`, `-3` … in their order.
 */
export function findingIds(findings: readonly Finding[]): Map<Finding, string> {
  const ids = new Map<Finding, string>();
  const used = new Map<string, number>();
  for (const f of [...findings].sort(compareFindings)) {
    const { fileSha256: _ignored, ...evidence } = f.evidence;
    const { suppression: _suppression, thirdParty: _thirdParty, ...facts } = f;
    // From the digest's bytes, not a slice of its hex: a slice keeps the whole 64-digit string alive.
    const base = createHash('sha256')
      .update(canonical({ ...facts, evidence }))
      .digest()
      .toString('hex', 0, 8);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    ids.set(f, n === 1 ? base : `${base}-${n}`);
  }
  return ids;
}
