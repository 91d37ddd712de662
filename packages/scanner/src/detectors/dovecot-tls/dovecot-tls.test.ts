import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { parseDovecot } from '../../config/dovecot-parser.js';
import {
  detectorFixture,
  fileHead,
  memoryFiles,
  runConfigDetector,
  settingRow,
} from '../../config/test-support/fixture-context.js';
import { dovecotTls } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const row = settingRow;

describe('dovecot-tls', () => {
  it('reads dovecot.conf with its included conf.d files and a protocol section as a scope of its own', async () => {
    const r = await runConfigDetector(dovecotTls, fx('positive'), { dovecot: '2.3.19' });
    expect(r.accepted.sort()).toEqual(['conf.d/10-ssl.conf', 'dovecot.conf']);
    const findings = r.findings as ProtocolFinding[];
    expect(findings.map(row)).toEqual([
      'dovecot versions active explicit conf.d/10-ssl.conf:5',
      'dovecot ciphers active explicit conf.d/10-ssl.conf:6',
      'dovecot groups active explicit conf.d/10-ssl.conf:7',
      'dovecot defaults active default dovecot.conf:1',
      'dovecot > protocol pop3 versions active inherited conf.d/10-ssl.conf:5',
      'dovecot > protocol pop3 ciphers active explicit dovecot.conf:8',
      'dovecot > protocol pop3 groups active inherited conf.d/10-ssl.conf:7',
      'dovecot > protocol pop3 defaults active default dovecot.conf:6',
    ]);
    const [versions, ciphers, groups, defaults, , pop3] = findings;
    expect(versions!.protocol.versions).toEqual(['1.2', '1.3']);
    // The comment after whitespace is not part of the value.
    expect(ciphers!.properties?.['config.value']).toBe('ECDHE+AESGCM:!aNULL');
    expect(ciphers!.protocol.cipherSuites.map((c) => c.openssl)).toEqual([
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
    ]);
    expect(groups!.protocol.groups.map((g) => g.name)).toEqual(['X25519MLKEM768', 'x25519', 'secp256r1']);
    expect(groups!.protocol.flags).toEqual([]);
    expect(defaults!.properties?.['config.defaults']).toBe('ciphersuites');
    expect((defaults!.protocol.references ?? []).map((x) => x.directive)).toEqual(['ssl_cert', 'ssl_key', 'ssl_dh']);
    expect(pop3!.protocol.flags).toContain('static-rsa-kex');
    // local.conf is absent: !include_try stays silent.
    expect(r.diagnostics).toEqual([]);
  });

  it('reports nothing when ssl = no and nothing is written', async () => {
    const r = await runConfigDetector(dovecotTls, fx('clean'));
    expect(r.accepted).toEqual(['dovecot.conf']);
    expect(r.findings).toEqual([]);
  });

  it('applies the defaults of the stated version (2.2 ssl_protocols, 2.3 before and after 2.3.15)', async () => {
    const files = memoryFiles({ 'dovecot.conf': 'ssl = yes\nssl_cert = </a.pem\n' });
    const v = async (dovecot: string) =>
      ((await runConfigDetector(dovecotTls, files, { dovecot })).findings[0] as ProtocolFinding).protocol.versions;
    expect(await v('2.2.36')).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(await v('2.3.4')).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(await v('2.3.19')).toEqual(['1.2', '1.3']);
    const d = (await runConfigDetector(dovecotTls, files, { dovecot: '2.4' })).findings[0] as ProtocolFinding;
    expect(d.origin).toBe('default');
    // The 2.3+ default list still has CBC-SHA1 suites (ECDHE-RSA-AES128-SHA …); no hybrid group by default.
    expect(d.protocol.flags).toEqual(['cbc-sha1', 'no-pq-group']);
  });

  it('reports what ssl = no leaves written as inactive, never as enabled', async () => {
    const r = await runConfigDetector(
      dovecotTls,
      memoryFiles({ 'dovecot.conf': 'ssl = no\nssl_min_protocol = TLSv1\n' }),
    );
    expect((r.findings as ProtocolFinding[]).map(row)).toEqual(['dovecot versions inactive explicit dovecot.conf:2']);
  });

  it('parses sections, quoted values, continuations and reports broken syntax', () => {
    const r = parseDovecot('a = "x # y"\nb = 1 \\\n  2\nsec n {\n  c = 3\n}\n}\nnonsense\nopen {\n');
    expect(r.nodes).toEqual([
      { kind: 'setting', key: 'a', value: 'x # y', line: 1 },
      { kind: 'setting', key: 'b', value: '1  2', line: 2 },
      { kind: 'section', type: 'sec', name: 'n', line: 4, body: [{ kind: 'setting', key: 'c', value: '3', line: 5 }] },
      { kind: 'section', type: 'open', name: '', line: 9, body: [] },
    ]);
    expect(r.problems.map((p) => p.code)).toEqual(['unbalanced-brace', 'unparsable-line', 'unclosed-section']);
  });

  it('claims Dovecot files by content, not nginx snippets, templates or scripts', () => {
    expect(dovecotTls.accepts(fileHead('conf.d/10-ssl.conf', 'ssl_min_protocol = TLSv1.2\n'))).toBe(true);
    expect(dovecotTls.accepts(fileHead('snippets/ssl.conf', 'ssl_protocols TLSv1.2;\n'))).toBe(false);
    expect(dovecotTls.accepts(fileHead('10-ssl.conf.j2', 'ssl_min_protocol = {{ v }}\n'))).toBe(false);
    expect(dovecotTls.accepts(fileHead('mysql/my.cnf', '[mysqld]\nssl_cert = /etc/mysql/cert.pem\n'))).toBe(false);
    expect(dovecotTls.accepts(fileHead('setup.sh', 'echo "ssl_min_protocol = TLSv1.2" >> x\n'))).toBe(false);
  });

  it('survives hostile input: deep nesting, junk bytes, include cycles', async () => {
    const deep = `${'a {\n'.repeat(500)}ssl_min_protocol = TLSv1\n${'}\n'.repeat(500)}`;
    const r = await runConfigDetector(
      dovecotTls,
      memoryFiles({
        'deep/dovecot.conf': deep,
        'junk/dovecot.conf': new Uint8Array(50_000).map((_, i) => (i * 31) % 256),
        'loop/dovecot.conf': 'ssl_min_protocol = TLSv1.2\n!include other.conf\n',
        'loop/other.conf': 'ssl_cipher_list = HIGH\n!include dovecot.conf\n',
      }),
    );
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('too-deep');
    expect(codes).toContain('include-cycle');
    expect(r.findings.filter((f) => f.evidence.path === 'loop/other.conf').length).toBeGreaterThan(0);
  });
});
