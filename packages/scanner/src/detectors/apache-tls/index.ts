/**
 * apache-tls: TLS settings of Apache httpd (mod_ssl) per effective context — the main server and every
 * `<VirtualHost>` that has `SSLEngine on` (own or inherited) — with Include/IncludeOptional expansion,
 * `<IfModule>`/`<IfDefine>` evaluation, server → virtual host inheritance and the SSLProtocol `+`/`-`
 * arithmetic of modules/ssl/ssl_engine_config.c (ssl_cmd_protocol_parse) and ssl_engine_init.c (min/max).
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '@pqready/core';
import { type ApacheDirective, parseApache } from '../../config/apache-parser.js';
import { ancestors, IncludeFollower, placementOf, resolveInclude } from '../../config/includes.js';
import { diagnostic, headText, looksBinary, looksLikeNonConfig } from '../../config/protocol-finding.js';
import { type Scope as SettingScope, settingFinding, tlsSettingFindings } from '../../config/setting-findings.js';
import { buildTlsFacts, type Setting, type TlsSettings } from '../../config/tls-facts.js';
import { ALL_TLS_VERSIONS, type TlsVersion, tlsVersionOf } from '../../config/tls-lists.js';
import { compareVersions, pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead, ScanFile } from '../types.js';
import {
  APACHE_ACCUMULATING_FILES,
  APACHE_ALL_PROTOCOLS,
  APACHE_CONDITIONAL_SECTIONS,
  APACHE_DEFAULT_CIPHERS,
  APACHE_DIRECTORY_SECTIONS,
  APACHE_ENABLED_FROM,
  APACHE_FILE_DIRECTIVES,
  APACHE_MARKERS,
  APACHE_PROTOCOL_DEFAULTS,
  APACHE_PROTOCOL_WORDS,
  APACHE_SSLV3_IN_ALL_BEFORE_OPENSSL,
  APACHE_TLS_LINE,
  DEFAULT_APACHE_VERSION,
} from './table.js';

const ID = 'apache-tls';
const MAX_OVERRIDDEN = 20;
const TLS13_DEFAULT = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';

/** A directive after include expansion and condition evaluation; `key` is the lower-cased name. */
interface Node {
  readonly key: string;
  readonly name: string;
  readonly args: readonly string[];
  readonly line: number;
  readonly path: string;
  readonly block?: readonly Node[];
}

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head)) return false;
  const base = posix.basename(file.path);
  // The main config is known by name; Debian's apache2.conf opens with over 4 KiB of comments before any directive.
  if (/^(httpd|apache2?)\.conf$/.test(base)) return true;
  const named = /\.conf$|^httpd|^apache2?\b/i.test(base) || /(^|\/)(apache2?|httpd)\//.test(file.path);
  const text = headText(file.head);
  if (!named && !APACHE_TLS_LINE.test(text)) return false;
  if (looksLikeNonConfig(file.path, text)) return false;
  // nginx blocks use braces; Apache never does at the start of a directive.
  if (/(^|\n)[ \t]*(server|http|events)[ \t]*\{/.test(text)) return false;
  return APACHE_MARKERS.test(text);
}

interface Loader {
  readonly diagnostics: Diagnostic[];
  readonly inc: IncludeFollower;
  serverRoot?: string;
}

function resolveApachePath(
  pattern: string,
  mainPath: string,
  ctx: DetectContext,
  serverRoot: string | undefined,
): { paths: readonly string[]; outside: boolean } {
  const dir = posix.dirname(mainPath) === '.' ? '' : posix.dirname(mainPath);
  const attempts = [
    ...(serverRoot && !pattern.startsWith('/')
      ? [() => resolveInclude(posix.join(serverRoot, pattern), dir, ctx.files, placementOf(ctx))]
      : []),
    () => resolveInclude(pattern, dir, ctx.files, placementOf(ctx)),
    // Relative paths are relative to ServerRoot, usually the parent of conf/ (httpd.conf lives in conf/).
    ...(dir
      ? [
          () =>
            resolveInclude(pattern, posix.dirname(dir) === '.' ? '' : posix.dirname(dir), ctx.files, placementOf(ctx)),
        ]
      : []),
  ];
  let first: { paths: readonly string[]; outside: boolean } | undefined;
  for (const a of attempts) {
    const r = a();
    first ??= r;
    if (r.paths.length > 0) return r;
  }
  return first ?? { paths: [], outside: false };
}

