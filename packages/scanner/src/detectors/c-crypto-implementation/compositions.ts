/**
 * Algorithms a project builds from other primitives in functions named for them (issue #8's MCUboot leftovers:
 * `hkdf()` over HMAC-SHA-256, `pss_mgf1()` over SHA-256): a function whose name names the construction and
 * whose body uses one of its primitives implements it. Names alone are never enough, the primitive must be
 * used in the body; calls to a construction that is a whole algorithm (HKDF) are uses of it.
 */
import type { CompositionRow } from '../../c/knowledge.js';

export const COMPOSITIONS: readonly CompositionRow[] = Object.freeze([
  {
    name: /(?:^|_)hkdf(?:_|$)/i,
    uses: ['hmac'],
    algorithm: { id: 'hkdf' },
    hashFromUse: true,
    callsAreUses: true,
    source: 'RFC 5869 §2: HKDF extracts and expands with HMAC over the chosen hash',
  },
  {
    name: /(?:^|_)(?:emsa_)?(?:pss|mgf1)(?:_|$)/i,
    uses: ['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512'],
    algorithm: { id: 'rsa-pss' },
    callsAreUses: false,
    source: 'RFC 8017 §9.1 (EMSA-PSS) and B.2.1 (MGF1): PSS encoding masks with MGF1 over a hash',
  },
] satisfies readonly CompositionRow[]);
