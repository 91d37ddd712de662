/**
 * The DER side of a file for one detector: which objects of a DER file it owns, and the
 * Diagnostic for a DER file whose name promises a crypto object but whose bytes do not decode.
 */
import type { FileHead, ScanFile } from '../detectors/types.js';
import { readSingle } from './der.js';
import { DER_KIND_NAMES, type DerKind } from './der-kind.js';
import { DER_EXTENSION_OWNER, derOf, extensionOf, looksLikeDer, pemBlocksOf, pemBodyOf } from './file-view.js';
import { hasPemBegin, type PemBlock } from './pem.js';
import type { Collector } from './report.js';

/** A NUL byte in the head marks a binary file; text encodings used for sources and PEM have none. */
function looksLikeText(head: Uint8Array): boolean {
  return head.indexOf(0) < 0;
}

/**
 * Cheap `accepts` test shared by the PEM/DER detectors: an owned extension, a DER head, or any other non-empty
 * file, searched whole: firmware embeds certificates and keys anywhere in sources, headers and configs (C string
 * literals, YAML values), and binary images carry CA certificates as PEM strings or DER blobs. Files larger than
 * the runner's window are searched window by window (`Detector.streams`).
 */
export function acceptsPemOrDer(file: FileHead, detector: string): boolean {
  return (
    DER_EXTENSION_OWNER[extensionOf(file.path)] === detector ||
    looksLikeDer(file.head, file.size) ||
    hasPemBegin(file.head) ||
    file.size > 0
  );
}

/** Whether a scanned file is binary (a NUL byte in its head): malformed PEM fragments there are not reported. */
export function isBinaryFile(file: ScanFile): boolean {
  return !looksLikeText(file.head);
}

/**
 * Returns the file's DER object when it is of one of `kinds`; reports undecodable DER when this detector owns the
 * name. Bytes after the object are reported, not decoded: OpenSSL reads the object and ignores them too.
 */
export function ownedDer(
  c: Collector,
  file: ScanFile,
  kinds: readonly DerKind[],
): { kind: DerKind; bytes: Uint8Array } | undefined {
  const sniff = derOf(file.bytes);
  if (sniff.kind !== undefined) {
    if (!kinds.includes(sniff.kind)) return undefined;
    if (sniff.trailing) {
      c.issue(
        {
          severity: 'warning',
          code: 'der-trailing-data',
          message: `${sniff.trailing} bytes follow the DER object and were not examined; the object itself was read.`,
        },
        1,
      );
    }
    return { kind: sniff.kind, bytes: file.bytes.subarray(0, sniff.root.end) };
  }
  if (DER_EXTENSION_OWNER[extensionOf(file.path)] !== c.detector) return undefined;
  if (file.bytes.length === 0) {
    c.issue({ severity: 'warning', code: 'file-empty', message: 'The file is empty.' });
    return undefined;
  }
  if (file.bytes[0] !== 0x30) {
    if (pemBlocksOf(file.bytes).length > 0) return undefined;
    c.issue(
      wholeDerElement(file.bytes)
        ? { severity: 'warning', code: 'der-unrecognized', message: UNRECOGNIZED }
        : { severity: 'warning', code: 'not-pem-or-der', message: 'The file holds neither PEM blocks nor DER.' },
    );
    return undefined;
  }
  c.issue(sniff.problem ?? { severity: 'warning', code: 'der-unrecognized', message: UNRECOGNIZED }, 1);
  return undefined;
}

const UNRECOGNIZED = 'The file is DER but not a certificate, key, parameters or bundle structure this scanner knows.';

/** Whether the bytes are exactly one well-formed DER element (of any tag). */
function wholeDerElement(bytes: Uint8Array): boolean {
  try {
    readSingle(bytes);
    return true;
  } catch {
    return false;
  }
}

