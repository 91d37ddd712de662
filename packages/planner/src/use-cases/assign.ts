/**
 * Groups findings into use cases. A finding is one occurrence of one CBOM asset: the occurrence the producer marks
 * as standing for a finding (pqready's occurrence `bom-ref`), or every occurrence of a CBOM that marks none. The
 * other occurrences (a certificate's signature algorithm and key, the groups a TLS setting names) are parts of a
 * finding and planned with it. A finding may serve several use cases (a TLS cipher list both exchanges keys and
 * authenticates). Each assignment records why, in words a reviewer can check against the evidence ("function
 * boot_verify_image names boot").
 */
import { protocolWeaknesses } from '@pqready/core';
import type { AssetOccurrence, CbomInventory, CryptoAsset } from '../cbom/types.js';
import type { AssetVerdict, VerdictIndex } from '../verdicts.js';
import { BOOT_LIBRARIES, INTRINSIC_WEAKNESSES, type UseCaseId, WORDS } from './table.js';

export interface Exposure {
  readonly asset: CryptoAsset;
  readonly occurrence: AssetOccurrence;
  readonly useCase: UseCaseId;
  /** Finer grouping inside a use case: `boot` or `update` for secure boot, else empty. */
  readonly group: string;
  readonly why: string;
  readonly verdict: AssetVerdict;
  /** False when the evidence says the code or setting is not in effect (inactive, disabled, overridden). */
  readonly inEffect: boolean;
  /** Whether the use case needs work for this finding under the policy. */
  readonly needsWork: boolean;
  /** Weakness flags that put it in the classically-weak use case. */
  readonly weaknesses: readonly string[];
  /** The certificate, key or protocol this finding is part of (same evidence, referenced by it), if any. */
  readonly parent?: string;
}

const SYMMETRIC = new Set(['block-cipher', 'ae', 'stream-cipher', 'key-wrap', 'combiner']);
const HASHING = new Set(['hash', 'mac', 'kdf', 'drbg', 'xof']);
const KEX = new Set(['key-agree', 'kem', 'pke']);
const CONFIG_ROLES = new Set(['config-enable', 'config-disable', 'implementation']);

