/**
 * postfix-tls: TLS settings of Postfix, one finding per setting at the parameter that chose it. main.cf gives the
 * SMTP server (`smtpd_tls_*`) and client (`smtp_tls_*`, `lmtp_tls_*`) scopes every service gets; a master.cf
 * service that overrides TLS parameters with `-o` is a scope of its own, inheriting the rest from main.cf. Protocols
 * and cipher grades follow the security level (opportunistic or mandatory); a grade is expanded through its
 * `tls_<grade>_cipherlist` and the exclusions with the OpenSSL cipher-string algebra; groups come from
 * `tls_eecdh_auto_curves`/`tls_ffdhe_auto_groups` (or, before Postfix 3.6, `smtpd_tls_eecdh_grade`).
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '@pqready/core';
import { placementOf, resolveReference } from '../../config/includes.js';
import {
  expandPostfix,
  type MasterService,
  type PostfixParam,
  parseMainCf,
  parseMasterCf,
} from '../../config/postfix-parser.js';
import { diagnostic, headText, looksBinary, looksLikeNonConfig } from '../../config/protocol-finding.js';
import { protocolList } from '../../config/protocol-lists.js';
import { type Role, type Scope, settingFinding, tlsSettingFindings } from '../../config/setting-findings.js';
import { looksLikeTemplate } from '../../config/template-names.js';
import type { Setting, TlsSettings } from '../../config/tls-facts.js';
import { compareVersions, pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  DEFAULT_POSTFIX_VERSION,
  POSTFIX_CIPHERLISTS,
  POSTFIX_COMMAND_ROLES,
  POSTFIX_EECDH_AUTO_DEFAULT,
  POSTFIX_EECDH_CURVES,
  POSTFIX_EECDH_GRADE_DEFAULTS,
  POSTFIX_FFDHE_AUTO_DEFAULT,
  POSTFIX_FILE_PARAMS,
  POSTFIX_GLOBAL_SCOPE_PARAMS,
  POSTFIX_GRADE_DEFAULTS,
  POSTFIX_GROUP_VERSIONS,
  POSTFIX_MANDATORY_GRADE_DEFAULT,
  POSTFIX_OPPORTUNISTIC_LEVELS,
  POSTFIX_PARAM_HINT,
  POSTFIX_PROTOCOL_DEFAULTS,
  POSTFIX_SCOPE_PARAMS,
  POSTFIX_TRUSTING_LEVELS,
} from './table.js';

const ID = 'postfix-tls';
const TLS13_DEFAULT = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';
const SERVICE_TYPES = /^\S+[ \t]+(inet|unix|unix-dgram|fifo|pass)[ \t]+[-yn][ \t]+[-yn][ \t]+[-yn][ \t]+/gm;

type Kind = 'main' | 'master';

function kindOf(path: string, text: string): Kind | undefined {
  const base = posix.basename(path);
  if (base === 'main.cf') return 'main';
  if (base === 'master.cf') return 'master';
  if ((text.match(SERVICE_TYPES)?.length ?? 0) >= 2) return 'master';
  // Any other name: several assignments of parameters only Postfix has, and nothing but assignments and comments.
  let hints = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^[ \t]/.test(raw)) continue;
    const m = /^([A-Za-z0-9_.-]+)[ \t]*=/.exec(line);
    if (!m) return undefined;
    if (POSTFIX_PARAM_HINT.test(m[1]!)) hints++;
  }
  return hints >= 2 ? 'main' : undefined;
}

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head) || looksLikeTemplate(file.path)) return false;
  const text = headText(file.head);
  const base = posix.basename(file.path);
  if (base !== 'main.cf' && base !== 'master.cf' && looksLikeNonConfig(file.path, text)) return false;
  return kindOf(file.path, text) !== undefined;
}

/** A parameter with the file it was written in. */
interface Param extends PostfixParam {
  readonly path: string;
}

