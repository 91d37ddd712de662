/**
 * Protocol-name strings in C (SSH algorithm lists such as `KEX_DEFAULT_KEX`, OpenSSL cipher strings, TLS 1.3
 * suite lists, TLS group lists), read with the parsers the configuration detectors use for `sshd_config`,
 * `ssl_ciphers` and `Groups`: one grammar per format, whatever file holds it. `classify` decides whether a
 * string found in data names algorithms at all (a string of words is not a cipher string); `list` reads a
 * string given to an API whose argument is known to be such a list.
 * Sources: OpenSSH ssh_config(5)/sshd_config(5) algorithm lists; OpenSSL 3.0 ciphers(1), SSL_CTX_set1_groups_list(3).
 */
import type { ProtocolFacts } from '@pqready/core';
import {
  cipherSuiteFacts,
  findCipherSuiteByOpensslName,
  findSshAlgorithm,
  findTls13CipherSuite,
  findTlsGroup,
  OPENSSL_CIPHER_SUITE_ROWS,
  SSH_ALGORITHMS,
  type SshAlgorithmKind,
  TLS_GROUPS,
  TLS13_CIPHER_SUITE_ROWS,
} from '@pqready/core';
import type { ProtocolKnowledge, ProtocolMeaning } from '../../c/knowledge.js';
import { CIPHER_ALIASES } from '../../config/openssl-cipher-aliases.js';
import { expandCipherString, expandCiphersuites } from '../../config/openssl-cipher-string.js';
import { applyAlgorithmList } from '../../config/ssh-parser.js';
import { parseGroupList, parseSignatureAlgorithmList } from '../../config/tls-lists.js';

const SSH_KINDS: readonly SshAlgorithmKind[] = ['kex', 'hostkey', 'cipher', 'mac'];
const SSH_NAME = /^[a-z0-9][a-z0-9@._+-]*$/;
const ALIASES: ReadonlySet<string> = new Set(CIPHER_ALIASES.map((a) => a.name));
/** Aliases that are also ordinary words: alone they do not make a string a cipher string. */
const GENERIC_ALIASES: ReadonlySet<string> = new Set([
  'ALL',
  'DEFAULT',
  'HIGH',
  'MEDIUM',
  'LOW',
  'FIPS',
  'NULL',
  'SHA',
]);

function sshRow(name: string) {
  for (const kind of SSH_KINDS) {
    const row = findSshAlgorithm(kind, name);
    if (row) return row;
  }
  return undefined;
}

function empty(type: ProtocolFacts['type']): ProtocolFacts {
  return { type, versions: [], cipherSuites: [], groups: [], signatureAlgorithms: [] };
}

/** An SSH algorithm-name list (`curve25519-sha256,ecdh-sha2-nistp256`), read as ssh_config reads a list. */
function sshNames(text: string): ProtocolMeaning | undefined {
  const names = applyAlgorithmList(text.replace(/^[\s,]+/, ''), []).map((n) => n.trim());
  if (names.length === 0 || !names.every((n) => SSH_NAME.test(n))) return undefined;
  const rows = names.map((n) => ({ name: n, row: sshRow(n) }));
  const known = rows.filter((r) => r.row);
  if (known.length === 0) return undefined;
  const facts: ProtocolFacts = {
    ...empty('ssh'),
    versions: ['2.0'],
    groups: known.filter((r) => r.row!.kind === 'kex').map((r) => ({ name: r.name, algorithm: r.row!.algorithm })),
    signatureAlgorithms: known
      .filter((r) => r.row!.kind === 'hostkey')
      .map((r) => ({ name: r.name, algorithm: r.row!.algorithm })),
    algorithms: known.filter((r) => r.row!.kind === 'cipher' || r.row!.kind === 'mac').map((r) => r.row!.algorithm),
  };
  return { facts, kind: 'ssh-names', unknownNames: rows.filter((r) => !r.row).map((r) => r.name), notes: [] };
}

const CIPHER_TOKEN = /^[!+-]?(@STRENGTH|@SECLEVEL=\d|[A-Za-z0-9_.+-]+)$/;

/**
 * Whether a string reads as an OpenSSL cipher string: `:`-separated rule words, most of them aliases or suite
 * names this OpenSSL knows (names of older versions, `EXPORT`, are ignored as OpenSSL ignores them), one at
 * least more than a common word. A single word counts only when it is a suite name: `AES` or `HIGH` alone is
 * a label, not a configuration.
 */