const words = (text: string): Set<string> =>
  new Set(
    text
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

interface Evidence {
  readonly tokens: Set<string>;
  readonly text: string;
}

function evidenceOf(asset: CryptoAsset, occ: AssetOccurrence): Evidence {
  const parts = [occ.location, occ.symbol ?? '', occ.context ?? ''];
  if (asset.assetType !== 'algorithm') parts.push(asset.name);
  const text = parts.join(' ');
  return { tokens: words(text), text };
}

/** The first word of `list` present in the evidence, with where it was seen, for the assignment's reason. */
function hit(ev: Evidence, list: readonly string[], occ: AssetOccurrence): string | undefined {
  const w = list.find((x) => ev.tokens.has(x));
  if (!w) return undefined;
  const place = occ.symbol && words(occ.symbol).has(w) ? `function or scope \`${occ.symbol}\`` : undefined;
  return `${place ?? `evidence \`${occ.location}\``} names "${w}"`;
}

function bootGroup(ev: Evidence): string {
  return WORDS.update.some((w) => ev.tokens.has(w)) ? 'update' : 'boot';
}

const inEffect = (occ: AssetOccurrence) =>
  occ.state !== 'inactive' && occ.state !== 'overridden' && occ.state !== 'disabled' && occ.role !== 'config-disable';

function needsWork(useCase: UseCaseId, v: AssetVerdict): boolean {
  switch (useCase) {
    case 'classically-weak':
      return true;
    case 'unidentified':
      return v.quantum === 'unknown';
    case 'data-at-rest':
    case 'hash-mac-kdf':
      return v.quantum === 'weakened' || v.quantum === 'broken';
    case 'transport-key-exchange':
      return (v.kex?.quantum ?? v.quantum) === 'broken' || (v.kex?.quantum ?? v.quantum) === 'weakened';
    case 'transport-authentication':
      return (v.auth?.quantum ?? v.quantum) === 'broken';
    default:
      return v.quantum === 'broken' || v.quantum === 'weakened';
  }
}

interface Assignment {
  readonly useCase: UseCaseId;
  readonly group?: string;
  readonly why: string;
  readonly weaknesses?: readonly string[];
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  tls: 'TLS',
  dtls: 'DTLS',
  ssh: 'SSH',
  'mqtt-tls': 'MQTT over TLS',
  ipsec: 'IPsec',
  ike: 'IKE',
};

/** How the plan names a protocol: `TLS`, `MQTT over TLS`, `SSH` …. */
export const protocolName = (type: string): string => PROTOCOL_NAMES[type] ?? type.toUpperCase();

/**
 * A protocol setting serves key exchange when it offers groups or TLS ≤ 1.2 suites, authentication when it offers
 * signature schemes or suites that authenticate; a setting that names no algorithm serves neither, only the
 * classically-weak use case when it enables something weak (TLS 1.0).
 */
function assignProtocol(asset: CryptoAsset, occ: AssetOccurrence, v: AssetVerdict): Assignment[] {
  const p = asset.protocol!;
  const out: Assignment[] = [];
  const directive = occ.facts['config.directive'];
  const label = directive ? `\`${directive}\`` : `${protocolName(p.type)} setting`;
  if (v.kex)
    out.push({ useCase: 'transport-key-exchange', why: `${label} offers ${v.kex.names.slice(0, 4).join(', ')}` });
  if (v.auth)
    out.push({
      useCase: 'transport-authentication',
      why: `${label} authenticates with ${v.auth.names.slice(0, 3).join(', ')}`,
    });
  const weak = [...protocolWeaknesses(p.flags), ...v.classicallyWeak.filter((f) => INTRINSIC_WEAKNESSES.includes(f))];
  if (weak.length)
    out.push({
      useCase: 'classically-weak',
      why: `${label} allows ${[...new Set(weak)].join(', ')}`,
      weaknesses: [...new Set(weak)].sort(),
    });
  return out;
}

/** Primitives of the other findings in the same function (or file, outside functions), keyed by place. */
type Siblings = ReadonlyMap<string, ReadonlySet<string>>;
const placeOf = (occ: AssetOccurrence) => `${occ.location}\u0000${occ.symbol ?? ''}`;

