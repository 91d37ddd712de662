import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { nginxTls } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);

describe('nginx-tls', () => {
  it('recognises a one-line, unclosed server block of any nginx-like name, with a diagnostic', async () => {
    for (const name of ['sites-enabled/default', 'conf.d/tls.conf', 'one.conf']) {
      const r = await runConfigDetector(nginxTls, memoryFiles({ [name]: 'server { ssl_protocols TLSv1;' }));
      expect(r.accepted).toEqual([name]);
      expect(r.findings.map((f) => (f as ProtocolFinding).protocol.versions)).toEqual([['1.0']]);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['unbalanced-brace']);
    }
  });

  it('reports each setting of a TLS server at its directive, inherited ones at the inherited line', async () => {
    const r = await runConfigDetector(nginxTls, fx('positive'), { nginx: '1.24' });
    const at = r.findings.map((f) => [
      f.properties?.['config.setting'],
      f.origin,
      `${f.evidence.path}:${f.evidence.line}`,
    ]);
    expect(at).toEqual([
      ['versions', 'inherited', 'nginx.conf:3'],
      ['ciphers', 'explicit', 'nginx.conf:8'],
      ['groups', 'explicit', 'nginx.conf:9'],
      ['defaults', 'default', 'nginx.conf:4'],
    ]);
    expect(new Set(r.findings.map((f) => f.context))).toEqual(new Set(['http > server[api.example.org:443]']));
    const [versions, ciphers, groups, defaults] = r.findings.map((f) => summarize(f));
    expect(versions).toMatchObject({ versions: ['1.2', '1.3'], suites: [], groups: [] });
    expect(ciphers).toMatchObject({
      versions: ['1.2'],
      flags: ['cbc-sha1', 'static-rsa-kex'],
      suites: ['AES128-SHA', 'ECDHE-RSA-AES128-GCM-SHA256'],
    });
    expect(groups).toMatchObject({ groups: ['X25519MLKEM768', 'x25519'], flags: [] });
    // Only the TLS 1.3 suites default here.
    expect(defaults).toMatchObject({
      suites: ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'],
      groups: [],
      references: ['ssl_certificate=api.pem'],
    });
    expect(r.findings[3]!.properties?.['config.defaults']).toBe('ciphersuites');
    const g = r.findings[2] as ProtocolFinding;
    expect(g.protocol.groups[0]).toEqual({
      name: 'X25519MLKEM768',
      codePoint: '0x11EC',
      algorithm: { id: 'x25519mlkem768', components: [{ id: 'ml-kem-768' }, { id: 'x25519' }] },
    });
    expect((r.findings[1] as ProtocolFinding).protocol.cipherSuites[1]).toEqual({
      name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
      codePoint: '0xC02F',
      algorithms: [{ id: 'ecdh' }, { id: 'rsa', parameterSet: 'signature' }, { id: 'aes', keyBits: 128, mode: 'gcm' }],
    });
  });

  it('reads a snippet directory with no main config: each snippet is a scope of its own', async () => {
    const r = await runConfigDetector(nginxTls, fx('snippets'));
    expect(r.accepted.sort()).toEqual(['snippets/ssl-params', 'snippets/upstream-tls.inc']);
    expect(
      r.findings.map((f) => [
        f.context,
        f.state,
        f.properties?.['config.setting'],
        f.properties?.['config.role'],
        `${f.evidence.path}:${f.evidence.line}`,
      ]),
    ).toEqual([
      ['snippet', 'conditional', 'versions', 'server', 'snippets/ssl-params:2'],
      ['snippet', 'conditional', 'ciphers', 'server', 'snippets/ssl-params:3'],
      ['snippet', 'conditional', 'groups', 'server', 'snippets/ssl-params:4'],
      ['snippet > proxy_ssl_*', 'conditional', 'versions', 'client', 'snippets/upstream-tls.inc:1'],
      // TLS 1.3 only: the cipher list for TLS ≤ 1.2 configures nothing.
      ['snippet > proxy_ssl_*', 'inactive', 'ciphers', 'client', 'snippets/upstream-tls.inc:2'],
    ]);
    expect(r.findings.some((f) => f.origin === 'default')).toBe(false);
  });

  it('reports an included snippet through the including server and as a scope of its own', async () => {
    const files = memoryFiles({
      'nginx.conf': 'http {\n  server {\n    listen 443 ssl;\n    include snippets/tls.conf;\n  }\n}\n',
      'snippets/tls.conf': '# shared\nssl_protocols TLSv1.3;\n',
    });
    const r = await runConfigDetector(nginxTls, files, { nginx: '1.24' });
    const versions = r.findings.filter((f) => f.properties?.['config.setting'] === 'versions');
    expect(versions.map((f) => [f.context, f.state, `${f.evidence.path}:${f.evidence.line}`])).toEqual([
      ['http > server[_:443]', 'active', 'snippets/tls.conf:2'],
      ['snippet', 'conditional', 'snippets/tls.conf:2'],
    ]);
  });

  it('reports stream TLS servers and upstream TLS (proxy_ssl_*, grpc_ssl_*) with their roles', async () => {
    const r = await runConfigDetector(nginxTls, fx('stream-upstream'), { nginx: '1.24' });
    const rows = r.findings.map((f) => [
      f.context,
      f.properties?.['config.role'],
      f.properties?.['config.setting'],
      f.origin,
      f.evidence.line,
    ]);
    expect(rows).toEqual([
      ['http > server[app.example.org:443]', 'server', 'defaults', 'default', 4],
      ['http > server[app.example.org:443] > location[/api] > proxy_ssl_*', 'client', 'versions', 'explicit', 12],
      ['http > server[app.example.org:443] > location[/api] > proxy_ssl_*', 'client', 'ciphers', 'inherited', 3],
      ['http > server[app.example.org:443] > location[/api] > proxy_ssl_*', 'client', 'defaults', 'default', 10],
      ['http > server[app.example.org:443] > location[/grpc] > grpc_ssl_*', 'client', 'defaults', 'default', 14],
      ['stream > server[_:5671]', 'server', 'versions', 'explicit', 22],
      ['stream > server[_:5671]', 'server', 'defaults', 'default', 20],
      ['stream > server[_:5671] > proxy_ssl_*', 'client', 'versions', 'explicit', 24],
      ['stream > server[_:5671] > proxy_ssl_*', 'client', 'defaults', 'default', 20],
    ]);
  });

  it('reports nothing for a server without TLS', async () => {
    const r = await runConfigDetector(nginxTls, fx('clean'));
    expect(r.accepted).toEqual(['nginx.conf']);
    expect(r.findings).toEqual([]);
  });

  it('uses the defaults of the stated nginx version and says so', async () => {
    const files = memoryFiles({ 'nginx.conf': 'http { server { listen 443 ssl; ssl_certificate a.pem; } }' });
    const old = (await runConfigDetector(nginxTls, files, { nginx: '1.22' })).findings[0] as ProtocolFinding;
    const recent = (await runConfigDetector(nginxTls, files, { nginx: '1.25' })).findings[0] as ProtocolFinding;
    expect(old.protocol.versions).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(recent.protocol.versions).toEqual(['1.2', '1.3']);
    expect(recent.origin).toBe('default');
    expect(recent.evidence.line).toBe(1);
    expect(recent.properties?.['config.defaults']).toBe('versions ciphers ciphersuites groups');
    expect(recent.properties?.['tls.cipherString.default']).toBe('HIGH:!aNULL:!MD5');
  });

  it('does not claim unrelated text or binary files', () => {
    const head = fileHead;
    expect(nginxTls.accepts(head('notes.conf', 'server names are listed below\nhttp is fine'))).toBe(false);
    expect(nginxTls.accepts(head('nginx.conf', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0])))).toBe(false);
    expect(nginxTls.accepts(head('apache.conf', '<VirtualHost *:443>\nSSLEngine on\n'))).toBe(false);
    expect(nginxTls.accepts(head('nginx.conf', 'http {\n server {\n'))).toBe(true);
    // FreeRADIUS keeps sites-available/ too, with `server x { listen { type = auth } }` blocks.
    const radius = 'server tls {\n\tlisten {\n\t\ttype = auth\n\t\tport = 2083\n\t}\n}\n';
    expect(nginxTls.accepts(head('freeradius/sites-available/tls', radius))).toBe(false);
    expect(nginxTls.accepts(head('sites-available/site', 'server {\n\tlisten 443 ssl;\n}\n'))).toBe(true);
  });

  it('survives hostile input: deep nesting, huge files, junk bytes', async () => {
    const deep = `http {\n${'location / {'.repeat(5000)}${'}'.repeat(10)}`;
    const junk = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256);
    const big = `http {\n${'    ssl_protocols TLSv1.2;\n'.repeat(20_000)}server { listen 443 ssl; }\n}`;
    const r = await runConfigDetector(
      nginxTls,
      memoryFiles({ 'nginx.conf': deep, 'sites-enabled/junk.conf': junk, 'big/nginx.conf': big }),
    );
    expect(r.diagnostics.some((d) => d.code === 'nesting-too-deep')).toBe(true);
    expect([...new Set(r.findings.filter((f) => f.state === 'active').map((f) => f.evidence.path))]).toEqual([
      'big/nginx.conf',
    ]);
    expect(r.findings.filter((f) => f.state === 'overridden').length).toBe(20);
    expect(readFileSync(join(__dirname, 'README.md'), 'utf8')).toContain('## Limits');
  });

  it('reports the upstream TLS of location blocks in a fragment that no server of the tree includes', async () => {
    const files = listFiles(join(__dirname, '../../../../../fixtures/configs/nginx/location-fragment'));
    const r = await runConfigDetector(nginxTls, files, { nginx: '1.22', openssl: '3.0' });
    expect(
      r.findings.map((f) => [f.context, f.state, f.origin, f.evidence.line, f.properties?.['config.role']]),
    ).toEqual([
      ['fragment > location[~ ^/(caldav|carddav)/] > proxy_ssl_*', 'conditional', 'default', 5, 'client'],
      ['fragment > location[/api/] > proxy_ssl_*', 'conditional', 'explicit', 9, 'client'],
      ['fragment > location[/api/] > proxy_ssl_*', 'conditional', 'default', 8, 'client'],
    ]);
    // A plain proxy_pass http:// is no TLS context.
    expect(r.findings.some((f) => f.context?.includes('/admin/'))).toBe(false);
  });
});
