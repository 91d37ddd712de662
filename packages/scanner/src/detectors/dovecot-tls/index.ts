/**
 * dovecot-tls: TLS settings of the Dovecot IMAP/POP3 server, one finding per setting at the line that chose it:
 * `ssl_min_protocol` (2.2: `ssl_protocols`), `ssl_cipher_list`, `ssl_cipher_suites`, `ssl_curve_list`, with
 * certificate, key and DH files as references. The global settings are one scope (2.4's `ssl_server { }` filter
 * included); a `protocol`, `local`, `remote` or `local_name` section that sets TLS settings is a scope of its own
 * inheriting the rest. `!include` and `!include_try` are followed relative to the including file.
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '@pqready/core';
import { type DovecotNode, parseDovecot } from '../../config/dovecot-parser.js';
import { IncludeFollower, placementOf, resolveReference } from '../../config/includes.js';
import { diagnostic, headText, looksBinary, looksLikeNonConfig } from '../../config/protocol-finding.js';
import { protocolList } from '../../config/protocol-lists.js';
import { type Scope, tlsSettingFindings } from '../../config/setting-findings.js';
import { looksLikeTemplate } from '../../config/template-names.js';
import type { Setting, TlsSettings } from '../../config/tls-facts.js';
import { type TlsVersion, tlsVersionOf, versionRange } from '../../config/tls-lists.js';
import { compareVersions, pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  DEFAULT_DOVECOT_VERSION,
  DOVECOT_22_PROTOCOLS_DEFAULT,
  DOVECOT_CIPHER_LIST_DEFAULTS,
  DOVECOT_FILE_SETTINGS,
  DOVECOT_FILTER_SECTIONS,
  DOVECOT_MIN_PROTOCOL_DEFAULTS,
  DOVECOT_SERVER_FILTER,
  DOVECOT_SETTINGS as S,
} from './table.js';

const ID = 'dovecot-tls';
const TLS13_DEFAULT = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';
/** A Dovecot TLS setting line (`key = value`, never nginx's `key value;`). */
const DOVECOT_TLS_LINE =
  /(^|\n)[ \t]*(ssl_(min_protocol|cipher_list|cipher_suites|curve_list|cert|key|dh|ca|protocols|prefer_server_ciphers|server_[a-z_]+))[ \t]*=[^\n;]*(\n|$)/;

const INI_SECTION = /(^|\n)[ \t]*\[[^\]\n]+\][ \t]*(\n|$)/;

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head) || looksLikeTemplate(file.path)) return false;
  const base = posix.basename(file.path);
  if (base === 'dovecot.conf') return true;
  const text = headText(file.head);
  if (looksLikeNonConfig(file.path, text)) return false;
  // MySQL's my.cnf writes `ssl_cert = …` too, under `[mysqld]`: Dovecot has no `[section]` lines.
  if (INI_SECTION.test(text)) return false;
  return DOVECOT_TLS_LINE.test(text);
}

