/**
 * haproxy-tls: TLS settings of every HAProxy `bind … ssl` (frontend/listen) and `server … ssl`
 * (backend/listen, with `default-server`) line, merged with the global `ssl-default-bind-*` /
 * `ssl-default-server-*` defaults the way src/ssl_sock.c does (line value first, global default second),
 * reported as one ProtocolFinding per line with crt/ca-file references.
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '@pqready/core';
import { HAPROXY_SECTIONS, type HaproxyLine, type HaproxySection, parseHaproxy } from '../../config/haproxy-parser.js';
import { placementOf, resolveReference } from '../../config/includes.js';
import { diagnostic, headText, looksBinary, looksLikeNonConfig } from '../../config/protocol-finding.js';
import { type Scope, settingFinding, tlsSettingFindings } from '../../config/setting-findings.js';
import { buildTlsFacts, type Origin, type Setting, type TlsSettings } from '../../config/tls-facts.js';
import { ALL_TLS_VERSIONS, type TlsVersion } from '../../config/tls-lists.js';
import { pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  DEFAULT_HAPROXY_VERSION,
  HAPROXY_BIND_MIN_DEFAULTS,
  HAPROXY_FILE_KEYWORDS,
  HAPROXY_GLOBAL_DEFAULTS,
  HAPROXY_SERVER_MIN_DEFAULT,
  HAPROXY_VALUE_KEYWORDS,
  HAPROXY_VERSION_NAMES,
  HAPROXY_VERSION_OPTIONS,
} from './table.js';

const ID = 'haproxy-tls';
const TLS13_DEFAULT = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';
const MAX_OVERRIDDEN = 20;

function accepts(file: FileHead): boolean {
  const base = posix.basename(file.path);
  // A file named like HAProxy's own config is parsed even with junk bytes (diagnostics, not silence).
  if (/^haproxy\.cfg$/.test(base)) return true;
  if (looksBinary(file.head)) return false;
  if (!/\.cfg$|haproxy/i.test(base) && !/haproxy/i.test(file.path)) return false;
  const text = headText(file.head);
  // Documentation shipped next to the config (README.Debian, *.txt manuals) quotes config lines in prose.
  if (looksLikeNonConfig(file.path, text)) return false;
  // The first line that is not blank or a comment opens a section (or a `.if` block): prose never does.
  const first = /^[ \t]*([^\s#][^\n]*)$/m.exec(text)?.[1] ?? '';
  const opener = /^(\.[a-z]+\b|[a-z-]+)/.exec(first)?.[1] ?? '';
  if (!HAPROXY_SECTIONS.includes(opener) && !opener.startsWith('.')) return false;
  const section = /(^|\n)[ \t]*(global|defaults|frontend|backend|listen)([ \t][^\n]*)?\r?\n/.test(text);
  const body = /(^|\n)[ \t]+(bind|server|default-server|mode|balance|maxconn|ssl-default-[a-z-]+)[ \t]/.test(text);
  return section && body;
}

/** TLS options of one bind/server/default-server line or of an `ssl-default-*-options` value. */
interface LineOptions {
  ssl?: boolean;
  values: Map<string, { value: string }>;
  files: { keyword: string; value: string }[];
  no: Set<TlsVersion>;
  force?: TlsVersion;
  min?: TlsVersion;
  max?: TlsVersion;
}

function readOptions(words: readonly string[]): LineOptions {
  const o: LineOptions = { values: new Map(), files: [], no: new Set() };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase();
    if (w === 'ssl') o.ssl = true;
    else if (w === 'no-ssl') o.ssl = false;
    else if (w.startsWith('no-') && HAPROXY_VERSION_OPTIONS[w.slice(3)]) o.no.add(HAPROXY_VERSION_OPTIONS[w.slice(3)]!);
    else if (w.startsWith('force-') && HAPROXY_VERSION_OPTIONS[w.slice(6)])
      o.force = HAPROXY_VERSION_OPTIONS[w.slice(6)];
    else if (HAPROXY_VALUE_KEYWORDS.includes(w) && i + 1 < words.length) {
      const value = words[++i]!;
      if (w === 'ssl-min-ver') o.min = HAPROXY_VERSION_NAMES[value.toLowerCase()];
      else if (w === 'ssl-max-ver') o.max = HAPROXY_VERSION_NAMES[value.toLowerCase()];
      else if (w in HAPROXY_FILE_KEYWORDS) o.files.push({ keyword: w, value });
      else o.values.set(w, { value });
    }
  }
  return o;
}

