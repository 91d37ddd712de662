/**
 * What replaces what, per use case, as data: the bench use case that measures the replacement on the device and the
 * candidates in order of preference for each policy stance (default, hybrid required, CNSA 2.0). Selection picks the
 * first candidate whose bench verdict fits every device that runs the finding; when none does, it names the hardware
 * change with the bench numbers behind it.
 */
import type { Source } from '@pqready/core';
import type { FitCandidate, FitDimension, FitUseCase } from './device/bench.js';
import {
  CNSA_2_FAQ,
  IR_8547_HYBRID,
  MBEDTLS_CHANGELOG,
  NCCOE_INVENTORY,
  OPENSSH_HOST_KEYS,
  OPENSSH_MLKEM,
  PQUIP_CONSTRAINED,
  SP_800_131A,
  SP_800_208,
  TLS_ECDHE_MLKEM,
} from './policies/sources.js';
import type { UseCaseId } from './use-cases/table.js';

export type Stance = 'default' | 'hybrid-required' | 'cnsa';

export interface Option {
  /** Bench candidate id (fit matrix), or a label when nothing on the device runs it. */
  readonly candidate: string;
  readonly algorithm: string;
  readonly parameterSet: string;
  readonly mode: 'hybrid' | 'dual-signature' | 'pure' | 'composite' | 'upgrade' | 'remove';
  readonly note?: string;
  readonly sources: readonly Source[];
}

interface ReplacementRule {
  readonly useCase: UseCaseId;
  /** Only for findings of this protocol (SSH authenticates with host keys, not TLS certificates). */
  readonly protocol?: string;
  /** Bench use case measuring the replacement on the device; absent when the device does no public-key work for it. */
  readonly bench?: (group: string, onDevice: boolean) => string | undefined;
  readonly options: Readonly<Record<Stance, readonly Option[]>>;
}

const LMS: Option = {
  candidate: 'lms',
  algorithm: 'LMS (SP 800-208)',
  parameterSet: 'LMS_SHA256_M32_H10 (W4 costed; W8 for smaller signatures)',
  mode: 'pure',
  note: 'stateful signer: keys and signing in an HSM that never exports state, and a never-reuse policy for one-time keys (SP 800-208)',
  sources: [SP_800_208, CNSA_2_FAQ, PQUIP_CONSTRAINED],
};
const MLDSA = (level: 44 | 65 | 87, mode: Option['mode'] = 'dual-signature'): Option => ({
  candidate: `ml-dsa-${level}`,
  algorithm: `ML-DSA-${level} (FIPS 204)`,
  parameterSet: `ML-DSA-${level}`,
  mode,
  ...(mode === 'dual-signature'
    ? {
        note: 'sign images with ECDSA and ML-DSA during the transition; the bootloader must require the PQ signature, not merely tolerate it',
      }
    : {}),
  sources: [PQUIP_CONSTRAINED, IR_8547_HYBRID],
});
const SLH: Option = {
  candidate: 'slh-dsa-sha2-128s',
  algorithm: 'SLH-DSA (FIPS 205)',
  parameterSet: 'SLH-DSA-SHA2-128s',
  mode: 'pure',
  note: 'stateless hash-based; large signatures (7,856 B)',
  sources: [PQUIP_CONSTRAINED],
};
const XMSS: Option = {
  candidate: 'xmss',
  algorithm: 'XMSS (SP 800-208)',
  parameterSet: 'XMSS-SHA2_10_256',
  mode: 'pure',
  note: 'stateful signer (SP 800-208)',
  sources: [SP_800_208, CNSA_2_FAQ],
};

const KEX_HYBRID: Option = {
  candidate: 'x25519mlkem768',
  algorithm: 'X25519MLKEM768 hybrid key exchange',
  parameterSet: 'ML-KEM-768 + X25519',
  mode: 'hybrid',
  sources: [TLS_ECDHE_MLKEM, IR_8547_HYBRID],
};
const KEX_1024: Option = {
  candidate: 'ml-kem-1024',
  algorithm: 'ML-KEM-1024 key exchange (FIPS 203)',
  parameterSet: 'ML-KEM-1024',
  mode: 'pure',
  sources: [CNSA_2_FAQ],
};

