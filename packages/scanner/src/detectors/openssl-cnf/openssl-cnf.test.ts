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
import { opensslCnf } from './index.js';

const fx = (name: string) => detectorFixture(__dirname, name);
const head = fileHead;
const PROVIDERS = (extra: string) =>
  `openssl_conf = init\n[init]\nproviders = prov\n[prov]\ndefault = d\n${extra}\n[d]\nactivate = 1\n`;

describe('openssl-cnf', () => {
  it('reports system_default as TLS and req defaults as algorithms with the section as context', async () => {
    const r = await runConfigDetector(opensslCnf, fx('positive'), { openssl: '3.0' });
    expect(r.findings.map((f) => [f.context, f.properties?.['config.setting'], f.origin, f.evidence.line])).toEqual([
      ['ssl_sect > system_default', 'versions', 'explicit', 7],
      ['ssl_sect > system_default', 'ciphers', 'explicit', 8],
      ['ssl_sect > system_default', 'groups', 'explicit', 9],
      ['ssl_sect > system_default', 'defaults', 'default', 6],
      ['req', 'digest', 'explicit', 11],
      ['req', 'key-bits', 'explicit', 12],
    ]);
    const s = r.findings.map(summarize);
    expect(s[0]).toMatchObject({ versions: ['1.2', '1.3'] });
    expect(s[1]).toMatchObject({ flags: ['cbc-sha1', 'seclevel-0', 'static-rsa-kex'] });
    expect(s[2]).toMatchObject({ groups: ['X25519MLKEM768', 'x25519'] });
    expect(s[4]).toMatchObject({
      kind: 'algorithm',
      algorithm: { id: 'sha-1' },
      notes: ['sha1 is too weak to sign certificates or requests'],
    });
    expect(s[5]).toMatchObject({ kind: 'algorithm', algorithm: { id: 'rsa', keyBits: 3072 } });
  });

  it('reads SSL_CONF command files and application configuration modules', async () => {
    const files = memoryFiles({
      'demo/accept.cnf': '# server demo\nPort = 4433\nCurves = P-256\nSignatureAlgorithms = ECDSA+SHA256\n',
      'demo/cmod.cnf':
        'app = app_sect\n[app_sect]\nssl_conf = ssl_sect\n[ssl_sect]\nclient = c\n[c]\nMinProtocol = TLSv1.3\n',
    });
    const r = await runConfigDetector(opensslCnf, files);
    expect(r.accepted.sort()).toEqual(['demo/accept.cnf', 'demo/cmod.cnf']);
    expect(
      r.findings.map((f) => [
        f.evidence.path,
        f.context,
        f.properties?.['config.setting'],
        f.properties?.['config.role'],
        f.state,
      ]),
    ).toEqual([
      ['demo/accept.cnf', 'SSL_CONF commands', 'groups', 'any', 'conditional'],
      ['demo/accept.cnf', 'SSL_CONF commands', 'sigalgs', 'any', 'conditional'],
      ['demo/cmod.cnf', 'app_sect > ssl_sect > client', 'versions', 'client', 'conditional'],
    ]);
  });

  it('does not claim a MySQL option file or random INI text', async () => {
    const r = await runConfigDetector(opensslCnf, fx('clean'));
    expect(r.accepted).toEqual([]);
    expect(opensslCnf.accepts(head('settings.conf', '[main]\nname = x\n'))).toBe(false);
    expect(opensslCnf.accepts(head('ssl/ca.cnf', '[ req ]\ndefault_bits = 2048\ndistinguished_name = dn\n'))).toBe(
      true,
    );
  });

  it('flags an active oqs-provider and legacy provider, honouring activate semantics per version', async () => {
    const oqs = memoryFiles({ 'openssl.cnf': PROVIDERS('oqsprovider = o\n[o]\nactivate = 1') });
    const f = (await runConfigDetector(opensslCnf, oqs)).findings[0] as ProtocolFinding;
    expect(f.protocol.flags).toContain('pq-provider-active');
    expect(f.properties?.['config.setting']).toBe('provider');
    expect(f.evidence.line).toBeGreaterThan(1);
    const legacy = memoryFiles({ 'openssl.cnf': PROVIDERS('legacy = l\n[l]\nactivate = 0') });
    // OpenSSL 3.0 activates on the key's presence; 3.2+ reads the value as a boolean.
    const v30 = await runConfigDetector(opensslCnf, legacy, { openssl: '3.0' });
    const v32 = await runConfigDetector(opensslCnf, legacy, { openssl: '3.2' });
    expect(v30.findings.filter((x) => x.kind === 'algorithm').map((x) => summarize(x).algorithm)).toContainEqual({
      id: 'rc4',
    });
    expect(v32.findings).toEqual([]);
  });

  it('keeps $ENV:: references for run time: no missing-variable warning, the variable named on the finding', async () => {
    // OpenSSL's own openssl.cnf: `HOME = .` is the fallback when the environment has no HOME.
    const r = await runConfigDetector(
      opensslCnf,
      memoryFiles({
        'openssl.cnf':
          'HOME = .\nRANDFILE = $ENV::HOME/.rnd\nmd = sha256\n[ req ]\nbits = 3072\ndefault_md = $ENV::REQ_MD\ndefault_bits = $req::bits\n[ ca ]\ndefault_md = $other::md\n',
      }),
    );
    expect(r.diagnostics).toEqual([]);
    const req = r.findings.find((f) => f.context === 'req' && f.properties?.['config.setting'] === 'digest');
    expect(req?.properties).toMatchObject({ 'config.value': '$ENV::REQ_MD', 'config.environment': 'REQ_MD' });
    expect(summarize(req!).algorithm).toEqual({ id: 'unknown', parameterSet: '$ENV::REQ_MD' });
    // `$section::name` falls back to the default section, as OpenSSL's lookup does.
    const ca = r.findings.find((f) => f.context === 'ca' && f.properties?.['config.setting'] === 'digest');
    expect(summarize(ca!).algorithm).toEqual({ id: 'sha-256' });
  });

  it('survives hostile input: include cycles, junk, undefined variables', async () => {
    const junk = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const r = await runConfigDetector(
      opensslCnf,
      memoryFiles({
        'openssl.cnf': '.include a.cnf\n[ req ]\ndefault_md = $nothing\n',
        'a.cnf': '.include openssl.cnf\n[ x ]\nminprotocol = 1\n',
        'other/openssl.cnf': junk,
      }),
    );
    expect(r.diagnostics.map((d) => d.code).sort()).toContain('include-cycle');
    expect(r.diagnostics.map((d) => d.code)).toContain('variable-has-no-value');
    expect(r.findings.map((f) => summarize(f).algorithm)).toEqual([{ id: 'unknown', parameterSet: '$nothing' }]);
    expect(readFileSync(join(__dirname, 'README.md'), 'utf8')).toContain('## Limits');
  });

  it('reports default_md = default as the key type default digest, next to named digests', async () => {
    const files = listFiles(join(__dirname, '../../../../../fixtures/configs/openssl-cnf/default-md-default'));
    const r = await runConfigDetector(opensslCnf, files, { openssl: '3.0' });
    expect(
      r.findings
        .filter((f) => f.properties?.['config.setting'] === 'digest')
        .map((f) => [
          f.context,
          f.evidence.line,
          f.properties?.['config.value'],
          f.kind === 'algorithm' && f.algorithm.id,
        ]),
    ).toEqual([
      ['CA_root', 9, 'default', 'sha-256'],
      ['CA_signing', 14, 'sha1', 'sha-1'],
    ]);
    expect(r.findings[0]!.notes).toEqual(['"default" lets the key type choose: SHA-256 for RSA and EC in OpenSSL 3.0']);
  });

  it('resolves $ENV:: and $section:: through the default section, as OpenSSL does, and only flags real failures', async () => {
    const files = listFiles(join(__dirname, '../../../../../fixtures/configs/openssl-cnf/env-variables'));
    const r = await runConfigDetector(opensslCnf, files, { openssl: '3.0' });
    // $ENV::HOME falls back to HOME = . and $ENV::OPENSSL_CONF_DIR depends on the environment: neither is an error.
    // Only the forward reference (a section defined later in the file) makes OpenSSL refuse to load it.
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['variable-has-no-value', 18]]);
    const md = r.findings.find((f) => f.context === 'req' && f.properties?.['config.setting'] === 'digest');
    expect(md?.kind === 'algorithm' && md.algorithm).toEqual({ id: 'sha-384' });
  });
});
