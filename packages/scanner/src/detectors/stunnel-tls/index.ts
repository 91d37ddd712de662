/**
 * stunnel-tls: TLS settings of every stunnel service (stunnel(8)), one finding per setting at the line that chose
 * it: versions (`sslVersion`, `sslVersionMin`, `sslVersionMax`, `options = NO_TLSv1…`), ciphers, ciphersuites,
 * curves, and the `config = Command:value` OpenSSL commands that choose algorithms. Options before the first
 * `[service]` are the defaults every service copies: a service reports them as inherited at their line. `include
 * = DIRECTORY` reads the directory's files in alphabetical order at that point of the file.
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '@pqready/core';
import { IncludeFollower, placementOf, resolveReference } from '../../config/includes.js';
import { diagnostic, headText, looksBinary, looksLikeNonConfig } from '../../config/protocol-finding.js';
import { type Scope, settingFinding, tlsSettingFindings } from '../../config/setting-findings.js';
import { parseStunnelConf, type StunnelLine } from '../../config/stunnel-parser.js';
import { looksLikeTemplate } from '../../config/template-names.js';
import type { Origin, Setting, TlsSettings } from '../../config/tls-facts.js';
import { parseGroupList, type TlsVersion, tlsVersionOf, versionRange } from '../../config/tls-lists.js';
import { compareVersions, pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  DEFAULT_STUNNEL_VERSION,
  STUNNEL_OPTIONS as O,
  STUNNEL_CIPHER_DEFAULTS,
  STUNNEL_CONF_COMMANDS,
  STUNNEL_CURVES_SINCE,
  STUNNEL_DEFAULT_CIPHERSUITES,
  STUNNEL_DEFAULT_CURVES,
  STUNNEL_DEFAULT_NO_VERSIONS,
  STUNNEL_DEFAULT_SECURITY_LEVEL,
  STUNNEL_FILE_OPTIONS,
  STUNNEL_FIPS_CIPHERS,
  STUNNEL_FIPS_CURVES,
  STUNNEL_MARKERS,
  STUNNEL_NO_VERSION_OPTIONS,
  STUNNEL_OLD_DEFAULT_CURVE,
  STUNNEL_VERSION_NAMES,
} from './table.js';

const ID = 'stunnel-tls';

/** Block syntax of nginx, Apache, HAProxy … never appears in a stunnel configuration. */
const BLOCK_LINE = /(^|\n)[ \t]*([^;#\n][^\n]*\{[ \t]*|\}[ \t]*|<\/?[A-Za-z][^\n]*>[ \t]*)(\r?\n|$)/;

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head) || looksLikeTemplate(file.path)) return false;
  const text = headText(file.head);
  if (looksLikeNonConfig(file.path, text) || BLOCK_LINE.test(text)) return false;
  const { lines, problems } = parseStunnelConf(text);
  const options = lines.filter((l) => l.kind === 'option');
  if (options.length === 0 || problems.length * 4 > lines.length) return false;
  const keys = new Set(options.map((o) => o.key.toLowerCase()));
  const marked = STUNNEL_MARKERS.some((k) => keys.has(k));
  const service = lines.some((l) => l.kind === 'section') && (keys.has('accept') || keys.has('connect'));
  if (service && (marked || keys.has('cert') || keys.has('client') || keys.has('exec'))) return true;
  // A conf.d fragment holds global options only; its place (or name) says whose it is.
  const named = /(^|\/)stunnel[^/]*(\/|$)/i.test(file.path);
  return named && (marked || service || [O.ciphers, O.ciphersuites, O.include, 'cert'].some((k) => keys.has(k)));
}

type Opt = Extract<StunnelLine, { kind: 'option' }> & { readonly path: string };
type Line = StunnelLine & { readonly path: string };