function looksLikeCipherString(text: string): boolean {
  const tokens = text.split(/[:,\s]+/).filter((t) => t !== '');
  if (tokens.length === 0 || !tokens.every((t) => CIPHER_TOKEN.test(t))) return false;
  if (tokens.length === 1) return findCipherSuiteByOpensslName(tokens[0]!) !== undefined;
  let specific = false;
  let known = 0;
  let unknown = 0;
  for (const t of tokens) {
    const body = t.replace(/^[!+-]/, '');
    if (body.startsWith('@')) continue;
    for (const part of body.split('+')) {
      if (findCipherSuiteByOpensslName(part)) {
        specific = true;
        known++;
      } else if (ALIASES.has(part)) {
        known++;
        if (!GENERIC_ALIASES.has(part)) specific = true;
      } else if (/^[A-Za-z0-9_.-]+$/.test(part)) unknown++;
      else return false;
    }
  }
  return specific && unknown <= known;
}

function cipherString(text: string): ProtocolMeaning | undefined {
  const r = expandCipherString(text);
  if (!r.ok || r.suites.length === 0) return undefined;
  const notes = r.unknownNames.length > 0 ? [`names OpenSSL 3.0 ignores: ${r.unknownNames.join(', ')}`] : [];
  return {
    facts: { ...empty('tls'), cipherSuites: r.suites.map(cipherSuiteFacts) },
    kind: 'cipher-string',
    unknownNames: r.unknownNames,
    notes,
  };
}

function tls13Suites(text: string): ProtocolMeaning | undefined {
  const r = expandCiphersuites(text);
  if (r.suites.length === 0) return undefined;
  return {
    facts: { ...empty('tls'), versions: ['1.3'], cipherSuites: r.suites.map(cipherSuiteFacts) },
    kind: 'tls13-suites',
    unknownNames: r.unknownNames,
    notes: [],
  };
}

function groups(text: string, strict: boolean): ProtocolMeaning | undefined {
  const tokens = text
    .split(/[:,/\s]+/)
    .map((t) => t.replace(/^[?*]+/, ''))
    .filter((t) => t !== '' && !t.startsWith('-'));
  if (tokens.length === 0) return undefined;
  if (strict && !tokens.every((t) => findTlsGroup(t))) return undefined;
  const list = parseGroupList(text);
  if (!list.some((g) => g.algorithm.id !== 'unknown' || g.algorithm.components)) return undefined;
  return {
    facts: { ...empty('tls'), groups: list },
    kind: 'groups',
    unknownNames: list.filter((g) => g.algorithm.id === 'unknown' && !g.algorithm.components).map((g) => g.name),
    notes: [],
  };
}

function sigalgs(text: string): ProtocolMeaning | undefined {
  const list = parseSignatureAlgorithmList(text);
  if (list.length === 0) return undefined;
  return {
    facts: { ...empty('tls'), signatureAlgorithms: list },
    kind: 'sigalgs',
    unknownNames: list.filter((g) => g.algorithm.id === 'unknown').map((g) => g.name),
    notes: [],
  };
}

/** Names a constant is given when it holds a group list (`DEFAULT_CURVES`, `ecdh_curve`, `kex_groups`). */
const GROUP_HINT = /curve|group|ecdh|kex/i;

export const PROTOCOL_STRINGS: ProtocolKnowledge = {
  classify(text, hint) {
    const t = text.trim();
    if (t.length === 0 || t.length > 4096) return undefined;
    if (/^[a-z0-9,@._+-]+$/.test(t) && /[a-z]/.test(t)) {
      const ssh = sshNames(t);
      if (ssh) return ssh;
    }
    const tokens = t.split(/[:,\s]+/).filter((x) => x !== '');
    if (tokens.length > 0 && tokens.every((x) => findTls13CipherSuite(x))) return tls13Suites(t);
    // One group name alone is a label as often as a setting (`"P-256"` printed, an algorithm's name).
    if (
      tokens.length > 0 &&
      (tokens.length > 1 || (hint !== undefined && GROUP_HINT.test(hint))) &&
      tokens.every((x) => findTlsGroup(x.replace(/^[?*]+/, '')))
    )
      return groups(t, true);
    if (looksLikeCipherString(t)) return cipherString(t);
    return undefined;
  },
  list(kind, text) {
    if (kind === 'groups') return groups(text, false);
    if (kind === 'sigalgs') return sigalgs(text);
    const t = text.trim();
    const tokens = t.split(/[:,\s]+/).filter((x) => x !== '');
    if (tokens.length > 0 && tokens.every((x) => findTls13CipherSuite(x))) return tls13Suites(t);
    return cipherString(t);
  },
};

/** Lower-case first names a protocol-name string can start with (the extraction's cheap first test). */
export const PROTOCOL_WORDS: readonly string[] = Object.freeze(
  [
    ...new Set(
      [
        ...SSH_ALGORITHMS.map((r) => r.name),
        ...TLS_GROUPS.flatMap((g) => [g.name, ...g.aliases]),
        ...CIPHER_ALIASES.map((a) => a.name),
        ...OPENSSL_CIPHER_SUITE_ROWS.map((r) => r.openssl),
        ...TLS13_CIPHER_SUITE_ROWS.map((r) => r.iana),
      ].map((n) => n.toLowerCase()),
    ),
  ].sort(),
);
