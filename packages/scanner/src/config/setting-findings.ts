/**
 * One finding per setting, at the directive that set it. A scope (nginx server, Apache virtual host, HAProxy bind
 * line, sshd Match block, policy profile …) reports each written or inherited setting at the file and line of the
 * directive that chose it, with the scope named in `context`; whatever the scope leaves unset is reported once,
 * as `origin: default`, at the scope's own line. A reviewer who opens a finding lands on the line to change.
 */
import type { CipherSuiteFacts, Finding, ProtocolFacts } from '@pqready/core';
import { protocolFinding } from './protocol-finding.js';
import { buildTlsFacts, type Origin, type Setting, type TlsSettings } from './tls-facts.js';

/** Which side of the connection a scope configures. */
export type Role = 'server' | 'client' | 'any';

/** Where a scope is, what it is called, and which side it configures. */
export interface Scope {
  readonly detector: string;
  /** Scope path shown as the finding context: `http > server[example.org:443]`, `snippet`, `Match[Group sftp]`. */
  readonly label: string;
  readonly role: Role;
  readonly path: string;
  readonly line: number;
  readonly snippet: string;
  /** `conditional` for snippets and defaults blocks (they apply wherever they are included or inherited). */
  readonly state: 'active' | 'conditional';
  readonly library?: string;
  readonly notes?: readonly string[];
  /** Properties every finding of the scope carries (`assumed.nginx` …). */
  readonly properties?: Readonly<Record<string, string>>;
}

/** The written form of one setting and where it was written. */
interface SettingSite {
  readonly setting: string;
  /** Directive as written: `ssl_ciphers`, `SSLOpenSSLConfCmd Groups`, `bind ciphers`. */
  readonly directive: string;
  readonly value: string;
  readonly origin: Exclude<Origin, 'default'>;
  readonly path: string;
  readonly line: number;
  readonly snippet?: string;
}

/** Properties that identify the setting of a finding, the same in every detector. */
function settingProperties(scope: Scope, site: { setting: string; directive: string; value?: string }) {
  return {
    'config.setting': site.setting,
    'config.directive': site.directive,
    ...(site.value !== undefined ? { 'config.value': site.value } : {}),
    'config.role': scope.role,
  };
}

/** A finding for one written or inherited setting. */
export function settingFinding(
  scope: Scope,
  site: SettingSite,
  protocol: ProtocolFacts,
  extra: {
    readonly state?: 'active' | 'conditional' | 'inactive' | 'overridden';
    readonly notes?: readonly string[];
    readonly properties?: Readonly<Record<string, string>>;
  } = {},
): Finding {
  return protocolFinding({
    detector: scope.detector,
    path: site.path,
    line: site.line,
    snippet: site.snippet ?? `${site.directive} ${site.value}`,
    context: scope.label,
    origin: site.origin,
    state: extra.state ?? scope.state,
    protocol,
    ...(scope.library ? { library: scope.library } : {}),
    notes: [...(scope.notes ?? []), ...(extra.notes ?? [])],
    properties: { ...scope.properties, ...extra.properties, ...settingProperties(scope, site) },
  });
}

/** The finding for everything a scope leaves at its default, at the scope's line; undefined when nothing defaults. */
export function defaultsFinding(
  scope: Scope,
  settings: readonly string[],
  protocol: ProtocolFacts,
  extra: { readonly notes?: readonly string[]; readonly properties?: Readonly<Record<string, string>> } = {},
): Finding | undefined {
  if (settings.length === 0) return undefined;
  return protocolFinding({
    detector: scope.detector,
    path: scope.path,
    line: scope.line,
    snippet: scope.snippet,
    context: scope.label,
    origin: 'default',
    state: scope.state,
    protocol,
    ...(scope.library ? { library: scope.library } : {}),
    notes: [...(scope.notes ?? []), ...(extra.notes ?? [])],
    properties: {
      ...scope.properties,
      ...extra.properties,
      'config.setting': 'defaults',
      'config.defaults': settings.join(' '),
      'config.role': scope.role,
    },
  });
}

function site(setting: string, s: Setting<unknown>, value: string): SettingSite | undefined {
  if (s.origin === 'default' || s.line === undefined || s.path === undefined) return undefined;
  return { setting, directive: s.directive, value, origin: s.origin, path: s.path, line: s.line };
}

const TLS_FLAGS = {
  versions: ['tls-below-1.2'],
  ciphers: ['static-rsa-kex', 'cbc-sha1', 'null-cipher', 'anonymous-auth', 'seclevel-0', 'invalid-cipher-string'],
  groups: ['no-pq-group'],
} as const;

/**
 * Splits the TLS settings of one scope into per-setting findings: versions, TLS ≤ 1.2 cipher string, TLS 1.3
 * suites, groups and signature algorithms, each at its directive; the defaulted ones together at the scope line.
 * A cipher list for versions the scope does not enable is reported `inactive` (it configures nothing there).
 */
