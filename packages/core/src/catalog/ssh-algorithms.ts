/**
 * SSH algorithm names (key exchange, host key / public key, cipher, MAC) and what they are in catalog ids.
 * Names as in the IANA SSH registries and OpenSSH's kex-names.c / cipher.c / mac.c.
 */
import type { AlgorithmRef } from '../model/finding.js';
import type { Source } from '../model/source.js';
import { PROTOCOL_SOURCES as S } from './tls-sources.js';

export type SshAlgorithmKind = 'kex' | 'hostkey' | 'cipher' | 'mac';

export interface SshAlgorithmRow {
  readonly name: string;
  readonly kind: SshAlgorithmKind;
  readonly algorithm: AlgorithmRef;
  /** Key exchange with a post-quantum component (OpenSSH KEX_IS_PQ). */
  readonly pq?: 'hybrid' | 'pq' | 'obsolete-pq-draft';
  readonly source: Source;
}

const x25519: AlgorithmRef = { id: 'x25519' };
const kex = (
  name: string,
  algorithm: AlgorithmRef,
  source: Source = S.rfc9142,
  pq?: SshAlgorithmRow['pq'],
): SshAlgorithmRow => (pq ? { name, kind: 'kex', algorithm, pq, source } : { name, kind: 'kex', algorithm, source });
const hk = (name: string, algorithm: AlgorithmRef, source: Source = S.rfc4253): SshAlgorithmRow => ({
  name,
  kind: 'hostkey',
  algorithm,
  source,
});
const ci = (name: string, algorithm: AlgorithmRef): SshAlgorithmRow => ({
  name,
  kind: 'cipher',
  algorithm,
  source: S.rfc4253,
});
const mac = (name: string, algorithm: AlgorithmRef): SshAlgorithmRow => ({
  name,
  kind: 'mac',
  algorithm,
  source: S.rfc4253,
});
const dh = (bits: number, hash: string, parameterSet: string): AlgorithmRef => ({
  id: 'dh',
  keyBits: bits,
  hash,
  parameterSet,
});
const mlkem768x25519: AlgorithmRef = {
  id: 'mlkem768x25519-sha256',
  components: [{ id: 'ml-kem-768' }, x25519],
  hash: 'sha-256',
};
const sntrup: AlgorithmRef = {
  id: 'sntrup761x25519-sha512',
  components: [{ id: 'ntru', parameterSet: 'sntrup761' }, x25519],
  hash: 'sha-512',
};

