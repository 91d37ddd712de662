/**
 * SSH public key types: wire layout and catalog algorithm. Sources: RFC 4253 §6.6 (ssh-rsa,
 * ssh-dss), RFC 5656 §6.2 (ecdsa-sha2-nistp*; curve → hash per §6.2.1), RFC 8709 §4
 * (ssh-ed25519, ssh-ed448), OpenSSH PROTOCOL.u2f (sk-*), PROTOCOL.certkeys (*-cert-v01).
 */
import type { AlgorithmRef } from '@pqready/core';
import type { SshLayout } from '../../pki/ssh-wire.js';

interface SshKeyType {
  readonly name: string;
  readonly layout: SshLayout;
  readonly algorithm: AlgorithmRef;
  readonly certificate?: boolean;
  readonly source: string;
}

const base = [
  { name: 'ssh-rsa', layout: 'rsa', algorithm: { id: 'rsa' }, source: 'RFC 4253 §6.6' },
  { name: 'ssh-dss', layout: 'dss', algorithm: { id: 'dsa', hash: 'sha-1' }, source: 'RFC 4253 §6.6' },
  {
    name: 'ecdsa-sha2-nistp256',
    layout: 'ecdsa',
    algorithm: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
    source: 'RFC 5656 §6.2',
  },
  {
    name: 'ecdsa-sha2-nistp384',
    layout: 'ecdsa',
    algorithm: { id: 'ecdsa', curve: 'p-384', hash: 'sha-384' },
    source: 'RFC 5656 §6.2',
  },
  {
    name: 'ecdsa-sha2-nistp521',
    layout: 'ecdsa',
    algorithm: { id: 'ecdsa', curve: 'p-521', hash: 'sha-512' },
    source: 'RFC 5656 §6.2',
  },
  { name: 'ssh-ed25519', layout: 'eddsa', algorithm: { id: 'ed25519' }, source: 'RFC 8709 §4' },
  { name: 'ssh-ed448', layout: 'eddsa', algorithm: { id: 'ed448' }, source: 'RFC 8709 §4' },
  {
    name: 'sk-ecdsa-sha2-nistp256@openssh.com',
    layout: 'sk-ecdsa',
    algorithm: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' },
    source: 'OpenSSH PROTOCOL.u2f',
  },
  {
    name: 'sk-ssh-ed25519@openssh.com',
    layout: 'sk-eddsa',
    algorithm: { id: 'ed25519' },
    source: 'OpenSSH PROTOCOL.u2f',
  },
] as const satisfies readonly SshKeyType[];

/** `<type>-cert-v01@openssh.com` for plain names, `<type-without-@openssh.com>-cert-v01@openssh.com` for sk-*. */
const certName = (name: string) => `${name.replace(/@openssh\.com$/, '')}-cert-v01@openssh.com`;

const SSH_KEY_TYPES: readonly SshKeyType[] = Object.freeze([
  ...base,
  ...base.map((t) => ({ ...t, name: certName(t.name), certificate: true, source: 'OpenSSH PROTOCOL.certkeys' })),
]);

export const SSH_KEY_TYPE_BY_NAME: ReadonlyMap<string, SshKeyType> = new Map(SSH_KEY_TYPES.map((t) => [t.name, t]));

/** File names that hold one key per line. */
export const SSH_KEY_FILE_NAMES: Readonly<Record<string, 'authorized_keys' | 'known_hosts'>> = Object.freeze({
  authorized_keys: 'authorized_keys',
  authorized_keys2: 'authorized_keys',
  known_hosts: 'known_hosts',
  known_hosts2: 'known_hosts',
  ssh_known_hosts: 'known_hosts',
  ssh_known_hosts2: 'known_hosts',
});

/** RFC 5656 §6.1 curve names in ecdsa blobs → catalog curve ids. */
export const SSH_CURVES: Readonly<Record<string, string>> = Object.freeze({
  nistp256: 'p-256',
  nistp384: 'p-384',
  nistp521: 'p-521',
});
