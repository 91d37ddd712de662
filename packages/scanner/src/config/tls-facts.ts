/**
 * Turns the TLS settings of one effective context (nginx server, Apache virtual host, HAProxy bind,
 * openssl.cnf system_default …) into ProtocolFacts: versions, the expanded cipher suites (TLS 1.3 first,
 * as OpenSSL orders them), groups, signature schemes, referenced files and flags. Absent settings take
 * the product's documented default, and the finding says which values are defaults.
 */
import type { CipherSuiteFacts, NamedGroupFacts, ProtocolFacts } from '@pqready/core';
import { cipherSuiteFacts, findTlsGroup, isCbcSha1, isPqGroup } from '@pqready/core';
import { deepFreeze } from '../shared-values.js';
import { expandCipherString, expandCiphersuites } from './openssl-cipher-string.js';
import { defaultGroups, parseGroupList, parseSignatureAlgorithmList, type TlsVersion } from './tls-lists.js';

export type Origin = 'explicit' | 'default' | 'inherited';

export interface Setting<T> {
  readonly value: T;
  readonly origin: Origin;
  /** Directive that set it, e.g. `ssl_ciphers`; for defaults, where the default comes from. */
  readonly directive: string;
  readonly line?: number;
  readonly path?: string;
}

export interface TlsSettings {
  readonly versions: Setting<readonly TlsVersion[]>;
  /** OpenSSL cipher string for TLS ≤ 1.2. */
  readonly cipherString: Setting<string>;
  /** TLS 1.3 suites (OpenSSL `Ciphersuites`). */
  readonly ciphersuites: Setting<string>;
  /** Group list; undefined value = the OpenSSL default of `opensslVersion`. */
  readonly groups: Setting<string | undefined>;
  readonly signatureAlgorithms?: Setting<string>;
  readonly references: readonly { readonly directive: string; readonly path: string }[];
  readonly opensslVersion: string;
  /**
   * What the server can negotiate besides certificate suites. An OpenSSL server never selects a PSK suite
   * without a PSK callback (ssl/s3_lib.c ssl3_choose_cipher) nor an SRP suite without an SRP verifier, which is
   * what `openssl ciphers -s` lists without `-psk`/`-srp` (openssl-ciphers(1)). Undefined keeps every suite of
   * the string: library-wide settings (openssl.cnf, policy documents) serve applications that may set either.
   */
  readonly negotiable?: { readonly psk: boolean; readonly srp: boolean };
}

const PSK_KX: ReadonlySet<string> = new Set(['kPSK', 'kRSAPSK', 'kDHEPSK', 'kECDHEPSK']);

interface TlsFactsResult {
  readonly protocol: ProtocolFacts;
  readonly notes: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
  /** Origin of the finding as a whole: explicit when any TLS setting was written. */
  readonly origin: Origin;
}

const BELOW_12: readonly TlsVersion[] = ['ssl-2.0', 'ssl-3.0', '1.0', '1.1'];

/** `fn` with its answers for the last texts remembered (a bounded set: the memo is cleared when it fills). */
function memoByText<T>(fn: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = fn(text);
      if (answers.size > 512) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
}

// Configs repeat the same cipher string across many servers; expansion is pure, so memoise a bounded set.
const expandCached = memoByText(expandCipherString);

// The facts of one suite and of one group list are the same in every server that names them: each is built once
// and frozen, and the findings of a large deployment share them (with the scan's copies, see runner/shapes.ts).
const suiteFacts = new WeakMap<Parameters<typeof cipherSuiteFacts>[0], CipherSuiteFacts>();
function sharedSuite(row: Parameters<typeof cipherSuiteFacts>[0]): CipherSuiteFacts {
  let facts = suiteFacts.get(row);
  if (!facts) {
    facts = deepFreeze(cipherSuiteFacts(row));
    suiteFacts.set(row, facts);
  }
  return facts;
}
const sharedGroups = memoByText((text): readonly NamedGroupFacts[] => deepFreeze(parseGroupList(text)));

