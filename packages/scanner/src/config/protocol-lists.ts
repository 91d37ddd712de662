/**
 * Protocol lists written as OpenSSL-based servers spell them when they build the version range themselves: an
 * inclusion list (`TLSv1.2 TLSv1.3`), exclusions (`!SSLv2 !SSLv3`, Postfix and Dovecot 2.2) and bounds (`>=TLSv1.2`,
 * `<=TLSv1.2`, Postfix ≥ 3.6), separated by whitespace, commas or colons. SSLv2 is never enabled (OpenSSL 1.1+).
 */
import { ALL_TLS_VERSIONS, type TlsVersion, tlsVersionOf, versionRange } from './tls-lists.js';

export function protocolList(text: string): TlsVersion[] {
  const include: TlsVersion[] = [];
  const exclude = new Set<TlsVersion>();
  let lo: TlsVersion | undefined;
  let hi: TlsVersion | undefined;
  for (const tok of text.split(/[\s,:]+/).filter((t) => t !== '')) {
    const m = /^(!|>=|<=)?(.+)$/.exec(tok)!;
    const v = tlsVersionOf(m[2]!);
    if (!v) continue;
    if (m[1] === '!') exclude.add(v);
    else if (m[1] === '>=') lo = v;
    else if (m[1] === '<=') hi = v;
    else include.push(v);
  }
  const base = include.length > 0 ? ALL_TLS_VERSIONS.filter((v) => include.includes(v)) : versionRange();
  const loI = lo ? ALL_TLS_VERSIONS.indexOf(lo) : 0;
  const hiI = hi ? ALL_TLS_VERSIONS.indexOf(hi) : ALL_TLS_VERSIONS.length - 1;
  return base.filter((v) => {
    const i = ALL_TLS_VERSIONS.indexOf(v);
    return i >= loI && i <= hiI && !exclude.has(v) && v !== 'ssl-2.0';
  });
}