function assignOne(asset: CryptoAsset, occ: AssetOccurrence, v: AssetVerdict, siblings?: Siblings): Assignment[] {
  if (asset.protocol) return assignProtocol(asset, occ, v);
  const ev = evidenceOf(asset, occ);
  const weak = v.classicallyWeak.filter((f) => INTRINSIC_WEAKNESSES.includes(f));
  if (weak.length)
    return [
      { useCase: 'classically-weak', why: `${asset.name} is classically weak (${weak.join(', ')})`, weaknesses: weak },
    ];
  const bootLib = asset.libraries.find((l) => BOOT_LIBRARIES.some((b) => l.startsWith(b)));
  const boot = bootLib
    ? `library ${bootLib} is a bootloader`
    : (hit(ev, WORDS.boot, occ) ?? hit(ev, WORDS.update, occ));
  const eku = asset.certificate?.extendedKeyUsage.some((u) => u === 'codeSigning' || u === '1.3.6.1.5.5.7.3.3');
  if (asset.certificate || asset.key) {
    if (eku)
      return [
        {
          useCase: 'secure-boot-update',
          group: bootGroup(ev),
          why: 'certificate has the codeSigning extended key usage',
        },
      ];
    if (asset.key) {
      const file = words(occ.location.split('/').pop() ?? '');
      const enc = WORDS.encryptionKey.find((w) => file.has(w));
      if (enc)
        return [
          {
            useCase: 'transport-key-exchange',
            why: `key file \`${occ.location}\` names "${enc}": key transport or image encryption`,
          },
        ];
      const signing = WORDS.signingKey.find((w) => file.has(w));
      if (!boot && signing)
        return [
          {
            useCase: 'secure-boot-update',
            group: bootGroup(ev),
            why: `key file \`${occ.location}\` names "${signing}": an image-signing or root-of-trust key`,
          },
        ];
    }
    if (boot) return [{ useCase: 'secure-boot-update', group: bootGroup(ev), why: boot }];
    if (v.quantum === 'unknown') return [{ useCase: 'unidentified', why: v.reason }];
    const kind = asset.certificate ? (asset.certificate.ca ? 'CA certificate' : 'certificate') : `${asset.key!.type}`;
    return [{ useCase: 'identity-pki', why: `${kind} stored in the tree` }];
  }
  const primitive = v.primitive ?? asset.algorithm?.primitive ?? 'unknown';
  if (v.quantum === 'unknown' || primitive === 'unknown') {
    const place = boot ? ` (${boot})` : '';
    return [{ useCase: 'unidentified', why: `${v.reason}${place}` }];
  }
  if (SYMMETRIC.has(primitive)) return [{ useCase: 'data-at-rest', why: `${primitive} ${asset.name}` }];
  if (HASHING.has(primitive)) return [{ useCase: 'hash-mac-kdf', why: `${primitive} ${asset.name}` }];
  // Public-key algorithms from here on. Key agreement in a bootloader decrypts images: key exchange, not signing.
  if (boot && !KEX.has(primitive)) return [{ useCase: 'secure-boot-update', group: bootGroup(ev), why: boot }];
  if (occ.role && CONFIG_ROLES.has(occ.role))
    return [{ useCase: 'library-config', why: `${occ.role} of ${asset.name} in a build configuration` }];
  const tls = hit(ev, WORDS.tls, occ);
  if (KEX.has(primitive))
    return [{ useCase: 'transport-key-exchange', why: `${primitive} ${asset.name}${tls ? `; ${tls}` : ''}` }];
  const identity = hit(ev, WORDS.identity, occ);
  if (primitive === 'signature' && tls && !identity)
    return [{ useCase: 'transport-authentication', why: `signature ${asset.name}; ${tls}` }];
  if (tls && primitive === 'other') return [{ useCase: 'transport-key-exchange', why: `${asset.name}; ${tls}` }];
  // A bare key type (EC-P256) serves whatever the same function does with it: key agreement or signing.
  const near = siblings?.get(placeOf(occ));
  if (primitive === 'other' && near && [...near].some((p) => KEX.has(p)))
    return [{ useCase: 'transport-key-exchange', why: `${asset.name} used with key agreement in the same function` }];
  return [
    {
      useCase: 'identity-pki',
      why: identity ? `${asset.name}; ${identity}` : `${primitive} ${asset.name} used in code`,
    },
  ];
}

/** bom-refs an asset refers to (certificate → signature and key, key → algorithm, protocol → its parts). */
function partsOf(asset: CryptoAsset): string[] {
  return [
    ...(asset.certificate?.signatureRef ? [asset.certificate.signatureRef] : []),
    ...(asset.certificate?.publicKeyRef ? [asset.certificate.publicKeyRef] : []),
    ...(asset.key?.algorithmRef ? [asset.key.algorithmRef] : []),
    ...(asset.protocol?.refs ?? []),
    ...asset.dependsOn,
  ];
}

/** Which of its parent's use cases a part serves: a protocol's groups exchange keys, its signatures authenticate. */
function partServes(useCase: UseCaseId, v: AssetVerdict, parent: CryptoAsset): boolean {
  if (useCase === 'classically-weak') return v.classicallyWeak.length > 0;
  if (!parent.protocol) return true;
  const p = v.primitive ?? 'unknown';
  if (useCase === 'transport-key-exchange') return KEX.has(p) || p === 'other';
  if (useCase === 'transport-authentication') return p === 'signature';
  return false;
}

