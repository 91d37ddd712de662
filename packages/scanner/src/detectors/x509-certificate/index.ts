/**
 * x509-certificate: X.509 certificates, PKCS#10 requests, CRLs and PKCS#7 certificate bundles,
 * PEM (anywhere in a file, also inside C string literals) or DER, found by content.
 */
import { cachedAnalyzer } from '../../pki/analysis-cache.js';
import { analyzeCertificate, analyzeCrl, analyzeCsr, type CertificateAnalysis } from '../../pki/certificate.js';
import { readTlv } from '../../pki/der.js';
import { acceptsPemOrDer, isBinaryFile, ownedDer, ownedPem, pemSnippet } from '../../pki/der-objects.js';
import { findEmbeddedCertificates } from '../../pki/embedded-der.js';
import { derOf } from '../../pki/file-view.js';
import { findPemBlocks } from '../../pki/pem.js';
import { readPkcs7 } from '../../pki/pkcs7.js';
import { type Collector, certificateFinding, guarded, type Location } from '../../pki/report.js';
import type { Detector } from '../types.js';
import { CERT_PEM_LABELS, type CertObjectKind, DER_SNIPPETS } from './table.js';

const ID = 'x509-certificate';
const BY_LABEL = new Map<string, (typeof CERT_PEM_LABELS)[number]>(CERT_PEM_LABELS.map((row) => [row.label, row]));
const KINDS: readonly CertObjectKind[] = ['certificate', 'csr', 'crl', 'pkcs7'];

const ANALYZERS: Readonly<Record<Exclude<CertObjectKind, 'pkcs7'>, typeof analyzeCertificate>> = Object.freeze({
  certificate: cachedAnalyzer(analyzeCertificate),
  csr: cachedAnalyzer(analyzeCsr),
  crl: cachedAnalyzer(analyzeCrl),
});

function emit(c: Collector, at: Location, analysis: CertificateAnalysis): void {
  c.findings.push(certificateFinding(ID, c.file, at, analysis.facts, analysis));
  c.issues(analysis.issues, at.line);
}

function decode(
  c: Collector,
  kind: CertObjectKind,
  der: Uint8Array,
  encoding: 'PEM' | 'DER',
  at: Location,
  scanTime: Date,
): void {
  if (kind !== 'pkcs7') {
    c.attempt(`${kind}-invalid`, `Invalid ${kind} (${at.snippet})`, at.line, () =>
      emit(c, at, ANALYZERS[kind](der, encoding, scanTime)),
    );
    return;
  }
  c.attempt('pkcs7-invalid', `Invalid PKCS#7 bundle (${at.snippet})`, at.line, () => {
    const bundle = readPkcs7(der);
    const parts = [
      ...bundle.certificates.map((p) => ({ ...p, kind: 'certificate' as const })),
      ...bundle.crls.map((p) => ({ ...p, kind: 'crl' as const })),
    ];
    parts.forEach((part, i) => {
      const where: Location = {
        line: at.line,
        ...(at.offset === undefined ? {} : { offset: encoding === 'DER' ? at.offset + part.offset : at.offset }),
        snippet: `${at.snippet} (${part.kind} ${i + 1} of ${parts.length})`,
      };
      c.attempt(`${part.kind}-invalid`, `Invalid ${part.kind} in PKCS#7 bundle`, at.line, () =>
        emit(c, where, ANALYZERS[part.kind](part.der, encoding, scanTime)),
      );
    });
    if (bundle.skipped > 0) {
      c.issue(
        {
          severity: 'info',
          code: 'pkcs7-other-certificates',
          message: `${bundle.skipped} non-X.509 certificate choices skipped.`,
        },
        at.line,
      );
    }
  });
}

/**
 * `.pem` names no object type, so no detector owns it as DER the way `.crt` or `.key` are owned; this
 * detector speaks for a `.pem` that holds nothing, with the diagnostics those extensions get.
 */
const isPemName = (path: string): boolean => /\.pem$/i.test(path);

function emptyPem(c: Collector, bytes: Uint8Array): void {
  if (bytes.length === 0) c.issue({ severity: 'warning', code: 'file-empty', message: 'The file is empty.' });
  else if (findPemBlocks(bytes).length === 0 && derOf(bytes).kind === undefined)
    c.issue({ severity: 'warning', code: 'not-pem-or-der', message: 'The file holds neither PEM blocks nor DER.' });
}

export const x509Certificate: Detector = {
  id: ID,
  summary:
    'X.509 certificates, certificate requests, CRLs and PKCS#7 bundles (PEM or DER): algorithms, keys, validity.',
  accepts: (file) => acceptsPemOrDer(file, ID) || isPemName(file.path),
  streams: true,
  detect: (file, ctx) =>
    guarded(ID, file, (c) => {
      for (const block of ownedPem(c, file, (label) => BY_LABEL.get(label)?.kind, KINDS)) {
        const row = BY_LABEL.get(block.label);
        const at: Location = { line: block.line, offset: block.offset, snippet: pemSnippet(block.label) };
        let der = block.der;
        if (row && 'leadingElement' in row && row.leadingElement) {
          c.attempt('certificate-invalid', 'Invalid trusted certificate', block.line, () => {
            der = der.subarray(0, readTlv(der).end);
          });
        }
        decode(c, block.kind as CertObjectKind, der, 'PEM', at, ctx.scanTime);
      }
      const owned = ownedDer(c, file, KINDS);
      // A binary `.pem` (a firmware image, searched below) is not a broken text file.
      if (isPemName(file.path) && !isBinaryFile(file)) emptyPem(c, file.bytes);
      if (owned) {
        const kind = owned.kind as CertObjectKind;
        decode(c, kind, owned.bytes, 'DER', { line: 1, offset: 0, snippet: DER_SNIPPETS[kind] }, ctx.scanTime);
      } else if (isBinaryFile(file) && derOf(file.bytes).kind === undefined) {
        // A binary image that is not itself one DER object may carry certificates inside it.
        for (const { offset, der } of findEmbeddedCertificates(file.bytes)) {
          try {
            const analysis = ANALYZERS.certificate(der, 'DER', ctx.scanTime);
            const at = offset + (file.window?.offset ?? 0);
            emit(c, { line: 1, offset, snippet: `DER certificate embedded at byte ${at}` }, analysis);
          } catch {
            // Not a certificate after all: byte patterns in binaries are only candidates.
          }
        }
      }
    }),
};
