import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import {
  detectorFixture,
  fileHead,
  listFiles,
  memoryFiles,
  runConfigDetector,
  summarize,
} from '../../config/test-support/fixture-context.js';
import { mosquittoTls } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const head = fileHead;

describe('mosquitto-tls', () => {
  it('reports each TLS listener, with include_dir files and resolved certificate paths', async () => {
    const r = await runConfigDetector(mosquittoTls, fx('positive'));
    expect(
      r.findings.map((f) => [
        f.context,
        f.properties?.['config.setting'],
        f.origin,
        `${f.evidence.path}:${f.evidence.line}`,
      ]),
    ).toEqual([
      ['listener 8883', 'versions', 'explicit', 'mosquitto.conf:12'],
      ['listener 8883', 'ciphers', 'explicit', 'mosquitto.conf:13'],
      ['listener 8883', 'defaults', 'default', 'mosquitto.conf:8'],
      ['listener 8884', 'versions', 'explicit', 'conf.d/psk.conf:4'],
      ['listener 8884', 'ciphers', 'explicit', 'conf.d/psk.conf:3'],
      ['listener 8884', 'defaults', 'default', 'conf.d/psk.conf:1'],
    ]);
    const s = r.findings.map(summarize);
    expect(s[0]).toMatchObject({ type: 'mqtt-tls', versions: ['1.2', '1.3'] });
    expect(s[1]).toMatchObject({
      flags: ['cbc-sha1', 'static-rsa-kex'],
      suites: ['ECDHE-RSA-AES128-GCM-SHA256', 'AES128-SHA'],
      references: ['certfile=certs/broker.pem', 'keyfile=certs/broker.key', 'cafile=certs/ca.pem'],
    });
    expect(s[2]).toMatchObject({
      suites: ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'],
      flags: ['no-pq-group'],
    });
    expect(s[5]).toMatchObject({ flags: ['no-pq-group', 'psk'] });
    const f = r.findings[0] as ProtocolFinding;
    expect(f.properties?.['mqtt.requireCertificate']).toBe('true');
    expect(f.properties?.['mqtt.perListenerSettings']).toBe('true');
    expect(r.diagnostics).toEqual([]);
  });

  it('detects the demo gateway broker and links its PKI files', async () => {
    const demo = resolve(__dirname, '../../../../../fixtures/demo-device');
    const r = await runConfigDetector(mosquittoTls, listFiles(demo));
    expect(r.accepted).toEqual(['gateway/mosquitto.conf']);
    const f = r.findings[1] as ProtocolFinding;
    expect(f.context).toBe('listener 8883');
    expect(f.evidence.line).toBe(7);
    expect(f.protocol.references).toEqual([
      { directive: 'certfile', path: 'pki/device-cert.pem' },
      { directive: 'keyfile', path: 'pki/device-key.pem' },
      { directive: 'cafile', path: 'pki/ca-cert.pem' },
    ]);
    expect(f.protocol.flags).toContain('cbc-sha1');
  });

  it('applies tls_version as the only version before 2.0 and as the minimum since', async () => {
    const files = memoryFiles({
      'mosquitto.conf': 'listener 8883\ncertfile a.pem\nkeyfile a.key\ntls_version tlsv1.1\n',
    });
    const old = (await runConfigDetector(mosquittoTls, files, { mosquitto: '1.6' })).findings[0] as ProtocolFinding;
    const now = (await runConfigDetector(mosquittoTls, files, { mosquitto: '2.0.18' })).findings[0] as ProtocolFinding;
    expect(old.protocol.versions).toEqual(['1.1']);
    expect(now.protocol.versions).toEqual(['1.1', '1.2', '1.3']);
    expect(now.protocol.flags).toContain('tls-below-1.2');
  });

  it('takes defaults when TLS options are absent and says so', async () => {
    const files = memoryFiles({ 'mosquitto.conf': 'certfile a.pem\nkeyfile a.key\nallow_anonymous false\n' });
    const r = await runConfigDetector(mosquittoTls, files, { openssl: '3.5' });
    const f = r.findings[0] as ProtocolFinding;
    expect(f.context).toBe('default listener');
    expect(f.origin).toBe('default');
    expect(f.protocol.versions).toEqual(['1.2', '1.3']);
    expect(f.properties?.['tls.cipherString.default']).toBe('DEFAULT:!aNULL:!eNULL:!LOW:!EXPORT:!SSLv2:@STRENGTH');
    expect(f.protocol.groups[0]?.name).toBe('X25519MLKEM768');
    expect(f.protocol.flags).not.toContain('no-pq-group');
  });

  it('reports nothing for a broker without TLS', async () => {
    const r = await runConfigDetector(mosquittoTls, fx('clean'));
    expect(r.accepted).toEqual(['mosquitto.conf']);
    expect(r.findings).toEqual([]);
  });

  it('does not claim other formats', () => {
    expect(mosquittoTls.accepts(head('nginx.conf', 'http {\n server {\n  listen 443 ssl;\n'))).toBe(false);
    expect(mosquittoTls.accepts(head('sshd_config', 'Port 22\nListenAddress 0.0.0.0\n'))).toBe(false);
    expect(mosquittoTls.accepts(head('prj.conf', 'CONFIG_MBEDTLS=y\nCONFIG_NET_SOCKETS=y\n'))).toBe(false);
    expect(mosquittoTls.accepts(head('app.conf', 'listener 8080\n'))).toBe(false);
    expect(mosquittoTls.accepts(head('mosquitto.conf', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0])))).toBe(false);
    expect(mosquittoTls.accepts(head('broker.conf', 'listener 8883\ncertfile a.pem\nrequire_certificate true\n'))).toBe(
      true,
    );
  });

  it('survives hostile input: huge lines, junk, include loops, invalid values', async () => {
    const junk = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const r = await runConfigDetector(
      mosquittoTls,
      memoryFiles({
        'mosquitto.conf': `listener 8883\ncertfile a.pem\nkeyfile a.key\nciphers ${'A'.repeat(20_000)}\ntls_version sslv3\ninclude_dir .\n${'x y\n'.repeat(5000)}`,
        'mosquitto/junk.conf': junk,
        'mosquitto/text.conf': `listener 1\n${'\u0000'.repeat(10)}`,
      }),
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['line-too-long', 'invalid-value']));
    expect(r.diagnostics.filter((d) => d.code === 'unknown-option').length).toBe(20);
    expect(new Set(r.findings.map((f) => f.context))).toEqual(new Set(['listener 8883']));
    expect(readFileSync(join(__dirname, 'README.md'), 'utf8')).toContain('## Limits');
  });
});
