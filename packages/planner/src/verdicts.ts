/**
 * Quantum verdicts of CBOM assets under the plan's policy, through the core policy (`classify`, `protocolVerdict`,
 * `certificateExposure`) so the plan and the scan never disagree for the same policy. Certificates take the worst
 * of their signature and key, keys the worst of their algorithm and protection, and a protocol setting the rule
 * of core's `protocolVerdict` (best key-exchange offer, best signature offer, worst cipher; `not-applicable` when
 * it names no algorithm). Assets the catalog cannot place keep the verdict their producer recorded, else one
 * derived from CycloneDX fields.
 */
import {
  type AlgorithmRef,
  type CertificateExposure,
  type CertificateFacts,
  certificateExposure,
  classify,
  describeAlgorithm,
  type FindingAlgorithm,
  type Policy,
  protocolVerdict,
  type QuantumVerdict,
  worstVerdict,
} from '@pqready/core';
import type { CryptoAsset } from './cbom/types.js';

export interface AssetVerdict {
  readonly quantum: QuantumVerdict;
  readonly classicallyWeak: readonly string[];
  readonly reason: string;
  /** policy: judged by the core policy from the catalog; recorded: the producer's verdict; fields: CycloneDX levels. */
  readonly basis: 'policy' | 'recorded' | 'fields' | 'none';
  /** Lowest classical strength among the quantum-vulnerable parts (112 selects IR 8547's earlier dates). */
  readonly vulnerableBits?: number;
  /** Primitive of the asset (algorithm primitive; certificates and keys: that of their key). */
  readonly primitive?: string;
  /** Protocols: what the setting offers for key exchange and for authentication, judged like the whole. */
  readonly kex?: { readonly quantum: QuantumVerdict; readonly names: readonly string[] };
  readonly auth?: { readonly quantum: QuantumVerdict; readonly names: readonly string[] };
  readonly exposure?: CertificateExposure;
}

const trimDot = (s: string) => s.replace(/\.\s*$/, '');
const VERDICTS = new Set<string>(['broken', 'weakened', 'resistant', 'hybrid', 'unknown', 'not-applicable']);
const PUBLIC_KEY_PRIMITIVES = new Set(['signature', 'pke', 'key-agree', 'kem']);
const KEX = new Set(['key-agree', 'kem']);
/** Which offer protects a session when peers may pick any (core's rule for groups and signature schemes). */
const BEST_FIRST: readonly QuantumVerdict[] = ['hybrid', 'resistant', 'weakened', 'unknown', 'broken'];

export class VerdictIndex {
  private readonly byRef: ReadonlyMap<string, CryptoAsset>;
  private readonly cache = new Map<string, AssetVerdict>();

  constructor(
    assets: readonly CryptoAsset[],
    private readonly policy: Policy,
    private readonly referenceTime: Date,
  ) {
    this.byRef = new Map(assets.map((a) => [a.bomRef, a]));
  }

  asset(bomRef: string): CryptoAsset | undefined {
    return this.byRef.get(bomRef);
  }

  of(asset: CryptoAsset): AssetVerdict {
    let v = this.cache.get(asset.bomRef);
    if (!v) {
      v = this.compute(asset);
      this.cache.set(asset.bomRef, v);
    }
    return v;
  }

  /** The catalog reference behind an algorithm, key or certificate-key bom-ref. */
  refOf(bomRef: string | undefined, depth = 0): AlgorithmRef | undefined {
    const a = bomRef ? this.byRef.get(bomRef) : undefined;
    if (!a || depth > 3) return undefined;
    if (a.algorithm) return a.algorithm.ref;
    if (a.key) return this.refOf(a.key.algorithmRef, depth + 1);
    return undefined;
  }

  private fromRefs(refs: readonly AlgorithmRef[], fallback: () => AssetVerdict): AssetVerdict {
    if (refs.length === 0) return fallback();
    const verdicts = refs.map((r) => ({ r, v: classify(r, this.policy) }));
    const quantum = worstVerdict(verdicts.map((x) => x.v.quantum));
    const decisive = verdicts.find((x) => x.v.quantum === quantum)!;
    const bits = verdicts
      .filter((x) => x.v.quantum === 'broken')
      .flatMap((x) => describeAlgorithm(x.r).classicalSecurityBits ?? []);
    return {
      quantum,
      classicallyWeak: [...new Set(verdicts.flatMap((x) => x.v.classicallyWeak))].sort(),
      reason: decisive.v.reason,
      basis: 'policy',
      ...(bits.length ? { vulnerableBits: Math.min(...bits) } : {}),
      primitive: describeAlgorithm(decisive.r).primitive,
    };
  }

