/**
 * nginx-tls: TLS settings of nginx, one finding per setting at the directive that chose it: every TLS `server`
 * of `http`, `stream` and `mail` (ngx_http_ssl_module, ngx_stream_ssl_module, ngx_mail_ssl_module), every upstream
 * TLS context (`proxy_ssl_*` with `proxy_pass https://`, `grpc_ssl_*` with `grpcs://`, `uwsgi_ssl_*` with
 * `suwsgi://`, stream `proxy_ssl on`), and snippet files whose TLS directives stand outside any block (they apply
 * wherever they are included, and are also reported through the including server when it is in the scan).
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '@pqready/core';
import { ancestors, IncludeFollower, placementOf, resolveReference } from '../../config/includes.js';
import { type NginxDirective, parseNginx } from '../../config/nginx-parser.js';
import { diagnostic, headText, looksBinary, looksLikeNonConfig } from '../../config/protocol-finding.js';
import { type Role, type Scope, settingFinding, tlsSettingFindings } from '../../config/setting-findings.js';
import { buildTlsFacts, type Setting, type TlsSettings } from '../../config/tls-facts.js';
import { type TlsVersion, tlsVersionOf } from '../../config/tls-lists.js';
import { pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  DEFAULT_NGINX_VERSION,
  NGINX_CLIENT_DEFAULT_CIPHERS,
  NGINX_CLIENT_FAMILIES,
  NGINX_CLIENT_FILE_SUFFIXES,
  NGINX_CLIENT_PROTOCOL_DEFAULTS,
  NGINX_DEFAULT_CIPHERS,
  NGINX_ENABLED_FROM,
  NGINX_FILE_DIRECTIVES,
  NGINX_PROTOCOL_DEFAULTS,
  NGINX_SERVER_PARENTS,
} from './table.js';

const ID = 'nginx-tls';
const MAX_OVERRIDDEN = 20;
const TLS13_DEFAULT = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';

/** A directive with the file it came from (after include expansion). */
interface Node {
  readonly name: string;
  readonly args: readonly string[];
  readonly line: number;
  readonly path: string;
  readonly block?: readonly Node[];
}

