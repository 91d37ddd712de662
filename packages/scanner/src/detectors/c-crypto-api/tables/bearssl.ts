/**
 * BearSSL: RSA/EC implementations selected by function name, hash vtables, AES/ChaCha engines and
 * TLS suite configuration. Source: BearSSL API documentation (bearssl.org/apidoc), inc/bearssl_*.h.
 */
import type { ApiRow, LibraryTable, RefPart } from './types.js';

function rsaRows(): Record<string, ApiRow> {
  const out: Record<string, ApiRow> = {};
  for (const impl of ['i15', 'i31', 'i32', 'i62']) {
    out[`br_rsa_${impl}_keygen`] = { id: 'rsa', args: { keyBits: 5 } };
    out[`br_rsa_${impl}_pkcs1_sign`] = { id: 'rsa-pkcs1v15' };
    out[`br_rsa_${impl}_pkcs1_vrfy`] = { id: 'rsa-pkcs1v15' };
    out[`br_rsa_${impl}_pss_sign`] = { id: 'rsa-pss', args: { hash: 1 } };
    out[`br_rsa_${impl}_pss_vrfy`] = { id: 'rsa-pss', args: { hash: 2 } };
    out[`br_rsa_${impl}_oaep_encrypt`] = { id: 'rsa-oaep', args: { hash: 1 } };
    out[`br_rsa_${impl}_oaep_decrypt`] = { id: 'rsa-oaep', args: { hash: 0 } };
    out[`br_ecdsa_${impl}_sign_asn1`] = { id: 'ecdsa', args: { hash: 1 } };
    out[`br_ecdsa_${impl}_sign_raw`] = { id: 'ecdsa', args: { hash: 1 } };
    out[`br_ecdsa_${impl}_vrfy_asn1`] = { id: 'ecdsa' };
    out[`br_ecdsa_${impl}_vrfy_raw`] = { id: 'ecdsa' };
  }
  return out;
}

const VTABLES: Readonly<Record<string, RefPart>> = {
  br_md5_vtable: { id: 'md5' },
  br_sha1_vtable: { id: 'sha-1' },
  br_sha224_vtable: { id: 'sha-224' },
  br_sha256_vtable: { id: 'sha-256' },
  br_sha384_vtable: { id: 'sha-384' },
  br_sha512_vtable: { id: 'sha-512' },
  BR_EC_secp256r1: { curve: 'p-256' },
  BR_EC_secp384r1: { curve: 'p-384' },
  BR_EC_secp521r1: { curve: 'p-521' },
  BR_EC_curve25519: { id: 'x25519', curve: 'curve25519' },
};

export const bearsslTable: LibraryTable = Object.freeze({
  library: 'BearSSL',
  source: 'BearSSL inc/bearssl_rsa.h, bearssl_ec.h, bearssl_hash.h, bearssl_block.h, bearssl_ssl.h (0.6)',
  functions: Object.freeze({
    ...rsaRows(),
    br_rsa_pkcs1_sign_get_default: { id: 'rsa-pkcs1v15' },
    br_rsa_pkcs1_vrfy_get_default: { id: 'rsa-pkcs1v15' },
    br_rsa_keygen_get_default: { id: 'rsa' },
    br_ec_get_default: { id: 'ec' },
    br_ec_keygen: { id: 'ec', args: { curve: 4 } },
    br_ecdsa_sign_asn1_get_default: { id: 'ecdsa' },
    br_ecdsa_vrfy_asn1_get_default: { id: 'ecdsa' },
    br_md5_init: { id: 'md5' },
    br_sha1_init: { id: 'sha-1' },
    br_sha224_init: { id: 'sha-224' },
    br_sha256_init: { id: 'sha-256' },
    br_sha384_init: { id: 'sha-384' },
    br_sha512_init: { id: 'sha-512' },
    br_hmac_key_init: { id: 'hmac', args: { hash: 1 } },
    br_hkdf_init: { id: 'hkdf', args: { hash: 1 } },
    br_md5_update: { id: 'md5', continues: true },
    br_md5_out: { id: 'md5', continues: true },
    br_md5_round: { id: 'md5', continues: true },
    br_sha1_update: { id: 'sha-1', continues: true },
    br_sha1_out: { id: 'sha-1', continues: true },
    br_sha224_update: { id: 'sha-224', continues: true },
    br_sha224_out: { id: 'sha-224', continues: true },
    br_sha256_update: { id: 'sha-256', continues: true },
    br_sha256_out: { id: 'sha-256', continues: true },
    br_sha2small_round: { id: 'sha-256', continues: true },
    br_aes_ct_keysched: { id: 'aes' },
    br_aes_ct_skey_expand: { id: 'aes', continues: true },
    br_aes_ct_cbcenc_init: { id: 'aes', mode: 'cbc', args: { keyBytes: 2 } },
    br_aes_ct_cbcdec_init: { id: 'aes', mode: 'cbc', args: { keyBytes: 2 } },
    br_aes_ct_cbcenc_run: { id: 'aes', mode: 'cbc' },
    br_aes_ct_cbcdec_run: { id: 'aes', mode: 'cbc' },
    br_des_tab_keysched: { id: 'des', alsoImplements: [{ id: '3des' }] },
    br_des_tab_cbcenc_init: { id: 'des', mode: 'cbc', alsoImplements: [{ id: '3des', mode: 'cbc' }] },
    br_des_tab_cbcenc_run: { id: 'des', mode: 'cbc', alsoImplements: [{ id: '3des', mode: 'cbc' }] },
    br_des_tab_cbcdec_init: { id: 'des', mode: 'cbc', alsoImplements: [{ id: '3des', mode: 'cbc' }] },
    br_des_tab_cbcdec_run: { id: 'des', mode: 'cbc', alsoImplements: [{ id: '3des', mode: 'cbc' }] },
    br_des_ct_cbcenc_init: { id: 'des', mode: 'cbc' },
    br_des_ct_cbcenc_run: { id: 'des', mode: 'cbc' },
    br_des_ct_cbcdec_init: { id: 'des', mode: 'cbc' },
    br_des_ct_cbcdec_run: { id: 'des', mode: 'cbc' },
    br_aes_big_cbcenc_init: { id: 'aes', mode: 'cbc', args: { keyBytes: 2 } },
    br_aes_ct_ctr_init: { id: 'aes', mode: 'ctr', args: { keyBytes: 2 } },
    br_aes_ct64_ctr_init: { id: 'aes', mode: 'ctr', args: { keyBytes: 2 } },
    br_gcm_init: { id: 'aes', mode: 'gcm' },
    br_chacha20_ct_run: { id: 'chacha20' },
    br_poly1305_ctmul_run: { id: 'chacha20-poly1305' },
    br_ssl_engine_set_suites: { args: { suites: 1 } },
  }),
  symbols: Object.freeze(VTABLES),
});
