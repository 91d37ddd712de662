import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeyFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { runDetector, serialize } from '../../../test-support/pki.js';
import { opensshKey } from './index.js';

const keys = (r: { findings: readonly unknown[] }) => r.findings as KeyFinding[];
const fixture = (n: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', n)));
let hasSshKeygen = true;
try {
  execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
} catch (err) {
  hasSshKeygen = (err as { status?: number }).status !== undefined && (err as { code?: string }).code !== 'ENOENT';
}

describe.skipIf(!hasSshKeygen)('openssh-key with ssh-keygen output', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pqready-ssh-'));
  const keygen = (...args: string[]) =>
    execFileSync('ssh-keygen', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const read = (n: string) => readFileSync(path.join(dir, n));
  /** ssh-keygen -l -E sha256 → "SHA256:…" */
  const fp = (n: string) => keygen('-l', '-E', 'sha256', '-f', n).split(' ')[1];

  const TYPES = [
    { t: 'rsa', b: '3072', id: 'rsa', bits: 3072 },
    { t: 'ecdsa', b: '256', id: 'ecdsa', bits: 256 },
    { t: 'ecdsa', b: '521', id: 'ecdsa', bits: 521 },
    { t: 'ed25519', b: '', id: 'ed25519', bits: 255 },
  ];

  it.each(TYPES)(
    '$t $b: public key line and unencrypted private key, same fingerprints as ssh-keygen',
    async ({ t, b, id, bits }) => {
      const name = `k_${t}${b}`;
      keygen('-q', '-t', t, ...(b ? ['-b', b] : []), '-N', '', '-C', `${name}@host`, '-f', name);
      const pub = keys(await runDetector(opensshKey, `${name}.pub`, read(`${name}.pub`)))[0]!;
      expect(pub.key).toMatchObject({
        keyType: 'public',
        algorithm: { id },
        sizeBits: bits,
        format: 'OpenSSH',
        comment: `${name}@host`,
      });
      expect(pub.properties?.sshFingerprint).toBe(fp(`${name}.pub`));
      const priv = await runDetector(opensshKey, name, read(name));
      expect(keys(priv)[0]?.key).toMatchObject({
        keyType: 'private',
        format: 'openssh-key-v1',
        fingerprint: pub.key.fingerprint,
      });
      expect(keys(priv)[0]?.properties).toMatchObject({ cipher: 'none', encrypted: 'false' });
      // The private section must not leak: no base64 chunk of the file body beyond the public blob.
      const body = read(name).toString().split('\n').slice(1, -2).join('');
      expect(serialize(priv.findings)).not.toContain(body.slice(-64));
    },
  );

  it('reports the cipher and bcrypt rounds of an encrypted private key', async () => {
    keygen('-q', '-t', 'ed25519', '-N', 'secret pass', '-a', '32', '-f', 'enc');
    const [f] = keys(await runDetector(opensshKey, 'enc', read('enc')));
    expect(f?.key.protection).toMatchObject({ id: 'aes', keyBits: 256, mode: 'ctr' });
    expect(f?.properties).toMatchObject({ cipher: 'aes256-ctr', kdf: 'bcrypt', kdfRounds: '32', encrypted: 'true' });
  });

  it('decodes OpenSSH certificates with their CA key', async () => {
    keygen('-q', '-t', 'ecdsa', '-b', '384', '-N', '', '-f', 'ca');
    keygen('-q', '-t', 'ed25519', '-N', '', '-f', 'user');
    keygen(
      '-q',
      '-s',
      'ca',
      '-I',
      'alice-laptop',
      '-n',
      'alice,ops',
      '-V',
      '20260101:20270101',
      '-z',
      '42',
      'user.pub',
    );
    const [f] = keys(await runDetector(opensshKey, 'user-cert.pub', read('user-cert.pub')));
    expect(f?.key).toMatchObject({ algorithm: { id: 'ed25519' }, format: 'OpenSSH certificate' });
    expect(f?.properties).toMatchObject({
      certType: 'user',
      certKeyId: 'alice-laptop',
      certSerial: '42',
      certPrincipals: 'alice,ops',
      caKeyType: 'ecdsa-sha2-nistp384',
      certSignatureAlgorithm: 'ecdsa-sha2-nistp384',
    });
    expect(f?.properties?.certValidAfter).toMatch(/^2026-01-0[12]T/);
  });

  it('reads known_hosts with plain and hashed hosts and markers', async () => {
    const line = read('user.pub').toString().split(' ').slice(0, 2).join(' ');
    writeFileSync(path.join(dir, 'known_hosts'), `gw.example,192.0.2.1 ${line}\n@cert-authority *.example ${line}\n`);
    keygen('-H', '-f', 'known_hosts');
    const r = await runDetector(opensshKey, '.ssh/known_hosts', read('known_hosts'));
    expect(keys(r).map((f) => [f.properties?.context, f.properties?.hashedHost, f.properties?.marker ?? ''])).toEqual([
      ['known_hosts', 'true', ''],
      ['known_hosts', 'true', ''],
      ['known_hosts', 'false', '@cert-authority'],
    ]);
  });
});

describe('openssh-key fixtures and bad input', () => {
  it('reads authorized_keys lines with options before the key type', async () => {
    const r = await runDetector(opensshKey, 'home/ops/.ssh/authorized_keys', fixture('authorized_keys'));
    expect(r.diagnostics).toEqual([]);
    expect(
      keys(r).map((f) => [f.evidence.line, f.key.algorithm.id, f.key.comment, f.properties?.options ?? '']),
    ).toEqual([
      [2, 'ed25519', 'fixture@pqready', 'command,no-pty,from'],
      [3, 'ecdsa', 'ops@pqready', ''],
    ]);
    expect(keys(r)[0]?.evidence.snippet).toBe('ssh-ed25519 fixture@pqready');
  });

  it('finds keys embedded in other text (cloud-init) and ignores clean configs', async () => {
    const line = Buffer.from(fixture('authorized_keys')).toString().split('\n')[2]!;
    const yaml = `users:\n  - name: ops\n    ssh_authorized_keys:\n      - ${line}\n`;
    expect(keys(await runDetector(opensshKey, 'user-data.yaml', yaml)).map((f) => f.evidence.line)).toEqual([4]);
    const clean = await runDetector(opensshKey, 'clean-ssh_config', fixture('clean-ssh_config'));
    expect([clean.findings, clean.diagnostics]).toEqual([[], []]);
  });

  it('reports a truncated key blob and a corrupt private key as diagnostics', async () => {
    const line = Buffer.from(fixture('authorized_keys')).toString().split('\n')[2]!;
    const [type, b64] = line.split(' ');
    const cut = Buffer.from(b64!, 'base64').subarray(0, 40).toString('base64');
    const r = await runDetector(opensshKey, 'id.pub', `${type} ${cut} x@y\n`);
    expect([r.findings.length, r.diagnostics.map((d) => d.code)]).toEqual([0, ['ssh-key-invalid']]);
    const bad =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n';
    const p = await runDetector(opensshKey, 'id_bad', bad);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['openssh-private-key-invalid']);
  });
});
