/**
 * openssh-config: algorithm selection in sshd_config / ssh_config (KexAlgorithms, HostKeyAlgorithms,
 * PubkeyAcceptedAlgorithms, Ciphers, MACs) with `+ - ^` applied to the defaults of the stated OpenSSH
 * version, per context (global, each Match / Host block), and HostKey files linked to the key inventory.
 * OpenSSH keeps the first value it reads for a keyword; later ones are reported as overridden.
 */

import { posix } from 'node:path';
import type { AlgorithmRef, Diagnostic, Finding, NamedGroupFacts } from '@pqready/core';
import { DEFAULT_OPENSSH_VERSION, findSshAlgorithm, opensshDefaultsFor, type SshAlgorithmKind } from '@pqready/core';
import { markIncluded, resolveInclude, resolveReference } from '../../config/includes.js';
import {
  diagnostic,
  headText,
  looksBinary,
  looksLikeDocumentation,
  protocolFinding,
} from '../../config/protocol-finding.js';
import { applyAlgorithmList, parseSshConfig, type SshLine } from '../../config/ssh-parser.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  SSH_KNOWN_KEYWORDS,
  SSH_LIST_KEYWORDS,
  SSHD_MATCH_ALLOWED,
  SSHD_ONLY_KEYWORDS,
  type SshListKind,
} from './table.js';

const ID = 'openssh-config';
const MAX_INCLUDE_DEPTH = 16;

function accepts(file: FileHead): boolean {
  const base = posix.basename(file.path);
  const named = /^sshd?_config$/.test(base) || /sshd?_config\.d\/[^/]+\.conf$/.test(file.path);
  // A file named like an OpenSSH config is parsed even with junk bytes (diagnostics, not silence).
  if (named) return true;
  if (looksBinary(file.head) || looksLikeDocumentation(file.path, headText(file.head))) return false;
  const kw = headText(file.head)
    .split('\n')
    .map((l) => /^\s*([A-Za-z]+)[\s=]/.exec(l)?.[1]?.toLowerCase())
    .filter((k): k is string => k !== undefined && SSH_KNOWN_KEYWORDS.includes(k));
  if (named) return true;
  // Unnamed files need several OpenSSH keywords, at least one algorithm or server keyword among them.
  return (
    /ssh/i.test(file.path) &&
    new Set(kw).size >= 3 &&
    kw.some((k) => k in SSH_LIST_KEYWORDS || SSHD_ONLY_KEYWORDS.includes(k))
  );
}

interface Block {
  readonly header?: SshLine;
  readonly lines: SshLine[];
}

async function* scanAll(files: readonly FileHead[], ctx: DetectContext): AsyncIterable<DetectResult> {
  const diagnostics: Diagnostic[] = [];
  const included = new Set<string>();
  const load = async (path: string, stack: readonly string[]): Promise<SshLine[]> => {
    const f = await ctx.readFile(path);
    if (!f) return [];
    const r = parseSshConfig(f.text(), path);
    for (const p of r.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, path, p.line));
    const out: SshLine[] = [];
    for (const l of r.lines) {
      if (l.keyword !== 'include') {
        out.push(l);
        continue;
      }
      for (const pattern of l.args) {
        const res = resolveInclude(pattern, posix.dirname(stack[0]!), ctx.files);
        if (res.outside) {
          diagnostics.push(
            diagnostic(
              ID,
              'info',
              'include-outside-root',
              `Include "${pattern}" is outside the scan root; not followed.`,
              path,
              l.line,
            ),
          );
        }
        for (const t of res.paths) {
          if (stack.includes(t) || stack.length > MAX_INCLUDE_DEPTH) {
            diagnostics.push(
              diagnostic(ID, 'warning', 'include-cycle', `Include of "${t}" forms a cycle; skipped.`, path, l.line),
            );
            continue;
          }
          markIncluded(included, t, ctx.files);
          out.push(...(await load(t, [...stack, t])));
        }
      }
    }
    return out;
  };
  const ordered = [...files].sort(
    (a, b) => Number(a.path.includes('.d/')) - Number(b.path.includes('.d/')) || a.path.localeCompare(b.path),
  );
  const findings: Finding[] = [];
  for (const f of ordered) {
    if (included.has(f.path)) continue;
    const lines = await load(f.path, [f.path]);
    findings.push(...configFindings(f.path, lines, ctx));
  }
  yield { findings, diagnostics };
}

