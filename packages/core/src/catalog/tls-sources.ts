/**
 * Documents the protocol catalogs (TLS, SSH, IKE) cite. One constant per document so every row's
 * `source` is spelled the same way; confidence is `primary` when the document itself was read.
 */
import type { Source } from '../model/source.js';

const s = (title: string, url: string, confidence: Source['confidence']): Source =>
  Object.freeze({ title, url, confidence });

export const PROTOCOL_SOURCES = Object.freeze({
  opensslCiphers: s(
    'OpenSSL 3.0.x ciphers -V -stdname + IANA TLS Cipher Suites registry',
    'https://www.iana.org/assignments/tls-parameters/tls-parameters.xhtml#tls-parameters-4',
    'primary',
  ),
  opensslCipherRules: s(
    'OpenSSL ssl/ssl_ciph.c (cipher_aliases, ssl_cipher_process_rulestr, ssl_create_cipher_list)',
    'openssl/openssl:ssl/ssl_ciph.c',
    'primary',
  ),
  opensslDefaults: s(
    'OpenSSL 3.0 include/openssl/ssl.h (SSL_DEFAULT_CIPHER_LIST, TLS_DEFAULT_CIPHERSUITES)',
    'https://docs.openssl.org/3.0/man1/openssl-ciphers/',
    'primary',
  ),
  rfc8446: s(
    'RFC 8446 (TLS 1.3) §4.2.3 signature schemes, §4.2.7 groups, §B.4 suites',
    'https://www.rfc-editor.org/rfc/rfc8446',
    'primary',
  ),
  rfc8422: s('RFC 8422 (ECC for TLS 1.2) §5.1.1 named curves', 'https://www.rfc-editor.org/rfc/rfc8422', 'primary'),
  rfc7919: s('RFC 7919 (FFDHE groups for TLS)', 'https://www.rfc-editor.org/rfc/rfc7919', 'primary'),
  rfc8734: s('RFC 8734 (Brainpool curves for TLS 1.3)', 'https://www.rfc-editor.org/rfc/rfc8734', 'primary'),
  ianaGroups: s(
    'IANA TLS Supported Groups registry',
    'https://www.iana.org/assignments/tls-parameters/tls-parameters.xhtml#tls-parameters-8',
    'primary',
  ),
  ecdheMlkem: s(
    'draft-ietf-tls-ecdhe-mlkem (X25519MLKEM768, SecP256r1MLKEM768, SecP384r1MLKEM1024)',
    'https://datatracker.ietf.org/doc/draft-ietf-tls-ecdhe-mlkem/',
    'primary',
  ),
  pureMlkem: s(
    'draft-ietf-tls-mlkem (MLKEM512/768/1024)',
    'https://datatracker.ietf.org/doc/draft-ietf-tls-mlkem/',
    'primary',
  ),
  kyberDraft: s(
    'draft-tls-westerbaan-xyber768d00 (obsolete pre-FIPS Kyber hybrids; BoringSSL ssl.h 0x6399)',
    'https://datatracker.ietf.org/doc/draft-tls-westerbaan-xyber768d00/',
    'primary',
  ),
  oqsProvider: s(
    'open-quantum-safe/oqs-provider capabilities table (legacy group names)',
    'https://github.com/open-quantum-safe/oqs-provider',
    'secondary',
  ),
  opensslCapabilities: s(
    'OpenSSL providers/common/capabilities.c (TLS groups and sigalgs incl. mldsa44/65/87)',
    'openssl/openssl@0223dfcf1e4d:providers/common/capabilities.c',
    'primary',
  ),
  openssl35Changes: s(
    'OpenSSL 3.5 CHANGES.md (default TLS group list)',
    'https://github.com/openssl/openssl/blob/openssl-3.5/CHANGES.md',
    'primary',
  ),
  rfc4253: s('RFC 4253 (SSH transport) §6', 'https://www.rfc-editor.org/rfc/rfc4253', 'primary'),
  rfc9142: s('RFC 9142 (SSH key exchange method updates)', 'https://www.rfc-editor.org/rfc/rfc9142', 'primary'),
  rfc8709: s('RFC 8709 (Ed25519/Ed448 for SSH)', 'https://www.rfc-editor.org/rfc/rfc8709', 'primary'),
  rfc8332: s('RFC 8332 (rsa-sha2-256/512 in SSH)', 'https://www.rfc-editor.org/rfc/rfc8332', 'primary'),
  rfc5656: s('RFC 5656 (ECC in SSH)', 'https://www.rfc-editor.org/rfc/rfc5656', 'primary'),
  opensshKex: s(
    'openssh-portable kex-names.c / myproposal.h (KEX_IS_PQ, default proposals)',
    'openssh/openssh-portable@0ef0f5a83983:myproposal.h',
    'primary',
  ),
  opensshRelease: s(
    'OpenSSH release notes (default algorithm changes per version)',
    'https://www.openssh.com/releasenotes.html',
    'secondary',
  ),
  sshMlkem: s(
    'draft-ietf-sshm-mlkem-hybrid-kex',
    'https://datatracker.ietf.org/doc/draft-ietf-sshm-mlkem-hybrid-kex/',
    'secondary',
  ),
  ikev2Iana: s(
    'IANA IKEv2 Parameters: Transform Types 1-4',
    'https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml',
    'primary',
  ),
  rfc9370: s('RFC 9370 (multiple key exchanges in IKEv2, ke1_…)', 'https://www.rfc-editor.org/rfc/rfc9370', 'primary'),
  strongswanProposals: s(
    'strongSwan documentation: IKEv2 Cipher Suites (proposal keywords)',
    'https://docs.strongswan.org/docs/latest/config/IKEv2CipherSuites.html',
    'secondary',
  ),
  strongswanKeywords: s(
    'strongSwan src/libstrongswan/crypto/proposal/proposal_keywords_static.txt (KE_NONE; NIST round 3 KEM ' +
      'candidates of the oqs plugin, commit 592c0f4e06 "Add identifiers for NIST round 3 submission KEM candidates")',
    'strongswan/strongswan@592c0f4e06:src/libstrongswan/crypto/proposal/proposal_keywords_static.txt',
    'primary',
  ),
  nginxDocs: s(
    'nginx ngx_http_ssl_module documentation (directive defaults)',
    'https://nginx.org/en/docs/http/ngx_http_ssl_module.html',
    'primary',
  ),
  apacheDocs: s(
    'Apache httpd mod_ssl documentation (directive defaults)',
    'https://httpd.apache.org/docs/2.4/mod/mod_ssl.html',
    'primary',
  ),
  haproxyDocs: s(
    'HAProxy configuration manual (ssl-default-bind-*, bind options)',
    'https://docs.haproxy.org/2.8/configuration.html',
    'primary',
  ),
  mosquittoDocs: s('mosquitto.conf(5)', 'https://mosquitto.org/man/mosquitto-conf-5.html', 'primary'),
  mozillaTls: s(
    'Mozilla server-side TLS guidelines JSON (ssl-config-generator 6.0)',
    'mozilla/ssl-config-generator@8debe30faad8:src/static/guidelines/6.0.json',
    'primary',
  ),
});
