/**
 * Bytes of a whole TLS 1.3 handshake (RFC 8446), both directions: key shares, certificates as DER, signatures,
 * handshake message headers and record framing, with optional mutual TLS and SCTs. Certificate DER overhead
 * beyond the public key and signature is measured on the IETF interop certificates (see DER_OVERHEAD).
 * TCP/IP headers, retransmissions and round-trip latency are not modelled.
 */
import type { Source } from '@pqready/core';
import type { Range, TlsSettings } from '../catalog/types.js';
import { add, exact as r, scale as times } from '../range.js';

/**
 * Bytes a certificate carries beyond its subject public key and issuer signature (names, validity, extensions,
 * algorithm identifiers, DER headers), measured on the IETF-Hackathon pqc-certificates Bouncy Castle artefacts:
 * trust anchors (CA profile, 2 extensions; median 255, 216–327 B over 53 certificates) and end-entity certificates
 * (4 extensions; median 352, 346–374 B over 29). Real certificates with long names, SANs or policies are larger:
 * `tls.certificateExtraBytes` adds to each.
 */
export const DER_OVERHEAD: Readonly<Record<'ca' | 'leaf', Range>> = Object.freeze({
  ca: { point: 255, low: 216, high: 327 },
  leaf: { point: 352, low: 346, high: 374 },
});
export const DER_OVERHEAD_SOURCE: Source = {
  title:
    'IETF-Hackathon/pqc-certificates @b355adf1, providers/bc/artifacts_certs_r5: certificate size − public key − signature',
  url: 'https://github.com/IETF-Hackathon/pqc-certificates/tree/b355adf179da659fd833138f0f3d3c7e362787fb/providers/bc',
  confidence: 'primary',
};
export const RFC8446: Source = {
  title: 'RFC 8446 §4 (handshake messages), §4.1.2–§4.4.4, §5.1–§5.2 (records: 5-byte header, AEAD tag, 2^14 limit)',
  url: 'https://www.rfc-editor.org/rfc/rfc8446',
  confidence: 'primary',
};

/** An authentication scheme as it appears in certificates and CertificateVerify. */
export interface AuthSizes {
  readonly publicKey: number;
  /** Signature as carried on the wire (DER for ECDSA). */
  readonly signature: number;
}

export interface KeyShares {
  readonly client: number;
  readonly server: number;
}

export interface TlsBytes {
  readonly clientToServer: Range;
  readonly serverToClient: Range;
  readonly total: Range;
  /** The server's Certificate message, which the client buffers while it verifies the chain. */
  readonly serverCertificates: Range;
  readonly breakdown: readonly { readonly label: string; readonly bytes: Range }[];
}

const TLS_DEFAULTS: Required<TlsSettings> = Object.freeze({
  serverChainLength: 2,
  mutualTls: false,
  clientChainLength: 1,
  signedCertificateTimestamps: 2,
  certificateExtraBytes: 0,
});

const RECORD_HEADER = 5;
/** TLSInnerPlaintext content type + 16-byte AEAD tag (AES-GCM, ChaCha20-Poly1305). */
const ENCRYPTED_RECORD_OVERHEAD = RECORD_HEADER + 1 + 16;
const MAX_RECORD = 16384;
const HS_HEADER = 4;
/** legacy_version 2 + random 32 + session id 1+32 (middlebox compatibility) + 3 suites 2+6 + compression 2 + ext 2. */
const CLIENT_HELLO_FIXED = 2 + 32 + 33 + 8 + 2 + 2;
/** supported_versions (4+3), supported_groups (4+2+2·2), signature_algorithms (4+2+2·4), key_share header (4+2+4). */
const CLIENT_HELLO_EXTENSIONS = 7 + 10 + 14 + 10;
/** legacy_version 2 + random 32 + session id echo 33 + suite 2 + compression 1 + ext 2 + supported_versions 6 + key_share 8. */
const SERVER_HELLO = 2 + 32 + 33 + 2 + 1 + 2 + 6 + 8;
/** ChangeCipherSpec record sent once by each side in middlebox compatibility mode (RFC 8446 Appendix D.4). */
const CCS_RECORD = RECORD_HEADER + 1;
const ENCRYPTED_EXTENSIONS = HS_HEADER + 2;
/** certificate_request_context 1 + extensions 2 + signature_algorithms (4+2+2·4). */
const CERTIFICATE_REQUEST = HS_HEADER + 1 + 2 + 14;
/** SHA-256 suites: 32-byte verify_data. */
const FINISHED = HS_HEADER + 32;
/** SCT (RFC 6962 §3.2): version 1 + log id 32 + timestamp 8 + extensions 2 + algorithm 2 + signature length 2. */
const SCT_FIXED = 47;