function configFindings(path: string, lines: readonly SshLine[], ctx: DetectContext): Finding[] {
  const base = posix.basename(path);
  const server =
    base.startsWith('sshd') ||
    path.includes('sshd_config') ||
    lines.some((l) => SSHD_ONLY_KEYWORDS.includes(l.keyword));
  const version = ctx.options.assume.openssh ?? DEFAULT_OPENSSH_VERSION;
  const defaults = opensshDefaultsFor(version);
  const defaultList: Record<SshListKind, readonly string[]> = {
    kex: server ? defaults.kexServer : defaults.kexClient,
    hostkey: defaults.hostKeyAlgorithms,
    pubkey: defaults.hostKeyAlgorithms,
    cipher: defaults.ciphers,
    mac: defaults.macs,
  };
  const blocks: Block[] = [{ lines: [] }];
  for (const l of lines) {
    if (l.keyword === 'match' || (!server && l.keyword === 'host')) blocks.push({ header: l, lines: [] });
    else blocks.at(-1)!.lines.push(l);
  }
  const global = blocks[0]!;
  const findings: Finding[] = [];
  const file = server ? 'sshd_config' : 'ssh_config';
  for (const block of blocks) {
    if (block !== global && block.lines.length === 0) continue;
    const context = block.header
      ? `${file} > ${block.header.keyword === 'match' ? 'Match' : 'Host'}[${block.header.args.join(' ')}]`
      : file;
    // First value wins: a block sees its own lines, then (ssh_config) the global ones; sshd Match blocks only
    // override keywords sshd allows there.
    const pick = (keyword: string): { line: SshLine; inherited: boolean } | undefined => {
      if (block !== global) {
        const own = block.lines.find((l) => l.keyword === keyword);
        if (own && (!server || SSHD_MATCH_ALLOWED.includes(keyword))) return { line: own, inherited: false };
      }
      const g = global.lines.find((l) => l.keyword === keyword);
      return g ? { line: g, inherited: block !== global } : undefined;
    };
    const lists = {} as Record<SshListKind, string[]>;
    const origins: Record<string, string> = {};
    let anyExplicit = false;
    for (const kind of ['kex', 'hostkey', 'pubkey', 'cipher', 'mac'] as const) {
      const keywords = Object.entries(SSH_LIST_KEYWORDS)
        .filter(([, k]) => k === kind)
        .map(([kw]) => kw);
      const hit = keywords.map(pick).find((h) => h !== undefined);
      if (hit) {
        lists[kind] = applyAlgorithmList(hit.line.args.join(','), defaultList[kind]);
        origins[`ssh.${kind}.origin`] = hit.inherited ? 'inherited' : 'explicit';
        if (!hit.inherited) anyExplicit = true;
      } else {
        lists[kind] = [...defaultList[kind]];
        origins[`ssh.${kind}.origin`] = 'default';
      }
    }
    if (block !== global && !anyExplicit) continue;
    const ref = (kind: SshAlgorithmKind, name: string): AlgorithmRef =>
      findSshAlgorithm(kind, name)?.algorithm ?? { id: 'unknown', parameterSet: name };
    const kex: NamedGroupFacts[] = lists.kex.map((n) => ({ name: n, algorithm: ref('kex', n) }));
    const hostkeys: NamedGroupFacts[] = lists.hostkey.map((n) => ({ name: n, algorithm: ref('hostkey', n) }));
    const flags = new Set<string>();
    if (!lists.kex.some((n) => findSshAlgorithm('kex', n)?.pq)) flags.add('no-pq-kex');
    if (lists.kex.some((n) => /sha1$/.test(n))) flags.add('sha1-kex');
    if (lists.cipher.some((n) => /-cbc$|arcfour/.test(n))) flags.add('weak-cipher');
    if (lists.mac.some((n) => /md5|sha1/.test(n))) flags.add('sha1-or-md5-mac');
    if (lists.hostkey.some((n) => n === 'ssh-rsa' || n === 'ssh-dss')) flags.add('sha1-host-key');
    const protocol = pick('protocol');
    const versions = protocol
      ? protocol.line.args
          .join(',')
          .split(',')
          .map((v) => (v.trim() === '1' ? '1.0' : '2.0'))
      : ['2.0'];
    if (versions.includes('1.0')) flags.add('ssh-1');
    const references: { directive: string; path: string }[] = [];
    const written: string[] = [];
    if (block === global) {
      for (const l of global.lines.filter(
        (x) => x.keyword === 'hostkey' || x.keyword === 'identityfile' || x.keyword === 'hostcertificate',
      )) {
        const p = l.args[0];
        if (!p) continue;
        written.push(p);
        const directive =
          l.keyword === 'hostkey' ? 'HostKey' : l.keyword === 'identityfile' ? 'IdentityFile' : 'HostCertificate';
        references.push({ directive, path: resolveReference(p, posix.dirname(path), ctx.files) ?? p });
      }
    }
    const at = block.header ??
      global.lines.find((l) => l.path === path) ??
      global.lines[0] ?? { line: 1, path, keyword: '', args: [] };
    findings.push(
      protocolFinding({
        detector: ID,
        path: at.path,
        line: at.line,
        snippet: block.header
          ? `${block.header.keyword === 'match' ? 'Match' : 'Host'} ${block.header.args.join(' ')}`
          : file,
        context,
        origin: anyExplicit ? 'explicit' : block === global ? 'default' : 'inherited',
        state: block === global ? 'active' : 'conditional',
        library: 'OpenSSH',
        protocol: {
          type: 'ssh',
          versions: [...new Set(versions)].sort(),
          cipherSuites: [],
          groups: kex,
          signatureAlgorithms: hostkeys,
          algorithms: [...lists.cipher.map((n) => ref('cipher', n)), ...lists.mac.map((n) => ref('mac', n))],
          references,
          flags: [...flags].sort(),
        },
        properties: {
          ...origins,
          'assumed.openssh': version,
          'ssh.ciphers': lists.cipher.join(','),
          'ssh.macs': lists.mac.join(','),
          'ssh.pubkeyAcceptedAlgorithms': lists.pubkey.join(','),
          ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
        },
      }),
    );
    // Later copies of a keyword in the same block never take effect (first value wins).
    for (const [kw] of Object.entries(SSH_LIST_KEYWORDS)) {
      const all = block.lines.filter((l) => l.keyword === kw);
      for (const l of all.slice(1)) {
        findings.push(
          protocolFinding({
            detector: ID,
            path: l.path,
            line: l.line,
            snippet: `${l.keyword} ${l.args.join(' ')}`,
            context,
            origin: 'explicit',
            state: 'overridden',
            library: 'OpenSSH',
            notes: [`OpenSSH uses the first ${kw} (${all[0]!.path}:${all[0]!.line}); this one is ignored`],
            protocol: {
              type: 'ssh',
              versions: ['2.0'],
              cipherSuites: [],
              groups:
                SSH_LIST_KEYWORDS[kw] === 'kex'
                  ? applyAlgorithmList(l.args.join(','), defaultList.kex).map((n) => ({
                      name: n,
                      algorithm: ref('kex', n),
                    }))
                  : [],
              signatureAlgorithms: [],
            },
          }),
        );
      }
    }
  }
  return findings;
}

export const opensshConfig: Detector = {
  id: ID,
  summary: 'Key exchange, host key, cipher and MAC algorithms selected by OpenSSH sshd_config / ssh_config',
  accepts,
  scanAll,
};