interface Service {
  readonly name?: string;
  readonly path: string;
  readonly line: number;
  readonly opts: Opt[];
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const diagnostics = new Map<string, Diagnostic>();
  const diag = (d: Diagnostic) => diagnostics.set(`${d.path}:${d.line}:${d.code}`, d);
  const inc = new IncludeFollower(ID, ctx, { word: 'include' });
  const load = async (path: string, stack: readonly string[], read = () => ctx.readFile(path)): Promise<Line[]> => {
    const f = await read();
    if (!f) return [];
    const r = parseStunnelConf(f.text());
    for (const p of r.problems) diag(diagnostic(ID, 'warning', p.code, p.message, f.path, p.line));
    const out: Line[] = [];
    for (const l of r.lines) {
      if (l.kind !== 'option' || l.key.toLowerCase() !== O.include) {
        out.push({ ...l, path: f.path });
        continue;
      }
      // include_config: every regular file of the directory, in alphabetical order, read into the current section.
      const targets = await inc.resolve({
        pattern: `${l.value.replace(/\/+$/, '')}/*`,
        from: { path: f.path, line: l.line },
        baseDirs: [posix.dirname(f.path)],
        stack,
        optional: true,
      });
      // stunnel stops when the directory cannot be opened ("Failed to include directory"); an empty one is fine.
      const dir = posix.normalize(posix.join(posix.dirname(f.path), l.value)).replace(/\/+$/, '');
      if (
        targets.length === 0 &&
        !l.value.startsWith('/') &&
        !dir.startsWith('../') &&
        ![...ctx.files.keys()].some((k) => dir === '.' || k.startsWith(`${dir}/`))
      )
        inc.notFound(l.value, { path: f.path, line: l.line });
      for (const t of [...targets].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
        out.push(...(await load(t.path, [...stack, t.path], () => inc.read(t))));
    }
    return out;
  };
  const main = (p: string) => (/(^|\/)stunnel\.conf$/.test(p) ? 0 : 1);
  const ordered = [...files].sort((a, b) => main(a.path) - main(b.path) || a.path.localeCompare(b.path));
  const trees: [string, Line[]][] = [];
  for (const f of ordered) {
    if (inc.isIncluded(f.path)) continue;
    trees.push([f.path, await load(f.path, [f.path])]);
  }
  const findings: Finding[] = [];
  for (const [path, lines] of trees) {
    if (inc.isIncluded(path)) continue;
    findings.push(...configFindings(path, lines, ctx, diag));
  }
  yield { findings, diagnostics: [...diagnostics.values(), ...inc.diagnostics] };
}

/** Options that say something about TLS: a file of global options without them (pid, debug) is no scope. */
const isTlsOption = (o: Opt) =>
  [O.version, O.versionMin, O.versionMax, O.ciphers, O.ciphersuites, O.config, O.psk, 'cert', ...O.curves].includes(
    o.key.toLowerCase(),
  ) ||
  (o.key.toLowerCase() === O.options && /^-?NO_(SSL|TLS)v/i.test(o.value));

function configFindings(path: string, lines: readonly Line[], ctx: DetectContext, diag: (d: Diagnostic) => void) {
  const global: Opt[] = [];
  const services: Service[] = [];
  for (const l of lines) {
    if (l.kind === 'section') services.push({ name: l.name, path: l.path, line: l.line, opts: [] });
    else (services.at(-1)?.opts ?? global).push(l);
  }
  const out: Finding[] = [];
  // Without a [service] the global options are a fragment (or inetd mode's one service): a scope of their own.
  if (services.length === 0) {
    if (global.some(isTlsOption))
      out.push(...serviceFindings({ path, line: 1, opts: global }, [], ctx, diag, 'conditional'));
    return out;
  }
  for (const s of services) out.push(...serviceFindings(s, global, ctx, diag, 'active'));
  return out;
}

interface Picked {
  readonly opt: Opt;
  readonly origin: Exclude<Origin, 'default'>;
  /** Position in the global-then-service sequence (later wins). */
  readonly at: number;
}

function serviceFindings(
  s: Service,
  global: readonly Opt[],
  ctx: DetectContext,
  diag: (d: Diagnostic) => void,
  state: 'active' | 'conditional',
): Finding[] {
  const opensslVersion = ctx.options.assume.openssl ?? '3.0';
  const version = ctx.options.assume.stunnel ?? DEFAULT_STUNNEL_VERSION;
  // A service copies the global options, then sets its own (options.c CMD_SET_COPY): one sequence, later wins.
  const seq: Picked[] = [
    ...global.map((opt, i) => ({ opt, origin: 'inherited' as const, at: i })),
    ...s.opts.map((opt, i) => ({ opt, origin: 'explicit' as const, at: global.length + i })),
  ];
  const key = (p: Picked) => p.opt.key.toLowerCase();
  const last = (...names: string[]) => seq.filter((p) => names.includes(key(p))).at(-1);
  const configs = new Map<string, { picked: Picked; value: string }>();
  for (const p of seq.filter((x) => key(x) === O.config)) {
    const m = /^([^:]+):(.*)$/.exec(p.opt.value);
    const what = m ? STUNNEL_CONF_COMMANDS[m[1]!.trim().toLowerCase()] : undefined;
    if (m && what) configs.set(what, { picked: p, value: m[2]!.trim() });
  }
  const setting = (p: Picked, value = p.opt.value, directive = p.opt.key): Setting<string> => ({
    value,
    origin: p.origin,
    directive,
    line: p.opt.line,
    path: p.opt.path,
  });
  const fromConfig = (what: string) => {
    const c = configs.get(what);
    return c ? setting(c.picked, c.value, `config ${c.picked.opt.value.split(':')[0]}`) : undefined;
  };
  const fips = /^yes$/i.test(last(O.fips)?.opt.value ?? '');
  const dflt = (value: string, option: string): Setting<string> => ({
    value,
    origin: 'default',
    directive: `stunnel ${version} default (${option})`,
  });

  const notes: string[] = [];
  const v = versionsOf(seq, configs, diag, version, opensslVersion);
  const psk = last(O.psk);
  const client = /^yes$/i.test(last(O.client)?.opt.value ?? '');
  const levelOpt = last(O.securityLevel);
  const level = levelOpt ? Number.parseInt(levelOpt.opt.value, 10) : STUNNEL_DEFAULT_SECURITY_LEVEL;
  if (
    compareVersions(opensslVersion, '3.0') >= 0 &&
    level >= 1 &&
    v.versions.some((x) => x === '1.0' || x === '1.1' || x === 'ssl-3.0')
  )
    notes.push(
      `OpenSSL ${opensslVersion} at security level ${level}${levelOpt ? '' : " (stunnel's default)"} refuses ` +
        'SHA-1 handshake signatures: TLS 1.0 and 1.1 handshakes cannot complete',
    );
  const references: { directive: string; path: string }[] = [];
  const written: string[] = [];
  for (const name of STUNNEL_FILE_OPTIONS) {
    const p = last(name);
    if (!p || p.opt.value === '' || /^pkcs11:/i.test(p.opt.value)) continue;
    written.push(p.opt.value);
    const found = resolveReference(p.opt.value, posix.dirname(p.opt.path), ctx.files, placementOf(ctx));
    references.push({ directive: p.opt.key, path: found ?? p.opt.value });
  }
  const ciphers = last(O.ciphers);
  const suites = last(O.ciphersuites);
  const curves = last(...O.curves);
  const settings: TlsSettings = {
    versions: v.site
      ? {
          value: v.versions,
          origin: v.site.origin,
          directive: v.directive,
          line: v.site.opt.line,
          path: v.site.opt.path,
        }
      : {
          value: v.versions,
          origin: 'default',
          directive: `stunnel ${version} default (sslVersionMin all)`,
        },
    cipherString:
      fromConfig('ciphers') ??
      (ciphers
        ? setting(ciphers)
        : dflt(fips ? STUNNEL_FIPS_CIPHERS : pickByVersion(STUNNEL_CIPHER_DEFAULTS, version).value, 'ciphers')),
    ciphersuites:
      fromConfig('ciphersuites') ?? (suites ? setting(suites) : dflt(STUNNEL_DEFAULT_CIPHERSUITES, 'ciphersuites')),
    // stunnel sets `curves` after the `config` commands (ctx.c ecdh_init after conf_init): config Groups never wins.
    groups: curves ? setting(curves) : dflt(defaultCurves(version, opensslVersion, fips), 'curves'),
    ...(configs.has('sigalgs') ? { signatureAlgorithms: fromConfig('sigalgs')! } : {}),
    references,
    opensslVersion,
    // PSK suites need PSKsecrets (stunnel then installs its PSK callbacks); stunnel configures no SRP.
    negotiable: { psk: psk !== undefined, srp: false },
  };
  const name = s.name;
  const scope: Scope = {
    detector: ID,
    label: name === undefined ? 'stunnel (global options)' : `stunnel > [${name}]`,
    role: client ? 'client' : 'server',
    path: s.path,
    line: s.line,
    snippet: name === undefined ? posix.basename(s.path) : `[${name}]`,
    state,
    library: 'OpenSSL',
    notes,
    properties: {
      'assumed.stunnel': version,
      ...(name !== undefined ? { 'stunnel.service': name } : {}),
      ...(levelOpt ? { 'tls.securityLevel': String(level) } : {}),
      ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
    },
  };
  const out = tlsSettingFindings(scope, settings, 'tls', v.site ? { versions: v.written } : {});
  const groupsConfig = configs.get('groups');
  if (groupsConfig) {
    const p = groupsConfig.picked;
    out.push(
      settingFinding(
        scope,
        {
          setting: 'groups',
          directive: `config ${p.opt.value.split(':')[0]}`,
          value: groupsConfig.value,
          origin: p.origin,
          path: p.opt.path,
          line: p.opt.line,
        },
        {
          type: 'tls',
          versions: [],
          cipherSuites: [],
          groups: parseGroupList(groupsConfig.value),
          signatureAlgorithms: [],
          references: [],
          flags: [],
        },
        { state: 'overridden', notes: ['stunnel applies `curves` (or its default) after `config` commands'] },
      ),
    );
  }
  return out;
}

function defaultCurves(version: string, openssl: string, fips: boolean): string {
  if (compareVersions(version, STUNNEL_CURVES_SINCE) < 0 || compareVersions(openssl, '1.1.1') < 0)
    return STUNNEL_OLD_DEFAULT_CURVE;
  return fips ? STUNNEL_FIPS_CURVES : STUNNEL_DEFAULT_CURVES;
}

/**
 * Versions of one service: `sslVersion` sets both bounds, `sslVersionMin`/`sslVersionMax` one each, `all` none;
 * `options = NO_TLSv1…` switches versions off (`-NO_…` back on) over stunnel's own NO_SSLv2|NO_SSLv3; `config =
 * MinProtocol:…` is applied after them all. The finding sits at the last version option written, else at the
 * last `options` line that switches a version.
 */
function versionsOf(
  seq: readonly Picked[],
  configs: ReadonlyMap<string, { picked: Picked; value: string }>,
  diag: (d: Diagnostic) => void,
  version: string,
  openssl: string,
): { versions: TlsVersion[]; site?: Picked; directive: string; written: string } {
  let lo: TlsVersion | undefined;
  let hi: TlsVersion | undefined;
  let site: Picked | undefined;
  let optionSite: Picked | undefined;
  const set = new Set<TlsVersion>();
  const clear = new Set<TlsVersion>();
  const bad = (p: Picked, code: string, message: string) =>
    diag(diagnostic(ID, 'error', code, message, p.opt.path, p.opt.line));
  for (const p of seq) {
    const k = p.opt.key.toLowerCase();
    if (k === O.version || k === O.versionMin || k === O.versionMax) {
      const v = STUNNEL_VERSION_NAMES[p.opt.value.toLowerCase()];
      if (!v) {
        bad(p, 'invalid-value', `${p.opt.key} "${p.opt.value}" is not a version stunnel knows; it does not start.`);
        continue;
      }
      const bound = v === 'all' ? undefined : v;
      if (k !== O.versionMax) lo = bound;
      if (k !== O.versionMin) hi = bound;
      site = p;
    } else if (k === O.options) {
      const m = /^(-)?\s*(\S+)$/.exec(p.opt.value);
      const name = m?.[2]?.toUpperCase() ?? '';
      const v = STUNNEL_NO_VERSION_OPTIONS[name];
      if (v) {
        (m?.[1] ? clear : set).add(v);
        optionSite = p;
      } else if (/^NO_(SSL|TLS)V\d\.\d$/.test(name))
        bad(p, 'invalid-value', `options = ${p.opt.value}: stunnel knows NO_TLSv1_1 with "_"; it does not start.`);
    }
  }
  const min = configs.get('min');
  const max = configs.get('max');
  if (min) {
    lo = tlsVersionOf(min.value);
    site = min.picked;
  }
  if (max) {
    hi = tlsVersionOf(max.value);
    site ??= max.picked;
  }
  const off = new Set(
    [...pickByVersion(STUNNEL_DEFAULT_NO_VERSIONS, version).value, ...set].filter((v) => !clear.has(v)),
  );
  // OpenSSL builds without SSLv3 since 1.1.0 (no-ssl3 by default) and has TLS 1.3 since 1.1.1.
  if (compareVersions(openssl, '1.1.0') >= 0) off.add('ssl-3.0');
  if (compareVersions(openssl, '1.1.1') < 0) off.add('1.3');
  const at = site ?? optionSite;
  const range = versionRange(lo ?? 'ssl-3.0', hi);
  if (at && lo && hi && range.length === 0)
    bad(at, 'invalid-value', 'Minimum TLS version above the maximum: "Invalid protocol version range".');
  const versions = range.filter((v) => !off.has(v));
  const isConfig = at?.opt.key.toLowerCase() === O.config;
  const directive = at ? (isConfig ? `config ${at.opt.value.split(':')[0]}` : at.opt.key) : '';
  const written = at ? (isConfig ? at.opt.value.replace(/^[^:]*:/, '').trim() : at.opt.value) : '';
  return { versions, ...(at ? { site: at } : {}), directive, written };
}

export const stunnelTls: Detector = {
  id: ID,
  summary: 'TLS versions, cipher suites, groups and certificate files of every stunnel service (server and client)',
  accepts,
  scanAll,
};
