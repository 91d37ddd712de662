/**
 * Inventory → CycloneDX 1.6 / 1.7 CBOM (standards.md §1; CycloneDX bom-examples CBOM/Protocol and
 * Example-With-Dependencies). One component per distinct asset with every occurrence as evidence; stable
 * content-derived bom-refs; certificates → signature algorithm + public key, keys → algorithm, protocols →
 * algorithms and certificates via `dependsOn`; implementations via `provides`. Verdicts are `pqready:*`
 * properties; diagnostics are metadata properties. No key material: keys appear by fingerprint only.
 */
import { describeAlgorithm } from '../catalog/describe.js';
import { getAlgorithm } from '../catalog/lookup.js';
import type { AlgorithmRef, CertificateFacts, Finding, Inventory, KeyFacts, ProtocolFacts } from '../model/finding.js';
import { compareFindings } from '../model/order.js';
import { classify } from '../policy/classify.js';
import { certificateExposure } from '../policy/exposure.js';
import { findingVerdict } from '../policy/finding-verdict.js';
import type { Policy } from '../policy/types.js';
import { canonical, contentUuid, sha256Hex, slug } from './ids.js';
import { serializeCbom } from './serialize.js';

export interface CycloneDxOptions {
  readonly specVersion: '1.6' | '1.7';
  readonly policy: Policy;
  /** Mixed into the serial number, for callers that need distinct serials for identical content. */
  readonly serialNumberSeed?: string;
}

type Json = Record<string, unknown>;
interface Property {
  readonly name: string;
  readonly value: string;
}
interface Occurrence {
  readonly location: string;
  readonly line?: number;
  readonly offset?: number;
  readonly symbol?: string;
  readonly additionalContext?: string;
}

interface Asset {
  bomRef: string;
  readonly occurrences: Map<string, Occurrence>;
  readonly props: Map<string, Property>;
  readonly dependsOn: Set<string>;
}
interface AlgorithmAsset extends Asset {
  readonly ref: AlgorithmRef;
  readonly oids: Set<string>;
}
interface CertificateAsset extends Asset {
  readonly cert: CertificateFacts;
  sigRef?: string;
  keyRef?: string;
}
interface KeyAsset extends Asset {
  readonly key: KeyFacts;
  algRef?: string;
  protectionRef?: string;
}
interface ProtocolAsset extends Asset {
  readonly protocol: ProtocolFacts;
}
interface LibraryAsset {
  readonly bomRef: string;
  readonly name: string;
  readonly type: 'library' | 'file';
  readonly provides: Set<string>;
}

const CDX_MODES = new Set(['cbc', 'ecb', 'ccm', 'gcm', 'cfb', 'ofb', 'ctr']);
const PROTOCOL_TYPES_16 = new Set(['tls', 'ssh', 'ipsec', 'ike']);
const PROTOCOL_TYPES_17 = new Set(['tls', 'ssh', 'ipsec', 'ike', 'dtls']);
const KEY_TYPE: Readonly<Record<KeyFacts['keyType'], string>> = {
  public: 'public-key',
  private: 'private-key',
  secret: 'secret-key',
  parameters: 'other',
};
const HEX64 = /^[0-9a-f]{64}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Anything that looks like encoded key material is never copied into a snippet. */
const SECRET_LOOKING = /PRIVATE KEY|[A-Za-z0-9+/=]{48,}/;

const prop = (name: string, value: string | number | boolean): Property => ({ name, value: String(value) });

function isKnown(ref: AlgorithmRef): boolean {
  const row = getAlgorithm(ref.id);
  return !!row && row.id !== 'unknown';
}

/** Identity of an algorithm asset: id + parameters; OIDs only distinguish unknowns. */
function algorithmKey(ref: AlgorithmRef): string {
  return canonical({
    id: ref.id,
    keyBits: ref.keyBits,
    curve: ref.curve,
    hash: ref.hash,
    mode: ref.mode?.toLowerCase(),
    parameterSet: ref.parameterSet,
    oid: isKnown(ref) ? undefined : ref.oid,
    components: ref.components?.map(algorithmKey),
  });
}

