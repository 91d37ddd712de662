/**
 * strongSwan knowledge: the daemon's built-in default proposals, ipsec.conf `ike=`/`esp=` defaults per version,
 * IKE version settings, where certificate names are looked up, and which proposal keywords raise which flag.
 * Sources: strongswan/strongswan src/libstrongswan/crypto/proposal/proposal.c (proposal_create_default,
 * proposal_create_default_aead, proposal_add_supported_ike); ipsec.conf(5) (conn section: ike/esp defaults,
 * "the daemon adds its extensive default proposal … unless `!`", keyexchange); swanctl.conf(5).
 */
import type { Source } from '@pqready/core';

const STRONGSWAN_DEFAULTS_SOURCE: Source = Object.freeze({
  title: 'strongSwan src/libstrongswan/crypto/proposal/proposal.c (default IKE/ESP proposals)',
  url: 'strongswan/strongswan@00520b3ae8c1:src/libstrongswan/crypto/proposal/proposal.c',
  confidence: 'primary',
});
// Reference: strongSwan ipsec.conf(5) conn section (ike, esp, keyexchange, leftcert) (https://wiki.strongswan.org/projects/strongswan/wiki/ConnSection).

/** Assumed strongSwan version when the scan states none (`--assume strongswan=5.9`). */
export const DEFAULT_STRONGSWAN_VERSION = '6.0';

// proposal_add_supported_ike enumerates what the loaded plugins offer; these lists assume the default plugin set
// with the openssl plugin (AES-GCM/CCM, ChaCha20-Poly1305, AES/Camellia CBC, AES-CTR, 3DES; MD5, DES, MODP
// 768–1536, RFC 5114 groups and ECP-192/224 are deliberately left out by the daemon).
const DEFAULT_PRF = 'prfsha256-prfsha384-prfsha512-prfaesxcbc-prfaescmac-prfsha1';
const DEFAULT_KE =
  'ecp256-ecp384-ecp521-ecp256bp-ecp384bp-ecp512bp-curve25519-curve448-modp3072-modp4096-modp6144-modp8192-modp2048';

interface DefaultProposals {
  readonly ike: readonly string[];
  readonly esp: readonly string[];
  readonly ah: readonly string[];
  readonly source: Source;
}

/** What the `default` keyword (and an absent swanctl proposal) stands for. */
export const STRONGSWAN_DEFAULT_PROPOSALS: DefaultProposals = Object.freeze({
  ike: [
    `aes128gcm16-aes192gcm16-aes256gcm16-chacha20poly1305-aes128ccm16-aes192ccm16-aes256ccm16-aes128gcm12-aes192gcm12-aes256gcm12-aes128gcm8-aes192gcm8-aes256gcm8-${DEFAULT_PRF}-${DEFAULT_KE}`,
    `aes128-aes192-aes256-aes128ctr-aes192ctr-aes256ctr-camellia128-camellia192-camellia256-3des-sha256-sha384-sha512-aesxcbc-aescmac-sha1-${DEFAULT_PRF}-${DEFAULT_KE}`,
  ],
  esp: ['aes128gcm16-aes192gcm16-aes256gcm16', 'aes128-aes192-aes256-sha256-sha384-sha512-sha1-aesxcbc-noesn'],
  ah: ['sha256-sha384-sha512-sha1-aesxcbc-noesn'],
  source: STRONGSWAN_DEFAULTS_SOURCE,
});

/** ipsec.conf values of `ike=` / `esp=` when absent, by first version (changed in 5.4.0). */
export const IPSEC_CONF_DEFAULTS: readonly { readonly since: string; readonly ike: string; readonly esp: string }[] =
  Object.freeze([
    { since: '0.0', ike: 'aes128-sha1-modp2048,3des-sha1-modp1536', esp: 'aes128-sha1,3des-sha1' },
    { since: '5.4.0', ike: 'aes128-sha256-modp3072', esp: 'aes128-sha256' },
  ]);

/** ipsec.conf `keyexchange` and swanctl `version` → IKE versions (responders with `ike`/0 accept both). */
export const IKE_VERSIONS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  ike: ['1', '2'],
  ikev1: ['1'],
  ikev2: ['2'],
  '0': ['1', '2'],
  '1': ['1'],
  '2': ['2'],
});

/** ipsec.conf parameters naming certificate or public key files, looked up below `ipsec.d/certs` when relative. */
export const IPSEC_CONF_FILE_PARAMS: readonly string[] = Object.freeze([
  'leftcert',
  'rightcert',
  'leftcert2',
  'rightcert2',
  'leftsigkey',
  'rightsigkey',
]);
export const IPSEC_CONF_CERT_DIR = 'ipsec.d/certs';

/** swanctl.conf local/remote keys naming files, with the swanctl directory they are looked up in. */
export const SWANCTL_FILE_KEYS: Readonly<Record<string, string>> = Object.freeze({
  certs: 'x509',
  cacerts: 'x509ca',
  pubkeys: 'pubkey',
});