export const SSH_ALGORITHMS: readonly SshAlgorithmRow[] = Object.freeze([
  kex('mlkem768x25519-sha256', mlkem768x25519, S.opensshKex, 'hybrid'),
  kex(
    'mlkem768nistp256-sha256',
    {
      id: 'unknown',
      parameterSet: 'mlkem768nistp256-sha256',
      components: [{ id: 'ml-kem-768' }, { id: 'ecdh', curve: 'p-256' }],
    },
    S.sshMlkem,
    'hybrid',
  ),
  kex(
    'mlkem1024nistp384-sha384',
    {
      id: 'unknown',
      parameterSet: 'mlkem1024nistp384-sha384',
      components: [{ id: 'ml-kem-1024' }, { id: 'ecdh', curve: 'p-384' }],
    },
    S.sshMlkem,
    'hybrid',
  ),
  kex('sntrup761x25519-sha512', sntrup, S.opensshKex, 'hybrid'),
  kex('sntrup761x25519-sha512@openssh.com', sntrup, S.opensshKex, 'hybrid'),
  kex(
    'sntrup4591761x25519-sha512@tinyssh.org',
    { ...sntrup, id: 'unknown', parameterSet: 'sntrup4591761x25519-sha512' },
    S.opensshKex,
    'obsolete-pq-draft',
  ),
  kex('curve25519-sha256', { id: 'x25519', hash: 'sha-256' }),
  kex('curve25519-sha256@libssh.org', { id: 'x25519', hash: 'sha-256' }),
  kex('curve448-sha512', { id: 'x448', hash: 'sha-512' }),
  kex('ecdh-sha2-nistp256', { id: 'ecdh', curve: 'p-256', hash: 'sha-256' }, S.rfc5656),
  kex('ecdh-sha2-nistp384', { id: 'ecdh', curve: 'p-384', hash: 'sha-384' }, S.rfc5656),
  kex('ecdh-sha2-nistp521', { id: 'ecdh', curve: 'p-521', hash: 'sha-512' }, S.rfc5656),
  kex('diffie-hellman-group1-sha1', dh(1024, 'sha-1', 'oakley-group-2')),
  kex('diffie-hellman-group14-sha1', dh(2048, 'sha-1', 'modp2048')),
  kex('diffie-hellman-group14-sha256', dh(2048, 'sha-256', 'modp2048')),
  kex('diffie-hellman-group16-sha512', dh(4096, 'sha-512', 'modp4096')),
  kex('diffie-hellman-group18-sha512', dh(8192, 'sha-512', 'modp8192')),
  kex('diffie-hellman-group-exchange-sha1', { id: 'dh', hash: 'sha-1', parameterSet: 'group-exchange' }),
  kex('diffie-hellman-group-exchange-sha256', { id: 'dh', hash: 'sha-256', parameterSet: 'group-exchange' }),
  hk('ssh-ed25519', { id: 'ed25519' }, S.rfc8709),
  hk('ssh-ed25519-cert-v01@openssh.com', { id: 'ed25519' }, S.rfc8709),
  hk('sk-ssh-ed25519@openssh.com', { id: 'ed25519' }, S.rfc8709),
  hk('sk-ssh-ed25519-cert-v01@openssh.com', { id: 'ed25519' }, S.rfc8709),
  hk('ssh-ed448', { id: 'ed448' }, S.rfc8709),
  hk('ecdsa-sha2-nistp256', { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }, S.rfc5656),
  hk('ecdsa-sha2-nistp384', { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' }, S.rfc5656),
  hk('ecdsa-sha2-nistp521', { id: 'ecdsa', curve: 'p-521', hash: 'sha-512' }, S.rfc5656),
  hk('ecdsa-sha2-nistp256-cert-v01@openssh.com', { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }, S.rfc5656),
  hk('ecdsa-sha2-nistp384-cert-v01@openssh.com', { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' }, S.rfc5656),
  hk('ecdsa-sha2-nistp521-cert-v01@openssh.com', { id: 'ecdsa', curve: 'p-521', hash: 'sha-512' }, S.rfc5656),
  hk('sk-ecdsa-sha2-nistp256@openssh.com', { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }, S.rfc5656),
  hk('sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }, S.rfc5656),
  hk('rsa-sha2-256', { id: 'rsa-pkcs1v15', hash: 'sha-256' }, S.rfc8332),
  hk('rsa-sha2-512', { id: 'rsa-pkcs1v15', hash: 'sha-512' }, S.rfc8332),
  hk('rsa-sha2-256-cert-v01@openssh.com', { id: 'rsa-pkcs1v15', hash: 'sha-256' }, S.rfc8332),
  hk('rsa-sha2-512-cert-v01@openssh.com', { id: 'rsa-pkcs1v15', hash: 'sha-512' }, S.rfc8332),
  hk('ssh-rsa', { id: 'rsa-pkcs1v15', hash: 'sha-1' }),
  hk('ssh-rsa-cert-v01@openssh.com', { id: 'rsa-pkcs1v15', hash: 'sha-1' }),
  hk('ssh-dss', { id: 'dsa', keyBits: 1024, hash: 'sha-1' }),
  hk('ssh-dss-cert-v01@openssh.com', { id: 'dsa', keyBits: 1024, hash: 'sha-1' }),
  ci('chacha20-poly1305@openssh.com', { id: 'chacha20-poly1305', keyBits: 256 }),
  ci('aes128-ctr', { id: 'aes', keyBits: 128, mode: 'ctr' }),
  ci('aes192-ctr', { id: 'aes', keyBits: 192, mode: 'ctr' }),
  ci('aes256-ctr', { id: 'aes', keyBits: 256, mode: 'ctr' }),
  ci('aes128-gcm@openssh.com', { id: 'aes', keyBits: 128, mode: 'gcm' }),
  ci('aes256-gcm@openssh.com', { id: 'aes', keyBits: 256, mode: 'gcm' }),
  ci('aes128-cbc', { id: 'aes', keyBits: 128, mode: 'cbc' }),
  ci('aes192-cbc', { id: 'aes', keyBits: 192, mode: 'cbc' }),
  ci('aes256-cbc', { id: 'aes', keyBits: 256, mode: 'cbc' }),
  ci('rijndael-cbc@lysator.liu.se', { id: 'aes', keyBits: 256, mode: 'cbc' }),
  ci('3des-cbc', { id: '3des', keyBits: 168, mode: 'cbc' }),
  ci('blowfish-cbc', { id: 'blowfish', keyBits: 128, mode: 'cbc' }),
  ci('cast128-cbc', { id: 'cast5', keyBits: 128, mode: 'cbc' }),
  ci('arcfour', { id: 'rc4', keyBits: 128 }),
  ci('arcfour128', { id: 'rc4', keyBits: 128 }),
  ci('arcfour256', { id: 'rc4', keyBits: 256 }),
  mac('hmac-sha1', { id: 'hmac', hash: 'sha-1' }),
  mac('hmac-sha1-96', { id: 'hmac', hash: 'sha-1' }),
  mac('hmac-sha2-256', { id: 'hmac', hash: 'sha-256' }),
  mac('hmac-sha2-512', { id: 'hmac', hash: 'sha-512' }),
  mac('hmac-md5', { id: 'hmac', hash: 'md5' }),
  mac('hmac-md5-96', { id: 'hmac', hash: 'md5' }),
  mac('umac-64@openssh.com', { id: 'umac', parameterSet: '64' }),
  mac('umac-128@openssh.com', { id: 'umac', parameterSet: '128' }),
  mac('hmac-sha1-etm@openssh.com', { id: 'hmac', hash: 'sha-1' }),
  mac('hmac-sha1-96-etm@openssh.com', { id: 'hmac', hash: 'sha-1' }),
  mac('hmac-sha2-256-etm@openssh.com', { id: 'hmac', hash: 'sha-256' }),
  mac('hmac-sha2-512-etm@openssh.com', { id: 'hmac', hash: 'sha-512' }),
  mac('hmac-md5-etm@openssh.com', { id: 'hmac', hash: 'md5' }),
  mac('umac-64-etm@openssh.com', { id: 'umac', parameterSet: '64' }),
  mac('umac-128-etm@openssh.com', { id: 'umac', parameterSet: '128' }),
] satisfies readonly SshAlgorithmRow[]);

const index = new Map(SSH_ALGORITHMS.map((r) => [`${r.kind}:${r.name}`, r]));

export function findSshAlgorithm(kind: SshAlgorithmKind, name: string): SshAlgorithmRow | undefined {
  return index.get(`${kind}:${name}`);
}
