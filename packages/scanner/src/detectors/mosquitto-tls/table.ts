/**
 * Mosquitto broker TLS knowledge: `tls_version` semantics and listener defaults per Mosquitto version, the
 * default cipher list, which options name files, and the option names mosquitto.conf(5) defines.
 * Sources: mosquitto.conf(5) (tls_version: "the minimum version … If left unset, the default is to allow TLS
 * v1.3 and v1.2. In Mosquitto version 1.6.x and earlier, this option set the only TLS protocol version");
 * eclipse/mosquitto src/net.c net__tls_server_ctx (default cipher list, SSL_OP_NO_* per tls_version).
 */
import type { Source } from '@pqready/core';
import { PROTOCOL_SOURCES } from '@pqready/core';
import type { TlsVersion } from '../../config/tls-lists.js';

const MOSQUITTO_SOURCE: Source = PROTOCOL_SOURCES.mosquittoDocs;
const MOSQUITTO_NET_SOURCE: Source = Object.freeze({
  title: 'eclipse/mosquitto src/net.c net__tls_server_ctx (tls_version options, default cipher list)',
  url: 'eclipse/mosquitto@011a53745a97:src/net.c',
  confidence: 'primary',
});

/** Assumed broker version when the scan states none (`--assume mosquitto=1.6`). Debian 12 ships 2.0.11. */
export const DEFAULT_MOSQUITTO_VERSION = '2.0';

interface TlsVersionRule {
  readonly since: string;
  /** `exact`: tls_version is the only version (≤ 1.6); `minimum`: it is the lowest version allowed (≥ 2.0). */
  readonly semantics: 'exact' | 'minimum';
  /** Versions a listener allows without `tls_version`. */
  readonly defaultVersions: readonly TlsVersion[];
  /** `tls_version` values the broker accepts; anything else stops it from starting. */
  readonly values: readonly string[];
  readonly source: Source;
}

export const MOSQUITTO_TLS_VERSION_RULES: readonly TlsVersionRule[] = Object.freeze([
  // 1.5/1.6 built against OpenSSL ≥ 1.1.1 only set SSL_OP_NO_SSLv3 when tls_version is unset.
  {
    since: '0.0',
    semantics: 'exact',
    defaultVersions: ['1.0', '1.1', '1.2', '1.3'],
    values: ['tlsv1', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3'],
    source: MOSQUITTO_NET_SOURCE,
  },
  {
    since: '2.0',
    semantics: 'minimum',
    defaultVersions: ['1.2', '1.3'],
    values: ['tlsv1.1', 'tlsv1.2', 'tlsv1.3'],
    source: MOSQUITTO_SOURCE,
  },
] satisfies readonly TlsVersionRule[]);

/** Cipher list a listener gets without `ciphers` (src/net.c). */
export const MOSQUITTO_DEFAULT_CIPHERS = 'DEFAULT:!aNULL:!eNULL:!LOW:!EXPORT:!SSLv2:@STRENGTH';

/** Options whose value is a certificate, key, CRL, DH parameter file or CA directory. */
export const MOSQUITTO_FILE_OPTIONS: readonly string[] = Object.freeze([
  'certfile',
  'keyfile',
  'cafile',
  'capath',
  'crlfile',
  'dhparamfile',
]);

/** Options that switch a listener to TLS. */
export const MOSQUITTO_TLS_TRIGGERS: readonly string[] = Object.freeze(['certfile', 'keyfile', 'psk_hint']);

/** Single-valued TLS options: mosquitto 2.0 refuses a second value in one listener ("Duplicate … value"). */
export const MOSQUITTO_SINGLE_TLS_OPTIONS: readonly string[] = Object.freeze([
  'tls_version',
  'ciphers',
  'ciphers_tls1.3',
  'certfile',
  'keyfile',
  'cafile',
  'capath',
  'psk_hint',
]);

/** Option names of mosquitto.conf(5) (broker, listener, TLS and bridge options), for misspelling diagnostics. */
export const MOSQUITTO_KNOWN_OPTIONS: readonly string[] = Object.freeze([
  ...['acl_file', 'allow_anonymous', 'allow_duplicate_messages', 'allow_zero_length_clientid', 'auth_plugin'],
  ...['auth_plugin_deny_special_chars', 'auto_id_prefix', 'autosave_interval', 'autosave_on_changes'],
  ...['check_retain_source', 'clientid_prefixes', 'connection_messages', 'enable_control_api', 'global_plugin'],
  ...['global_max_clients', 'global_max_connections', 'include_dir', 'log_dest', 'log_facility', 'log_timestamp'],
  ...['log_timestamp_format', 'log_type', 'max_inflight_bytes', 'max_inflight_messages', 'max_keepalive'],
  ...['max_packet_size', 'max_queued_bytes', 'max_queued_messages', 'memory_limit', 'message_size_limit'],
  ...['password_file', 'per_listener_settings', 'persistence', 'persistence_file', 'persistence_location'],
  ...['persistent_client_expiration', 'pid_file', 'plugin', 'psk_file', 'queue_qos0_messages', 'retain_available'],
  ...['set_tcp_nodelay', 'sys_interval', 'upgrade_outgoing_qos', 'user', 'store_clean_interval', 'retry_interval'],
  ...['listener', 'bind_address', 'bind_interface', 'http_dir', 'max_connections', 'max_qos', 'max_topic_alias'],
  ...['mount_point', 'port', 'protocol', 'socket_domain', 'use_username_as_clientid', 'websockets_headers_size'],
  ...['websockets_log_level', 'accept_protocol_versions', 'certfile', 'keyfile', 'cafile', 'capath', 'ciphers'],
  ...['ciphers_tls1.3', 'crlfile', 'dhparamfile', 'require_certificate', 'tls_engine', 'tls_engine_kpass_sha1'],
  ...['tls_keyform', 'tls_version', 'use_identity_as_username', 'use_subject_as_username', 'psk_hint'],
  ...['disable_client_cert_date_checks', 'connection', 'address', 'addresses', 'cleansession', 'local_cleansession'],
  ...['idle_timeout', 'keepalive_interval', 'local_clientid', 'local_password', 'local_username', 'notifications'],
  ...['notifications_local_only', 'notification_topic', 'remote_clientid', 'remote_password', 'remote_username'],
  ...['restart_timeout', 'round_robin', 'start_type', 'threshold', 'topic', 'try_private'],
] satisfies readonly string[]);

/** Option-name prefixes that are open-ended (plugin options, bridge options). */
export const MOSQUITTO_OPTION_PREFIXES: readonly string[] = Object.freeze(['plugin_opt_', 'auth_opt_', 'bridge_']);