function occurrenceOf(finding: Finding): Occurrence {
  const e = finding.evidence;
  const secretKey = finding.kind === 'key' && (finding.key.keyType === 'private' || finding.key.keyType === 'secret');
  const snippet = !secretKey && e.snippet && !SECRET_LOOKING.test(e.snippet) ? e.snippet : undefined;
  return {
    location: e.path,
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.offset !== undefined ? { offset: e.offset } : {}),
    ...(finding.context ? { symbol: finding.context } : {}),
    ...(snippet ? { additionalContext: snippet } : {}),
  };
}

function addProps(asset: Asset, props: readonly Property[]): void {
  for (const p of props) asset.props.set(`${p.name}\u0000${p.value}`, p);
}

function findingProps(finding: Finding): Property[] {
  return [
    prop('pqready:detector', finding.detector),
    prop('pqready:role', finding.role),
    ...(finding.state ? [prop('pqready:state', finding.state)] : []),
    ...(finding.library ? [prop('pqready:library', finding.library)] : []),
    ...(finding.origin ? [prop('pqready:origin', finding.origin)] : []),
    ...(finding.notes ?? []).map((n) => prop('pqready:note', n)),
    ...Object.entries(finding.properties ?? {}).map(([k, v]) => prop(`pqready:fact:${k}`, v)),
  ];
}

function verdictProps(v: { quantum: string; classicallyWeak: readonly string[]; reason: string }): Property[] {
  return [
    prop('pqready:quantum-verdict', v.quantum),
    prop('pqready:verdict-reason', v.reason),
    ...v.classicallyWeak.map((f) => prop('pqready:classically-weak', f)),
  ];
}

const commonName = (dn: string | undefined): string | undefined => dn?.match(/CN=([^,/+]+)/)?.[1]?.trim();

const newAsset = (bomRef: string): Asset => ({
  bomRef,
  occurrences: new Map(),
  props: new Map(),
  dependsOn: new Set(),
});

const versionOrder = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  return (pa[0] ?? 0) - (pb[0] ?? 0) || (pa[1] ?? 0) - (pb[1] ?? 0) || a.localeCompare(b);
};

class Collector {
  readonly algorithms = new Map<string, AlgorithmAsset>();
  readonly certificates = new Map<string, CertificateAsset>();
  readonly keys = new Map<string, KeyAsset>();
  readonly protocols = new Map<string, ProtocolAsset>();
  readonly libraries = new Map<string, LibraryAsset>();
  readonly used = new Set<string>();

  constructor(private readonly policy: Policy) {}

  algorithm(ref: AlgorithmRef, finding: Finding | undefined): AlgorithmAsset {
    const key = algorithmKey(ref);
    let asset = this.algorithms.get(key);
    if (!asset) {
      asset = { ...newAsset(''), ref, oids: new Set() };
      this.algorithms.set(key, asset);
      // Composite parts become components of their own; the link is added once bom-refs exist.
      for (const part of ref.components ?? []) this.algorithm(part, undefined);
    }
    if (ref.oid) asset.oids.add(ref.oid);
    for (const [name, expr] of Object.entries(ref.unresolved ?? {}))
      addProps(asset, [prop(`pqready:unresolved:${name}`, expr)]);
    if (finding) {
      const occ = occurrenceOf(finding);
      asset.occurrences.set(canonical(occ), occ);
      addProps(asset, findingProps(finding));
    }
    return asset;
  }