export function tlsSettingFindings(
  scope: Scope,
  s: TlsSettings,
  type: ProtocolFacts['type'] = 'tls',
  written: { readonly versions?: string } = {},
): Finding[] {
  const facts = buildTlsFacts(s, type);
  const p = facts.protocol;
  const legacyVersions = p.versions.filter((v) => v !== '1.3');
  const has13 = p.versions.includes('1.3');
  const isTls13 = (c: CipherSuiteFacts) => /^TLS_(AES|CHACHA20|SM4)_/.test(c.name) && !c.name.includes('_WITH_');
  const suites13 = p.cipherSuites.filter(isTls13);
  const suitesLegacy = p.cipherSuites.filter((c) => !isTls13(c));
  // Suites a string would enable if its versions were on: reported with an inactive finding, never as enabled.
  const would = (text: string, v13: boolean) =>
    buildTlsFacts(
      {
        ...s,
        versions: { ...s.versions, value: v13 ? ['1.3'] : ['1.2'] },
        [v13 ? 'ciphersuites' : 'cipherString']: { ...(v13 ? s.ciphersuites : s.cipherString), value: text },
      },
      type,
    ).protocol.cipherSuites.filter((c) => isTls13(c) === v13);
  const flags = (names: readonly string[]) => (p.flags ?? []).filter((f) => names.includes(f));
  const base: ProtocolFacts = {
    type,
    versions: [],
    cipherSuites: [],
    groups: [],
    signatureAlgorithms: [],
    references: p.references ?? [],
    flags: [],
  };
  const common = { 'assumed.openssl': s.opensslVersion };
  const out: Finding[] = [];
  const defaulted: string[] = [];
  const defaults: { versions: string[]; suites: CipherSuiteFacts[]; groups: ProtocolFacts['groups']; flags: string[] } =
    { versions: [], suites: [], groups: [], flags: [] };

  const v = site('versions', s.versions, written.versions ?? p.versions.join(' '));
  if (v)
    out.push(
      settingFinding(
        scope,
        v,
        { ...base, versions: p.versions, flags: flags(TLS_FLAGS.versions) },
        { properties: common },
      ),
    );
  else {
    defaulted.push('versions');
    defaults.versions = [...p.versions];
    defaults.flags.push(...flags(TLS_FLAGS.versions));
  }

  const c = site('ciphers', s.cipherString, s.cipherString.value);
  if (c) {
    const on = legacyVersions.length > 0;
    const protocol: ProtocolFacts = {
      ...base,
      versions: on ? legacyVersions : [],
      cipherSuites: on ? suitesLegacy : would(s.cipherString.value, false),
      flags: on ? flags(TLS_FLAGS.ciphers) : [],
    };
    const secLevel = facts.properties['tls.secLevel'];
    out.push(
      settingFinding(
        scope,
        c,
        protocol,
        on
          ? {
              notes: facts.notes.filter((n) => !/TLS 1\.3/.test(n)),
              properties: { ...common, ...(secLevel ? { 'tls.secLevel': secLevel } : {}) },
            }
          : {
              state: 'inactive',
              notes: ['no TLS version up to 1.2 is enabled here: this cipher list configures nothing'],
              properties: common,
            },
      ),
    );
  } else if (legacyVersions.length > 0) {
    defaulted.push('ciphers');
    defaults.suites.push(...suitesLegacy);
    defaults.flags.push(...flags(TLS_FLAGS.ciphers));
  }

  const t = site('ciphersuites', s.ciphersuites, s.ciphersuites.value);
  if (t) {
    out.push(
      settingFinding(
        scope,
        t,
        { ...base, versions: has13 ? ['1.3'] : [], cipherSuites: has13 ? suites13 : would(s.ciphersuites.value, true) },
        has13
          ? { properties: common, notes: facts.notes.filter((n) => /TLS 1\.3/.test(n)) }
          : {
              state: 'inactive',
              notes: ['TLS 1.3 is not enabled here: these suites configure nothing'],
              properties: common,
            },
      ),
    );
  } else if (has13) {
    defaulted.push('ciphersuites');
    defaults.suites.unshift(...suites13);
  }

  const g = site('groups', s.groups, s.groups.value ?? '');
  if (g)
    out.push(
      settingFinding(
        scope,
        g,
        { ...base, versions: p.versions, groups: p.groups, flags: flags(TLS_FLAGS.groups) },
        { properties: common },
      ),
    );
  else if (p.versions.length > 0) {
    defaulted.push('groups');
    defaults.groups = p.groups;
    defaults.flags.push(...flags(TLS_FLAGS.groups));
  }

  if (s.signatureAlgorithms) {
    const a = site('sigalgs', s.signatureAlgorithms, s.signatureAlgorithms.value);
    if (a)
      out.push(
        settingFinding(
          scope,
          a,
          { ...base, versions: p.versions, signatureAlgorithms: p.signatureAlgorithms },
          { properties: common },
        ),
      );
  }

  const d = defaultsFinding(
    scope,
    defaulted,
    {
      ...base,
      versions: defaults.versions.length > 0 ? defaults.versions : p.versions,
      cipherSuites: defaults.suites,
      groups: defaults.groups,
      flags: [...new Set(defaults.flags)].sort(),
    },
    {
      properties: {
        ...common,
        ...(defaulted.includes('versions') ? { 'tls.versions.default': s.versions.directive } : {}),
        ...(defaulted.includes('ciphers') ? { 'tls.cipherString.default': s.cipherString.value } : {}),
        ...(defaulted.includes('groups') ? { 'tls.groups.default': s.groups.directive } : {}),
      },
    },
  );
  if (d) out.push(d);
  return out;
}