function conditionHolds(d: ApacheDirective, ctx: DetectContext): boolean {
  const arg = d.args.join(' ').trim();
  const negated = arg.startsWith('!');
  const name = negated ? arg.slice(1).trim() : arg;
  let holds = true;
  // IfDefine tests `-D` defines; modules are assumed loaded (a TLS config without mod_ssl serves no TLS anyway).
  if (d.name.toLowerCase() === 'ifdefine') holds = name in ctx.options.defines;
  return negated ? !holds : holds;
}

async function expand(
  read: () => Promise<ScanFile | undefined>,
  stack: readonly string[],
  mainPath: string,
  ctx: DetectContext,
  st: Loader,
): Promise<Node[]> {
  const f = await read();
  if (!f) return [];
  const filePath = f.path;
  const r = parseApache(f.text());
  for (const p of r.problems) st.diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, filePath, p.line));
  const walk = async (list: readonly ApacheDirective[]): Promise<Node[]> => {
    const out: Node[] = [];
    for (const d of list) {
      const key = d.name.toLowerCase();
      if (d.block && APACHE_CONDITIONAL_SECTIONS.includes(key)) {
        if (conditionHolds(d, ctx)) out.push(...(await walk(d.block)));
        continue;
      }
      if (key === 'serverroot' && d.args[0] && st.serverRoot === undefined) st.serverRoot = d.args[0];
      if ((key === 'include' || key === 'includeoptional') && !d.block) {
        const pattern = d.args[0] ?? '';
        const dir = posix.dirname(mainPath) === '.' ? '' : posix.dirname(mainPath);
        // Relative paths are relative to ServerRoot, usually the parent of conf/ (httpd.conf lives in conf/).
        const targets = await st.inc.resolve({
          pattern: st.serverRoot && !pattern.startsWith('/') ? posix.join(st.serverRoot, pattern) : pattern,
          also: st.serverRoot && !pattern.startsWith('/') ? [pattern] : [],
          from: { path: filePath, line: d.line },
          baseDirs: ancestors(dir),
          stack,
          optional: key === 'includeoptional' || /[*?[]/.test(pattern),
          enabledFrom: APACHE_ENABLED_FROM,
        });
        for (const t of targets)
          out.push(...(await expand(() => st.inc.read(t), [...stack, t.path], mainPath, ctx, st)));
        continue;
      }
      out.push({
        key,
        name: d.name,
        args: d.args,
        line: d.line,
        path: filePath,
        ...(d.block ? { block: await walk(d.block) } : {}),
      });
    }
    return out;
  };
  return walk(r.directives);
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const st: Loader = { diagnostics: [], inc: new IncludeFollower(ID, ctx) };
  const isMain = (p: string) => /^(httpd|apache2?)\.conf$/.test(posix.basename(p));
  const ordered = [...files].sort(
    (a, b) => Number(!isMain(a.path)) - Number(!isMain(b.path)) || a.path.localeCompare(b.path),
  );
  const trees = new Map<string, { tree: Node[]; serverRoot?: string }>();
  for (const f of ordered) {
    if (st.inc.isIncluded(f.path)) continue;
    st.serverRoot = undefined;
    const tree = await expand(() => ctx.readFile(f.path), [f.path], f.path, ctx, st);
    trees.set(f.path, { tree, ...(st.serverRoot ? { serverRoot: st.serverRoot } : {}) });
  }
  const findings: Finding[] = [];
  for (const [path, { tree, serverRoot }] of trees) {
    if (st.inc.isIncluded(path)) continue;
    findings.push(...contextsOf(tree, path, serverRoot, ctx, st.diagnostics, isMain(path)));
  }
  // A snippet (TLS directives outside any <VirtualHost>, in a file that is not the main config) stands as a scope
  // of its own too: it applies wherever it is included.
  for (const f of ordered) {
    if (isMain(f.path) || !st.inc.isIncluded(f.path)) continue;
    const r = { diagnostics: [] as Diagnostic[] };
    const sub: Loader = { diagnostics: r.diagnostics, inc: new IncludeFollower(ID, ctx) };
    const tree = await expand(() => ctx.readFile(f.path), [f.path], f.path, ctx, sub);
    findings.push(...contextsOf(tree, f.path, undefined, ctx, [], false, true));
  }
  yield { findings, diagnostics: [...st.diagnostics, ...st.inc.diagnostics] };
}

const TLS_DIRECTIVES = ['sslprotocol', 'sslciphersuite', 'sslopensslconfcmd', 'sslcertificatefile'];
const PROXY_DIRECTIVES = ['sslproxyprotocol', 'sslproxyciphersuite'];

