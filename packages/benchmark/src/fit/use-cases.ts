/**
 * Use cases and their candidates: which operations each candidate runs on the device, which hash it runs over the
 * firmware image, which buffers it holds at its peak, and how many bytes it puts on the wire. Candidates that only
 * make sense with a hash engine (HashML-DSA) appear only when the profile declares one.
 */
import type { Source } from '@pqready/core';
import { type Maturity, schemeInfo } from '../catalog/schemes.js';
import type { Budgets, DeviceProfile, HashId, Operation, SchemeId, TlsSettings } from '../catalog/types.js';
import {
  type AuthSizes,
  clientVerifications,
  DER_OVERHEAD_SOURCE,
  type KeyShares,
  RFC8446,
  type TlsBytes,
  tlsHandshakeBytes,
} from './tls.js';

export type UseCaseId =
  | 'secure-boot-verify'
  | 'firmware-update-verify'
  | 'key-exchange'
  | 'tls-client-handshake'
  | 'device-identity-signing';

export interface OpCount {
  readonly scheme: SchemeId;
  readonly op: Operation;
  readonly count: number;
}

export interface Buffer {
  readonly label: string;
  readonly bytes: number;
}

export interface CandidateSpec {
  readonly id: string;
  readonly title: string;
  readonly ops: readonly OpCount[];
  /** Post-quantum components: their minimum NIST category bounds the candidate's. */
  readonly pq: readonly SchemeId[];
  readonly quantumSafe: boolean;
  /** Every post-quantum part is paired with a classical one (composite signature, hybrid key exchange). */
  readonly hybrid: boolean;
  readonly maturity: Maturity;
  /** The hash run over the firmware image (verify use cases). */
  readonly imageHash?: HashId;
  /** A pre-hash outside the signature caps the category at the hash's collision strength. */
  readonly preHash?: HashId;
  /** Bytes held in RAM next to the peak stack. */
  readonly buffers: readonly Buffer[];
  readonly wireBytes?: number;
  readonly tls?: TlsBytes;
  readonly note?: string;
  readonly sources: readonly Source[];
}

export interface UseCaseSpec {
  readonly id: UseCaseId;
  readonly title: string;
  readonly timeBudget: keyof Budgets;
  readonly candidates: (profile: DeviceProfile) => readonly CandidateSpec[];
}

/** NIST IR 8547 ipd Table 7: collision strength category of each hash (SHA-256 2, SHA-384 4, SHA-512 and SHAKE256 5). */
export const HASH_COLLISION_CATEGORY: Readonly<Record<HashId, 2 | 4 | 5>> = Object.freeze({
  sha256: 2,
  sha512: 5,
  shake256: 5,
});
export const IR8547: Source = {
  title: 'NIST IR 8547 ipd, Table 7 (hash collision strength categories)',
  url: 'https://doi.org/10.6028/NIST.IR.8547.ipd',
  confidence: 'secondary',
};
const FIPS204_PREHASH: Source = {
  title: 'FIPS 204 §5.4 (HashML-DSA: the pre-hash must offer λ bits of collision strength)',
  url: 'https://doi.org/10.6028/NIST.FIPS.204',
  confidence: 'primary',
};
const COMPOSITE_DRAFT: Source = {
  title: 'draft-ietf-lamps-pq-composite-sigs (composite ML-DSA: pre-hash PH, component signatures concatenated)',
  url: 'https://datatracker.ietf.org/doc/draft-ietf-lamps-pq-composite-sigs/',
  confidence: 'primary',
};
const ECDHE_MLKEM_DRAFT: Source = {
  title:
    'draft-ietf-tls-ecdhe-mlkem: X25519MLKEM768 1216/1120, SecP256r1MLKEM768 1249/1153, SecP384r1MLKEM1024 1665/1665 bytes',
  url: 'https://datatracker.ietf.org/doc/draft-ietf-tls-ecdhe-mlkem/',
  confidence: 'primary',
};
const MLKEM_TLS_DRAFT: Source = {
  title: 'draft-ietf-tls-mlkem (pure ML-KEM groups: encapsulation key / ciphertext as key shares)',
  url: 'https://datatracker.ietf.org/doc/draft-ietf-tls-mlkem/',
  confidence: 'primary',
};

const MATURITY_ORDER: Maturity[] = ['fips', 'sp800-208', 'draft', 'classical'];
const leastMature = (ms: Maturity[]): Maturity =>
  ms.reduce((w, m) => (MATURITY_ORDER.indexOf(m) > MATURITY_ORDER.indexOf(w) ? m : w), 'fips' as Maturity);