const AUTH = (kem: string, sig: string, label: string, mode: Option['mode']): Option => ({
  candidate: `${kem}+${sig}`,
  algorithm: label,
  parameterSet: label,
  mode,
  sources: [PQUIP_CONSTRAINED, IR_8547_HYBRID],
});

const IDENTITY = (level: 44 | 65 | 87, mode: Option['mode']): Option => ({
  candidate: `ml-dsa-${level}`,
  algorithm:
    mode === 'composite' ? `composite ML-DSA-${level} + ECDSA-P256 certificate` : `ML-DSA-${level} certificate`,
  parameterSet: `ML-DSA-${level}`,
  mode,
  sources: [IR_8547_HYBRID],
});

const REMOVE: Option = {
  candidate: 'remove',
  algorithm: 'disable in the build once stages 2–4 have replaced every user',
  parameterSet: '—',
  mode: 'remove',
  sources: [SP_800_131A],
};
const IDENTIFY: Option = {
  candidate: 'identify',
  algorithm: 'name the algorithm decided at run time, then plan it like its use case',
  parameterSet: '—',
  mode: 'upgrade',
  sources: [NCCOE_INVENTORY],
};

const same = (list: readonly Option[]): Record<Stance, readonly Option[]> => ({
  default: list,
  'hybrid-required': list,
  cnsa: list,
});

export const REPLACEMENT_RULES: readonly ReplacementRule[] = Object.freeze([
  {
    useCase: 'secure-boot-update',
    bench: (group) => (group === 'update' ? 'firmware-update-verify' : 'secure-boot-verify'),
    options: {
      default: [LMS, MLDSA(65), SLH, MLDSA(44)],
      // Hash-based signatures may stand alone under BSI and ANSSI; ML-DSA goes with a classical signature.
      'hybrid-required': [LMS, SLH, MLDSA(65)],
      cnsa: [LMS, XMSS, MLDSA(87, 'pure')],
    },
  },
  {
    useCase: 'transport-key-exchange',
    bench: () => 'key-exchange',
    options: {
      default: [KEX_HYBRID],
      'hybrid-required': [KEX_HYBRID],
      cnsa: [KEX_1024],
    },
  },
  {
    useCase: 'transport-authentication',
    protocol: 'ssh',
    options: same([
      {
        candidate: 'ssh-pq-host-keys',
        algorithm: 'a post-quantum host-key algorithm, once the SSH stack offers one',
        parameterSet: '—',
        mode: 'upgrade',
        note: 'OpenSSH offers no post-quantum host-key algorithm yet: keep host keys rotatable and their algorithms configurable, and move key exchange to mlkem768x25519-sha256 now (stage 2)',
        sources: [OPENSSH_HOST_KEYS],
      },
    ]),
  },
  {
    useCase: 'transport-authentication',
    bench: () => 'tls-client-handshake',
    options: {
      default: [
        AUTH('x25519mlkem768', 'ml-dsa-65', 'ML-DSA-65 certificates with X25519MLKEM768 (TLS 1.3)', 'pure'),
        AUTH('x25519mlkem768', 'ml-dsa-44', 'ML-DSA-44 certificates with X25519MLKEM768 (TLS 1.3)', 'pure'),
        // Smallest NIST-acceptable pair (categories 1 and 2) for links whose byte budget rules out the hybrid group.
        AUTH('ml-kem-512', 'ml-dsa-44', 'ML-DSA-44 certificates with ML-KEM-512 (TLS 1.3)', 'pure'),
      ],
      'hybrid-required': [
        AUTH(
          'x25519mlkem768',
          'mldsa65-ecdsa-p256-sha512',
          'composite ML-DSA-65 + ECDSA-P256 certificates with X25519MLKEM768',
          'composite',
        ),
      ],
      cnsa: [AUTH('ml-kem-1024', 'ml-dsa-87', 'ML-DSA-87 certificates with ML-KEM-1024', 'pure')],
    },
  },
  {
    useCase: 'identity-pki',
    bench: (_group, onDevice) => (onDevice ? 'device-identity-signing' : undefined),
    options: {
      default: [IDENTITY(65, 'pure'), IDENTITY(44, 'pure')],
      'hybrid-required': [IDENTITY(65, 'composite')],
      cnsa: [IDENTITY(87, 'pure')],
    },
  },
  { useCase: 'library-config', options: same([REMOVE]) },
  { useCase: 'unidentified', options: same([IDENTIFY]) },
] satisfies readonly ReplacementRule[]);