  add(finding: Finding): void {
    switch (finding.kind) {
      case 'algorithm': {
        const alg = this.algorithm(finding.algorithm, finding);
        if (finding.role === 'implementation') {
          const name = finding.library ?? finding.evidence.path;
          const type = finding.library ? 'library' : 'file';
          const bomRef = `${type}/${slug(name)}`;
          const lib = this.libraries.get(bomRef) ?? { bomRef, name, type, provides: new Set<string>() };
          this.libraries.set(bomRef, lib);
          lib.provides.add(algorithmKey(alg.ref));
        } else {
          this.used.add(`alg:${algorithmKey(alg.ref)}`);
        }
        return;
      }
      case 'certificate':
        this.certificate(finding.certificate, finding);
        return;
      case 'key':
        this.used.add(`key:${this.key(finding.key, finding, undefined)}`);
        return;
      case 'protocol':
        this.protocol(finding.protocol, finding);
        return;
    }
  }

  private certificate(cert: CertificateFacts, finding: Finding): void {
    const fp = cert.fingerprint.sha256.toLowerCase();
    let asset = this.certificates.get(fp);
    if (!asset) {
      asset = { ...newAsset(`crypto/certificate/${slug(commonName(cert.subject) ?? cert.type)}@sha256:${fp}`), cert };
      this.certificates.set(fp, asset);
    }
    const occ = occurrenceOf(finding);
    asset.occurrences.set(canonical(occ), occ);
    addProps(asset, findingProps(finding));
    const sig = this.algorithm(cert.signatureAlgorithm, finding);
    asset.sigRef = algorithmKey(sig.ref);
    if (cert.publicKey) asset.keyRef = this.key(cert.publicKey, finding, fp);
    this.used.add(`cert:${fp}`);
  }

  /** Returns the key's identity; certificate keys without a fingerprint are identified by their certificate. */
  private key(key: KeyFacts, finding: Finding, certFp: string | undefined): string {
    const fp = key.fingerprint?.sha256.toLowerCase();
    const e = finding.evidence;
    const identity = fp
      ? `${key.keyType}:${fp}`
      : certFp
        ? `${key.keyType}:cert:${certFp}`
        : `${key.keyType}:loc:${sha256Hex(`${e.path}\u0000${e.offset ?? ''}\u0000${e.line ?? ''}`).slice(0, 16)}`;
    let asset = this.keys.get(identity);
    if (!asset) {
      const name = slug(`${describeAlgorithm(key.algorithm).name}-${key.keyType}`);
      const suffix = fp ? `sha256:${fp}` : identity.slice(key.keyType.length + 1).replace('cert:', 'cert-sha256:');
      asset = { ...newAsset(`crypto/key/${name}@${suffix}`), key };
      this.keys.set(identity, asset);
    }
    const occ = occurrenceOf(finding);
    asset.occurrences.set(canonical(occ), occ);
    if (finding.kind === 'key') addProps(asset, findingProps(finding));
    asset.algRef = algorithmKey(this.algorithm(key.algorithm, finding).ref);
    if (key.protection) asset.protectionRef = algorithmKey(this.algorithm(key.protection, finding).ref);
    return identity;
  }

  private protocol(p: ProtocolFacts, finding: Finding): void {
    const identity = sha256Hex(canonical(p));
    let asset = this.protocols.get(identity);
    if (!asset) {
      const versions = p.versions.length ? [...p.versions].sort(versionOrder).join('+') : 'unknown';
      asset = { ...newAsset(`crypto/protocol/${p.type}@${slug(versions)}-${identity.slice(0, 12)}`), protocol: p };
      this.protocols.set(identity, asset);
    }
    const occ = occurrenceOf(finding);
    asset.occurrences.set(canonical(occ), occ);
    addProps(asset, [...findingProps(finding), ...verdictProps(findingVerdict(finding, this.policy))]);
    const refs = [
      ...p.cipherSuites.flatMap((s) => s.algorithms),
      ...p.groups.map((g) => g.algorithm),
      ...p.signatureAlgorithms.map((g) => g.algorithm),
      ...(p.algorithms ?? []),
    ];
    for (const ref of refs) asset.dependsOn.add(`alg:${algorithmKey(this.algorithm(ref, finding).ref)}`);
    this.used.add(`proto:${identity}`);
  }
}

