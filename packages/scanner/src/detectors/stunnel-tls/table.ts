import type { TlsVersion } from '../../config/tls-lists.js';

// Reference: stunnel(8) manual, service-level options; stunnel 5.75 src/options.c and src/ctx.c (https://www.stunnel.org/static/stunnel.html).

/** Assumed stunnel version when the scan states none (`--assume stunnel=4.53`); Debian 12 ships 5.68. */
export const DEFAULT_STUNNEL_VERSION = '5.68';

/**
 * `ciphers` without the option (`stunnel_cipher_list` in src/options.c of the tagged releases; NEWS.md 4.40,
 * 5.00, 5.15, 5.46); with `fips = yes`, `fips_cipher_list`.
 */
export const STUNNEL_CIPHER_DEFAULTS: readonly { readonly since: string; readonly value: string }[] = Object.freeze([
  { since: '0.0', value: 'ALL:!SSLv2:!aNULL:!EXP:!LOW:-MEDIUM:RC4:+HIGH' },
  { since: '5.00', value: 'HIGH:MEDIUM:+3DES:+DH:!aNULL:!SSLv2' },
  { since: '5.15', value: 'HIGH:+3DES:+DH:!aNULL:!SSLv2' },
  { since: '5.40', value: 'HIGH:!DH:!aNULL:!SSLv2' },
  { since: '5.46', value: 'HIGH:!aNULL:!SSLv2:!DH:!kDHEPSK' },
]);
export const STUNNEL_FIPS_CIPHERS = 'FIPS:!DH:!kDHEPSK';

/** `ciphersuites` without the option (`stunnel_ciphersuites`, src/options.c). */
export const STUNNEL_DEFAULT_CIPHERSUITES =
  'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256';

/**
 * `curves` without the option (DEFAULT_CURVES since 5.51 with OpenSSL ≥ 1.1.1, else `prime256v1`;
 * DEFAULT_CURVES_FIPS with `fips = yes`). stunnel always sets this list, so OpenSSL's own default groups
 * (X25519MLKEM768 first in OpenSSL 3.5) never apply.
 */
export const STUNNEL_DEFAULT_CURVES = 'X25519:P-256:X448:P-521:P-384';
export const STUNNEL_OLD_DEFAULT_CURVE = 'prime256v1';
export const STUNNEL_CURVES_SINCE = '5.51';
export const STUNNEL_FIPS_CURVES = 'P-256:P-521:P-384';

/** The security level stunnel sets when `securityLevel` is absent and OpenSSL's is lower (src/common.h). */
export const STUNNEL_DEFAULT_SECURITY_LEVEL = 2;

/** Option names (lower case) by meaning; `curve` is accepted for `curves`. */
export const STUNNEL_OPTIONS = Object.freeze({
  version: 'sslversion',
  versionMin: 'sslversionmin',
  versionMax: 'sslversionmax',
  ciphers: 'ciphers',
  ciphersuites: 'ciphersuites',
  curves: ['curves', 'curve'] as readonly string[],
  options: 'options',
  config: 'config',
  client: 'client',
  psk: 'psksecrets',
  fips: 'fips',
  securityLevel: 'securitylevel',
  include: 'include',
});

/** Version names of `sslVersion*` (str_to_proto_version); `all` is no bound. */
export const STUNNEL_VERSION_NAMES: Readonly<Record<string, TlsVersion | 'all'>> = Object.freeze({
  all: 'all',
  sslv3: 'ssl-3.0',
  tlsv1: '1.0',
  'tlsv1.1': '1.1',
  'tlsv1.2': '1.2',
  'tlsv1.3': '1.3',
});

/** `options = NO_…` names that switch a version off (ssl_opts; the dot spellings are refused). */
export const STUNNEL_NO_VERSION_OPTIONS: Readonly<Record<string, TlsVersion>> = Object.freeze({
  NO_SSLV2: 'ssl-2.0',
  NO_SSLV3: 'ssl-3.0',
  NO_TLSV1: '1.0',
  NO_TLSV1_1: '1.1',
  NO_TLSV1_2: '1.2',
  NO_TLSV1_3: '1.3',
});

/**
 * Versions stunnel switches off before the user's `options` (ctx.c: SSL_OP_NO_SSLv2|SSL_OP_NO_SSLv3; SSLv3 since
 * 5.06, NEWS.md "The insecure SSLv3 protocol is now disabled by default").
 */
export const STUNNEL_DEFAULT_NO_VERSIONS: readonly { readonly since: string; readonly value: readonly TlsVersion[] }[] =
  Object.freeze([
    { since: '0.0', value: ['ssl-2.0'] },
    { since: '5.06', value: ['ssl-2.0', 'ssl-3.0'] },
  ]);

/** `config = Command:value` (SSL_CONF_cmd) commands that choose algorithms, by the setting they configure. */
export const STUNNEL_CONF_COMMANDS: Readonly<
  Record<string, 'ciphers' | 'ciphersuites' | 'groups' | 'sigalgs' | 'min' | 'max'>
> = Object.freeze({
  cipherstring: 'ciphers',
  ciphersuites: 'ciphersuites',
  groups: 'groups',
  curves: 'groups',
  signaturealgorithms: 'sigalgs',
  minprotocol: 'min',
  maxprotocol: 'max',
});

/** Options naming certificate, key, CA, CRL and PSK files (references). */
export const STUNNEL_FILE_OPTIONS: readonly string[] = Object.freeze([
  'cert',
  'key',
  'cafile',
  'crlfile',
  'psksecrets',
]);

/**
 * Options only stunnel writes: one of them (or `accept`/`connect` under a `[service]` header) marks a file as a
 * stunnel configuration.
 */
export const STUNNEL_MARKERS = Object.freeze([
  'sslversion',
  'sslversionmin',
  'sslversionmax',
  'timeoutclose',
  'timeoutidle',
  'timeoutbusy',
  'timeoutconnect',
  'verifychain',
  'verifypeer',
  'checkhost',
  'checkip',
  'psksecrets',
  'pskidentity',
  'ocspaia',
  'engineid',
  'renegotiation',
  'sessioncachetimeout',
]);
