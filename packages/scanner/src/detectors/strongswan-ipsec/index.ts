/**
 * strongswan-ipsec: IKE and ESP/AH algorithm proposals of strongSwan connections, from ipsec.conf (`conn`
 * sections with `also=` and `%default`) and swanctl.conf (`connections { … children { … } }` with includes and
 * section references). One ProtocolFinding of type `ike` per connection (IKE SA, with its certificate files) and
 * one of type `ipsec` per CHILD_SA; proposals are split into encryption/integrity/PRF/key exchange through the IKE
 * catalog, RFC 9370 additional key exchanges (`ke1_mlkem768`) included. Absent proposals take strongSwan defaults.
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding } from '@pqready/core';
import { proposalFacts, saProtocolFacts } from '../../config/ike-proposal-facts.js';
import { IncludeFollower, type IncludeTarget, resolveReference } from '../../config/includes.js';
import { ipsecConns, libreswanMarker, loadIpsecConf } from '../../config/ipsec-conns.js';
import {
  diagnostic,
  headText,
  looksBinary,
  looksLikeNonConfig,
  protocolFinding,
} from '../../config/protocol-finding.js';
import {
  parseProposalList,
  parseSwanctlConf,
  type SwanEntry,
  type SwanKv,
  type SwanSection,
} from '../../config/strongswan-parser.js';
import type { Origin } from '../../config/tls-facts.js';
import { pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  DEFAULT_STRONGSWAN_VERSION,
  IKE_VERSIONS,
  IPSEC_CONF_CERT_DIR,
  IPSEC_CONF_DEFAULTS,
  IPSEC_CONF_FILE_PARAMS,
  STRONGSWAN_DEFAULT_PROPOSALS,
  SWANCTL_FILE_KEYS,
} from './table.js';

const ID = 'strongswan-ipsec';
const MAX_ALSO_DEPTH = 32;
const MAX_UNKNOWN_REPORTS = 20;

const SWANCTL_HINT = /(^|\n)[ \t]*connections[ \t]*(:[^{\n]*)?\{?[ \t]*(\n|$)/;
const SWANCTL_KEYS = /\b(proposals|esp_proposals|ah_proposals|children|local_addrs|remote_addrs)[ \t]*[={]/;
const IPSEC_HINT = /(^|\n)conn[ \t]+\S+[ \t]*(\n|#)/;
const IPSEC_KEYS = /\n[ \t]+(ike|esp|ah|keyexchange|left\w*|right\w*|authby|auto|also)[ \t]*=/;

type Grammar = 'ipsec' | 'swanctl';

function grammarOf(path: string, head: string): Grammar | undefined {
  const base = posix.basename(path);
  if (base === 'swanctl.conf' || /swanctl\/conf\.d\/[^/]+\.conf$/.test(path)) return 'swanctl';
  if (base === 'ipsec.conf') return 'ipsec';
  if (!/\.conf$/.test(base)) return undefined;
  if (SWANCTL_HINT.test(head) && SWANCTL_KEYS.test(head)) return 'swanctl';
  if (IPSEC_HINT.test(head) && IPSEC_KEYS.test(head)) return 'ipsec';
  return undefined;
}

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head)) return false;
  const text = headText(file.head);
  if (!/^(ipsec|swanctl)\.conf$/.test(posix.basename(file.path)) && looksLikeNonConfig(file.path, text)) return false;
  return grammarOf(file.path, text) !== undefined;
}

interface Ctx {
  readonly ctx: DetectContext;
  readonly diagnostics: Diagnostic[];
  readonly inc: IncludeFollower;
  readonly version: string;
  unknownReports: number;
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const c: Ctx = {
    ctx,
    diagnostics: [],
    inc: new IncludeFollower(ID, ctx),
    version: ctx.options.assume.strongswan ?? DEFAULT_STRONGSWAN_VERSION,
    unknownReports: 0,
  };
  // Main files first, so the files they include are not also reported on their own.
  const main = (p: string) => (/^(ipsec|swanctl)\.conf$/.test(posix.basename(p)) ? 0 : 1);
  const ordered = [...files].sort((a, b) => main(a.path) - main(b.path) || a.path.localeCompare(b.path));
  const findings: Finding[] = [];
  for (const f of ordered) {
    if (c.inc.isIncluded(f.path)) continue;
    const grammar = grammarOf(f.path, headText(f.head)) ?? 'ipsec';
    if (grammar === 'ipsec') findings.push(...(await ipsecConf(f.path, c)));
    else findings.push(...(await swanctlConf(f.path, c)));
  }
  yield { findings, diagnostics: [...c.diagnostics, ...c.inc.diagnostics] };
}

/** Relative include patterns are relative to the including file (ipsec.conf(5), the settings parser). */
function includeTargets(
  pattern: string,
  at: { path: string; line: number },
  stack: readonly string[],
  c: Ctx,
): Promise<IncludeTarget[]> {
  return c.inc.resolve({
    pattern,
    from: at,
    baseDirs: [posix.dirname(at.path)],
    stack,
    optional: /[*?[]/.test(pattern),
  });
}

// ---------------------------------------------------------------- proposals → facts

interface SaInput {
  readonly type: 'ike' | 'ipsec';
  readonly proposals: readonly string[];
  readonly strict: boolean;
  readonly origin: Origin;
  readonly versions: readonly string[];
  readonly references: readonly { directive: string; path: string }[];
  readonly context: string;
  readonly path: string;
  readonly line: number;
  readonly snippet: string;
  readonly state: 'active' | 'inactive' | 'overridden';
  readonly properties: Record<string, string>;
  readonly notes?: readonly string[];
}

function saFinding(i: SaInput, c: Ctx): Finding {
  const pf = proposalFacts(i.proposals, (token) => {
    if (c.unknownReports++ < MAX_UNKNOWN_REPORTS)
      c.diagnostics.push(
        diagnostic(ID, 'warning', 'unknown-proposal-keyword', `Unknown proposal keyword "${token}".`, i.path, i.line),
      );
  });
  const protocol = saProtocolFacts(i.type, i.versions, pf, i.references);
  return protocolFinding({
    detector: ID,
    path: i.path,
    line: i.line,
    snippet: i.snippet,
    context: i.context,
    origin: i.origin,
    state: i.state,
    library: 'strongSwan',
    protocol,
    notes: [...(i.notes ?? []), ...pf.notes],
    properties: {
      ...i.properties,
      'assumed.strongswan': c.version,
      [`${i.type}.proposals`]: i.proposals.join(','),
      ...(pf.keyExchanges.length > 0 ? { [`${i.type}.keyExchanges`]: pf.keyExchanges.join(',') } : {}),
      ...(i.strict ? { [`${i.type}.strict`]: 'true' } : {}),
    },
  });
}

/** Expands the `default` keyword (swanctl) into the daemon's default proposals. */
function expandDefault(texts: readonly string[], kind: 'ike' | 'esp' | 'ah'): string[] {
  return texts.flatMap((t) => (t.toLowerCase() === 'default' ? STRONGSWAN_DEFAULT_PROPOSALS[kind] : [t]));
}

// ---------------------------------------------------------------- ipsec.conf

async function ipsecConf(mainPath: string, c: Ctx): Promise<Finding[]> {
  const baseDir = posix.dirname(mainPath);
  const entries = await loadIpsecConf(mainPath, c.ctx, c.inc, ID, c.diagnostics);
  // Libreswan reads ipsec.conf too, with its own keywords, proposal syntax and defaults: read as strongSwan's it
  // would give wrong algorithms and invented defaults; the libreswan-ipsec detector reads it.
  const libreswan = libreswanMarker(entries);
  if (libreswan?.entry.kind === 'param') {
    c.diagnostics.push(
      diagnostic(
        ID,
        'info',
        'libreswan-config',
        `Libreswan ipsec.conf (${libreswan.entry.key}=${libreswan.entry.value.slice(0, 40)}): read by ` +
          'libreswan-ipsec with Libreswan proposals and defaults, not as strongSwan configuration.',
        libreswan.path,
        libreswan.entry.line,
      ),
    );
    return [];
  }
  const { conns, resolve } = ipsecConns(entries, mainPath, ID, c.diagnostics);
  const confDefaults = pickByVersion(IPSEC_CONF_DEFAULTS, c.version);
  const findings: Finding[] = [];
  for (const conn of conns.values()) {
    const auto = resolve(conn, 'auto')?.p.value ?? 'ignore';
    const state = auto === 'ignore' ? 'inactive' : 'active';
    const kx = resolve(conn, 'keyexchange');
    const versions = IKE_VERSIONS[(kx?.p.value ?? 'ike').toLowerCase()] ?? ['2'];
    const references: { directive: string; path: string }[] = [];
    const written: string[] = [];
    for (const key of IPSEC_CONF_FILE_PARAMS) {
      const r = resolve(conn, key);
      if (!r || r.p.value.startsWith('%')) continue;
      const v = r.p.value;
      written.push(v);
      const found = v.startsWith('/')
        ? resolveReference(v, baseDir, c.ctx.files)
        : (resolveReference(posix.join(IPSEC_CONF_CERT_DIR, v), baseDir, c.ctx.files) ??
          resolveReference(v, baseDir, c.ctx.files));
      references.push({ directive: key, path: found ?? v });
    }
    const common = {
      context: `conn ${conn.name}`,
      path: conn.path,
      line: conn.line,
      snippet: `conn ${conn.name}`,
      state,
    } as const;
    const sa = (type: 'ike' | 'ipsec', key: string, fallback: string, defaultsKind: 'ike' | 'esp' | 'ah') => {
      const r = resolve(conn, key);
      const list = parseProposalList(r?.p.value ?? fallback);
      const configured = list.proposals.map((p) => p.text);
      // Without `!` charon appends its default proposals, which peers may then select.
      const proposals = list.strict ? configured : [...configured, ...STRONGSWAN_DEFAULT_PROPOSALS[defaultsKind]];
      return saFinding(
        {
          ...common,
          ...(r ? { path: r.p.path, line: r.p.line, snippet: `${key}=${r.p.value}` } : {}),
          type,
          proposals,
          strict: list.strict,
          origin: r?.origin ?? 'default',
          versions,
          references: type === 'ike' ? references : [],
          properties: {
            [`${type}.configured`]: configured.join(','),
            [`${type}.origin`]: r?.origin ?? 'default',
            ...configProps(r ? defaultsKind : 'defaults', key, r?.p.value),
            ...(r ? {} : { [`${type}.defaultFrom`]: `ipsec.conf ${key}= default (strongSwan ${c.version})` }),
            ...(type === 'ike' && written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
            ...(type === 'ike' ? { 'ike.keyexchange': kx?.p.value ?? 'ike' } : { 'ipsec.protocol': defaultsKind }),
          },
          ...(list.strict ? {} : { notes: [`${key}= has no "!": strongSwan also accepts its default proposals`] }),
        },
        c,
      );
    };
    findings.push(sa('ike', 'ike', confDefaults.ike, 'ike'));
    if (kx) findings.push(versionsFinding(`conn ${conn.name}`, kx.p, kx.origin, 'keyexchange', versions, state, c));
    if (resolve(conn, 'ah') && !resolve(conn, 'esp')) findings.push(sa('ipsec', 'ah', '', 'ah'));
    else findings.push(sa('ipsec', 'esp', confDefaults.esp, 'esp'));
  }
  return findings;
}

/** Setting properties shared with the other config detectors (see config/setting-findings.ts). */
function configProps(setting: string, directive: string, value: string | undefined): Record<string, string> {
  return {
    'config.setting': setting,
    'config.directive': directive,
    ...(value !== undefined ? { 'config.value': value } : {}),
    'config.role': 'server',
  };
}

/** The IKE version a connection was given (`keyexchange=`, `version =`), at that line. */
function versionsFinding(
  context: string,
  at: { path: string; line: number; value: string },
  origin: Origin,
  directive: string,
  versions: readonly string[],
  state: 'active' | 'inactive',
  c: Ctx,
): Finding {
  return protocolFinding({
    detector: ID,
    path: at.path,
    line: at.line,
    snippet: `${directive} = ${at.value}`,
    context,
    origin,
    state,
    library: 'strongSwan',
    protocol: {
      type: 'ike',
      versions,
      cipherSuites: [],
      groups: [],
      signatureAlgorithms: [],
      flags: versions.includes('1') ? ['ikev1'] : [],
    },
    properties: { 'assumed.strongswan': c.version, ...configProps('versions', directive, at.value) },
  });
}

// ---------------------------------------------------------------- swanctl.conf

async function swanctlConf(mainPath: string, c: Ctx): Promise<Finding[]> {
  const load = async (
    path: string,
    stack: readonly string[],
    read = () => c.ctx.readFile(path),
  ): Promise<SwanEntry[]> => {
    const f = await read();
    if (!f) return [];
    path = f.path;
    const r = parseSwanctlConf(f.text(), path);
    for (const p of r.problems) c.diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, path, p.line));
    const expand = async (list: readonly SwanEntry[]): Promise<SwanEntry[]> => {
      const out: SwanEntry[] = [];
      for (const e of list) {
        if (e.kind === 'include') {
          // Relative include patterns are relative to the including file (settings parser).
          for (const t of await includeTargets(e.pattern, { path, line: e.line }, stack, c)) {
            out.push(...(await load(t.path, [...stack, t.path], () => c.inc.read(t))));
          }
        } else if (e.kind === 'section') {
          out.push({ ...e, entries: await expand(e.entries) });
        } else out.push(e);
      }
      return out;
    };
    return expand(r.entries);
  };
  const root = await load(mainPath, [mainPath]);
  const sectionsNamed = (list: readonly SwanEntry[], name: string) =>
    list.filter((e): e is SwanSection => e.kind === 'section' && e.name === name);
  // Same-named sections merge (later keys win); keep every kv so earlier values can be reported as overridden.
  const merged = (secs: readonly SwanSection[]): SwanEntry[] => secs.flatMap((s) => s.entries);
  /** The sections at a dotted path from the top of the file (`templates.base` → root > templates > base). */
  const sectionsAt = (list: readonly SwanEntry[], path: readonly string[]): SwanSection[] => {
    let level: readonly SwanEntry[] = list;
    let found: SwanSection[] = [];
    for (const part of path) {
      found = sectionsNamed(level, part);
      if (found.length === 0) return [];
      level = merged(found);
    }
    return found;
  };
  const connections = merged(sectionsNamed(root, 'connections'));
  const connNames = [...new Set(connections.filter((e): e is SwanSection => e.kind === 'section').map((e) => e.name))];
  const findings: Finding[] = [];
  const baseDir = posix.dirname(mainPath);
  for (const name of connNames) {
    const parts = sectionsNamed(connections, name);
    const body = merged(parts);
    const first = parts[0]!;
    // `name : a, b` inherits from sections given by their full path from the root (`templates.base`, a
    // top-level `base`, `connections.other`: settings.c resolves references from the top), or by sibling name.
    const refBodies: SwanEntry[][] = [];
    const seen = new Set([`connections.${name}`]);
    const queue = parts.flatMap((p) => p.refs);
    while (queue.length > 0 && refBodies.length < MAX_ALSO_DEPTH) {
      const ref = queue.shift()!;
      const target = sectionsAt(root, ref.split('.'));
      const sibling = target.length === 0 && !ref.includes('.') ? sectionsNamed(connections, ref) : [];
      const found = target.length > 0 ? target : sibling;
      const key = target.length > 0 ? ref : `connections.${ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (found.length === 0) {
        c.diagnostics.push(
          diagnostic(
            ID,
            'warning',
            'reference-not-found',
            `Section reference "${ref}" not found.`,
            first.path,
            first.line,
          ),
        );
        continue;
      }
      refBodies.push(merged(found));
      queue.push(...found.flatMap((t) => t.refs));
    }
    const kvs = (list: readonly SwanEntry[], key: string) =>
      list.filter((e): e is SwanKv => e.kind === 'kv' && e.key === key);
    const pick = (key: string): { kv: SwanKv; origin: Origin; all: SwanKv[] } | undefined => {
      const own = kvs(body, key);
      if (own.length > 0) return { kv: own.at(-1)!, origin: 'explicit', all: own };
      for (const rb of refBodies) {
        const inh = kvs(rb, key);
        if (inh.length > 0) return { kv: inh.at(-1)!, origin: 'inherited', all: [] };
      }
      return undefined;
    };
    const version = pick('version');
    const versions = IKE_VERSIONS[version?.kv.value ?? '0'] ?? ['2'];
    const references: { directive: string; path: string }[] = [];
    const written: string[] = [];
    const authSections = [body, ...refBodies].flatMap((b) =>
      b.filter((e): e is SwanSection => e.kind === 'section' && /^(local|remote)/.test(e.name)),
    );
    for (const sec of authSections) {
      for (const kv of sec.entries) {
        if (kv.kind !== 'kv') continue;
        const dir = SWANCTL_FILE_KEYS[kv.key];
        if (!dir) continue;
        for (const v of kv.value
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== '')) {
          written.push(v);
          // swanctl loads relative names from its x509/, x509ca/, pubkey/ directories.
          const found = v.startsWith('/')
            ? resolveReference(v, baseDir, c.ctx.files)
            : (resolveReference(posix.join(dir, v), baseDir, c.ctx.files) ?? resolveReference(v, baseDir, c.ctx.files));
          references.push({ directive: `${sec.name}.${kv.key}`, path: found ?? v });
        }
      }
    }
    const ctxName = `connections > ${name}`;
    const ikePick = pick('proposals');
    const sa = (
      type: 'ike' | 'ipsec',
      picked: { kv: SwanKv; origin: Origin } | undefined,
      kind: 'ike' | 'esp' | 'ah',
      context: string,
      at: { path: string; line: number; snippet: string },
      state: 'active' | 'overridden',
      extra: Record<string, string>,
    ) => {
      const list = parseProposalList(picked?.kv.value ?? 'default');
      const configured = list.proposals.map((p) => p.text);
      return saFinding(
        {
          type,
          proposals: expandDefault(configured, kind),
          strict: false,
          origin: picked?.origin ?? 'default',
          versions,
          references: type === 'ike' ? references : [],
          context,
          ...(picked
            ? { path: picked.kv.path, line: picked.kv.line, snippet: `${picked.kv.key} = ${picked.kv.value}` }
            : at),
          state,
          properties: {
            [`${type}.configured`]: configured.join(','),
            ...(picked ? {} : { [`${type}.defaultFrom`]: `strongSwan ${c.version} default proposals` }),
            ...configProps(picked ? kind : 'defaults', picked?.kv.key ?? `${kind}_proposals`, picked?.kv.value),
            ...extra,
          },
        },
        c,
      );
    };
    findings.push(
      sa('ike', ikePick, 'ike', ctxName, { path: first.path, line: first.line, snippet: `${name} {` }, 'active', {
        'ike.version': version?.kv.value ?? '0',
        ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
      }),
    );
    if (version) findings.push(versionsFinding(ctxName, version.kv, version.origin, 'version', versions, 'active', c));
    for (const old of ikePick?.all.slice(0, -1) ?? []) {
      findings.push(
        sa(
          'ike',
          { kv: old, origin: 'explicit' },
          'ike',
          ctxName,
          { ...old, snippet: `proposals = ${old.value}` },
          'overridden',
          {},
        ),
      );
    }
    // Children are inherited with the rest of a referenced section; the connection's own keys win.
    const childLists = [body, ...refBodies].map((b) => merged(sectionsNamed(b, 'children')));
    const childNames = [
      ...new Set(childLists.flatMap((l) => l.filter((e): e is SwanSection => e.kind === 'section').map((e) => e.name))),
    ];
    for (const child of childNames) {
      const layers = childLists.map((l) => sectionsNamed(l, child)).filter((l) => l.length > 0);
      const cparts = layers[0]!;
      const own = childLists[0]!.includes(cparts[0]!);
      const cpick = (key: string) => {
        for (const [i, layer] of layers.entries()) {
          const hit = kvs(merged(layer), key);
          if (hit.length > 0) return { all: hit, origin: (i === 0 && own ? 'explicit' : 'inherited') as Origin };
        }
        return undefined;
      };
      // A pass or drop child installs a bypass or drop policy: it negotiates no SA and has no proposals.
      const mode = cpick('mode')?.all.at(-1)?.value.toLowerCase();
      if (mode === 'pass' || mode === 'drop') continue;
      const espPick = cpick('esp_proposals');
      const ahPick = cpick('ah_proposals');
      const useAh = ahPick !== undefined && espPick === undefined;
      const picked = useAh ? ahPick : espPick;
      const chosen = picked?.all ?? [];
      const kind = useAh ? 'ah' : 'esp';
      const context = `${ctxName} > children > ${child}`;
      const at = { path: cparts[0]!.path, line: cparts[0]!.line, snippet: `${child} {` };
      findings.push(
        sa('ipsec', picked ? { kv: chosen.at(-1)!, origin: picked.origin } : undefined, kind, context, at, 'active', {
          'ipsec.protocol': kind,
        }),
      );
      for (const old of picked?.origin === 'explicit' ? chosen.slice(0, -1) : []) {
        findings.push(
          sa(
            'ipsec',
            { kv: old, origin: 'explicit' },
            kind,
            context,
            { ...old, snippet: `${old.key} = ${old.value}` },
            'overridden',
            {
              'ipsec.protocol': kind,
            },
          ),
        );
      }
    }
  }
  return findings;
}

export const strongswanIpsec: Detector = {
  id: ID,
  summary: 'IKE and ESP/AH proposals, IKE versions and certificate files of strongSwan ipsec.conf / swanctl.conf',
  accepts,
  scanAll,
};
