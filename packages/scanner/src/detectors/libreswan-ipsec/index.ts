/**
 * libreswan-ipsec: IKE and ESP/AH proposals of Libreswan connections (ipsec.conf(5) of Libreswan: `conn` sections
 * with `also=` and `%default`, `include` globs). One finding of type `ike` per connection at its `ike=` line (or,
 * with pluto's default proposals, at the `conn` line) and one of type `ipsec` at `esp=`/`phase2alg=`/`ah=`; the IKE
 * version (`keyexchange=`, the deprecated `ikev2=`) where written. Proposal names (`aes_gcm256-sha2;dh19`,
 * `ke=…`, `addke1=ml_kem_768`) are translated into the IKE catalog's keywords. A file is Libreswan's when it (or
 * what it includes) uses a keyword only Libreswan knows or the `;` before a DH group; strongswan-ipsec reads the
 * others.
 */

import { posix } from 'node:path';
import type { Diagnostic, Finding, ProtocolFacts } from '@pqready/core';
import { proposalFacts, saProtocolFacts } from '../../config/ike-proposal-facts.js';
import { IncludeFollower, resolveReference } from '../../config/includes.js';
import { ipsecConns, libreswanMarker, loadIpsecConf } from '../../config/ipsec-conns.js';
import {
  diagnostic,
  headText,
  looksBinary,
  looksLikeNonConfig,
  protocolFinding,
} from '../../config/protocol-finding.js';
import { looksLikeTemplate } from '../../config/template-names.js';
import type { Origin } from '../../config/tls-facts.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  LIBRESWAN_DEFAULT_PROPOSALS,
  LIBRESWAN_ENCRYPT,
  LIBRESWAN_FILE_PARAMS,
  LIBRESWAN_HASH,
  LIBRESWAN_IKE_VERSIONS,
  LIBRESWAN_KE,
  LIBRESWAN_KEY_LENGTHS,
  LIBRESWAN_SHUNT_TYPES,
} from './table.js';

const ID = 'libreswan-ipsec';
const MAX_UNKNOWN_REPORTS = 20;