  private recorded(asset: CryptoAsset, primitive?: string): AssetVerdict {
    if (asset.recordedVerdict && VERDICTS.has(asset.recordedVerdict))
      return {
        quantum: asset.recordedVerdict as QuantumVerdict,
        classicallyWeak: [],
        reason: asset.recordedReason
          ? `${trimDot(asset.recordedReason)} (as recorded in the CBOM by its producer).`
          : `Verdict as recorded in the CBOM by its producer; ${asset.name} is not in pqready's catalog.`,
        basis: 'recorded',
        ...(primitive ? { primitive } : {}),
      };
    const a = asset.algorithm;
    if (a?.nistQuantumSecurityLevel !== undefined && a.primitive) {
      const level = a.nistQuantumSecurityLevel;
      if (level === 0 && PUBLIC_KEY_PRIMITIVES.has(a.primitive))
        return {
          quantum: 'broken',
          classicallyWeak: [],
          reason: `The CBOM gives ${asset.name} (${a.primitive}) NIST quantum security level 0: a classical public-key algorithm that Shor's algorithm breaks.`,
          basis: 'fields',
          primitive: a.primitive,
          ...(a.classicalSecurityLevel !== undefined ? { vulnerableBits: a.classicalSecurityLevel } : {}),
        };
      if (level > 0)
        return {
          quantum: level >= this.policy.pqMinCategory ? 'resistant' : 'weakened',
          classicallyWeak: [],
          reason: `The CBOM gives ${asset.name} NIST quantum security level ${level}; ${this.policy.name} asks for ${this.policy.pqMinCategory}.`,
          basis: 'fields',
          primitive: a.primitive,
        };
    }
    return {
      quantum: 'unknown',
      classicallyWeak: [],
      reason: `${asset.name} is not in pqready's catalog and the CBOM gives no verdict or quantum level; review it by hand.`,
      basis: 'none',
      ...(primitive ? { primitive } : {}),
    };
  }

  private compute(asset: CryptoAsset): AssetVerdict {
    if (asset.algorithm) {
      // A composite (PBES2 = KDF + cipher) is judged by the parts it depends on, as the scan judged it.
      const parts = asset.dependsOn.flatMap((r) => {
        const part = this.byRef.get(r);
        return part?.algorithm?.ref ? [part.algorithm.ref] : [];
      });
      const own = asset.algorithm.ref;
      const ref = own && !own.components && parts.length ? { ...own, components: parts } : own;
      const v = this.fromRefs(ref ? [ref] : [], () => this.recorded(asset, asset.algorithm?.primitive));
      return asset.algorithm.primitive && v.basis === 'policy' && v.primitive === 'unknown'
        ? { ...v, primitive: asset.algorithm.primitive }
        : v;
    }
    if (asset.key) {
      const refs = [this.refOf(asset.key.algorithmRef), this.refOf(asset.key.protectionRef)];
      const v = this.fromRefs(
        refs.filter((r): r is AlgorithmRef => r !== undefined),
        () => this.recorded(asset),
      );
      // The key's own algorithm names what it is, even when its protection decides the verdict.
      return refs[0] ? { ...v, primitive: describeAlgorithm(refs[0]).primitive } : v;
    }
    if (asset.certificate) {
      const c = asset.certificate;
      const sig = this.refOf(c.signatureRef);
      const key = this.refOf(c.publicKeyRef);
      const v = this.fromRefs(
        [sig, key].filter((r): r is AlgorithmRef => r !== undefined),
        () => this.recorded(asset),
      );
      const primitive = key ? describeAlgorithm(key).primitive : v.primitive;
      const exposure = sig ? this.certificateExposure(asset, sig, key) : undefined;
      return { ...v, ...(primitive ? { primitive } : {}), ...(exposure ? { exposure } : {}) };
    }
    if (asset.protocol) return this.protocol(asset);
    return this.recorded(asset);
  }

  private certificateExposure(
    asset: CryptoAsset,
    signature: AlgorithmRef,
    key: AlgorithmRef | undefined,
  ): CertificateExposure | undefined {
    const c = asset.certificate!;
    if (!c.notAfter) return undefined;
    const facts: CertificateFacts = {
      type: 'certificate',
      encoding: 'DER',
      ...(c.subject ? { subject: c.subject } : {}),
      notAfter: c.notAfter,
      signatureAlgorithm: signature,
      ...(key ? { publicKey: { keyType: 'public', algorithm: key, format: 'SPKI' } } : {}),
      extendedKeyUsage: c.extendedKeyUsage,
      fingerprint: { sha256: c.fingerprintSha256 ?? '' },
    };
    return certificateExposure(facts, this.policy, this.referenceTime);
  }

