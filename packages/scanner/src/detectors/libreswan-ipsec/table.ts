// Reference: Libreswan ipsec.conf(5): ike=, esp=, phase2alg=, keyexchange=; lib/libswan ike_info.c and esp_info.c (https://libreswan.org/man/ipsec.conf.5.html).

/**
 * Encryption names → catalog keywords; `{bits}` takes the key length written after the name (`aes256`,
 * `aes_gcm_16_256`), or each of 256 and 128 when none is written (pluto proposes both).
 */
export const LIBRESWAN_ENCRYPT: Readonly<Record<string, string>> = Object.freeze({
  aes: 'aes{bits}',
  aes_cbc: 'aes{bits}',
  aesctr: 'aes{bits}ctr',
  aes_ctr: 'aes{bits}ctr',
  aes_gcm: 'aes{bits}gcm16',
  aes_gcm_16: 'aes{bits}gcm16',
  aes_gcm_c: 'aes{bits}gcm16',
  aes_gcm_12: 'aes{bits}gcm12',
  aes_gcm_b: 'aes{bits}gcm12',
  aes_gcm_8: 'aes{bits}gcm8',
  aes_gcm_a: 'aes{bits}gcm8',
  aes_ccm: 'aes{bits}ccm16',
  aes_ccm_16: 'aes{bits}ccm16',
  aes_ccm_c: 'aes{bits}ccm16',
  aes_ccm_12: 'aes{bits}ccm12',
  aes_ccm_b: 'aes{bits}ccm12',
  aes_ccm_8: 'aes{bits}ccm8',
  aes_ccm_a: 'aes{bits}ccm8',
  camellia: 'camellia{bits}',
  camellia_cbc: 'camellia{bits}',
  '3des': '3des',
  '3des_cbc': '3des',
  chacha20_poly1305: 'chacha20poly1305',
  chacha20poly1305: 'chacha20poly1305',
  null: 'null',
});

export const LIBRESWAN_KEY_LENGTHS: readonly number[] = Object.freeze([256, 128]);

/** Hash names → the PRF keyword (IKE SA) and the integrity keyword (ESP/AH, and IKE with a non-AEAD cipher). */
export const LIBRESWAN_HASH: Readonly<Record<string, { readonly prf: string; readonly integ: string }>> = Object.freeze(
  {
    ...Object.fromEntries(
      ['sha', 'sha1', 'sha1_96', 'hmac_sha1', 'hmac_sha1_96'].map((n) => [n, { prf: 'prfsha1', integ: 'sha1' }]),
    ),
    ...Object.fromEntries(
      ['sha2', 'sha256', 'sha2_256', 'sha2_256_128', 'hmac_sha2_256', 'hmac_sha2_256_128'].map((n) => [
        n,
        { prf: 'prfsha256', integ: 'sha256' },
      ]),
    ),
    ...Object.fromEntries(
      ['sha384', 'sha2_384', 'sha2_384_192', 'hmac_sha2_384', 'hmac_sha2_384_192'].map((n) => [
        n,
        { prf: 'prfsha384', integ: 'sha384' },
      ]),
    ),
    ...Object.fromEntries(
      ['sha512', 'sha2_512', 'sha2_512_256', 'hmac_sha2_512', 'hmac_sha2_512_256'].map((n) => [
        n,
        { prf: 'prfsha512', integ: 'sha512' },
      ]),
    ),
    ...Object.fromEntries(['md5', 'hmac_md5', 'hmac_md5_96'].map((n) => [n, { prf: 'prfmd5', integ: 'md5' }])),
    ...Object.fromEntries(
      ['aes_xcbc', 'aes128_xcbc', 'aes_xcbc_96', 'aes128_xcbc_96'].map((n) => [
        n,
        { prf: 'prfaesxcbc', integ: 'aesxcbc' },
      ]),
    ),
    ...Object.fromEntries(['aes_cmac', 'aes_cmac_96'].map((n) => [n, { prf: 'prfaescmac', integ: 'aescmac' }])),
  },
);