const info = schemeInfo;
const sig = (s: SchemeId) => info(s).signature ?? 0;
const pk = (s: SchemeId) => info(s).publicKey;
const sk = (s: SchemeId) => info(s).secretKey ?? 0;
const wireSig = (s: SchemeId) => info(s).derSignature ?? sig(s);

/** A signature option: one scheme, or a composite (ML-DSA + ECDSA over a pre-hash). */
interface SignatureOption {
  readonly id: string;
  readonly title: string;
  readonly schemes: readonly SchemeId[];
  readonly pq: readonly SchemeId[];
  readonly hybrid: boolean;
  readonly preHash?: HashId;
  readonly imageHash?: HashId;
  readonly note?: string;
  readonly sources: readonly Source[];
}

const single = (s: SchemeId, extra: Partial<SignatureOption> = {}): SignatureOption => ({
  id: s,
  title: info(s).quantumSafe ? info(s).title : `${info(s).title} (classical baseline)`,
  schemes: [s],
  pq: info(s).quantumSafe ? [s] : [],
  hybrid: false,
  imageHash: info(s).messageHash,
  sources: [info(s).source],
  ...extra,
});

/** draft-ietf-lamps-pq-composite-sigs: id-MLDSA44-ECDSA-P256-SHA256 (.40), -MLDSA65-ECDSA-P256-SHA512 (.45), -MLDSA87-ECDSA-P384-SHA512 (.49). */
const COMPOSITES: readonly SignatureOption[] = (
  [
    ['mldsa44-ecdsa-p256-sha256', 'ml-dsa-44', 'ecdsa-p256', 'sha256'],
    ['mldsa65-ecdsa-p256-sha512', 'ml-dsa-65', 'ecdsa-p256', 'sha512'],
    ['mldsa87-ecdsa-p384-sha512', 'ml-dsa-87', 'ecdsa-p384', 'sha512'],
  ] as const
).map(([id, ml, ec, ph]) => ({
  id,
  title: `composite ${info(ml).title} + ${info(ec).title} (${ph === 'sha256' ? 'SHA-256' : 'SHA-512'})`,
  schemes: [ml, ec],
  pq: [ml],
  hybrid: true,
  preHash: ph,
  imageHash: ph,
  sources: [COMPOSITE_DRAFT, info(ml).source],
}));

export const compositeSizes = (o: SignatureOption): AuthSizes => ({
  publicKey: o.schemes.reduce((n, s) => n + pk(s), 0),
  signature: o.schemes.reduce((n, s) => n + wireSig(s), 0),
});

/** HashML-DSA with a pre-hash whose collision strength matches the parameter set (FIPS 204 §5.4), on an engine. */
function hashMlDsaOptions(profile: DeviceProfile): SignatureOption[] {
  const a = profile.accelerators ?? {};
  const out: SignatureOption[] = [];
  if (a.sha256)
    out.push(
      single('ml-dsa-44', {
        id: 'hash-ml-dsa-44-sha256',
        title: 'HashML-DSA-44 with SHA-256 (engine)',
        preHash: 'sha256',
        imageHash: 'sha256',
        note: 'FIPS 204 §5.4 pre-hash; SHA-256 matches ML-DSA-44 (128-bit collision strength); not the registered X.509 OID (…3.4.3.32 is SHA-512)',
        sources: [FIPS204_PREHASH, info('ml-dsa-44').source],
      }),
    );
  if (a.sha512)
    for (const s of ['ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87'] as const)
      out.push(
        single(s, {
          id: `hash-${s}-sha512`,
          title: `Hash${info(s).title} with SHA-512 (engine)`,
          preHash: 'sha512',
          imageHash: 'sha512',
          note: `FIPS 204 §5.4 pre-hash, registered as id-hash-${s}-with-sha512`,
          sources: [FIPS204_PREHASH, info(s).source],
        }),
      );
  return out;
}

/** One signature option as a verify or sign candidate; the image hash only matters when verifying an image. */
function signatureCandidate(o: SignatureOption, op: 'verify' | 'sign', buffers: Buffer[]): CandidateSpec {
  return {
    id: o.id,
    title: o.title,
    ops: o.schemes.map((scheme) => ({ scheme, op, count: 1 })),
    pq: o.pq,
    quantumSafe: o.pq.length > 0,
    hybrid: o.hybrid,
    maturity: leastMature(o.schemes.map((s) => info(s).maturity)),
    ...(op === 'verify' && o.imageHash ? { imageHash: o.imageHash } : {}),
    ...(o.preHash ? { preHash: o.preHash } : {}),
    buffers,
    wireBytes: compositeSizes(o).signature,
    ...(o.note ? { note: o.note } : {}),
    sources: o.sources,
  };
}

const STATEFUL_NOTE = 'stateful signer (SP 800-208): the signing side must never reuse a one-time key; ' as const;

