/**
 * Interop: every artefact of the IETF hackathon PQC certificate set (Bouncy Castle, r5) must decode
 * without an error diagnostic, with the algorithm its file name states.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { algorithmFromOid, type CertificateFinding, type Finding, type KeyFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { runDetector } from '../../test-support/pki.js';
import { cryptoParameters } from '../detectors/crypto-parameters/index.js';
import { opensshKey } from '../detectors/openssh-key/index.js';
import { pkcs12Bundle } from '../detectors/pkcs12-bundle/index.js';
import { privateKey } from '../detectors/private-key/index.js';
import { publicKey } from '../detectors/public-key/index.js';
import { x509Certificate } from '../detectors/x509-certificate/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const shared = process.env.PQREADY_SHARED ?? path.resolve(repoRoot, '..', 'shared');
const dir = path.join(shared, 'data', 'pqc-certificates', 'bc');
const DETECTORS = [x509Certificate, privateKey, publicKey, opensshKey, pkcs12Bundle, cryptoParameters];

interface Expectation {
  readonly role: 'ta' | 'ee' | 'priv' | 'public';
  readonly oid: string;
  /** catalyst_/chameleon_/composite_ files: the classical signature OID and the second (PQ) one. */
  readonly pair?: {
    readonly kind: 'catalyst' | 'chameleon' | 'composite';
    readonly first: string;
    readonly second: string;
  };
}

function expectationOf(file: string): Expectation {
  const role = /_(ta|ee|public|(?:seed_|expandedkey_|both_)?priv)\.der$/
    .exec(file)![1]!
    .replace(/^.*priv$/, 'priv') as Expectation['role'];
  const pair = /^(catalyst|chameleon|composite)_([\d.]+)_with_([\d.]+)_/.exec(file);
  if (pair) return { role, oid: pair[2]!, pair: { kind: pair[1] as 'catalyst', first: pair[2]!, second: pair[3]! } };
  return { role, oid: /-((?:\d+\.)+\d+)_/.exec(file)![1]! };
}

async function scanAll(file: string): Promise<{ findings: Finding[]; errors: string[] }> {
  const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
  const findings: Finding[] = [];
  const errors: string[] = [];
  for (const d of DETECTORS) {
    const r = await runDetector(d, file, bytes);
    findings.push(...r.findings);
    errors.push(...r.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.code}: ${x.message}`));
  }
  return { findings, errors };
}

describe.skipIf(!existsSync(dir))('IETF PQC interop artefacts (Bouncy Castle r5)', () => {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.der'))
        .sort()
    : [];

  it('holds the 182 artefacts this suite was written for', () => {
    expect(files).toHaveLength(182);
  });

  it.each(files)('%s decodes with the algorithm its name states', async (file) => {
    const want = expectationOf(file);
    const { findings, errors } = await scanAll(file);
    expect(errors).toEqual([]);
    expect(findings).toHaveLength(1);
    const expected = algorithmFromOid(want.oid)!;
    expect(expected).toBeDefined();
    const f = findings[0]!;
    if (want.role === 'priv' || want.role === 'public') {
      const key = (f as KeyFinding).key;
      expect([f.kind, key.keyType, key.algorithm.oid, key.algorithm.id]).toEqual([
        'key',
        want.role === 'priv' ? 'private' : 'public',
        want.oid,
        expected.id,
      ]);
      return;
    }
    const cert = (f as CertificateFinding).certificate;
    expect(f.kind).toBe('certificate');
    if (!want.pair) {
      expect([cert.publicKey?.algorithm.oid, cert.publicKey?.algorithm.id]).toEqual([want.oid, expected.id]);
      if (want.role === 'ta') expect([cert.signatureAlgorithm.oid, cert.selfSigned]).toEqual([want.oid, true]);
    } else if (want.pair.kind === 'composite') {
      expect(cert.signatureAlgorithm.components?.map((c) => c.oid)).toEqual([want.pair.first, want.pair.second]);
      expect(cert.publicKey?.algorithm.components?.length).toBe(2);
    } else {
      expect(cert.signatureAlgorithm.oid).toBe(want.pair.first);
      expect(f.properties).toMatchObject({
        hybridCertificate: want.pair.kind,
        altSignatureAlgorithmOid: want.pair.second,
      });
    }
  });

  it('fingerprints a private key by its public half: the same SPKI hash as the certificate of that key', async () => {
    const certFp = new Map<string, string>();
    const privFp = new Map<string, string>();
    for (const file of files) {
      const base = file.replace(/_(ta|ee|public|(?:seed_|expandedkey_|both_)?priv)\.der$/, '');
      const f = (await scanAll(file)).findings[0];
      if (f?.kind === 'certificate' && f.certificate.publicKey?.fingerprint)
        certFp.set(base, f.certificate.publicKey.fingerprint.sha256);
      if (f?.kind === 'key' && f.key.keyType === 'private' && f.key.fingerprint)
        privFp.set(file, f.key.fingerprint.sha256);
    }
    const matched = [...privFp].filter(
      ([file, fp]) => certFp.get(file.replace(/_(?:seed_|expandedkey_|both_)?priv\.der$/, '')) === fp,
    );
    // SLH-DSA (24 keys: SK ends with PK) and ML-KEM expanded/both (6: dk embeds ek) carry their public key.
    expect(matched.map(([file]) => file).sort()).toEqual([...privFp.keys()].sort());
    expect(matched.length).toBe(30);
  });
});
