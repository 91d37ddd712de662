/** Assumed nginx version when the scan states none (Debian 12 ships 1.22). */
export const DEFAULT_NGINX_VERSION = '1.22';

/** `ssl_protocols` default by first nginx version (1.13.0 added TLSv1.3, 1.23.4 dropped TLSv1/TLSv1.1). */
export const NGINX_PROTOCOL_DEFAULTS: readonly { readonly since: string; readonly value: string }[] = Object.freeze([
  { since: '0.0', value: 'TLSv1 TLSv1.1 TLSv1.2' },
  { since: '1.13.0', value: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3' },
  { since: '1.23.4', value: 'TLSv1.2 TLSv1.3' },
]);

/** `ssl_ciphers` default since 1.0.5. */
export const NGINX_DEFAULT_CIPHERS = 'HIGH:!aNULL:!MD5';

/** Directives whose argument is a certificate, key or parameter file. */
export const NGINX_FILE_DIRECTIVES: readonly string[] = Object.freeze([
  'ssl_certificate',
  'ssl_certificate_key',
  'ssl_trusted_certificate',
  'ssl_client_certificate',
  'ssl_dhparam',
  'ssl_stapling_file',
]);

/**
 * Debian layout: sites are enabled by symlinks in sites-enabled/ to files of sites-available/. A repository that
 * ships only sites-available/ has its sites read there when the include names sites-enabled/ (see includes.ts).
 * conf-enabled/ and mods-enabled/ are not mapped: their -available siblings hold what is deliberately left off.
 */
export const NGINX_ENABLED_FROM: Readonly<Record<string, string>> = Object.freeze({
  'sites-enabled': 'sites-available',
});

/** Blocks that hold TLS servers (`http`, `stream`, `mail`), each containing `server` blocks. */
export const NGINX_SERVER_PARENTS: readonly string[] = Object.freeze(['http', 'stream', 'mail']);

/**
 * Upstream (client) TLS of ngx_http_proxy_module, ngx_http_grpc_module, ngx_http_uwsgi_module and
 * ngx_stream_proxy_module: the directive prefix, and the pass directive whose scheme turns TLS on.
 */
export const NGINX_CLIENT_FAMILIES: readonly {
  readonly prefix: string;
  readonly pass: string;
  readonly tlsScheme: RegExp;
}[] = Object.freeze([
  { prefix: 'proxy_ssl_', pass: 'proxy_pass', tlsScheme: /^https:\/\// },
  { prefix: 'grpc_ssl_', pass: 'grpc_pass', tlsScheme: /^grpcs:\/\// },
  { prefix: 'uwsgi_ssl_', pass: 'uwsgi_pass', tlsScheme: /^suwsgi:\/\// },
]);

/**
 * `proxy_ssl_protocols` (and grpc_/uwsgi_) default by first nginx version: TLSv1.3 joined the default in 1.23.4,
 * when TLSv1/TLSv1.1 left it (ngx_http_proxy_module documentation).
 */
export const NGINX_CLIENT_PROTOCOL_DEFAULTS: readonly { readonly since: string; readonly value: string }[] =
  Object.freeze([
    { since: '0.0', value: 'TLSv1 TLSv1.1 TLSv1.2' },
    { since: '1.23.4', value: 'TLSv1.2 TLSv1.3' },
  ]);

/** `proxy_ssl_ciphers` default (ngx_http_proxy_module): OpenSSL's own list. */
export const NGINX_CLIENT_DEFAULT_CIPHERS = 'DEFAULT';

/** Upstream directives naming certificate files. */
export const NGINX_CLIENT_FILE_SUFFIXES: readonly string[] = Object.freeze([
  'certificate',
  'certificate_key',
  'trusted_certificate',
  'crl',
]);
