/**
 * openssh-key: OpenSSH public keys wherever they appear one per line (`*.pub`, authorized_keys
 * with options, known_hosts with plain or hashed hosts and markers, cloud-init and other configs),
 * OpenSSH certificates, RFC 4716 `SSH2 PUBLIC KEY` blocks and openssh-key-v1 private keys
 * (cipher, KDF and the public half only).
 */
import { type AlgorithmRef, findSshAlgorithm, getCurve, type KeyFacts } from '@pqready/core';
import { ownedPem, pemSnippet } from '../../pki/der-objects.js';
import { sha256Hex, sshSha256 } from '../../pki/fingerprint.js';
import { type Issue, issueFromError } from '../../pki/issues.js';
import { hasDataLine } from '../../pki/pem.js';
import { type Collector, guarded, keyFinding, type Location } from '../../pki/report.js';
import { readCertificateTail, readKeyBody, SshReader } from '../../pki/ssh-wire.js';
import type { Detector, FileHead } from '../types.js';
import { SSH_CURVES, SSH_KEY_FILE_NAMES, SSH_KEY_TYPE_BY_NAME } from './table.js';

const ID = 'openssh-key';
/** The base64 of a wire blob starts with the uint32 length of the type name (< 2^24 → "AAAA"). */
const KEY_LINE_HEAD =
  /(?:^|[\s"',])(?:ssh-[a-z0-9-]+|ecdsa-sha2-[a-z0-9-]+|sk-[a-z0-9-]+@openssh\.com|[a-z0-9-]+-cert-v01@openssh\.com|[a-z0-9.-]+@[a-z0-9.-]+)\s+AAAA/;
const MAX_LINE = 256 * 1024;
const OPENSSH_MAGIC = 'openssh-key-v1\0';
const RFC4716 = /---- BEGIN SSH2 PUBLIC KEY ----([\s\S]*?)---- END SSH2 PUBLIC KEY ----/g;

interface DecodedKey {
  readonly typeName: string;
  readonly algorithm: AlgorithmRef;
  readonly sizeBits?: number;
  readonly certificate: boolean;
  readonly properties: Record<string, string>;
  readonly issues: Issue[];
}

function isoFromSsh(t: bigint): string {
  if (t >= 0xffffffffffffffffn) return 'forever';
  const ms = Number(t) * 1000;
  return Number.isFinite(ms) && ms < 8.64e15 ? new Date(ms).toISOString() : t.toString();
}

/** Decodes a public key wire blob (plain key or certificate). Throws on malformed data. */
function decodeBlob(blob: Uint8Array, depth = 0): DecodedKey {
  const r = new SshReader(blob);
  const typeName = r.text();
  const type = SSH_KEY_TYPE_BY_NAME.get(typeName);
  if (!type) {
    const known = findSshAlgorithm('hostkey', typeName)?.algorithm;
    return {
      typeName,
      algorithm: known ?? { id: 'unknown', parameterSet: typeName },
      certificate: typeName.includes('-cert-'),
      properties: {},
      issues: known
        ? []
        : [
            {
              severity: 'info',
              code: 'ssh-key-type-unknown',
              message: `SSH key type '${typeName}' is not in the catalog.`,
            },
          ],
    };
  }
  if (type.certificate) r.string(); // nonce
  const body = readKeyBody(r, type.layout);
  const issues: Issue[] = [];
  let algorithm: AlgorithmRef = type.algorithm;
  let sizeBits: number | undefined;
  if (body.bits !== undefined && (type.layout === 'rsa' || type.layout === 'dss')) {
    algorithm = { ...algorithm, keyBits: body.bits };
    sizeBits = body.bits;
  } else {
    const curve = body.curveName ? SSH_CURVES[body.curveName] : algorithm.id === 'ed25519' ? 'curve25519' : 'curve448';
    if (body.curveName && curve !== algorithm.curve) {
      issues.push({
        severity: 'warning',
        code: 'ssh-key-invalid',
        message: `Key type ${typeName} carries curve '${body.curveName}'.`,
      });
    }
    sizeBits = curve ? getCurve(curve)?.fieldBits : undefined;
  }
  const properties: Record<string, string> = body.application ? { securityKeyApplication: body.application } : {};
  if (type.certificate) {
    const cert = readCertificateTail(r);
    const ca = depth === 0 ? decodeBlob(cert.signatureKey, 1) : undefined;
    Object.assign(properties, {
      certType: cert.certType,
      certKeyId: cert.keyId,
      certSerial: cert.serial,
      certPrincipals: cert.principals.join(','),
      certValidAfter: isoFromSsh(cert.validAfter),
      certValidBefore: isoFromSsh(cert.validBefore),
      certSignatureAlgorithm: cert.signatureAlgorithm,
      caKeyType: ca?.typeName ?? 'unknown',
      caKeyFingerprint: sha256Hex(cert.signatureKey),
      ...(ca?.sizeBits ? { caKeyBits: String(ca.sizeBits) } : {}),
    });
  }
  return {
    typeName,
    algorithm,
    ...(sizeBits ? { sizeBits } : {}),
    certificate: type.certificate === true,
    properties,
    issues,
  };
}

/** Splits a line into whitespace-separated tokens, keeping double-quoted runs (authorized_keys options) together. */
function tokenize(line: string): string[] {
  return line.match(/(?:[^\s"]+|"(?:[^"\\]|\\.)*")+/g) ?? [];
}

interface KeyLine {
  readonly blob: Uint8Array;
  readonly typeName: string;
  readonly before: readonly string[];
  readonly comment: string;
}

/** Finds `<type> <base64> [comment]` in a line whose blob's own type string equals `<type>`. */
function findKey(line: string): KeyLine | undefined {
  const tokens = tokenize(line);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const b64 = tokens[i + 1]!;
    if (!b64.startsWith('AAAA') || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) continue;
    const blob = new Uint8Array(Buffer.from(b64, 'base64'));
    try {
      if (new SshReader(blob).text() !== tokens[i]) continue;
    } catch {
      continue;
    }
    return { blob, typeName: tokens[i]!, before: tokens.slice(0, i), comment: tokens.slice(i + 2).join(' ') };
  }
  return undefined;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function lineContext(path: string, before: readonly string[]): Record<string, string> {
  const fileKind = SSH_KEY_FILE_NAMES[baseName(path)];
  if (before.length === 0) return fileKind ? { context: fileKind } : {};
  const marker = before[0]!.startsWith('@') ? before[0]! : undefined;
  const rest = marker ? before.slice(1) : before;
  const hosts = rest[0] ?? '';
  const looksKnownHosts = fileKind === 'known_hosts' || marker !== undefined || hosts.startsWith('|1|');
  if (looksKnownHosts) {
    return {
      context: 'known_hosts',
      ...(marker ? { marker } : {}),
      hashedHost: String(hosts.startsWith('|1|')),
      ...(hosts.startsWith('|1|') ? {} : { hosts }),
    };
  }
  // authorized_keys options: report their names only (a `command="…"` value is not ours to copy).
  const options = rest
    .join(',')
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((o) => o.split('=')[0]!.trim())
    .filter((o) => o !== '');
  return { context: fileKind ?? 'authorized_keys', ...(options.length > 0 ? { options: options.join(',') } : {}) };
}

function emitPublic(
  c: Collector,
  at: Location,
  blob: Uint8Array,
  format: string,
  comment: string,
  extra: Record<string, string>,
): void {
  c.attempt('ssh-key-invalid', `Invalid SSH public key (${at.snippet})`, at.line, () => {
    const d = decodeBlob(blob);
    const key: KeyFacts = {
      keyType: 'public',
      algorithm: d.algorithm,
      ...(d.sizeBits ? { sizeBits: d.sizeBits } : {}),
      format: d.certificate ? 'OpenSSH certificate' : format,
      encoding: 'text',
      fingerprint: { sha256: sha256Hex(blob) },
      ...(comment ? { comment } : {}),
    };
    c.findings.push(
      keyFinding(ID, c.file, at, key, { properties: { ...extra, ...d.properties, sshFingerprint: sshSha256(blob) } }),
    );
    c.issues(d.issues, at.line);
  });
}

function scanLines(c: Collector, text: string): void {
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line.length > MAX_LINE || !line.includes('AAAA') || line.trimStart().startsWith('#')) continue;
    const found = findKey(line);
    if (!found) continue;
    const snippet = `${found.typeName}${found.comment ? ` ${found.comment}` : ''}`.slice(0, 200);
    emitPublic(
      c,
      { line: lineNo, snippet },
      found.blob,
      'OpenSSH',
      found.comment,
      lineContext(c.file.path, found.before),
    );
  }
}

function scanRfc4716(c: Collector, text: string): void {
  for (const m of text.matchAll(RFC4716)) {
    const line = text.slice(0, m.index).split('\n').length;
    const body = m[1]!.replace(/\\\r?\n/g, '');
    // The markers named in code or a manual (a regular expression, "…between ---- BEGIN … ---- and ---- END …")
    // hold no key: only a body with data lines is an object, decoded or reported.
    if (!hasDataLine(body)) continue;
    const comment = /^Comment:\s*"?([^"\n]*)"?\s*$/m.exec(body)?.[1]?.trim() ?? '';
    const b64 = body
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '' && !/^[A-Za-z-]+:/.test(l))
      .join('')
      .replace(/\s/g, '');
    emitPublic(
      c,
      { line, snippet: '---- BEGIN SSH2 PUBLIC KEY ----' },
      new Uint8Array(Buffer.from(b64, 'base64')),
      'RFC 4716',
      comment,
      {},
    );
  }
}

