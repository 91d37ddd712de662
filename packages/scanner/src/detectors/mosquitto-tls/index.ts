/**
 * mosquitto-tls: TLS settings of every Mosquitto broker listener (mosquitto.conf(5)): `tls_version` with the
 * semantics of the assumed broker version, `ciphers` expanded like OpenSSL 3.0, `ciphers_tls1.3`, PSK, and the
 * certificate/key files each listener names, with `include_dir` followed from the main configuration.
 * One ProtocolFinding per TLS listener; options written before any `listener` belong to the default listener.
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding, ProtocolFinding } from '@pqready/core';
import { holdsFiles, IncludeFollower, resolveReference } from '../../config/includes.js';
import { type MosquittoLine, parseMosquittoConf } from '../../config/mosquitto-parser.js';
import { diagnostic, headText, looksBinary, looksLikeNonConfig } from '../../config/protocol-finding.js';
import { type Scope, tlsSettingFindings } from '../../config/setting-findings.js';
import type { Setting } from '../../config/tls-facts.js';
import { ALL_TLS_VERSIONS, type TlsVersion, tlsVersionOf } from '../../config/tls-lists.js';
import { pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  DEFAULT_MOSQUITTO_VERSION,
  MOSQUITTO_DEFAULT_CIPHERS,
  MOSQUITTO_FILE_OPTIONS,
  MOSQUITTO_KNOWN_OPTIONS,
  MOSQUITTO_OPTION_PREFIXES,
  MOSQUITTO_SINGLE_TLS_OPTIONS,
  MOSQUITTO_TLS_TRIGGERS,
  MOSQUITTO_TLS_VERSION_RULES,
} from './table.js';

const ID = 'mosquitto-tls';
const DEFAULT_TLS13 = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';
const MAX_UNKNOWN_REPORTS = 20;

// Options only a broker config has; `listener` alone is not enough (other daemons use the word too).
const MOSQUITTO_HINT =
  /^[ \t]*(listener[ \t]+\d+|per_listener_settings|allow_anonymous|persistence_location|persistence[ \t]+(true|false)|password_file|acl_file|psk_hint|require_certificate|use_identity_as_username|log_dest|include_dir|connection_messages|persistent_client_expiration|max_inflight_messages|autosave_interval|bridge_\w+)\b/gm;

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head)) return false;
  const named = /mosquitto/i.test(file.path);
  if (!named && !/\.conf$/.test(file.path)) return false;
  const text = headText(file.head);
  if (looksLikeNonConfig(file.path, text)) return false;
  // nginx/Apache/strongSwan block syntax never appears in a mosquitto.conf.
  if (/[{}<]/.test(text.replace(/^[ \t]*#.*$/gm, ''))) return false;
  const hits = new Set([...text.matchAll(MOSQUITTO_HINT)].map((m) => m[1]!.split(/[ \t]/)[0]!));
  return named ? hits.size >= 1 : hits.size >= 2 && (hits.has('listener') || /mosquitto\.d\//.test(file.path));
}

interface Listener {
  readonly key: string;
  readonly context: string;
  readonly line: number;
  readonly path: string;
  readonly snippet: string;
  readonly options: MosquittoLine[];
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const diagnostics: Diagnostic[] = [];
  const inc = new IncludeFollower(ID, ctx, { word: 'include_dir' });
  const load = async (path: string, stack: readonly string[], read = () => ctx.readFile(path)) => {
    const f = await read();
    if (!f) return [];
    const r = parseMosquittoConf(f.text(), f.path);
    for (const p of r.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, f.path, p.line));
    const out: MosquittoLine[] = [];
    let unknown = 0;
    for (const l of r.lines) {
      if (!isKnown(l.option) && unknown++ < MAX_UNKNOWN_REPORTS) {
        diagnostics.push(
          diagnostic(ID, 'warning', 'unknown-option', `Unknown mosquitto option "${l.option}".`, f.path, l.line),
        );
      }
      if (l.option !== 'include_dir') {
        out.push(l);
        continue;
      }
      // mosquitto.conf(5): include_dir is only processed from the main configuration file.
      if (stack.length > 1) {
        diagnostics.push(
          diagnostic(ID, 'warning', 'include-ignored', 'include_dir is only read from the main file.', f.path, l.line),
        );
        continue;
      }
      const targets = await inc.resolve({
        pattern: `${l.value.replace(/\/+$/, '')}/*.conf`,
        from: { path: f.path, line: l.line },
        baseDirs: [posix.dirname(path)],
        stack,
        optional: true,
      });
      // mosquitto refuses to start when the directory cannot be opened; an empty one configures nothing.
      const dir = posix.normalize(posix.join(posix.dirname(path), l.value)).replace(/\/+$/, '');
      if (targets.length === 0 && !l.value.startsWith('/') && !dir.startsWith('../') && !holdsFiles(ctx.files, dir))
        inc.notFound(l.value, { path: f.path, line: l.line });
      // Files load in case-sensitive alphabetical order (mosquitto ≥ 1.5 sorts them).
      for (const t of [...targets].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        out.push(...(await load(t.path, [...stack, t.path], () => inc.read(t))));
      }
    }
    return out;
  };
  const main = (p: string) => (posix.basename(p) === 'mosquitto.conf' ? 0 : 1);
  const ordered = [...files].sort((a, b) => main(a.path) - main(b.path) || a.path.localeCompare(b.path));
  const findings: Finding[] = [];
  for (const f of ordered) {
    if (inc.isIncluded(f.path)) continue;
    const lines = await load(f.path, [f.path]);
    findings.push(...brokerFindings(f.path, lines, ctx, diagnostics));
  }
  yield { findings, diagnostics: [...diagnostics, ...inc.diagnostics] };
}

function isKnown(option: string): boolean {
  return MOSQUITTO_KNOWN_OPTIONS.includes(option) || MOSQUITTO_OPTION_PREFIXES.some((p) => option.startsWith(p));
}

/** Splits the option stream into listeners; a repeated `listener port address` continues the same listener. */
function listenersOf(path: string, lines: readonly MosquittoLine[]): Listener[] {
  const byKey = new Map<string, Listener>();
  const first = lines[0];
  const dflt: Listener = {
    key: 'default',
    context: 'default listener',
    line: first?.line ?? 1,
    path: first?.path ?? path,
    snippet: '(options before any listener)',
    options: [],
  };
  byKey.set('default', dflt);
  let cur = dflt;
  for (const l of lines) {
    if (l.option === 'listener') {
      const key = l.value.split(/\s+/).slice(0, 2).join(' ');
      let next = byKey.get(key);
      if (!next) {
        next = {
          key,
          context: `listener ${key}`,
          line: l.line,
          path: l.path,
          snippet: `listener ${l.value}`,
          options: [],
        };
        byKey.set(key, next);
      }
      cur = next;
    } else {
      cur.options.push(l);
    }
  }
  return [...byKey.values()];
}

