/**
 * Host operations to time: @noble/post-quantum for ML-KEM/ML-DSA/SLH-DSA (Node 20's node:crypto has none: ML-DSA
 * arrived in Node v24.6.0, https://nodejs.org/en/blog/release/v24.6.0, and ML-KEM in v24.7.0,
 * https://nodejs.org/en/blog/release/v24.7.0, both on OpenSSL 3.5), node:crypto (OpenSSL) for classical baselines
 * and hash throughput.
 * Each op's setup runs untimed and returns the function to time; sizes come from the real outputs.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { ml_kem512, ml_kem768, ml_kem1024 } from '@noble/post-quantum/ml-kem.js';
import { slh_dsa_sha2_128f, slh_dsa_sha2_128s } from '@noble/post-quantum/slh-dsa.js';

export type Backend = '@noble/post-quantum' | 'node:crypto';

export interface Sizes {
  publicKey?: number;
  secretKey?: number;
  ciphertext?: number;
  signature?: number;
}

export interface HostOpContext {
  /** RSA keys are generated once by the parent (seconds for 3072 bits) and shared as PEM. */
  rsaPem?: Record<'rsa-2048' | 'rsa-3072', string>;
}

export interface HostOp {
  readonly id: string;
  readonly scheme: string;
  readonly op: string;
  readonly backend: Backend;
  /** Sign with rejection sampling: keep per-call times for mean / p99 / max. */
  readonly tail?: boolean;
  /** Seconds per call in JS: no warm-up, one call per process (one process in quick mode). */
  readonly heavy?: boolean;
  /** Bytes hashed per call, for throughput ops. */
  readonly bytesPerCall?: number;
  readonly needsRsa?: boolean;
  setup(ctx: HostOpContext): { run: () => unknown; sizes?: Sizes };
}

const MSG_POOL = 16;
const messages = () => Array.from({ length: MSG_POOL }, () => randomBytes(32));

interface Kem {
  keygen: () => { publicKey: Uint8Array; secretKey: Uint8Array };
  encapsulate: (pk: Uint8Array) => { cipherText: Uint8Array; sharedSecret: Uint8Array };
  decapsulate: (ct: Uint8Array, sk: Uint8Array) => Uint8Array;
}
interface Dsa {
  keygen: () => { publicKey: Uint8Array; secretKey: Uint8Array };
  sign: (msg: Uint8Array, sk: Uint8Array) => Uint8Array;
  verify: (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array) => boolean;
}

function kemOps(scheme: string, kem: Kem): HostOp[] {
  const sizesOf = () => {
    const k = kem.keygen();
    const { cipherText } = kem.encapsulate(k.publicKey);
    return { publicKey: k.publicKey.length, secretKey: k.secretKey.length, ciphertext: cipherText.length };
  };
  const base = { scheme, backend: '@noble/post-quantum' as const };
  return [
    { ...base, id: `${scheme}/keygen`, op: 'keygen', setup: () => ({ run: () => kem.keygen(), sizes: sizesOf() }) },
    {
      ...base,
      id: `${scheme}/encaps`,
      op: 'encaps',
      setup: () => {
        const { publicKey } = kem.keygen();
        return { run: () => kem.encapsulate(publicKey) };
      },
    },
    {
      ...base,
      id: `${scheme}/decaps`,
      op: 'decaps',
      setup: () => {
        const { publicKey, secretKey } = kem.keygen();
        const { cipherText } = kem.encapsulate(publicKey);
        return { run: () => kem.decapsulate(cipherText, secretKey) };
      },
    },
  ];
}

function dsaOps(scheme: string, dsa: Dsa, opts: { keygen: boolean; heavySign?: boolean; tail?: boolean }): HostOp[] {
  const base = { scheme, backend: '@noble/post-quantum' as const };
  const out: HostOp[] = [];
  if (opts.keygen)
    out.push({ ...base, id: `${scheme}/keygen`, op: 'keygen', setup: () => ({ run: () => dsa.keygen() }) });
  out.push({
    ...base,
    id: `${scheme}/sign`,
    op: 'sign',
    tail: opts.tail,
    heavy: opts.heavySign,
    setup: () => {
      const { secretKey } = dsa.keygen();
      const msgs = messages();
      let i = 0;
      return { run: () => dsa.sign(msgs[i++ % MSG_POOL]!, secretKey) };
    },
  });
  out.push({
    ...base,
    id: `${scheme}/verify`,
    op: 'verify',
    setup: () => {
      const { publicKey, secretKey } = dsa.keygen();
      const msg = randomBytes(32);
      const sig = dsa.sign(msg, secretKey);
      return {
        run: () => dsa.verify(sig, msg, publicKey),
        sizes: { publicKey: publicKey.length, secretKey: secretKey.length, signature: sig.length },
      };
    },
  });
  return out;
}

