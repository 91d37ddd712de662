/**
 * OpenSSL 3.0 cipher-string expansion (`SSL_CTX_set_cipher_list`, `openssl ciphers`): turns a rule string such
 * as `ECDHE+AESGCM:!aNULL:@STRENGTH` into the ordered list of concrete TLS ≤ 1.2 suites, following
 * ssl/ssl_ciph.c: ssl_cipher_process_rulestr (tokenising, `+` alias combination, `! - + @` operators),
 * ssl_cipher_apply_rule (ADD/DEL/ORD/KILL on one ordered list) and ssl_cipher_strength_sort (@STRENGTH).
 * The starting order is OpenSSL 3.0's built-in preference order, carried by the generated suite table.
 * TLS 1.3 suites are configured separately (`Ciphersuites`) and are handled by `expandCiphersuites`.
 */
import type { OpensslCipherSuiteRow, Tls13CipherSuiteRow } from '@pqready/core';
import { OPENSSL_CIPHER_SUITE_ROWS, TLS13_CIPHER_SUITE_ROWS } from '@pqready/core';
import {
  CIPHER_ALIASES,
  type CipherAliasRow,
  type MaskSpec,
  OPENSSL_DEFAULT_CIPHER_LIST,
  OPENSSL_DEFAULT_CIPHERSUITES,
  SUITEB_RULES,
} from './openssl-cipher-aliases.js';

interface CipherStringResult {
  /** False when OpenSSL would reject the string (syntax error, or no TLS ≤ 1.2 suite left). */
  readonly ok: boolean;
  readonly suites: readonly OpensslCipherSuiteRow[];
  /** Last `@SECLEVEL=n` in the string, if any (applied by the SSL layer, not by the list itself). */
  readonly secLevel?: number;
  /** Why OpenSSL would reject the string. */
  readonly errors: readonly string[];
  /** Names that are neither a suite nor an alias this OpenSSL knows (OpenSSL ignores them silently). */
  readonly unknownNames: readonly string[];
}

type Rule = 'add' | 'kill' | 'del' | 'ord' | 'special';

const KX_BITS = ['kRSA', 'kDHE', 'kECDHE', 'kPSK', 'kRSAPSK', 'kECDHEPSK', 'kDHEPSK', 'kSRP', 'kGOST'];
const AU_BITS = ['aRSA', 'aDSS', 'aNULL', 'aECDSA', 'aPSK', 'aSRP', 'aGOST01', 'aGOST12'];
const ENC_BITS = [
  'DES',
  '3DES',
  'RC4',
  'RC2',
  'IDEA',
  'eNULL',
  'AES128',
  'AES256',
  'AES128GCM',
  'AES256GCM',
  'AES128CCM',
  'AES256CCM',
  'AES128CCM8',
  'AES256CCM8',
  'CAMELLIA128',
  'CAMELLIA256',
  'SEED',
  'CHACHA20POLY1305',
  'ARIA128GCM',
  'ARIA256GCM',
];
const MAC_BITS = ['MD5', 'SHA1', 'SHA256', 'SHA384', 'AEAD'];
// ssl_local.h: SSL_STRONG_NONE 0x01, SSL_LOW 0x02, SSL_MEDIUM 0x04, SSL_HIGH 0x08, SSL_FIPS 0x10 (SSL_STRONG_MASK 0x1f),
// SSL_NOT_DEFAULT 0x20 (SSL_DEFAULT_MASK).
const STRENGTH_BIT: Readonly<Record<string, number>> = {
  none: 0x01,
  LOW: 0x02,
  low: 0x02,
  MEDIUM: 0x04,
  medium: 0x04,
  HIGH: 0x08,
  high: 0x08,
  FIPS: 0x10,
  NOT_DEFAULT: 0x20,
};
const STRONG_MASK = 0x1f;
const DEFAULT_MASK = 0x20;

function bitOf(names: readonly string[], name: string): number {
  const i = names.indexOf(name);
  return i < 0 ? 0 : 1 << i;
}

function maskOf(names: readonly string[], spec: MaskSpec | undefined): number {
  if (spec === undefined) return 0;
  if ('not' in spec) return ~spec.not.reduce((m, n) => m | bitOf(names, n), 0) >>> 0;
  return spec.reduce((m, n) => m | bitOf(names, n), 0) >>> 0;
}

/** The selection part of one entry of OpenSSL's `ca_list` (a suite or an alias). */
interface Selector {
  readonly name: string;
  readonly kx: number;
  readonly au: number;
  readonly enc: number;
  readonly mac: number;
  readonly strength: number;
  readonly minTls?: string;
  /** Set for a concrete suite: OpenSSL then matches that suite only and ignores its protocol version. */
  readonly suite?: OpensslCipherSuiteRow;
}