/** Assigns bom-refs to algorithm assets: `crypto/algorithm/<canonical name>`, disambiguated by id on a clash. */
function assignAlgorithmRefs(algorithms: Map<string, AlgorithmAsset>): void {
  const taken = new Map<string, number>();
  const sorted = [...algorithms.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [, asset] of sorted) {
    const base = `crypto/algorithm/${slug(describeAlgorithm({ ...asset.ref, oid: firstOid(asset) }).name)}`;
    taken.set(base, (taken.get(base) ?? 0) + 1);
  }
  for (const [key, asset] of sorted) {
    const base = `crypto/algorithm/${slug(describeAlgorithm({ ...asset.ref, oid: firstOid(asset) }).name)}`;
    asset.bomRef = (taken.get(base) ?? 0) > 1 ? `${base}@${slug(asset.ref.id)}-${sha256Hex(key).slice(0, 8)}` : base;
  }
}

const firstOid = (asset: AlgorithmAsset): string | undefined => [...asset.oids].sort()[0];

const sortedOccurrences = (asset: Asset): Occurrence[] =>
  [...asset.occurrences.values()].sort(
    (a, b) =>
      a.location.localeCompare(b.location) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.offset ?? 0) - (b.offset ?? 0) ||
      canonical(a).localeCompare(canonical(b)),
  );

const sortedProps = (asset: Asset, extra: readonly Property[] = []): Property[] => {
  const all = new Map(asset.props);
  for (const p of extra) all.set(`${p.name}\u0000${p.value}`, p);
  return [...all.values()].sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value));
};

const evidence = (asset: Asset): Json | undefined => {
  const occurrences = sortedOccurrences(asset);
  return occurrences.length ? { occurrences } : undefined;
};

function algorithmComponent(asset: AlgorithmAsset, spec: '1.6' | '1.7', policy: Policy): Json {
  const oid = firstOid(asset);
  const ref = { ...asset.ref, ...(oid ? { oid } : {}) };
  const d = describeAlgorithm(ref);
  const primitive = spec === '1.6' && d.primitive === 'key-wrap' ? 'other' : d.primitive;
  const algorithmProperties: Json = {
    primitive,
    ...(d.parameterSetIdentifier ? { parameterSetIdentifier: d.parameterSetIdentifier } : {}),
    ...(spec === '1.6' && d.curveName ? { curve: d.curveName } : {}),
    ...(spec === '1.7' && d.ellipticCurve ? { ellipticCurve: d.ellipticCurve } : {}),
    ...(spec === '1.7' && d.family ? { algorithmFamily: d.family } : {}),
    ...(d.mode ? { mode: CDX_MODES.has(d.mode) ? d.mode : 'other' } : {}),
    ...(d.padding ? { padding: d.padding } : {}),
    ...(d.cryptoFunctions ? { cryptoFunctions: [...d.cryptoFunctions] } : {}),
    ...(d.classicalSecurityBits !== undefined ? { classicalSecurityLevel: d.classicalSecurityBits } : {}),
    ...(d.nistQuantumCategory !== undefined ? { nistQuantumSecurityLevel: d.nistQuantumCategory } : {}),
  };
  const extra = [
    prop('pqready:algorithm-id', d.id),
    ...verdictProps(classify(ref, policy)),
    ...(d.mode && !CDX_MODES.has(d.mode) ? [prop('pqready:mode', d.mode)] : []),
    ...[...asset.oids]
      .sort()
      .slice(1)
      .map((o) => prop('pqready:oid', o)),
  ];
  return {
    type: 'cryptographic-asset',
    'bom-ref': asset.bomRef,
    name: d.name,
    cryptoProperties: { assetType: 'algorithm', algorithmProperties, ...(oid ? { oid } : {}) },
    evidence: evidence(asset),
    properties: sortedProps(asset, extra),
  };
}

const fileExtension = (path: string): string | undefined => path.match(/\.([A-Za-z0-9]{1,8})$/)?.[1]?.toLowerCase();