/**
 * ssl_sock_prepare_ctx: `force-*` pins one version; `ssl-min-ver`/`ssl-max-ver` bound the range (and make
 * `no-*` ignored); otherwise `no-*` remove versions from the default range and the lowest contiguous run stays.
 */
function haproxyVersions(
  line: LineOptions,
  global: LineOptions,
  defaultMin: TlsVersion,
): { versions: TlsVersion[]; notes: string[] } {
  const order: readonly TlsVersion[] = ALL_TLS_VERSIONS.filter((v) => v !== 'ssl-2.0');
  const notes: string[] = [];
  const force = line.force ?? global.force;
  if (force) return { versions: [force], notes: ['force-* option pins a single version (deprecated)'] };
  const min = line.min ?? global.min;
  const max = line.max ?? global.max;
  const no = new Set([...line.no, ...global.no]);
  if (min || max) {
    if (no.size > 0) notes.push('no-sslv3/no-tlsv1x are ignored when ssl-min-ver/ssl-max-ver are set');
    const lo = order.indexOf(min ?? defaultMin);
    const hi = order.indexOf(max ?? '1.3');
    return { versions: order.slice(lo, hi + 1), notes };
  }
  const enabled = order.slice(order.indexOf(defaultMin)).filter((v) => !no.has(v));
  const out: TlsVersion[] = [];
  for (const v of order) {
    if (enabled.includes(v)) out.push(v);
    else if (out.length > 0) break;
  }
  if (out.length < enabled.length)
    notes.push('a hole in the enabled versions: HAProxy keeps the lowest contiguous run');
  return { versions: out, notes };
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  for (const head of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const f = await ctx.readFile(head.path);
    if (!f) continue;
    const r = parseHaproxy(f.text(), ctx.options.defines);
    for (const p of r.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, f.path, p.line));
    findings.push(...configFindings(f.path, r.sections, ctx));
  }
  yield { findings, diagnostics };
}

