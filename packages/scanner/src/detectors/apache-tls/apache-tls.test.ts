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
import { apacheTls, applySslProtocol, contiguousFromTop } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const head = fileHead;

describe('apache-tls', () => {
  it('reports a TLS virtual host with inherited SSLProtocol, expanded suites, groups and certificate link', async () => {
    const r = await runConfigDetector(apacheTls, fx('positive'), { apache: '2.4.57', openssl: '3.0' });
    const rows = r.findings.map((f) => [
      f.properties?.['config.setting'],
      f.origin,
      f.state,
      f.context,
      f.evidence.line,
    ]);
    expect(rows).toEqual([
      ['versions', 'inherited', 'active', 'VirtualHost[*:443 shop.example.com]', 1],
      ['ciphers', 'explicit', 'active', 'VirtualHost[*:443 shop.example.com]', 5],
      ['groups', 'explicit', 'active', 'VirtualHost[*:443 shop.example.com]', 6],
      ['defaults', 'default', 'active', 'VirtualHost[*:443 shop.example.com]', 2],
    ]);
    const [versions, ciphers, groups, defaults] = r.findings.map(summarize);
    expect(versions).toMatchObject({ versions: ['1.2', '1.3'] });
    expect(ciphers).toMatchObject({
      flags: ['cbc-sha1', 'static-rsa-kex'],
      suites: [
        'ECDHE-ECDSA-AES256-GCM-SHA384',
        'ECDHE-RSA-AES256-GCM-SHA384',
        'ECDHE-ECDSA-AES128-GCM-SHA256',
        'ECDHE-RSA-AES128-GCM-SHA256',
        'AES128-SHA',
      ],
      references: ['SSLCertificateFile=certs/shop.pem'],
    });
    expect(groups).toMatchObject({ groups: ['X25519MLKEM768', 'x25519'] });
    expect(defaults).toMatchObject({
      suites: ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'],
    });
    expect(r.findings[1]!.properties?.['config.directive']).toBe('SSLCipherSuite');
    expect(r.findings[2]!.properties?.['config.directive']).toBe('SSLOpenSSLConfCmd Groups');
  });

  it('reports SSLProxy* as a client scope and ECDHParameters as the group list', async () => {
    const files = memoryFiles({
      'httpd.conf':
        '<VirtualHost *:443>\nSSLEngine on\nSSLOpenSSLConfCmd ECDHParameters X25519\nSSLProxyEngine on\nSSLProxyProtocol -all +TLSv1.3\nSSLProxyCipherSuite HIGH\n</VirtualHost>\n',
    });
    const r = await runConfigDetector(apacheTls, files, { apache: '2.4.57', openssl: '3.0' });
    const rows = r.findings.map((f) => [
      f.context,
      f.properties?.['config.role'],
      f.properties?.['config.setting'],
      f.state,
      f.evidence.line,
    ]);
    expect(rows).toEqual([
      ['VirtualHost[*:443]', 'server', 'groups', 'active', 3],
      ['VirtualHost[*:443]', 'server', 'defaults', 'active', 1],
      ['VirtualHost[*:443] > SSLProxy', 'client', 'versions', 'active', 5],
      // TLS 1.3 only towards the back end: the TLS ≤ 1.2 list configures nothing.
      ['VirtualHost[*:443] > SSLProxy', 'client', 'ciphers', 'inactive', 6],
      ['VirtualHost[*:443] > SSLProxy', 'client', 'defaults', 'active', 1],
    ]);
    expect((r.findings[0] as ProtocolFinding).protocol.groups.map((g) => g.name)).toEqual(['x25519']);
  });

  it('reports nothing for a plain-HTTP configuration', async () => {
    const r = await runConfigDetector(apacheTls, fx('clean'));
    expect(r.accepted).toEqual(['httpd.conf']);
    expect(r.findings).toEqual([]);
  });

  it('applies SSLProtocol arithmetic the way mod_ssl does', () => {
    const all = ['1.0', '1.1', '1.2', '1.3'] as const;
    const v = (s: string) => contiguousFromTop(applySslProtocol(s.split(' '), all).set);
    expect(v('all -TLSv1 +TLSv1.3')).toEqual(['1.1', '1.2', '1.3']);
    expect(v('-all +TLSv1.2')).toEqual(['1.2']);
    // A bare word replaces what came before it.
    expect(v('TLSv1.2 TLSv1.3')).toEqual(['1.3']);
    // mod_ssl sets min/max and does not allow holes below the highest version.
    expect(v('TLSv1 +TLSv1.2')).toEqual(['1.2']);
    expect(applySslProtocol(['+TLSv9'], all).illegal).toEqual(['+TLSv9']);
  });

  it('uses the defaults of the stated httpd version and marks them', async () => {
    const files = memoryFiles({ 'httpd.conf': '<VirtualHost *:443>\nSSLEngine on\n</VirtualHost>\n' });
    const old = (await runConfigDetector(apacheTls, files, { apache: '2.4.29' })).findings[0] as ProtocolFinding;
    const cur = (await runConfigDetector(apacheTls, files, { apache: '2.4.57' })).findings[0] as ProtocolFinding;
    expect(old.protocol.versions).toEqual(['1.0', '1.1', '1.2']);
    expect(cur.protocol.versions).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(cur.origin).toBe('default');
    expect(cur.properties?.['tls.cipherString.default']).toBe('DEFAULT');
  });

  it('follows an include outside the root only when allowed, through readOutside', async () => {
    const files = memoryFiles({ 'httpd.conf': 'SSLEngine on\nInclude /etc/elsewhere/tls.conf\n' });
    const off = await runConfigDetector(apacheTls, files);
    expect(off.diagnostics.map((d) => d.code)).toEqual(['include-outside-root']);
    expect((off.findings[0] as ProtocolFinding).protocol.versions).toContain('1.0');
  });

  it('does not claim unrelated text, nginx or binary files', () => {
    expect(apacheTls.accepts(head('notes.conf', 'Listen to the ServerName podcast\n'))).toBe(false);
    expect(apacheTls.accepts(head('nginx.conf', 'http {\n  server {\n    SSLEngine on\n'))).toBe(false);
    expect(apacheTls.accepts(head('httpd.conf', new Uint8Array([0x7f, 0x45, 0, 0])))).toBe(false);
    expect(apacheTls.accepts(head('sites-enabled/a.conf', '<VirtualHost *:443>\n'))).toBe(true);
  });

  it('claims a TLS policy of any name by its mod_ssl lines, not the scripts that copy it', async () => {
    const policy = '<IfModule mod_ssl.c>\n    SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1\n</IfModule>\n';
    expect(apacheTls.accepts(head('conf-available/ssl-intermediate.default', policy))).toBe(true);
    expect(apacheTls.accepts(head('policies/tls-modern', 'SSLCipherSuite ECDHE+AESGCM\n'))).toBe(true);
    expect(apacheTls.accepts(head('install.sh', '#!/bin/sh\nSSLProtocol all\n'))).toBe(false);
    expect(apacheTls.accepts(head('notes/tls', 'ServerName www.example.org\n'))).toBe(false);
    const r = await runConfigDetector(
      apacheTls,
      listFiles(join(__dirname, '../../../../../fixtures/configs/apache/policy-any-name')),
    );
    expect(r.accepted).toEqual(['apache-conf-available/ssl-intermediate.default']);
    expect(r.findings.map((f) => [f.properties?.['config.setting'], f.state, f.evidence.line])).toEqual([
      ['versions', 'conditional', 5],
      ['ciphers', 'conditional', 3],
    ]);
  });

  it('survives hostile input: include cycles, unbalanced sections, huge and junk files', async () => {
    const junk = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const r = await runConfigDetector(
      apacheTls,
      memoryFiles({
        'httpd.conf': `Include a.conf\n<VirtualHost *:443>\nSSLEngine on\n${'SSLProtocol all\n'.repeat(10_000)}`,
        'a.conf': 'SSLEngine on\nInclude httpd.conf\n',
        'conf.d/junk.conf': junk,
      }),
    );
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['include-cycle', 'unbalanced-section']);
    expect(r.findings.filter((f) => f.state === 'overridden').length).toBe(20);
    expect(readFileSync(join(__dirname, 'README.md'), 'utf8')).toContain('## Limits');
  });
});

