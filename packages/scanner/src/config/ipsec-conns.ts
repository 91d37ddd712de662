/**
 * The connections of an ipsec.conf, as strongSwan's starter and Libreswan's addconn read them (ipsec.conf(5) of
 * both): `conn <name>` sections with their parameters, `conn %default` for every connection, and `also=` sections
 * merged depth-first in the order written. A connection's own value wins, then its `also=` chain, then
 * `%default`; an empty value (`key=`) unsets the parameter.
 */
import { posix } from 'node:path';
import type { Diagnostic } from '@pqready/core';
import type { DetectContext } from '../detectors/types.js';
import type { IncludeFollower } from './includes.js';
import { diagnostic } from './protocol-finding.js';
import { type IpsecConfEntry, parseIpsecConf } from './strongswan-parser.js';
import type { Origin } from './tls-facts.js';

interface Located<T> {
  readonly entry: T;
  readonly path: string;
}

interface IpsecParam {
  readonly value: string;
  readonly line: number;
  readonly path: string;
}

interface IpsecConn {
  readonly name: string;
  readonly line: number;
  readonly path: string;
  readonly params: Map<string, IpsecParam>;
  readonly also: IpsecParam[];
}

interface IpsecConns {
  readonly conns: ReadonlyMap<string, IpsecConn>;
  /** The value a connection gets for `key`, with where it was written; undefined when unset. */
  resolve(
    conn: IpsecConn,
    key: string,
  ): { readonly p: IpsecParam; readonly origin: Exclude<Origin, 'default'> } | undefined;
}

const MAX_ALSO_DEPTH = 32;

export function ipsecConns(
  entries: readonly Located<IpsecConfEntry>[],
  mainPath: string,
  detector: string,
  diagnostics: Diagnostic[],
): IpsecConns {
  const conns = new Map<string, IpsecConn>();
  const defaults: IpsecConn = { name: '%default', line: 0, path: mainPath, params: new Map(), also: [] };
  let cur: IpsecConn | undefined;
  for (const { entry: e, path } of entries) {
    if (e.kind === 'section') {
      if (e.type !== 'conn') {
        cur = undefined;
      } else if (e.name === '%default') {
        cur = defaults;
      } else {
        cur = conns.get(e.name);
        if (cur) {
          diagnostics.push(
            diagnostic(
              detector,
              'warning',
              'duplicate-section',
              `conn ${e.name} is defined twice; merged.`,
              path,
              e.line,
            ),
          );
        } else {
          cur = { name: e.name, line: e.line, path, params: new Map(), also: [] };
          conns.set(e.name, cur);
        }
      }
    } else if (e.kind === 'param' && cur) {
      const p = { value: e.value, line: e.line, path };
      if (e.key === 'also') cur.also.push(p);
      else {
        if (cur.params.has(e.key)) {
          diagnostics.push(
            diagnostic(
              detector,
              'warning',
              'duplicate-parameter',
              `${e.key} is set twice in conn ${cur.name}.`,
              path,
              e.line,
            ),
          );
        }
        cur.params.set(e.key, p);
      }
    }
  }
  for (const conn of conns.values()) {
    for (const a of conn.also) {
      if (!conns.has(a.value)) {
        diagnostics.push(
          diagnostic(detector, 'warning', 'also-not-found', `also=${a.value}: no such conn section.`, a.path, a.line),
        );
      }
    }
  }
  const resolve: IpsecConns['resolve'] = (conn, key) => {
    const own = conn.params.get(key);
    if (own) return own.value === '' ? undefined : { p: own, origin: 'explicit' };
    // `also=` sections, depth-first in the order written; cycles stop at the depth bound.
    const walk = (x: IpsecConn, depth: number, seen: Set<string>): IpsecParam | undefined => {
      for (const a of x.also) {
        const t = conns.get(a.value);
        if (!t || seen.has(t.name) || depth > MAX_ALSO_DEPTH) continue;
        seen.add(t.name);
        const hit = t.params.get(key) ?? walk(t, depth + 1, seen);
        if (hit) return hit;
      }
      return undefined;
    };
    const inh = walk(conn, 0, new Set([conn.name])) ?? defaults.params.get(key);
    return inh && inh.value !== '' ? { p: inh, origin: 'inherited' } : undefined;
  };
  return { conns, resolve };
}

/**
 * An ipsec.conf with its `include` lines expanded in place (relative patterns are relative to the including file,
 * ipsec.conf(5) of both daemons; a glob may match nothing).
 */
export async function loadIpsecConf(
  mainPath: string,
  ctx: DetectContext,
  inc: IncludeFollower,
  detector: string,
  diagnostics: Diagnostic[],
): Promise<Located<IpsecConfEntry>[]> {
  const load = async (
    path: string,
    stack: readonly string[],
    read = () => ctx.readFile(path),
  ): Promise<Located<IpsecConfEntry>[]> => {
    const f = await read();
    if (!f) return [];
    const r = parseIpsecConf(f.text());
    for (const p of r.problems) diagnostics.push(diagnostic(detector, 'warning', p.code, p.message, f.path, p.line));
    const out: Located<IpsecConfEntry>[] = [];
    for (const e of r.entries) {
      if (e.kind !== 'include') {
        out.push({ entry: e, path: f.path });
        continue;
      }
      const targets = await inc.resolve({
        pattern: e.pattern,
        from: { path: f.path, line: e.line },
        baseDirs: [posix.dirname(f.path)],
        stack,
        optional: /[*?[]/.test(e.pattern),
      });
      for (const t of targets) out.push(...(await load(t.path, [...stack, t.path], () => inc.read(t))));
    }
    return out;
  };
  return load(mainPath, [mainPath]);
}

/**
 * ipsec.conf keywords only Libreswan (and Openswan before it) know: a file that uses them, or writes a proposal with
 * Libreswan's `;` before the DH group (`ike=aes256-sha2;modp2048`), is Libreswan's, whose keywords, proposal names
 * and defaults differ from strongSwan's. Source: Libreswan ipsec.conf(5) (https://libreswan.org/man/ipsec.conf.5.html:
 * phase2alg, ikev2=never|propose|insist, protostack, virtual-private, ipsec-interface, encapsulation, phase2;
 * config setup: ikev1-policy (5.0), logtime, logappend).
 */
const LIBRESWAN_ONLY_KEYS: readonly string[] = Object.freeze([
  'phase2alg',
  'phase2',
  'ikev2',
  'protostack',
  'virtual-private',
  'ipsec-interface',
  'encapsulation',
  'ikev1-policy',
  'logtime',
  'logappend',
]);

/** The first entry that marks an expanded ipsec.conf as Libreswan's; undefined for strongSwan's. */
export function libreswanMarker(
  entries: readonly Located<IpsecConfEntry>[],
): Located<Extract<IpsecConfEntry, { kind: 'param' }>> | undefined {
  for (const l of entries) {
    const e = l.entry;
    if (e.kind !== 'param') continue;
    if (LIBRESWAN_ONLY_KEYS.includes(e.key) || (['ike', 'esp'].includes(e.key) && e.value.includes(';')))
      return { entry: e, path: l.path };
  }
  return undefined;
}