/** SLH-DSA-128s: one signature (seconds in JS) serves every verify; verify is measured from it. */
function slhVerifyFromOneSign(scheme: string, dsa: Dsa): HostOp {
  return dsaOps(scheme, dsa, { keygen: false }).find((o) => o.op === 'verify')!;
}

function nodeSig(
  id: string,
  scheme: string,
  keys: (ctx: HostOpContext) => { privateKey: KeyObject; publicKey: KeyObject },
  hash: string | null,
  needsRsa = false,
): HostOp[] {
  const base = { scheme, backend: 'node:crypto' as const, needsRsa };
  return [
    {
      ...base,
      id: `${id}/sign`,
      op: 'sign',
      setup: (ctx) => {
        const { privateKey } = keys(ctx);
        const msgs = messages();
        let i = 0;
        return { run: () => sign(hash, msgs[i++ % MSG_POOL]!, privateKey) };
      },
    },
    {
      ...base,
      id: `${id}/verify`,
      op: 'verify',
      setup: (ctx) => {
        const { privateKey, publicKey } = keys(ctx);
        const msg = randomBytes(32);
        const sig = sign(hash, msg, privateKey);
        return { run: () => verify(hash, msg, publicKey, sig) };
      },
    },
  ];
}

const rsaKeys = (bits: 'rsa-2048' | 'rsa-3072') => (ctx: HostOpContext) => {
  const pem = ctx.rsaPem?.[bits];
  if (!pem) throw new Error(`${bits} key not provided`);
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
};

function throughput(id: string, algorithm: string): HostOp {
  const bytes = 64 * 1024;
  return {
    id,
    scheme: algorithm,
    op: 'hash-64KiB',
    backend: 'node:crypto',
    bytesPerCall: bytes,
    setup: () => {
      const buf = randomBytes(bytes);
      return { run: () => createHash(algorithm).update(buf).digest() };
    },
  };
}

function dh(id: string, type: 'x25519' | 'ec'): HostOp {
  return {
    id: `${id}/derive`,
    scheme: id,
    op: 'keygen+derive',
    backend: 'node:crypto',
    setup: () => {
      const peer =
        type === 'x25519' ? generateKeyPairSync('x25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      return {
        run: () => {
          const mine =
            type === 'x25519' ? generateKeyPairSync('x25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
          return diffieHellman({ privateKey: mine.privateKey, publicKey: peer.publicKey });
        },
      };
    },
  };
}

/** The full host matrix, in run order (RSA last so the parent's key generation can overlap the PQ work). */
export const HOST_OPS: readonly HostOp[] = Object.freeze([
  ...kemOps('ml-kem-512', ml_kem512),
  ...kemOps('ml-kem-768', ml_kem768),
  ...kemOps('ml-kem-1024', ml_kem1024),
  ...dsaOps('ml-dsa-44', ml_dsa44, { keygen: true, tail: true }),
  ...dsaOps('ml-dsa-65', ml_dsa65, { keygen: true, tail: true }),
  ...dsaOps('ml-dsa-87', ml_dsa87, { keygen: true, tail: true }),
  ...dsaOps('slh-dsa-sha2-128f', slh_dsa_sha2_128f, { keygen: false }),
  slhVerifyFromOneSign('slh-dsa-sha2-128s', slh_dsa_sha2_128s),
  ...dsaOps('slh-dsa-sha2-128s', slh_dsa_sha2_128s, { keygen: false, heavySign: true }).filter((o) => o.op === 'sign'),
  dh('x25519', 'x25519'),
  dh('ecdh-p256', 'ec'),
  ...nodeSig('ecdsa-p256', 'ecdsa-p256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'sha256'),
  ...nodeSig('ed25519', 'ed25519', () => generateKeyPairSync('ed25519'), null),
  throughput('sha-256', 'sha256'),
  throughput('sha3-256', 'sha3-256'),
  ...nodeSig('rsa-2048', 'rsa-2048', rsaKeys('rsa-2048'), 'sha256', true),
  ...nodeSig('rsa-3072', 'rsa-3072', rsaKeys('rsa-3072'), 'sha256', true),
]);
