import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectorFixture,
  fileHead,
  memoryFiles,
  runConfigDetector,
  summarize,
} from '../../config/test-support/fixture-context.js';
import { haproxyTls } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const head = fileHead;

describe('haproxy-tls', () => {
  it('reports bind and server lines with global defaults merged and the certificate linked', async () => {
    const r = await runConfigDetector(haproxyTls, fx('positive'), { haproxy: '2.6', openssl: '3.0' });
    const rows = r.findings.map((f) => [
      f.context,
      f.properties?.['config.role'],
      f.properties?.['config.setting'],
      f.properties?.['config.directive'],
      f.origin,
      f.evidence.line,
    ]);
    expect(rows).toEqual([
      ['frontend[web] > bind[:443]', 'server', 'ciphers', 'ssl-default-bind-ciphers', 'inherited', 2],
      ['frontend[web] > bind[:443]', 'server', 'groups', 'bind curves', 'explicit', 4],
      ['frontend[web] > bind[:443]', 'server', 'defaults', undefined, 'default', 4],
      ['backend[app] > server[a1]', 'client', 'versions', 'server options', 'explicit', 7],
      ['backend[app] > server[a1]', 'client', 'ciphers', 'server ciphers', 'explicit', 7],
      ['backend[app] > server[a1]', 'client', 'defaults', undefined, 'default', 7],
    ]);
    const s = r.findings.map(summarize);
    expect(s[0]).toMatchObject({
      flags: ['cbc-sha1', 'static-rsa-kex'],
      suites: [
        'ECDHE-ECDSA-AES256-GCM-SHA384',
        'ECDHE-RSA-AES256-GCM-SHA384',
        'ECDHE-ECDSA-AES128-GCM-SHA256',
        'ECDHE-RSA-AES128-GCM-SHA256',
        'AES128-SHA',
      ],
      references: ['crt=certs/web.pem'],
    });
    expect(s[1]).toMatchObject({ groups: ['X25519MLKEM768', 'x25519'] });
    expect(s[3]).toMatchObject({ versions: ['1.0', '1.1', '1.2'], flags: ['tls-below-1.2'] });
    expect(s[4]).toMatchObject({ suites: ['AES256-SHA'] });
    expect(s[5]).toMatchObject({ flags: ['no-pq-group'] });
  });

  it('reports nothing for plain HTTP', async () => {
    const r = await runConfigDetector(haproxyTls, fx('clean'));
    expect(r.accepted).toEqual(['haproxy.cfg']);
    expect(r.findings).toEqual([]);
  });

  it('applies the bind default minimum of the stated HAProxy version', async () => {
    const files = memoryFiles({ 'haproxy.cfg': 'frontend f\n  bind :443 ssl crt a.pem\n' });
    const v21 = await runConfigDetector(haproxyTls, files, { haproxy: '2.1' });
    const v26 = await runConfigDetector(haproxyTls, files, { haproxy: '2.6' });
    expect(summarize(v21.findings[0]!).versions).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(summarize(v26.findings[0]!).versions).toEqual(['1.2', '1.3']);
    expect(v26.findings[0]!.origin).toBe('default');
  });

  it('ignores no-tlsv1x once ssl-min-ver is set, and keeps the lowest contiguous run otherwise', async () => {
    const files = memoryFiles({
      'haproxy.cfg':
        'global\n  ssl-default-bind-options no-tlsv12\nfrontend f\n  bind :1 ssl ssl-min-ver TLSv1.1\n  bind :2 ssl no-tlsv13\n',
    });
    const r = await runConfigDetector(haproxyTls, files, { haproxy: '2.0' });
    const versions = r.findings.filter((f) => f.properties?.['config.setting'] === 'versions');
    expect(versions.map((f) => [f.evidence.line, summarize(f).versions])).toEqual([
      [4, ['1.1', '1.2', '1.3']],
      [5, ['1.0', '1.1']],
    ]);
  });

  it('does not claim unrelated .cfg files or binaries', () => {
    expect(haproxyTls.accepts(head('grub.cfg', 'set default=0\nmenuentry "Linux" {\n'))).toBe(false);
    expect(haproxyTls.accepts(head('app.cfg', 'global settings follow\nname = x\n'))).toBe(false);
    expect(haproxyTls.accepts(head('lb.cfg', new Uint8Array([0, 1, 2])))).toBe(false);
    expect(haproxyTls.accepts(head('lb.cfg', 'global\n  maxconn 10\nfrontend f\n  bind :80\n'))).toBe(true);
    // Documentation shipped in doc/haproxy/ quotes config sections inside prose.
    const prose = 'Using namespaces\n================\nExample:\n\nglobal\n  maxconn 10\nfrontend f\n  bind :80\n';
    expect(haproxyTls.accepts(head('doc/haproxy/network-namespaces.txt', prose))).toBe(false);
    expect(haproxyTls.accepts(head('doc/haproxy/notes', prose))).toBe(false);
    expect(
      haproxyTls.accepts(head('haproxy/conf.d/10-web.cfg', '# web\nfrontend f\n  bind :443 ssl crt a.pem\n')),
    ).toBe(true);
  });

  it('survives hostile input: junk bytes in haproxy.cfg, huge files', async () => {
    const junk = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256);
    const big = `global\n${'  ssl-default-bind-ciphers HIGH\n'.repeat(20_000)}frontend f\n  bind :443 ssl\n`;
    const r = await runConfigDetector(haproxyTls, memoryFiles({ 'haproxy.cfg': junk, 'big/haproxy.cfg': big }));
    expect([...new Set(r.findings.filter((f) => f.state === 'active').map((f) => f.evidence.path))]).toEqual([
      'big/haproxy.cfg',
    ]);
    expect(r.findings.filter((f) => f.state === 'overridden').length).toBe(20);
    expect(readFileSync(join(__dirname, 'README.md'), 'utf8')).toContain('## Limits');
  });
});