const CERT_FORMAT: Readonly<Record<CertificateFacts['type'], string>> = {
  certificate: 'X.509',
  csr: 'PKCS#10',
  crl: 'X.509 CRL',
};

function certificateComponent(
  asset: CertificateAsset,
  spec: '1.6' | '1.7',
  refOf: (key: string) => string,
  keyRefOf: (identity: string) => string,
  policy: Policy,
  scanTime: Date,
): Json {
  const c = asset.cert;
  const occurrences = sortedOccurrences(asset);
  const ext = occurrences[0] ? fileExtension(occurrences[0].location) : undefined;
  const date = (v: string | undefined) => (v && DATE_TIME.test(v) ? v : undefined);
  const certExtensions = [
    ...(c.keyUsage?.length ? [{ commonExtensionName: 'keyUsage', commonExtensionValue: c.keyUsage.join(', ') }] : []),
    ...(c.extendedKeyUsage?.length
      ? [{ commonExtensionName: 'extendedKeyUsage', commonExtensionValue: c.extendedKeyUsage.join(', ') }]
      : []),
    ...(c.basicConstraints
      ? [
          {
            commonExtensionName: 'basicConstraints',
            commonExtensionValue: `CA:${c.basicConstraints.ca ? 'TRUE' : 'FALSE'}${c.basicConstraints.pathLength !== undefined ? `, pathlen:${c.basicConstraints.pathLength}` : ''}`,
          },
        ]
      : []),
    ...(c.subjectAltNames?.length
      ? [{ commonExtensionName: 'subjectAlternativeName', commonExtensionValue: c.subjectAltNames.join(', ') }]
      : []),
  ];
  const certificateProperties: Json = {
    ...(c.subject !== undefined ? { subjectName: c.subject } : {}),
    ...(c.issuer !== undefined ? { issuerName: c.issuer } : {}),
    ...(date(c.notBefore) ? { notValidBefore: c.notBefore } : {}),
    ...(date(c.notAfter) ? { notValidAfter: c.notAfter } : {}),
    ...(asset.sigRef ? { signatureAlgorithmRef: refOf(asset.sigRef) } : {}),
    ...(asset.keyRef ? { subjectPublicKeyRef: keyRefOf(asset.keyRef) } : {}),
    certificateFormat: CERT_FORMAT[c.type],
    ...(ext && spec === '1.6' ? { certificateExtension: ext } : {}),
    ...(ext && spec === '1.7' ? { certificateFileExtension: ext } : {}),
    ...(spec === '1.7' && c.serialNumber ? { serialNumber: c.serialNumber } : {}),
    ...(spec === '1.7' && HEX64.test(c.fingerprint.sha256.toLowerCase())
      ? { fingerprint: { alg: 'SHA-256', content: c.fingerprint.sha256.toLowerCase() } }
      : {}),
    ...(spec === '1.7' && certExtensions.length ? { certificateExtensions: certExtensions } : {}),
  };
  const refs = [c.signatureAlgorithm, ...(c.publicKey ? [c.publicKey.algorithm] : [])];
  const verdicts = refs.map((r) => classify(r, policy));
  const worst = ['broken', 'weakened', 'unknown', 'hybrid', 'resistant'].find((q) =>
    verdicts.some((v) => v.quantum === q),
  )!;
  const decisive = verdicts.find((v) => v.quantum === worst)!;
  const exposure = certificateExposure(c, policy, scanTime);
  const extra = [
    ...verdictProps({
      quantum: worst,
      reason: decisive.reason,
      classicallyWeak: [...new Set(verdicts.flatMap((v) => v.classicallyWeak))].sort(),
    }),
    prop('pqready:certificate-type', c.type),
    prop('pqready:encoding', c.encoding),
    prop('pqready:fingerprint-sha256', c.fingerprint.sha256.toLowerCase()),
    ...(c.serialNumber && spec === '1.6' ? [prop('pqready:serial-number', c.serialNumber)] : []),
    ...(c.selfSigned !== undefined ? [prop('pqready:self-signed', c.selfSigned)] : []),
    ...(c.validity ? [prop('pqready:validity', c.validity)] : []),
    ...(c.notBefore && !date(c.notBefore) ? [prop('pqready:not-before', c.notBefore)] : []),
    ...(c.notAfter && !date(c.notAfter) ? [prop('pqready:not-after', c.notAfter)] : []),
    ...(c.keyUsage ?? []).map((u) => prop('pqready:key-usage', u)),
    ...(c.extendedKeyUsage ?? []).map((u) => prop('pqready:extended-key-usage', u)),
    ...(c.subjectAltNames ?? []).map((u) => prop('pqready:subject-alt-name', u)),
    ...(c.basicConstraints ? [prop('pqready:ca', c.basicConstraints.ca)] : []),
    ...(c.extensions ?? []).map((x) =>
      prop('pqready:extension', `${x.oid}${x.name ? ` ${x.name}` : ''}${x.critical ? ' critical' : ''}`),
    ),
    ...(exposure
      ? [
          prop('pqready:exposure', exposure.message),
          ...exposure.milestones.map((m) => prop('pqready:exposure-milestone', `${m.date} ${m.id}`)),
        ]
      : []),
  ];
  return {
    type: 'cryptographic-asset',
    'bom-ref': asset.bomRef,
    name: commonName(c.subject) ?? c.subject ?? `certificate sha256:${c.fingerprint.sha256.toLowerCase()}`,
    cryptoProperties: { assetType: 'certificate', certificateProperties },
    evidence: evidence(asset),
    properties: sortedProps(asset, extra),
  };
}