/** Symmetric and hash upgrades, and classical weaknesses, by weakness flag or primitive. */
export const UPGRADES: Readonly<Record<string, { readonly to: string; readonly cnsa?: string }>> = {
  des: { to: 'AES-128-GCM', cnsa: 'AES-256-GCM' },
  '3des': { to: 'AES-128-GCM', cnsa: 'AES-256-GCM' },
  rc2: { to: 'AES-128-GCM', cnsa: 'AES-256-GCM' },
  rc4: { to: 'AES-128-GCM or ChaCha20-Poly1305', cnsa: 'AES-256-GCM' },
  'ecb-mode': { to: 'an authenticated mode (AES-GCM or AES-CCM)' },
  md2: { to: 'SHA-256', cnsa: 'SHA-384' },
  md4: { to: 'SHA-256', cnsa: 'SHA-384' },
  md5: { to: 'SHA-256', cnsa: 'SHA-384' },
  sha1: { to: 'SHA-256', cnsa: 'SHA-384' },
  'sha1-signature': { to: 'signatures over SHA-256 (or the PQ replacement of stage 3/4)' },
  'rsa-below-2048': { to: 'the PQ replacement of its use case now (RSA below 2048 bits is disallowed)' },
  'dsa-below-2048': { to: 'the PQ replacement of its use case now' },
  'dh-below-2048': { to: 'the hybrid key exchange of stage 2 now' },
  'key-below-112': { to: 'AES-128 or stronger' },
  'p-192': { to: 'the PQ replacement of its use case now' },
  dsa: { to: 'ECDSA or EdDSA signatures (FIPS 186-5), then the PQ replacement of stage 4' },
  'tls-below-1.2': { to: 'TLS 1.2 as the minimum (1.3 preferred)' },
  'cbc-sha1': { to: 'AEAD suites only (AES-GCM, ChaCha20-Poly1305)' },
  'static-rsa-kex': { to: 'ECDHE/hybrid key exchange only' },
  'sha1-or-md5-mac': { to: 'hmac-sha2-256-etm@openssh.com / hmac-sha2-512-etm@openssh.com' },
  'sha1-kex': { to: 'key exchange without SHA-1 (mlkem768x25519-sha256, curve25519-sha256)' },
  'sha1-host-key': { to: 'host keys signed with SHA-2 (rsa-sha2-256/512, Ed25519)' },
  'seclevel-0': { to: 'OpenSSL security level 2 or higher' },
  'null-cipher': { to: 'encrypting suites only' },
  'anonymous-auth': { to: 'authenticated suites only' },
  'weak-cipher': { to: 'AES-GCM or ChaCha20-Poly1305' },
  'ssh-1': { to: 'SSH protocol 2 only' },
  ikev1: { to: 'IKEv2' },
  'block-cipher': { to: 'AES-256', cnsa: 'AES-256' },
  ae: { to: 'AES-256-GCM', cnsa: 'AES-256-GCM' },
  hash: { to: 'SHA-384', cnsa: 'SHA-384' },
  mac: { to: 'HMAC-SHA-384', cnsa: 'HMAC-SHA-384' },
  kdf: { to: 'HKDF-SHA-384', cnsa: 'HKDF-SHA-384' },
};

