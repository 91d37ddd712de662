import type { TlsVersion } from '../../config/tls-lists.js';

/** Assumed httpd version when the scan states none (Debian 12 ships 2.4.57). */
export const DEFAULT_APACHE_VERSION = '2.4.57';

/**
 * What `all` enables, by first httpd version, against an OpenSSL built without SSLv3 (OpenSSL 3 default
 * builds): SSL_PROTOCOL_ALL = TLSv1 | TLSv1.1 | TLSv1.2, plus TLSv1.3 since 2.4.36 with OpenSSL ≥ 1.1.1.
 */
export const APACHE_ALL_PROTOCOLS: readonly { readonly since: string; readonly value: readonly TlsVersion[] }[] =
  Object.freeze([
    { since: '2.4.0', value: Object.freeze(['1.0', '1.1', '1.2'] as TlsVersion[]) },
    { since: '2.4.36', value: Object.freeze(['1.0', '1.1', '1.2', '1.3'] as TlsVersion[]) },
  ]);

/**
 * OpenSSL builds before 1.1.0 keep SSLv3, and mod_ssl's SSL_PROTOCOL_ALL includes it whenever OPENSSL_NO_SSL3 is
 * not defined (modules/ssl/ssl_private.h); OpenSSL 1.1.0 disabled SSLv3 at build time by default (OpenSSL CHANGES,
 * 1.1.0 "SSLv3 is by default disabled at build-time").
 */
export const APACHE_SSLV3_IN_ALL_BEFORE_OPENSSL = '1.1.0';

/** `SSLProtocol` default by first httpd version (2.4.17 changed `all` to `all -SSLv3`). */
export const APACHE_PROTOCOL_DEFAULTS: readonly { readonly since: string; readonly value: string }[] = Object.freeze([
  { since: '2.4.0', value: 'all' },
  { since: '2.4.17', value: 'all -SSLv3' },
]);

/** mod_ssl leaves the cipher list alone when SSLCipherSuite is absent: OpenSSL's own default applies. */
export const APACHE_DEFAULT_CIPHERS = 'DEFAULT';

/** Protocol keywords of SSLProtocol (case-insensitive) → versions. */
const PROTOCOL_WORDS: Record<string, readonly TlsVersion[] | 'all'> = {
  all: 'all',
  sslv2: ['ssl-2.0'],
  sslv3: ['ssl-3.0'],
  tlsv1: ['1.0'],
  'tlsv1.1': ['1.1'],
  'tlsv1.2': ['1.2'],
  'tlsv1.3': ['1.3'],
};
export const APACHE_PROTOCOL_WORDS: Readonly<Record<string, readonly TlsVersion[] | 'all'>> =
  Object.freeze(PROTOCOL_WORDS);

/** Directives whose argument is a certificate, key or CA file (lower-case). */
export const APACHE_FILE_DIRECTIVES: Readonly<Record<string, string>> = Object.freeze({
  sslcertificatefile: 'SSLCertificateFile',
  sslcertificatekeyfile: 'SSLCertificateKeyFile',
  sslcertificatechainfile: 'SSLCertificateChainFile',
  sslcacertificatefile: 'SSLCACertificateFile',
  sslcarevocationfile: 'SSLCARevocationFile',
});

/** Per-certificate directives accumulate (server ones first, then the virtual host's); the rest override. */
export const APACHE_ACCUMULATING_FILES: readonly string[] = Object.freeze([
  'sslcertificatefile',
  'sslcertificatekeyfile',
]);

/** Sections whose content is configuration for the enclosing server, after their condition is evaluated. */
export const APACHE_CONDITIONAL_SECTIONS: readonly string[] = Object.freeze([
  'ifmodule',
  'ifdefine',
  'ifversion',
  'ifdirective',
  'iffile',
  'ifsection',
]);

/** Per-directory sections: an SSLCipherSuite there forces a renegotiation (TLS ≤ 1.2) for matching requests. */
export const APACHE_DIRECTORY_SECTIONS: readonly string[] = Object.freeze([
  'directory',
  'directorymatch',
  'location',
  'locationmatch',
  'files',
  'filesmatch',
  'proxy',
  'proxymatch',
]);

/** Directives that mark a file as Apache configuration (any one is enough together with a config name). */
/**
 * Debian layout: sites are enabled by symlinks in sites-enabled/ to files of sites-available/. A repository that
 * ships only sites-available/ has its sites read there when the include names sites-enabled/ (see includes.ts).
 * conf-enabled/ and mods-enabled/ are not mapped: their -available siblings hold what is deliberately left off.
 */
export const APACHE_ENABLED_FROM: Readonly<Record<string, string>> = Object.freeze({
  'sites-enabled': 'sites-available',
});

/**
 * mod_ssl directive lines that choose TLS algorithms or turn TLS on: enough to claim a file of any name (a policy
 * kept as `ssl-mozilla-intermediate.default` and copied to mods-available/ssl.conf by a setup script).
 */
export const APACHE_TLS_LINE =
  /^[ \t]*(SSLEngine|SSLProtocol|SSLCipherSuite|SSLOpenSSLConfCmd|SSLProxyEngine|SSLProxyProtocol|SSLProxyCipherSuite)[ \t]+\S/im;

export const APACHE_MARKERS =
  /^[ \t]*(<VirtualHost\b|<IfModule\b|<Directory\b|SSLEngine\b|SSLProtocol\b|SSLCipherSuite\b|SSLCertificateFile\b|SSLOpenSSLConfCmd\b|LoadModule\b|ServerRoot\b|DocumentRoot\b|IncludeOptional\b)/im;