interface Suite extends Selector {
  readonly suite: OpensslCipherSuiteRow;
}

const SUITES: readonly Suite[] = OPENSSL_CIPHER_SUITE_ROWS.map((row) => ({
  name: row.openssl,
  kx: bitOf(KX_BITS, row.kx),
  au: bitOf(AU_BITS, row.au),
  enc: bitOf(ENC_BITS, row.enc),
  mac: bitOf(MAC_BITS, row.mac),
  strength: (STRENGTH_BIT[row.strength] ?? 0) | (row.fips ? 0x10 : 0) | (row.notDefault ? 0x20 : 0),
  suite: row,
}));

function aliasSelector(a: CipherAliasRow): Selector {
  const sel: Selector = {
    name: a.name,
    kx: maskOf(KX_BITS, a.kx),
    au: maskOf(AU_BITS, a.au),
    enc: maskOf(ENC_BITS, a.enc),
    mac: maskOf(MAC_BITS, a.mac),
    strength: (a.strength ?? []).reduce((m, s) => m | (STRENGTH_BIT[s] ?? 0), 0),
  };
  return a.minTls ? { ...sel, minTls: a.minTls } : sel;
}

// ca_list order: the suites first, then the aliases; the first exact name wins.
const CA_LIST = new Map<string, Selector>();
for (const s of SUITES) CA_LIST.set(s.name, s);
for (const a of CIPHER_ALIASES) if (!CA_LIST.has(a.name)) CA_LIST.set(a.name, aliasSelector(a));

interface Pattern {
  kx: number;
  au: number;
  enc: number;
  mac: number;
  strength: number;
  minTls?: string;
  suite?: OpensslCipherSuiteRow;
}

interface Node {
  readonly s: Suite;
  active: boolean;
}

const isSep = (c: string | undefined): boolean => c === ':' || c === ' ' || c === ';' || c === ',';
const isTokenChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9.=-]/.test(c);

function matches(s: Suite, p: Pattern): boolean {
  if (p.suite && p.suite !== s.suite) return false;
  if (p.kx && !(p.kx & s.kx)) return false;
  if (p.au && !(p.au & s.au)) return false;
  if (p.enc && !(p.enc & s.enc)) return false;
  if (p.mac && !(p.mac & s.mac)) return false;
  if (p.minTls && p.minTls !== s.suite.minVersion) return false;
  if (p.strength & STRONG_MASK && !(p.strength & STRONG_MASK & s.strength)) return false;
  if (p.strength & DEFAULT_MASK && !(p.strength & DEFAULT_MASK & s.strength)) return false;
  return true;
}

/** ssl_cipher_apply_rule over an array; `pick` selects by pattern or by strength bits (@STRENGTH). */
function applyRule(list: Node[], rule: Exclude<Rule, 'special'>, pick: (s: Suite) => boolean): Node[] {
  switch (rule) {
    case 'add':
    case 'ord': {
      const moved = list.filter((n) => pick(n.s) && (rule === 'add' ? !n.active : n.active));
      if (moved.length === 0) return list;
      const set = new Set(moved);
      for (const n of moved) n.active = true;
      return [...list.filter((n) => !set.has(n)), ...moved];
    }
    case 'del': {
      // Reverse walk prepending each hit: the deleted suites end up first, in their previous order.
      const moved = list.filter((n) => pick(n.s) && n.active);
      if (moved.length === 0) return list;
      const set = new Set(moved);
      for (const n of moved) n.active = false;
      return [...moved, ...list.filter((n) => !set.has(n))];
    }
    case 'kill':
      return list.filter((n) => {
        if (!pick(n.s)) return true;
        n.active = false;
        return false;
      });
  }
}

function strengthSort(list: Node[]): Node[] {
  const used = new Set(list.filter((n) => n.active).map((n) => n.s.suite.strengthBits));
  let out = list;
  for (const bits of [...used].sort((a, b) => b - a)) out = applyRule(out, 'ord', (s) => s.suite.strengthBits === bits);
  return out;
}

interface RuleState {
  list: Node[];
  secLevel?: number;
  readonly errors: string[];
  readonly unknown: string[];
}