function keyComponent(asset: KeyAsset, spec: '1.6' | '1.7', refOf: (key: string) => string, policy: Policy): Json {
  const k = asset.key;
  const fp = k.fingerprint?.sha256.toLowerCase();
  const relatedCryptoMaterialProperties: Json = {
    type: KEY_TYPE[k.keyType],
    ...(asset.algRef ? { algorithmRef: refOf(asset.algRef) } : {}),
    ...(k.sizeBits !== undefined ? { size: k.sizeBits } : {}),
    format: k.format,
    ...(asset.protectionRef ? { securedBy: { mechanism: 'Software', algorithmRef: refOf(asset.protectionRef) } } : {}),
    ...(spec === '1.7' && fp && HEX64.test(fp) ? { fingerprint: { alg: 'SHA-256', content: fp } } : {}),
  };
  const d = describeAlgorithm(k.algorithm);
  const extra = [
    ...verdictProps(classify(k.algorithm, policy)),
    ...(k.encoding ? [prop('pqready:encoding', k.encoding)] : []),
    ...(fp ? [prop('pqready:fingerprint-sha256', fp)] : []),
    ...(k.comment ? [prop('pqready:comment', k.comment)] : []),
  ];
  return {
    type: 'cryptographic-asset',
    'bom-ref': asset.bomRef,
    name: `${d.name} ${k.keyType} key`,
    cryptoProperties: { assetType: 'related-crypto-material', relatedCryptoMaterialProperties },
    evidence: evidence(asset),
    properties: sortedProps(asset, extra),
  };
}