  /**
   * A protocol setting: its algorithms sorted into what core's `protocolVerdict` reads (the suites' algorithms,
   * key-exchange groups, signature schemes, other algorithms) and judged by it. The certificates and keys the
   * scope names are findings of their own, not parts of the setting's verdict.
   */
  private protocol(asset: CryptoAsset): AssetVerdict {
    const p = asset.protocol!;
    const inSuites = new Set(p.cipherSuites.flatMap((s) => s.algorithms));
    const refOrUnknown = (r: string): AlgorithmRef | undefined => {
      const a = this.byRef.get(r);
      return a?.algorithm ? (a.algorithm.ref ?? { id: 'unknown' }) : undefined;
    };
    const algorithms: FindingAlgorithm[] = [];
    for (const s of p.cipherSuites)
      for (const r of s.algorithms) {
        const ref = refOrUnknown(r);
        if (ref) algorithms.push({ use: 'cipher-suite', ref, via: s.name });
      }
    for (const r of p.refs) {
      const ref = inSuites.has(r) ? undefined : refOrUnknown(r);
      if (!ref) continue;
      const part = this.byRef.get(r)!;
      const primitive = this.of(part).primitive ?? 'unknown';
      // An algorithm the catalog cannot place is a group or signature scheme when the setting lists it by that name.
      const listed = (names: readonly string[]) =>
        names.some((n) => n.toLowerCase() === part.name.replace(/^unknown-/, '').toLowerCase());
      const unplaced = primitive === 'unknown' || primitive === 'other';
      const use =
        KEX.has(primitive) || (unplaced && listed(p.groups))
          ? 'group'
          : primitive === 'signature' || (unplaced && listed(p.signatureSchemes))
            ? 'signature-scheme'
            : 'protocol-algorithm';
      algorithms.push({ use, ref });
    }
    const facts = asset.occurrences[0]?.facts ?? {};
    const v = protocolVerdict(
      algorithms,
      {
        type: p.type,
        versions: p.versions,
        references: p.references,
        flags: p.flags,
        ...(facts['config.setting'] ? { setting: facts['config.setting'] } : {}),
        ...(facts['config.directive'] ? { directive: facts['config.directive'] } : {}),
      },
      this.policy,
    );
    const judged = algorithms.map((a) => ({ a, q: classify(a.ref, this.policy).quantum }));
    const primitiveOf = (ref: AlgorithmRef) => describeAlgorithm(ref).primitive;
    const kexParts = judged.filter(
      (x) => x.a.use === 'group' || (x.a.use === 'cipher-suite' && KEX.has(primitiveOf(x.a.ref))),
    );
    const authParts = judged.filter(
      (x) =>
        x.a.use === 'signature-scheme' ||
        (x.a.use === 'cipher-suite' && ['signature', 'pke'].includes(primitiveOf(x.a.ref))),
    );
    // Offers (groups, schemes) protect by their best; the suites of TLS 1.2 and below are classical, each of them.
    const judge = (xs: typeof judged) =>
      xs.some((x) => x.a.use !== 'cipher-suite')
        ? BEST_FIRST.find((q) => xs.some((x) => x.a.use !== 'cipher-suite' && x.q === q))!
        : worstVerdict(xs.map((x) => x.q));
    const names = (xs: typeof judged, listed: readonly string[]) =>
      listed.length && xs.some((x) => x.a.use !== 'cipher-suite')
        ? [...listed]
        : [...new Set(xs.map((x) => describeAlgorithm(x.a.ref).name))].sort();
    const bits = judged
      .filter((x) => x.q === 'broken')
      .flatMap((x) => describeAlgorithm(x.a.ref).classicalSecurityBits ?? []);
    return {
      quantum: v.quantum,
      classicallyWeak: v.classicallyWeak,
      reason: v.reason,
      basis: 'policy',
      ...(bits.length ? { vulnerableBits: Math.min(...bits) } : {}),
      ...(kexParts.length ? { kex: { quantum: judge(kexParts), names: names(kexParts, p.groups) } } : {}),
      // Signature lists name one algorithm many ways (ssh-ed25519, its -cert-v01 and sk- forms): name the algorithms.
      ...(authParts.length ? { auth: { quantum: judge(authParts), names: names(authParts, []) } } : {}),
    };
  }
}
