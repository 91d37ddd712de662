/**
 * The DER side of a file for one detector: which objects of a DER file it owns, and the
 * Diagnostic for a DER file whose name promises a crypto object but whose bytes do not decode.
 */
import type { FileHead, ScanFile } from '../detectors/types.js';
import type { DerKind } from './der-kind.js';
import { DER_EXTENSION_OWNER, derOf, extensionOf, looksLikeDer, pemBlocksOf } from './file-view.js';
import { hasPemBegin, type PemBlock } from './pem.js';
import type { Collector } from './report.js';

/**
 * Text files up to this size are searched whole for PEM blocks: firmware embeds certificates and keys
 * anywhere in sources, headers and configs (C string literals, YAML values), not only at the top.
 */
export const PEM_SEARCH_MAX_BYTES = 16 * 1024 * 1024;

/** A NUL byte in the head marks a binary file; text encodings used for sources and PEM have none. */
function looksLikeText(head: Uint8Array): boolean {
  return head.indexOf(0) < 0;
}

/**
 * Cheap `accepts` test shared by the PEM/DER detectors: an owned extension, a DER head, or any file small
 * enough to search whole. Binary files count too: firmware images carry CA certificates as PEM strings
 * or DER blobs inside `.bin`/`.elf`/`.hex`-adjacent data.
 */
export function acceptsPemOrDer(file: FileHead, detector: string): boolean {
  return (
    DER_EXTENSION_OWNER[extensionOf(file.path)] === detector ||
    looksLikeDer(file.head, file.size) ||
    hasPemBegin(file.head) ||
    (file.size > 0 && file.size <= PEM_SEARCH_MAX_BYTES)
  );
}

/** Whether a scanned file is binary (a NUL byte in its head): malformed PEM fragments there are not reported. */
export function isBinaryFile(file: ScanFile): boolean {
  return !looksLikeText(file.head);
}

/** Returns the file's DER object when it is of one of `kinds`; reports undecodable DER when this detector owns the name. */
export function ownedDer(
  c: Collector,
  file: ScanFile,
  kinds: readonly DerKind[],
): { kind: DerKind; bytes: Uint8Array } | undefined {
  const sniff = derOf(file.bytes);
  if (sniff.kind !== undefined) return kinds.includes(sniff.kind) ? { kind: sniff.kind, bytes: file.bytes } : undefined;
  if (DER_EXTENSION_OWNER[extensionOf(file.path)] !== c.detector) return undefined;
  if (file.bytes.length === 0) {
    c.issue({ severity: 'warning', code: 'file-empty', message: 'The file is empty.' });
    return undefined;
  }
  if (file.bytes[0] !== 0x30) {
    if (pemBlocksOf(file.bytes).length === 0) {
      c.issue({ severity: 'warning', code: 'not-pem-or-der', message: 'The file holds neither PEM blocks nor DER.' });
    }
    return undefined;
  }
  c.issue(
    sniff.problem ?? {
      severity: 'warning',
      code: 'der-unrecognized',
      message: 'The file is DER but not a certificate, key or bundle structure this scanner knows.',
    },
    1,
  );
  return undefined;
}

const PEM_ERRORS: Readonly<Record<NonNullable<PemBlock['error']>, string>> = Object.freeze({
  'pem-truncated': 'has no matching END line (truncated)',
  'pem-invalid-base64': 'has a body that is not valid base64',
  'pem-empty': 'has an empty body',
});

/** The file's PEM blocks whose label is one of `labels`; blocks that do not decode become Diagnostics. */
export function ownedPem(
  c: Collector,
  file: ScanFile,
  labels: (label: string) => boolean,
): (PemBlock & { der: Uint8Array })[] {
  const out: (PemBlock & { der: Uint8Array })[] = [];
  // In a binary image, "-----BEGIN" may be a format string or a fragment; only blocks that decode count.
  const binary = isBinaryFile(file);
  for (const block of pemBlocksOf(file.bytes)) {
    if (!labels(block.label)) continue;
    if (block.der) out.push(block as PemBlock & { der: Uint8Array });
    else if (block.error && !binary) {
      c.issue(
        { severity: 'error', code: block.error, message: `PEM block '${block.label}' ${PEM_ERRORS[block.error]}.` },
        block.line,
      );
    }
  }
  return out;
}

export function pemSnippet(label: string): string {
  return `-----BEGIN ${label}-----`;
}