function protocolComponent(
  asset: ProtocolAsset,
  spec: '1.6' | '1.7',
  refOf: (key: string) => string,
  certRefs: readonly string[],
): Json {
  const p = asset.protocol;
  const types = spec === '1.6' ? PROTOCOL_TYPES_16 : PROTOCOL_TYPES_17;
  const type = p.type === 'mqtt-tls' ? 'tls' : types.has(p.type) ? p.type : 'other';
  const versions = [...p.versions].sort(versionOrder);
  // CycloneDX 1.7 gives each TLS cipher suite the groups and signature schemes it is offered with; in a
  // configuration they apply to every suite. 1.6 has no place for them (properties carry them instead).
  const tlsExtras =
    spec === '1.7' && (type === 'tls' || type === 'dtls')
      ? {
          ...(p.groups.length ? { tlsGroups: [...new Set(p.groups.map((g) => g.name))] } : {}),
          ...(p.signatureAlgorithms.length
            ? { tlsSignatureSchemes: [...new Set(p.signatureAlgorithms.map((g) => g.name))] }
            : {}),
        }
      : {};
  const cipherSuites = p.cipherSuites.map((s) => ({
    name: s.name,
    algorithms: [...new Set(s.algorithms.map((r) => refOf(algorithmKey(r))))].sort(),
    ...(s.codePoint ? { identifiers: [s.codePoint] } : {}),
    ...tlsExtras,
  }));
  const cryptoRefArray = [
    ...new Set([
      ...p.groups.map((g) => refOf(algorithmKey(g.algorithm))),
      ...p.signatureAlgorithms.map((g) => refOf(algorithmKey(g.algorithm))),
      ...(p.algorithms ?? []).map((r) => refOf(algorithmKey(r))),
      ...certRefs,
    ]),
  ].sort();
  const extra = [
    ...(versions.length ? [prop('pqready:versions', versions.join(','))] : []),
    ...(p.type !== type ? [prop('pqready:protocol-type', p.type)] : []),
    ...(p.groups.length ? [prop('pqready:groups', p.groups.map((g) => g.name).join(':'))] : []),
    ...(p.signatureAlgorithms.length
      ? [prop('pqready:signature-schemes', p.signatureAlgorithms.map((g) => g.name).join(':'))]
      : []),
    ...(p.flags ?? []).map((f) => prop('pqready:flag', f)),
    ...(p.references ?? []).map((r) => prop('pqready:reference', `${r.directive} ${r.path}`)),
  ];
  const protocolProperties: Json = {
    type,
    ...(versions.length ? { version: versions[versions.length - 1] } : {}),
    ...(cipherSuites.length ? { cipherSuites } : {}),
    ...(cryptoRefArray.length ? { cryptoRefArray } : {}),
  };
  return {
    type: 'cryptographic-asset',
    'bom-ref': asset.bomRef,
    name: `${p.type.toUpperCase()}${versions.length ? ` ${versions.join('/')}` : ''}`,
    cryptoProperties: { assetType: 'protocol', protocolProperties },
    evidence: evidence(asset),
    properties: sortedProps(asset, extra),
  };
}

/**
 * Certificates and keys named by a protocol configuration. A reference the detector resolved inside
 * the scan matches its file exactly; an unresolved one (configs name absolute paths on the target)
 * falls back to a path-suffix match.
 */
function referencedAssets(p: ProtocolFacts, assets: readonly Asset[]): string[] {
  const norm = (s: string) => s.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  const out = new Set<string>();
  for (const r of p.references ?? []) {
    const target = norm(r.path);
    if (!target) continue;
    const locations = (a: Asset) => [...a.occurrences.values()].map((o) => norm(o.location));
    const exact = assets.filter((a) => locations(a).includes(target));
    const hits =
      exact.length > 0
        ? exact
        : assets.filter((a) => locations(a).some((loc) => loc.endsWith(`/${target}`) || target.endsWith(`/${loc}`)));
    for (const a of hits) out.add(a.bomRef);
  }
  return [...out].sort();
}