/** Key exchange names (DH groups by RFC 3526/5114/5903/8031 number, ML-KEM) → catalog keywords. */
export const LIBRESWAN_KE: Readonly<Record<string, string>> = Object.freeze({
  modp768: 'modp768',
  dh1: 'modp768',
  modp1024: 'modp1024',
  dh2: 'modp1024',
  modp1536: 'modp1536',
  dh5: 'modp1536',
  modp2048: 'modp2048',
  dh14: 'modp2048',
  modp3072: 'modp3072',
  dh15: 'modp3072',
  modp4096: 'modp4096',
  dh16: 'modp4096',
  modp6144: 'modp6144',
  dh17: 'modp6144',
  modp8192: 'modp8192',
  dh18: 'modp8192',
  dh19: 'ecp256',
  ecp_256: 'ecp256',
  ecp256: 'ecp256',
  dh20: 'ecp384',
  ecp_384: 'ecp384',
  ecp384: 'ecp384',
  dh21: 'ecp521',
  ecp_521: 'ecp521',
  ecp521: 'ecp521',
  dh22: 'modp1024s160',
  dh23: 'modp2048s224',
  dh24: 'modp2048s256',
  dh31: 'curve25519',
  curve25519: 'curve25519',
  ml_kem_512: 'mlkem512',
  mlkem512: 'mlkem512',
  ml_kem_768: 'mlkem768',
  mlkem768: 'mlkem768',
  ml_kem_1024: 'mlkem1024',
  mlkem1024: 'mlkem1024',
  none: 'none',
  dh0: 'none',
});

/** IKE versions of `keyexchange=` (5.0+) and the deprecated `ikev2=` (yes/propose/insist → 2, no/permit → 1). */
export const LIBRESWAN_IKE_VERSIONS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'keyexchange=ikev1': ['1'],
  'keyexchange=ikev2': ['2'],
  'keyexchange=ike': ['2'],
  'ikev2=no': ['1'],
  'ikev2=never': ['1'],
  'ikev2=permit': ['1'],
  'ikev2=yes': ['2'],
  'ikev2=propose': ['2'],
  'ikev2=insist': ['2'],
});

const IKEV2_PRFS = 'sha2_512+sha2_256';
const IKEV2_GROUPS = 'dh19+dh20+dh21+dh31+modp4096+modp3072+modp2048+modp8192';
const IKEV1_PRFS = 'sha2_256+sha2_512+sha1';
const IKEV1_GROUPS = 'modp2048+modp1536+dh19+dh31';
const ESPV2_INTEG = 'sha2_512+sha2_256';
const ESPV1_INTEG = 'sha1+sha2_512+sha2_256';

/**
 * pluto's proposals without ike=/esp= (non-FIPS), written in Libreswan syntax: the default ciphers, each with the
 * default PRFs or integrity algorithms and groups (default_fips_off_ikev2_ike_proposals, default_ikev2_ike_prfs,
 * default_ikev2_groups; the IKEv1 and ESP tables alike). AEAD ciphers take no integrity algorithm.
 */
export const LIBRESWAN_DEFAULT_PROPOSALS: Readonly<
  Record<
    '1' | '2',
    { readonly ike: readonly string[]; readonly esp: readonly string[]; readonly ah: readonly string[] }
  >
> = Object.freeze({
  '2': {
    ike: ['aes_gcm_16_256', 'aes_gcm_16_128', 'chacha20_poly1305']
      .map((e) => `${e}-${IKEV2_PRFS}-${IKEV2_GROUPS}`)
      .concat(['aes_cbc_256', 'aes_cbc_128'].map((e) => `${e}-${IKEV2_PRFS}-${IKEV2_GROUPS}`)),
    esp: [
      'aes_gcm_16_256',
      'aes_gcm_16_128',
      'chacha20_poly1305',
      `aes_cbc_256-${ESPV2_INTEG}`,
      `aes_cbc_128-${ESPV2_INTEG}`,
    ],
    ah: [ESPV2_INTEG],
  },
  '1': {
    ike: [`aes_cbc-${IKEV1_PRFS}-${IKEV1_GROUPS}`, `3des-${IKEV1_PRFS}-${IKEV1_GROUPS}`],
    esp: [`aes_cbc-${ESPV1_INTEG}`, 'aes_gcm_16_128', 'aes_gcm_16_256', `3des-${ESPV1_INTEG}`],
    ah: [ESPV1_INTEG],
  },
});

/** ipsec.conf parameters naming certificate or public key files. */
export const LIBRESWAN_FILE_PARAMS: readonly string[] = Object.freeze(['leftcert', 'rightcert']);

/** `type=` values that negotiate no SA (shunts). */
export const LIBRESWAN_SHUNT_TYPES: readonly string[] = Object.freeze(['passthrough', 'pass', 'drop', 'reject']);