/** How people name the algorithm weaknesses of core's `classicalWeaknesses` (protocol ones name themselves). */
export const WEAKNESS_NAMES: Readonly<Record<string, string>> = {
  des: 'DES',
  '3des': '3DES',
  rc2: 'RC2',
  rc4: 'RC4',
  md2: 'MD2',
  md4: 'MD4',
  md5: 'MD5',
  sha1: 'SHA-1',
  'sha1-signature': 'signatures over SHA-1',
  'ecb-mode': 'ECB mode',
  'rsa-below-2048': 'RSA below 2048 bits',
  'dsa-below-2048': 'DSA below 2048 bits',
  'dh-below-2048': 'Diffie-Hellman below 2048 bits',
  'key-below-112': 'keys below 112 bits',
  'p-192': 'P-192',
  dsa: 'DSA',
  export: 'export-grade ciphers',
};

/** Notes a finding's library earns: facts about the library's PQ support, each with its source. */
export const LIBRARY_NOTES: readonly {
  readonly library: RegExp;
  readonly useCases: readonly UseCaseId[];
  readonly text: string;
  readonly source: Source;
}[] = [
  {
    library: /^mbed ?tls|^psa/i,
    useCases: ['transport-key-exchange', 'transport-authentication', 'identity-pki'],
    text: 'Mbed TLS has no ML-KEM or ML-DSA (4.1.0 tree): a PQ-capable TLS stack or crypto provider is needed on this device',
    source: MBEDTLS_CHANGELOG,
  },
  {
    library: /^mbed ?tls|^psa/i,
    useCases: ['secure-boot-update'],
    text: 'Mbed TLS verifies LMS (LMS_SHA256_M32_H10) since 3.3.0; it has no ML-DSA',
    source: MBEDTLS_CHANGELOG,
  },
  {
    library: /^openssh/i,
    useCases: ['transport-key-exchange'],
    text: 'OpenSSH 9.9 and later offer mlkem768x25519-sha256: upgrade the gateway’s OpenSSH and list it first in KexAlgorithms',
    source: OPENSSH_MLKEM,
  },
];

export interface Feasibility {
  readonly device: string;
  readonly benchUseCase: string;
  readonly candidate?: string;
  readonly title?: string;
  readonly verdict: string;
  readonly timeMs?: FitDimension;
  readonly stackBytes?: FitDimension;
  readonly codeBytes?: FitDimension;
  readonly wireBytes?: FitDimension;
  /** When nothing fits: the change of hardware the numbers call for. */
  readonly hardwareChange?: string;
  /** When nothing fits and the device hashes in software: what the bench estimates with a SHA-256 engine. */
  readonly withHashEngine?: string;
  /** The bench's own sentences on a verdict other than `fits` (`no reference data for X25519MLKEM768 on cortex-a53`). */
  readonly why: readonly string[];
  readonly sources: readonly string[];
}

// The bench's `unknown` (no dimension over budget, one without published data) may fit like `tight`: measure on target.
const RANK: Record<string, number> = {
  fits: 0,
  tight: 1,
  unknown: 1,
  'no-budget': 2,
  'does-not-fit': 3,
  unavailable: 4,
};
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const kib = (bytes: number) => `${fmt(bytes / 1024)} KiB`;

/** The part of a candidate's time spent hashing the image or message (`message hash: …`, `pre-hash: …`). */
const hashPart = (c: FitCandidate) => c.timeParts.find((t) => /^(message hash|pre-hash):/.test(t.label));

const HASH_NAMES: Readonly<Record<string, string>> = {
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  shake256: 'SHAKE256',
  sha3: 'SHA3',
};

/** `message hash: sha256 over 768 KiB (software)` → `hashing the 768 KiB image with SHA-256 in software`. */
function hashWords(label: string): string {
  const m = /^(?:message hash|pre-hash): (\w+) over (.+?) \((software|engine)\)$/.exec(label);
  if (!m) return label;
  return `hashing the ${m[2]} image with ${HASH_NAMES[m[1]!] ?? m[1]} ${m[3] === 'engine' ? 'on its engine' : 'in software'}`;
}

