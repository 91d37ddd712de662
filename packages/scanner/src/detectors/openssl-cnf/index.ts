/**
 * openssl-cnf: what an OpenSSL configuration file (openssl.cnf, config(5)) makes every application use:
 * the `openssl_conf` → `ssl_conf` → `system_default` TLS settings as a ProtocolFinding, activated providers
 * (oqs-provider adds PQ algorithms, the legacy provider re-enables MD4/RC4/DES … as AlgorithmFindings), and
 * the `req`/`ca` defaults (`default_md`, `default_bits`) as AlgorithmFindings with the section as context.
 */

import { posix } from 'node:path';
import type { AlgorithmFinding, Diagnostic, Finding, ProtocolFinding } from '@pqready/core';
import { IncludeFollower, resolveReference } from '../../config/includes.js';
import {
  buildOpensslCnf,
  type CnfEntry,
  type CnfEvent,
  type CnfSection,
  lexOpensslCnf,
} from '../../config/openssl-cnf-parser.js';
import { diagnostic, headText, looksBinary, protocolFinding } from '../../config/protocol-finding.js';
import { type Scope, settingFinding, tlsSettingFindings } from '../../config/setting-findings.js';
import { buildTlsFacts, type Setting, type TlsSettings } from '../../config/tls-facts.js';
import { tlsVersionOf, versionRange } from '../../config/tls-lists.js';
import { compareVersions } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  ACTIVATE_IS_BOOLEAN_SINCE,
  DIGEST_NAMES,
  LEGACY_PROVIDER_ALGORITHMS,
  OPENSSL_CNF_KEYS,
  PROVIDER_KINDS,
  type ProviderKind,
  REQ_DEFAULT_BITS,
  SSL_CONF_COMMANDS,
  WEAK_DIGESTS,
} from './table.js';

const ID = 'openssl-cnf';
const TLS13_DEFAULT = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';

function accepts(file: FileHead): boolean {
  const base = posix.basename(file.path);
  if (base === 'openssl.cnf') return true;
  if (looksBinary(file.head)) return false;
  if (!/\.(cnf|conf)$/.test(base) || !/openssl|ssl|\.cnf$/i.test(file.path)) return false;
  const text = headText(file.head);
  const keys = new Set(
    [...text.matchAll(/(^|\n)[ \t]*([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=/g)].map((m) => m[2]!.toLowerCase()),
  );
  // A file of SSL_CONF commands with no section (OpenSSL's demos/bio/accept.cnf) is read by its application.
  if (SSL_CONF_COMMANDS.filter((k) => keys.has(k)).length >= 2) return true;
  if (!/(^|\n)[ \t]*\[[ \t]*[A-Za-z0-9_.]+[ \t]*\]/.test(text)) return false;
  return OPENSSL_CNF_KEYS.filter((k) => keys.has(k)).length >= 2;
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const diagnostics: Diagnostic[] = [];
  const inc = new IncludeFollower(ID, ctx, { word: '.include' });
  const load = async (
    path: string,
    stack: readonly string[],
    read = () => ctx.readFile(path),
  ): Promise<{ path: string; events: CnfEvent[] }[]> => {
    const f = await read();
    if (!f) return [];
    const lexed = lexOpensslCnf(f.text());
    for (const p of lexed.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, f.path, p.line));
    const runs: { path: string; events: CnfEvent[] }[] = [{ path: f.path, events: [] }];
    for (const ev of lexed.events) {
      if (ev.kind !== 'include') {
        runs.at(-1)!.events.push(ev);
        continue;
      }
      // OpenSSL resolves relative includes against the working directory (usually the main file's); the
      // including file's own directory is tried next. A directory includes its *.cnf and *.conf files
      // (conf_def.c get_next_file).
      const dirOf = (p: string) => (posix.dirname(p) === '.' ? '' : posix.dirname(p));
      const from = { path: f.path, line: ev.line };
      const baseDirs = [...new Set([dirOf(stack[0]!), dirOf(f.path)])];
      let targets = await inc.resolve({ pattern: ev.pattern, from, baseDirs, stack, optional: true });
      if (targets.length === 0) {
        const inDir = await inc.resolve({
          pattern: posix.join(ev.pattern, '*.cnf'),
          also: [posix.join(ev.pattern, '*.conf')],
          from,
          baseDirs,
          stack,
          optional: true,
        });
        targets = inDir;
        if (inDir.length === 0 && !inc.diagnostics.some((d) => d.path === f.path && d.line === ev.line))
          inc.notFound(ev.pattern, from);
      }
      for (const t of targets) {
        runs.push(...(await load(t.path, [...stack, t.path], () => inc.read(t))));
        runs.push({ path: f.path, events: [] });
      }
    }
    return runs;
  };
  const findings: Finding[] = [];
  const ordered = [...files].sort(
    (a, b) =>
      Number(posix.basename(b.path) === 'openssl.cnf') - Number(posix.basename(a.path) === 'openssl.cnf') ||
      a.path.localeCompare(b.path),
  );
  const built: { path: string; sections: ReadonlyMap<string, CnfSection> }[] = [];
  for (const f of ordered) {
    if (inc.isIncluded(f.path)) continue;
    const runs = await load(f.path, [f.path]);
    const b = buildOpensslCnf(runs);
    for (const p of b.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, p.path, p.line));
    built.push({ path: f.path, sections: b.sections });
  }
  for (const b of built) if (!inc.isIncluded(b.path)) findings.push(...configFindings(b.path, b.sections, ctx));
  yield { findings, diagnostics: [...diagnostics, ...inc.diagnostics] };
}

