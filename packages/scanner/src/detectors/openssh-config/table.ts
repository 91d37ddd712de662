/**
 * OpenSSH configuration knowledge: which keywords select which algorithm family, which keywords sshd allows
 * inside `Match` (sshd_config(5) "Match"), and the names that mark a file as an OpenSSH config.
 */

export type SshListKind = 'kex' | 'hostkey' | 'cipher' | 'mac' | 'pubkey' | 'casig';

/** Keyword → list kind; aliases renamed in OpenSSH 8.5 (PubkeyAcceptedKeyTypes) are kept. */
export const SSH_LIST_KEYWORDS: Readonly<Record<string, SshListKind>> = Object.freeze({
  kexalgorithms: 'kex',
  hostkeyalgorithms: 'hostkey',
  ciphers: 'cipher',
  macs: 'mac',
  pubkeyacceptedalgorithms: 'pubkey',
  pubkeyacceptedkeytypes: 'pubkey',
  casignaturealgorithms: 'casig',
});

/**
 * CASignatureAlgorithms default by first OpenSSH version (myproposal.h SSH_ALLOWED_CA_SIGALGS): added in 7.9
 * (before it, any signature algorithm a certificate used was accepted, as for PubkeyAcceptedAlgorithms), ssh-rsa
 * (SHA-1) dropped in 8.2, Ed25519 moved first in 8.5. It is a separate setting from PubkeyAcceptedAlgorithms:
 * setting one leaves the other at its default.
 * Source: openssh/openssh-portable myproposal.h, commits 4cc259bac (V_7_9_P1), c3368a5d5 (V_8_2_P1), 12ae8f95e
 * (V_8_5_P1).
 */
export const SSH_CA_SIGNATURE_DEFAULTS: readonly { readonly since: string; readonly value?: readonly string[] }[] =
  Object.freeze([
    { since: '0.0' },
    {
      since: '7.9',
      value: [
        'ecdsa-sha2-nistp256',
        'ecdsa-sha2-nistp384',
        'ecdsa-sha2-nistp521',
        'ssh-ed25519',
        'rsa-sha2-512',
        'rsa-sha2-256',
        'ssh-rsa',
      ],
    },
    {
      since: '8.2',
      value: [
        'ecdsa-sha2-nistp256',
        'ecdsa-sha2-nistp384',
        'ecdsa-sha2-nistp521',
        'sk-ecdsa-sha2-nistp256@openssh.com',
        'ssh-ed25519',
        'sk-ssh-ed25519@openssh.com',
        'rsa-sha2-512',
        'rsa-sha2-256',
      ],
    },
    {
      since: '8.5',
      value: [
        'ssh-ed25519',
        'ecdsa-sha2-nistp256',
        'ecdsa-sha2-nistp384',
        'ecdsa-sha2-nistp521',
        'sk-ssh-ed25519@openssh.com',
        'sk-ecdsa-sha2-nistp256@openssh.com',
        'rsa-sha2-512',
        'rsa-sha2-256',
      ],
    },
  ]);

/** sshd keywords permitted inside Match that change algorithms (KexAlgorithms, Ciphers, MACs are not). */
export const SSHD_MATCH_ALLOWED: readonly string[] = Object.freeze([
  'pubkeyacceptedalgorithms',
  'pubkeyacceptedkeytypes',
  'hostbasedacceptedalgorithms',
  'casignaturealgorithms',
]);

/** Keywords only sshd understands: their presence marks a server config. */
export const SSHD_ONLY_KEYWORDS: readonly string[] = Object.freeze([
  'hostkey',
  'permitrootlogin',
  'subsystem',
  'usepam',
  'authorizedkeysfile',
  'listenaddress',
  'x11forwarding',
  'printmotd',
  'acceptenv',
]);

export const SSH_KNOWN_KEYWORDS: readonly string[] = Object.freeze([
  ...SSHD_ONLY_KEYWORDS,
  'port',
  'protocol',
  'kexalgorithms',
  'ciphers',
  'macs',
  'hostkeyalgorithms',
  'pubkeyauthentication',
  'passwordauthentication',
  'challengeresponseauthentication',
  'kbdinteractiveauthentication',
  'stricthostkeychecking',
  'identityfile',
  'hostname',
  'user',
  'forwardagent',
  'sendenv',
  'include',
]);
