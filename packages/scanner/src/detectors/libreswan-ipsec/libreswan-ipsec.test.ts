import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import {
  detectorFixture,
  fileHead,
  memoryFiles,
  runConfigDetector,
  settingRow,
} from '../../config/test-support/fixture-context.js';
import { strongswanIpsec } from '../strongswan-ipsec/index.js';
import { libreswanIpsec, translateProposal } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);

describe('libreswan-ipsec', () => {
  it('reports each connection at its ike=, esp=/phase2alg= and keyexchange= lines, defaults at the conn line', async () => {
    const r = await runConfigDetector(libreswanIpsec, fx('positive'));
    expect(r.accepted.sort()).toEqual(['ipsec.conf']);
    const findings = r.findings as ProtocolFinding[];
    expect(findings.map(settingRow)).toEqual([
      'conn pq-tunnel ike active explicit ipsec.conf:14',
      'conn pq-tunnel versions active inherited ipsec.conf:7',
      'conn pq-tunnel esp active explicit ipsec.conf:15',
      'conn legacy-l2tp ike active explicit ipsec.conf:21',
      'conn legacy-l2tp versions active explicit ipsec.conf:20',
      'conn legacy-l2tp esp active explicit ipsec.conf:22',
      // auto= unset: pluto does not load it.
      'conn l2tp-base defaults inactive default ipsec.conf:25',
      'conn l2tp-base versions inactive inherited ipsec.conf:7',
      'conn l2tp-base defaults inactive default ipsec.conf:25',
      'conn roadwarrior defaults active default ipsec.d/roadwarrior.conf:2',
      'conn roadwarrior versions active inherited ipsec.conf:7',
      'conn roadwarrior defaults active default ipsec.d/roadwarrior.conf:2',
    ]);
    const [pqIke, , pqEsp, oldIke] = findings;
    expect(pqIke!.protocol.groups.map((g) => g.name)).toEqual(['curve25519', 'ke1_mlkem768']);
    expect(pqIke!.protocol.flags).toEqual(['additional-ke']);
    expect(pqIke!.properties?.['ike.keyExchanges']).toBe('curve25519+ke1_mlkem768');
    expect(pqEsp!.protocol.algorithms).toEqual([{ id: 'aes', keyBits: 256, mode: 'gcm' }]);
    expect(oldIke!.protocol.versions).toEqual(['1']);
    expect(oldIke!.protocol.flags).toEqual(['3des', 'ikev1', 'md5-prf', 'modp1024', 'no-pq-ke']);
    const rw = findings.find((f) => f.context === 'conn roadwarrior' && f.protocol.type === 'ike')!;
    // pluto's IKEv2 defaults: AES-GCM, ChaCha20-Poly1305, AES-CBC; P-256 … X25519, MODP 2048–8192; no ML-KEM.
    expect(rw.protocol.groups.map((g) => g.name)).toEqual([
      'ecp256',
      'ecp384',
      'ecp521',
      'curve25519',
      'modp4096',
      'modp3072',
      'modp2048',
      'modp8192',
    ]);
    expect(rw.protocol.flags).toEqual(['no-pq-ke']);
    expect(r.diagnostics).toEqual([]);
  });

  it('leaves a Libreswan host without connections, and strongSwan files, alone', async () => {
    const clean = await runConfigDetector(libreswanIpsec, fx('clean'));
    expect(clean.accepted).toEqual(['ipsec.conf']);
    expect(clean.findings).toEqual([]);
    const strong = memoryFiles({
      'ipsec.conf': 'include missing.conf\nconn a\n\tike=aes256-sha256-ecp256!\n\tauto=add\n',
    });
    const quiet = await runConfigDetector(libreswanIpsec, strong);
    // strongswan-ipsec reads the file and names the missing include; saying it twice would be noise.
    expect([quiet.findings, quiet.diagnostics]).toEqual([[], []]);
    expect((await runConfigDetector(strongswanIpsec, strong)).findings.length).toBeGreaterThan(0);
  });

  it('translates the proposal grammar: key lengths, + alternatives, ;DH, TYPE= parts, null integrity', () => {
    expect(translateProposal('aes_gcm256-sha2;dh19', 'ike')).toBe('aes256gcm16-prfsha256-ecp256');
    expect(translateProposal('aes+3des-sha1+sha2_512;modp2048+dh14', 'ike')).toBe(
      'aes256-aes128-3des-prfsha1-prfsha512-modp2048-modp2048',
    );
    expect(translateProposal('aes_gcm_16_128-null', 'esp')).toBe('aes128gcm16');
    expect(translateProposal('aes128-sha2_512;dh20', 'esp')).toBe('aes128-sha512-ecp384');
    expect(translateProposal('chacha20_poly1305;ke=dh31;addke1=ml_kem_768+none', 'ike')).toBe(
      'chacha20poly1305-curve25519-ke1_mlkem768-ke1_none',
    );
    expect(translateProposal('sha2_256', 'ah')).toBe('sha256');
    expect(translateProposal('serpent-sha1', 'esp')).toBe('serpent-sha1');
  });

  it('diagnoses unknown algorithm names once each and keeps them as unknown algorithms', async () => {
    const r = await runConfigDetector(
      libreswanIpsec,
      memoryFiles({ 'ipsec.conf': 'conn a\n\tikev2=yes\n\tike=twofish-sha2;dh19\n\tauto=add\n' }),
    );
    expect(r.diagnostics.map((d) => `${d.code}:${d.line}`)).toEqual(['unknown-proposal-keyword:3']);
    const ike = (r.findings as ProtocolFinding[])[0]!;
    expect(ike.protocol.algorithms).toContainEqual({ id: 'unknown', parameterSet: 'twofish' });
  });

  it('claims ipsec.conf by name and other files only with a Libreswan conn', () => {
    expect(libreswanIpsec.accepts(fileHead('etc/ipsec.conf', 'config setup\n'))).toBe(true);
    expect(libreswanIpsec.accepts(fileHead('ipsec.d/vpn.conf', 'conn a\n\tphase2alg=aes128-sha1\n'))).toBe(true);
    expect(libreswanIpsec.accepts(fileHead('ipsec.d/vpn.conf', 'conn a\n\tike=aes256-sha2;dh19\n'))).toBe(true);
    expect(libreswanIpsec.accepts(fileHead('swan/vpn.conf', 'conn a\n\tike=aes256-sha256-ecp256\n'))).toBe(false);
    expect(libreswanIpsec.accepts(fileHead('vpn.conf.j2', 'conn a\n\tphase2alg={{ p }}\n'))).toBe(false);
    expect(libreswanIpsec.accepts(fileHead('setup.sh', 'conn a\n\tphase2alg=aes\n'))).toBe(false);
  });

  it('survives hostile input: junk, huge lines, include cycles, also= loops', async () => {
    const r = await runConfigDetector(
      libreswanIpsec,
      memoryFiles({
        'junk/ipsec.conf': new Uint8Array(40_000).map((_, i) => (i * 37) % 256),
        'huge/ipsec.conf': `conn a\n\tikev2=no\n\tphase2alg=${'aes-'.repeat(5000)}sha1\n\tauto=add\n`,
        'loop/ipsec.conf': 'conn x\n\talso=y\n\tauto=add\n\tikev2=no\nconn y\n\talso=x\ninclude ipsec.conf\n',
      }),
    );
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('line-too-long');
    expect(codes).toContain('include-cycle');
    expect(r.findings.some((f) => f.evidence.path === 'loop/ipsec.conf' && f.context === 'conn x')).toBe(true);
    expect(r.findings.some((f) => f.evidence.path.startsWith('junk/'))).toBe(false);
  });
});