function lookup(section: CnfSection | undefined, key: string): CnfEntry | undefined {
  if (!section) return undefined;
  let hit: CnfEntry | undefined;
  for (const [k, v] of section.entries) if (k.toLowerCase() === key) hit = v;
  return hit;
}

interface Provider {
  readonly name: string;
  readonly kind: ProviderKind;
  readonly entry: CnfEntry;
  readonly section: string;
}

function activeProviders(
  init: CnfSection | undefined,
  sections: ReadonlyMap<string, CnfSection>,
  opensslVersion: string,
): { providers: Provider[]; sectionName?: string } {
  const ref = lookup(init, 'providers');
  const sect = ref ? sections.get(ref.value) : undefined;
  if (!ref || !sect) return { providers: [] };
  const boolean = compareVersions(opensslVersion, ACTIVATE_IS_BOOLEAN_SINCE) >= 0;
  const out: Provider[] = [];
  for (const [name, e] of sect.entries) {
    const ps = sections.get(e.value);
    const act = lookup(ps, 'activate');
    if (!act) continue;
    if (boolean && !/^(1|yes|true|on)$/i.test(act.value)) continue;
    const module = lookup(ps, 'module')?.value ?? '';
    const stem = posix
      .basename(module)
      .replace(/\.(so|dylib|dll)$/, '')
      .toLowerCase();
    const kind = PROVIDER_KINDS[name.toLowerCase()] ?? PROVIDER_KINDS[stem] ?? 'other';
    out.push({ name, kind, entry: act, section: e.value });
  }
  return { providers: out, sectionName: ref.value };
}

