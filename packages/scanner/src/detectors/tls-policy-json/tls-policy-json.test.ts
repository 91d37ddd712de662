import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProtocolFinding } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import {
  detectorFixture,
  memoryFiles,
  runConfigDetector,
  summarize,
} from '../../config/test-support/fixture-context.js';
import { tlsPolicyJson } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const head = (path: string, text: string) => ({
  path,
  absPath: `/x/${path}`,
  size: 10,
  head: new TextEncoder().encode(text),
});

describe('tls-policy-json', () => {
  it('reads every profile of a guideline: each field at its own line', async () => {
    const r = await runConfigDetector(tlsPolicyJson, fx('positive'));
    const rows = r.findings.map((f) => [f.context, f.properties?.['config.setting'], f.evidence.line, f.state]);
    expect(rows).toEqual([
      ['configurations > intermediate', 'versions', 22, 'active'],
      ['configurations > intermediate', 'ciphers', 17, 'active'],
      ['configurations > intermediate', 'ciphersuites', 18, 'active'],
      ['configurations > intermediate', 'groups', 21, 'active'],
      ['configurations > intermediate', 'certificate-types', 14, 'active'],
      ['configurations > intermediate', 'certificate-curves', 15, 'active'],
      ['configurations > intermediate', 'certificate-signatures', 16, 'active'],
      ['configurations > intermediate', 'rsa-key-size', 19, 'active'],
      ['configurations > modern', 'versions', 11, 'active'],
      ['configurations > modern', 'ciphersuites', 9, 'active'],
      ['configurations > modern', 'groups', 10, 'active'],
      ['configurations > modern', 'certificate-types', 5, 'active'],
      ['configurations > modern', 'certificate-curves', 6, 'active'],
      ['configurations > modern', 'certificate-signatures', 7, 'active'],
    ]);
    const s = r.findings.map(summarize);
    expect(s[1]).toMatchObject({ versions: ['1.2'], suites: ['ECDHE-RSA-AES128-GCM-SHA256'] });
    expect(s[2]).toMatchObject({ versions: ['1.3'], suites: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384'] });
    // The hybrid ML-KEM group is classified through the catalog.
    expect((r.findings[3] as ProtocolFinding).protocol.groups[0]?.algorithm.components).toEqual([
      { id: 'ml-kem-768' },
      { id: 'x25519' },
    ]);
    expect(s[10]).toMatchObject({ groups: ['x25519', 'secp256r1'], flags: ['no-pq-group'] });
    expect((r.findings[4] as ProtocolFinding).protocol.algorithms).toEqual([
      { id: 'ec' },
      { id: 'rsa', keyBits: 2048 },
    ]);
    expect((r.findings[5] as ProtocolFinding).protocol.algorithms).toEqual([{ id: 'ec', curve: 'p-256' }]);
    expect(r.findings[0]!.properties?.['policy.version']).toBe('6.0');
  });

  it('reads the three generations of the format (4.0, 5.0-5.6, 5.7+)', async () => {
    const v4 =
      '{"configurations": {"old": {\n"openssl_ciphersuites": "AES128-SHA:!aNULL",\n"ciphersuites": ["AES128-SHA"],\n"tls_versions": ["TLSv1", "TLSv1.2"],\n"dh_param_size": 1024\n}}}';
    const v5 =
      '{"configurations": {"modern": {\n"openssl_ciphers": [],\n"openssl_ciphersuites": ["TLS_AES_128_GCM_SHA256"],\n"tls_versions": ["TLSv1.3"]\n}}}';
    const r = await runConfigDetector(tlsPolicyJson, memoryFiles({ 'a/4.0.json': v4, 'b/5.0.json': v5 }));
    const rows = r.findings.map((f) => [
      f.evidence.path,
      f.properties?.['config.setting'],
      f.properties?.['config.directive'],
      f.evidence.line,
    ]);
    expect(rows).toEqual([
      ['a/4.0.json', 'versions', 'tls_versions', 4],
      // 4.0: the OpenSSL string is the TLS <= 1.2 list; its "ciphersuites" repeats it and is not TLS 1.3.
      ['a/4.0.json', 'ciphers', 'openssl_ciphersuites', 2],
      ['a/4.0.json', 'dh-param-size', 'dh_param_size', 5],
      ['b/5.0.json', 'versions', 'tls_versions', 4],
      ['b/5.0.json', 'ciphersuites', 'openssl_ciphersuites', 3],
    ]);
    expect(summarize(r.findings[1]!)).toMatchObject({ suites: ['AES128-SHA'] });
    expect(r.findings[2]!).toMatchObject({ protocol: { flags: ['dh-below-2048'] } });
  });

  it('translates IANA-only cipher lists through the catalog', async () => {
    const json = JSON.stringify({
      configurations: {
        custom: { tls_versions: ['TLSv1.2'], ciphers: { iana: ['TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_NOPE'] } },
      },
    });
    const r = await runConfigDetector(tlsPolicyJson, memoryFiles({ 'p.json': json }));
    const f = r.findings.find((x) => x.properties?.['config.setting'] === 'ciphers') as ProtocolFinding;
    expect(f.protocol.cipherSuites.map((s) => s.openssl)).toEqual(['AES128-SHA']);
    expect(f.protocol.flags).toEqual(expect.arrayContaining(['cbc-sha1', 'static-rsa-kex']));
    expect(r.findings[0]!.notes).toContain('unknown IANA cipher suite "TLS_NOPE"');
  });

  it('claims only policy-shaped JSON', async () => {
    expect(tlsPolicyJson.accepts(head('package.json', '{"name":"x","configurations":{"a":{"ciphers":"x"}}}'))).toBe(
      false,
    );
    expect(tlsPolicyJson.accepts(head('policy.conf', '{"configurations":{"a":{"tls_versions":[]}}}'))).toBe(false);
    expect(tlsPolicyJson.accepts(head('p.json', '{"configurations":{"a":{"tls_versions":["TLSv1.3"]}}}'))).toBe(true);
    const r = await runConfigDetector(tlsPolicyJson, fx('clean'));
    expect(r.accepted).toEqual([]);
  });

  it('survives hostile input: invalid JSON, wrong types, deep nesting, huge files', async () => {
    const deep = `{"configurations":{"a":{"tls_versions":["TLSv1.2"]}},"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = await runConfigDetector(
      tlsPolicyJson,
      memoryFiles({
        'bad.json': '{"configurations": {"a": {"tls_versions": ["TLSv1.2"]',
        'types.json': '{"configurations": {"a": {"tls_versions": 5, "tls_curves": [null]}, "b": "x"}}',
        'deep.json': deep,
      }),
    );
    expect(r.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(
      expect.arrayContaining(['invalid-json bad.json', 'invalid-field types.json']),
    );
    // types.json states nothing valid: diagnostics, no finding.
    expect([...new Set(r.findings.map((f) => f.evidence.path))]).toEqual(['deep.json']);
    const big = {
      path: 'big.json',
      absPath: '/x',
      size: 9 * 1024 * 1024,
      head: new Uint8Array(),
      bytes: new Uint8Array(),
      sha256: '',
      text: () => '',
    };
    const rr = await tlsPolicyJson.detect!(big, {} as never);
    expect(rr.diagnostics[0]?.code).toBe('file-too-large');
    expect(readFileSync(join(__dirname, 'README.md'), 'utf8')).toContain('## Limits');
  });
});
