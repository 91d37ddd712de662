/**
 * Use cases and their candidates: which operations each candidate costs on the device, which image hash it needs,
 * and how many bytes it puts on the wire. TLS byte model: 2 public keys + 5 signatures (pqc-costs.md §5.5, S15);
 * the client verifies 3 signatures (CertificateVerify, leaf and intermediate certificates; SCTs not checked).
 */
import { schemeSizes } from '../catalog/sizes.js';
import type { Budgets, Operation, SchemeId } from '../catalog/types.js';
import type { ImageHash } from '../estimate/estimate.js';

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

export interface CandidateSpec {
  readonly id: string;
  readonly title: string;
  readonly ops: readonly OpCount[];
  /** Schemes whose security category bounds the candidate's strength (the PQ parts). */
  readonly pq: readonly SchemeId[];
  readonly quantumSafe: boolean;
  readonly imageHash?: ImageHash;
  readonly wireBytes?: number;
  readonly note?: string;
}

export interface UseCaseSpec {
  readonly id: UseCaseId;
  readonly title: string;
  readonly timeBudget: keyof Budgets;
  readonly hashesImage: boolean;
  readonly candidates: readonly CandidateSpec[];
}

/** Display names: upper-case ids except the SLH-DSA s/f suffix, as FIPS 205 writes them. */
export const schemeTitle = (s: SchemeId): string =>
  s.toUpperCase().replace(/128([SF])$/, (_m, x: string) => `128${x.toLowerCase()}`);

const sig = (s: SchemeId) => schemeSizes(s).signature ?? 0;
const pk = (s: SchemeId) => schemeSizes(s).publicKey;
const TLS_AUTH_KEYS = 2;
const TLS_AUTH_SIGS = 5;
const TLS_CLIENT_VERIFIES = 3;

interface KexOption {
  id: string;
  title: string;
  ops: OpCount[];
  pq: SchemeId[];
  quantumSafe: boolean;
  bytes: number;
}
interface AuthOption {
  id: string;
  title: string;
  schemes: SchemeId[];
  pq: SchemeId[];
  quantumSafe: boolean;
}

const mlkem = (s: SchemeId): KexOption => ({
  id: s,
  title: schemeTitle(s),
  ops: [
    { scheme: s, op: 'keygen', count: 1 },
    { scheme: s, op: 'decaps', count: 1 },
  ],
  pq: [s],
  quantumSafe: true,
  bytes: pk(s) + (schemeSizes(s).ciphertext ?? 0),
});

const KEX: KexOption[] = [
  {
    // draft-ietf-tls-ecdhe-mlkem: client share 1,184 + 32, server share 1,088 + 32.
    id: 'x25519mlkem768',
    title: 'X25519MLKEM768',
    ops: [...mlkem('ml-kem-768').ops, { scheme: 'x25519', op: 'derive', count: 2 }],
    pq: ['ml-kem-768'],
    quantumSafe: true,
    bytes: 1216 + 1120,
  },
  mlkem('ml-kem-512'),
  mlkem('ml-kem-768'),
  mlkem('ml-kem-1024'),
];
const X25519: KexOption = {
  id: 'x25519',
  title: 'X25519 (classical baseline)',
  ops: [{ scheme: 'x25519', op: 'derive', count: 2 }],
  pq: [],
  quantumSafe: false,
  bytes: 64,
};

const AUTH: AuthOption[] = [
  { id: 'ml-dsa-44', title: 'ML-DSA-44', schemes: ['ml-dsa-44'], pq: ['ml-dsa-44'], quantumSafe: true },
  { id: 'ml-dsa-65', title: 'ML-DSA-65', schemes: ['ml-dsa-65'], pq: ['ml-dsa-65'], quantumSafe: true },
  { id: 'ml-dsa-87', title: 'ML-DSA-87', schemes: ['ml-dsa-87'], pq: ['ml-dsa-87'], quantumSafe: true },
  {
    id: 'mldsa65-ecdsa-p256-sha512',
    title: 'composite ML-DSA-65 + ECDSA-P256',
    schemes: ['ml-dsa-65', 'ecdsa-p256'],
    pq: ['ml-dsa-65'],
    quantumSafe: true,
  },
];
const ECDSA_AUTH: AuthOption = {
  id: 'ecdsa-p256',
  title: 'ECDSA-P256 (classical baseline)',
  schemes: ['ecdsa-p256'],
  pq: [],
  quantumSafe: false,
};

const authBytes = (a: AuthOption) =>
  TLS_AUTH_KEYS * a.schemes.reduce((n, s) => n + pk(s), 0) + TLS_AUTH_SIGS * a.schemes.reduce((n, s) => n + sig(s), 0);