export function buildTlsFacts(s: TlsSettings, type: ProtocolFacts['type'] = 'tls'): TlsFactsResult {
  const notes: string[] = [];
  const flags = new Set<string>();
  const versions = [...s.versions.value];
  const suites: CipherSuiteFacts[] = [];
  let secLevel: number | undefined;

  if (versions.includes('1.3')) {
    const r = expandCiphersuites(s.ciphersuites.value);
    if (r.unknownNames.length > 0) notes.push(`unknown TLS 1.3 suites ignored: ${r.unknownNames.join(', ')}`);
    suites.push(...r.suites.map(sharedSuite));
  }
  const legacy = versions.filter((v) => v !== '1.3');
  if (legacy.length > 0) {
    const r = expandCached(s.cipherString.value);
    secLevel = r.secLevel;
    if (!r.ok) {
      flags.add('invalid-cipher-string');
      notes.push(`OpenSSL 3.0 rejects the cipher string "${s.cipherString.value}": ${r.errors.join('; ')}`);
    }
    // A product's built-in string may carry names for older OpenSSL (mosquitto's `!EXPORT:!SSLv2`); nobody wrote them.
    if (r.unknownNames.length > 0 && s.cipherString.origin !== 'default')
      notes.push(`names OpenSSL 3.0 ignores: ${r.unknownNames.join(', ')}`);
    const can = s.negotiable;
    const psk = can && !can.psk ? r.suites.filter((row) => PSK_KX.has(row.kx)).length : 0;
    const srp = can && !can.srp ? r.suites.filter((row) => row.kx === 'kSRP').length : 0;
    const rows =
      psk + srp > 0
        ? r.suites.filter((row) => (can?.psk || !PSK_KX.has(row.kx)) && (can?.srp || row.kx !== 'kSRP'))
        : r.suites;
    if (psk + srp > 0) {
      const what = [psk > 0 ? 'PSK' : '', srp > 0 ? 'SRP' : ''].filter((x) => x !== '').join(' and ');
      notes.push(`${psk + srp} ${what} suites of the cipher string left out: the server has no ${what} configured`);
    }
    for (const row of rows) {
      if (row.kx === 'kRSA' || row.kx === 'kRSAPSK') flags.add('static-rsa-kex');
      if (isCbcSha1(row)) flags.add('cbc-sha1');
      if (row.enc === 'eNULL') flags.add('null-cipher');
      if (row.au === 'aNULL') flags.add('anonymous-auth');
    }
    suites.push(...rows.map(sharedSuite));
  }
  if (versions.some((v) => BELOW_12.includes(v))) flags.add('tls-below-1.2');
  if (secLevel === 0) flags.add('seclevel-0');

  const groupText = s.groups.value ?? defaultGroups(s.opensslVersion).list;
  const groups = sharedGroups(groupText);
  if (!groups.some((g) => isPqGroupName(g.name))) flags.add('no-pq-group');
  const signatureAlgorithms = s.signatureAlgorithms ? parseSignatureAlgorithmList(s.signatureAlgorithms.value) : [];

  const properties: Record<string, string> = {
    'tls.cipherString': s.cipherString.value,
    'tls.cipherString.origin': s.cipherString.origin,
    'tls.versions.origin': s.versions.origin,
    'tls.groups.origin': s.groups.origin,
    'tls.ciphersuites': s.ciphersuites.value,
    'tls.ciphersuites.origin': s.ciphersuites.origin,
    'assumed.openssl': s.opensslVersion,
  };
  if (secLevel !== undefined) properties['tls.secLevel'] = String(secLevel);
  const settings = [
    s.versions,
    s.cipherString,
    s.ciphersuites,
    s.groups,
    ...(s.signatureAlgorithms ? [s.signatureAlgorithms] : []),
  ];
  const origin: Origin = settings.some((x) => x.origin === 'explicit')
    ? 'explicit'
    : settings.some((x) => x.origin === 'inherited')
      ? 'inherited'
      : 'default';
  return {
    protocol: {
      type,
      versions,
      cipherSuites: suites,
      groups,
      signatureAlgorithms,
      references: s.references,
      flags: [...flags].sort(),
    },
    notes,
    properties,
    origin,
  };
}

function isPqGroupName(name: string): boolean {
  const row = findTlsGroup(name);
  return row !== undefined && isPqGroup(row);
}