/** Encrypted records around `bytes` of handshake messages. */
const encrypted = (bytes: Range): Range => ({
  point: bytes.point + Math.ceil(bytes.point / MAX_RECORD) * ENCRYPTED_RECORD_OVERHEAD,
  low: bytes.low + Math.ceil(bytes.low / MAX_RECORD) * ENCRYPTED_RECORD_OVERHEAD,
  high: bytes.high + Math.ceil(bytes.high / MAX_RECORD) * ENCRYPTED_RECORD_OVERHEAD,
});

/** A Certificate message (RFC 8446 §4.4.2) carrying `count` certificates of this scheme. */
function certificateMessage(auth: AuthSizes, count: number, extra: number, scts: number): Range {
  const cert = (kind: 'ca' | 'leaf') => add(r(auth.publicKey + auth.signature + extra), DER_OVERHEAD[kind]);
  const sct = scts * (SCT_FIXED + auth.signature);
  const entries = add(cert('leaf'), r(sct), times(cert('ca'), count - 1), r(count * (3 + 2)));
  return add(entries, r(HS_HEADER + 1 + 3));
}

const certificateVerify = (auth: AuthSizes) => HS_HEADER + 2 + 2 + auth.signature;

export function tlsHandshakeBytes(shares: KeyShares, auth: AuthSizes, settings: TlsSettings = {}): TlsBytes {
  const s = { ...TLS_DEFAULTS, ...settings };
  const clientHello = HS_HEADER + CLIENT_HELLO_FIXED + CLIENT_HELLO_EXTENSIONS + shares.client;
  const serverHello = HS_HEADER + SERVER_HELLO + shares.server;
  const serverCerts = certificateMessage(
    auth,
    s.serverChainLength,
    s.certificateExtraBytes,
    s.signedCertificateTimestamps,
  );
  const serverFlight = add(
    r(ENCRYPTED_EXTENSIONS + (s.mutualTls ? CERTIFICATE_REQUEST : 0)),
    serverCerts,
    r(certificateVerify(auth) + FINISHED),
  );
  const clientCerts = s.mutualTls ? certificateMessage(auth, s.clientChainLength, s.certificateExtraBytes, 0) : r(0);
  const clientFlight = add(clientCerts, r((s.mutualTls ? certificateVerify(auth) : 0) + FINISHED));
  const s2c = add(r(RECORD_HEADER + serverHello + CCS_RECORD), encrypted(serverFlight));
  const c2s = add(r(RECORD_HEADER + clientHello + CCS_RECORD), encrypted(clientFlight));
  return {
    clientToServer: c2s,
    serverToClient: s2c,
    total: add(c2s, s2c),
    serverCertificates: serverCerts,
    breakdown: [
      { label: 'key shares', bytes: r(shares.client + shares.server) },
      { label: `server certificates (${s.serverChainLength}, DER)`, bytes: serverCerts },
      { label: 'server CertificateVerify', bytes: r(certificateVerify(auth)) },
      ...(s.mutualTls
        ? [
            { label: `client certificates (${s.clientChainLength}, DER)`, bytes: clientCerts },
            { label: 'client CertificateVerify', bytes: r(certificateVerify(auth)) },
          ]
        : []),
      {
        label: 'hello, finished and other handshake messages, record framing',
        bytes: add(
          add(c2s, s2c),
          times(serverCerts, -1),
          times(clientCerts, -1),
          r(-(shares.client + shares.server) - certificateVerify(auth) * (s.mutualTls ? 2 : 1)),
        ),
      },
    ],
  };
}

/** Signatures the client verifies: each server certificate, CertificateVerify and the SCTs. */
export const clientVerifications = (settings: TlsSettings = {}) => {
  const s = { ...TLS_DEFAULTS, ...settings };
  return s.serverChainLength + 1 + s.signedCertificateTimestamps;
};
