/**
 * tls-policy-json: TLS policy documents in the Mozilla server-side TLS guideline format (ssl-config-generator
 * `guidelines/*.json`) and files shaped like them. Every profile (`configurations > intermediate`) yields one
 * finding per field at its own line: TLS versions, TLS ≤ 1.2 suites, TLS 1.3 suites, groups (hybrid ML-KEM groups
 * classified through the catalog), certificate key types, curves and signature algorithms, RSA/DH/ECDH sizes.
 * Three generations of the format are read: 4.0 (`openssl_ciphersuites` is the TLS ≤ 1.2 cipher string and
 * `ciphersuites` repeats it as names), 5.0-5.6 (`openssl_ciphers` / `openssl_ciphersuites`), 5.7+ (`ciphers.openssl`
 * / `ciphers.iana` / `ciphersuites`). A policy is a statement of intent, not a running server.
 */

import type { AlgorithmRef, Finding } from '@pqready/core';
import { curveFromName, findCipherSuiteByIanaName } from '@pqready/core';
import { parseTlsPolicyJson, sniffTlsPolicy, type TlsPolicyLevel } from '../../config/policy-json.js';
import { diagnostic, headText, looksBinary } from '../../config/protocol-finding.js';
import { type Scope, settingFinding, tlsSettingFindings } from '../../config/setting-findings.js';
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
  const findings: Finding[] = doc.levels.flatMap((level) => levelFindings(file, level, doc, opensslVersion));
  return { findings, diagnostics };
}

function levelFindings(
  file: ScanFile,
  level: TlsPolicyLevel,
  doc: { readonly version?: string; readonly href?: string },
  opensslVersion: string,
): Finding[] {
  const notes: string[] = [];
  const versions: TlsVersion[] = [];
  for (const v of level.tlsVersions) {
    const id = tlsVersionOf(v);
    if (id) versions.push(id);
    else notes.push(`unknown TLS version name "${v}"`);
  }
  // OpenSSL names are authoritative; a document with only IANA names gets them translated through the catalog.
  let tls12 = level.tls12;
  if (!tls12 && level.ciphersIana.length > 0) {
    const openssl: string[] = [];
    for (const name of level.ciphersIana) {
      const row = findCipherSuiteByIanaName(name);
      if (row && 'openssl' in row && row.openssl) openssl.push(row.openssl);
      else if (!row) notes.push(`unknown IANA cipher suite "${name}"`);
    }
    if (openssl.length > 0) tls12 = { key: 'ciphers.iana', value: [...new Set(openssl)].join(':') };
  }
  const lineOf = (key: string) => level.lines[key] ?? level.line;
  const at = (key: string, directive = key) => ({ directive, line: lineOf(key), path: file.path });
  const properties: Record<string, string> = {
    'policy.level': level.name,
    'policy.kind': 'guideline',
    ...(doc.version ? { 'policy.version': doc.version } : {}),
    ...(doc.href ? { 'policy.href': doc.href } : {}),
  };
  const scope: Scope = {
    detector: ID,
    label: `configurations > ${level.name}`,
    role: 'server',
    path: file.path,
    line: level.line,
    snippet: `"${level.name}": { … }`,
    // A policy is a statement of intent, not a running server: its settings apply where it is adopted.
    state: 'active',
    notes,
    properties,
  };
  const src = `OpenSSL ${opensslVersion} default`;
  const tls = tlsSettingFindings(
    scope,
    {
      versions:
        level.tlsVersions.length > 0
          ? { ...at('tls_versions'), value: versions, origin: 'explicit' }
          : { value: versions, origin: 'default', directive: 'tls_versions' },
      cipherString: tls12
        ? { ...at(tls12.key), value: tls12.value, origin: 'explicit' }
        : { value: '', origin: 'default', directive: src },
      ciphersuites: level.tls13
        ? { ...at(level.tls13.key), value: level.tls13.value, origin: 'explicit' }
        : { value: DEFAULT_TLS13, origin: 'default', directive: src },
      groups:
        level.tlsCurves && level.tlsCurves.length > 0
          ? { ...at('tls_curves'), value: level.tlsCurves.join(':'), origin: 'explicit' }
          : { value: undefined, origin: 'default', directive: src },
      references: [],
      opensslVersion,
    },
    'tls',
    { versions: level.tlsVersions.join(':') },
  ).filter((f) => f.origin !== 'default');

  // Certificate key types, curves, sizes and signature algorithms: each at its own key.
  const certificate = (key: string, setting: string, value: string, algorithms: AlgorithmRef[], flags: string[] = []) =>
    settingFinding(
      scope,
      { setting, directive: key, value, origin: 'explicit', path: file.path, line: lineOf(key) },
      { type: 'tls', versions: [], cipherSuites: [], groups: [], signatureAlgorithms: [], algorithms, flags },
    );
  const out = [...tls];
  const curves = level.certificateCurves.map((c) => ({ name: c, id: curveFromName(c) }));
  for (const c of curves) if (!c.id) notes.push(`unknown certificate curve "${c.name}"`);
  if (level.certificateTypes.length > 0) {
    const algorithms: AlgorithmRef[] = level.certificateTypes.map((t) => {
      const id = CERTIFICATE_TYPES[t.toLowerCase()];
      if (!id) return { id: 'unknown', parameterSet: t };
      return id === 'rsa' && level.rsaKeySize ? { id, keyBits: level.rsaKeySize } : { id };
    });
    out.push(certificate('certificate_types', 'certificate-types', level.certificateTypes.join(':'), algorithms));
  }
  if (level.certificateCurves.length > 0)
    out.push(
      certificate(
        'certificate_curves',
        'certificate-curves',
        level.certificateCurves.join(':'),
        curves.map((c) => (c.id ? { id: 'ec', curve: c.id } : { id: 'unknown', parameterSet: c.name })),
      ),
    );
  if (level.certificateSignatures.length > 0)
    out.push(
      certificate(
        'certificate_signatures',
        'certificate-signatures',
        level.certificateSignatures.join(':'),
        level.certificateSignatures.map(
          (x) => CERTIFICATE_SIGNATURES[x.toLowerCase()] ?? { id: 'unknown', parameterSet: x },
        ),
        level.certificateSignatures.some((x) => /sha1/i.test(x)) ? ['sha1-signature'] : [],
      ),
    );
  if (level.rsaKeySize !== undefined)
    out.push(
      certificate(
        'rsa_key_size',
        'rsa-key-size',
        String(level.rsaKeySize),
        [{ id: 'rsa', keyBits: level.rsaKeySize }],
        level.rsaKeySize < MIN_RSA_BITS ? ['rsa-below-2048'] : [],
      ),
    );
  if (level.dhParamSize !== undefined)
    out.push(
      certificate(
        'dh_param_size',
        'dh-param-size',
        String(level.dhParamSize),
        [{ id: 'dh', keyBits: level.dhParamSize }],
        level.dhParamSize < MIN_DH_BITS ? ['dh-below-2048'] : [],
      ),
    );
  if (level.ecdhParamSize !== undefined)
    out.push(
      certificate('ecdh_param_size', 'ecdh-param-size', String(level.ecdhParamSize), [
        { id: 'ecdh', keyBits: level.ecdhParamSize },
      ]),
    );
  return out;
}

export const tlsPolicyJson: Detector = {
  id: ID,
  summary: 'TLS versions, cipher suites, groups and certificate algorithms of each level of a TLS policy JSON',
  accepts,
  detect,
};