function configFindings(path: string, sections: readonly HaproxySection[], ctx: DetectContext): Finding[] {
  const version = ctx.options.assume.haproxy ?? DEFAULT_HAPROXY_VERSION;
  const opensslVersion = ctx.options.assume.openssl ?? '3.0';
  const globalLines = sections.filter((s) => s.kind === 'global').flatMap((s) => s.lines);
  const lastGlobal = (kw: string) => globalLines.filter((l) => l.keyword === kw).at(-1);
  const base = { crt: lastGlobal('crt-base')?.args[0], ca: lastGlobal('ca-base')?.args[0] };
  const findings: Finding[] = [];

  const emitted = { bind: 0, server: 0 };
  /** `globalDefaults`: the global `ssl-default-*` lines reported on their own (no TLS line uses them). */
  const emit = (
    side: 'bind' | 'server',
    context: string,
    at: HaproxyLine,
    own: LineOptions,
    ownOrigin: Origin,
    globalDefaults = false,
  ): void => {
    emitted[side]++;
    const fromGlobal: Origin = globalDefaults ? 'explicit' : 'inherited';
    const keys = HAPROXY_GLOBAL_DEFAULTS[side];
    const gOptLine = lastGlobal(keys.options);
    const global = readOptions(gOptLine?.args ?? []);
    const setting = (lineKey: string, globalKey: string, fallback: string, src: string): Setting<string> => {
      const v = own.values.get(lineKey);
      if (v) return { value: v.value, origin: ownOrigin, directive: `${at.keyword} ${lineKey}`, line: at.line, path };
      const g = lastGlobal(globalKey);
      if (g) return { value: g.args.join(' '), origin: fromGlobal, directive: globalKey, line: g.line, path };
      return { value: fallback, origin: 'default', directive: src };
    };
    const osslDefault = `OpenSSL ${opensslVersion} default`;
    const cipherString = setting('ciphers', keys.ciphers, 'DEFAULT', osslDefault);
    const ciphersuites = setting('ciphersuites', keys.ciphersuites, TLS13_DEFAULT, osslDefault);
    const curves = setting('curves', keys.curves, '', osslDefault);
    const ecdhe = own.values.get('ecdhe');
    const groups: Setting<string | undefined> =
      curves.origin === 'default'
        ? ecdhe
          ? { value: ecdhe.value, origin: ownOrigin, directive: `${at.keyword} ecdhe`, line: at.line, path }
          : { ...curves, value: undefined }
        : curves;
    const sig = setting('sigalgs', keys.sigalgs, '', '');
    const defaultMin =
      side === 'bind' ? pickByVersion(HAPROXY_BIND_MIN_DEFAULTS, version).value : HAPROXY_SERVER_MIN_DEFAULT;
    const v = haproxyVersions(own, global, defaultMin);
    const versionsExplicit = own.force || own.min || own.max || own.no.size > 0;
    const versionsInherited = global.force || global.min || global.max || global.no.size > 0;
    const references = own.files.map((f) => {
      const prefix = base[HAPROXY_FILE_KEYWORDS[f.keyword] === 'crt-base' ? 'crt' : 'ca'];
      const full = prefix && !f.value.startsWith('/') ? posix.join(prefix, f.value) : f.value;
      return {
        directive: f.keyword,
        path: resolveReference(full, posix.dirname(path), ctx.files, placementOf(ctx)) ?? full,
      };
    });
    const settings: TlsSettings = {
      versions: versionsExplicit
        ? { value: v.versions, origin: ownOrigin, directive: `${at.keyword} options`, line: at.line, path }
        : versionsInherited
          ? { value: v.versions, origin: fromGlobal, directive: keys.options, line: gOptLine!.line, path }
          : { value: v.versions, origin: 'default', directive: `HAProxy ${version} default` },
      cipherString,
      ciphersuites,
      groups,
      ...(sig.origin !== 'default' ? { signatureAlgorithms: sig } : {}),
      references,
      opensslVersion,
      // HAProxy configures neither PSK nor SRP for TLS ≤ 1.2.
      negotiable: { psk: false, srp: false },
    };
    const scope: Scope = {
      detector: ID,
      label: context,
      role: side === 'bind' ? 'server' : 'client',
      path,
      line: at.line,
      snippet: `${at.keyword} ${at.args.join(' ')}`,
      state: globalDefaults ? 'conditional' : 'active',
      library: 'OpenSSL',
      notes: [
        ...(globalDefaults
          ? [`no ${side} line uses TLS: the defaults every "${side} … ssl" line added to this file inherits`]
          : []),
        ...v.notes,
      ],
      properties: {
        'assumed.haproxy': version,
        ...(own.files.length > 0 ? { 'references.asWritten': own.files.map((f) => f.value).join(' ') } : {}),
      },
    };
    const versionWords = versionsExplicit ? at.args.join(' ') : (gOptLine?.args.join(' ') ?? '');
    for (const f of tlsSettingFindings(scope, settings, 'tls', { versions: versionWords })) {
      if (globalDefaults && f.origin === 'default') continue;
      findings.push(f);
    }
  };

  let defaultsServer: HaproxyLine | undefined;
  for (const s of sections) {
    if (s.kind === 'defaults') {
      defaultsServer = s.lines.filter((l) => l.keyword === 'default-server').at(-1) ?? defaultsServer;
      continue;
    }
    if (s.kind !== 'frontend' && s.kind !== 'backend' && s.kind !== 'listen') continue;
    const label = `${s.kind}[${s.name}]`;
    if (s.kind !== 'backend') {
      for (const l of s.lines.filter((x) => x.keyword === 'bind')) {
        const own = readOptions(l.args.slice(1));
        if (own.ssl) emit('bind', `${label} > bind[${l.args[0] ?? ''}]`, l, own, 'explicit');
      }
    }
    if (s.kind !== 'frontend') {
      const ds = s.lines.filter((l) => l.keyword === 'default-server').at(-1) ?? defaultsServer;
      const dso = readOptions(ds?.args ?? []);
      for (const l of s.lines.filter((x) => x.keyword === 'server')) {
        const own = readOptions(l.args.slice(2));
        if (!(own.ssl ?? dso.ssl)) continue;
        // Server keywords override default-server ones; what only default-server sets counts as inherited.
        const merged: LineOptions = {
          values: new Map([...dso.values, ...own.values]),
          files: own.files.length > 0 ? own.files : dso.files,
          no: new Set([...dso.no, ...own.no]),
          ...((own.force ?? dso.force) ? { force: own.force ?? dso.force } : {}),
          ...((own.min ?? dso.min) ? { min: own.min ?? dso.min } : {}),
          ...((own.max ?? dso.max) ? { max: own.max ?? dso.max } : {}),
        };
        const explicit = own.values.size > 0 || own.min || own.max || own.force || own.no.size > 0;
        emit('server', `${label} > server[${l.args[0] ?? ''}]`, l, merged, explicit ? 'explicit' : 'inherited');
      }
    }
  }

  // Debian's default haproxy.cfg sets ssl-default-bind-ciphers/-options but has no TLS bind line yet.
  for (const side of ['bind', 'server'] as const) {
    if (emitted[side] > 0) continue;
    const first = globalLines.find((l) =>
      (Object.values(HAPROXY_GLOBAL_DEFAULTS[side]) as readonly string[]).includes(l.keyword),
    );
    if (first) emit(side, `global > ssl-default-${side}`, first, readOptions([]), 'explicit', true);
  }

  // A global keyword set twice: HAProxy keeps the last value.
  for (const side of ['bind', 'server'] as const) {
    for (const kw of [HAPROXY_GLOBAL_DEFAULTS[side].ciphers, HAPROXY_GLOBAL_DEFAULTS[side].ciphersuites]) {
      const all = globalLines.filter((l) => l.keyword === kw);
      for (const l of all.slice(0, -1).slice(-MAX_OVERRIDDEN)) {
        const isSuites = kw.endsWith('ciphersuites');
        const facts = buildTlsFacts({
          versions: { value: isSuites ? ['1.3'] : ['1.2'], origin: 'explicit', directive: kw },
          cipherString: { value: isSuites ? 'DEFAULT' : l.args.join(' '), origin: 'explicit', directive: kw },
          ciphersuites: { value: isSuites ? l.args.join(' ') : TLS13_DEFAULT, origin: 'explicit', directive: kw },
          groups: { value: undefined, origin: 'default', directive: '' },
          references: [],
          opensslVersion,
          negotiable: { psk: false, srp: false },
        });
        const winner = all.at(-1)!;
        findings.push(
          settingFinding(
            {
              detector: ID,
              label: 'global',
              role: side === 'bind' ? 'server' : 'client',
              path,
              line: l.line,
              snippet: `${l.keyword} ${l.args.join(' ')}`,
              state: 'active',
              library: 'OpenSSL',
            },
            {
              setting: isSuites ? 'ciphersuites' : 'ciphers',
              directive: kw,
              value: l.args.join(' '),
              origin: 'explicit',
              path,
              line: l.line,
            },
            {
              ...facts.protocol,
              versions: isSuites ? ['1.3'] : ['1.2'],
              cipherSuites: facts.protocol.cipherSuites.filter((c) => isSuites === !c.name.includes('_WITH_')),
              groups: [],
            },
            { state: 'overridden', notes: [`${kw} is set again at line ${winner.line}; the last one wins`] },
          ),
        );
      }
    }
  }
  return findings;
}

export const haproxyTls: Detector = {
  id: ID,
  summary: 'TLS versions, cipher suites, groups and certificate files of HAProxy bind and server lines',
  accepts,
  scanAll,
};