const NGINX_HINT =
  /(^|\n)[ \t]*(http|server|events|stream|upstream|location)\b[^\n;{]*\{|(^|\n)[ \t]*(ssl_(protocols|ciphers|certificate|ecdh_curve|conf_command)|listen|server_name|worker_processes)\s/;
/**
 * A `directive args;` only nginx writes; needed when neither path nor name says nginx. A directive starts a line
 * or follows `{` or `;` (`server { ssl_protocols TLSv1; … }` on one line).
 */
const NGINX_DIRECTIVE =
  /(^|[\n{;])[ \t]*(listen[ \t]+[^{;\n]+|server_name[ \t]+[^{;\n]+|ssl_[a-z_]+[ \t]+[^{;\n]+|worker_processes[ \t]+\S+|root[ \t]+\S+|proxy_pass[ \t]+\S+|return[ \t]+\d{3}[^{;\n]*|include[ \t]+\S+)[ \t]*;/;
/** TLS directive lines only nginx writes: enough to claim a snippet of any name (`tls.inc`, `ssl-params`). */
const NGINX_TLS_LINE =
  /(^|[\n{;])[ \t]*((ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_(protocols|ciphers|conf_command|ecdh_curve|certificate|certificate_key|dhparam|prefer_server_ciphers|session_cache|session_timeout|trusted_certificate|verify)|listen[ \t]+[^;\n{]*\bssl\b[^;\n{]*)[ \t]+[^;\n{]*;/;
/** `name = value` lines (FreeRADIUS `server … { listen { type = auth } }`, BIND, keepalived): never nginx syntax. */
const ASSIGNMENT_LINE = /(^|\n)[ \t]*[A-Za-z_][\w.-]*[ \t]*=[ \t]*[^;\n]*(?=\n|$)/g;

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head)) return false;
  const text = headText(file.head);
  if (/<VirtualHost|^\s*SSLEngine/im.test(text) || looksLikeNonConfig(file.path, text)) return false;
  const assignments = text.match(ASSIGNMENT_LINE)?.length ?? 0;
  // Snippets are claimed by content whatever their name: an nginx-only TLS directive line and no `key = value`.
  if (NGINX_TLS_LINE.test(text) && assignments < 2) return true;
  const name = posix.basename(file.path);
  const nginxPath = /nginx/i.test(file.path);
  if (
    !/\.conf$|^nginx|^default$|sites-(enabled|available)\//.test(name) &&
    !nginxPath &&
    !/sites-(enabled|available)/.test(file.path)
  )
    return false;
  if (!NGINX_HINT.test(text)) return false;
  if (nginxPath) return true;
  // Other daemons keep `sites-available/` and brace blocks too (FreeRADIUS, BIND, keepalived): without nginx in
  // the path, demand an nginx-only directive line and no `key = value` lines.
  return NGINX_DIRECTIVE.test(text) && assignments < 2;
}

/** Directive names that choose an algorithm or version (server side, and each upstream family). */
function settingDirective(name: string): { prefix: string; role: Role } | undefined {
  const m = /^(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_(protocols|ciphers|conf_command|ecdh_curve)$/.exec(name);
  if (!m || (m[1] !== 'ssl' && m[2] === 'ecdh_curve')) return undefined;
  return { prefix: `${m[1]}_`, role: m[1] === 'ssl' ? 'server' : 'client' };
}

/** The directive families (`ssl_`, `proxy_ssl_` …) of one role among setting directives. */
function prefixesOf(list: readonly Node[], role: Role): Set<string> {
  const out = new Set<string>();
  for (const d of list) {
    const x = settingDirective(d.name);
    if (x?.role === role) out.add(x.prefix);
  }
  return out;
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const parsed = new Map<string, readonly NginxDirective[]>();
  const diagnostics: Diagnostic[] = [];
  const inc = new IncludeFollower(ID, ctx, { word: 'include' });
  const parseFile = async (path: string, read: () => Promise<{ text(): string } | undefined>) => {
    if (parsed.has(path)) return parsed.get(path);
    const f = await read();
    if (!f) return undefined;
    const r = parseNginx(f.text());
    for (const p of r.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, path, p.line));
    parsed.set(path, r.directives);
    return r.directives;
  };
  const expand = async (path: string, stack: readonly string[], baseDir: string, outside = false): Promise<Node[]> => {
    const dirs = await parseFile(path, () =>
      outside ? inc.read({ path, outside: true, absPath: path }) : ctx.readFile(path),
    );
    if (!dirs) return [];
    const walk = async (list: readonly NginxDirective[]): Promise<Node[]> => {
      const out: Node[] = [];
      for (const d of list) {
        if (d.name === 'include' && !d.block) {
          const pattern = d.args[0] ?? '';
          // Relative includes start at nginx's conf prefix: the main file's directory, or (for a server file
          // standing alone, conf.d/x.conf) one of its parents.
          const targets = await inc.resolve({
            pattern,
            from: { path, line: d.line },
            baseDirs: ancestors(baseDir),
            stack,
            optional: /[*?[]/.test(pattern),
            enabledFrom: NGINX_ENABLED_FROM,
          });
          for (const t of targets) {
            const key = t.outside ? (t.absPath ?? t.path) : t.path;
            out.push(...(await expand(key, [...stack, t.path], baseDir, t.outside)));
          }
        } else {
          out.push({
            name: d.name,
            args: d.args,
            line: d.line,
            path: outside ? posix.relative(ctx.scanRoot ?? '/', path) : path,
            ...(d.block ? { block: await walk(d.block) } : {}),
          });
        }
      }
      return out;
    };
    return walk(dirs);
  };

  const trees = new Map<string, Node[]>();
  // Main files (nginx.conf) first: their includes decide which other files are snippets, not roots.
  const main = (p: string) => (posix.basename(p).startsWith('nginx') ? 0 : 1);
  const ordered = [...files].sort((a, b) => main(a.path) - main(b.path) || a.path.localeCompare(b.path));
  for (const f of ordered) {
    if (inc.isIncluded(f.path)) continue;
    trees.set(f.path, await expand(f.path, [f.path], posix.dirname(f.path)));
  }
  const findings: Finding[] = [];
  for (const [path, tree] of trees) {
    if (inc.isIncluded(path)) continue;
    findings.push(...new ScopeWalker(ctx, path).walkFile(tree));
  }
  // A snippet stands as a scope of its own too: it applies wherever it is included.
  for (const f of ordered) {
    const own = parsed.get(f.path);
    if (!own) continue;
    const bare = own
      .filter((d) => !d.block && settingDirective(d.name))
      .map((d) => ({ name: d.name, args: d.args, line: d.line, path: f.path }));
    if (bare.length > 0) findings.push(...new ScopeWalker(ctx, f.path).snippet(bare));
  }
  yield { findings, diagnostics: [...diagnostics, ...inc.diagnostics] };
}

function last(list: readonly Node[] | undefined, name: string): Node | undefined {
  for (let i = (list?.length ?? 0) - 1; i >= 0; i--) if (list![i]!.name === name) return list![i];
  return undefined;
}

/** Blocks from the scope outward: its own list first, then each enclosing block's (inheritance order). */
type Chain = readonly (readonly Node[])[];

class ScopeWalker {
  private readonly nginxVersion: string;
  private readonly opensslVersion: string;
  /** Setting directives some scope reported; the others are reported with the block that holds them. */
  private readonly used = new Set<Node>();
  private readonly out: Finding[] = [];

  constructor(
    private readonly ctx: DetectContext,
    private readonly rootPath: string,
  ) {
    this.nginxVersion = ctx.options.assume.nginx ?? DEFAULT_NGINX_VERSION;
    this.opensslVersion = ctx.options.assume.openssl ?? '3.0';
  }

  walkFile(tree: readonly Node[]): Finding[] {
    for (const top of tree) {
      if (top.block && NGINX_SERVER_PARENTS.includes(top.name)) {
        for (const s of top.block) {
          if (s.name !== 'server' || !s.block) continue;
          const label = `${top.name} > ${serverLabel(s.block)}`;
          if (hasTls(s.block, top.block, top.name)) this.tlsScope(s, label, 'server', 'ssl_', [s.block, top.block]);
          this.clients(s, label, [s.block, top.block], top.name === 'stream');
        }
        this.leftovers(top, top.name);
      } else if (top.name === 'server' && top.block) {
        const label = serverLabel(top.block);
        if (hasTls(top.block, undefined, 'http')) this.tlsScope(top, label, 'server', 'ssl_', [top.block]);
        this.clients(top, label, [top.block], false);
        this.leftovers(top, label);
      }
    }
    // `location` blocks at the top of a file that nothing in the tree includes: a piece of a server body, spliced
    // into servers elsewhere (an installer's template, a snippet of a server the tree does not hold). Its upstream
    // TLS contexts exist wherever it goes, with whatever they leave at the default.
    const first = tree.find((d) => d.name === 'location' && d.block);
    if (first) {
      const host = { name: 'fragment', args: [], line: first.line, path: this.rootPath, block: tree };
      this.clients(host, 'fragment', [tree], false, 'fragment');
    }
    return this.out;
  }

  /** A snippet's bare TLS directives: a scope of their own, reporting only what they set. */
  snippet(bare: readonly Node[]): Finding[] {
    const at = bare[0]!;
    const host = { name: 'snippet', args: [], line: at.line, path: this.rootPath, block: bare };
    for (const role of ['server', 'client'] as const) {
      for (const prefix of prefixesOf(bare, role))
        this.tlsScope(
          host,
          prefix === 'ssl_' ? 'snippet' : `snippet > ${prefix}*`,
          role,
          prefix,
          [bare],
          'conditional',
        );
    }
    return this.out;
  }

  /** Upstream TLS of a server and its locations (nested), and of stream servers with `proxy_ssl on`. */
  private clients(
    block: Node,
    label: string,
    chain: Chain,
    stream: boolean,
    mode: 'active' | 'fragment' = 'active',
  ): void {
    const body = block.block ?? [];
    for (const fam of NGINX_CLIENT_FAMILIES) {
      const pass = last(body, fam.pass);
      const streamTls = stream && fam.prefix === 'proxy_ssl_' && pick(chain, 'proxy_ssl')?.node.args[0] === 'on';
      if ((pass && fam.tlsScheme.test(pass.args[0] ?? '')) || (streamTls && pass))
        this.tlsScope(block, `${label} > ${fam.prefix}*`, 'client', fam.prefix, chain, mode);
    }
    for (const loc of body) {
      if (loc.name !== 'location' || !loc.block) continue;
      this.clients(loc, `${label} > location[${loc.args.join(' ')}]`, [loc.block, ...chain], stream, mode);
    }
  }

  /** Setting directives no scope reported: they configure whatever TLS server or upstream is added to the block. */
  private leftovers(block: Node, label: string): void {
    const visit = (b: Node, l: string, depth: number) => {
      const list = b.block ?? [];
      const unused = list.filter((d) => !d.block && settingDirective(d.name) && !this.used.has(d));
      for (const role of ['server', 'client'] as const) {
        const prefixes = prefixesOf(unused, role);
        // Written in a server that speaks no TLS: configures nothing. Elsewhere: what TLS servers added here get.
        const mode = b.name === 'server' && role === 'server' ? 'inactive' : 'conditional';
        for (const prefix of prefixes)
          this.tlsScope(b, `${l}${role === 'client' ? ` > ${prefix}*` : ''}`, role, prefix, [list], mode);
      }
      if (depth < 8)
        for (const c of list)
          if (c.block && (c.name === 'server' || c.name === 'location'))
            visit(
              c,
              `${l} > ${c.name === 'server' ? serverLabel(c.block) : `location[${c.args.join(' ')}]`}`,
              depth + 1,
            );
    };
    visit(block, label, 0);
  }

  /**
   * One TLS scope: the settings of `prefix` (ssl_, proxy_ssl_ …) from the scope's block and the blocks it inherits
   * from. A snippet or a block without a TLS scope (`conditional`), or a server that speaks no TLS (`inactive`),
   * reports what it writes, never defaults.
   */
  private tlsScope(
    host: Node,
    label: string,
    role: Role,
    prefix: string,
    chain: Chain,
    mode: 'active' | 'conditional' | 'inactive' | 'fragment' = 'active',
  ): void {
    // A fragment's scope applies wherever the fragment is spliced in (conditional) but is a TLS context of its own:
    // what it leaves unset is reported as defaults, unlike a snippet's or a block's leftover settings.
    const explicitOnly = mode === 'conditional' || mode === 'inactive';
    const conditional = mode !== 'active';
    const server = role === 'server';
    const defaults = server ? NGINX_PROTOCOL_DEFAULTS : NGINX_CLIENT_PROTOCOL_DEFAULTS;
    const defaultSource = `nginx ${this.nginxVersion} default`;
    const take = (directive: string): Setting<string> | undefined => {
      const hit = pick(chain, directive);
      if (!hit) return undefined;
      this.markUsed(hit, label, role);
      return {
        value: hit.node.args.join(' '),
        origin: hit.inherited ? 'inherited' : 'explicit',
        directive,
        line: hit.node.line,
        path: hit.node.path,
      };
    };
    const proto = take(`${prefix}protocols`);
    const protoValue = proto?.value ?? pickByVersion(defaults, this.nginxVersion).value;
    const versions = protoValue
      .split(/\s+/)
      .map(tlsVersionOf)
      .filter((v): v is TlsVersion => v !== undefined);
    const ciphers = take(`${prefix}ciphers`) ?? {
      value: server ? NGINX_DEFAULT_CIPHERS : NGINX_CLIENT_DEFAULT_CIPHERS,
      origin: 'default',
      directive: defaultSource,
    };
    let cipherString: Setting<string> = ciphers;
    let ciphersuites: Setting<string> = {
      value: TLS13_DEFAULT,
      origin: 'default',
      directive: `OpenSSL ${this.opensslVersion} default`,
    };
    const curve = server ? take('ssl_ecdh_curve') : undefined;
    let groups: Setting<string | undefined> = curve
      ? { ...curve, value: curve.value === 'auto' ? undefined : curve.value }
      : { value: undefined, origin: 'default', directive: `OpenSSL ${this.opensslVersion} default` };
    let sigalgs: Setting<string> | undefined;
    // ssl_conf_command is an array: a block with any of its own does not inherit the outer ones.
    const cmdName = `${prefix}conf_command`;
    const cmdLevel = chain.findIndex((l) => l.some((d) => d.name === cmdName));
    if (cmdLevel >= 0) {
      for (const c of chain[cmdLevel]!.filter((d) => d.name === cmdName)) {
        this.used.add(c);
        const key = (c.args[0] ?? '').toLowerCase();
        const s = {
          value: c.args.slice(1).join(' '),
          origin: cmdLevel === 0 ? ('explicit' as const) : ('inherited' as const),
          directive: `${cmdName} ${c.args[0] ?? ''}`,
          line: c.line,
          path: c.path,
        };
        if (key === 'cipherstring') cipherString = s;
        else if (key === 'ciphersuites') ciphersuites = s;
        else if (key === 'groups' || key === 'curves') groups = s;
        else if (key === 'signaturealgorithms') sigalgs = s;
      }
    }

    const references: { directive: string; path: string }[] = [];
    const written: string[] = [];
    const fileDirectives = server ? NGINX_FILE_DIRECTIVES : NGINX_CLIENT_FILE_SUFFIXES.map((s) => `${prefix}${s}`);
    for (const directive of fileDirectives) {
      const level = chain.find((l) => l.some((d) => d.name === directive));
      for (const d of level?.filter((x) => x.name === directive) ?? []) {
        const p = d.args[0];
        if (!p || p.startsWith('data:') || p.includes('$')) continue;
        written.push(p);
        const found = resolveReference(p, posix.dirname(this.rootPath), this.ctx.files, placementOf(this.ctx));
        references.push({ directive, path: found ?? p });
      }
    }
    const settings: TlsSettings = {
      versions: proto
        ? { ...proto, value: versions }
        : { value: versions, origin: 'default', directive: defaultSource },
      cipherString,
      ciphersuites,
      groups,
      ...(sigalgs ? { signatureAlgorithms: sigalgs } : {}),
      references,
      opensslVersion: this.opensslVersion,
      // nginx sets neither a PSK callback nor an SRP verifier.
      negotiable: { psk: false, srp: false },
    };
    const scope: Scope = {
      detector: ID,
      label,
      role,
      path: host.path,
      line: host.line,
      snippet: host.name === 'snippet' ? 'snippet' : `${host.name} ${host.args.join(' ')}`.trim(),
      state: conditional ? 'conditional' : 'active',
      library: 'OpenSSL',
      ...(conditional
        ? {
            notes: [
              host.name === 'snippet' || host.name === 'fragment'
                ? `${host.name}: applies wherever this file is included`
                : mode === 'inactive'
                  ? 'this server speaks no TLS: the setting configures nothing'
                  : `not used by a TLS ${role === 'server' ? 'server' : 'upstream'} of this block: applies to the ones added to it`,
            ],
          }
        : {}),
      properties: {
        'assumed.nginx': this.nginxVersion,
        ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
      },
    };
    const found = tlsSettingFindings(scope, settings, 'tls', proto ? { versions: proto.value } : {});
    for (const f of found) {
      if (explicitOnly && f.origin === 'default') continue;
      this.out.push(mode === 'inactive' && f.state !== 'overridden' ? { ...f, state: 'inactive' } : f);
    }
    this.overridden(scope, chain, prefix, settings);
  }

  private markUsed(hit: { node: Node }, _label: string, _role: Role): void {
    this.used.add(hit.node);
  }

  /** Earlier copies of a single-valued directive in one block configure nothing (nginx rejects most of them). */
  private overridden(scope: Scope, chain: Chain, prefix: string, settings: TlsSettings): void {
    const kinds: [string, string][] = [
      [`${prefix}protocols`, 'versions'],
      [`${prefix}ciphers`, 'ciphers'],
      ...(prefix === 'ssl_' ? [['ssl_ecdh_curve', 'groups'] as [string, string]] : []),
    ];
    for (const [directive, setting] of kinds) {
      const level = chain.find((l) => l.some((d) => d.name === directive));
      const all = level?.filter((d) => d.name === directive) ?? [];
      const winner = all.at(-1);
      for (const d of all.slice(0, -1).slice(-MAX_OVERRIDDEN)) {
        if (this.used.has(d)) continue;
        this.used.add(d);
        const value = d.args.join(' ');
        const facts = buildTlsFacts({
          ...settings,
          ...(setting === 'versions'
            ? {
                versions: {
                  value: d.args.map(tlsVersionOf).filter((v): v is TlsVersion => v !== undefined),
                  origin: 'explicit',
                  directive,
                },
              }
            : {}),
          ...(setting === 'ciphers' ? { cipherString: { value, origin: 'explicit', directive } } : {}),
          ...(setting === 'groups' ? { groups: { value, origin: 'explicit', directive } } : {}),
        });
        const p = facts.protocol;
        this.out.push(
          settingFinding(
            scope,
            { setting, directive, value, origin: 'explicit', path: d.path, line: d.line },
            {
              ...p,
              cipherSuites: setting === 'ciphers' ? p.cipherSuites : [],
              groups: setting === 'groups' ? p.groups : [],
              signatureAlgorithms: [],
              flags: [],
            },
            {
              state: 'overridden',
              notes: [
                `${directive} is set again at ${winner!.path}:${winner!.line}; nginx rejects duplicates of it in one block`,
              ],
            },
          ),
        );
      }
    }
  }
}

/** The nearest block of the chain that writes `name`, and its last value there. */
function pick(chain: Chain, name: string): { node: Node; inherited: boolean } | undefined {
  for (const [i, list] of chain.entries()) {
    const hit = last(list, name);
    if (hit) return { node: hit, inherited: i > 0 };
  }
  return undefined;
}

function serverLabel(body: readonly Node[]): string {
  const name = last(body, 'server_name')?.args[0] ?? '_';
  // A server listening on 80 and 443 ssl is named by its TLS port: the scope is its TLS side.
  const listens = body.filter((d) => d.name === 'listen');
  const tls = listens.find((d) => d.args.some((a) => a === 'ssl' || a === 'quic'));
  const listen = (tls ?? listens[0])?.args[0] ?? '';
  const port = listen.includes(':') ? listen.slice(listen.lastIndexOf(':') + 1) : listen;
  return `server[${name}${port ? `:${port}` : ''}]`;
}

/**
 * TLS is on when a `listen` has `ssl`/`quic`, or `ssl on;` (removed in 1.25.1) is set in the server or inherited,
 * or (mail) `starttls on|only`. A certificate alone turns nothing on: `listen 80;` next to an http-level
 * `ssl_certificate` stays plain HTTP.
 */
function hasTls(server: readonly Node[], parent: readonly Node[] | undefined, context: string): boolean {
  if (server.some((d) => d.name === 'listen' && d.args.some((a) => a === 'ssl' || a === 'quic'))) return true;
  const flag = (name: string) => (last(server, name) ?? last(parent, name))?.args[0];
  return flag('ssl') === 'on' || (context === 'mail' && /^(on|only)$/.test(flag('starttls') ?? ''));
}

export const nginxTls: Detector = {
  id: ID,
  summary:
    'TLS versions, cipher suites, groups and certificate files of nginx servers, upstreams (proxy_ssl_*) and snippets',
  accepts,
  scanAll,
};
