// Reference: Postfix src/global/mail_params.h (DEF_SMTP_TLS_PROTO, DEF_TLS_*_CLIST, DEF_TLS_EECDH_AUTO, DEF_TLS_FFDHE_AUTO) (vdukhovni/postfix@0148a87d54db:postfix/src/global/mail_params.h).
// Reference: postconf(5): smtpd_tls_protocols, smtpd_tls_ciphers, tls_high_cipherlist, tls_eecdh_auto_curves (https://www.postfix.org/postconf.5.html).

/** Assumed Postfix version when the scan states none (Debian 12 ships 3.7). */
export const DEFAULT_POSTFIX_VERSION = '3.7';

/**
 * `*_tls_protocols` and `*_tls_mandatory_protocols` defaults. HISTORY 20150719 (2.11.6, 3.0.2): SSLv2 and SSLv3 no
 * longer used by default; before, only mandatory TLS excluded SSLv2. Postfix 3.6 (HISTORY 20200725, mail_params.h):
 * `>=TLSv1`, the min/max syntax.
 */
export const POSTFIX_PROTOCOL_DEFAULTS: readonly {
  readonly since: string;
  readonly opportunistic: string;
  readonly mandatory: string;
}[] = Object.freeze([
  { since: '0.0', opportunistic: '', mandatory: '!SSLv2' },
  { since: '2.11.6', opportunistic: '!SSLv2, !SSLv3', mandatory: '!SSLv2, !SSLv3' },
  { since: '3.6', opportunistic: '>=TLSv1', mandatory: '>=TLSv1' },
]);

/** Opportunistic cipher grade default: "export" until HISTORY 20150718 (2.11.6, 3.0.2), then "medium". */
export const POSTFIX_GRADE_DEFAULTS: readonly { readonly since: string; readonly opportunistic: string }[] =
  Object.freeze([
    { since: '0.0', opportunistic: 'export' },
    { since: '2.11.6', opportunistic: 'medium' },
  ]);
export const POSTFIX_MANDATORY_GRADE_DEFAULT = 'medium';

/** Deprecated ciphers, key exchanges, key types and digests every default list excludes since 3.8 (TLS_EXCL). */
const EXCL = ':!SEED:!IDEA:!3DES:!RC2:!RC4:!RC5:!kDH:!kECDH:!aDSS:!MD5';
const EXCL_REST = ':!kDH:!kECDH:!aDSS:!MD5';

/**
 * `tls_<grade>_cipherlist` defaults. HISTORY 20230303 (Postfix 3.8): "export" and "low" are treated as "medium" and
 * their lists ignored, and the defaults exclude SEED, IDEA, 3DES, RC2, RC4, RC5, MD5, kDH, kECDH and DSS.
 */
interface PostfixCipherlists {
  readonly since: string;
  readonly lists: Readonly<Record<string, string>>;
  /** Grades read as another grade (3.8+: export and low are medium). */
  readonly aliases: Readonly<Record<string, string>>;
}
export const POSTFIX_CIPHERLISTS: readonly PostfixCipherlists[] = Object.freeze<PostfixCipherlists[]>([
  {
    since: '0.0',
    lists: {
      high: 'aNULL:-aNULL:HIGH:@STRENGTH',
      medium: 'aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH',
      low: 'aNULL:-aNULL:HIGH:MEDIUM:LOW:+RC4:@STRENGTH',
      export: 'aNULL:-aNULL:HIGH:MEDIUM:LOW:EXPORT:+RC4:@STRENGTH',
      null: 'eNULL:!aNULL',
    },
    aliases: {},
  },
  {
    since: '3.8',
    lists: {
      high: `aNULL:-aNULL:HIGH${EXCL}:@STRENGTH`,
      medium: `aNULL:-aNULL:HIGH:MEDIUM${EXCL}:+RC4:@STRENGTH`,
      null: `eNULL${EXCL_REST}:!aNULL`,
    },
    aliases: { export: 'medium', low: 'medium' },
  },
]);

/**
 * Groups. `tls_eecdh_auto_curves` (Postfix ≥ 3.2) defaults to the curves OpenSSL knows of X25519 X448 prime256v1
 * secp521r1 secp384r1; `tls_ffdhe_auto_groups` (Postfix ≥ 3.8) to ffdhe2048 ffdhe3072. Both empty (Postfix ≥ 3.10,
 * HISTORY 20250212) leaves the choice to OpenSSL. Before 3.6 the server's `smtpd_tls_eecdh_grade` chose between
 * them (auto since 3.2; strong before) and `tls_eecdh_strong_curve`/`tls_eecdh_ultra_curve`; 3.6 stopped reading
 * it (HISTORY 20250213 documents that).
 */