/** ssl_cipher_process_rulestr: returns false when OpenSSL reports an error (it still processes the rest). */
function processRuleString(str: string, st: RuleState): boolean {
  let ok = true;
  let l = 0;
  for (;;) {
    let ch = str[l];
    if (ch === undefined) break;
    let rule: Rule = 'add';
    if (ch === '-') rule = 'del';
    else if (ch === '+') rule = 'ord';
    else if (ch === '!') rule = 'kill';
    else if (ch === '@') rule = 'special';
    if (rule !== 'add') l++;
    if (isSep(ch)) {
      l++;
      continue;
    }
    const p: Pattern = { kx: 0, au: 0, enc: 0, mac: 0, strength: 0 };
    let found = false;
    let buf = '';
    for (;;) {
      const start = l;
      while (isTokenChar(str[l])) l++;
      buf = str.slice(start, l);
      ch = str[l];
      if (buf.length === 0) {
        st.errors.push(`invalid character ${JSON.stringify(str[l] ?? '')} at offset ${l}`);
        ok = false;
        found = false;
        l++;
        break;
      }
      if (rule === 'special') break;
      const multi = ch === '+';
      if (multi) l++;
      const sel = CA_LIST.get(buf);
      if (!sel) {
        st.unknown.push(buf);
        found = false;
        break;
      }
      found = combine(p, sel);
      if (!found) break;
      if (!multi) break;
    }
    if (rule === 'special') {
      if (buf === 'STRENGTH') st.list = strengthSort(st.list);
      else if (buf.length === 10 && buf.startsWith('SECLEVEL=') && /[0-5]/.test(buf[9]!)) st.secLevel = Number(buf[9]);
      else if (buf.length > 0) {
        st.errors.push(`unknown command @${buf}`);
        ok = false;
      }
      while (str[l] !== undefined && !isSep(str[l])) l++;
    } else if (found) {
      st.list = applyRule(st.list, rule, (s) => matches(s, p));
    } else {
      while (str[l] !== undefined && !isSep(str[l])) l++;
    }
    if (str[l] === undefined) break;
  }
  return ok;
}

/** Intersects one `+`-joined part into the pattern; false when a dimension becomes empty (rule ignored). */
function combine(p: Pattern, sel: Selector): boolean {
  for (const k of ['kx', 'au', 'enc', 'mac'] as const) {
    if (!sel[k]) continue;
    if (p[k]) {
      p[k] = (p[k] & sel[k]) >>> 0;
      if (!p[k]) return false;
    } else p[k] = sel[k];
  }
  const strong = sel.strength & STRONG_MASK;
  if (strong) {
    if (p.strength & STRONG_MASK) {
      p.strength &= strong | ~STRONG_MASK;
      if (!(p.strength & STRONG_MASK)) return false;
    } else p.strength = strong;
  }
  const def = sel.strength & DEFAULT_MASK;
  if (def) {
    if (p.strength & DEFAULT_MASK) {
      p.strength &= def | ~DEFAULT_MASK;
      if (!(p.strength & DEFAULT_MASK)) return false;
    } else p.strength |= def;
  }
  if (sel.suite) p.suite = sel.suite;
  else if (sel.minTls) {
    if (p.minTls && p.minTls !== sel.minTls) return false;
    p.minTls = sel.minTls;
  }
  return true;
}

/** Expands an OpenSSL 3.0 cipher string exactly as `SSL_CTX_set_cipher_list` does. */
export function expandCipherString(input: string): CipherStringResult {
  let str = input;
  const suiteB = SUITEB_RULES.find((r) => str.startsWith(r.prefix));
  if (suiteB) str = suiteB.rules;
  const st: RuleState = { list: SUITES.map((s) => ({ s, active: false })), errors: [], unknown: [] };
  let ok = true;
  let rest = str;
  if (str.startsWith('DEFAULT')) {
    ok = processRuleString(OPENSSL_DEFAULT_CIPHER_LIST, st);
    rest = str.slice(7);
    if (rest.startsWith(':')) rest = rest.slice(1);
  }
  if (ok && rest.length > 0) ok = processRuleString(rest, st);
  const suites = ok ? st.list.filter((n) => n.active).map((n) => n.s.suite) : [];
  const errors = [...st.errors];
  if (ok && suites.length === 0) errors.push('no cipher suite matches the string');
  return {
    ok: ok && suites.length > 0,
    suites,
    ...(st.secLevel !== undefined ? { secLevel: st.secLevel } : {}),
    errors,
    unknownNames: [...new Set(st.unknown)],
  };
}

interface CiphersuitesResult {
  readonly suites: readonly Tls13CipherSuiteRow[];
  readonly unknownNames: readonly string[];
}

/** TLS 1.3 `Ciphersuites` / `-ciphersuites` list: colon-separated IANA names, unknown names skipped. */
export function expandCiphersuites(input: string = OPENSSL_DEFAULT_CIPHERSUITES): CiphersuitesResult {
  const suites: Tls13CipherSuiteRow[] = [];
  const unknown: string[] = [];
  for (const name of input.split(':').map((s) => s.trim())) {
    if (name === '') continue;
    const row = TLS13_CIPHER_SUITE_ROWS.find((r) => r.iana === name);
    if (!row) unknown.push(name);
    else if (!suites.includes(row)) suites.push(row);
  }
  return { suites, unknownNames: unknown };
}