/** One set of parameter assignments (main.cf, or a service's `-o` overrides). Later assignments win. */
class Params {
  private readonly byName = new Map<string, Param>();
  constructor(list: readonly Param[]) {
    for (const p of list) this.byName.set(p.name, p);
  }
  get(name: string): Param | undefined {
    return this.byName.get(name);
  }
  names(): IterableIterator<string> {
    return this.byName.keys();
  }
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  // main.cf and master.cf of one configuration directory belong together.
  const groups = new Map<string, { main?: FileHead; master?: FileHead }>();
  const alone: { kind: Kind; file: FileHead }[] = [];
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const kind = kindOf(f.path, headText(f.head));
    if (!kind) continue;
    const dir = posix.dirname(f.path);
    const g = groups.get(dir) ?? {};
    if (g[kind]) alone.push({ kind, file: f });
    else {
      g[kind] = f;
      groups.set(dir, g);
    }
  }
  const version = ctx.options.assume.postfix ?? DEFAULT_POSTFIX_VERSION;
  const read = async (f: FileHead | undefined) => {
    if (!f) return undefined;
    const file = await ctx.readFile(f.path);
    return file ? { path: f.path, text: file.text() } : undefined;
  };
  const units = [
    ...[...groups.values()].map((g) => ({ main: g.main, master: g.master })),
    ...alone.map((a) => (a.kind === 'main' ? { main: a.file } : { master: a.file })),
  ];
  for (const unit of units) {
    const main = await read(unit.main);
    const master = await read(unit.master);
    const mainParsed = main ? parseMainCf(main.text) : undefined;
    const masterParsed = master ? parseMasterCf(master.text) : undefined;
    for (const p of mainParsed?.problems ?? [])
      diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, main!.path, p.line));
    for (const p of masterParsed?.problems ?? [])
      diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, master!.path, p.line));
    const mainParams = new Params((mainParsed?.params ?? []).map((p) => ({ ...p, path: main!.path })));
    const unitFindings = new PostfixUnit(ctx, version, main?.path, mainParams).findings(
      master ? { path: master.path, services: masterParsed?.services ?? [] } : undefined,
    );
    findings.push(...unitFindings);
  }
  yield { findings, diagnostics };
}

/** `TLSv1.2 TLSv1.3`, `!SSLv2, !SSLv3`, `>=TLSv1.2`, `<=TLSv1.2` → versions (postconf(5) smtpd_tls_protocols). */
export const postfixProtocols = protocolList;

interface ScopeInput {
  readonly label: string;
  readonly prefix: string;
  readonly role: Role;
  readonly path: string;
  readonly line: number;
  readonly snippet: string;
  /** The service's `-o` overrides; undefined for a main.cf scope. */
  readonly own?: Params;
  /** Service name (labels, notes). */
  readonly service?: string;
}

/** A written value with where it came from. */
interface Site {
  readonly param: Param;
  readonly origin: 'explicit' | 'inherited';
  readonly value: string;
}

class PostfixUnit {
  private readonly used = new Set<Param>();
  private readonly lists: (typeof POSTFIX_CIPHERLISTS)[number];
  private readonly opensslVersion: string;

  constructor(
    private readonly ctx: DetectContext,
    private readonly version: string,
    private readonly mainPath: string | undefined,
    private readonly main: Params,
  ) {
    this.lists = pickByVersion(POSTFIX_CIPHERLISTS, version);
    this.opensslVersion = ctx.options.assume.openssl ?? '3.0';
  }

  findings(master: { path: string; services: readonly MasterService[] } | undefined): Finding[] {
    const out: Finding[] = [];
    if (this.mainPath) {
      for (const [prefix, role, label] of [
        ['smtpd_', 'server', 'main.cf > smtpd'],
        ['smtp_', 'client', 'main.cf > smtp'],
        ['lmtp_', 'client', 'main.cf > lmtp'],
      ] as const) {
        // lmtp(8) clients speak TLS rarely: a scope only when main.cf or a service says something about it.
        if (prefix === 'lmtp_' && ![...this.main.names()].some((n) => n.startsWith('lmtp_tls') || n === 'lmtp_use_tls'))
          continue;
        out.push(
          ...this.scope({ label, prefix, role, path: this.mainPath, line: 1, snippet: posix.basename(this.mainPath) }),
        );
      }
    }
    for (const s of master?.services ?? []) {
      const r = POSTFIX_COMMAND_ROLES[s.command];
      if (!r) continue;
      const tlsOverrides = s.overrides.filter((o) => scopeParam(o.name, r.prefix));
      if (tlsOverrides.length === 0) continue;
      const own = new Params(s.overrides.map((o) => ({ ...o, path: master!.path })));
      out.push(
        ...this.scope({
          label: `master.cf > ${s.name}/${s.type} (${s.command})`,
          prefix: r.prefix,
          role: r.role,
          path: master!.path,
          line: s.line,
          snippet: `${s.name} ${s.type} … ${s.command}`,
          own,
          service: s.name,
        }),
      );
    }
    out.push(...this.leftoverCipherlists());
    return out;
  }

