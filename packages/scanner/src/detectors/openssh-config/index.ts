/**
 * openssh-config: algorithm selection in sshd_config / ssh_config (KexAlgorithms, HostKeyAlgorithms,
 * PubkeyAcceptedAlgorithms, Ciphers, MACs) with `+ - ^` applied to the defaults of the stated OpenSSH
 * version, per context (global, each Match / Host block), and HostKey files linked to the key inventory.
 * OpenSSH keeps the first value it reads for a keyword; later ones are reported as overridden.
 */

import { posix } from 'node:path';
import type { AlgorithmRef, Diagnostic, Finding, ProtocolFacts } from '@pqready/core';
import { DEFAULT_OPENSSH_VERSION, findSshAlgorithm, opensshDefaultsFor, type SshAlgorithmKind } from '@pqready/core';
import { IncludeFollower, placementOf, resolveReference } from '../../config/includes.js';
import { diagnostic, headText, looksBinary, looksLikeNonConfig } from '../../config/protocol-finding.js';
import { defaultsFinding, type Scope, settingFinding } from '../../config/setting-findings.js';
import { applyAlgorithmList, parseSshConfig, type SshLine } from '../../config/ssh-parser.js';
import { pickByVersion } from '../../config/version.js';
import type { DetectContext, Detector, DetectResult, FileHead } from '../types.js';
import {
  SSH_CA_SIGNATURE_DEFAULTS,
  SSH_KNOWN_KEYWORDS,
  SSH_LIST_KEYWORDS,
  SSHD_MATCH_ALLOWED,
  SSHD_ONLY_KEYWORDS,
  type SshListKind,
} from './table.js';

const ID = 'openssh-config';

