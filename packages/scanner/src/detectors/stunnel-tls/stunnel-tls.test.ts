import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { parseStunnelConf } from '../../config/stunnel-parser.js';
import {
  detectorFixture,
  fileHead,
  memoryFiles,
  runConfigDetector,
  settingRow,
} from '../../config/test-support/fixture-context.js';
import { stunnelTls } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const row = settingRow;
const run = async (text: string, assume: Record<string, string> = {}) =>
  (await runConfigDetector(stunnelTls, memoryFiles({ 'stunnel.conf': text }), assume)) as {
    findings: ProtocolFinding[];
    diagnostics: { code: string; line?: number }[];
    accepted: string[];
  };

describe('stunnel-tls', () => {
  it('reports each service with the global options it copies, at their lines, and reads include directories', async () => {
    const r = await runConfigDetector(stunnelTls, fx('positive'));
    expect(r.accepted.sort()).toEqual(['conf.d/10-upstream.conf', 'stunnel.conf']);
    const findings = r.findings as ProtocolFinding[];
    expect(findings.map(row)).toEqual([
      // include = conf.d sits among the global options: its [upstream] service comes first.
      'stunnel > [upstream] versions active inherited stunnel.conf:4',
      'stunnel > [upstream] ciphers active inherited stunnel.conf:6',
      'stunnel > [upstream] sigalgs active explicit conf.d/10-upstream.conf:8',
      'stunnel > [upstream] defaults active default conf.d/10-upstream.conf:2',
      'stunnel > [imaps] versions active inherited stunnel.conf:4',
      'stunnel > [imaps] ciphers active inherited stunnel.conf:6',
      'stunnel > [imaps] groups active explicit stunnel.conf:13',
      'stunnel > [imaps] defaults active default stunnel.conf:9',
      'stunnel > [legacy-pop3s] versions active explicit stunnel.conf:20',
      'stunnel > [legacy-pop3s] ciphers active explicit stunnel.conf:21',
      'stunnel > [legacy-pop3s] defaults active default stunnel.conf:15',
    ]);
    const at = (ctx: string, setting: string) =>
      findings.find((f) => f.context === ctx && f.properties?.['config.setting'] === setting)!;
    expect(at('stunnel > [upstream]', 'versions').properties?.['config.role']).toBe('client');
    expect(at('stunnel > [imaps]', 'versions').protocol.versions).toEqual(['1.2', '1.3']);
    expect(at('stunnel > [imaps]', 'groups').protocol.groups.map((g) => g.name)).toEqual([
      'X25519MLKEM768',
      'x25519',
      'secp256r1',
    ]);
    // stunnel's own curve list replaces OpenSSL's: no hybrid group unless `curves` names one.
    expect(at('stunnel > [upstream]', 'defaults').protocol.flags).toEqual(['no-pq-group']);
    expect(at('stunnel > [upstream]', 'defaults').properties?.['config.defaults']).toBe('ciphersuites groups');
    expect(at('stunnel > [upstream]', 'sigalgs').protocol.signatureAlgorithms.map((s) => s.name)).toEqual([
      'ecdsa_secp256r1_sha256',
      'rsa_pss_rsae_sha256',
    ]);
    const legacy = at('stunnel > [legacy-pop3s]', 'versions');
    expect(legacy.protocol.versions).toEqual(['1.0']);
    expect(legacy.protocol.flags).toEqual(['tls-below-1.2']);
    expect(legacy.notes?.join(' ')).toMatch(/security level 2 .*TLS 1\.0 and 1\.1 handshakes cannot complete/);
    expect(at('stunnel > [legacy-pop3s]', 'ciphers').protocol.flags).toContain('static-rsa-kex');
    expect(r.diagnostics).toEqual([]);
  });

  it('claims nothing from a sample whose services are all commented out', async () => {
    const r = await runConfigDetector(stunnelTls, fx('clean'));
    expect(r.accepted).toEqual(['stunnel.conf']);
    expect(r.findings).toEqual([]);
  });

  it('applies the stunnel defaults (cipher list, suites, curves; FIPS variants) at the service line', async () => {
    const plain = await run('[https]\naccept = 443\nconnect = 80\ncert = /etc/stunnel/stunnel.pem\n');
    expect(plain.findings.map(row)).toEqual(['stunnel > [https] defaults active default stunnel.conf:1']);
    const d = plain.findings[0]!;
    expect(d.properties?.['config.defaults']).toBe('versions ciphers ciphersuites groups');
    expect(d.properties?.['tls.cipherString.default']).toBe('HIGH:!aNULL:!SSLv2:!DH:!kDHEPSK');
    expect(d.protocol.versions).toEqual(['1.0', '1.1', '1.2', '1.3']);
    // !DH leaves no finite-field DHE suite; HIGH keeps AES-CBC-SHA1 suites.
    expect(d.protocol.cipherSuites.some((c) => c.openssl?.startsWith('DHE-'))).toBe(false);
    expect(d.protocol.flags).toEqual(['cbc-sha1', 'no-pq-group', 'static-rsa-kex', 'tls-below-1.2']);
    const fips = await run('fips = yes\n[https]\naccept = 443\nconnect = 80\ncert = /x.pem\n');
    expect(fips.findings[0]!.properties?.['tls.cipherString.default']).toBe('FIPS:!DH:!kDHEPSK');
    expect(fips.findings[0]!.protocol.groups.map((g) => g.name)).toEqual(['secp256r1', 'secp521r1', 'secp384r1']);
    // stunnel 4.53 on OpenSSL 1.0.1 (Debian 7): SSLv3 still on, no TLS 1.3, RC4 preferred list, one curve.
    const old = await run('[https]\naccept = 443\nconnect = 80\ncert = /x.pem\n', {
      stunnel: '4.53',
      openssl: '1.0.1',
    });
    const o = old.findings[0]!;
    expect(o.protocol.versions).toEqual(['ssl-3.0', '1.0', '1.1', '1.2']);
    expect(o.properties?.['tls.cipherString.default']).toBe('ALL:!SSLv2:!aNULL:!EXP:!LOW:-MEDIUM:RC4:+HIGH');
    expect(o.protocol.groups.map((g) => g.name)).toEqual(['secp256r1']);
    expect(o.notes ?? []).toEqual([]);
  });

  it('derives versions from options = NO_* lines (and -NO_* undoing them) when no sslVersion option is written', async () => {
    const r = await run(
      'options = NO_TLSv1\noptions = NO_TLSv1_1\noptions = NO_TLSv1_2\noptions = -NO_TLSv1_2\n[s]\naccept = 1\nconnect = 2\ncert = /a.pem\n',
    );
    const v = r.findings.find((f) => f.properties?.['config.setting'] === 'versions')!;
    expect(row(v)).toBe('stunnel > [s] versions active inherited stunnel.conf:4');
    expect(v.protocol.versions).toEqual(['1.2', '1.3']);
  });

  it('lets config commands override ciphers and versions, and reports config Groups as overridden by curves', async () => {
    const r = await run(
      '[s]\naccept = 1\nconnect = 2\ncert = /a.pem\nciphers = ALL\nconfig = CipherString:ECDHE+AESGCM\nconfig = MinProtocol:TLSv1.3\nconfig = Groups:X25519MLKEM768\n',
    );
    expect(r.findings.map(row)).toEqual([
      'stunnel > [s] versions active explicit stunnel.conf:7',
      'stunnel > [s] ciphers inactive explicit stunnel.conf:6',
      'stunnel > [s] defaults active default stunnel.conf:1',
      'stunnel > [s] groups overridden explicit stunnel.conf:8',
    ]);
    expect(r.findings[0]!.protocol.versions).toEqual(['1.3']);
    expect(r.findings[3]!.protocol.groups.map((g) => g.name)).toEqual(['X25519MLKEM768']);
  });

  it('diagnoses values stunnel refuses (it does not start) and lines without "="', async () => {
    const r = await run(
      'sslVersion = TLSv1.4\noptions = NO_TLSv1.1\nnonsense\n[s]\naccept = 1\nconnect = 2\ncert = /a\n',
    );
    expect(r.diagnostics.map((d) => `${d.code}:${d.line}`).sort()).toEqual([
      'invalid-value:1',
      'invalid-value:2',
      'unparsable-line:3',
    ]);
  });

  it('claims stunnel files by content, not other INI files, properties, scripts or templates', () => {
    const yes = (path: string, text: string) => expect(stunnelTls.accepts(fileHead(path, text)), path).toBe(true);
    const no = (path: string, text: string) => expect(stunnelTls.accepts(fileHead(path, text)), path).toBe(false);
    yes('etc/tunnels.conf', '[redis]\nclient = yes\naccept = 127.0.0.1:6379\nconnect = db:6380\n');
    yes('stunnel/conf.d/00-global.conf', 'sslVersionMin = TLSv1.2\n');
    yes('docker/stunnel.conf', 'cert = /etc/ssl/x.pem\n[web]\naccept = 443\nconnect = app:80\n');
    no('openssl.cnf', '[system_default_sect]\nMinProtocol = TLSv1.2\nCipherString = DEFAULT\n');
    no('php.ini', '[PHP]\nengine = On\nopenssl.cafile = /etc/ssl/ca.pem\n');
    no('app.properties', 'server.port = 8443\nsslVersion = TLSv1.2\n');
    no('units/app.service', '[Service]\nExecStart = /usr/bin/app --accept=1\n');
    no('setup.sh', 'cat > /etc/stunnel/stunnel.conf <<EOF\nsslVersion = TLSv1.2\n[s]\naccept = 1\nEOF\n');
    no('stunnel.conf.j2', 'sslVersionMin = {{ v }}\n[s]\naccept = 1\nconnect = 2\n');
    no('nginx/stunnel.conf', 'server {\n  listen 443 ssl;\n}\n');
    no('stunnel.pem', '-----BEGIN CERTIFICATE-----\nMIIB==\n-----END CERTIFICATE-----\n');
  });

  it('parses BOM, comments and case-insensitive names; survives junk, huge lines and include cycles', async () => {
    const p = parseStunnelConf('\uFEFF; c\n# c\n  CIPHERS = HIGH ; not a comment\n[x]\n');
    expect(p.lines).toEqual([
      { kind: 'option', key: 'CIPHERS', value: 'HIGH ; not a comment', line: 3 },
      { kind: 'section', name: 'x', line: 4 },
    ]);
    const r = await runConfigDetector(
      stunnelTls,
      memoryFiles({
        'huge/stunnel.conf': `ciphers = ${'A'.repeat(20_000)}\n[s]\naccept = 1\nconnect = 2\ncert = /a\n`,
        'junk/stunnel.conf': new Uint8Array(50_000).map((_, i) => (i * 31) % 256),
        'loop/stunnel.conf': 'sslVersionMin = TLSv1.2\ninclude = d\n',
        'loop/d/a.conf': '[s]\naccept = 1\nconnect = 2\ncert = /a\ninclude = ..\n',
        'cut/stunnel.conf': '[s]\naccept = 1\nconnect = 2\ncert = /a\nciphers = ECDHE+AES',
      }),
    );
    expect(r.accepted).not.toContain('junk/stunnel.conf');
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('line-too-long');
    expect(codes).toContain('include-cycle');
    const huge = (r.findings as ProtocolFinding[]).filter((f) => f.evidence.path === 'huge/stunnel.conf');
    expect(huge.map(row)).toEqual(['stunnel > [s] defaults active default huge/stunnel.conf:2']);
    const loop = (r.findings as ProtocolFinding[]).filter((f) => f.context === 'stunnel > [s]');
    expect(loop.some((f) => f.evidence.path === 'loop/stunnel.conf')).toBe(true);
    const cut = (r.findings as ProtocolFinding[]).find(
      (f) => f.evidence.path === 'cut/stunnel.conf' && f.evidence.line === 5,
    );
    expect(cut?.properties?.['config.value']).toBe('ECDHE+AES');
  });
});