  /** A parameter as the scope sees it: its own override, else main.cf. */
  private site(name: string, s: ScopeInput): Site | undefined {
    const own = s.own?.get(name);
    const p = own ?? this.main.get(name);
    if (!p) return undefined;
    return { param: p, origin: own || !s.own ? 'explicit' : 'inherited', value: this.expand(p.value, s) };
  }

  private expand(value: string, s: ScopeInput): string {
    return expandPostfix(value, (n) => s.own?.get(n)?.value ?? this.main.get(n)?.value);
  }

  private scope(s: ScopeInput): Finding[] {
    const level = this.level(s);
    const mandatory =
      s.role === 'server'
        ? level.value === 'encrypt' || (level.wrapper && level.value === '')
        : !POSTFIX_OPPORTUNISTIC_LEVELS.includes(level.value);
    const on = level.value !== '' && level.value !== 'none' ? true : level.wrapper;
    const main = this.variant(s, mandatory, on, level.note);
    // The parameters of the other level (mandatory when this scope is opportunistic, and the reverse) configure
    // nothing here unless the level changes: reported as conditional where this scope writes them.
    // With TLS off both levels' parameters configure nothing: each written one is reported, inactive.
    const other = this.variant(s, !mandatory, on, level.note).filter((f) => {
      const setting = f.properties?.['config.setting'];
      if (setting !== 'versions' && setting !== 'ciphers') return false;
      const name = f.properties?.['config.directive'] ?? '';
      const written = s.own ? s.own.get(name) : this.main.get(name);
      return (
        written !== undefined &&
        /_(mandatory_protocols|protocols|mandatory_ciphers|ciphers|mandatory_exclude_ciphers)$/.test(name) &&
        !main.some((m) => m.properties?.['config.directive'] === name && m.evidence.line === f.evidence.line)
      );
    });
    return [
      ...main,
      ...other.map((f) =>
        on
          ? {
              ...f,
              state: 'conditional' as const,
              notes: [
                ...(f.notes ?? []),
                `used when TLS is ${mandatory ? 'opportunistic' : 'mandatory'} here; ${level.note}`,
              ],
            }
          : f,
      ),
    ];
  }

  private level(s: ScopeInput): { value: string; wrapper: boolean; note: string } {
    const p = s.prefix;
    const lvl = this.site(`${p}tls_security_level`, s);
    const wrapper = p === 'smtpd_' && /^yes$/i.test(this.site('smtpd_tls_wrappermode', s)?.value ?? '');
    if (lvl && lvl.value !== '')
      return { value: lvl.value.toLowerCase(), wrapper, note: `${p}tls_security_level = ${lvl.value}` };
    if (/^yes$/i.test(this.site(`${p}enforce_tls`, s)?.value ?? ''))
      return { value: 'encrypt', wrapper, note: `${p}enforce_tls = yes` };
    if (/^yes$/i.test(this.site(`${p}use_tls`, s)?.value ?? ''))
      return { value: 'may', wrapper, note: `${p}use_tls = yes` };
    return {
      value: '',
      wrapper,
      note: wrapper ? 'smtpd_tls_wrappermode = yes' : `${p}tls_security_level is empty (none)`,
    };
  }