const CONN_LINE = /(^|\n)conn[ \t]+\S+[ \t]*(\r?\n|#)/;
const LIBRESWAN_LINE =
  /\n[ \t]+((phase2alg|phase2|ikev2|protostack|virtual-private|ipsec-interface|encapsulation|ikev1-policy|logtime|logappend)[ \t]*=|(ike|esp)[ \t]*=[^\n]*;)/;

function accepts(file: FileHead): boolean {
  if (looksBinary(file.head) || looksLikeTemplate(file.path)) return false;
  const text = headText(file.head);
  const base = posix.basename(file.path);
  if (base !== 'ipsec.conf' && (looksLikeNonConfig(file.path, text) || !/\.conf$/.test(base))) return false;
  // ipsec.conf is claimed by name (its conns may sit in included files); another file needs a Libreswan conn.
  return base === 'ipsec.conf' || (CONN_LINE.test(text) && LIBRESWAN_LINE.test(`\n${text}`));
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const diagnostics: Diagnostic[] = [];
  const included = new Set<string>();
  const main = (p: string) => (posix.basename(p) === 'ipsec.conf' ? 0 : 1);
  const ordered = [...files].sort((a, b) => main(a.path) - main(b.path) || a.path.localeCompare(b.path));
  const findings: Finding[] = [];
  let unknown = 0;
  for (const f of ordered) {
    if (included.has(f.path)) continue;
    // One follower per file: the include diagnostics of a strongSwan file are strongswan-ipsec's to give.
    const inc = new IncludeFollower(ID, ctx);
    const own: Diagnostic[] = [];
    const entries = await loadIpsecConf(f.path, ctx, inc, ID, own);
    for (const p of inc.included) included.add(p);
    // strongSwan's ipsec.conf (no Libreswan keyword anywhere) is strongswan-ipsec's.
    if (!libreswanMarker(entries)) continue;
    diagnostics.push(...own, ...inc.diagnostics);
    const onUnknown = (token: string, at: { path: string; line: number }) => {
      if (unknown++ < MAX_UNKNOWN_REPORTS)
        diagnostics.push(
          diagnostic(
            ID,
            'warning',
            'unknown-proposal-keyword',
            `Unknown proposal keyword "${token}".`,
            at.path,
            at.line,
          ),
        );
    };
    findings.push(...connFindings(f.path, entries, ctx, diagnostics, onUnknown));
  }
  yield { findings, diagnostics };
}

type Kind = 'ike' | 'esp' | 'ah';

/**
 * One Libreswan proposal (`aes_gcm256-sha2;dh19`, `aes+3des-sha1;modp2048`, `aes-sha2;ke=dh19;addke1=ml_kem_768`)
 * in the IKE catalog's keywords; unknown names are kept as written so that they are reported.
 */
export function translateProposal(text: string, kind: Kind): string {
  const out: string[] = [];
  const parts = text.split(';').map((p) => p.trim());
  parts.forEach((part, partIndex) => {
    const typed = /^([a-z0-9]+)=(.*)$/i.exec(part);
    if (typed) {
      const type = typed[1]!.toLowerCase();
      const add = /^addke([1-7])$/.exec(type);
      for (const name of typed[2]!.split('+').filter((n) => n !== '')) {
        if (type === 'ke' || add) out.push(...keyword(name, 'ke', kind).map((k) => (add ? `ke${add[1]}_${k}` : k)));
        else if (type === 'encrypt') out.push(...keyword(name, 'encrypt', kind));
        else if (type === 'prf' || type === 'integ') out.push(...keyword(name, 'hash', kind));
      }
      return;
    }
    part
      .split('-')
      .filter((g) => g !== '')
      .forEach((group, groupIndex) => {
        // The first group of the first part is the encryption (ESP/IKE); AH has integrity only.
        const slot = partIndex === 0 && groupIndex === 0 && kind !== 'ah' ? 'encrypt' : 'other';
        for (const name of group.split('+').filter((n) => n !== '')) out.push(...keyword(name, slot, kind));
      });
  });
  return out.join('-');
}

function keyword(raw: string, slot: 'encrypt' | 'hash' | 'ke' | 'other', kind: Kind): string[] {
  const name = raw.trim().toLowerCase();
  if (slot === 'encrypt') {
    const whole = LIBRESWAN_ENCRYPT[name];
    const m = /^(.*?)_?(128|192|256)$/.exec(name);
    const template = whole ?? (m ? LIBRESWAN_ENCRYPT[m[1]!] : undefined);
    if (!template) return [name];
    const bits = whole ? LIBRESWAN_KEY_LENGTHS : [Number(m![2])];
    return [...new Set(bits.map((b) => template.replace('{bits}', String(b))))];
  }
  // `null`/`none` after the cipher: no integrity (AEAD) or no key exchange.
  if (name === 'null' || name === 'none') return slot === 'ke' ? ['none'] : [];
  const hash = slot !== 'ke' ? LIBRESWAN_HASH[name] : undefined;
  if (hash) return [kind === 'ike' ? hash.prf : hash.integ];
  const ke = slot !== 'hash' ? LIBRESWAN_KE[name] : undefined;
  return [ke ?? name];
}

function connFindings(
  mainPath: string,
  entries: Awaited<ReturnType<typeof loadIpsecConf>>,
  ctx: DetectContext,
  diagnostics: Diagnostic[],
  onUnknown: (token: string, at: { path: string; line: number }) => void,
): Finding[] {
  const { conns, resolve } = ipsecConns(entries, mainPath, ID, diagnostics);
  const findings: Finding[] = [];
  for (const conn of conns.values()) {
    const type = resolve(conn, 'type')?.p.value.toLowerCase() ?? 'tunnel';
    if (LIBRESWAN_SHUNT_TYPES.includes(type)) continue;
    const auto = resolve(conn, 'auto')?.p.value.toLowerCase() ?? 'ignore';
    const state = auto === 'ignore' ? 'inactive' : 'active';
    const kx = resolve(conn, 'keyexchange');
    const old = resolve(conn, 'ikev2');
    const versionAt = kx ? { ...kx, key: 'keyexchange' } : old ? { ...old, key: 'ikev2' } : undefined;
    const versions = versionAt
      ? (LIBRESWAN_IKE_VERSIONS[`${versionAt.key}=${versionAt.p.value.toLowerCase()}`] ?? ['2'])
      : ['2'];
    const v = versions.includes('1') ? '1' : '2';
    const references: { directive: string; path: string }[] = [];
    for (const key of LIBRESWAN_FILE_PARAMS) {
      const r = resolve(conn, key);
      // leftcert= names a certificate in the NSS database by nickname, or a file.
      if (!r || r.p.value.startsWith('%')) continue;
      const found = resolveReference(r.p.value, posix.dirname(r.p.path), ctx.files);
      references.push({ directive: key, path: found ?? r.p.value });
    }
    const common = { context: `conn ${conn.name}`, path: conn.path, line: conn.line, state } as const;
    const sa = (saType: 'ike' | 'ipsec', kind: Kind, keys: readonly string[]) => {
      const r = keys.map((k) => ({ k, r: resolve(conn, k) })).find((x) => x.r);
      const written = r?.r
        ? r.r.p.value
            .split(',')
            .map((p) => p.trim())
            .filter((p) => p !== '')
        : undefined;
      const proposals = (written ?? LIBRESWAN_DEFAULT_PROPOSALS[v][kind]).map((p) => translateProposal(p, kind));
      const at = r?.r ? { path: r.r.p.path, line: r.r.p.line } : { path: conn.path, line: conn.line };
      return saFinding(
        {
          ...common,
          ...at,
          snippet: r?.r ? `${r.k}=${r.r.p.value}` : `conn ${conn.name}`,
          type: saType,
          origin: r?.r?.origin ?? 'default',
          versions,
          references: saType === 'ike' ? references : [],
          proposals,
          properties: {
            'config.setting': r?.r ? kind : 'defaults',
            'config.directive': r?.k ?? keys[0]!,
            ...(r?.r ? { 'config.value': r.r.p.value } : {}),
            'config.role': 'server',
            [`${saType}.origin`]: r?.r?.origin ?? 'default',
            ...(r?.r ? {} : { [`${saType}.defaultFrom`]: `pluto default ${kind} proposals (IKEv${v})` }),
            ...(saType === 'ipsec' ? { 'ipsec.protocol': kind } : {}),
          },
        },
        (token) => onUnknown(token, at),
      );
    };
    findings.push(sa('ike', 'ike', ['ike']));
    if (versionAt)
      findings.push(
        protocolFinding({
          detector: ID,
          path: versionAt.p.path,
          line: versionAt.p.line,
          snippet: `${versionAt.key}=${versionAt.p.value}`,
          context: `conn ${conn.name}`,
          origin: versionAt.origin,
          state,
          library: 'Libreswan',
          protocol: { ...EMPTY, type: 'ike', versions, flags: versions.includes('1') ? ['ikev1'] : [] },
          properties: {
            'config.setting': 'versions',
            'config.directive': versionAt.key,
            'config.value': versionAt.p.value,
            'config.role': 'server',
          },
        }),
      );
    const phase2 = resolve(conn, 'phase2')?.p.value.toLowerCase();
    const ah = resolve(conn, 'ah') !== undefined || phase2 === 'ah';
    // esp=/ah= name the protocol themselves (5.3); phase2alg= goes with phase2= (esp by default).
    findings.push(ah ? sa('ipsec', 'ah', ['ah', 'phase2alg']) : sa('ipsec', 'esp', ['esp', 'phase2alg']));
  }
  return findings;
}

const EMPTY: ProtocolFacts = {
  type: 'ike',
  versions: [],
  cipherSuites: [],
  groups: [],
  signatureAlgorithms: [],
  flags: [],
};

interface SaInput {
  readonly type: 'ike' | 'ipsec';
  readonly proposals: readonly string[];
  readonly origin: Origin;
  readonly versions: readonly string[];
  readonly references: readonly { directive: string; path: string }[];
  readonly context: string;
  readonly path: string;
  readonly line: number;
  readonly snippet: string;
  readonly state: 'active' | 'inactive';
  readonly properties: Record<string, string>;
}

function saFinding(i: SaInput, onUnknown: (token: string) => void): Finding {
  const pf = proposalFacts(i.proposals, onUnknown, 'Libreswan');
  return protocolFinding({
    detector: ID,
    path: i.path,
    line: i.line,
    snippet: i.snippet,
    context: i.context,
    origin: i.origin,
    state: i.state,
    library: 'Libreswan',
    protocol: saProtocolFacts(i.type, i.versions, pf, i.references),
    notes: [
      ...(i.state === 'inactive' ? ['auto=ignore (the default): pluto does not load this connection at start'] : []),
      ...pf.notes,
    ],
    properties: {
      ...i.properties,
      [`${i.type}.proposals`]: i.proposals.join(','),
      ...(pf.keyExchanges.length > 0 ? { [`${i.type}.keyExchanges`]: pf.keyExchanges.join(',') } : {}),
    },
  });
}

export const libreswanIpsec: Detector = {
  id: ID,
  summary: 'IKE and ESP/AH proposals and IKE versions of Libreswan connections (ipsec.conf, ipsec.d/*.conf)',
  accepts,
  scanAll,
};