export const POSTFIX_EECDH_AUTO_DEFAULT = 'X25519 X448 prime256v1 secp521r1 secp384r1';
export const POSTFIX_FFDHE_AUTO_DEFAULT = 'ffdhe2048 ffdhe3072';
export const POSTFIX_GROUP_VERSIONS = Object.freeze({
  eecdhAuto: '3.2',
  gradeIgnored: '3.6',
  ffdheAuto: '3.8',
  emptyMeansOpenssl: '3.10',
});
export const POSTFIX_EECDH_GRADE_DEFAULTS: readonly { readonly since: string; readonly value: string }[] =
  Object.freeze([
    { since: '0.0', value: 'strong' },
    { since: '3.2', value: 'auto' },
  ]);
export const POSTFIX_EECDH_CURVES = Object.freeze({ strong: 'prime256v1', ultra: 'secp384r1' });

/** Parameter prefix of each TLS role a master.cf command plays (smtpd(8) server, smtp(8)/lmtp(8) clients). */
export const POSTFIX_COMMAND_ROLES: Readonly<
  Record<string, { readonly prefix: string; readonly role: 'server' | 'client' }>
> = Object.freeze({
  smtpd: { prefix: 'smtpd_', role: 'server' },
  smtp: { prefix: 'smtp_', role: 'client' },
  lmtp: { prefix: 'lmtp_', role: 'client' },
});

/** Security levels at which the client uses the mandatory settings (postconf(5) smtp_tls_security_level). */
export const POSTFIX_OPPORTUNISTIC_LEVELS: readonly string[] = Object.freeze(['may', 'dane']);

/** Client levels that verify the server (tls.h TLS_MUST_TRUST: fingerprint and above): no anonymous suites. */
export const POSTFIX_TRUSTING_LEVELS: readonly string[] = Object.freeze([
  'fingerprint',
  'dane',
  'dane-only',
  'verify',
  'secure',
]);

/** `<prefix>tls_…` parameters naming certificate, key, CA and DH parameter files. */
export const POSTFIX_FILE_PARAMS: readonly string[] = Object.freeze([
  'tls_cert_file',
  'tls_key_file',
  'tls_eccert_file',
  'tls_eckey_file',
  'tls_dcert_file',
  'tls_dkey_file',
  'tls_chain_files',
  'tls_CAfile',
  'tls_dh1024_param_file',
  'tls_dh512_param_file',
]);

/**
 * Parameters (after the `smtpd_`/`smtp_`/`lmtp_` prefix) whose `-o` override changes what a service negotiates: such a
 * service is a TLS scope of its own. Logging, SASL and `*_tls_auth_only` overrides leave it the main.cf scope.
 */
export const POSTFIX_SCOPE_PARAMS: readonly string[] = Object.freeze([
  'tls_security_level',
  'use_tls',
  'enforce_tls',
  'tls_wrappermode',
  'tls_protocols',
  'tls_mandatory_protocols',
  'tls_ciphers',
  'tls_mandatory_ciphers',
  'tls_exclude_ciphers',
  'tls_mandatory_exclude_ciphers',
  'tls_eecdh_grade',
  'tls_ask_ccert',
  'tls_req_ccert',
  ...POSTFIX_FILE_PARAMS,
]);
/** Global parameters with the same effect when overridden in one service. */
export const POSTFIX_GLOBAL_SCOPE_PARAMS =
  /^tls_((high|medium|low|export|null)_cipherlist|eecdh_[a-z_]+|ffdhe_auto_groups)$/;

/** main.cf parameter names only Postfix writes (enough to claim a file of another name by its content). */
export const POSTFIX_PARAM_HINT =
  /^(smtpd?|lmtp)_tls_[a-z_]+$|^(smtpd?_(use|enforce)_tls|smtpd_(recipient|sender|relay|client|helo)_restrictions|myhostname|mydestination|mynetworks|relayhost|inet_interfaces|inet_protocols|alias_maps|virtual_(mailbox|alias)_[a-z_]+|compatibility_level|tls_(high|medium|null)_cipherlist|tls_eecdh_auto_curves|tls_ffdhe_auto_groups|smtpd_banner|append_dot_mydomain|biff|readme_directory|mailbox_size_limit|recipient_delimiter)$/;