  private variant(s: ScopeInput, mandatory: boolean, on: boolean, levelNote: string): Finding[] {
    const p = s.prefix;
    const defaultSource = `Postfix ${this.version} default`;
    const toSetting = (site: Site | undefined, def: string, directive: string): Setting<string> =>
      site
        ? {
            value: site.value,
            origin: site.origin,
            directive: site.param.name,
            line: site.param.line,
            path: site.param.path,
          }
        : { value: def, origin: 'default', directive: `${defaultSource} (${directive})` };

    const protoName = mandatory ? `${p}tls_mandatory_protocols` : `${p}tls_protocols`;
    const protoDefaults = pickByVersion(POSTFIX_PROTOCOL_DEFAULTS, this.version);
    const protoSite = this.site(protoName, s);
    const proto = toSetting(protoSite, mandatory ? protoDefaults.mandatory : protoDefaults.opportunistic, protoName);

    const gradeName = mandatory ? `${p}tls_mandatory_ciphers` : `${p}tls_ciphers`;
    const gradeSite = this.site(gradeName, s);
    const writtenGrade = (gradeSite?.value ?? '').toLowerCase();
    const grade =
      writtenGrade !== ''
        ? writtenGrade
        : mandatory
          ? POSTFIX_MANDATORY_GRADE_DEFAULT
          : pickByVersion(POSTFIX_GRADE_DEFAULTS, this.version).opportunistic;
    const effectiveGrade = this.lists.aliases[grade] ?? grade;
    const listName = `tls_${effectiveGrade}_cipherlist`;
    const listSite = this.site(listName, s);
    const notes: string[] = [];
    let list = listSite?.value ?? this.lists.lists[effectiveGrade];
    if (list === undefined) {
      notes.push(`unknown cipher grade "${grade}": Postfix refuses TLS with it`);
      list = '';
    }
    if (effectiveGrade !== grade) notes.push(`Postfix ${this.version} reads grade "${grade}" as "${effectiveGrade}"`);
    const excludeNames = [`${p}tls_exclude_ciphers`, ...(mandatory ? [`${p}tls_mandatory_exclude_ciphers`] : [])];
    const excludes = excludeNames
      .map((n) => this.site(n, s))
      .filter((x): x is Site => x !== undefined && x.value !== '');
    // Anonymous suites go where a peer certificate is checked: a client that must trust the server (fingerprint
    // and above, tls/tls_client.c TLS_MUST_TRUST) or a server that asks for client certificates (tls_server.c).
    const noAnon =
      s.role === 'client'
        ? POSTFIX_TRUSTING_LEVELS.includes(this.level(s).value)
        : /^yes$/i.test(this.site('smtpd_tls_ask_ccert', s)?.value ?? '') ||
          /^yes$/i.test(this.site('smtpd_tls_req_ccert', s)?.value ?? '');
    const cipherString = [
      list,
      ...(noAnon ? ['!aNULL'] : []),
      ...excludes.flatMap((e) =>
        e.value
          .split(/[\s,:]+/)
          .filter((t) => t !== '')
          .map((t) => `!${t}`),
      ),
    ]
      .filter((x) => x !== '')
      .join(':');
    // The parameters that together chose the ciphers, each reported at its own line; the grade is the anchor.
    const cipherSites = [gradeSite, listSite, ...excludes].filter((x): x is Site => x !== undefined);
    const anchor = cipherSites[0];
    const ciphers: Setting<string> = anchor
      ? {
          value: cipherString,
          origin: anchor.origin,
          directive: anchor.param.name,
          line: anchor.param.line,
          path: anchor.param.path,
        }
      : { value: cipherString, origin: 'default', directive: `${defaultSource} (${gradeName} = ${grade})` };

    const groups = this.groups(s);
    const references: { directive: string; path: string }[] = [];
    const written: string[] = [];
    for (const f of POSTFIX_FILE_PARAMS) {
      const site = this.site(`${p}${f}`, s);
      for (const file of (site?.value ?? '').split(/[\s,]+/).filter((x) => x.startsWith('/') || x.includes('.'))) {
        written.push(file);
        const found = resolveReference(file, posix.dirname(site!.param.path), this.ctx.files, placementOf(this.ctx));
        references.push({ directive: `${p}${f}`, path: found ?? file });
      }
    }
    const settings: TlsSettings = {
      versions: { ...proto, value: postfixProtocols(proto.value) },
      cipherString: ciphers,
      ciphersuites: { value: TLS13_DEFAULT, origin: 'default', directive: `OpenSSL ${this.opensslVersion} default` },
      groups: groups.setting,
      references,
      opensslVersion: this.opensslVersion,
      // Postfix configures neither TLS-PSK nor SRP.
      negotiable: { psk: false, srp: false },
    };
    const scope: Scope = {
      detector: ID,
      label: s.label,
      role: s.role,
      path: s.path,
      line: s.line,
      snippet: s.snippet,
      state: 'active',
      library: 'OpenSSL',
      notes: [...notes, ...groups.notes],
      properties: {
        'assumed.postfix': this.version,
        'postfix.level': mandatory ? 'mandatory' : 'opportunistic',
        'postfix.cipherGrade': grade,
        ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
      },
    };
    const found = tlsSettingFindings(scope, settings, 'tls', protoSite ? { versions: protoSite.param.value } : {});
    const out: Finding[] = [];
    for (const f of found) {
      const setting = f.properties?.['config.setting'];
      if (setting === 'ciphers' && anchor) {
        // The value as written at each line, the expanded string kept beside it.
        for (const site of cipherSites) {
          this.used.add(site.param);
          out.push({
            ...f,
            evidence: {
              ...f.evidence,
              path: site.param.path,
              line: site.param.line,
              snippet: `${site.param.name} = ${site.param.value}`.slice(0, 200),
            },
            origin: site.origin,
            properties: {
              ...f.properties,
              'config.directive': site.param.name,
              'config.value': site.param.value,
              'tls.cipherString': cipherString,
            },
          });
        }
        continue;
      }
      if (setting === 'groups' && groups.extra) {
        out.push(f, {
          ...f,
          evidence: {
            ...f.evidence,
            path: groups.extra.param.path,
            line: groups.extra.param.line,
            snippet: `${groups.extra.param.name} = ${groups.extra.param.value}`.slice(0, 200),
          },
          origin: groups.extra.origin,
          properties: {
            ...f.properties,
            'config.directive': groups.extra.param.name,
            'config.value': groups.extra.param.value,
          },
        });
        continue;
      }
      out.push(f);
    }
    if (groups.ignored) out.push(groups.ignored(scope));
    if (on) return out;
    // TLS is off in this scope: what it writes configures nothing, and nothing defaults.
    return out
      .filter((f) => f.origin !== 'default')
      .map((f) => ({
        ...f,
        state: 'inactive' as const,
        notes: [...(f.notes ?? []), `TLS is off here (${levelNote}): the setting configures nothing`],
      }));
  }