/** A bench verdict in words: `unknown` means no dimension is over budget but one has no published data. */
function verdictWords(f: Pick<Feasibility, 'verdict' | 'stackBytes' | 'codeBytes'>): string {
  if (f.verdict !== 'unknown') return f.verdict.replace(/-/g, ' ');
  const missing = [
    ...(f.stackBytes?.point === undefined ? ['RAM'] : []),
    ...(f.codeBytes?.point === undefined ? ['code size'] : []),
  ];
  return missing.length
    ? `within the time budget; its ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not published (measure on target)`
    : 'unknown';
}

/** The classical algorithm the device runs today for this use case, as the bench costs it. */
const baselineOf = (u: FitUseCase | undefined) =>
  [...(u?.candidates ?? [])]
    .filter((c) => !c.quantumSafe && c.timeMs.point !== undefined)
    .sort((a, b) => a.timeMs.point! - b.timeMs.point!)[0];

/**
 * The hardware change a failing candidate calls for, dimension by dimension, with the numbers. When hashing the
 * image dominates the time, it says so, and whether today's classical algorithm fits either: then the signature
 * scheme is not what breaks the budget.
 */
function hardwareChange(c: FitCandidate, useCase?: FitUseCase): string {
  const parts: string[] = [];
  const t = c.timeMs;
  if (t.verdict === 'does-not-fit' && t.point !== undefined && t.budget !== undefined) {
    const hash = hashPart(c);
    const base = baselineOf(useCase);
    if (hash && hash.point >= t.budget / 2) {
      const today =
        base && base.timeMs.verdict === 'does-not-fit'
          ? `; today's ${base.title.replace(/ \(classical baseline\)$/, '')} takes ${fmt(base.timeMs.point!)} ms, over the budget as well`
          : '';
      parts.push(
        `${fmt(t.point / t.budget)}× the time budget (${fmt(t.point)} ms vs ${fmt(t.budget)} ms), of which ${hashWords(hash.label)} takes ${fmt(hash.point)} ms (${fmt(hash.low)}–${fmt(hash.high)})${today}: a hash engine or a larger budget, rather than another signature scheme`,
      );
    } else
      parts.push(
        `${fmt(t.point / t.budget)}× the time budget (${fmt(t.point)} ms vs ${fmt(t.budget)} ms): a faster core, a higher clock or a hash/lattice accelerator`,
      );
  }
  const st = c.stackBytes;
  if (st.verdict === 'does-not-fit' && st.point !== undefined && st.budget !== undefined)
    parts.push(`${kib(st.point - st.budget)} more RAM (${kib(st.point)} needed, ${kib(st.budget)} budgeted)`);
  const co = c.codeBytes;
  if (co.verdict === 'does-not-fit' && co.point !== undefined && co.budget !== undefined)
    parts.push(`${kib(co.point - co.budget)} more flash (${kib(co.point)} needed, ${kib(co.budget)} budgeted)`);
  const w = c.wireBytes;
  if (w.verdict === 'does-not-fit' && w.point !== undefined && w.budget !== undefined)
    parts.push(`a link budget of ${fmt(w.point)} bytes per handshake (${fmt(w.budget)} budgeted)`);
  return parts.length ? parts.join('; ') : `no budget dimension could be checked (${c.verdict})`;
}

function feasibilityOf(device: string, bench: string, u: FitUseCase | undefined, id: string): Feasibility {
  const c = u?.candidates.find((x) => x.id === id);
  if (!c)
    return {
      device,
      benchUseCase: bench,
      verdict: 'unavailable',
      why: ['the bench does not cost this candidate'],
      sources: [],
    };
  return {
    device,
    benchUseCase: bench,
    candidate: c.id,
    title: c.title,
    verdict: c.verdict,
    timeMs: c.timeMs,
    stackBytes: c.stackBytes,
    codeBytes: c.codeBytes,
    wireBytes: c.wireBytes,
    ...(c.verdict === 'does-not-fit' ? { hardwareChange: hardwareChange(c, u) } : {}),
    why: c.verdict === 'fits' ? [] : c.why,
    sources: [...new Set(c.sources.map((s) => s.title))].sort(),
  };
}

