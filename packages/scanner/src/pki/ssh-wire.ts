/**
 * SSH wire-format reader (RFC 4251 §5: uint32, uint64, string, mpint) and public key blob
 * decoding: RFC 4253 §6.6 (ssh-rsa, ssh-dss), RFC 5656 §3.1 (ecdsa-sha2-*), RFC 8709 (ssh-ed25519,
 * ssh-ed448), OpenSSH PROTOCOL.u2f (sk-* security keys) and PROTOCOL.certkeys (*-cert-v01@openssh.com).
 */
import { bitLength } from './der.js';

class SshWireError extends Error {}

export class SshReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  private take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.bytes.length) throw new SshWireError('SSH wire data is truncated.');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  u32(): number {
    const b = this.take(4);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }

  u64(): bigint {
    return (BigInt(this.u32()) << 32n) | BigInt(this.u32());
  }

  string(): Uint8Array {
    return this.take(this.u32());
  }

  text(): string {
    return Buffer.from(this.string()).toString('latin1');
  }
}

/** Fields of a key, by wire layout. */
export type SshLayout = 'rsa' | 'dss' | 'ecdsa' | 'eddsa' | 'sk-ecdsa' | 'sk-eddsa';

interface SshKeyBody {
  /** Modulus / p bits, or the length of an EdDSA key. */
  readonly bits?: number;
  /** ECDSA curve name as on the wire (`nistp256`). */
  readonly curveName?: string;
  /** Raw public key length (EdDSA, ECDSA point). */
  readonly keyLength?: number;
  /** FIDO application string of sk-* keys. */
  readonly application?: string;
}

/** Reads the key fields that follow the type string (and the nonce, for certificates). */
export function readKeyBody(r: SshReader, layout: SshLayout): SshKeyBody {
  switch (layout) {
    case 'rsa': {
      r.string(); // e
      return { bits: bitLength(r.string()) };
    }
    case 'dss': {
      const p = r.string();
      r.string();
      r.string();
      r.string();
      return { bits: bitLength(p) };
    }
    case 'ecdsa':
    case 'sk-ecdsa': {
      const curveName = Buffer.from(r.string()).toString('latin1');
      const q = r.string();
      const application = layout === 'sk-ecdsa' ? Buffer.from(r.string()).toString('latin1') : undefined;
      return { curveName, keyLength: q.length, ...(application === undefined ? {} : { application }) };
    }
    case 'eddsa':
    case 'sk-eddsa': {
      const pk = r.string();
      const application = layout === 'sk-eddsa' ? Buffer.from(r.string()).toString('latin1') : undefined;
      return { keyLength: pk.length, ...(application === undefined ? {} : { application }) };
    }
  }
}

interface SshCertificateBody {
  readonly serial: string;
  readonly certType: 'user' | 'host' | 'unknown';
  readonly keyId: string;
  readonly principals: readonly string[];
  readonly validAfter: bigint;
  readonly validBefore: bigint;
  /** Wire blob of the signing (CA) key. */
  readonly signatureKey: Uint8Array;
  /** Signature algorithm name inside the signature blob (e.g. `rsa-sha2-512`). */
  readonly signatureAlgorithm: string;
}

/** PROTOCOL.certkeys: the fields after the certified key. */
export function readCertificateTail(r: SshReader): SshCertificateBody {
  const serial = r.u64().toString();
  const type = r.u32();
  const keyId = r.text();
  const principalsBlob = new SshReader(r.string());
  const principals: string[] = [];
  while (principalsBlob.remaining > 0) principals.push(principalsBlob.text());
  const validAfter = r.u64();
  const validBefore = r.u64();
  r.string(); // critical options
  r.string(); // extensions
  r.string(); // reserved
  const signatureKey = r.string();
  const signature = new SshReader(r.string());
  return {
    serial,
    certType: type === 1 ? 'user' : type === 2 ? 'host' : 'unknown',
    keyId,
    principals,
    validAfter,
    validBefore,
    signatureKey,
    signatureAlgorithm: signature.text(),
  };
}
