import type { TlsVersion } from '../../config/tls-lists.js';

/** Assumed HAProxy version when the scan states none (Debian 12 ships 2.6). */
export const DEFAULT_HAPROXY_VERSION = '2.6';

/** Default lowest version on `bind` lines: TLSv1.2 since HAProxy 2.2; before that, OpenSSL's own (TLSv1.0). */
export const HAPROXY_BIND_MIN_DEFAULTS: readonly { readonly since: string; readonly value: TlsVersion }[] =
  Object.freeze([
    { since: '0.0', value: '1.0' },
    { since: '2.2', value: '1.2' },
  ]);

/** `server` lines keep OpenSSL's default lowest version (the 2.2 change concerns bind lines only). */
export const HAPROXY_SERVER_MIN_DEFAULT: TlsVersion = '1.0';

/** Bind/server keywords this detector reads that take one value (the next word). */
export const HAPROXY_VALUE_KEYWORDS: readonly string[] = Object.freeze([
  'crt',
  'ca-file',
  'crt-list',
  'crl-file',
  'ciphers',
  'ciphersuites',
  'curves',
  'ecdhe',
  'sigalgs',
  'client-sigalgs',
  'ssl-min-ver',
  'ssl-max-ver',
]);

/** File-naming keywords (references linked to the certificate inventory); crt/crt-list are relative to crt-base. */
export const HAPROXY_FILE_KEYWORDS: Readonly<Record<string, 'crt-base' | 'ca-base'>> = Object.freeze({
  crt: 'crt-base',
  'crt-list': 'crt-base',
  'ca-file': 'ca-base',
  'crl-file': 'ca-base',
});

/** `no-*` / `force-*` option words → version. */
export const HAPROXY_VERSION_OPTIONS: Readonly<Record<string, TlsVersion>> = Object.freeze({
  sslv3: 'ssl-3.0',
  tlsv10: '1.0',
  tlsv11: '1.1',
  tlsv12: '1.2',
  tlsv13: '1.3',
});

/** ssl-min-ver / ssl-max-ver values. */
export const HAPROXY_VERSION_NAMES: Readonly<Record<string, TlsVersion>> = Object.freeze({
  sslv3: 'ssl-3.0',
  'tlsv1.0': '1.0',
  'tlsv1.1': '1.1',
  'tlsv1.2': '1.2',
  'tlsv1.3': '1.3',
});

/** Global keywords per side: bind lines read `ssl-default-bind-*`, server lines `ssl-default-server-*`. */
export const HAPROXY_GLOBAL_DEFAULTS = Object.freeze({
  bind: Object.freeze({
    ciphers: 'ssl-default-bind-ciphers',
    ciphersuites: 'ssl-default-bind-ciphersuites',
    curves: 'ssl-default-bind-curves',
    sigalgs: 'ssl-default-bind-sigalgs',
    options: 'ssl-default-bind-options',
  }),
  server: Object.freeze({
    ciphers: 'ssl-default-server-ciphers',
    ciphersuites: 'ssl-default-server-ciphersuites',
    curves: 'ssl-default-server-curves',
    sigalgs: 'ssl-default-server-sigalgs',
    options: 'ssl-default-server-options',
  }),
});