/** openssh-key-v1 (OpenSSH PROTOCOL.key): magic, cipher, kdf, kdf options, N public keys, encrypted section. */
function scanPrivate(c: Collector): void {
  for (const block of ownedPem(c, c.file, (label) => (label === 'OPENSSH PRIVATE KEY' ? null : undefined), [])) {
    const at: Location = { line: block.line, offset: block.offset, snippet: pemSnippet(block.label) };
    c.attempt('openssh-private-key-invalid', 'Invalid OpenSSH private key', block.line, () => {
      const der = block.der;
      if (Buffer.from(der.subarray(0, OPENSSH_MAGIC.length)).toString('latin1') !== OPENSSH_MAGIC) {
        throw new Error('missing openssh-key-v1 magic');
      }
      const r = new SshReader(der.subarray(OPENSSH_MAGIC.length));
      const cipher = r.text();
      const kdf = r.text();
      const kdfOptions = new SshReader(r.string());
      const properties: Record<string, string> = { cipher, kdf, encrypted: String(cipher !== 'none') };
      if (kdf === 'bcrypt' && kdfOptions.remaining > 0) {
        kdfOptions.string(); // salt
        properties.kdfRounds = String(kdfOptions.u32());
      }
      const count = r.u32();
      if (count > 64) throw new Error(`implausible key count ${count}`);
      const protection =
        cipher === 'none'
          ? undefined
          : (findSshAlgorithm('cipher', cipher)?.algorithm ?? { id: 'unknown', parameterSet: cipher });
      for (let i = 0; i < count; i++) {
        const blob = r.string();
        const d = decodeBlob(blob);
        const key: KeyFacts = {
          keyType: 'private',
          algorithm: d.algorithm,
          ...(d.sizeBits ? { sizeBits: d.sizeBits } : {}),
          format: 'openssh-key-v1',
          encoding: 'PEM',
          fingerprint: { sha256: sha256Hex(blob) },
          ...(protection ? { protection } : {}),
        };
        const notes = cipher === 'none' ? ['The private key is stored unencrypted.'] : [];
        c.findings.push(
          keyFinding(ID, c.file, at, key, { notes, properties: { ...properties, sshFingerprint: sshSha256(blob) } }),
        );
        c.issues(d.issues, at.line);
      }
    });
  }
}

function headText(file: FileHead): string {
  return Buffer.from(file.head.buffer, file.head.byteOffset, file.head.byteLength).toString('latin1');
}

export const opensshKey: Detector = {
  id: ID,
  summary: 'OpenSSH public keys, certificates, authorized_keys/known_hosts entries and openssh-key-v1 private keys.',
  accepts: (file) => {
    if (SSH_KEY_FILE_NAMES[baseName(file.path)] || file.path.endsWith('.pub')) return true;
    const head = headText(file);
    return (
      head.includes('-----BEGIN OPENSSH PRIVATE KEY-----') ||
      head.includes('---- BEGIN SSH2 PUBLIC KEY ----') ||
      KEY_LINE_HEAD.test(head)
    );
  },
  detect: (file) =>
    guarded(ID, file, (c) => {
      scanPrivate(c);
      const text = file.text();
      try {
        scanRfc4716(c, text);
        scanLines(c, text);
      } catch (err) {
        c.issue(issueFromError(err, 'ssh-scan-failed', 'SSH key scan'));
      }
    }),
};
