/**
 * nginx-tls: TLS settings of every nginx `server` block (http, stream, mail), with `include` expansion
 * and http → server inheritance, reported as one ProtocolFinding per server (ngx_http_ssl_module).
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '@pqready/core';
import { markIncluded, resolveInclude, resolveReference } from '../../config/includes.js';
import { type NginxDirective, parseNginx } from '../../config/nginx-parser.js';
import {
  diagnostic,
  headText,
  looksBinary,
  looksLikeDocumentation,
  protocolFinding,
} from '../../config/protocol-finding.js';
import { buildTlsFacts, type Setting, type TlsSettings } from '../../config/tls-facts.js';
import { type TlsVersion, tlsVersionOf } from '../../config/tls-lists.js';
import { pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  DEFAULT_NGINX_VERSION,
  NGINX_BLOCK_TLS_DIRECTIVES,
  NGINX_DEFAULT_CIPHERS,
  NGINX_FILE_DIRECTIVES,
  NGINX_PROTOCOL_DEFAULTS,
  NGINX_SERVER_PARENTS,
} from './table.js';

const ID = 'nginx-tls';
const MAX_INCLUDE_DEPTH = 16;
const MAX_OVERRIDDEN = 20;

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
/** A `directive args;` line only nginx writes; needed when neither path nor name says nginx. */
const NGINX_DIRECTIVE =
  /(^|\n)[ \t]*(listen[ \t]+[^{;\n]+|server_name[ \t]+[^{;\n]+|ssl_[a-z_]+[ \t]+[^{;\n]+|worker_processes[ \t]+\S+|root[ \t]+\S+|proxy_pass[ \t]+\S+|return[ \t]+\d{3}[^{;\n]*|include[ \t]+\S+)[ \t]*;/;
/** `name = value` lines (FreeRADIUS `server … { listen { type = auth } }`, BIND, keepalived): never nginx syntax. */
const ASSIGNMENT_LINE = /(^|\n)[ \t]*[A-Za-z_][\w.-]*[ \t]*=[ \t]*[^;\n]*(?=\n|$)/g;

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head)) return false;
  const name = posix.basename(file.path);
  const nginxPath = /nginx/i.test(file.path);
  if (
    !/\.conf$|^nginx|^default$|sites-(enabled|available)\//.test(name) &&
    !nginxPath &&
    !/sites-(enabled|available)/.test(file.path)
  )
    return false;
  const text = headText(file.head);
  if (/<VirtualHost|^\s*SSLEngine/im.test(text) || looksLikeDocumentation(file.path, text)) return false;
  if (!NGINX_HINT.test(text)) return false;
  if (nginxPath) return true;
  // Other daemons keep `sites-available/` and brace blocks too (FreeRADIUS, BIND, keepalived): without nginx in
  // the path, demand an nginx-only directive line and no `key = value` lines.
  return NGINX_DIRECTIVE.test(text) && (text.match(ASSIGNMENT_LINE)?.length ?? 0) < 2;
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const parsed = new Map<string, readonly NginxDirective[]>();
  const diagnostics: Diagnostic[] = [];
  const parseFile = async (path: string): Promise<readonly NginxDirective[] | undefined> => {
    if (parsed.has(path)) return parsed.get(path);
    const f = await ctx.readFile(path);
    if (!f) return undefined;
    const r = parseNginx(f.text());
    for (const p of r.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, path, p.line));
    parsed.set(path, r.directives);
    return r.directives;
  };
  // Files pulled in by another accepted file are reported through their includer, not alone.
  const included = new Set<string>();
  const expand = async (path: string, stack: readonly string[], baseDir: string): Promise<Node[]> => {
    const dirs = await parseFile(path);
    if (!dirs) return [];
    const walk = async (list: readonly NginxDirective[]): Promise<Node[]> => {
      const out: Node[] = [];
      for (const d of list) {
        if (d.name === 'include' && !d.block) {
          const pattern = d.args[0] ?? '';
          const res = resolveInclude(pattern, baseDir, ctx.files);
          if (res.outside) {
            diagnostics.push(
              diagnostic(
                ID,
                'info',
                'include-outside-root',
                `Include "${pattern}" is outside the scan root; not followed.`,
                path,
                d.line,
              ),
            );
            continue;
          }
          if (res.paths.length === 0 && !/[*?[]/.test(pattern)) {
            diagnostics.push(
              diagnostic(
                ID,
                'info',
                'include-not-found',
                `Include "${pattern}" matches no scanned file.`,
                path,
                d.line,
              ),
            );
          }
          for (const target of res.paths) {
            if (stack.includes(target) || stack.length > MAX_INCLUDE_DEPTH) {
              diagnostics.push(
                diagnostic(
                  ID,
                  'warning',
                  'include-cycle',
                  `Include of "${target}" forms a cycle; skipped.`,
                  path,
                  d.line,
                ),
              );
              continue;
            }
            markIncluded(included, target, ctx.files);
            out.push(...(await expand(target, [...stack, target], baseDir)));
          }
        } else {
          out.push({
            name: d.name,
            args: d.args,
            line: d.line,
            path,
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
    if (included.has(f.path)) continue;
    trees.set(f.path, await expand(f.path, [f.path], posix.dirname(f.path)));
  }
  const findings: Finding[] = [];
  for (const [path, tree] of trees) {
    if (included.has(path)) continue;
    findings.push(...serversOf(tree, path, ctx));
  }
  yield { findings, diagnostics };
}

function serversOf(tree: readonly Node[], rootPath: string, ctx: DetectContext): Finding[] {
  const out: Finding[] = [];
  for (const top of tree) {
    if (top.block && NGINX_SERVER_PARENTS.includes(top.name)) {
      const before = out.length;
      for (const s of top.block) if (s.name === 'server' && s.block) out.push(...serverFindings(s, top, ctx, rootPath));
      // TLS settings written at http/stream/mail level with no TLS server to inherit them (Debian's nginx.conf
      // sets ssl_protocols in http; its servers live in sites-enabled): they are what every future one gets.
      if (out.length === before && top.block.some((d) => NGINX_BLOCK_TLS_DIRECTIVES.includes(d.name)))
        out.push(...serverFindings(top, undefined, ctx, rootPath, true));
    } else if (top.name === 'server' && top.block) {
      out.push(...serverFindings(top, undefined, ctx, rootPath));
    }
  }
  return out;
}

function last(list: readonly Node[] | undefined, name: string): Node | undefined {
  return list?.filter((d) => d.name === name).at(-1);
}

/**
 * TLS is on when a `listen` has `ssl`/`quic`, or `ssl on;` (removed in 1.25.1) is set in the server or inherited,
 * or (mail) `starttls on|only`. A certificate alone turns nothing on: `listen 80;` next to an http-level
 * `ssl_certificate` stays plain HTTP.
 */
function hasTls(server: readonly Node[], parent: readonly Node[] | undefined): boolean {
  if (server.some((d) => d.name === 'listen' && d.args.some((a) => a === 'ssl' || a === 'quic'))) return true;
  const flag = (name: string) => (last(server, name) ?? last(parent, name))?.args[0];
  return flag('ssl') === 'on' || /^(on|only)$/.test(flag('starttls') ?? '');
}

function confCommands(list: readonly Node[] | undefined): Map<string, Node> {
  const m = new Map<string, Node>();
  for (const d of list ?? []) if (d.name === 'ssl_conf_command' && d.args[0]) m.set(d.args[0].toLowerCase(), d);
  return m;
}

/** `blockDefaults`: `server` is an http/stream/mail block whose own TLS settings no TLS server inherits. */
function serverFindings(
  server: Node,
  parent: Node | undefined,
  ctx: DetectContext,
  rootPath: string,
  blockDefaults = false,
): Finding[] {
  const body = server.block ?? [];
  const outer = parent?.block;
  if (!blockDefaults && !hasTls(body, outer)) return [];
  const nginxVersion = ctx.options.assume.nginx ?? DEFAULT_NGINX_VERSION;
  const opensslVersion = ctx.options.assume.openssl ?? '3.0';
  const name = last(body, 'server_name')?.args[0] ?? '_';
  const listen = body.find((d) => d.name === 'listen')?.args[0] ?? '';
  const port = listen.includes(':') ? listen.slice(listen.lastIndexOf(':') + 1) : listen;
  const context = blockDefaults
    ? server.name
    : `${parent ? `${parent.name} > ` : ''}server[${name}${port ? `:${port}` : ''}]`;

  const setting = (directive: string, fallback: string, defaultSource: string): Setting<string> => {
    const own = last(body, directive);
    if (own) return { value: own.args.join(' '), origin: 'explicit', directive, line: own.line, path: own.path };
    const inh = last(outer, directive);
    if (inh) return { value: inh.args.join(' '), origin: 'inherited', directive, line: inh.line, path: inh.path };
    return { value: fallback, origin: 'default', directive: defaultSource };
  };
  // ssl_conf_command is an array: a server with any of its own does not inherit the http ones.
  const ownCmds = confCommands(body);
  const cmds = ownCmds.size > 0 ? ownCmds : confCommands(outer);
  const cmdOrigin = ownCmds.size > 0 ? 'explicit' : 'inherited';
  const fromCmd = (key: string, base: Setting<string>): Setting<string> => {
    const c = cmds.get(key.toLowerCase());
    return c
      ? {
          value: c.args.slice(1).join(' '),
          origin: cmdOrigin,
          directive: `ssl_conf_command ${c.args[0]}`,
          line: c.line,
          path: c.path,
        }
      : base;
  };

  const protoSetting = setting(
    'ssl_protocols',
    pickByVersion(NGINX_PROTOCOL_DEFAULTS, nginxVersion).value,
    `nginx ${nginxVersion} default`,
  );
  const versions = protoSetting.value
    .split(/\s+/)
    .map(tlsVersionOf)
    .filter((v): v is TlsVersion => v !== undefined);
  const cipherString = fromCmd(
    'CipherString',
    setting('ssl_ciphers', NGINX_DEFAULT_CIPHERS, `nginx ${nginxVersion} default`),
  );
  const ciphersuites = fromCmd('Ciphersuites', {
    value: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256',
    origin: 'default',
    directive: `OpenSSL ${opensslVersion} default`,
  });
  const curve = setting('ssl_ecdh_curve', 'auto', `nginx ${nginxVersion} default`);
  const groupsBase: Setting<string | undefined> = curve.value === 'auto' ? { ...curve, value: undefined } : curve;
  const groupCmd = cmds.get('groups') ?? cmds.get('curves');
  const groups: Setting<string | undefined> = groupCmd
    ? {
        value: groupCmd.args.slice(1).join(' '),
        origin: cmdOrigin,
        directive: 'ssl_conf_command Groups',
        line: groupCmd.line,
        path: groupCmd.path,
      }
    : groupsBase;
  const sig = cmds.get('signaturealgorithms');

  const references: { directive: string; path: string }[] = [];
  const written: string[] = [];
  for (const directive of NGINX_FILE_DIRECTIVES) {
    const own = body.filter((d) => d.name === directive);
    for (const d of own.length > 0 ? own : (outer ?? []).filter((x) => x.name === directive)) {
      const p = d.args[0];
      if (!p || p.startsWith('data:') || p.includes('$')) continue;
      written.push(p);
      references.push({ directive, path: resolveReference(p, posix.dirname(rootPath), ctx.files) ?? p });
    }
  }

  const settings: TlsSettings = {
    versions: { ...protoSetting, value: versions },
    cipherString,
    ciphersuites,
    groups,
    ...(sig
      ? {
          signatureAlgorithms: {
            value: sig.args.slice(1).join(' '),
            origin: cmdOrigin,
            directive: 'ssl_conf_command SignatureAlgorithms',
            line: sig.line,
            path: sig.path,
          },
        }
      : {}),
    references,
    opensslVersion,
    // nginx sets neither a PSK callback nor an SRP verifier.
    negotiable: { psk: false, srp: false },
  };
  const facts = buildTlsFacts(settings);
  const findings: Finding[] = [
    protocolFinding({
      detector: ID,
      path: server.path,
      line: server.line,
      snippet: blockDefaults ? `${server.name} {` : `server { # ${name}`,
      context,
      origin: facts.origin,
      state: blockDefaults ? 'conditional' : 'active',
      protocol: facts.protocol,
      library: 'OpenSSL',
      notes: blockDefaults
        ? [`no TLS server in this ${server.name} block: settings every TLS server added to it inherits`, ...facts.notes]
        : facts.notes,
      properties: {
        ...facts.properties,
        'assumed.nginx': nginxVersion,
        ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
      },
    }),
  ];
  // Earlier copies of a single-valued directive in the same block configure nothing.
  for (const directive of ['ssl_protocols', 'ssl_ciphers', 'ssl_ecdh_curve']) {
    for (const scope of [body, outer ?? []]) {
      const all = scope.filter((d) => d.name === directive);
      // A bounded number per directive: a file repeating one line thousands of times stays cheap.
      for (const d of all.slice(0, -1).slice(-MAX_OVERRIDDEN)) {
        const over = buildTlsFacts({
          ...settings,
          ...(directive === 'ssl_protocols'
            ? {
                versions: {
                  value: d.args.map(tlsVersionOf).filter((v): v is TlsVersion => v !== undefined),
                  origin: 'explicit',
                  directive,
                },
              }
            : {}),
          ...(directive === 'ssl_ciphers'
            ? { cipherString: { value: d.args.join(' '), origin: 'explicit', directive } }
            : {}),
          ...(directive === 'ssl_ecdh_curve'
            ? { groups: { value: d.args.join(' '), origin: 'explicit', directive } }
            : {}),
        });
        findings.push(
          protocolFinding({
            detector: ID,
            path: d.path,
            line: d.line,
            snippet: `${d.name} ${d.args.join(' ')};`,
            context,
            origin: 'explicit',
            state: 'overridden',
            protocol: over.protocol,
            library: 'OpenSSL',
            notes: [
              `${directive} is set again at ${all.at(-1)!.path}:${all.at(-1)!.line}; nginx rejects duplicates of it in one block`,
            ],
          }),
        );
      }
      if (scope === body && all.length > 0) break;
    }
  }
  return findings;
}

export const nginxTls: Detector = {
  id: ID,
  summary: 'TLS protocol versions, cipher suites, groups and certificate files of nginx server blocks',
  accepts,
  scanAll,
};
