/**
 * Inventory → CycloneDX 1.6 / 1.7 CBOM (CycloneDX bom-examples CBOM/*, the Authoritative Guide to CBOM 2nd ed.,
 * and the 1.6/1.7 schemas). The mapping of every field and property is documented in docs/cbom-mapping.md.
 *
 * - One component per asset *in one context*: an algorithm, certificate, key or protocol configuration seen with
 *   one role, effective state, origin and library. An option that disables 3DES and a call that uses it are two
 *   components, so no component ever holds two values for one property.
 * - Each occurrence says which detector saw it, in which role and state; the finding's own occurrence carries the
 *   finding id as its `bom-ref` (the JSON report's `id`, the SARIF result's `findingId`).
 * - Verdicts come from the policy's `findingVerdict` (and `keyVerdict` for a certificate's subject key).
 * - Libraries are components with their declared version and purl, and `provide` the algorithms they implement.
 * - No key material: keys appear by fingerprint only, and snippets that look like encoded keys are dropped.
 */
import { describeAlgorithm } from '../catalog/describe.js';
import type { Verdict } from '../catalog/types.js';
import { canonical, sha256Hex } from '../model/canonical.js';
import type {
  AlgorithmRef,
  CertificateFacts,
  Finding,
  FindingRole,
  Inventory,
  KeyFacts,
  ProtocolFacts,
} from '../model/finding.js';
import { algorithmIdentity, findingIds } from '../model/identity.js';
import { compareFindings } from '../model/order.js';
import { redactSnippet } from '../model/redact.js';
import { classify } from '../policy/classify.js';
import { certificateExposure } from '../policy/exposure.js';
import { findingVerdict, keyVerdict } from '../policy/finding-verdict.js';
import type { Policy } from '../policy/types.js';
import { contentUuid, slug } from './ids.js';
import { LazyArray } from './json-chunks.js';
import { type LibraryComponent, LibraryComponents } from './libraries.js';
import { cbomSha256, serializeCbomWithSerial } from './serialize.js';

/** Who the scanned tree is, so that a reviewer can tie the CBOM to the product and its SBOM. */
export interface ComponentIdentity {
  readonly name?: string;
  readonly version?: string;
  readonly supplier?: string;
}

export interface CycloneDxOptions {
  readonly specVersion: '1.6' | '1.7';
  readonly policy: Policy;
  /** Fills `metadata.component`; without a name the component is named after the scan roots. */
  readonly component?: ComponentIdentity;
  /** Mixed into the serial number, for callers that need distinct serials for identical content. */
  readonly serialNumberSeed?: string;
}

type Spec = CycloneDxOptions['specVersion'];
type Json = Record<string, unknown>;
interface Property {
  readonly name: string;
  readonly value: string;
}
interface Occurrence {
  readonly 'bom-ref'?: string;
  readonly location: string;
  readonly line?: number;
  readonly offset?: number;
  readonly symbol?: string;
  readonly additionalContext?: string;
}

/**
 * The state of the *asset* in its evidence. A disabling option in effect (`#define NO_DES3`, state `active`) says
 * the algorithm is disabled, so it is written `disabled`, never `active`.
 */
type EffectiveState = 'active' | 'inactive' | 'conditional' | 'overridden' | 'disabled';

interface UseContext {
  readonly role: FindingRole;
  readonly state?: EffectiveState;
  readonly origin?: string;
  readonly library?: LibraryComponent;
}

/** Facts of an occurrence that its finding does not hold (the encoding a certificate was seen in). */
type Extra = readonly [string, string | undefined][];

interface AssetBase {
  readonly identity: string;
  readonly ctx: UseContext;
  /** bom-ref before disambiguation. */
  readonly baseRef: string;
  bomRef: string;
  /**
   * Where the asset was seen, two numbers a sighting: the finding (its index in the collector's sorted findings,
   * times two, plus one when the asset is the finding's own) and the occurrence's `Extra` (an index into the
   * collector's interned extras). The occurrences themselves (long texts) are made one component at a time.
   */
  readonly sightings: number[];
  readonly detectors: Set<string>;
  readonly dependsOn: Set<Asset>;
  /** Set when a finding of its own stands behind the asset (not only a part of another finding). */
  primary: boolean;
}
interface AlgorithmAsset extends AssetBase {
  readonly kind: 'algorithm';
  readonly ref: AlgorithmRef;
  readonly observedOids: Set<string>;
}
interface CertificateAsset extends AssetBase {
  readonly kind: 'certificate';
  readonly finding: Finding & { kind: 'certificate' };
  signature?: AlgorithmAsset;
  publicKey?: KeyAsset;
}
interface KeyAsset extends AssetBase {
  readonly kind: 'key';
  readonly key: KeyFacts;
  algorithm?: AlgorithmAsset;
  protection?: AlgorithmAsset;
}
interface ProtocolAsset extends AssetBase {
  readonly kind: 'protocol';
  readonly finding: Finding & { kind: 'protocol' };
  readonly material: Set<Asset>;
}
type Asset = AlgorithmAsset | CertificateAsset | KeyAsset | ProtocolAsset;