/** A parsed node with the file it came from (after include expansion). */
type Node =
  | { kind: 'setting'; key: string; value: string; line: number; path: string }
  | { kind: 'section'; type: string; name: string; line: number; path: string; body: Node[] };

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const diagnostics: Diagnostic[] = [];
  const inc = new IncludeFollower(ID, ctx, { word: '!include' });
  const load = async (path: string, stack: readonly string[], read = () => ctx.readFile(path)): Promise<Node[]> => {
    const f = await read();
    if (!f) return [];
    const r = parseDovecot(f.text());
    for (const p of r.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, f.path, p.line));
    const walk = async (list: readonly DovecotNode[]): Promise<Node[]> => {
      const out: Node[] = [];
      for (const n of list) {
        if (n.kind === 'include') {
          // Relative include paths are relative to the including file's directory (config-parser.c).
          const targets = await inc.resolve({
            pattern: n.pattern,
            from: { path: f.path, line: n.line },
            baseDirs: [posix.dirname(f.path)],
            stack,
            optional: n.optional || /[*?[]/.test(n.pattern),
          });
          for (const t of targets) out.push(...(await load(t.path, [...stack, t.path], () => inc.read(t))));
        } else if (n.kind === 'section') out.push({ ...n, path: f.path, body: await walk(n.body) });
        else out.push({ ...n, path: f.path });
      }
      return out;
    };
    return walk(r.nodes);
  };
  // dovecot.conf first: the conf.d files it includes are then read through it, not on their own.
  const main = (p: string) => (posix.basename(p) === 'dovecot.conf' ? 0 : 1);
  const ordered = [...files].sort((a, b) => main(a.path) - main(b.path) || a.path.localeCompare(b.path));
  const findings: Finding[] = [];
  const trees: [string, Node[]][] = [];
  for (const f of ordered) {
    if (inc.isIncluded(f.path)) continue;
    trees.push([f.path, await load(f.path, [f.path])]);
  }
  const version = ctx.options.assume.dovecot ?? DEFAULT_DOVECOT_VERSION;
  for (const [path, tree] of trees) {
    if (inc.isIncluded(path)) continue;
    findings.push(...configFindings(path, tree, version, ctx));
  }
  yield { findings, diagnostics: [...diagnostics, ...inc.diagnostics] };
}

/** The last assignment of each key in a list (Dovecot keeps the last one). */
function settingsOf(list: readonly Node[]): Map<string, Extract<Node, { kind: 'setting' }>> {
  const out = new Map<string, Extract<Node, { kind: 'setting' }>>();
  for (const n of list) if (n.kind === 'setting') out.set(n.key, n);
  return out;
}

const isTlsKey = (k: string) => k === S.enable || k.startsWith('ssl_');

function configFindings(path: string, tree: readonly Node[], version: string, ctx: DetectContext): Finding[] {
  // The server filter of 2.4 (`ssl_server { … }`) holds the server's global TLS settings.
  const global = [
    ...tree.filter((n) => n.kind === 'setting'),
    ...tree.flatMap((n) => (n.kind === 'section' && n.type === DOVECOT_SERVER_FILTER ? n.body : [])),
  ];
  const globals = settingsOf(global);
  const out: Finding[] = [];
  // A file that says nothing about TLS (a conf.d piece about mailboxes) is no TLS scope.
  if (![...globals.keys()].some(isTlsKey)) {
    if (!tree.some((n) => n.kind === 'section' && [...settingsOf(n.body).keys()].some(isTlsKey))) return out;
  }
  if ([...globals.keys()].some(isTlsKey))
    out.push(
      ...scopeFindings({ label: 'dovecot', path, line: 1, snippet: posix.basename(path) }, [globals], version, ctx),
    );
  for (const n of tree) {
    if (n.kind !== 'section' || !DOVECOT_FILTER_SECTIONS.includes(n.type)) continue;
    const own = settingsOf(n.body);
    if (![...own.keys()].some(isTlsKey)) continue;
    out.push(
      ...scopeFindings(
        { label: `dovecot > ${n.type} ${n.name}`.trim(), path: n.path, line: n.line, snippet: `${n.type} ${n.name} {` },
        [own, globals],
        version,
        ctx,
      ),
    );
  }
  return out;
}

