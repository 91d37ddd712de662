/**
 * OpenSSH configuration knowledge: which keywords select which algorithm family, which keywords sshd allows
 * inside `Match` (sshd_config(5) "Match"), and the names that mark a file as an OpenSSH config.
 */

export type SshListKind = 'kex' | 'hostkey' | 'cipher' | 'mac' | 'pubkey';

/** Keyword → list kind; aliases renamed in OpenSSH 8.5 (PubkeyAcceptedKeyTypes) are kept. */
export const SSH_LIST_KEYWORDS: Readonly<Record<string, SshListKind>> = Object.freeze({
  kexalgorithms: 'kex',
  hostkeyalgorithms: 'hostkey',
  ciphers: 'cipher',
  macs: 'mac',
  pubkeyacceptedalgorithms: 'pubkey',
  pubkeyacceptedkeytypes: 'pubkey',
  casignaturealgorithms: 'pubkey',
});

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