const CDX_MODES = new Set(['cbc', 'ecb', 'ccm', 'gcm', 'cfb', 'ofb', 'ctr']);
const PROTOCOL_TYPES_16 = new Set(['tls', 'ssh', 'ipsec', 'ike']);
const PROTOCOL_TYPES_17 = new Set(['tls', 'ssh', 'ipsec', 'ike', 'dtls']);
const KEY_TYPE: Readonly<Record<KeyFacts['keyType'], string>> = {
  public: 'public-key',
  private: 'private-key',
  secret: 'secret-key',
  parameters: 'other',
};
/** 1.7 `relatedCryptographicAssets[].type` of a key, as the schema's examples spell them. */
const RELATED_KEY_TYPE: Readonly<Record<KeyFacts['keyType'], string>> = {
  public: 'publicKey',
  private: 'privateKey',
  secret: 'secretKey',
  parameters: 'parameters',
};
const CERT_FORMAT: Readonly<Record<CertificateFacts['type'], string>> = {
  certificate: 'X.509',
  csr: 'PKCS#10',
  crl: 'X.509 CRL',
};
/** Assets in these states are not in use: nothing depends on them and no library provides them. */
const NOT_IN_USE: ReadonlySet<string> = new Set(['disabled', 'inactive', 'overridden']);
/** Roles whose algorithms a library provides (implements or compiles in), as opposed to stored or configured. */
const PROVIDED_ROLES: ReadonlySet<FindingRole> = new Set(['api-call', 'config-enable', 'implementation']);
const HEX64 = /^[0-9a-f]{64}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Anything that looks like encoded key material is never copied into a snippet. */
const SECRET_LOOKING = /PRIVATE KEY|[A-Za-z0-9+/=]{48,}/;
const ROOT_REF = 'pqready/scan-root';

const prop = (name: string, value: string | number | boolean): Property => ({ name, value: String(value) });
const joined = (name: string, values: readonly string[] | undefined, sep = ', '): Property[] =>
  values?.length ? [prop(name, values.join(sep))] : [];
const commonName = (dn: string | undefined): string | undefined => dn?.match(/CN=([^,/+]+)/)?.[1]?.trim();

function effectiveState(f: Finding): EffectiveState | undefined {
  if (f.role === 'config-disable' && (f.state === undefined || f.state === 'active')) return 'disabled';
  return f.state;
}

/** `api-call.conditional.mbedtls-3.6.2`: what a bom-ref says about the context, defaults left out. */
function contextToken(ctx: UseContext): string {
  return [
    ctx.role,
    ctx.state && ctx.state !== 'active' ? ctx.state : undefined,
    ctx.origin && ctx.origin !== 'explicit' ? ctx.origin : undefined,
    ctx.library?.token,
  ]
    .filter((x) => x !== undefined)
    .join('.');
}

const contextKey = (ctx: UseContext): string =>
  canonical({ role: ctx.role, state: ctx.state, origin: ctx.origin, library: ctx.library?.bomRef });

/** The asset an algorithm is in one context. */
const algorithmAssetIdentity = (ref: AlgorithmRef, ctx: UseContext): string =>
  `alg:${algorithmIdentity(ref)}:${contextKey(ctx)}`;

function verdictProps(v: Verdict): Property[] {
  return [
    prop('pqready:quantum-verdict', v.quantum),
    prop('pqready:verdict-reason', v.reason),
    ...joined('pqready:classically-weak', v.classicallyWeak),
  ];
}

function contextProps(asset: AssetBase): Property[] {
  const { ctx } = asset;
  return [
    prop('pqready:role', ctx.role),
    ...(ctx.state ? [prop('pqready:state', ctx.state)] : []),
    ...(ctx.origin ? [prop('pqready:origin', ctx.origin)] : []),
    ...(ctx.library ? [prop('pqready:library', ctx.library.name)] : []),
    prop('pqready:detectors', [...asset.detectors].sort().join(', ')),
  ];
}