function configFindings(path: string, sections: ReadonlyMap<string, CnfSection>, ctx: DetectContext): Finding[] {
  const opensslVersion = ctx.options.assume.openssl ?? '3.0';
  const findings: Finding[] = [];
  const defaults = sections.get('default');
  const initRef = lookup(defaults, 'openssl_conf');
  const init = initRef ? sections.get(initRef.value) : undefined;
  const { providers, sectionName: providerSect } = activeProviders(init, sections, opensslVersion);
  const provFlags = new Set<string>();
  const provNotes: string[] = [];
  for (const p of providers) {
    if (p.kind === 'pq') provFlags.add('pq-provider-active');
    if (p.kind === 'legacy') provFlags.add('legacy-provider-active');
    if (p.kind === 'fips') provFlags.add('fips-provider-active');
  }
  if (providers.length > 0) {
    provNotes.push(`active providers: ${providers.map((p) => p.name).join(', ')}`);
    if (!providers.some((p) => p.kind === 'default' || p.kind === 'fips'))
      provNotes.push('the default provider is not activated: explicit activation replaces the implicit default');
  }

  // TLS: each ssl_conf entry names a configuration; system_default applies to every SSL_CTX. Application
  // sections (CONF_modules_load_file with an appname) carry their own ssl_conf.
  const tlsContexts: { label: string; key: string; section?: CnfSection; at: CnfEntry }[] = [];
  for (const [name, s] of [...sections].sort(([a], [b]) => a.localeCompare(b))) {
    const ref = lookup(s, 'ssl_conf');
    const sslSect = ref ? sections.get(ref.value) : undefined;
    for (const [key, e] of sslSect?.entries ?? [])
      tlsContexts.push({
        label: `${name === 'default' || name === initRef?.value ? '' : `${name} > `}${ref!.value} > ${key}`,
        key,
        section: sections.get(e.value),
        at: e,
      });
  }
  // No ssl_conf anywhere but SSL_CONF commands in the default section: a file an application feeds to SSL_CONF_cmd.
  const flat = [...(defaults?.entries ?? [])].filter(([k]) => SSL_CONF_COMMANDS.includes(k.toLowerCase()));
  if (tlsContexts.length === 0 && flat.length > 0 && !initRef && defaults)
    tlsContexts.push({
      label: 'SSL_CONF commands',
      key: 'commands',
      section: { ...defaults, line: 1, path },
      at: flat[0]![1],
    });

  for (const c of tlsContexts) {
    const src = `OpenSSL ${opensslVersion} default`;
    const get = (key: string, fallback: string): Setting<string> => {
      const e = lookup(c.section, key);
      return e
        ? { value: e.value, origin: 'explicit', directive: e.name, line: e.line, path: e.path }
        : { value: fallback, origin: 'default', directive: src };
    };
    // RHEL/Fedora crypto-policies write `TLS.MinProtocol` (DTLS bounds separately) since crypto-policies 20210617.
    const minE = lookup(c.section, 'tls.minprotocol') ?? lookup(c.section, 'minprotocol');
    const maxE = lookup(c.section, 'tls.maxprotocol') ?? lookup(c.section, 'maxprotocol');
    const versions = versionRange(
      minE ? tlsVersionOf(minE.value) : undefined,
      maxE ? tlsVersionOf(maxE.value) : undefined,
    );
    const groupsE = lookup(c.section, 'groups') ?? lookup(c.section, 'curves');
    const sigE = lookup(c.section, 'signaturealgorithms');
    const settings: TlsSettings = {
      versions:
        minE || maxE
          ? {
              value: versions,
              origin: 'explicit',
              directive: (minE ?? maxE)!.name,
              line: (minE ?? maxE)!.line,
              path: (minE ?? maxE)!.path,
            }
          : { value: versions, origin: 'default', directive: src },
      cipherString: get('cipherstring', 'DEFAULT'),
      ciphersuites: get('ciphersuites', TLS13_DEFAULT),
      groups: groupsE
        ? { value: groupsE.value, origin: 'explicit', directive: groupsE.name, line: groupsE.line, path: groupsE.path }
        : { value: undefined, origin: 'default', directive: src },
      ...(sigE
        ? {
            signatureAlgorithms: {
              value: sigE.value,
              origin: 'explicit',
              directive: sigE.name,
              line: sigE.line,
              path: sigE.path,
            },
          }
        : {}),
      references: [],
      opensslVersion,
    };
    const notes = [...provNotes];
    if (lookup(c.section, 'protocol')) notes.push('the Protocol command is not evaluated; MinProtocol/MaxProtocol are');
    const isSystem = c.key === 'system_default';
    if (!isSystem) notes.unshift('applies only to applications that load this named configuration');
    const scope: Scope = {
      detector: ID,
      label: c.label,
      role: c.key === 'server' ? 'server' : c.key === 'client' ? 'client' : 'any',
      path: c.section?.path || c.at.path,
      line: c.section?.line || c.at.line,
      snippet:
        c.section?.name && c.section.name !== 'default' ? `[ ${c.section.name} ]` : `${c.at.name} = ${c.at.value}`,
      state: isSystem ? 'active' : 'conditional',
      library: 'OpenSSL',
      notes,
    };
    const versionsWritten = [minE, maxE]
      .filter((e) => e)
      .map((e) => `${e!.name} = ${e!.value}`)
      .join(', ');
    for (const f of tlsSettingFindings(scope, settings, 'tls', versionsWritten ? { versions: versionsWritten } : {})) {
      // A named configuration reports what it writes; what it leaves out is whatever its application sets.
      if (!isSystem && f.origin === 'default') continue;
      const pf = f as ProtocolFinding;
      findings.push(
        provFlags.size > 0
          ? {
              ...pf,
              protocol: { ...pf.protocol, flags: [...new Set([...(pf.protocol.flags ?? []), ...provFlags])].sort() },
            }
          : f,
      );
    }
    // A key repeated in the section: NCONF keeps the last value, the earlier ones never apply.
    for (const [key, setting] of [
      ['cipherstring', 'ciphers'],
      ['ciphersuites', 'ciphersuites'],
      ['minprotocol', 'versions'],
      ['groups', 'groups'],
      ['curves', 'groups'],
    ] as const) {
      const e = key === 'minprotocol' ? minE : lookup(c.section, key);
      for (const r of e?.replaced ?? []) {
        const over = buildTlsFacts({
          ...settings,
          ...(key === 'cipherstring'
            ? { cipherString: { value: r.value, origin: 'explicit', directive: e!.name } }
            : {}),
          ...(key === 'ciphersuites'
            ? { ciphersuites: { value: r.value, origin: 'explicit', directive: e!.name } }
            : {}),
          ...(key === 'minprotocol'
            ? {
                versions: {
                  value: versionRange(tlsVersionOf(r.value), maxE ? tlsVersionOf(maxE.value) : undefined),
                  origin: 'explicit',
                  directive: e!.name,
                },
              }
            : {}),
          ...(key === 'groups' || key === 'curves'
            ? { groups: { value: r.value, origin: 'explicit', directive: e!.name } }
            : {}),
        });
        findings.push(
          settingFinding(
            scope,
            { setting, directive: e!.name, value: r.value, origin: 'explicit', path: r.path, line: r.line },
            over.protocol,
            {
              state: 'overridden',
              notes: [`${e!.name} is set again at ${e!.path}:${e!.line}; OpenSSL keeps the last value`],
            },
          ),
        );
      }
    }
  }

  // An activated provider other than default/base makes its algorithms available to every application.
  for (const p of providers.filter((x) => x.kind !== 'default' && x.kind !== 'base')) {
    findings.push(
      protocolFinding({
        detector: ID,
        path: p.entry.path || path,
        line: p.entry.line,
        snippet: `${p.entry.name} = ${p.entry.value}`,
        context: `${providerSect} > ${p.name}`,
        origin: 'explicit',
        state: 'active',
        library: 'OpenSSL',
        protocol: {
          type: 'other',
          versions: [],
          cipherSuites: [],
          groups: [],
          signatureAlgorithms: [],
          flags: [`${p.kind}-provider-active`],
        },
        notes: [
          `the ${p.name} provider is activated: its algorithms are available to every application that loads this file`,
        ],
        properties: {
          'config.setting': 'provider',
          'config.directive': 'activate',
          'config.value': p.name,
          'config.role': 'any',
          'openssl.provider.kind': p.kind,
        },
      }),
    );
  }

  // The legacy provider makes broken primitives available to every application again.
  for (const p of providers.filter((x) => x.kind === 'legacy')) {
    for (const algorithm of LEGACY_PROVIDER_ALGORITHMS) {
      findings.push(
        algorithmFinding(path, p.entry, `${providerSect} > ${p.name}`, algorithm, [
          'made available by the activated legacy provider',
        ]),
      );
    }
  }

  // req / ca defaults: the hash certificates and requests are signed with, the RSA size of new keys.
  for (const [name, s] of [...sections].sort(([a], [b]) => a.localeCompare(b))) {
    // TSA signing digest, its accepted digests and the ESS certificate id hash (openssl-ts(1) config).
    for (const key of ['signer_digest', 'digests', 'ess_cert_id_alg']) {
      const e = lookup(s, key);
      if (!e) continue;
      for (const v of e.value.split(/[\s,]+/).filter((x) => x !== '')) {
        const hash = DIGEST_NAMES[v.toLowerCase()];
        findings.push(
          algorithmFinding(e.path, e, name, hash ? { id: hash } : { id: 'unknown', parameterSet: v }, [], {
            'openssl.key': key,
            ...settingProps('digest', e),
          }),
        );
      }
    }
    const md = lookup(s, 'default_md');
    if (md) {
      const hash = DIGEST_NAMES[md.value.toLowerCase()];
      const notes: string[] = [];
      if (md.value.toLowerCase() === 'default')
        notes.push('"default" lets the key type choose: SHA-256 for RSA and EC in OpenSSL 3.0');
      if (hash && WEAK_DIGESTS.includes(hash)) notes.push(`${md.value} is too weak to sign certificates or requests`);
      findings.push(
        algorithmFinding(md.path, md, name, hash ? { id: hash } : { id: 'unknown', parameterSet: md.value }, notes, {
          'openssl.key': 'default_md',
          ...settingProps('digest', md),
          ...(hash && WEAK_DIGESTS.includes(hash) ? { flag: 'weak-hash' } : {}),
        }),
      );
    }
    const bits = lookup(s, 'default_bits');
    if (bits) {
      const n = Number.parseInt(bits.value, 10);
      const keyfile = lookup(s, 'default_keyfile');
      const props: Record<string, string> = { 'openssl.key': 'default_bits', ...settingProps('key-bits', bits) };
      if (keyfile)
        props['openssl.defaultKeyfile'] =
          resolveReference(keyfile.value, posix.dirname(path), ctx.files) ?? keyfile.value;
      findings.push(
        algorithmFinding(
          bits.path,
          bits,
          name,
          Number.isFinite(n) && n > 0 ? { id: 'rsa', keyBits: n } : { id: 'rsa', unresolved: { keyBits: bits.value } },
          Number.isFinite(n) && n > 0 && n < REQ_DEFAULT_BITS
            ? [`${n}-bit RSA is below the 2048-bit OpenSSL default`]
            : [],
          props,
        ),
      );
    }
  }
  return findings;
}

function settingProps(setting: string, e: CnfEntry): Record<string, string> {
  return {
    'config.setting': setting,
    'config.directive': e.name,
    'config.value': e.value,
    'config.role': 'any',
    // `$ENV::NAME` stays as written: OpenSSL reads the variable when it loads the file.
    ...(e.environment ? { 'config.environment': e.environment.join(' ') } : {}),
  };
}

function algorithmFinding(
  path: string,
  e: CnfEntry,
  context: string,
  algorithm: AlgorithmFinding['algorithm'],
  notes: readonly string[],
  properties: Record<string, string> = {},
): AlgorithmFinding {
  return {
    kind: 'algorithm',
    detector: ID,
    role: 'config-enable',
    evidence: { path: e.path || path, line: e.line, snippet: `${e.name} = ${e.value}`.slice(0, 200) },
    state: 'active',
    context,
    origin: 'explicit',
    library: 'OpenSSL',
    ...(notes.length > 0 ? { notes: [...notes] } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    algorithm,
  };
}

export const opensslCnf: Detector = {
  id: ID,
  summary: 'System-wide TLS defaults, activated providers and req/ca signing defaults of openssl.cnf',
  accepts,
  scanAll,
};
