import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { expandPostfix, parseMainCf, parseMasterCf } from '../../config/postfix-parser.js';
import {
  detectorFixture,
  fileHead,
  memoryFiles,
  runConfigDetector,
  settingRow,
} from '../../config/test-support/fixture-context.js';
import { postfixProtocols, postfixTls } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const row = settingRow;

describe('postfix-tls', () => {
  it('reports main.cf scopes and each master.cf service that overrides TLS, at the parameter lines', async () => {
    const r = await runConfigDetector(postfixTls, fx('positive'));
    expect(r.diagnostics).toEqual([]);
    expect(r.findings.map(row)).toEqual([
      'main.cf > smtpd versions active explicit main.cf:6',
      'main.cf > smtpd ciphers active explicit main.cf:9',
      'main.cf > smtpd groups active explicit main.cf:13',
      'main.cf > smtpd defaults active default main.cf:1',
      // The mandatory parameters configure nothing while main.cf says `may`: conditional, not enabled.
      'main.cf > smtpd versions conditional explicit main.cf:7',
      'main.cf > smtpd ciphers conditional explicit main.cf:8',
      'main.cf > smtp versions active explicit main.cf:16',
      'main.cf > smtp groups active explicit main.cf:13',
      'main.cf > smtp defaults active default main.cf:1',
      // submission sets `encrypt`: the mandatory parameters of main.cf apply there, through the grade's list.
      'master.cf > submission/inet (smtpd) versions active inherited main.cf:7',
      'master.cf > submission/inet (smtpd) ciphers active inherited main.cf:8',
      'master.cf > submission/inet (smtpd) ciphers active inherited main.cf:12',
      'master.cf > submission/inet (smtpd) ciphers active inherited main.cf:9',
      'master.cf > submission/inet (smtpd) groups active inherited main.cf:13',
      'master.cf > submission/inet (smtpd) defaults active default master.cf:3',
      'master.cf > smtps/inet (smtpd) versions active inherited main.cf:6',
      // -o on a continuation line is reported at that line.
      'master.cf > smtps/inet (smtpd) ciphers active explicit master.cf:8',
      'master.cf > smtps/inet (smtpd) ciphers active inherited main.cf:9',
      'master.cf > smtps/inet (smtpd) groups active inherited main.cf:13',
      'master.cf > smtps/inet (smtpd) defaults active default master.cf:6',
    ]);
    const at = (ctx: string, setting: string) =>
      r.findings.find((f) => f.context === ctx && f.properties?.['config.setting'] === setting) as ProtocolFinding;
    // `!SSLv2, !SSLv3` leaves TLS 1.0 and 1.1 on; `$smtpd_tls_protocols` is expanded for the client.
    expect(at('main.cf > smtpd', 'versions').protocol.versions).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(at('main.cf > smtp', 'versions').properties?.['config.value']).toBe('$smtpd_tls_protocols');
    expect(at('main.cf > smtp', 'versions').protocol.flags).toEqual(['tls-below-1.2']);
    // high grade → tls_high_cipherlist, minus the exclusions (as `openssl ciphers` orders them).
    const high = at('master.cf > submission/inet (smtpd)', 'ciphers');
    expect(high.protocol.cipherSuites.map((c) => c.openssl)).toEqual([
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'DHE-DSS-AES256-GCM-SHA384',
      'DHE-RSA-AES256-GCM-SHA384',
      'DHE-DSS-AES128-GCM-SHA256',
      'DHE-RSA-AES128-GCM-SHA256',
    ]);
    expect(high.properties?.['tls.cipherString']).toBe('ECDHE+AESGCM:DHE+AESGCM:!aNULL:!RC4:!MD5');
    // The default medium grade keeps static-RSA and CBC-SHA1 suites; the exclusions drop anonymous ones.
    const medium = at('main.cf > smtpd', 'ciphers');
    expect(medium.protocol.flags).toEqual(['cbc-sha1', 'static-rsa-kex']);
    expect(at('main.cf > smtpd', 'groups').protocol.groups.map((g) => g.name)).toEqual([
      'X25519MLKEM768',
      'x25519',
      'secp256r1',
    ]);
    expect(at('main.cf > smtpd', 'groups').protocol.flags).toEqual([]);
    expect(at('main.cf > smtpd', 'defaults').protocol.references).toEqual([
      { directive: 'smtpd_tls_cert_file', path: '/etc/ssl/certs/mail.pem' },
      { directive: 'smtpd_tls_key_file', path: '/etc/ssl/private/mail.key' },
    ]);
  });

  it('reports nothing for a Postfix without TLS', async () => {
    const r = await runConfigDetector(postfixTls, fx('clean'));
    expect(r.accepted).toEqual(['main.cf']);
    expect(r.findings).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('uses the defaults of the stated Postfix version', async () => {
    const files = memoryFiles({ 'main.cf': 'smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/x.pem\n' });
    const d = async (postfix: string) =>
      (await runConfigDetector(postfixTls, files, { postfix })).findings[0] as ProtocolFinding;
    const old = await d('3.5');
    const recent = await d('3.10');
    expect(old.origin).toBe('default');
    expect(old.protocol.versions).toEqual(['1.0', '1.1', '1.2', '1.3']);
    // 3.8+ lists exclude 3DES, RC4, kDH, DSS, MD5; both keep the medium grade's CBC-SHA1.
    const has3des = (f: ProtocolFinding) => f.protocol.cipherSuites.some((c) => /3DES|DES-CBC3/.test(c.openssl ?? ''));
    expect(has3des(old)).toBe(false);
    expect(old.protocol.cipherSuites.length).toBeGreaterThan(recent.protocol.cipherSuites.length);
    expect(recent.protocol.cipherSuites.some((c) => /DSS/.test(c.openssl ?? ''))).toBe(false);
    expect(old.protocol.cipherSuites.some((c) => /DSS/.test(c.openssl ?? ''))).toBe(true);
    // 3.8 adds the FFDHE groups to the default list.
    expect(old.protocol.groups.map((g) => g.name)).toEqual(['x25519', 'x448', 'secp256r1', 'secp521r1', 'secp384r1']);
    expect(recent.protocol.groups.map((g) => g.name)).toContain('ffdhe2048');
    expect(recent.properties?.['assumed.postfix']).toBe('3.10');
  });

  it('reads smtpd_tls_eecdh_grade before Postfix 3.6 and says later versions ignore it', async () => {
    const files = memoryFiles({ 'main.cf': 'smtpd_tls_security_level = may\nsmtpd_tls_eecdh_grade = ultra\n' });
    const groups = (r: { findings: readonly ProtocolFinding[] | readonly unknown[] }) =>
      (r.findings as ProtocolFinding[]).filter((f) => f.properties?.['config.setting'] === 'groups');
    const old = groups(await runConfigDetector(postfixTls, files, { postfix: '3.4' }));
    expect(old.map((f) => [f.state, f.protocol.groups.map((g) => g.name)])).toEqual([['active', ['secp384r1']]]);
    const recent = groups(await runConfigDetector(postfixTls, files, { postfix: '3.7' }));
    expect(recent.map((f) => [f.state, f.evidence.line])).toEqual([['inactive', 2]]);
  });

  it('keeps settings of a scope with TLS off from being reported as enabled', async () => {
    const files = memoryFiles({ 'main.cf': 'smtpd_tls_security_level = none\nsmtpd_tls_protocols = TLSv1\n' });
    const r = await runConfigDetector(postfixTls, files);
    expect(r.findings.map(row)).toEqual(['main.cf > smtpd versions inactive explicit main.cf:2']);
  });

  it('parses Postfix syntax: continuation lines, comments, -o { } groups, $name expansion', () => {
    const main = parseMainCf('a = 1\n  2\n# c\nb=$a x\n#x = y\nbad line\n');
    expect(main.params.map((p) => [p.name, p.value, p.line])).toEqual([
      ['a', '1 2', 1],
      ['b', '$a x', 4],
    ]);
    expect(main.problems.map((p) => [p.code, p.line])).toEqual([['unparsable-line', 6]]);
    const lookup = (n: string) => ({ a: '1 2', e: '' })[n];
    const d = '$';
    expect(expandPostfix(`$a/${d}{a}/$(a)/${d}{a?set}/${d}{e:unset}/${d}{e?no}/$$`, lookup)).toBe(
      '1 2/1 2/1 2/set/unset//$',
    );
    expect(expandPostfix('$loop', (n) => `$${n}`)).toBe('');
    const master = parseMasterCf('smtps inet n - y - - smtpd\n  -o { smtpd_tls_ciphers = high }\n  -o x=1\n');
    expect(master.services[0]?.overrides).toEqual([
      { name: 'smtpd_tls_ciphers', value: 'high', line: 2 },
      { name: 'x', value: '1', line: 3 },
    ]);
    expect(postfixProtocols('>=TLSv1.2')).toEqual(['1.2', '1.3']);
    expect(postfixProtocols('TLSv1.2, TLSv1.3')).toEqual(['1.2', '1.3']);
    expect(postfixProtocols('!SSLv2:!SSLv3:!TLSv1:!TLSv1.1')).toEqual(['1.2', '1.3']);
    expect(postfixProtocols('<=TLSv1.2')).toEqual(['ssl-3.0', '1.0', '1.1', '1.2'].filter((v) => v !== 'ssl-3.0'));
  });

  it('claims Postfix files by content, not templates, scripts or other key = value files', () => {
    expect(postfixTls.accepts(fileHead('conf/postfix-main', 'smtpd_tls_security_level = may\nmyhostname = a\n'))).toBe(
      true,
    );
    expect(
      postfixTls.accepts(fileHead('x/master', 'smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n')),
    ).toBe(true);
    expect(postfixTls.accepts(fileHead('main.cf.j2', 'smtpd_tls_security_level = {{ level }}\n'))).toBe(false);
    expect(postfixTls.accepts(fileHead('setup.sh', 'postconf -e smtpd_tls_security_level=may\n'))).toBe(false);
    expect(postfixTls.accepts(fileHead('app.ini', '[db]\nhost = x\nsmtpd_tls_security_level = may\n'))).toBe(false);
    expect(postfixTls.accepts(fileHead('main.cf', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0])))).toBe(false);
  });

  it('survives hostile input: junk bytes, huge values, deep expansion', async () => {
    const junk = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256 || 1);
    const deep = `smtpd_tls_security_level = may\n${Array.from({ length: 200 }, (_, i) => `p${i} = $p${i + 1}`).join('\n')}\nsmtpd_tls_protocols = $p0\n`;
    const r = await runConfigDetector(
      postfixTls,
      memoryFiles({ 'a/main.cf': junk, 'b/main.cf': deep, 'c/main.cf': `smtpd_tls_ciphers = ${'x'.repeat(70_000)}\n` }),
    );
    expect(r.diagnostics.map((d) => d.code)).toContain('unparsable-line');
    expect(r.diagnostics.map((d) => d.code)).toContain('line-too-long');
    const b = r.findings.find(
      (f) => f.evidence.path === 'b/main.cf' && f.properties?.['config.setting'] === 'versions',
    );
    expect(b?.evidence.line).toBe(202);
  });
});