/** `key=value; …; snippet=…`: the occurrence's own facts, in the one free-text field an occurrence has. */
function occurrenceContext(f: Finding, ctx: UseContext, extra: Extra): string {
  const e = f.evidence;
  const secretKey = f.kind === 'key' && (f.key.keyType === 'private' || f.key.keyType === 'secret');
  const redacted = e.snippet ? redactSnippet(e.snippet) : undefined;
  const snippet = !secretKey && redacted && !SECRET_LOOKING.test(redacted) ? redacted : undefined;
  const pairs: [string, string | undefined][] = [
    ['detector', f.detector],
    ['role', f.role],
    ['state', ctx.state],
    ['origin', f.origin],
    ['library', ctx.library?.name],
    ...extra,
    ['note', f.notes?.length ? f.notes.join(' | ') : undefined],
    ['third-party', f.thirdParty ? 'yes' : undefined],
    ['suppressed', f.suppression ? f.suppression.targets.join(',') : undefined],
    // `; ` separates the pairs: a reason keeps its words, with semicolons written as commas.
    ['suppression-reason', f.suppression?.reason.replace(/;/g, ',')],
    ['suppression-source', f.suppression?.source],
    ...Object.entries(f.properties ?? {}),
    ['snippet', snippet],
  ];
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${v.replace(/\s+/g, ' ')}`)
    .join('; ');
}

class Collector {
  readonly assets = new Map<string, Asset>();
  readonly files = new Map<string, { bomRef: string; name: string; provides: Set<AlgorithmAsset> }>();
  /** Sorted first so that the facts kept for a merged asset never depend on the detectors' order. */
  private readonly findings: readonly Finding[];
  private readonly ids: Map<Finding, string>;
  /** The index of the finding being added, which its sightings name. */
  private at = -1;
  private readonly extras: Extra[] = [[]];
  private readonly extraIds = new Map<string, number>();

  constructor(
    inventory: Inventory,
    private readonly policy: Policy,
    private readonly libraries: LibraryComponents,
  ) {
    this.findings = [...inventory.findings].sort(compareFindings);
    this.ids = findingIds(this.findings);
    for (const [i, f] of this.findings.entries()) {
      this.at = i;
      this.add(f);
    }
  }

  /** The asset of an algorithm in a context, once every finding is added. */
  algorithmAsset(ref: AlgorithmRef, ctx: UseContext): AlgorithmAsset {
    return this.assets.get(algorithmAssetIdentity(ref, ctx)) as AlgorithmAsset;
  }

  private contextOf(f: Finding): UseContext {
    const state = effectiveState(f);
    return {
      role: f.role,
      ...(state ? { state } : {}),
      ...(f.origin ? { origin: f.origin } : {}),
      ...(f.library ? { library: this.libraries.resolve(f.library, f.evidence.path) } : {}),
    };
  }

  private get<T extends Asset>(identity: string, make: () => T): T {
    let asset = this.assets.get(identity) as T | undefined;
    if (!asset) {
      asset = make();
      this.assets.set(identity, asset);
    }
    return asset;
  }

  private base(identity: string, ctx: UseContext, baseRef: string): AssetBase {
    return {
      identity,
      ctx,
      baseRef,
      bomRef: baseRef,
      sightings: [],
      detectors: new Set(),
      dependsOn: new Set(),
      primary: false,
    };
  }

  private extraId(extra: Extra): number {
    if (extra.length === 0) return 0;
    const key = canonical(extra);
    let id = this.extraIds.get(key);
    if (id === undefined) {
      id = this.extras.push(extra) - 1;
      this.extraIds.set(key, id);
    }
    return id;
  }

  private occur(asset: AssetBase, f: Finding, primary: boolean, extra: Extra = []): void {
    const finding = this.at * 2 + (primary ? 1 : 0);
    const extraId = this.extraId(extra);
    const s = asset.sightings;
    // One finding often reaches an asset several times in a row (an algorithm in several cipher suites of one
    // configuration): those sightings are the same occurrence.
    if (s[s.length - 2] !== finding || s[s.length - 1] !== extraId) s.push(finding, extraId);
    asset.detectors.add(f.detector);
    if (primary) asset.primary = true;
  }

  /** The findings an asset was seen in. */
  *sightedIn(asset: AssetBase): Generator<Finding> {
    for (let i = 0; i < asset.sightings.length; i += 2) yield this.findings[asset.sightings[i]! >> 1]!;
  }

  /** The asset's occurrences, in location order, each once. */
  occurrencesOf(asset: AssetBase): Occurrence[] {
    const keyed: { occ: Occurrence; key: string }[] = [];
    for (let i = 0; i < asset.sightings.length; i += 2) {
      const f = this.findings[asset.sightings[i]! >> 1]!;
      const primary = (asset.sightings[i]! & 1) === 1;
      const extra = this.extras[asset.sightings[i + 1]!]!;
      const e = f.evidence;
      const occ: Occurrence = {
        ...(primary ? { 'bom-ref': `finding/${this.ids.get(f)}` } : {}),
        location: e.path,
        ...(e.line !== undefined ? { line: e.line } : {}),
        ...(e.offset !== undefined ? { offset: e.offset } : {}),
        ...(f.context ? { symbol: f.context } : {}),
        additionalContext: occurrenceContext(f, asset.ctx, extra),
      };
      keyed.push({ occ, key: canonical(occ) });
    }
    keyed.sort(
      (a, b) =>
        a.occ.location.localeCompare(b.occ.location) ||
        (a.occ.line ?? 0) - (b.occ.line ?? 0) ||
        (a.occ.offset ?? 0) - (b.occ.offset ?? 0) ||
        a.key.localeCompare(b.key),
    );
    // Equal occurrences sort next to each other.
    return keyed.filter((k, i) => i === 0 || keyed[i - 1]!.key !== k.key).map((k) => k.occ);
  }

  private add(f: Finding): void {
    const ctx = this.contextOf(f);
    switch (f.kind) {
      case 'algorithm': {
        const alg = this.algorithm(f.algorithm, f, ctx, true);
        if (f.role === 'implementation' && !f.library) {
          const bomRef = `file/${slug(f.evidence.path)}`;
          const file = this.files.get(bomRef) ?? { bomRef, name: f.evidence.path, provides: new Set() };
          this.files.set(bomRef, file);
          file.provides.add(alg);
        }
        return;
      }
      case 'certificate':
        this.certificate(f, ctx);
        return;
      case 'key':
        this.key(f.key, f, ctx, true, undefined);
        return;
      case 'protocol':
        this.protocol(f, ctx);
        return;
    }
  }

  private algorithm(ref: AlgorithmRef, f: Finding, ctx: UseContext, primary: boolean): AlgorithmAsset {
    const identity = algorithmAssetIdentity(ref, ctx);
    const asset = this.get<AlgorithmAsset>(identity, () => ({
      ...this.base(identity, ctx, `crypto/algorithm/${slug(describeAlgorithm(ref).name)}@${contextToken(ctx)}`),
      kind: 'algorithm',
      ref,
      observedOids: new Set(),
    }));
    if (ref.oid) asset.observedOids.add(ref.oid);
    const unresolved = Object.entries(ref.unresolved ?? {}).map(([k, v]): [string, string] => [`unresolved.${k}`, v]);
    this.occur(asset, f, primary, unresolved);
    // A composite's parts are assets of their own, seen where the composite was seen.
    for (const part of ref.components ?? []) asset.dependsOn.add(this.algorithm(part, f, ctx, false));
    return asset;
  }

  private certificate(f: Finding & { kind: 'certificate' }, ctx: UseContext): void {
    const cert = f.certificate;
    const fp = cert.fingerprint.sha256.toLowerCase();
    const identity = `cert:${fp}:${contextKey(ctx)}`;
    const asset = this.get<CertificateAsset>(identity, () => ({
      ...this.base(identity, ctx, `crypto/certificate/${slug(commonName(cert.subject) ?? cert.type)}@sha256:${fp}`),
      kind: 'certificate',
      finding: f,
    }));
    this.occur(asset, f, true, [['encoding', cert.encoding]]);
    asset.signature = this.algorithm(cert.signatureAlgorithm, f, ctx, false);
    asset.dependsOn.add(asset.signature);
    if (cert.publicKey) {
      asset.publicKey = this.key(cert.publicKey, f, ctx, false, fp);
      asset.dependsOn.add(asset.publicKey);
    }
  }

  /** Keys are identified by fingerprint; a certificate's key without one by its certificate, else by location. */
  private key(key: KeyFacts, f: Finding, ctx: UseContext, primary: boolean, certFp: string | undefined): KeyAsset {
    const fp = key.fingerprint?.sha256.toLowerCase();
    const e = f.evidence;
    const where = fp
      ? `sha256:${fp}`
      : certFp
        ? `cert-sha256:${certFp}`
        : `loc:${sha256Hex(`${e.path}\u0000${e.offset ?? ''}\u0000${e.line ?? ''}`).slice(0, 16)}`;
    const identity = `key:${key.keyType}:${where}:${contextKey(ctx)}`;
    const name = slug(`${describeAlgorithm(key.algorithm).name}-${key.keyType}`);
    const asset = this.get<KeyAsset>(identity, () => ({
      ...this.base(identity, ctx, `crypto/key/${name}@${where}`),
      kind: 'key',
      key,
    }));
    this.occur(asset, f, primary, [['encoding', key.encoding]]);
    asset.algorithm = this.algorithm(key.algorithm, f, ctx, false);
    asset.dependsOn.add(asset.algorithm);
    if (key.protection) {
      asset.protection = this.algorithm(key.protection, f, ctx, false);
      asset.dependsOn.add(asset.protection);
    }
    return asset;
  }

  private protocol(f: Finding & { kind: 'protocol' }, ctx: UseContext): void {
    const p = f.protocol;
    const facts = sha256Hex(canonical(p));
    const identity = `proto:${facts}:${contextKey(ctx)}`;
    const versions = p.versions.length ? [...p.versions].sort(versionOrder).join('+') : 'unknown';
    const asset = this.get<ProtocolAsset>(identity, () => ({
      ...this.base(identity, ctx, `crypto/protocol/${p.type}@${slug(versions)}-${facts.slice(0, 12)}`),
      kind: 'protocol',
      finding: f,
      material: new Set(),
    }));
    this.occur(asset, f, true);
    const refs = [
      ...p.cipherSuites.flatMap((s) => s.algorithms),
      ...p.groups.map((g) => g.algorithm),
      ...p.signatureAlgorithms.map((g) => g.algorithm),
      ...(p.algorithms ?? []),
    ];
    for (const ref of refs) {
      asset.dependsOn.add(this.algorithm(ref, f, ctx, false));
    }
  }

  verdictOf(asset: Asset): Verdict {
    switch (asset.kind) {
      case 'algorithm':
        return classify(asset.ref, this.policy);
      case 'certificate':
      case 'protocol':
        return findingVerdict(asset.finding, this.policy);
      case 'key':
        return keyVerdict(asset.key, this.policy);
    }
  }
}

const versionOrder = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  return (pa[0] ?? 0) - (pb[0] ?? 0) || (pa[1] ?? 0) - (pb[1] ?? 0) || a.localeCompare(b);
};

/**
 * Final bom-refs: the readable base ref when it is unique; otherwise the context token is appended (a certificate
 * seen in two contexts), and a short hash of the identity as a last resort (two unknown algorithms of one name).
 */
function assignRefs(assets: readonly Asset[]): void {
  const count = (refs: readonly string[]) =>
    refs.reduce((m, r) => m.set(r, (m.get(r) ?? 0) + 1), new Map<string, number>());
  const sorted = [...assets].sort((a, b) => a.identity.localeCompare(b.identity));
  const bases = count(sorted.map((a) => a.baseRef));
  for (const a of sorted) {
    a.bomRef =
      (bases.get(a.baseRef) ?? 0) > 1 && a.kind !== 'algorithm' ? `${a.baseRef}.${contextToken(a.ctx)}` : a.baseRef;
  }
  const second = count(sorted.map((a) => a.bomRef));
  for (const a of sorted) {
    if ((second.get(a.bomRef) ?? 0) > 1) a.bomRef = `${a.bomRef}-${sha256Hex(a.identity).slice(0, 8)}`;
  }
}

const sortProps = (props: readonly Property[]): Property[] =>
  [...props].sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value));

function cryptoComponent(
  asset: AssetBase,
  occurrences: readonly Occurrence[],
  name: string,
  cryptoProperties: Json,
  props: readonly Property[],
): Json {
  return {
    type: 'cryptographic-asset',
    'bom-ref': asset.bomRef,
    name,
    cryptoProperties,
    ...(occurrences.length ? { evidence: { occurrences } } : {}),
    properties: sortProps([...contextProps(asset), ...props]),
  };
}

function algorithmComponent(
  asset: AlgorithmAsset,
  occurrences: readonly Occurrence[],
  spec: Spec,
  verdict: Verdict,
): Json {
  const d = describeAlgorithm(asset.ref);
  const primitive = spec === '1.6' && d.primitive === 'key-wrap' ? 'other' : d.primitive;
  const algorithmProperties: Json = {
    primitive,
    ...(d.parameterSetIdentifier ? { parameterSetIdentifier: d.parameterSetIdentifier } : {}),
    ...(spec === '1.6' && d.curveName ? { curve: d.curveName } : {}),
    ...(spec === '1.7' && d.ellipticCurve ? { ellipticCurve: d.ellipticCurve } : {}),
    ...(spec === '1.7' && d.family ? { algorithmFamily: d.family } : {}),
    ...(d.mode ? { mode: CDX_MODES.has(d.mode) ? d.mode : 'other' } : {}),
    ...(d.padding ? { padding: d.padding } : {}),
    // What a source tree cannot tell is said to be unknown, never left out (docs/cbom-mapping.md).
    executionEnvironment: asset.ctx.library?.row?.executionEnvironment ?? 'unknown',
    implementationPlatform: 'unknown',
    certificationLevel: ['unknown'],
    ...(d.cryptoFunctions ? { cryptoFunctions: [...d.cryptoFunctions] } : {}),
    ...(d.classicalSecurityBits !== undefined ? { classicalSecurityLevel: d.classicalSecurityBits } : {}),
    ...(d.nistQuantumCategory !== undefined ? { nistQuantumSecurityLevel: d.nistQuantumCategory } : {}),
  };
  const otherOids = [...asset.observedOids].filter((o) => o !== d.oid).sort();
  return cryptoComponent(
    asset,
    occurrences,
    d.name,
    { assetType: 'algorithm', algorithmProperties, ...(d.oid ? { oid: d.oid } : {}) },
    [
      prop('pqready:algorithm-id', d.id),
      ...verdictProps(verdict),
      ...(d.mode && !CDX_MODES.has(d.mode) ? [prop('pqready:mode', d.mode)] : []),
      ...joined('pqready:observed-oids', otherOids),
    ],
  );
}

const fileExtension = (path: string): string | undefined => path.match(/\.([A-Za-z0-9]{1,8})$/)?.[1]?.toLowerCase();

/** 1.7 certificate lifecycle state from the validity period at scan time (NIST SP 800-57 states). */
function certificateState(c: CertificateFacts): Json[] {
  switch (c.validity) {
    case 'valid':
      return [{ state: 'active' }];
    case 'expired':
      return [{ state: 'deactivated', reason: `expired${c.notAfter ? ` on ${c.notAfter}` : ''}` }];
    case 'not-yet-valid':
      return [{ state: 'pre-activation', reason: `valid from ${c.notBefore ?? 'a later date'}` }];
    default:
      return [];
  }
}

function certificateComponent(
  asset: CertificateAsset,
  occurrences: readonly Occurrence[],
  spec: Spec,
  verdict: Verdict,
  policy: Policy,
  scanTime: Date,
): Json {
  const c = asset.finding.certificate;
  const fp = c.fingerprint.sha256.toLowerCase();
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
  const state = certificateState(c);
  const related = [
    ...(asset.signature ? [{ type: 'algorithm', ref: asset.signature.bomRef }] : []),
    ...(asset.publicKey ? [{ type: 'publicKey', ref: asset.publicKey.bomRef }] : []),
  ];
  const certificateProperties: Json = {
    ...(c.subject !== undefined ? { subjectName: c.subject } : {}),
    ...(c.issuer !== undefined ? { issuerName: c.issuer } : {}),
    ...(date(c.notBefore) ? { notValidBefore: c.notBefore } : {}),
    ...(date(c.notAfter) ? { notValidAfter: c.notAfter } : {}),
    certificateFormat: CERT_FORMAT[c.type],
    ...(spec === '1.6'
      ? {
          ...(asset.signature ? { signatureAlgorithmRef: asset.signature.bomRef } : {}),
          ...(asset.publicKey ? { subjectPublicKeyRef: asset.publicKey.bomRef } : {}),
          ...(ext ? { certificateExtension: ext } : {}),
        }
      : {
          ...(ext ? { certificateFileExtension: ext } : {}),
          ...(c.serialNumber ? { serialNumber: c.serialNumber } : {}),
          ...(HEX64.test(fp) ? { fingerprint: { alg: 'SHA-256', content: fp } } : {}),
          ...(state.length ? { certificateState: state } : {}),
          ...(certExtensions.length ? { certificateExtensions: certExtensions } : {}),
          ...(related.length ? { relatedCryptographicAssets: related } : {}),
        }),
  };
  const exposure = certificateExposure(c, policy, scanTime);
  return cryptoComponent(
    asset,
    occurrences,
    commonName(c.subject) ?? c.subject ?? `certificate sha256:${fp}`,
    { assetType: 'certificate', certificateProperties },
    [
      ...verdictProps(verdict),
      prop('pqready:certificate-type', c.type),
      prop('pqready:fingerprint-sha256', fp),
      ...(c.serialNumber && spec === '1.6' ? [prop('pqready:serial-number', c.serialNumber)] : []),
      ...(c.selfSigned !== undefined ? [prop('pqready:self-signed', c.selfSigned)] : []),
      ...(c.validity ? [prop('pqready:validity', c.validity)] : []),
      ...(c.notBefore && !date(c.notBefore) ? [prop('pqready:not-before', c.notBefore)] : []),
      ...(c.notAfter && !date(c.notAfter) ? [prop('pqready:not-after', c.notAfter)] : []),
      ...joined('pqready:key-usage', c.keyUsage),
      ...joined('pqready:extended-key-usage', c.extendedKeyUsage),
      ...joined('pqready:subject-alt-names', c.subjectAltNames),
      ...(c.basicConstraints ? [prop('pqready:ca', c.basicConstraints.ca)] : []),
      ...joined(
        'pqready:extensions',
        c.extensions?.map((x) => `${x.oid}${x.name ? ` ${x.name}` : ''}${x.critical ? ' critical' : ''}`),
        '; ',
      ),
      ...(exposure
        ? [
            prop('pqready:exposure', exposure.message),
            ...joined(
              'pqready:exposure-milestones',
              exposure.milestones.map((m) => `${m.date} ${m.id}`),
              '; ',
            ),
          ]
        : []),
    ],
  );
}

function keyComponent(asset: KeyAsset, occurrences: readonly Occurrence[], spec: Spec, verdict: Verdict): Json {
  const k = asset.key;
  const fp = k.fingerprint?.sha256.toLowerCase();
  const related = [
    ...(asset.algorithm ? [{ type: 'algorithm', ref: asset.algorithm.bomRef }] : []),
    ...(asset.protection ? [{ type: 'algorithm', ref: asset.protection.bomRef }] : []),
  ];
  const relatedCryptoMaterialProperties: Json = {
    type: KEY_TYPE[k.keyType],
    ...(spec === '1.6' && asset.algorithm ? { algorithmRef: asset.algorithm.bomRef } : {}),
    ...(k.sizeBits !== undefined ? { size: k.sizeBits } : {}),
    format: k.format,
    ...(asset.protection ? { securedBy: { mechanism: 'Software', algorithmRef: asset.protection.bomRef } } : {}),
    ...(spec === '1.7' && fp && HEX64.test(fp) ? { fingerprint: { alg: 'SHA-256', content: fp } } : {}),
    ...(spec === '1.7' && related.length ? { relatedCryptographicAssets: related } : {}),
  };
  const d = describeAlgorithm(k.algorithm);
  return cryptoComponent(
    asset,
    occurrences,
    `${d.name} ${k.keyType} key`,
    { assetType: 'related-crypto-material', relatedCryptoMaterialProperties },
    [
      ...verdictProps(verdict),
      ...(fp ? [prop('pqready:fingerprint-sha256', fp)] : []),
      ...(k.comment ? [prop('pqready:comment', k.comment)] : []),
    ],
  );
}

/**
 * Certificates and keys named by a protocol configuration. A reference the detector resolved inside the scan
 * matches its file exactly; an unresolved one (configs name absolute paths on the target) falls back to a
 * path-suffix match. Indexed once per inventory by location and by every `/`-suffix of a location, so a tree with
 * thousands of configurations and certificates costs a few map look-ups per reference, not a pass over all files.
 */
class MaterialIndex {
  private readonly order = new Map<Asset, number>();
  private readonly exact = new Map<string, Asset[]>();
  /** `b/c` and `c` for a location `a/b/c`: the locations that end with `/<key>`. */
  private readonly bySuffix = new Map<string, Asset[]>();

  constructor(material: readonly (CertificateAsset | KeyAsset)[], sightedIn: (asset: AssetBase) => Iterable<Finding>) {
    const add = (map: Map<string, Asset[]>, key: string, a: Asset) => {
      const list = map.get(key);
      if (!list) map.set(key, [a]);
      else if (list.at(-1) !== a) list.push(a);
    };
    material.forEach((a, i) => {
      this.order.set(a, i);
      for (const f of sightedIn(a)) {
        const loc = norm(f.evidence.path);
        add(this.exact, loc, a);
        for (let at = loc.indexOf('/'); at >= 0; at = loc.indexOf('/', at + 1))
          add(this.bySuffix, loc.slice(at + 1), a);
      }
    });
  }

  referenced(p: ProtocolFacts): Asset[] {
    const out = new Set<Asset>();
    for (const r of p.references ?? []) {
      const target = norm(r.path);
      if (!target) continue;
      let hits = this.exact.get(target) ?? [];
      if (hits.length === 0) {
        // A location ending with `/target`, or a target ending with `/location`.
        const found = new Set(this.bySuffix.get(target) ?? []);
        for (let at = target.indexOf('/'); at >= 0; at = target.indexOf('/', at + 1)) {
          for (const a of this.exact.get(target.slice(at + 1)) ?? []) found.add(a);
        }
        hits = [...found];
      }
      for (const a of [...new Set(hits)].sort((x, y) => this.order.get(x)! - this.order.get(y)!)) out.add(a);
    }
    return [...out];
  }
}

const norm = (s: string) => s.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');

function protocolComponent(
  asset: ProtocolAsset,
  occurrences: readonly Occurrence[],
  spec: Spec,
  verdict: Verdict,
  algorithmAsset: (ref: AlgorithmRef, ctx: UseContext) => AlgorithmAsset,
): Json {
  const p = asset.finding.protocol;
  const refOf = (ref: AlgorithmRef): string => algorithmAsset(ref, asset.ctx).bomRef;
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
    algorithms: [...new Set(s.algorithms.map(refOf))].sort(),
    ...(s.codePoint ? { identifiers: [s.codePoint] } : {}),
    ...tlsExtras,
  }));
  const suiteRefs = new Set(cipherSuites.flatMap((s) => s.algorithms));
  const otherAlgorithms = [...asset.dependsOn]
    .filter((a) => a.kind === 'algorithm' && !suiteRefs.has(a.bomRef))
    .map((a) => a.bomRef);
  const material = [...asset.material];
  const relatedType = (a: Asset): string =>
    a.kind === 'certificate' ? 'certificate' : a.kind === 'key' ? RELATED_KEY_TYPE[a.key.keyType] : 'algorithm';
  const related = [
    ...otherAlgorithms.map((ref) => ({ type: 'algorithm', ref })),
    ...material.map((a) => ({ type: relatedType(a), ref: a.bomRef })),
  ].sort((a, b) => a.ref.localeCompare(b.ref));
  const protocolProperties: Json = {
    type,
    ...(versions.length ? { version: versions[versions.length - 1] } : {}),
    ...(cipherSuites.length ? { cipherSuites } : {}),
    ...(related.length
      ? spec === '1.6'
        ? { cryptoRefArray: related.map((r) => r.ref) }
        : { relatedCryptographicAssets: related }
      : {}),
  };
  return cryptoComponent(
    asset,
    occurrences,
    `${p.type.toUpperCase()}${versions.length ? ` ${versions.join('/')}` : ''}`,
    { assetType: 'protocol', protocolProperties },
    [
      ...verdictProps(verdict),
      ...joined('pqready:versions', versions, ','),
      ...(p.type !== type ? [prop('pqready:protocol-type', p.type)] : []),
      ...joined(
        'pqready:groups',
        p.groups.map((g) => g.name),
        ':',
      ),
      ...joined(
        'pqready:signature-schemes',
        p.signatureAlgorithms.map((g) => g.name),
        ':',
      ),
      ...joined('pqready:flags', p.flags),
      ...joined(
        'pqready:references',
        p.references?.map((r) => `${r.directive} ${r.path}`),
        '; ',
      ),
    ],
  );
}

function libraryComponent(lib: LibraryComponent): Json {
  const occurrences = lib.declaredBy
    .map((f) => ({
      location: f.evidence.path,
      ...(f.evidence.line !== undefined ? { line: f.evidence.line } : {}),
      ...(f.evidence.snippet ? { additionalContext: redactSnippet(f.evidence.snippet) } : {}),
    }))
    .sort((a, b) => a.location.localeCompare(b.location) || (a.line ?? 0) - (b.line ?? 0));
  const roots = [...new Set(lib.declaredBy.map((f) => f.root || '.'))].sort();
  return {
    type: 'library',
    'bom-ref': lib.bomRef,
    name: lib.name,
    ...(lib.version ? { version: lib.version } : {}),
    ...(lib.purl ? { purl: lib.purl } : {}),
    ...(occurrences.length ? { evidence: { occurrences } } : {}),
    properties: sortProps([
      ...(lib.row ? [prop('pqready:library-id', lib.row.id)] : []),
      ...joined('pqready:library-roots', roots),
      ...(lib.version ? [] : [prop('pqready:version', 'not declared in the scanned tree')]),
    ]),
  };
}

/** Diagnostics that say a file or object was not read or not decoded, so the inventory may miss something. */
const notExamined = (inventory: Inventory) => inventory.diagnostics.filter((d) => d.severity !== 'info');

/** An entry of the dependency graph: bom-refs, in the order they were added. */
interface Dependencies {
  readonly dependsOn: Set<string>;
  readonly provides: Set<string>;
}

function assetDependencies(a: Asset): Dependencies {
  const dependsOn = new Set([...a.dependsOn].map((x) => x.bomRef));
  if (a.kind === 'protocol') for (const m of a.material) dependsOn.add(m.bomRef);
  return { dependsOn, provides: new Set() };
}

/**
 * The CBOM without its serial number, components and dependencies as `LazyArray`s: each is built from its asset
 * when the serialiser reaches it and dropped once written, so a large tree's components never exist all at once.
 */
function cbomParts(inventory: Inventory, opts: CycloneDxOptions): Json {
  const { specVersion: spec, policy } = opts;
  const scanTime = new Date(inventory.scannedAt);
  const libraries = new LibraryComponents(inventory.libraries ?? []);
  const col = new Collector(inventory, policy, libraries);
  const assets = [...col.assets.values()];
  assignRefs(assets);

  const material = assets.filter((a): a is CertificateAsset | KeyAsset => a.kind === 'certificate' || a.kind === 'key');
  const index = new MaterialIndex(material, (a) => col.sightedIn(a));
  for (const a of assets) {
    if (a.kind !== 'protocol') continue;
    for (const m of index.referenced(a.finding.protocol)) a.material.add(m);
  }

  /** Every component's bom-ref and how to build it, sorted by bom-ref once all are known. */
  const components: { readonly ref: string; readonly build: () => Json }[] = [];
  /** The dependencies of the root, the libraries and the files; an asset's are read from it when written. */
  const dependencies = new Map<string, Dependencies>();
  const dep = (ref: string) => {
    let d = dependencies.get(ref);
    if (!d) {
      d = { dependsOn: new Set(), provides: new Set() };
      dependencies.set(ref, d);
    }
    return d;
  };
  const root = dep(ROOT_REF);

  const assetComponent = (a: Asset): Json => {
    const verdict = col.verdictOf(a);
    const occurrences = col.occurrencesOf(a);
    switch (a.kind) {
      case 'algorithm':
        return algorithmComponent(a, occurrences, spec, verdict);
      case 'certificate':
        return certificateComponent(a, occurrences, spec, verdict, policy, scanTime);
      case 'key':
        return keyComponent(a, occurrences, spec, verdict);
      case 'protocol':
        return protocolComponent(a, occurrences, spec, verdict, (ref, ctx) => col.algorithmAsset(ref, ctx));
    }
  };
  for (const a of assets) {
    components.push({ ref: a.bomRef, build: () => assetComponent(a) });
    const inUse = !NOT_IN_USE.has(a.ctx.state ?? '');
    if (a.primary && inUse && a.ctx.role !== 'implementation') root.dependsOn.add(a.bomRef);
    if (a.kind === 'algorithm' && a.ctx.library && inUse && PROVIDED_ROLES.has(a.ctx.role)) {
      dep(a.ctx.library.bomRef).provides.add(a.bomRef);
    }
  }
  for (const lib of libraries.all()) {
    components.push({ ref: lib.bomRef, build: () => libraryComponent(lib) });
    dep(lib.bomRef);
    root.dependsOn.add(lib.bomRef);
  }
  for (const file of col.files.values()) {
    components.push({ ref: file.bomRef, build: () => ({ type: 'file', 'bom-ref': file.bomRef, name: file.name }) });
    for (const a of file.provides) dep(file.bomRef).provides.add(a.bomRef);
    root.dependsOn.add(file.bomRef);
  }

  components.sort((a, b) => a.ref.localeCompare(b.ref));
  const entries: { readonly ref: string; readonly of: Asset | Dependencies }[] = [
    ...[...dependencies.entries()].map(([ref, of]) => ({ ref, of })),
    ...assets.map((a) => ({ ref: a.bomRef, of: a })),
  ].sort((a, b) => a.ref.localeCompare(b.ref));
  const dependencyList = new LazyArray(function* () {
    for (const { ref, of } of entries) {
      const d = 'kind' in of ? assetDependencies(of) : of;
      yield {
        ref,
        ...(d.dependsOn.size ? { dependsOn: [...d.dependsOn].filter((x) => x !== ref).sort() } : {}),
        ...(d.provides.size ? { provides: [...d.provides].sort() } : {}),
      };
    }
  });

  const problems = notExamined(inventory);
  const identity = opts.component ?? {};
  const metadataProps: Property[] = [
    prop('pqready:policy', policy.id),
    prop('pqready:policy-name', policy.name),
    prop('pqready:policy-version', policy.version),
    ...inventory.roots.map((r) => prop('pqready:root', r)),
    prop('pqready:files-scanned', inventory.stats.filesScanned),
    prop('pqready:bytes-scanned', inventory.stats.bytesScanned),
    prop('pqready:files-skipped', inventory.stats.filesSkipped),
    ...(inventory.stats.pathsIgnored ? [prop('pqready:paths-ignored', inventory.stats.pathsIgnored)] : []),
    prop('pqready:not-examined', problems.length),
    ...inventory.diagnostics.map((d) => prop('pqready:diagnostic', canonical(d))),
  ];
  return {
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
        'bom-ref': ROOT_REF,
        name: identity.name ?? (inventory.roots.length ? inventory.roots.join(', ') : 'scan'),
        ...(identity.version ? { version: identity.version } : {}),
        ...(identity.supplier ? { supplier: { name: identity.supplier } } : {}),
      },
      properties: sortProps(metadataProps),
    },
    components: new LazyArray(function* () {
      for (const c of components) yield c.build();
    }),
    dependencies: dependencyList,
    // A static scan never proves completeness (algorithms chosen at run time, formats not decoded): `unknown` is
    // its honest best; `incomplete` when a diagnostic says some file or object was not read or decoded.
    compositions: [
      {
        aggregate: problems.length > 0 ? 'incomplete' : 'unknown',
        assemblies: [ROOT_REF],
        dependencies: [ROOT_REF],
      },
    ],
  };
}

/** The serial number is derived from the rest of the BOM's text (`serializeCbom`), after the caller's seed. */
const serialPrefix = (opts: CycloneDxOptions): string => `${opts.serialNumberSeed ?? ''}\u0000`;

/** The CBOM as an object (components built all at once): for callers that read it; `cycloneDxChunks` writes it. */
export function toCycloneDx(inventory: Inventory, opts: CycloneDxOptions): Json {
  const parts = cbomParts(inventory, opts);
  const bom = Object.fromEntries(
    Object.entries(parts).map(([k, v]) => [k, v instanceof LazyArray ? [...v.items()] : v]),
  );
  return { ...bom, serialNumber: contentUuid(cbomSha256(serialPrefix(opts), bom)) };
}

/**
 * `serializeCbom(toCycloneDx(inventory, opts))`, the same bytes, as a stream of chunks: components are built one at
 * a time as they are written and the serial number is hashed on the way, so memory holds the inventory, the
 * grouping of findings into assets (references to the findings) and one component, never the whole BOM.
 */
export function* cycloneDxChunks(inventory: Inventory, opts: CycloneDxOptions): Generator<string> {
  yield* serializeCbomWithSerial(cbomParts(inventory, opts), serialPrefix(opts), contentUuid);
}
