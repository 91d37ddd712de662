import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import {
  detectorFixture,
  listFiles,
  memoryFiles,
  runConfigDetector,
  summarize,
} from '../../config/test-support/fixture-context.js';
import { strongswanIpsec } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const head = (path: string, text: string) => ({
  path,
  absPath: `/x/${path}`,
  size: 10,
  head: new TextEncoder().encode(text),
});
const byContext = (fs: readonly unknown[], ctx: string, type: string) =>
  fs.find(
    (f) => (f as ProtocolFinding).context === ctx && (f as ProtocolFinding).protocol.type === type,
  ) as ProtocolFinding;

describe('strongswan-ipsec', () => {
  it('splits ipsec.conf proposals and resolves also=, %default and certificate paths', async () => {
    const r = await runConfigDetector(strongswanIpsec, fx('positive'));
    expect(r.diagnostics).toEqual([]);
    const gw = byContext(r.findings, 'conn gateway', 'ike');
    expect(summarize(gw)).toMatchObject({
      origin: 'inherited',
      versions: ['2'],
      flags: ['no-pq-ke'],
      groups: ['modp2048'],
      references: ['leftcert=ipsec.d/certs/gw.pem'],
    });
    expect(gw.protocol.algorithms).toEqual([
      { id: 'aes', keyBits: 256, mode: 'cbc' },
      { id: 'hmac', hash: 'sha-256' },
    ]);
    const legacy = byContext(r.findings, 'conn legacy', 'ike');
    expect(legacy.protocol.flags).toEqual(['3des', 'ikev1', 'modp1024', 'no-pq-ke', 'sha1-integrity']);
    expect(legacy.protocol.references).toEqual([{ directive: 'rightcert', path: 'ipsec.d/certs/peer.pem' }]);
    // esp= without "!" also accepts charon's default proposals.
    const baseEsp = byContext(r.findings, 'conn base', 'ipsec');
    expect(baseEsp.origin).toBe('default');
    expect(baseEsp.properties?.['ipsec.configured']).toBe('aes128-sha256');
    expect(baseEsp.protocol.flags).toContain('sha1-integrity');
  });

  it('reads swanctl.conf with includes, references and hybrid ML-KEM key exchanges', async () => {
    const r = await runConfigDetector(strongswanIpsec, fx('positive'));
    const gw = byContext(r.findings, 'connections > gw', 'ike');
    expect(gw.protocol.groups.map((g) => [g.name, g.algorithm.id])).toEqual([
      ['ecp384', 'ecdh'],
      ['ke1_mlkem768', 'ml-kem-768'],
      ['modp2048', 'dh'],
    ]);
    expect(gw.protocol.flags).toEqual(['additional-ke']);
    expect(gw.properties?.['ike.keyExchanges']).toBe('ecp384+ke1_mlkem768,modp2048');
    expect(gw.protocol.references).toEqual([{ directive: 'local.certs', path: 'swanctl/x509/gw-cert.pem' }]);
    const rw = byContext(r.findings, 'connections > rw', 'ike');
    expect(rw.evidence.path).toBe('swanctl/conf.d/roadwarrior.conf');
    expect(rw.protocol.versions).toEqual(['2']);
    expect(rw.protocol.flags).toContain('modp1024');
    const child = byContext(r.findings, 'connections > rw > children > rw-net', 'ipsec');
    expect(child.protocol.groups.map((g) => g.name)).toEqual(['modp3072', 'ke1_mlkem768']);
    expect(child.protocol.flags).not.toContain('no-pq-ke');
  });

  it('uses the default proposals when none are configured and states the version', async () => {
    const files = memoryFiles({
      'swanctl.conf': 'connections {\n  c {\n    children {\n      n {\n      }\n    }\n  }\n}\n',
    });
    const r = await runConfigDetector(strongswanIpsec, files, { strongswan: '6.0.1' });
    const ike = byContext(r.findings, 'connections > c', 'ike');
    expect(ike.origin).toBe('default');
    expect(ike.properties?.['ike.defaultFrom']).toBe('strongSwan 6.0.1 default proposals');
    expect(ike.protocol.versions).toEqual(['1', '2']);
    expect(ike.protocol.flags).toEqual(expect.arrayContaining(['ikev1', 'no-pq-ke']));
    expect(byContext(r.findings, 'connections > c > children > n', 'ipsec').origin).toBe('default');
  });

  it('reports nothing for configs without connections and does not claim other formats', async () => {
    const r = await runConfigDetector(strongswanIpsec, fx('clean'));
    expect(r.accepted).toEqual(['ipsec.conf']);
    expect(r.findings).toEqual([]);
    expect(strongswanIpsec.accepts(head('nginx.conf', 'http {\n  server {\n    listen 443 ssl;\n  }\n}\n'))).toBe(
      false,
    );
    expect(strongswanIpsec.accepts(head('mosquitto.conf', 'listener 8883\ncertfile a.pem\n'))).toBe(false);
    expect(strongswanIpsec.accepts(head('random.conf', 'connection = fast\nconn = 3\n'))).toBe(false);
    expect(strongswanIpsec.accepts(head('vpn.conf', 'conn office\n    ike=aes128-sha256-modp3072\n'))).toBe(true);
    expect(strongswanIpsec.accepts(head('tunnels.conf', 'connections {\n  a {\n    proposals = default\n'))).toBe(true);
  });

  it('survives hostile input: unbalanced braces, include cycles, deep nesting, junk', async () => {
    const deep = `connections {\n${'x {\n'.repeat(20_000)}`;
    const junk = new Uint8Array(50_000).map((_, i) => (i * 7919) % 256);
    const r = await runConfigDetector(
      strongswanIpsec,
      memoryFiles({
        'swanctl.conf': `${deep}include swanctl.conf\n`,
        'a/ipsec.conf':
          'conn x\n  also=y\n  auto=add\nconn y\n  also=x\n  ike=aes128-nope-modp2048\ninclude ipsec.conf\n',
        'b/swanctl.conf': junk,
      }),
    );
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['nesting-too-deep', 'unbalanced-braces', 'include-cycle']));
    expect(codes).toContain('unknown-proposal-keyword');
    expect(byContext(r.findings, 'conn x', 'ike').protocol.algorithms).toContainEqual({
      id: 'unknown',
      parameterSet: 'nope',
    });
    expect(readFileSync(join(__dirname, 'README.md'), 'utf8')).toContain('## Limits');
  });

  it('inherits proposals, version and children from a template section outside connections', async () => {
    const files = listFiles(join(__dirname, '../../../../../fixtures/configs/strongswan/swanctl-template'));
    const r = await runConfigDetector(strongswanIpsec, files, { strongswan: '6.0' });
    expect(r.findings.map((f) => [f.context, f.properties?.['config.setting'], f.origin, f.evidence.line])).toEqual([
      ['connections > rw-psk', 'ike', 'inherited', 5],
      ['connections > rw-psk', 'versions', 'inherited', 4],
      ['connections > rw-psk > children > net', 'esp', 'inherited', 9],
      // Own keys win over the template's; the pass child (bypass policy) has no SA to report.
      ['connections > rw-cert', 'ike', 'explicit', 26],
      ['connections > rw-cert', 'versions', 'inherited', 4],
      ['connections > rw-cert > children > net', 'esp', 'explicit', 29],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('still reports a reference that names no section', async () => {
    const files = memoryFiles({ 'swanctl.conf': 'connections {\n  a : nowhere {\n    version = 2\n  }\n}\n' });
    const r = await runConfigDetector(strongswanIpsec, files, { strongswan: '6.0' });
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['reference-not-found', 2]]);
  });

  it('knows the oqs plugin KEMs and the optional none exchange: no unknown keyword, no no-pq-ke flag', async () => {
    const files = listFiles(join(__dirname, '../../../../../fixtures/configs/strongswan/oqs-keywords'));
    const r = await runConfigDetector(strongswanIpsec, files, { strongswan: '6.0' });
    expect(r.diagnostics).toEqual([]);
    const esp = r.findings.find((f) => f.properties?.['config.setting'] === 'esp') as ProtocolFinding;
    expect(esp.protocol.flags).toEqual(['additional-ke']);
    expect(esp.protocol.groups.map((g) => [g.name, g.algorithm.id, g.algorithm.parameterSet])).toEqual([
      ['modp3072', 'dh', 'modp3072'],
      ['ke1_frodoa3', 'frodokem', 'frodokem976aes'],
      ['ke2_frodos5', 'frodokem', 'frodokem1344shake'],
    ]);
    const ike = r.findings.find((f) => f.properties?.['config.setting'] === 'ike') as ProtocolFinding;
    expect(ike.protocol.groups.map((g) => g.algorithm.id)).toEqual(['x25519', 'kyber-768', 'bike', 'hqc']);
  });

  it('names a Libreswan ipsec.conf in one info diagnostic instead of reading it as strongSwan', async () => {
    const files = listFiles(join(__dirname, '../../../../../fixtures/configs/strongswan/libreswan-dialect'));
    const r = await runConfigDetector(strongswanIpsec, files, { strongswan: '6.0' });
    expect(r.findings).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path, d.line])).toEqual([
      ['libreswan-config', 'info', 'ipsec.conf', 4],
    ]);
    // A conn file of its own is recognised by Libreswan's proposal syntax alone.
    const alone = await runConfigDetector(
      strongswanIpsec,
      memoryFiles({ 'vpn.conf': 'conn a\n\tauto=add\n\tike=aes256-sha2;modp2048\n' }),
      { strongswan: '6.0' },
    );
    expect(alone.diagnostics.map((d) => d.code)).toEqual(['libreswan-config']);
  });
});