const PEM_ERRORS: Readonly<Record<NonNullable<PemBlock['error']>, string>> = Object.freeze({
  'pem-truncated': 'has no matching END line (truncated)',
  'pem-invalid-base64': 'has a body that is not valid base64',
  'pem-empty': 'has an empty body',
});

/** Extensions of files whose whole purpose is to hold PEM objects: any block in them that fails is a problem. */
const PEM_CONTAINER_EXTENSIONS: ReadonlySet<string> = new Set(['pem', 'crt', 'cer', 'csr', 'crl', 'key', 'p7b', 'p7c']);

/**
 * Whether a PEM block that does not decode is worth a diagnostic. Not in a binary image ("-----BEGIN" may be
 * a format string or a fragment), and not where the marker is only named, as TLS libraries name every PEM
 * header in string literals and manuals show `-----BEGIN …-----` with `...` for a body; unless the file is a
 * PEM container by name, where a block that fails is always a broken object.
 */
function brokenObject(file: ScanFile, block: PemBlock): boolean {
  return !isBinaryFile(file) && !onlyNamed(file, block);
}

const isPemContainer = (file: ScanFile): boolean => PEM_CONTAINER_EXTENSIONS.has(extensionOf(file.path));

/** A block with no data lines outside a PEM container: the marker is named, not an object written. */
const onlyNamed = (file: ScanFile, block: PemBlock): boolean => block.mention === true && !isPemContainer(file);

type OwnedPemBlock = PemBlock & {
  readonly der: Uint8Array;
  /** What the block holds: by its structure when that is known, else what its label promises. */
  readonly kind: DerKind | undefined;
};

/**
 * The file's PEM blocks this detector decodes. A block whose body is a DER structure of a known kind goes to the
 * detector of that kind, whatever its label says (OpenSSL's decoders read an SPKI under `RSA PUBLIC KEY`), with an
 * info diagnostic about the label. Any other block goes by its label: `labelKind` returns the kind this detector's
 * label promises (`null` for a label of its own whose body is not DER, such as `OPENSSH PRIVATE KEY`) and
 * `undefined` for labels that are not its own. Blocks of its own that do not decode become Diagnostics.
 */
export function ownedPem(
  c: Collector,
  file: ScanFile,
  labelKind: (label: string) => DerKind | null | undefined,
  kinds: readonly DerKind[],
): OwnedPemBlock[] {
  const out: OwnedPemBlock[] = [];
  for (const block of pemBlocksOf(file.bytes)) {
    const promised = labelKind(block.label);
    if (block.der) {
      const held = pemBodyOf(block as PemBlock & { der: Uint8Array }).kind;
      if (held === undefined) {
        // A few letters between two named markers ("between -----BEGIN X----- and -----END X-----") decode as
        // base64 too: without data lines or a known structure, the block is only talk about PEM.
        if (promised !== undefined && !onlyNamed(file, block)) {
          out.push({ ...block, der: block.der, kind: promised ?? undefined });
        }
        continue;
      }
      if (!kinds.includes(held)) continue;
      if (promised !== held) {
        c.issue(
          {
            severity: 'info',
            code: 'pem-label-mismatch',
            message: `PEM label '${block.label}' does not name what the block holds, ${DER_KIND_NAMES[held]}; it was decoded as what it holds.`,
          },
          block.line,
        );
      }
      out.push({ ...block, der: block.der, kind: held });
      continue;
    }
    if (promised === undefined) continue;
    if (block.error && brokenObject(file, block)) {
      // An error where an object was written and cannot be read (the inventory may miss it); a warning for a
      // copy that may not be the product's (a log excerpt in a README) and for a PEM file holding a marker but
      // no data (a stub: nothing is missed).
      const severity = isPemContainer(file) && !block.mention ? 'error' : 'warning';
      c.issue(
        { severity, code: block.error, message: `PEM block '${block.label}' ${PEM_ERRORS[block.error]}.` },
        block.line,
      );
    }
  }
  return out;
}

export function pemSnippet(label: string): string {
  return `-----BEGIN ${label}-----`;
}
