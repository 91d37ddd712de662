/**
 * Per-file decoding shared by the certificate and key detectors: the PEM blocks and the DER
 * classification of a file are computed once (memoised on the file's byte array, which the
 * runner hands unchanged to every detector) and each detector takes the objects it owns.
 */
import { type DerSniff, sniffDer } from './der-kind.js';
import { findPemBlocks, type PemBlock } from './pem.js';

interface View {
  pem?: readonly PemBlock[];
  der?: DerSniff;
}

const views = new WeakMap<Uint8Array, View>();

function viewOf(bytes: Uint8Array): View {
  let view = views.get(bytes);
  if (!view) {
    view = {};
    views.set(bytes, view);
  }
  return view;
}

export function pemBlocksOf(bytes: Uint8Array): readonly PemBlock[] {
  const view = viewOf(bytes);
  view.pem ??= findPemBlocks(bytes);
  return view.pem;
}

/** The file as one DER object; an object followed by stray bytes is recognised (OpenSSL reads such files too). */
export function derOf(bytes: Uint8Array): DerSniff {
  const view = viewOf(bytes);
  view.der ??= sniffDer(bytes, true);
  return view.der;
}

const blockKinds = new WeakMap<PemBlock, DerSniff>();

/** What a PEM block's body holds, by structure (never trailing data: a PEM body is one object). */
export function pemBodyOf(block: PemBlock & { der: Uint8Array }): DerSniff {
  let sniff = blockKinds.get(block);
  if (!sniff) {
    sniff = sniffDer(block.der);
    blockKinds.set(block, sniff);
  }
  return sniff;
}

/**
 * File extensions that promise a DER crypto object, and the detector that reports a DER file
 * of that name which does not decode. Detection itself never depends on the name.
 */
export const DER_EXTENSION_OWNER: Readonly<Record<string, string>> = Object.freeze({
  der: 'x509-certificate',
  cer: 'x509-certificate',
  crt: 'x509-certificate',
  csr: 'x509-certificate',
  crl: 'x509-certificate',
  p7b: 'x509-certificate',
  p7c: 'x509-certificate',
  p12: 'pkcs12-bundle',
  pfx: 'pkcs12-bundle',
  key: 'private-key',
  p8: 'private-key',
  pk8: 'private-key',
});

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** True when the head looks like the start of a DER SEQUENCE whose length fits the file size. */
export function looksLikeDer(head: Uint8Array, size: number): boolean {
  if (head.length < 4 || head[0] !== 0x30 || size < 16) return false;
  const first = head[1]!;
  if (first < 0x80) return first + 2 === size;
  const count = first & 0x7f;
  if (count < 1 || count > 4 || head.length < 2 + count) return false;
  let len = 0;
  for (let i = 0; i < count; i++) len = len * 256 + head[2 + i]!;
  return len + 2 + count === size;
}