function scopeFindings(
  at: { label: string; path: string; line: number; snippet: string },
  chain: readonly Map<string, Extract<Node, { kind: 'setting' }>>[],
  version: string,
  ctx: DetectContext,
): Finding[] {
  const opensslVersion = ctx.options.assume.openssl ?? '3.0';
  const defaultSource = `Dovecot ${version} default`;
  const pick = (key: string): Setting<string> | undefined => {
    for (const [i, level] of chain.entries()) {
      const n = level.get(key);
      if (n)
        return {
          value: n.value,
          origin: i === 0 ? 'explicit' : 'inherited',
          directive: key,
          line: n.line,
          path: n.path,
        };
    }
    return undefined;
  };
  const v23 = compareVersions(version, '2.3') >= 0;
  const notes: string[] = [];
  let versions: Setting<readonly TlsVersion[]>;
  let written: string | undefined;
  const min = v23 ? pick(S.minProtocol) : undefined;
  if (!v23) {
    const p = pick(S.protocols22);
    written = p?.value;
    versions = p
      ? { ...p, value: protocolList(p.value) }
      : {
          value: protocolList(DOVECOT_22_PROTOCOLS_DEFAULT),
          origin: 'default',
          directive: `${defaultSource} (ssl_protocols)`,
        };
  } else {
    written = min?.value;
    const value = min?.value ?? pickByVersion(DOVECOT_MIN_PROTOCOL_DEFAULTS, version).value;
    const lo = /^any$/i.test(value) ? undefined : tlsVersionOf(value);
    if (!lo && !/^any$/i.test(value)) notes.push(`unknown ssl_min_protocol "${value}": Dovecot refuses to start`);
    const v = versionRange(lo);
    versions = min
      ? { ...min, value: v }
      : { value: v, origin: 'default', directive: `${defaultSource} (ssl_min_protocol)` };
  }
  const cipherString =
    pick(S.cipherList) ??
    ({
      value: pickByVersion(DOVECOT_CIPHER_LIST_DEFAULTS, version).value,
      origin: 'default',
      directive: `${defaultSource} (ssl_cipher_list)`,
    } as const);
  const suites = pick(S.cipherSuites);
  const curves = pick(S.curveList);
  const references: { directive: string; path: string }[] = [];
  const files: string[] = [];
  for (const key of DOVECOT_FILE_SETTINGS) {
    const s = pick(key);
    if (!s) continue;
    // 2.3 reads the file named after `<`; 2.4 takes a path.
    const file = s.value.replace(/^</, '').trim();
    if (file === '' || file.includes('%')) continue;
    files.push(file);
    const found = resolveReference(file, posix.dirname(s.path ?? at.path), ctx.files, placementOf(ctx));
    references.push({ directive: key, path: found ?? file });
  }
  const settings: TlsSettings = {
    versions,
    cipherString,
    ciphersuites: suites ?? { value: TLS13_DEFAULT, origin: 'default', directive: `OpenSSL ${opensslVersion} default` },
    groups: curves
      ? { ...curves, value: curves.value === '' ? undefined : curves.value }
      : { value: undefined, origin: 'default', directive: `OpenSSL ${opensslVersion} default` },
    references,
    opensslVersion,
    // Dovecot configures neither TLS-PSK nor SRP.
    negotiable: { psk: false, srp: false },
  };
  const enabled = pick(S.enable)?.value.toLowerCase() ?? 'yes';
  const scope: Scope = {
    detector: ID,
    label: at.label,
    role: 'server',
    path: at.path,
    line: at.line,
    snippet: at.snippet,
    state: 'active',
    library: 'OpenSSL',
    notes,
    properties: {
      'assumed.dovecot': version,
      ...(files.length > 0 ? { 'references.asWritten': files.join(' ') } : {}),
    },
  };
  const found = tlsSettingFindings(scope, settings, 'tls', written !== undefined ? { versions: written } : {});
  if (enabled !== 'no') return found;
  // `ssl = no`: nothing is negotiated, so nothing defaults and what is written configures nothing.
  return found
    .filter((f) => f.origin !== 'default')
    .map((f) => ({
      ...f,
      state: 'inactive' as const,
      notes: [...(f.notes ?? []), 'ssl = no here: the setting configures nothing'],
    }));
}

export const dovecotTls: Detector = {
  id: ID,
  summary:
    'TLS versions, cipher suites, groups and certificate files of Dovecot (global and per protocol/local/remote)',
  accepts,
  scanAll,
};