  /** The group list of a scope, per Postfix version, with the parameters that chose it. */
  private groups(s: ScopeInput): {
    setting: Setting<string | undefined>;
    extra?: Site;
    notes: string[];
    ignored?: (scope: Scope) => Finding;
  } {
    const v = this.version;
    const notes: string[] = [];
    const openssl: Setting<string | undefined> = {
      value: undefined,
      origin: 'default',
      directive: `OpenSSL ${this.opensslVersion} default`,
    };
    const auto = this.site('tls_eecdh_auto_curves', s);
    const ffdhe =
      compareVersions(v, POSTFIX_GROUP_VERSIONS.ffdheAuto) >= 0 ? this.site('tls_ffdhe_auto_groups', s) : undefined;
    const autoValue = auto?.value ?? POSTFIX_EECDH_AUTO_DEFAULT;
    const ffdheValue =
      compareVersions(v, POSTFIX_GROUP_VERSIONS.ffdheAuto) >= 0 ? (ffdhe?.value ?? POSTFIX_FFDHE_AUTO_DEFAULT) : '';
    const combined = `${autoValue} ${ffdheValue}`.trim();
    const fromAuto = (): Setting<string | undefined> => {
      if (combined === '' && compareVersions(v, POSTFIX_GROUP_VERSIONS.emptyMeansOpenssl) >= 0) {
        notes.push('tls_eecdh_auto_curves and tls_ffdhe_auto_groups are empty: OpenSSL chooses the groups');
        return auto
          ? {
              ...openssl,
              origin: auto.origin,
              directive: auto.param.name,
              line: auto.param.line,
              path: auto.param.path,
            }
          : openssl;
      }
      const anchor = auto ?? ffdhe;
      return anchor
        ? {
            value: combined,
            origin: anchor.origin,
            directive: anchor.param.name,
            line: anchor.param.line,
            path: anchor.param.path,
          }
        : { value: combined, origin: 'default', directive: `Postfix ${v} default (tls_eecdh_auto_curves)` };
    };
    const mark = (x?: Site) => {
      if (x) this.used.add(x.param);
    };
    mark(auto);
    mark(ffdhe);
    const gradeSite = s.prefix === 'smtpd_' ? this.site('smtpd_tls_eecdh_grade', s) : undefined;
    if (compareVersions(v, POSTFIX_GROUP_VERSIONS.gradeIgnored) >= 0) {
      const setting = fromAuto();
      const ignored = gradeSite
        ? (scope: Scope) =>
            settingFinding(
              scope,
              {
                setting: 'groups',
                directive: gradeSite.param.name,
                value: gradeSite.param.value,
                origin: gradeSite.origin,
                path: gradeSite.param.path,
                line: gradeSite.param.line,
              },
              { type: 'tls', versions: [], cipherSuites: [], groups: [], signatureAlgorithms: [], flags: [] },
              {
                state: 'inactive',
                notes: [`Postfix ${POSTFIX_GROUP_VERSIONS.gradeIgnored} and later do not read smtpd_tls_eecdh_grade`],
              },
            )
        : undefined;
      return { setting, ...(auto && ffdhe ? { extra: ffdhe } : {}), notes, ...(ignored ? { ignored } : {}) };
    }
    if (s.prefix !== 'smtpd_') return { setting: openssl, notes };
    const grade = (gradeSite?.value ?? pickByVersion(POSTFIX_EECDH_GRADE_DEFAULTS, v).value).toLowerCase();
    const at = (value: string): Setting<string | undefined> =>
      gradeSite
        ? {
            value,
            origin: gradeSite.origin,
            directive: gradeSite.param.name,
            line: gradeSite.param.line,
            path: gradeSite.param.path,
          }
        : { value, origin: 'default', directive: `Postfix ${v} default (smtpd_tls_eecdh_grade = ${grade})` };
    if (grade === 'auto') {
      if (gradeSite) return { setting: { ...fromAuto(), ...at(combined) }, notes };
      return { setting: fromAuto(), notes };
    }
    if (grade === 'strong' || grade === 'ultra') {
      const curve = this.site(`tls_eecdh_${grade}_curve`, s)?.value ?? POSTFIX_EECDH_CURVES[grade];
      return { setting: at(curve), notes };
    }
    notes.push('smtpd_tls_eecdh_grade = none: no ECDHE key exchange');
    return { setting: at(''), notes };
  }

