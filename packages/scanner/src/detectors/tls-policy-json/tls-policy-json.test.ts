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
  it('reports one finding per configuration level with suites, groups and certificate algorithms', async () => {
    const r = await runConfigDetector(tlsPolicyJson, fx('positive'));
    expect(r.findings.map(summarize)).toEqual([
      {
        context: 'configurations > intermediate',
        state: 'active',
        origin: 'explicit',
        at: 'policy.json:13',
        type: 'tls',
        versions: ['1.2', '1.3'],
        flags: [],
        suites: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'ECDHE-RSA-AES128-GCM-SHA256'],
        groups: ['X25519MLKEM768', 'x25519'],
        algorithms: ['ec', 'rsa', 'rsa-pkcs1v15', 'ecdsa'],
      },
      expect.objectContaining({
        context: 'configurations > modern',
        at: 'policy.json:4',
        versions: ['1.3'],
        flags: ['no-pq-group'],
      }),
    ]);
    const f = r.findings[0] as ProtocolFinding;
    expect(f.protocol.algorithms).toContainEqual({ id: 'rsa', keyBits: 2048 });
    expect(f.protocol.algorithms).toContainEqual({ id: 'ec', curve: 'p-256' });
    expect(f.properties?.['policy.version']).toBe('6.0');
    expect(f.properties?.['policy.hstsMinAge']).toBe('63072000');
  });

  it('translates IANA-only cipher lists through the catalog', async () => {
    const json = JSON.stringify({
      configurations: {
        custom: { tls_versions: ['TLSv1.2'], ciphers: { iana: ['TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_NOPE'] } },
      },
    });
    const r = await runConfigDetector(tlsPolicyJson, memoryFiles({ 'p.json': json }));
    const f = r.findings[0] as ProtocolFinding;
    expect(f.protocol.cipherSuites.map((s) => s.openssl)).toEqual(['AES128-SHA']);
    expect(f.protocol.flags).toEqual(expect.arrayContaining(['cbc-sha1', 'static-rsa-kex']));
    expect(f.notes).toContain('unknown IANA cipher suite "TLS_NOPE"');
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
    expect(r.findings.map((f) => f.evidence.path).sort()).toEqual(['deep.json', 'types.json']);
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
