import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import {
  detectorFixture,
  fileHead,
  memoryFiles,
  runConfigDetector,
  summarize,
} from '../../config/test-support/fixture-context.js';
import { nginxTls } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);

describe('nginx-tls', () => {
  it('reports one finding per TLS server with expanded suites, groups and references', async () => {
    const r = await runConfigDetector(nginxTls, fx('positive'), { nginx: '1.24' });
    expect(r.findings.map(summarize)).toEqual([
      {
        context: 'http > server[api.example.org:443]',
        state: 'active',
        origin: 'explicit',
        at: 'nginx.conf:4',
        type: 'tls',
        versions: ['1.2', '1.3'],
        flags: ['cbc-sha1', 'static-rsa-kex'],
        suites: [
          'TLS_AES_256_GCM_SHA384',
          'TLS_CHACHA20_POLY1305_SHA256',
          'TLS_AES_128_GCM_SHA256',
          'AES128-SHA',
          'ECDHE-RSA-AES128-GCM-SHA256',
        ],
        groups: ['X25519MLKEM768', 'x25519'],
        references: ['ssl_certificate=api.pem'],
      },
    ]);
    const f = r.findings[0] as ProtocolFinding;
    expect(f.protocol.groups[0]).toEqual({
      name: 'X25519MLKEM768',
      codePoint: '0x11EC',
      algorithm: { id: 'x25519mlkem768', components: [{ id: 'ml-kem-768' }, { id: 'x25519' }] },
    });
    expect(f.protocol.cipherSuites[4]).toEqual({
      name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
      codePoint: '0xC02F',
      algorithms: [{ id: 'ecdh' }, { id: 'rsa', parameterSet: 'signature' }, { id: 'aes', keyBits: 128, mode: 'gcm' }],
    });
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
    expect(recent.properties?.['tls.cipherString']).toBe('HIGH:!aNULL:!MD5');
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
    expect(r.findings.filter((f) => f.state === 'active').map((f) => f.evidence.path)).toEqual(['big/nginx.conf']);
    expect(r.findings.filter((f) => f.state === 'overridden').length).toBe(20);
    expect(readFileSync(join(__dirname, 'README.md'), 'utf8')).toContain('## Limits');
  });
});