  /** `tls_<grade>_cipherlist` values no scope uses: what any service choosing that grade would get. */
  private leftoverCipherlists(): Finding[] {
    const out: Finding[] = [];
    if (!this.mainPath) return out;
    for (const name of this.main.names()) {
      const m = /^tls_(high|medium|low|export|null)_cipherlist$/.exec(name);
      const p = this.main.get(name)!;
      if (!m || this.used.has(p)) continue;
      const value = expandPostfix(p.value, (n) => this.main.get(n)?.value);
      const scope: Scope = {
        detector: ID,
        label: `main.cf > ${name}`,
        role: 'any',
        path: this.mainPath,
        line: p.line,
        snippet: name,
        state: 'conditional',
        library: 'OpenSSL',
        notes: [`no scope here uses cipher grade "${m[1]}": applies to services that choose it`],
        properties: { 'assumed.postfix': this.version },
      };
      const found = tlsSettingFindings(scope, {
        versions: { value: ['1.2'], origin: 'default', directive: 'n/a' },
        cipherString: { value, origin: 'explicit', directive: name, line: p.line, path: p.path },
        ciphersuites: { value: TLS13_DEFAULT, origin: 'default', directive: 'n/a' },
        groups: { value: undefined, origin: 'default', directive: 'n/a' },
        references: [],
        opensslVersion: this.opensslVersion,
        negotiable: { psk: false, srp: false },
      }).filter((f) => f.properties?.['config.setting'] === 'ciphers');
      out.push(...found.map((f) => ({ ...f, properties: { ...f.properties, 'config.value': p.value } })));
    }
    return out;
  }
}

/** An `-o` override that changes what TLS a service negotiates (not logging, SASL or restrictions). */
function scopeParam(name: string, prefix: string): boolean {
  if (name.startsWith(prefix)) return POSTFIX_SCOPE_PARAMS.includes(name.slice(prefix.length));
  return POSTFIX_GLOBAL_SCOPE_PARAMS.test(name);
}

export const postfixTls: Detector = {
  id: ID,
  summary:
    'TLS protocols, cipher grades and lists, groups and certificate files of Postfix (main.cf, master.cf -o overrides)',
  accepts,
  scanAll,
};
