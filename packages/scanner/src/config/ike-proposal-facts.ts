/**
 * IKE and ESP proposals → facts: each keyword looked up in the IKE catalog (strongSwan spelling, which the
 * Libreswan detector translates its names into), grouped into algorithms, key exchange groups (RFC 9370 additional
 * key exchanges flagged) and flags for classically weak choices.
 */
import type { AlgorithmRef, NamedGroupFacts, ProtocolFacts } from '@pqready/core';
import { findIkeToken } from '@pqready/core';

/** Keyword → flag, for classically weak choices (IKEv2 Transform registry notes, RFC 8247, RFC 8221). */
const IKE_TOKEN_FLAGS: Readonly<Record<string, string>> = Object.freeze({
  modp768: 'modp768',
  modp1024: 'modp1024',
  modp1024s160: 'modp1024',
  modp1536: 'modp1536',
  modp2048s224: 'rfc5114-group',
  modp2048s256: 'rfc5114-group',
  ecp192: 'ecp192',
  '3des': '3des',
  des: 'des',
  blowfish: 'blowfish',
  cast128: 'cast128',
  null: 'null-encryption',
  md5: 'md5-integrity',
  prfmd5: 'md5-prf',
  sha1: 'sha1-integrity',
  sha: 'sha1-integrity',
  prfsha1: 'sha1-prf',
});

interface ProposalFacts {
  readonly algorithms: AlgorithmRef[];
  readonly groups: NamedGroupFacts[];
  readonly flags: Set<string>;
  readonly notes: string[];
  readonly keyExchanges: string[];
  readonly hasPq: boolean;
}

/**
 * The algorithms, key exchanges and flags of proposals written as strongSwan keywords (`aes256gcm16-prfsha384-
 * ecp384-ke1_mlkem768`); `product` names who rejects an unknown keyword, `onUnknown` is told each one once.
 */
export function proposalFacts(
  texts: readonly string[],
  onUnknown: (token: string) => void,
  product = 'strongSwan',
): ProposalFacts {
  const algorithms: AlgorithmRef[] = [];
  const seenAlg = new Set<string>();
  const groups: NamedGroupFacts[] = [];
  const seenGroup = new Set<string>();
  const flags = new Set<string>();
  const notes: string[] = [];
  const keyExchanges: string[] = [];
  let hasPq = false;
  for (const text of texts) {
    const ke: string[] = [];
    for (const token of text.split('-').filter((t) => t !== '')) {
      const hit = findIkeToken(token);
      if (!hit) {
        if (!seenAlg.has(`?${token}`)) {
          seenAlg.add(`?${token}`);
          algorithms.push({ id: 'unknown', parameterSet: token });
          notes.push(`unknown proposal keyword "${token}": ${product} rejects the proposal`);
          onUnknown(token);
        }
        continue;
      }
      const { row, additional } = hit;
      const flag = IKE_TOKEN_FLAGS[row.token];
      if (flag) flags.add(flag);
      if (row.transform === 'esn') continue;
      if (row.transform === 'ke') {
        const name = token.toLowerCase();
        ke.push(name);
        if (row.pq) hasPq = true;
        if (!seenGroup.has(name) && row.algorithm) {
          seenGroup.add(name);
          groups.push({ name, algorithm: row.algorithm });
        }
        if (additional) flags.add('additional-ke');
        continue;
      }
      if (row.token === 'null') {
        const key = 'null';
        if (!seenAlg.has(key)) {
          seenAlg.add(key);
          algorithms.push({ id: 'unknown', parameterSet: 'null-encryption' });
        }
        continue;
      }
      const alg = row.algorithm;
      if (!alg) continue;
      const key = `${row.transform}:${JSON.stringify(alg)}`;
      if (seenAlg.has(key)) continue;
      seenAlg.add(key);
      algorithms.push(alg);
    }
    if (ke.length > 0) keyExchanges.push(ke.join('+'));
  }
  return { algorithms, groups, flags, notes, keyExchanges, hasPq };
}

/**
 * The protocol facts of one IKE or ESP/AH security association from its proposals' facts: an IKE SA or an
 * ESP/AH SA with a PFS group and no post-quantum key exchange is flagged `no-pq-ke`; IKEv1 is flagged `ikev1`.
 */
export function saProtocolFacts(
  type: 'ike' | 'ipsec',
  versions: readonly string[],
  pf: ProposalFacts,
  references: ProtocolFacts['references'],
): ProtocolFacts {
  const flags = new Set(pf.flags);
  if (type === 'ike') {
    if (!pf.hasPq) flags.add('no-pq-ke');
    if (versions.includes('1')) flags.add('ikev1');
  } else if (pf.groups.length > 0 && !pf.hasPq) {
    flags.add('no-pq-ke');
  }
  return {
    type,
    versions: type === 'ike' ? versions : [],
    cipherSuites: [],
    groups: pf.groups,
    signatureAlgorithms: [],
    algorithms: pf.algorithms,
    references,
    flags: [...flags].sort(),
  };
}