function plain(list: readonly Node[]): Node[] {
  return list.filter((d) => !d.block);
}

/** SSLCipherSuite's optional first argument selects the protocol family it configures. */
function cipherFamily(d: Node): { family: 'ssl' | 'tls13'; value: string } {
  if (d.args.length >= 2) {
    const p = d.args[0]!.toLowerCase();
    if (p === 'tlsv1.3') return { family: 'tls13', value: d.args.slice(1).join(' ') };
    if (p === 'ssl') return { family: 'ssl', value: d.args.slice(1).join(' ') };
  }
  return { family: 'ssl', value: d.args.join(' ') };
}

/** ssl_cmd_protocol_parse: a bare word replaces the set, `+`/`-` add and remove; unknown words are errors. */
export function applySslProtocol(
  args: readonly string[],
  all: readonly TlsVersion[],
): { set: Set<TlsVersion>; illegal: string[]; replaced: boolean } {
  const set = new Set<TlsVersion>();
  const illegal: string[] = [];
  let replaced = false;
  for (const raw of args) {
    const action = raw[0] === '+' || raw[0] === '-' ? raw[0] : '';
    const word = (action ? raw.slice(1) : raw).toLowerCase();
    const hit = APACHE_PROTOCOL_WORDS[word];
    if (!hit) {
      illegal.push(raw);
      continue;
    }
    const versions = hit === 'all' ? all : hit;
    if (action === '-') for (const v of versions) set.delete(v);
    else if (action === '+') for (const v of versions) set.add(v);
    else {
      if (set.size > 0) replaced = true;
      set.clear();
      for (const v of versions) set.add(v);
    }
  }
  return { set, illegal, replaced };
}

/** ssl_engine_init.c: max = highest enabled version, min = lowest one reachable from it without a hole. */
export function contiguousFromTop(set: ReadonlySet<TlsVersion>): TlsVersion[] {
  const order = ALL_TLS_VERSIONS.filter((v) => v !== 'ssl-2.0');
  let hi = -1;
  for (let i = order.length - 1; i >= 0; i--)
    if (set.has(order[i]!)) {
      hi = i;
      break;
    }
  if (hi < 0) return [];
  let lo = hi;
  while (lo > 0 && set.has(order[lo - 1]!)) lo--;
  return order.slice(lo, hi + 1);
}

interface ApacheScope {
  readonly label: string;
  readonly node?: Node;
  readonly own: readonly Node[];
  /** SSLProxy*: the TLS client of mod_proxy towards back ends. */
  readonly proxy?: boolean;
  /** Reports what it writes, never defaults: a snippet, or server-wide settings without SSLEngine on. */
  readonly explicitOnly?: boolean;
  /** The main server's own scope (settings at top level). */
  readonly isServer?: boolean;
}

