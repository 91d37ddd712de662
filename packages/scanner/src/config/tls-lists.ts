/**
 * Parsers for the list-valued TLS settings every server shares: OpenSSL group lists (`Groups`, `Curves`,
 * nginx `ssl_ecdh_curve`; OpenSSL 3.5 syntax with `?`, `*`, `-` prefixes and `/` tuples) and signature
 * algorithm lists (`SignatureAlgorithms`: IANA names or `ALG+HASH`). Unknown names are kept as `unknown`.
 */
import type { NamedGroupFacts } from '@pqready/core';
import { findTlsGroup, findTlsSignatureScheme, OPENSSL_DEFAULT_GROUPS } from '@pqready/core';

export function parseGroupList(text: string): NamedGroupFacts[] {
  const out: NamedGroupFacts[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[:,/\s]+/)) {
    const name = raw.replace(/^[?*]+/, '');
    if (name === '' || name.startsWith('-')) continue;
    const row = findTlsGroup(name);
    const key = row?.name ?? name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      row
        ? { name: row.name, ...(row.codePoint ? { codePoint: row.codePoint } : {}), algorithm: row.algorithm }
        : { name, algorithm: { id: 'unknown', parameterSet: name } },
    );
  }
  return out;
}

export function parseSignatureAlgorithmList(text: string): NamedGroupFacts[] {
  const out: NamedGroupFacts[] = [];
  for (const name of text.split(/[:,\s]+/)) {
    if (name === '') continue;
    const row = findTlsSignatureScheme(name);
    out.push(
      row
        ? { name: row.name, codePoint: row.codePoint, algorithm: row.algorithm }
        : { name, algorithm: { id: 'unknown', parameterSet: name } },
    );
  }
  return out;
}

/** OpenSSL's default group list for the assumed OpenSSL version (3.0–3.4 vs 3.5+). */
export function defaultGroups(opensslVersion: string): { readonly list: string; readonly version: string } {
  const [maj, min] = opensslVersion.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const key = (maj ?? 0) > 3 || ((maj ?? 0) === 3 && (min ?? 0) >= 5) ? '3.5' : '3.0';
  return { list: OPENSSL_DEFAULT_GROUPS[key]!.groups.join(':'), version: key };
}

export type TlsVersion = 'ssl-2.0' | 'ssl-3.0' | '1.0' | '1.1' | '1.2' | '1.3';
export const ALL_TLS_VERSIONS: readonly TlsVersion[] = ['ssl-2.0', 'ssl-3.0', '1.0', '1.1', '1.2', '1.3'];

/** Protocol names as servers spell them (`TLSv1.2`, `SSLv3`, `TLS1_2_VERSION`…) → version ids. */
const VERSION_NAMES: Readonly<Record<string, TlsVersion>> = {
  sslv2: 'ssl-2.0',
  sslv3: 'ssl-3.0',
  tlsv1: '1.0',
  'tlsv1.0': '1.0',
  'tlsv1.1': '1.1',
  'tlsv1.2': '1.2',
  'tlsv1.3': '1.3',
  'tls1.0': '1.0',
  'tls1.1': '1.1',
  'tls1.2': '1.2',
  'tls1.3': '1.3',
  tls1_version: '1.0',
  tls1_1_version: '1.1',
  tls1_2_version: '1.2',
  tls1_3_version: '1.3',
};

export function tlsVersionOf(name: string): TlsVersion | undefined {
  return VERSION_NAMES[name.toLowerCase()];
}

/** Versions from `MinProtocol`/`MaxProtocol`-style bounds (inclusive); OpenSSL 3.0 never enables SSLv2. */
export function versionRange(min?: TlsVersion, max?: TlsVersion): TlsVersion[] {
  const lo = min ? ALL_TLS_VERSIONS.indexOf(min) : ALL_TLS_VERSIONS.indexOf('1.0');
  const hi = max ? ALL_TLS_VERSIONS.indexOf(max) : ALL_TLS_VERSIONS.indexOf('1.3');
  return ALL_TLS_VERSIONS.slice(Math.max(lo, 1), hi + 1);
}