function brokerFindings(
  path: string,
  lines: readonly MosquittoLine[],
  ctx: DetectContext,
  diagnostics: Diagnostic[],
): Finding[] {
  const version = ctx.options.assume.mosquitto ?? DEFAULT_MOSQUITTO_VERSION;
  const opensslVersion = ctx.options.assume.openssl ?? '3.0';
  const rule = pickByVersion(MOSQUITTO_TLS_VERSION_RULES, version);
  const perListener = lines.find((l) => l.option === 'per_listener_settings')?.value ?? 'false';
  const findings: Finding[] = [];
  for (const lis of listenersOf(path, lines)) {
    const opts = lis.options;
    if (!opts.some((o) => MOSQUITTO_TLS_TRIGGERS.includes(o.option))) continue;
    const notes: string[] = [];
    for (const name of MOSQUITTO_SINGLE_TLS_OPTIONS) {
      const all = opts.filter((o) => o.option === name);
      for (const dup of all.slice(1)) {
        diagnostics.push(
          diagnostic(
            ID,
            'error',
            'duplicate-option',
            `Duplicate ${name} in ${lis.context}; mosquitto refuses to start.`,
            dup.path,
            dup.line,
          ),
        );
      }
    }
    const get = (name: string) => opts.find((o) => o.option === name);
    const str = (name: string, fallback: string, source: string): Setting<string> => {
      const o = get(name);
      return o
        ? { value: o.value, origin: 'explicit', directive: name, line: o.line, path: o.path }
        : { value: fallback, origin: 'default', directive: source };
    };
    const tv = get('tls_version');
    let versions: readonly TlsVersion[] = rule.defaultVersions;
    if (tv) {
      const v = tlsVersionOf(tv.value);
      if (!v || !rule.values.includes(tv.value)) {
        diagnostics.push(
          diagnostic(
            ID,
            'error',
            'invalid-value',
            `tls_version "${tv.value}" is not accepted by mosquitto ${version}; the listener does not start.`,
            tv.path,
            tv.line,
          ),
        );
        notes.push(`unsupported tls_version "${tv.value}"`);
      } else {
        versions = rule.semantics === 'exact' ? [v] : ALL_TLS_VERSIONS.slice(ALL_TLS_VERSIONS.indexOf(v));
      }
    }
    const psk = get('psk_hint');
    const hasCert = get('certfile') !== undefined;
    if (hasCert !== (get('keyfile') !== undefined)) notes.push('certfile and keyfile must both be set for TLS');
    const references: { directive: string; path: string }[] = [];
    const written: string[] = [];
    for (const name of MOSQUITTO_FILE_OPTIONS) {
      const o = get(name);
      if (!o || o.value === '') continue;
      written.push(o.value);
      // Relative paths are relative to the broker's working directory; the config's directory is the best guess.
      references.push({ directive: name, path: resolveReference(o.value, posix.dirname(path), ctx.files) ?? o.value });
    }
    const requireCert = get('require_certificate')?.value ?? 'false';
    if (psk && !hasCert) notes.push('PSK-only listener: clients authenticate with a pre-shared key, no certificate');
    const scope: Scope = {
      detector: ID,
      label: lis.context,
      role: 'server',
      path: lis.path,
      line: lis.line,
      snippet: lis.snippet,
      state: 'active',
      library: 'OpenSSL',
      notes,
      properties: {
        'assumed.mosquitto': version,
        'mqtt.tlsVersionSemantics': rule.semantics,
        'mqtt.requireCertificate': requireCert,
        'mqtt.perListenerSettings': perListener,
        ...(psk ? { 'mqtt.pskHint': 'set' } : {}),
        ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
      },
    };
    const settings = {
      versions: tv
        ? { value: versions, origin: 'explicit' as const, directive: 'tls_version', line: tv.line, path: tv.path }
        : { value: versions, origin: 'default' as const, directive: `mosquitto ${version} default` },
      cipherString: str('ciphers', MOSQUITTO_DEFAULT_CIPHERS, `mosquitto ${version} default`),
      ciphersuites: str('ciphers_tls1.3', DEFAULT_TLS13, `OpenSSL ${opensslVersion} default`),
      groups: { value: undefined, origin: 'default' as const, directive: `OpenSSL ${opensslVersion} default` },
      references,
      opensslVersion,
      // PSK suites need psk_hint (the listener then installs its PSK callback); SRP is never configured.
      negotiable: { psk: psk !== undefined, srp: false },
    };
    for (const f of tlsSettingFindings(scope, settings, 'mqtt-tls', tv ? { versions: tv.value } : {})) {
      const pf = f as ProtocolFinding;
      const flags = [...new Set([...(pf.protocol.flags ?? []), 'psk'])].sort();
      findings.push(psk && f.origin === 'default' ? { ...pf, protocol: { ...pf.protocol, flags } } : f);
    }
  }
  return findings;
}

export const mosquittoTls: Detector = {
  id: ID,
  summary: 'TLS versions, cipher suites, PSK and certificate files of Mosquitto MQTT broker listeners',
  accepts,
  scanAll,
};