function contextsOf(
  tree: readonly Node[],
  rootPath: string,
  serverRoot: string | undefined,
  ctx: DetectContext,
  diagnostics: Diagnostic[],
  isMain: boolean,
  snippetOnly = false,
): Finding[] {
  const apacheVersion = ctx.options.assume.apache ?? ctx.options.assume.httpd ?? DEFAULT_APACHE_VERSION;
  const opensslVersion = ctx.options.assume.openssl ?? '3.0';
  const baseAll = pickByVersion(APACHE_ALL_PROTOCOLS, apacheVersion).value;
  const all: readonly TlsVersion[] =
    compareVersions(opensslVersion, APACHE_SSLV3_IN_ALL_BEFORE_OPENSSL) < 0 ? ['ssl-3.0', ...baseAll] : baseAll;
  const server = plain(tree);
  const last = (list: readonly Node[], key: string) => list.filter((d) => d.key === key).at(-1);
  const engineOn = (d: Node | undefined) => d !== undefined && /^(on|optional)$/i.test(d.args[0] ?? '');
  const findings: Finding[] = [];

  const scopes: ApacheScope[] = [];
  const serverTls = engineOn(last(server, 'sslengine'));
  const proxyOn = (d: Node | undefined) => d !== undefined && /^on$/i.test(d.args[0] ?? '');
  const vhosts = snippetOnly ? [] : tree.filter((d) => d.key === 'virtualhost' && d.block);
  for (const v of vhosts) {
    const own = plain(v.block ?? []);
    const name = last(own, 'servername')?.args[0];
    const label = `VirtualHost[${v.args.join(' ')}${name ? ` ${name}` : ''}]`;
    if (engineOn(last(own, 'sslengine') ?? last(server, 'sslengine'))) scopes.push({ label, node: v, own });
    if (proxyOn(last(own, 'sslproxyengine') ?? last(server, 'sslproxyengine')))
      scopes.push({ label: `${label} > SSLProxy`, node: v, own, proxy: true });
  }
  const serverHasTlsSettings = server.some((d) => TLS_DIRECTIVES.includes(d.key));
  const serverHasProxySettings = server.some((d) => PROXY_DIRECTIVES.includes(d.key));
  if (!isMain && (serverHasTlsSettings || serverHasProxySettings)) {
    // Not the main config: its top-level TLS directives are a snippet, included into some server or host.
    if (serverHasTlsSettings) scopes.unshift({ label: 'snippet', own: [], isServer: true, explicitOnly: true });
    if (serverHasProxySettings)
      scopes.unshift({ label: 'snippet > SSLProxy', own: [], isServer: true, explicitOnly: true, proxy: true });
  } else if (isMain) {
    if (serverTls) scopes.unshift({ label: 'server', own: [], isServer: true });
    // Server-wide settings with no TLS host to inherit them: what every TLS host added later gets.
    else if (serverHasTlsSettings && scopes.length === 0)
      scopes.unshift({ label: 'server', own: [], isServer: true, explicitOnly: true });
    if (proxyOn(last(server, 'sslproxyengine')))
      scopes.push({ label: 'server > SSLProxy', own: [], isServer: true, proxy: true });
    else if (serverHasProxySettings)
      scopes.push({ label: 'server > SSLProxy', own: [], isServer: true, proxy: true, explicitOnly: true });
  }

  const fileRef = (p: string): string => {
    const r = resolveApachePath(p, rootPath, ctx, serverRoot);
    return r.paths[0] ?? p;
  };

  for (const scope of scopes) {
    const isServer = scope.isServer === true;
    const own = isServer ? server : scope.own;
    const base = isServer ? [] : server;
    const K = scope.proxy
      ? {
          protocol: 'sslproxyprotocol',
          suite: 'sslproxyciphersuite',
          Protocol: 'SSLProxyProtocol',
          Suite: 'SSLProxyCipherSuite',
        }
      : { protocol: 'sslprotocol', suite: 'sslciphersuite', Protocol: 'SSLProtocol', Suite: 'SSLCipherSuite' };
    const pick = (key: string, filter: (d: Node) => boolean = () => true) => {
      const o = own.filter((d) => d.key === key && filter(d)).at(-1);
      if (o) return { node: o, origin: 'explicit' as const };
      const b = base.filter((d) => d.key === key && filter(d)).at(-1);
      return b ? { node: b, origin: 'inherited' as const } : undefined;
    };
    const notes: string[] = [];
    const defaultSrc = `Apache ${apacheVersion} default`;

    const proto = pick(K.protocol);
    const protoText = proto ? proto.node.args.join(' ') : pickByVersion(APACHE_PROTOCOL_DEFAULTS, apacheVersion).value;
    const parsed = applySslProtocol(proto ? proto.node.args : protoText.split(/\s+/), all);
    if (parsed.illegal.length > 0 && proto) {
      diagnostics.push(
        diagnostic(
          ID,
          'warning',
          'illegal-protocol',
          `${K.Protocol}: illegal protocol ${parsed.illegal.join(', ')} (httpd refuses to start).`,
          proto.node.path,
          proto.node.line,
        ),
      );
    }
    if (parsed.replaced) notes.push('SSLProtocol: a protocol without +/- replaces the earlier ones (missing prefix?)');
    let versions = contiguousFromTop(parsed.set);
    if (versions.length < [...parsed.set].filter((v) => v !== 'ssl-2.0').length)
      notes.push('SSLProtocol leaves a gap between versions: mod_ssl enables only the run below the highest one');
    const versionSetting: Omit<Setting<readonly TlsVersion[]>, 'value'> = proto
      ? { origin: proto.origin, directive: K.Protocol, line: proto.node.line, path: proto.node.path }
      : { origin: 'default', directive: defaultSrc };

    const cs = pick(K.suite, (d) => cipherFamily(d).family === 'ssl');
    let cipherString: Setting<string> = cs
      ? {
          value: cipherFamily(cs.node).value,
          origin: cs.origin,
          directive: K.Suite,
          line: cs.node.line,
          path: cs.node.path,
        }
      : { value: APACHE_DEFAULT_CIPHERS, origin: 'default', directive: `OpenSSL ${opensslVersion} default` };
    const ts = pick(K.suite, (d) => cipherFamily(d).family === 'tls13');
    let ciphersuites: Setting<string> = ts
      ? {
          value: cipherFamily(ts.node).value,
          origin: ts.origin,
          directive: `${K.Suite} TLSv1.3`,
          line: ts.node.line,
          path: ts.node.path,
        }
      : { value: TLS13_DEFAULT, origin: 'default', directive: `OpenSSL ${opensslVersion} default` };
    let groups: Setting<string | undefined> = {
      value: undefined,
      origin: 'default',
      directive: `OpenSSL ${opensslVersion} default`,
    };
    let sigalgs: Setting<string> | undefined;

    // SSLOpenSSLConfCmd lists are merged server first, then the virtual host's (mod_ssl cfgMergeArray), and are
    // applied after SSLProtocol/SSLCipherSuite, so they win.
    const cmds = scope.proxy
      ? []
      : [
          ...base.filter((d) => d.key === 'sslopensslconfcmd').map((d) => ({ d, origin: 'inherited' as const })),
          ...own.filter((d) => d.key === 'sslopensslconfcmd').map((d) => ({ d, origin: 'explicit' as const })),
        ];
    let minV: TlsVersion | undefined;
    let maxV: TlsVersion | undefined;
    let cmdVersions = false;
    for (const { d, origin } of cmds) {
      const cmd = (d.args[0] ?? '').toLowerCase();
      const value = d.args.slice(1).join(' ');
      const s = { value, origin, directive: `SSLOpenSSLConfCmd ${d.args[0]}`, line: d.line, path: d.path };
      if (cmd === 'cipherstring') cipherString = s;
      else if (cmd === 'ciphersuites') ciphersuites = s;
      else if (cmd === 'groups' || cmd === 'curves') groups = s;
      // ssl_conf.c cmd_ECDHParameters: one group name, set as the group list; "auto"/"automatic" keep the default.
      else if (cmd === 'ecdhparameters' && !/^\+?auto(matic)?$/i.test(value)) groups = s;
      else if (cmd === 'signaturealgorithms') sigalgs = s;
      else if (cmd === 'minprotocol') {
        minV = tlsVersionOf(value);
        cmdVersions = true;
      } else if (cmd === 'maxprotocol') {
        maxV = tlsVersionOf(value);
        cmdVersions = true;
      }
    }
    if (cmdVersions) {
      const order = ALL_TLS_VERSIONS;
      const lo = order.indexOf(minV ?? versions[0] ?? '1.0');
      const hi = order.indexOf(maxV ?? versions.at(-1) ?? '1.3');
      versions = order.slice(Math.max(lo, 1), hi + 1);
      notes.push('SSLOpenSSLConfCmd MinProtocol/MaxProtocol override SSLProtocol');
    }

    const references: { directive: string; path: string }[] = [];
    const written: string[] = [];
    for (const [key, directive] of Object.entries(APACHE_FILE_DIRECTIVES)) {
      const mine = own.filter((d) => d.key === key);
      const theirs = base.filter((d) => d.key === key);
      const list = APACHE_ACCUMULATING_FILES.includes(key) ? [...theirs, ...mine] : mine.length > 0 ? mine : theirs;
      for (const d of list) {
        const p = d.args[0];
        if (!p || written.includes(p)) continue;
        written.push(p);
        references.push({ directive, path: fileRef(p) });
      }
    }

    const settings: TlsSettings = {
      versions: { ...versionSetting, value: versions },
      cipherString,
      ciphersuites,
      groups,
      ...(sigalgs ? { signatureAlgorithms: sigalgs } : {}),
      references,
      opensslVersion,
      // mod_ssl has no PSK support; SRP suites need SSLSRPVerifierFile.
      negotiable: { psk: false, srp: pick('sslsrpverifierfile') !== undefined },
    };
    const at =
      scope.node ??
      last(server, 'sslengine') ??
      server.find((d) => TLS_DIRECTIVES.includes(d.key)) ??
      ({ key: '', name: '', args: [], line: 1, path: rootPath } satisfies Node);
    if (isServer && scope.explicitOnly && scope.label === 'server')
      notes.push('no SSLEngine on here: server-wide TLS defaults that virtual hosts inherit');
    if (scope.label.startsWith('snippet')) notes.push('snippet: applies wherever this file is included');
    const common: SettingScope = {
      detector: ID,
      label: scope.label,
      role: scope.proxy ? 'client' : 'server',
      path: at.path,
      line: at.line,
      snippet: scope.node ? `<VirtualHost ${scope.node.args.join(' ')}>` : `${at.name} ${at.args.join(' ')}`,
      state: scope.explicitOnly ? 'conditional' : 'active',
      library: 'OpenSSL',
      notes,
      properties: {
        'assumed.apache': apacheVersion,
        ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
      },
    };
    for (const f of tlsSettingFindings(common, settings, 'tls', proto ? { versions: protoText } : {})) {
      if (scope.explicitOnly && f.origin === 'default') continue;
      findings.push(f);
    }
    if (scope.proxy) continue;

    // Per-directory SSLCipherSuite forces a renegotiation with that list for matching requests (TLS ≤ 1.2).
    for (const sec of (isServer ? tree : (scope.node?.block ?? [])).filter(
      (d) => d.block && APACHE_DIRECTORY_SECTIONS.includes(d.key),
    )) {
      const dcs = plain(sec.block ?? [])
        .filter((d) => d.key === 'sslciphersuite' && cipherFamily(d).family === 'ssl')
        .at(-1);
      if (!dcs) continue;
      const dir = buildTlsFacts({
        ...settings,
        versions: { ...settings.versions, value: versions.filter((v) => v !== '1.3') },
        cipherString: {
          value: cipherFamily(dcs).value,
          origin: 'explicit',
          directive: 'SSLCipherSuite',
          line: dcs.line,
          path: dcs.path,
        },
      });
      findings.push(
        settingFinding(
          { ...common, label: `${scope.label} > ${sec.name}[${sec.args.join(' ')}]` },
          {
            setting: 'ciphers',
            directive: 'SSLCipherSuite',
            value: cipherFamily(dcs).value,
            origin: 'explicit',
            path: dcs.path,
            line: dcs.line,
            snippet: `${dcs.name} ${dcs.args.join(' ')}`,
          },
          dir.protocol,
          {
            state: 'conditional',
            notes: ['per-directory cipher suite: applied by renegotiation for matching requests', ...dir.notes],
          },
        ),
      );
    }

    // Earlier copies of a single-valued directive in the same scope configure nothing (last one wins).
    const overriddenScope = isServer ? server : scope.own;
    const groupsOf: [string, (d: Node) => boolean][] = [
      ['sslprotocol', () => true],
      ['sslciphersuite', (d) => cipherFamily(d).family === 'ssl'],
      ['sslciphersuite', (d) => cipherFamily(d).family === 'tls13'],
    ];
    for (const [key, filter] of groupsOf) {
      const dupes = overriddenScope.filter((d) => d.key === key && filter(d));
      const winner = dupes.at(-1);
      for (const d of dupes.slice(0, -1).slice(-MAX_OVERRIDDEN)) {
        const over = buildTlsFacts({
          ...settings,
          ...(key === 'sslprotocol'
            ? {
                versions: {
                  value: contiguousFromTop(applySslProtocol(d.args, all).set),
                  origin: 'explicit',
                  directive: 'SSLProtocol',
                },
              }
            : cipherFamily(d).family === 'tls13'
              ? { ciphersuites: { value: cipherFamily(d).value, origin: 'explicit', directive: 'SSLCipherSuite' } }
              : { cipherString: { value: cipherFamily(d).value, origin: 'explicit', directive: 'SSLCipherSuite' } }),
        });
        const fam =
          key === 'sslprotocol' ? 'versions' : cipherFamily(d).family === 'tls13' ? 'ciphersuites' : 'ciphers';
        findings.push(
          settingFinding(
            common,
            {
              setting: fam,
              directive: d.name,
              value: key === 'sslprotocol' ? d.args.join(' ') : cipherFamily(d).value,
              origin: 'explicit',
              path: d.path,
              line: d.line,
              snippet: `${d.name} ${d.args.join(' ')}`,
            },
            over.protocol,
            {
              state: 'overridden',
              notes: [`${d.name} is set again at ${winner!.path}:${winner!.line}; the last one wins`],
            },
          ),
        );
      }
    }
  }
  return findings;
}

export const apacheTls: Detector = {
  id: ID,
  summary: 'TLS protocol versions, cipher suites, groups and certificate files of Apache httpd (mod_ssl) servers',
  accepts,
  scanAll,
};
