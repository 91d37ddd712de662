import { resolve } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { listFiles, runDetectors } from '../../c/test-support/context.js';
import { cCryptoImplementation } from './index.js';
import { SIGNATURE_BY_ID, type SignatureRow } from './table.js';

const row = (id: string): SignatureRow => SIGNATURE_BY_ID.get(id)!;
const values = (id: string): bigint[] => {
  const r = row(id);
  if (r.form === 'values') return [...r.values];
  if (r.form === 'literal-set') return [...r.literals];
  throw new Error(`${id} has no values`);
};
const hex = (id: string): string => {
  const r = row(id);
  if (r.form !== 'bytes') throw new Error(id);
  return r.hex;
};

function aesSbox(): number[] {
  const mul = (a: number, b: number) => {
    let p = 0;
    for (let i = 0; i < 8; i++) {
      if (b & 1) p ^= a;
      const hi = a & 0x80;
      a = (a << 1) & 0xff;
      if (hi) a ^= 0x1b;
      b >>= 1;
    }
    return p;
  };
  const inv = (x: number) => {
    if (x === 0) return 0;
    for (let y = 1; y < 256; y++) if (mul(x, y) === 1) return y;
    return 0;
  };
  const rotl = (x: number, n: number) => ((x << n) | (x >> (8 - n))) & 0xff;
  return Array.from({ length: 256 }, (_, x) => {
    const b = inv(x);
    return b ^ rotl(b, 1) ^ rotl(b, 2) ^ rotl(b, 3) ^ rotl(b, 4) ^ 0x63;
  });
}

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53];
function iroot(n: bigint, k: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)) + 1);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}
const frac = (p: number, root: bigint, bits: bigint) => iroot(BigInt(p) << (root * bits), root) & ((1n << bits) - 1n);

function keccakRc(): bigint[] {
  let r = 1;
  const bit = () => {
    const out = r & 1;
    r = (r << 1) ^ (r & 0x80 ? 0x171 : 0);
    return out;
  };
  return Array.from({ length: 24 }, () => {
    let rc = 0n;
    for (let j = 0; j < 7; j++) if (bit()) rc |= 1n << BigInt((1 << j) - 1);
    return rc;
  });
}

const brv = (x: number, bits: number) =>
  Number.parseInt(x.toString(2).padStart(bits, '0').split('').reverse().join(''), 2);
const powmod = (b: bigint, e: bigint, m: bigint) => {
  let r = 1n;
  let x = b % m;
  for (let k = e; k > 0n; k >>= 1n, x = (x * x) % m) if (k & 1n) r = (r * x) % m;
  return r;
};
const mod = (v: bigint, m: bigint) => ((v % m) + m) % m;

describe('constant table data (recomputed from the specs)', () => {
  it('AES S-box and inverse S-box (FIPS 197)', () => {
    const s = aesSbox();
    expect(values('aes-sbox').map(Number)).toEqual(s.slice(0, 16));
    const invS = new Array<number>(256);
    s.forEach((v, i) => {
      invS[v] = i;
    });
    expect(values('aes-inv-sbox').map(Number)).toEqual(invS.slice(0, 16));
  });

  it('MD5 sine table (RFC 1321)', () => {
    const t = [1, 2, 3, 4].map((i) => BigInt(Math.floor(Math.abs(Math.sin(i)) * 2 ** 32)));
    expect(values('md5-t')).toEqual(t);
  });

  it('SHA-2 constants are roots of primes (FIPS 180-4)', () => {
    expect(values('sha256-k')).toEqual(PRIMES.slice(0, 4).map((p) => frac(p, 3n, 32n)));
    expect(values('sha256-iv')).toEqual(PRIMES.slice(0, 8).map((p) => frac(p, 2n, 32n)));
    expect(values('sha512-k')).toEqual(PRIMES.slice(0, 4).map((p) => frac(p, 3n, 64n)));
    expect(values('sha512-iv')).toEqual(PRIMES.slice(0, 4).map((p) => frac(p, 2n, 64n)));
    expect(values('sha384-iv')).toEqual(PRIMES.slice(8, 12).map((p) => frac(p, 2n, 64n)));
    expect(values('sha224-iv')).toEqual(PRIMES.slice(8, 12).map((p) => frac(p, 2n, 64n) & 0xffffffffn));
  });

  it('Keccak round constants (FIPS 202)', () => {
    const rc = keccakRc();
    for (const v of values('keccak-rc')) expect(rc).toContain(v);
  });

  it('ML-KEM and ML-DSA zetas (FIPS 203 / 204)', () => {
    const q = 3329n;
    const plain = Array.from({ length: 16 }, (_, i) => powmod(17n, BigInt(brv(i, 7)), q));
    expect(values('mlkem-zetas').map((v) => mod(v, q))).toEqual(plain);
    const mont = plain.map((z) => (z * (1n << 16n)) % q);
    expect(values('mlkem-zetas-mont').map((v) => mod(v, q))).toEqual(mont);
    const Q = 8380417n;
    const dsa = Array.from({ length: 8 }, (_, i) => (powmod(1753n, BigInt(brv(i + 1, 8)), Q) * (1n << 32n)) % Q);
    expect(values('mldsa-zetas-mont').map((v) => mod(v, Q))).toEqual(dsa);
  });

  it('curve parameters agree with @noble/curves', () => {
    const h = (v: bigint) => v.toString(16);
    expect(hex('p256-p')).toBe(h(p256.Point.CURVE().p));
    expect(hex('p256-gx')).toBe(h(p256.Point.CURVE().Gx));
    expect(hex('p384-p')).toBe(h(p384.Point.CURVE().p));
    expect(hex('p384-gx')).toBe(h(p384.Point.CURVE().Gx));
    expect(hex('p521-p')).toBe(`0${h(p521.Point.CURVE().p)}`);
    expect(hex('p521-gx')).toBe(h(p521.Point.CURVE().Gx));
    expect(hex('secp256k1-p')).toBe(h(secp256k1.Point.CURVE().p));
    expect(hex('secp256k1-gx')).toBe(h(secp256k1.Point.CURVE().Gx));
    expect(hex('curve25519-p')).toBe(h(ed25519.Point.CURVE().p));
  });
});

describe('c-crypto-implementation detector', () => {
  const files = listFiles(resolve(__dirname, 'fixtures'));

  it('reports one finding per algorithm per file, listing the tables', async () => {
    const { findings } = await runDetectors([cCryptoImplementation], files);
    expect(
      findings.map((f) => ({
        path: f.evidence.path,
        line: f.evidence.line,
        algorithm: f.kind === 'algorithm' ? f.algorithm : undefined,
        tables: f.properties?.tables,
      })),
    ).toEqual([
      { path: 'aes_sbox.c', line: 2, algorithm: { id: 'aes' }, tables: 'AES S-box, AES inverse S-box' },
      { path: 'p384_be.c', line: 2, algorithm: { id: 'ec', curve: 'p-384' }, tables: 'P-384 field prime' },
    ]);
  });

  it('finds nothing in non-cryptographic tables and message strings', async () => {
    const { findings } = await runDetectors(
      [cCryptoImplementation],
      files.filter((f) => f.path === 'clean.c'),
    );
    expect(findings).toEqual([]);
  });
});