function verifyCandidates(profile: DeviceProfile): CandidateSpec[] {
  const options: SignatureOption[] = [
    ...(['ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87'] as const).map((s) => single(s)),
    ...hashMlDsaOptions(profile),
    ...(['fn-dsa-512', 'fn-dsa-1024'] as const).map((s) =>
      single(s, { note: 'FN-DSA (Falcon) is still a draft standard (FIPS 206)' }),
    ),
    ...(['sha2', 'shake'] as const).flatMap((h) =>
      (['128s', '128f', '192s', '192f', '256s', '256f'] as const).map((set) => single(`slh-dsa-${h}-${set}`)),
    ),
    ...(['lms', 'lms-h10-w8', 'lms-h15-w8', 'lms-h20-w8', 'hss-l2-h10-w8', 'hss-l2-h20-w8'] as const).map((s) =>
      single(s, { note: `${STATEFUL_NOTE}2^${info(s).stateful?.height} signatures per key` }),
    ),
    ...(['xmss', 'xmss-h16', 'xmss-h20', 'xmssmt-h20-d2', 'xmssmt-h40-d4'] as const).map((s) =>
      single(s, { note: `${STATEFUL_NOTE}2^${info(s).stateful?.height} signatures per key` }),
    ),
    ...COMPOSITES,
    single('ecdsa-p256'),
    single('ecdsa-p384'),
  ];
  return options.map((o) => {
    const sizes = compositeSizes(o);
    return signatureCandidate(o, 'verify', [
      { label: 'public key', bytes: sizes.publicKey },
      { label: 'signature', bytes: sizes.signature },
    ]);
  });
}

interface KexOption {
  readonly id: string;
  readonly title: string;
  readonly ops: readonly OpCount[];
  readonly pq: readonly SchemeId[];
  readonly hybrid: boolean;
  readonly shares: KeyShares;
  /** Secret state the client holds until the server share arrives. */
  readonly secretBytes: number;
  readonly sources: readonly Source[];
}

const kemOps = (s: SchemeId): OpCount[] => [
  { scheme: s, op: 'keygen', count: 1 },
  { scheme: s, op: 'decaps', count: 1 },
];
const mlkem = (s: SchemeId): KexOption => ({
  id: s,
  title: info(s).title,
  ops: kemOps(s),
  pq: [s],
  hybrid: false,
  shares: { client: pk(s), server: info(s).ciphertext ?? 0 },
  secretBytes: sk(s),
  sources: [info(s).source, MLKEM_TLS_DRAFT],
});
const ecdhOps = (s: SchemeId): OpCount[] =>
  s === 'x25519'
    ? [{ scheme: s, op: 'derive', count: 2 }]
    : [
        { scheme: s, op: 'keygen', count: 1 },
        { scheme: s, op: 'derive', count: 1 },
      ];
const hybridKex = (
  id: string,
  title: string,
  kem: SchemeId,
  ecdh: SchemeId,
  client: number,
  server: number,
): KexOption => ({
  id,
  title,
  ops: [...kemOps(kem), ...ecdhOps(ecdh)],
  pq: [kem],
  hybrid: true,
  shares: { client, server },
  secretBytes: sk(kem) + sk(ecdh),
  sources: [ECDHE_MLKEM_DRAFT, info(kem).source],
});

const KEX: readonly KexOption[] = [
  hybridKex('x25519mlkem768', 'X25519MLKEM768', 'ml-kem-768', 'x25519', 1216, 1120),
  hybridKex('secp256r1mlkem768', 'SecP256r1MLKEM768', 'ml-kem-768', 'ecdh-p256', 1249, 1153),
  hybridKex('secp384r1mlkem1024', 'SecP384r1MLKEM1024', 'ml-kem-1024', 'ecdh-p384', 1665, 1665),
  mlkem('ml-kem-512'),
  mlkem('ml-kem-768'),
  mlkem('ml-kem-1024'),
];
const CLASSICAL_KEX: readonly KexOption[] = (['x25519', 'ecdh-p256'] as const).map((s) => ({
  id: s,
  title: `${info(s).title} (classical baseline)`,
  ops: ecdhOps(s),
  pq: [],
  hybrid: false,
  shares: { client: pk(s), server: pk(s) },
  secretBytes: sk(s),
  sources: [info(s).source],
}));

const kexCandidate = (k: KexOption): CandidateSpec => ({
  id: k.id,
  title: k.title,
  ops: k.ops,
  pq: k.pq,
  quantumSafe: k.pq.length > 0,
  hybrid: k.hybrid,
  maturity: k.pq.length > 0 ? 'fips' : 'classical',
  buffers: [
    { label: 'key share sent', bytes: k.shares.client },
    { label: 'key share received', bytes: k.shares.server },
    { label: 'secret key', bytes: k.secretBytes },
  ],
  wireBytes: k.shares.client + k.shares.server,
  sources: k.sources,
});

