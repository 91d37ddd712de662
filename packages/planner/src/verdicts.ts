/**
 * Quantum verdicts of CBOM assets under the plan's policy, through the core policy (`classify`,
 * `certificateExposure`) so the plan and the scan never disagree for the same policy. Certificates and keys take the
 * worst of their parts; a protocol's key exchange takes its best offer (a hybrid group protects the session whenever
 * both peers support it) and its authentication the worst accepted scheme (a forger picks the weakest).
 * Assets the catalog cannot place keep the verdict their producer recorded, else one derived from CycloneDX fields.
 */
import {
  type AlgorithmRef,
  type CertificateExposure,
  type CertificateFacts,
  certificateExposure,
  classify,
  describeAlgorithm,
  type Policy,
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
  readonly kex?: { readonly quantum: QuantumVerdict; readonly names: readonly string[] };
  readonly auth?: { readonly quantum: QuantumVerdict; readonly names: readonly string[] };
  readonly exposure?: CertificateExposure;
}

const trimDot = (s: string) => s.replace(/\.\s*$/, '');
const VERDICTS = new Set<string>(['broken', 'weakened', 'resistant', 'hybrid', 'unknown']);
const PUBLIC_KEY_PRIMITIVES = new Set(['signature', 'pke', 'key-agree', 'kem']);
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
      const ref = asset.algorithm.ref;
      const v = this.fromRefs(ref ? [ref] : [], () => this.recorded(asset, asset.algorithm?.primitive));
      return asset.algorithm.primitive && v.basis === 'policy' && v.primitive === 'unknown'
        ? { ...v, primitive: asset.algorithm.primitive }
        : v;
    }
    if (asset.key) {
      const ref = this.refOf(asset.key.algorithmRef);
      return this.fromRefs(ref ? [ref] : [], () => this.recorded(asset));
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

  private protocol(asset: CryptoAsset): AssetVerdict {
    const parts = asset.protocol!.refs.flatMap((r) => {
      const a = this.byRef.get(r);
      return a && a.assetType !== 'protocol' ? [{ a, v: this.of(a) }] : [];
    });
    const kexParts = parts.filter((p) => p.a.algorithm && ['key-agree', 'kem'].includes(p.v.primitive ?? ''));
    const authParts = parts.filter(
      (p) => (p.a.algorithm && p.v.primitive === 'signature') || p.a.certificate || p.a.key,
    );
    const kexQ = kexParts.length ? BEST_FIRST.find((q) => kexParts.some((p) => p.v.quantum === q))! : undefined;
    const authQ = authParts.length ? worstVerdict(authParts.map((p) => p.v.quantum)) : undefined;
    const rest = parts.filter((p) => !kexParts.includes(p) && !authParts.includes(p));
    const all = [...(kexQ ? [kexQ] : []), ...(authQ ? [authQ] : []), ...rest.map((p) => p.v.quantum)];
    const weak = [...new Set(parts.flatMap((p) => p.v.classicallyWeak))].sort();
    if (all.length === 0) return this.recorded(asset);
    const quantum = worstVerdict(all);
    const names = (ps: typeof parts) => [...new Set(ps.map((p) => p.a.name))].sort();
    const kexNames = asset.protocol!.groups.length ? [...asset.protocol!.groups] : names(kexParts);
    const reason =
      kexQ === 'hybrid' || kexQ === 'resistant'
        ? `Offers post-quantum key exchange; authentication is ${authQ ?? 'not observed'}.`
        : kexQ
          ? `No post-quantum key exchange is offered (${kexNames.slice(0, 6).join(', ')}); overall ${quantum}.`
          : `Key exchange not observed; overall ${quantum} from the configured algorithms.`;
    const bits = parts.filter((p) => p.v.quantum === 'broken').flatMap((p) => p.v.vulnerableBits ?? []);
    return {
      quantum,
      classicallyWeak: weak,
      reason,
      basis: 'policy',
      ...(bits.length ? { vulnerableBits: Math.min(...bits) } : {}),
      ...(kexQ ? { kex: { quantum: kexQ, names: kexNames } } : {}),
      ...(authQ ? { auth: { quantum: authQ, names: names(authParts) } } : {}),
    };
  }
}
