/**
 * OpenSSH default algorithm lists per release (myproposal.h KEX_SERVER_KEX, KEX_CLIENT_KEX,
 * KEX_DEFAULT_PK_ALG, KEX_SERVER_ENCRYPT, KEX_SERVER_MAC). A stated version uses the newest entry
 * not newer than it. `+`, `-` and `^` modifiers in sshd_config/ssh_config apply to these lists.
 */
import type { Source } from '../model/source.js';
import { PROTOCOL_SOURCES as S } from './tls-sources.js';

export interface OpensshDefaults {
  /** First release these lists apply to. */
  readonly since: string;
  readonly kexServer: readonly string[];
  readonly kexClient: readonly string[];
  readonly hostKeyAlgorithms: readonly string[];
  readonly ciphers: readonly string[];
  readonly macs: readonly string[];
  readonly source: Source;
}

const DH_CLIENT = [
  'diffie-hellman-group-exchange-sha256',
  'diffie-hellman-group16-sha512',
  'diffie-hellman-group18-sha512',
  'diffie-hellman-group14-sha256',
];
const ECDH = ['ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521'];
const CURVE = ['curve25519-sha256', 'curve25519-sha256@libssh.org'];
const PK_88 = [
  'ssh-ed25519-cert-v01@openssh.com',
  'ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'ecdsa-sha2-nistp384-cert-v01@openssh.com',
  'ecdsa-sha2-nistp521-cert-v01@openssh.com',
  'sk-ssh-ed25519-cert-v01@openssh.com',
  'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'rsa-sha2-512-cert-v01@openssh.com',
  'rsa-sha2-256-cert-v01@openssh.com',
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
  'rsa-sha2-512',
  'rsa-sha2-256',
];
const CIPHERS = [
  'chacha20-poly1305@openssh.com',
  'aes128-ctr',
  'aes192-ctr',
  'aes256-ctr',
  'aes128-gcm@openssh.com',
  'aes256-gcm@openssh.com',
];
const MACS = [
  'umac-64-etm@openssh.com',
  'umac-128-etm@openssh.com',
  'hmac-sha2-256-etm@openssh.com',
  'hmac-sha2-512-etm@openssh.com',
  'hmac-sha1-etm@openssh.com',
  'umac-64@openssh.com',
  'umac-128@openssh.com',
  'hmac-sha2-256',
  'hmac-sha2-512',
  'hmac-sha1',
];

const v85: string[] = [...CURVE, ...ECDH, 'sntrup761x25519-sha512@openssh.com', ...DH_CLIENT];
const v90: string[] = ['sntrup761x25519-sha512@openssh.com', ...CURVE, ...ECDH, ...DH_CLIENT];
const v99: string[] = [
  'sntrup761x25519-sha512',
  'sntrup761x25519-sha512@openssh.com',
  'mlkem768x25519-sha256',
  ...CURVE,
  ...ECDH,
  ...DH_CLIENT,
];
const v100Server: string[] = [
  'mlkem768x25519-sha256',
  'sntrup761x25519-sha512',
  'sntrup761x25519-sha512@openssh.com',
  ...CURVE,
  ...ECDH,
];

export const OPENSSH_DEFAULTS: readonly OpensshDefaults[] = Object.freeze([
  {
    since: '8.5',
    kexServer: v85,
    kexClient: v85,
    hostKeyAlgorithms: PK_88,
    ciphers: CIPHERS,
    macs: MACS,
    source: {
      title: 'openssh-portable myproposal.h 1.70 (8.8/8.9)',
      url: 'openssh/openssh-portable:myproposal.h',
      confidence: 'secondary',
    },
  },
  {
    since: '9.0',
    kexServer: v90,
    kexClient: v90,
    hostKeyAlgorithms: PK_88,
    ciphers: CIPHERS,
    macs: MACS,
    source: S.opensshRelease,
  },
  {
    since: '9.9',
    kexServer: v99,
    kexClient: v99,
    hostKeyAlgorithms: PK_88,
    ciphers: CIPHERS,
    macs: MACS,
    source: { ...S.opensshRelease, confidence: 'unverified' },
  },
  {
    since: '10.0',
    kexServer: v100Server,
    kexClient: [...v100Server, ...DH_CLIENT],
    hostKeyAlgorithms: PK_88,
    ciphers: CIPHERS,
    macs: MACS,
    source: S.opensshKex,
  },
] satisfies readonly OpensshDefaults[]);

/** Assumed when the scan states no OpenSSH version. */
export const DEFAULT_OPENSSH_VERSION = '9.2';

function cmpVersion(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Defaults of the newest listed release not newer than `version` (the oldest entry for older versions). */
export function opensshDefaultsFor(version: string): OpensshDefaults {
  let best = OPENSSH_DEFAULTS[0]!;
  for (const d of OPENSSH_DEFAULTS) if (cmpVersion(d.since, version) <= 0) best = d;
  return best;
}