describe('apache-tls on a Debian-style tree with symlinked sites-enabled/ and mods-enabled/', () => {
  it('reads enabled sites through their symlinks, inheriting server settings, and reports each once', async () => {
    const { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const nodePath = await import('node:path');
    const { scan } = await import('../../runner/scan.js');
    const root = mkdtempSync(nodePath.join(tmpdir(), 'pqready-apache-'));
    for (const d of ['mods-available', 'mods-enabled', 'sites-available', 'sites-enabled']) {
      mkdirSync(nodePath.join(root, d));
    }
    writeFileSync(
      nodePath.join(root, 'apache2.conf'),
      `${'# comment line long enough to push directives past the first 4 KiB of the file\n'.repeat(80)}IncludeOptional mods-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n`,
    );
    writeFileSync(
      nodePath.join(root, 'mods-available/ssl.conf'),
      '<IfModule mod_ssl.c>\n  SSLCipherSuite HIGH:!aNULL\n  SSLProtocol all -SSLv3\n</IfModule>\n',
    );
    writeFileSync(
      nodePath.join(root, 'sites-available/default-ssl.conf'),
      '<VirtualHost *:443>\n  SSLEngine on\n  SSLCertificateFile /etc/ssl/certs/site.pem\n</VirtualHost>\n',
    );
    symlinkSync('../mods-available/ssl.conf', nodePath.join(root, 'mods-enabled/ssl.conf'));
    symlinkSync('../sites-available/default-ssl.conf', nodePath.join(root, 'sites-enabled/default-ssl.conf'));
    const inv = await scan({ roots: [root], scanTime: new Date('2026-01-01T00:00:00Z'), detectors: [apacheTls] });
    const found = inv.findings as ProtocolFinding[];
    expect(found.map((f) => `${f.evidence.path}:${f.evidence.line} ${f.context} ${f.origin} ${f.state}`)).toEqual([
      // The module file stands as a snippet under its real name, and is reported through the host by its link.
      'mods-available/ssl.conf:2 snippet explicit conditional',
      'mods-available/ssl.conf:3 snippet explicit conditional',
      'mods-enabled/ssl.conf:2 VirtualHost[*:443] inherited active',
      'mods-enabled/ssl.conf:3 VirtualHost[*:443] inherited active',
      'sites-enabled/default-ssl.conf:1 VirtualHost[*:443] default active',
    ]);
    // HIGH:!aNULL from the enabled module, not mod_ssl's DEFAULT.
    expect(found[2]!.protocol.cipherSuites.length).toBeGreaterThan(40);
  });
});
