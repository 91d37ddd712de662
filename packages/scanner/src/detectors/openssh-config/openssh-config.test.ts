import { resolve } from 'node:path';
import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import {
  detectorFixture,
  listFiles,
  memoryFiles,
  runConfigDetector,
} from '../../config/test-support/fixture-context.js';
import { opensshConfig } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);

describe('openssh-config', () => {
  it('applies + and - modifiers to the defaults of the stated OpenSSH version', async () => {
    const r = await runConfigDetector(opensshConfig, fx('positive'), { openssh: '9.2' });
    expect(r.findings.map((x) => [x.properties?.['config.setting'], x.origin, x.evidence.line])).toEqual([
      ['kex', 'explicit', 2],
      ['cipher', 'explicit', 3],
      ['defaults', 'default', 1],
    ]);
    const f = r.findings[0] as ProtocolFinding;
    const c = r.findings[1] as ProtocolFinding;
    const d = r.findings[2] as ProtocolFinding;
    expect(f.protocol.groups.map((g) => g.name)).toEqual([
      'sntrup761x25519-sha512@openssh.com',
      'curve25519-sha256',
      'curve25519-sha256@libssh.org',
      'ecdh-sha2-nistp256',
      'ecdh-sha2-nistp384',
      'ecdh-sha2-nistp521',
      'diffie-hellman-group-exchange-sha256',
      'diffie-hellman-group16-sha512',
      'diffie-hellman-group18-sha512',
      'diffie-hellman-group14-sha256',
      'diffie-hellman-group14-sha1',
    ]);
    expect(f.protocol.groups[0]!.algorithm.id).toBe('sntrup761x25519-sha512');
    expect(c.properties?.['ssh.cipher']).toBe(
      'chacha20-poly1305@openssh.com,aes128-gcm@openssh.com,aes256-gcm@openssh.com',
    );
    expect(f.protocol.flags).toEqual(['sha1-kex']);
    expect(d.protocol.flags).toEqual(['sha1-or-md5-mac']);
    expect(d.properties?.['config.defaults']).toBe('hostkey pubkey casig mac');
    expect(f.protocol.references).toEqual([{ directive: 'HostKey', path: '/etc/ssh/ssh_host_ed25519_key' }]);
  });

  it('reports the crypto directives of a Match block as a conditional scope of their own', async () => {
    const files = memoryFiles({
      sshd_config:
        'KexAlgorithms mlkem768x25519-sha256\nMatch Group legacy\n  PubkeyAcceptedAlgorithms +ssh-rsa\n  KexAlgorithms curve25519-sha256\n',
    });
    const r = await runConfigDetector(opensshConfig, files, { openssh: '9.9' });
    expect(r.findings.map((x) => [x.context, x.properties?.['config.setting'], x.state, x.evidence.line])).toEqual([
      ['sshd_config', 'kex', 'active', 1],
      ['sshd_config', 'defaults', 'active', 1],
      // sshd refuses KexAlgorithms inside Match: only the allowed keyword counts.
      ['sshd_config > Match[Group legacy]', 'pubkey', 'conditional', 3],
    ]);
  });

  it('puts ML-KEM first from OpenSSH 10.0 defaults and flags a missing PQ kex before 9.0', async () => {
    const files = memoryFiles({ sshd_config: 'PermitRootLogin no\n' });
    const v10 = (await runConfigDetector(opensshConfig, files, { openssh: '10.0' })).findings[0] as ProtocolFinding;
    const v88 = (await runConfigDetector(opensshConfig, files, { openssh: '8.8' })).findings[0] as ProtocolFinding;
    expect(v10.protocol.groups[0]).toMatchObject({
      name: 'mlkem768x25519-sha256',
      algorithm: { id: 'mlkem768x25519-sha256' },
    });
    expect(v10.origin).toBe('default');
    expect(v88.protocol.groups.map((g) => g.name).indexOf('sntrup761x25519-sha512@openssh.com')).toBe(5);
  });

  it('does not claim a text file that merely mentions SSH', async () => {
    const r = await runConfigDetector(opensshConfig, fx('clean'));
    expect(r.accepted).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('keeps the first value and reports later ones as overridden; commented lines configure nothing', async () => {
    const files = memoryFiles({
      sshd_config:
        '# KexAlgorithms diffie-hellman-group1-sha1\nKexAlgorithms curve25519-sha256\nKexAlgorithms diffie-hellman-group1-sha1\n',
    });
    const r = await runConfigDetector(opensshConfig, files);
    expect(
      r.findings
        .filter((f) => f.origin !== 'default')
        .map((f) => [f.state, f.evidence.line, (f as ProtocolFinding).protocol.groups.map((g) => g.name)]),
    ).toEqual([
      ['active', 2, ['curve25519-sha256']],
      ['overridden', 3, ['diffie-hellman-group1-sha1']],
    ]);
  });

  it('survives binary junk and include cycles', async () => {
    const junk = new Uint8Array(50_000).map((_, i) => (i * 31) % 256);
    const files = memoryFiles({
      sshd_config: 'Include sshd_config\nCiphers aes128-ctr\n',
      'sshd_config.d/x.conf': junk,
    });
    const r = await runConfigDetector(opensshConfig, files);
    expect(r.diagnostics.map((d) => d.code)).toContain('include-cycle');
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it('reports CASignatureAlgorithms at its default when only PubkeyAcceptedAlgorithms is written', async () => {
    const root = resolve(__dirname, '../../../../../fixtures/configs/openssh/ca-signature-default');
    const r = await runConfigDetector(opensshConfig, listFiles(root), { openssh: '9.9' });
    const at = (path: string) =>
      r.findings
        .filter((f) => f.evidence.path === path)
        .map((f) => [f.properties?.['config.setting'], f.evidence.line, f.properties?.['config.defaults'] ?? '']);
    // The baseline writes PubkeyAcceptedKeyTypes: the CA list still defaults (8.5+ order, no ssh-rsa).
    expect(at('baseline/sshd_config').filter(([s]) => s === 'pubkey' || s === 'defaults')).toEqual([
      ['pubkey', 3, ''],
      ['defaults', 1, 'casig'],
    ]);
    const d = r.findings.find((f) => f.evidence.path === 'baseline/sshd_config' && f.origin === 'default');
    expect((d as ProtocolFinding).protocol.signatureAlgorithms.map((s) => s.name)).toEqual([
      'ssh-ed25519',
      'ecdsa-sha2-nistp256',
      'ecdsa-sha2-nistp384',
      'ecdsa-sha2-nistp521',
      'sk-ssh-ed25519@openssh.com',
      'sk-ecdsa-sha2-nistp256@openssh.com',
      'rsa-sha2-512',
      'rsa-sha2-256',
    ]);
    // A drop-in writing CASignatureAlgorithms leaves nothing at its default.
    expect(at('debian/sshd_config.d/50-ca.conf')).toEqual([['casig', 2, '']]);
    expect(r.findings.some((f) => f.evidence.path.startsWith('debian/') && f.origin === 'default')).toBe(false);
  });

  it('keeps ssh-rsa in the CA default before OpenSSH 8.2', async () => {
    const files = memoryFiles({ sshd_config: 'PubkeyAcceptedAlgorithms ssh-ed25519\n' });
    const r = await runConfigDetector(opensshConfig, files, { openssh: '8.1' });
    const d = r.findings.find((f) => f.origin === 'default') as ProtocolFinding;
    expect(d.protocol.signatureAlgorithms.map((s) => s.name).at(-1)).toBe('ssh-rsa');
  });
});