const TLS_AUTH: readonly SignatureOption[] = [
  ...(['ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87'] as const).map((s) => single(s)),
  ...COMPOSITES,
];

function tlsCandidate(k: KexOption, a: SignatureOption, settings: TlsSettings): CandidateSpec {
  const sizes = compositeSizes(a);
  const bytes = tlsHandshakeBytes(k.shares, sizes, settings);
  const verifies = clientVerifications(settings);
  const mutual = settings.mutualTls === true;
  const signKey = a.schemes.reduce((n, s) => n + sk(s), 0);
  return {
    id: `${k.id}+${a.id}`,
    title: `${k.title} + ${a.title}`,
    ops: [
      ...k.ops,
      ...a.schemes.map((scheme) => ({ scheme, op: 'verify' as const, count: verifies })),
      ...(mutual ? a.schemes.map((scheme) => ({ scheme, op: 'sign' as const, count: 1 })) : []),
    ],
    pq: [...k.pq, ...a.pq],
    quantumSafe: k.pq.length > 0 && a.pq.length > 0,
    hybrid: k.hybrid && a.hybrid,
    maturity: leastMature([...k.pq, ...a.schemes].map((s) => info(s).maturity)),
    ...(a.preHash ? { preHash: a.preHash } : {}),
    buffers: [
      { label: 'key-exchange secret', bytes: k.secretBytes },
      { label: 'server Certificate message', bytes: Math.ceil(bytes.serverCertificates.point) },
      ...(mutual ? [{ label: 'device signing key', bytes: signKey }] : []),
    ],
    tls: bytes,
    sources: [...k.sources, ...a.sources, RFC8446, DER_OVERHEAD_SOURCE],
  };
}

function tlsCandidates(profile: DeviceProfile): CandidateSpec[] {
  const settings = profile.tls ?? {};
  return [
    ...KEX.flatMap((k) => TLS_AUTH.map((a) => tlsCandidate(k, a, settings))),
    tlsCandidate(CLASSICAL_KEX[0]!, single('ecdsa-p256'), settings),
  ];
}

function signCandidates(): CandidateSpec[] {
  const options: SignatureOption[] = [
    ...(['ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87'] as const).map((s) => single(s)),
    ...(['fn-dsa-512', 'fn-dsa-1024'] as const).map((s) =>
      single(s, { note: 'FN-DSA (Falcon) is still a draft standard (FIPS 206); signing needs careful floating point' }),
    ),
    ...(['slh-dsa-sha2-128f', 'slh-dsa-sha2-128s', 'slh-dsa-shake-128f', 'slh-dsa-shake-128s'] as const).map((s) =>
      single(s),
    ),
    ...COMPOSITES,
    ...(['lms', 'lms-h10-w8', 'hss-l2-h10-w8', 'xmss', 'xmssmt-h20-d2'] as const).map((s) =>
      single(s, {
        note: `${STATEFUL_NOTE}2^${info(s).stateful?.height} signatures per key; the 4-byte index must reach non-volatile memory before each signature leaves the device (SP 800-208 §8.1)`,
      }),
    ),
    single('ecdsa-p256'),
  ];
  return options.map((o) =>
    signatureCandidate(o, 'sign', [
      { label: 'secret key', bytes: o.schemes.reduce((n, s) => n + sk(s), 0) },
      { label: 'signature', bytes: compositeSizes(o).signature },
    ]),
  );
}

export const USE_CASES: readonly UseCaseSpec[] = Object.freeze([
  {
    id: 'secure-boot-verify',
    title: 'Secure boot: verify the firmware signature, including image hashing',
    timeBudget: 'bootVerifyMs',
    candidates: verifyCandidates,
  },
  {
    id: 'firmware-update-verify',
    title: 'Firmware update: verify the update signature, including image hashing',
    timeBudget: 'updateVerifyMs',
    candidates: verifyCandidates,
  },
  {
    id: 'key-exchange',
    title: 'Key exchange (client): keygen + decapsulation',
    timeBudget: 'keyExchangeMs',
    candidates: () => [...KEX, ...CLASSICAL_KEX].map(kexCandidate),
  },
  {
    id: 'tls-client-handshake',
    title: 'TLS 1.3 client handshake: key exchange, certificate chain and CertificateVerify, bytes on the wire',
    timeBudget: 'tlsHandshakeMs',
    candidates: tlsCandidates,
  },
  {
    id: 'device-identity-signing',
    title: 'Device identity: one signature (ML-DSA judged on its signing-time percentile)',
    timeBudget: 'identitySignMs',
    candidates: signCandidates,
  },
] satisfies readonly UseCaseSpec[]);
