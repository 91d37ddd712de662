/**
 * tls-policy-json: TLS policy documents in the Mozilla server-side TLS guideline format (ssl-config-generator
 * `guidelines/*.json`). One ProtocolFinding per configuration level (`configurations > intermediate`): the TLS
 * versions, the suites the OpenSSL names expand to, TLS 1.3 suites, groups, and the certificate algorithms the
 * level allows. A policy is a statement of intent, not a running server; findings say so in their properties.
 */

import type { AlgorithmRef, Finding } from '@pqready/core';
import { curveFromName, findCipherSuiteByIanaName } from '@pqready/core';
import { parseTlsPolicyJson, sniffTlsPolicy, type TlsPolicyLevel } from '../../config/policy-json.js';
import { diagnostic, headText, looksBinary, protocolFinding } from '../../config/protocol-finding.js';
import { buildTlsFacts } from '../../config/tls-facts.js';
import { type TlsVersion, tlsVersionOf } from '../../config/tls-lists.js';
import type { DetectContext, Detector, DetectResult, FileHead, ScanFile } from '../types.js';
import { CERTIFICATE_SIGNATURES, CERTIFICATE_TYPES, MIN_DH_BITS, MIN_RSA_BITS } from './table.js';

const ID = 'tls-policy-json';
const MAX_BYTES = 8 * 1024 * 1024;
const DEFAULT_TLS13 = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';

function accepts(file: FileHead): boolean {
  if (!/\.json$/i.test(file.path) || looksBinary(file.head)) return false;
  return sniffTlsPolicy(headText(file.head));
}

function detect(file: ScanFile, ctx: DetectContext): DetectResult {
  if (file.size > MAX_BYTES) {
    return {
      findings: [],
      diagnostics: [
        diagnostic(ID, 'warning', 'file-too-large', `Policy file larger than ${MAX_BYTES} bytes skipped.`, file.path),
      ],
    };
  }
  const r = parseTlsPolicyJson(file.text());
  const diagnostics = r.problems.map((p) => diagnostic(ID, 'warning', p.code, p.message, file.path, p.line));
  const doc = r.document;
  if (!doc) return { findings: [], diagnostics };
  const opensslVersion = ctx.options.assume.openssl ?? '3.0';
  const findings: Finding[] = doc.levels.map((level) => levelFinding(file, level, doc, opensslVersion));
  return { findings, diagnostics };
}

function levelFinding(
  file: ScanFile,
  level: TlsPolicyLevel,
  doc: { readonly version?: string; readonly href?: string },
  opensslVersion: string,
): Finding {
  const notes: string[] = [];
  const versions: TlsVersion[] = [];
  for (const v of level.tlsVersions) {
    const id = tlsVersionOf(v);
    if (id) versions.push(id);
    else notes.push(`unknown TLS version name "${v}"`);
  }
  // OpenSSL names are authoritative; a document with only IANA names gets them translated through the catalog.
  let openssl = [...level.ciphersOpenssl];
  if (openssl.length === 0 && level.ciphersIana.length > 0) {
    for (const name of level.ciphersIana) {
      const row = findCipherSuiteByIanaName(name);
      if (row && 'openssl' in row && row.openssl) openssl.push(row.openssl);
      else if (!row) notes.push(`unknown IANA cipher suite "${name}"`);
    }
  }
  openssl = [...new Set(openssl)];
  const at = { directive: `configurations.${level.name}`, line: level.line, path: file.path };
  const facts = buildTlsFacts({
    versions: { ...at, value: versions, origin: 'explicit', directive: 'tls_versions' },
    cipherString: { ...at, value: openssl.join(':'), origin: 'explicit', directive: 'ciphers.openssl' },
    ciphersuites:
      level.ciphersuites.length > 0
        ? { ...at, value: level.ciphersuites.join(':'), origin: 'explicit', directive: 'ciphersuites' }
        : { value: DEFAULT_TLS13, origin: 'default', directive: `OpenSSL ${opensslVersion} default` },
    groups: level.tlsCurves
      ? { ...at, value: level.tlsCurves.join(':'), origin: 'explicit', directive: 'tls_curves' }
      : { value: undefined, origin: 'default', directive: `OpenSSL ${opensslVersion} default` },
    references: [],
    opensslVersion,
  });
  const flags = new Set(facts.protocol.flags);
  const algorithms: AlgorithmRef[] = [];
  const curves = level.certificateCurves.map((c) => ({ name: c, id: curveFromName(c) }));
  for (const c of curves) if (!c.id) notes.push(`unknown certificate curve "${c.name}"`);
  for (const t of level.certificateTypes) {
    const id = CERTIFICATE_TYPES[t.toLowerCase()];
    if (!id) algorithms.push({ id: 'unknown', parameterSet: t });
    else if (id === 'rsa') algorithms.push({ id, ...(level.rsaKeySize ? { keyBits: level.rsaKeySize } : {}) });
    else if (id === 'ec' && curves.some((c) => c.id)) {
      for (const c of curves) if (c.id) algorithms.push({ id, curve: c.id });
    } else algorithms.push({ id });
  }
  for (const s of level.certificateSignatures) {
    algorithms.push(CERTIFICATE_SIGNATURES[s.toLowerCase()] ?? { id: 'unknown', parameterSet: s });
  }
  if (level.dhParamSize) algorithms.push({ id: 'dh', keyBits: level.dhParamSize });
  if (level.rsaKeySize !== undefined && level.rsaKeySize < MIN_RSA_BITS) flags.add('rsa-below-2048');
  if (level.dhParamSize !== undefined && level.dhParamSize < MIN_DH_BITS) flags.add('dh-below-2048');
  if (level.certificateSignatures.some((s) => /sha1/i.test(s))) flags.add('sha1-signature');
  const properties: Record<string, string> = {
    ...facts.properties,
    'policy.level': level.name,
    'policy.kind': 'guideline',
    ...(doc.version ? { 'policy.version': doc.version } : {}),
    ...(doc.href ? { 'policy.href': doc.href } : {}),
    ...(level.rsaKeySize !== undefined ? { 'policy.rsaKeySize': String(level.rsaKeySize) } : {}),
    ...(level.dhParamSize !== undefined ? { 'policy.dhParamSize': String(level.dhParamSize) } : {}),
    ...(level.ecdhParamSize !== undefined ? { 'policy.ecdhParamSize': String(level.ecdhParamSize) } : {}),
    ...(level.hstsMinAge !== undefined ? { 'policy.hstsMinAge': String(level.hstsMinAge) } : {}),
  };
  return protocolFinding({
    detector: ID,
    path: file.path,
    line: level.line,
    snippet: `"${level.name}": { … }`,
    context: `configurations > ${level.name}`,
    origin: 'explicit',
    state: 'active',
    protocol: { ...facts.protocol, algorithms, flags: [...flags].sort() },
    notes: [...facts.notes, ...notes],
    properties,
  });
}

export const tlsPolicyJson: Detector = {
  id: ID,
  summary: 'TLS versions, cipher suites, groups and certificate algorithms of each level of a TLS policy JSON',
  accepts,
  detect,
};