function accepts(file: FileHead): boolean {
  const base = posix.basename(file.path);
  const named = /^sshd?_config$/.test(base) || /sshd?_config\.d\/[^/]+\.conf$/.test(file.path);
  // A file named like an OpenSSH config is parsed even with junk bytes (diagnostics, not silence).
  if (named) return true;
  if (looksBinary(file.head) || looksLikeNonConfig(file.path, headText(file.head))) return false;
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
  const inc = new IncludeFollower(ID, ctx);
  const load = async (path: string, stack: readonly string[], read = () => ctx.readFile(path)) => {
    const f = await read();
    if (!f) return [];
    const r = parseSshConfig(f.text(), f.path);
    for (const p of r.problems) diagnostics.push(diagnostic(ID, 'warning', p.code, p.message, f.path, p.line));
    const out: SshLine[] = [];
    for (const l of r.lines) {
      if (l.keyword !== 'include') {
        out.push(l);
        continue;
      }
      // ssh_config(5)/sshd_config(5): relative Include paths are relative to ~/.ssh or /etc/ssh, the main file's home.
      for (const pattern of l.args) {
        const targets = await inc.resolve({
          pattern,
          from: { path: f.path, line: l.line },
          baseDirs: [posix.dirname(stack[0]!)],
          stack,
          optional: /[*?[]/.test(pattern),
        });
        for (const t of targets) out.push(...(await load(t.path, [...stack, t.path], () => inc.read(t))));
      }
    }
    return out;
  };
  const ordered = [...files].sort(
    (a, b) => Number(a.path.includes('.d/')) - Number(b.path.includes('.d/')) || a.path.localeCompare(b.path),
  );
  const findings: Finding[] = [];
  for (const f of ordered) {
    if (inc.isIncluded(f.path)) continue;
    const lines = await load(f.path, [f.path]);
    findings.push(...configFindings(f.path, lines, ctx));
  }
  yield { findings, diagnostics: [...diagnostics, ...inc.diagnostics] };
}

/** Keyword as the manual spells it, for evidence. */
const SPELLING: Readonly<Record<string, string>> = {
  kexalgorithms: 'KexAlgorithms',
  hostkeyalgorithms: 'HostKeyAlgorithms',
  ciphers: 'Ciphers',
  macs: 'MACs',
  pubkeyacceptedalgorithms: 'PubkeyAcceptedAlgorithms',
  pubkeyacceptedkeytypes: 'PubkeyAcceptedKeyTypes',
  casignaturealgorithms: 'CASignatureAlgorithms',
  protocol: 'Protocol',
};

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
    casig: pickByVersion(SSH_CA_SIGNATURE_DEFAULTS, version).value ?? defaults.hostKeyAlgorithms,
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
  const ref = (kind: SshAlgorithmKind, name: string): AlgorithmRef =>
    findSshAlgorithm(kind, name)?.algorithm ?? { id: 'unknown', parameterSet: name };
  const references: { directive: string; path: string }[] = [];
  const written: string[] = [];
  for (const l of global.lines.filter(
    (x) => x.keyword === 'hostkey' || x.keyword === 'identityfile' || x.keyword === 'hostcertificate',
  )) {
    const p = l.args[0];
    if (!p) continue;
    written.push(p);
    const directive =
      l.keyword === 'hostkey' ? 'HostKey' : l.keyword === 'identityfile' ? 'IdentityFile' : 'HostCertificate';
    references.push({ directive, path: resolveReference(p, posix.dirname(path), ctx.files, placementOf(ctx)) ?? p });
  }
  const facts = (kind: SshListKind | 'versions', list: readonly string[]): ProtocolFacts => {
    const flags = new Set<string>();
    if (kind === 'kex' && !list.some((n) => findSshAlgorithm('kex', n)?.pq)) flags.add('no-pq-kex');
    if (kind === 'kex' && list.some((n) => /sha1$/.test(n))) flags.add('sha1-kex');
    if (kind === 'cipher' && list.some((n) => /-cbc$|arcfour/.test(n))) flags.add('weak-cipher');
    if (kind === 'mac' && list.some((n) => /md5|sha1/.test(n))) flags.add('sha1-or-md5-mac');
    if (kind === 'hostkey' && list.some((n) => n === 'ssh-rsa' || n === 'ssh-dss')) flags.add('sha1-host-key');
    if (kind === 'versions' && list.includes('1.0')) flags.add('ssh-1');
    const sigKind = kind === 'hostkey' || kind === 'pubkey' || kind === 'casig';
    return {
      type: 'ssh',
      versions: kind === 'versions' ? list : ['2.0'],
      cipherSuites: [],
      groups: kind === 'kex' ? list.map((n) => ({ name: n, algorithm: ref('kex', n) })) : [],
      signatureAlgorithms: sigKind ? list.map((n) => ({ name: n, algorithm: ref('hostkey', n) })) : [],
      algorithms: kind === 'cipher' || kind === 'mac' ? list.map((n) => ref(kind, n)) : [],
      references,
      flags: [...flags].sort(),
    };
  };
  const merge = (parts: readonly ProtocolFacts[]): ProtocolFacts => ({
    type: 'ssh',
    versions: ['2.0'],
    cipherSuites: [],
    groups: parts.flatMap((p) => p.groups),
    signatureAlgorithms: parts.flatMap((p) => p.signatureAlgorithms),
    algorithms: parts.flatMap((p) => p.algorithms ?? []),
    references,
    flags: [...new Set(parts.flatMap((p) => p.flags ?? []))].sort(),
  });
  for (const block of blocks) {
    const isGlobal = block === global;
    const label = block.header
      ? `${file} > ${block.header.keyword === 'match' ? 'Match' : 'Host'}[${block.header.args.join(' ')}]`
      : file;
    const scope: Scope = {
      detector: ID,
      label,
      role: server ? 'server' : 'client',
      path: block.header?.path ?? path,
      line: block.header?.line ?? 1,
      snippet: block.header
        ? `${block.header.keyword === 'match' ? 'Match' : 'Host'} ${block.header.args.join(' ')}`
        : file,
      state: isGlobal ? 'active' : 'conditional',
      library: 'OpenSSH',
      properties: {
        'assumed.openssh': version,
        ...(written.length > 0 ? { 'references.asWritten': written.join(' ') } : {}),
      },
    };
    // First value wins; sshd Match blocks only override keywords sshd allows there.
    const own = (keyword: string) =>
      block.lines.find((l) => l.keyword === keyword && (isGlobal || !server || SSHD_MATCH_ALLOWED.includes(keyword)));
    const defaulted: string[] = [];
    const defaultFacts: ProtocolFacts[] = [];
    for (const kind of ['kex', 'hostkey', 'pubkey', 'casig', 'cipher', 'mac'] as const) {
      const keywords = Object.entries(SSH_LIST_KEYWORDS)
        .filter(([, k]) => k === kind)
        .map(([kw]) => kw);
      const hit = keywords.map(own).find((h) => h !== undefined);
      if (hit) {
        const value = hit.args.join(',');
        const list = applyAlgorithmList(value, defaultList[kind]);
        const directive = SPELLING[hit.keyword] ?? hit.keyword;
        findings.push(
          settingFinding(
            scope,
            { setting: kind, directive, value, origin: 'explicit', path: hit.path, line: hit.line },
            facts(kind, list),
            { properties: { [`ssh.${kind}`]: list.join(',') } },
          ),
        );
        // Later copies of a keyword in the same block never take effect (first value wins).
        for (const dup of block.lines.filter((l) => keywords.includes(l.keyword) && l !== hit)) {
          const dv = dup.args.join(',');
          findings.push(
            settingFinding(
              scope,
              {
                setting: kind,
                directive: SPELLING[dup.keyword] ?? dup.keyword,
                value: dv,
                origin: 'explicit',
                path: dup.path,
                line: dup.line,
              },
              facts(kind, applyAlgorithmList(dv, defaultList[kind])),
              {
                state: 'overridden',
                notes: [`OpenSSH uses the first ${directive} (${hit.path}:${hit.line}); this one is ignored`],
              },
            ),
          );
        }
      } else if (isGlobal) {
        defaulted.push(kind);
        defaultFacts.push(facts(kind, defaultList[kind]));
      }
    }
    const protocol = own('protocol');
    if (protocol) {
      const versions = [
        ...new Set(
          protocol.args
            .join(',')
            .split(',')
            .map((v) => (v.trim() === '1' ? '1.0' : '2.0')),
        ),
      ].sort();
      findings.push(
        settingFinding(
          scope,
          {
            setting: 'versions',
            directive: 'Protocol',
            value: protocol.args.join(','),
            origin: 'explicit',
            path: protocol.path,
            line: protocol.line,
          },
          facts('versions', versions),
        ),
      );
    }
    const d = defaultsFinding(scope, defaulted, merge(defaultFacts), {
      properties: { 'ssh.defaults': `OpenSSH ${version} defaults` },
    });
    if (d) findings.push(d);
  }
  return findings;
}

export const opensshConfig: Detector = {
  id: ID,
  summary: 'Key exchange, host key, cipher and MAC algorithms selected by OpenSSH sshd_config / ssh_config',
  accepts,
  scanAll,
};