const RANK: Readonly<Record<string, number>> = {
  protocol: 0,
  certificate: 1,
  'related-crypto-material': 2,
  algorithm: 3,
};

/** Where an occurrence is: the same place in the same file (a part sits where its finding sits). */
const spot = (o: AssetOccurrence) => `${o.location}\u0000${o.line ?? ''}\u0000${o.offset ?? ''}`;

/**
 * The finding each part belongs to, for CBOMs that do not mark findings: an algorithm or key that a certificate,
 * key or protocol found at the same spot refers to takes that parent's use cases, so it is planned with it.
 */
function parentsOf(assets: readonly CryptoAsset[]): Map<string, CryptoAsset> {
  const byRef = new Map(assets.map((a) => [a.bomRef, a]));
  const parentAt = new Map<string, CryptoAsset>();
  const ordered = [...assets].sort((a, b) => (RANK[a.assetType] ?? 9) - (RANK[b.assetType] ?? 9));
  for (const parent of ordered) {
    if (parent.assetType === 'algorithm') continue;
    const stack = partsOf(parent);
    const seen = new Set<string>();
    while (stack.length) {
      const ref = stack.pop()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const part = byRef.get(ref);
      if (!part || part.assetType === 'protocol' || part === parent) continue;
      for (const po of parent.occurrences) {
        const k = `${ref}\u0000${spot(po)}`;
        if (part.occurrences.some((o) => spot(o) === spot(po)) && !parentAt.has(k)) parentAt.set(k, parent);
      }
      stack.push(...partsOf(part));
    }
  }
  return parentAt;
}

/**
 * Every (finding, use case) pair of the inventory, in a stable order. Where the CBOM marks findings, the parts of a
 * finding are not findings of their own; elsewhere a part takes its parent's use cases (`parentsOf`).
 */
export function assignUseCases(
  inventory: Pick<CbomInventory, 'assets' | 'findingsMarked'>,
  verdicts: VerdictIndex,
): Exposure[] {
  const assets = inventory.assets;
  const parentAt = inventory.findingsMarked ? new Map<string, CryptoAsset>() : parentsOf(assets);
  const siblings = new Map<string, Set<string>>();
  for (const a of assets) {
    const p = verdicts.of(a).primitive;
    if (!p || a.assetType !== 'algorithm') continue;
    for (const o of a.occurrences) siblings.set(placeOf(o), new Set([...(siblings.get(placeOf(o)) ?? []), p]));
  }
  const out: Exposure[] = [];
  for (const asset of assets) {
    const v = verdicts.of(asset);
    for (const occ of asset.occurrences) {
      if (inventory.findingsMarked && occ.findingRef === undefined) continue;
      const parent = parentAt.get(`${asset.bomRef}\u0000${spot(occ)}`);
      const parentOcc = parent?.occurrences.find((o) => spot(o) === spot(occ));
      const assignments =
        parent && parentOcc
          ? assignOne(parent, parentOcc, verdicts.of(parent)).filter((a) => partServes(a.useCase, v, parent))
          : assignOne(asset, occ, v, siblings);
      for (const a of assignments) {
        const own = parent ? { ...a, weaknesses: a.weaknesses?.filter((w) => v.classicallyWeak.includes(w)) } : a;
        out.push({
          asset,
          occurrence: occ,
          useCase: own.useCase,
          group: own.group ?? '',
          why: parent ? `part of ${parent.name} (${parent.bomRef}): ${own.why}` : own.why,
          verdict: v,
          inEffect: inEffect(occ),
          needsWork: parent
            ? needsWork(own.useCase, v) || needsWork(own.useCase, verdicts.of(parent))
            : needsWork(own.useCase, v),
          weaknesses: own.weaknesses ?? [],
          ...(parent ? { parent: parent.bomRef } : {}),
        });
      }
    }
  }
  return out;
}