const tlsCandidate = (k: KexOption, a: AuthOption): CandidateSpec => ({
  id: `${k.id}+${a.id}`,
  title: `${k.title} + ${a.title}`,
  ops: [...k.ops, ...a.schemes.map((scheme) => ({ scheme, op: 'verify' as const, count: TLS_CLIENT_VERIFIES }))],
  pq: [...k.pq, ...a.pq],
  quantumSafe: k.quantumSafe && a.quantumSafe,
  wireBytes: k.bytes + authBytes(a),
});

const verifyCandidates = (): CandidateSpec[] => [
  ...(['ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87'] as const).map((s) => ({
    id: s,
    title: schemeTitle(s),
    ops: [{ scheme: s, op: 'verify' as const, count: 1 }],
    pq: [s],
    quantumSafe: true,
    imageHash: 'shake256' as const,
    wireBytes: sig(s),
  })),
  ...(['slh-dsa-sha2-128s', 'slh-dsa-sha2-128f'] as const).map((s) => ({
    id: s,
    title: schemeTitle(s),
    ops: [{ scheme: s, op: 'verify' as const, count: 1 }],
    pq: [s],
    quantumSafe: true,
    imageHash: 'sha256' as const,
    wireBytes: sig(s),
  })),
  {
    id: 'lms',
    title: 'LMS/HSS (SHA-256, H10, W4)',
    ops: [{ scheme: 'lms', op: 'verify', count: 1 }],
    pq: ['lms'],
    quantumSafe: true,
    imageHash: 'sha256',
    wireBytes: sig('lms'),
    note: 'stateful signer (SP 800-208): the signing side must never reuse a one-time key',
  },
  {
    id: 'xmss',
    title: 'XMSS (SHA2_10_256)',
    ops: [{ scheme: 'xmss', op: 'verify', count: 1 }],
    pq: ['xmss'],
    quantumSafe: true,
    imageHash: 'sha256',
    wireBytes: sig('xmss'),
    note: 'stateful signer (SP 800-208): the signing side must never reuse a one-time key',
  },
  {
    id: 'ecdsa-p256',
    title: 'ECDSA-P256 (classical baseline)',
    ops: [{ scheme: 'ecdsa-p256', op: 'verify', count: 1 }],
    pq: [],
    quantumSafe: false,
    imageHash: 'sha256',
    wireBytes: sig('ecdsa-p256'),
  },
];

export const USE_CASES: readonly UseCaseSpec[] = Object.freeze([
  {
    id: 'secure-boot-verify',
    title: 'Secure boot: verify the firmware signature, including image hashing',
    timeBudget: 'bootVerifyMs',
    hashesImage: true,
    candidates: verifyCandidates(),
  },
  {
    id: 'firmware-update-verify',
    title: 'Firmware update: verify the update signature, including image hashing',
    timeBudget: 'updateVerifyMs',
    hashesImage: true,
    candidates: verifyCandidates(),
  },
  {
    id: 'key-exchange',
    title: 'Key exchange (client): keygen + decapsulation',
    timeBudget: 'keyExchangeMs',
    hashesImage: false,
    candidates: [...KEX, X25519].map((k) => ({
      id: k.id,
      title: k.title,
      ops: k.ops,
      pq: k.pq,
      quantumSafe: k.quantumSafe,
      wireBytes: k.bytes,
    })),
  },
  {
    id: 'tls-client-handshake',
    title: 'TLS 1.3 client handshake: key exchange + 3 signature verifications',
    timeBudget: 'tlsHandshakeMs',
    hashesImage: false,
    candidates: [...KEX.flatMap((k) => AUTH.map((a) => tlsCandidate(k, a))), tlsCandidate(X25519, ECDSA_AUTH)],
  },
  {
    id: 'device-identity-signing',
    title: 'Device identity: one signature (ML-DSA budgeted on its tail)',
    timeBudget: 'identitySignMs',
    hashesImage: false,
    candidates: [
      ...(['ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87', 'slh-dsa-sha2-128f', 'slh-dsa-sha2-128s', 'ecdsa-p256'] as const).map(
        (s) => ({
          id: s,
          title: s === 'ecdsa-p256' ? 'ECDSA-P256 (classical baseline)' : schemeTitle(s),
          ops: [{ scheme: s, op: 'sign' as const, count: 1 }],
          pq: s === 'ecdsa-p256' ? [] : [s],
          quantumSafe: s !== 'ecdsa-p256',
          wireBytes: sig(s),
        }),
      ),
    ],
  },
] satisfies readonly UseCaseSpec[]);