export function toCycloneDx(inventory: Inventory, opts: CycloneDxOptions): Json {
  const { specVersion: spec, policy } = opts;
  const scanTime = new Date(inventory.scannedAt);
  const col = new Collector(policy);
  // Sorted first so that the facts kept for a merged asset never depend on the detectors' order.
  for (const f of [...inventory.findings].sort(compareFindings)) col.add(f);
  assignAlgorithmRefs(col.algorithms);

  const refOf = (key: string) => col.algorithms.get(key)?.bomRef ?? key;
  for (const a of col.algorithms.values()) {
    for (const part of a.ref.components ?? []) a.dependsOn.add(refOf(algorithmKey(part)));
  }
  const keyRefOf = (identity: string) => col.keys.get(identity)?.bomRef ?? identity;
  const certs = [...col.certificates.values()];

  const components: Json[] = [];
  const dependencies: Json[] = [];
  const dep = (ref: string, dependsOn: Iterable<string>, provides?: Iterable<string>) => {
    const d = [...new Set(dependsOn)].filter((x) => x !== ref).sort();
    const p = provides ? [...new Set(provides)].sort() : [];
    if (d.length || p.length)
      dependencies.push({ ref, ...(d.length ? { dependsOn: d } : {}), ...(p.length ? { provides: p } : {}) });
  };

  for (const a of col.algorithms.values()) {
    components.push(algorithmComponent(a, spec, policy));
    dep(a.bomRef, a.dependsOn);
  }
  for (const c of certs) {
    components.push(certificateComponent(c, spec, refOf, keyRefOf, policy, scanTime));
    dep(c.bomRef, [...(c.sigRef ? [refOf(c.sigRef)] : []), ...(c.keyRef ? [keyRefOf(c.keyRef)] : [])]);
  }
  for (const k of col.keys.values()) {
    components.push(keyComponent(k, spec, refOf, policy));
    dep(k.bomRef, [...(k.algRef ? [refOf(k.algRef)] : []), ...(k.protectionRef ? [refOf(k.protectionRef)] : [])]);
  }
  for (const p of col.protocols.values()) {
    const materialRefs = referencedAssets(p.protocol, [...certs, ...col.keys.values()]);
    components.push(protocolComponent(p, spec, refOf, materialRefs));
    dep(p.bomRef, [...[...p.dependsOn].map((d) => refOf(d.slice('alg:'.length))), ...materialRefs]);
  }
  for (const lib of col.libraries.values()) {
    components.push({ type: lib.type, 'bom-ref': lib.bomRef, name: lib.name });
    dep(lib.bomRef, [], [...lib.provides].map(refOf));
  }

  const rootRef = 'pqready/scan-root';
  const used = [...col.used].map((u) => {
    const [kind, ...rest] = u.split(':');
    const id = rest.join(':');
    if (kind === 'alg') return refOf(id);
    if (kind === 'cert') return col.certificates.get(id)!.bomRef;
    if (kind === 'key') return keyRefOf(id);
    return col.protocols.get(id)!.bomRef;
  });
  dep(rootRef, used);

  components.sort((a, b) => String(a['bom-ref']).localeCompare(String(b['bom-ref'])));
  dependencies.sort((a, b) => String(a.ref).localeCompare(String(b.ref)));

  const metadataProps: Property[] = [
    prop('pqready:policy', policy.id),
    prop('pqready:policy-name', policy.name),
    prop('pqready:policy-version', policy.version),
    ...inventory.roots.map((r) => prop('pqready:root', r)),
    prop('pqready:files-scanned', inventory.stats.filesScanned),
    prop('pqready:bytes-scanned', inventory.stats.bytesScanned),
    prop('pqready:files-skipped', inventory.stats.filesSkipped),
    ...inventory.diagnostics.map((d) => prop('pqready:diagnostic', canonical(d))),
  ];
  const bom: Json = {
    $schema: `http://cyclonedx.org/schema/bom-${spec}.schema.json`,
    bomFormat: 'CycloneDX',
    specVersion: spec,
    version: 1,
    metadata: {
      timestamp: inventory.scannedAt,
      tools: {
        components: [
          {
            type: 'application',
            'bom-ref': `tool/${slug(inventory.tool.name)}`,
            name: inventory.tool.name,
            version: inventory.tool.version,
          },
        ],
      },
      component: {
        type: 'firmware',
        'bom-ref': rootRef,
        name: inventory.roots.length ? inventory.roots.join(', ') : 'scan',
      },
      properties: metadataProps.sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value)),
    },
    components,
    dependencies,
  };
  const serialNumber = contentUuid(`${opts.serialNumberSeed ?? ''}\u0000${serializeCbom(bom)}`);
  return { ...bom, serialNumber };
}
