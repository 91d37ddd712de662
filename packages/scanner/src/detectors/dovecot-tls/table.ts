// Reference: Dovecot core settings: ssl, ssl_min_protocol, ssl_cipher_list, ssl_cipher_suites, ssl_curve_list (https://doc.dovecot.org/2.3/settings/core/).

/** Assumed Dovecot version when the scan states none (Debian 12 ships 2.3.19). */
export const DEFAULT_DOVECOT_VERSION = '2.3.19';

/**
 * Minimum protocol when `ssl_min_protocol` is absent (2.3+; 2.2 used `ssl_protocols`). TLSv1 in early 2.3; TLSv1.2
 * since 2.3.15 (Dovecot NEWS v2.3.15, the default also of 2.4).
 */
export const DOVECOT_MIN_PROTOCOL_DEFAULTS: readonly { readonly since: string; readonly value: string }[] =
  Object.freeze([
    { since: '2.3', value: 'TLSv1' },
    { since: '2.3.15', value: 'TLSv1.2' },
  ]);

/** `ssl_protocols` default of Dovecot 2.2 (removed in 2.3). */
export const DOVECOT_22_PROTOCOLS_DEFAULT = '!SSLv2 !SSLv3';

/** `ssl_cipher_list` default (2.2: `ALL:!LOW:!SSLv2:!EXP:!aNULL`; 2.3 and later, dovecot/documentation settings.js). */
export const DOVECOT_CIPHER_LIST_DEFAULTS: readonly { readonly since: string; readonly value: string }[] =
  Object.freeze([
    { since: '0.0', value: 'ALL:!LOW:!SSLv2:!EXP:!aNULL' },
    {
      since: '2.3',
      value: 'ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH',
    },
  ]);

/** Setting names by meaning; 2.4 renamed the file settings (`ssl_server_cert_file` …). */
export const DOVECOT_SETTINGS = Object.freeze({
  enable: 'ssl',
  minProtocol: 'ssl_min_protocol',
  protocols22: 'ssl_protocols',
  cipherList: 'ssl_cipher_list',
  cipherSuites: 'ssl_cipher_suites',
  curveList: 'ssl_curve_list',
});

/** Settings naming certificate, key, CA and DH files (2.3 `<file` values; 2.4 `*_file` paths). */
export const DOVECOT_FILE_SETTINGS: readonly string[] = Object.freeze([
  'ssl_cert',
  'ssl_key',
  'ssl_alt_cert',
  'ssl_alt_key',
  'ssl_ca',
  'ssl_dh',
  'ssl_server_cert_file',
  'ssl_server_key_file',
  'ssl_server_ca_file',
  'ssl_server_dh_file',
]);

/**
 * Sections whose settings override the global ones for some connections: a TLS scope of their own when they set a
 * TLS setting (`protocol imap { ssl_cert = … }`, `local 10.0.0.1 { … }`). 2.4's `ssl_server { }` filter holds the
 * server's own settings and is read as the global scope.
 */
export const DOVECOT_FILTER_SECTIONS: readonly string[] = Object.freeze(['protocol', 'local', 'remote', 'local_name']);
export const DOVECOT_SERVER_FILTER = 'ssl_server';