/**
 * The same choice on a device given a SHA-256 engine (the bench re-run with `accelerators.sha256: true`): one
 * sentence naming the option that fits there and its numbers, or undefined when a hash engine would not help.
 */
export function withHashEngine(
  options: readonly Option[],
  bench: string,
  fits: readonly FitUseCase[],
): string | undefined {
  const sel = select(options, bench, [{ id: 'what-if', fits }]);
  const f = sel.feasibility[0];
  const t = f?.timeMs;
  if (sel.nothingFits || !f || t?.point === undefined) return undefined;
  const range = t.low !== undefined && t.high !== undefined ? ` (${fmt(t.low)}–${fmt(t.high)})` : '';
  return `with a SHA-256 engine (bench estimate with accelerators.sha256: true), ${f.title ?? sel.option.algorithm} takes ${fmt(t.point)} ms${range} of ${fmt(t.budget ?? 0)} ms: ${verdictWords(f)}`;
}

export interface Selection {
  readonly option: Option;
  /** True when no option fits on a device that runs the finding. */
  readonly nothingFits: boolean;
  readonly feasibility: readonly Feasibility[];
}

/** How far a candidate is over its budgets: the largest ratio of point to budget among the failing dimensions. */
function overshoot(c: FitCandidate | undefined): number {
  if (!c) return Number.POSITIVE_INFINITY;
  const dims = [c.timeMs, c.stackBytes, c.codeBytes, c.wireBytes].filter(
    (d) => d.verdict === 'does-not-fit' && d.point !== undefined && d.budget,
  );
  return dims.length ? Math.max(...dims.map((d) => d.point! / d.budget!)) : 1;
}

/**
 * Picks the first option that fits on every device (then the first that is at worst tight, then one without a
 * budget); when none, the option that misses its budgets by the least, with the hardware change it needs.
 */
export function select(
  options: readonly Option[],
  bench: string | undefined,
  devices: readonly { readonly id: string; readonly fits: readonly FitUseCase[] }[],
): Selection {
  const first = options[0]!;
  if (!bench || devices.length === 0) return { option: first, nothingFits: false, feasibility: [] };
  const useCase = (d: (typeof devices)[number]) => d.fits.find((u) => u.id === bench);
  const lookup = (d: (typeof devices)[number], id: string) => useCase(d)?.candidates.find((c) => c.id === id);
  const worst = (o: Option) =>
    Math.max(...devices.map((d) => RANK[lookup(d, o.candidate)?.verdict ?? 'unavailable'] ?? 4));
  const ranked = options.map((o, i) => ({ o, i, w: worst(o) })).sort((a, b) => a.w - b.w || a.i - b.i);
  let chosen = ranked[0]!;
  // `unavailable` means the bench has no data for this core: unknown, not "does not fit".
  let nothingFits = chosen.w === RANK['does-not-fit']!;
  if (nothingFits) {
    // The option that misses by the least on its worst device: the smallest hardware change.
    const miss = (o: Option) => Math.max(...devices.map((d) => overshoot(lookup(d, o.candidate))));
    const known = ranked.filter((r) => r.w === RANK['does-not-fit']!);
    if (known.length) chosen = [...known].sort((a, b) => miss(a.o) - miss(b.o) || a.i - b.i)[0]!;
    else {
      // None of the options is costed: name what a device would need for the bench's least-failing candidate.
      const any = devices
        .flatMap((d) => useCase(d)?.candidates ?? [])
        .filter((c) => c.quantumSafe)
        .sort((a, b) => overshoot(a) - overshoot(b));
      const alt = options.find((o) => o.candidate === any[0]?.id);
      if (alt) chosen = { o: alt, i: options.indexOf(alt), w: worst(alt) };
    }
    nothingFits = chosen.w === RANK['does-not-fit']!;
  }
  return {
    option: chosen.o,
    nothingFits,
    feasibility: devices.map((d) => feasibilityOf(d.id, bench, useCase(d), chosen.o.candidate)),
  };
}
