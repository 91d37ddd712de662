/**
 * What every short code in the table and the Markdown report means: activity states, value origins, protocol
 * flags and classical weaknesses. Renderers print the entries for the codes that appear; a test fails when a code
 * that the scanner or the catalog emits has no entry here.
 */

import type { ReportFinding } from '@pqready/core';

export const LEGEND: Readonly<Record<string, string>> = Object.freeze({
  // States and origins (in brackets and parentheses in DETAIL).
  '[conditional]': 'compiled in or enabled only under a condition the tree does not decide (#ifdef, Kconfig choice)',
  '[inactive]': 'compiled out or commented out in this configuration',
  '[overridden]': 'set, then replaced by a later setting',
  '(default)': 'not written in the configuration: the product’s default for the assumed version (--assume)',
  '(inherited)': 'inherited from an enclosing configuration block',
  // Protocol configuration flags.
  'no-pq-group': 'TLS offers no post-quantum or hybrid key-exchange group',
  'no-pq-kex': 'SSH offers no post-quantum or hybrid key exchange',
  'no-pq-ke': 'IKE offers no post-quantum key exchange (no ML-KEM additional key exchange)',
  'additional-ke': 'IKEv2 additional key exchange (RFC 9370) configured',
  'static-rsa-kex': 'cipher suites with RSA key transport (no forward secrecy)',
  'cbc-sha1': 'CBC cipher suites with HMAC-SHA1 (Lucky13-class attacks)',
  'null-cipher': 'cipher suites without encryption',
  'anonymous-auth': 'cipher suites without server authentication',
  'invalid-cipher-string': 'a cipher string the library would reject or ignore',
  'tls-below-1.2': 'TLS 1.0/1.1 or SSL enabled',
  'seclevel-0': 'OpenSSL @SECLEVEL=0: every key size and algorithm allowed',
  'legacy-provider-active': 'OpenSSL 3 legacy provider activated (MD4, DES, RC4 … available again)',
  psk: 'pre-shared keys in use',
  ikev1: 'IKEv1 allowed',
  'ssh-1': 'SSH protocol 1 allowed',
  'sha1-kex': 'SSH key exchange with SHA-1',
  'sha1-host-key': 'SSH host key signatures with SHA-1 (ssh-rsa)',
  'sha1-or-md5-mac': 'MACs with SHA-1 or MD5',
  'weak-cipher': 'a classically weak cipher offered',
  // Classical weaknesses (`weak:` in DETAIL).
  md2: 'MD2: broken hash',
  md4: 'MD4: broken hash',
  md5: 'MD5: collisions in seconds',
  mdc2: 'MDC-2: weak hash',
  sha1: 'SHA-1: practical collisions',
  'sha1-signature': 'signature over SHA-1: forgeable by collision',
  'ripemd-160': 'RIPEMD-160: 80-bit collision resistance',
  des: 'DES: 56-bit key',
  '3des': '3DES: 64-bit block (Sweet32), disallowed after 2023 (SP 800-131A)',
  rc2: 'RC2: weak cipher',
  rc4: 'RC4: biased keystream',
  '64-bit-block': '64-bit block cipher: birthday-bound collisions (Sweet32)',
  'key-below-112': 'symmetric key below 112 bits',
  'ecb-mode': 'ECB mode: equal blocks give equal ciphertext',
  'rsa-below-2048': 'RSA modulus below 2048 bits',
  'dsa-below-2048': 'DSA modulus below 2048 bits',
  'dh-below-2048': 'Diffie-Hellman group below 2048 bits',
  'ec-below-224': 'elliptic curve below 224 bits',
  'p-192': 'NIST P-192: below 112-bit strength',
  pbes1: 'PBES1 password-based encryption (DES/RC2, MD5/SHA-1)',
  'pkcs12-legacy-pbe': 'PKCS#12 legacy password-based encryption',
  pbkdf1: 'PBKDF1: superseded by PBKDF2',
  'rsaes-pkcs1v15': 'RSAES-PKCS1-v1_5 encryption: padding-oracle attacks',
  dsa: 'DSA: withdrawn for new signatures (FIPS 186-5)',
  'pre-standard': 'pre-standard post-quantum algorithm: does not interoperate with FIPS 203/204/205',
  'non-nist-pq': 'post-quantum algorithm outside the NIST standards',
  // Marks.
  suppressed: 'covered by a pqready-ignore comment or a configured suppression: kept, not counted by the gate',
  'third-party': 'in a folder marked as vendored third-party code (third-party in the configuration)',
});

/** The codes a finding shows in DETAIL, in the order the legend lists them. */
function findingCodes(f: ReportFinding): string[] {
  const codes = new Set<string>();
  if (f.state && f.state !== 'active') codes.add(`[${f.state}]`);
  if (f.origin && f.origin !== 'explicit') codes.add(`(${f.origin})`);
  if (f.kind === 'protocol') for (const flag of f.protocol.flags ?? []) codes.add(flag);
  for (const weak of f.verdict.classicallyWeak) codes.add(weak);
  if (f.suppression) codes.add('suppressed');
  if (f.thirdParty) codes.add('third-party');
  return [...codes];
}

/** Legend lines for the codes of some findings: known codes in legend order, then unknown ones as they are. */
export function legendFor(findings: readonly ReportFinding[]): [string, string][] {
  const seen = new Set(findings.flatMap(findingCodes));
  return [
    ...Object.entries(LEGEND).filter(([code]) => seen.has(code)),
    ...[...seen].filter((c) => !(c in LEGEND)).map((c): [string, string] => [c, '(no description yet)']),
  ];
}
