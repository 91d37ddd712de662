/**
 * One include mechanism, the same behaviour in every detector that follows includes: `--follow-includes-outside`,
 * and the `include-not-found`, `include-cycle`, `include-depth` and `include-outside-root` diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { apacheTls } from '../detectors/apache-tls/index.js';
import { libreswanIpsec } from '../detectors/libreswan-ipsec/index.js';
import { mosquittoTls } from '../detectors/mosquitto-tls/index.js';
import { nginxTls } from '../detectors/nginx-tls/index.js';
import { opensshConfig } from '../detectors/openssh-config/index.js';
import { opensslCnf } from '../detectors/openssl-cnf/index.js';
import { strongswanIpsec } from '../detectors/strongswan-ipsec/index.js';
import { stunnelTls } from '../detectors/stunnel-tls/index.js';
import type { Detector } from '../detectors/types.js';
import { MAX_INCLUDE_DEPTH } from './includes.js';
import { FIXTURE_ROOT, memoryFiles, runConfigDetector } from './test-support/fixture-context.js';

interface Grammar {
  readonly detector: Detector;
  /** Name of the top-level config. */
  readonly main: string;
  /** An include line naming `path`. */
  include(path: string): string;
  /** A TLS (or crypto) setting line, and how a finding for it is recognised. */
  readonly setting: string;
  /** Lines the main file starts with so that it is recognised by content (nginx's `events {}`). */
  readonly prelude?: string;
  readonly postlude?: string;
}

const GRAMMARS: Record<string, Grammar> = {
  nginx: {
    detector: nginxTls,
    main: 'nginx.conf',
    include: (p) => `include ${p};`,
    setting: 'ssl_protocols TLSv1.3;',
    prelude: 'events {}\nhttp {\n',
    postlude: '}\n',
  },
  apache: {
    detector: apacheTls,
    main: 'httpd.conf',
    include: (p) => `Include ${p}`,
    setting: 'SSLProtocol -all +TLSv1.3',
  },
  openssh: {
    detector: opensshConfig,
    main: 'sshd_config',
    include: (p) => `Include ${p}`,
    setting: 'KexAlgorithms mlkem768x25519-sha256',
  },
  strongswan: {
    detector: strongswanIpsec,
    main: 'ipsec.conf',
    include: (p) => `include ${p}`,
    setting: 'conn a\n  ike=aes256-sha256-x25519!',
  },
  libreswan: {
    detector: libreswanIpsec,
    main: 'ipsec.conf',
    include: (p) => `include ${p}`,
    setting: 'conn a\n\tphase2alg=aes128-sha1\n\tauto=add',
    // A Libreswan-only keyword: without one the file is strongswan-ipsec's.
    prelude: 'config setup\n\tprotostack=netkey\n',
  },
  'openssl-cnf': {
    detector: opensslCnf,
    main: 'openssl.cnf',
    include: (p) => `.include ${p}`,
    setting: '[ req ]\ndefault_bits = 3072',
  },
};

const main = (g: Grammar, body: string) => ({ [g.main]: `${g.prelude ?? ''}${body}${g.postlude ?? ''}` });
const at = (g: Grammar, line: number) => `${g.main}:${line + (g.prelude?.split('\n').length ?? 1) - 1}`;

const codes = (r: { diagnostics: { code: string; path?: string; line?: number }[] }) =>
  r.diagnostics.filter((d) => d.code.startsWith('include-')).map((d) => `${d.code} ${d.path}:${d.line}`);

describe.each(Object.entries(GRAMMARS))('includes of %s', (_name, g) => {
  it('diagnoses an include that names no file', async () => {
    const r = await runConfigDetector(g.detector, memoryFiles(main(g, `${g.include('missing.conf')}\n${g.setting}\n`)));
    expect(codes(r)).toEqual([`include-not-found ${at(g, 1)}`]);
  });

  it('diagnoses a cycle once and still reports the settings', async () => {
    const r = await runConfigDetector(
      g.detector,
      memoryFiles({ ...main(g, `${g.include('loop.conf')}\n`), 'loop.conf': `${g.include(g.main)}\n${g.setting}\n` }),
    );
    expect(codes(r)).toEqual([`include-cycle loop.conf:1`]);
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it('stops at the depth limit with a depth diagnostic, not a cycle', async () => {
    const files: Record<string, string> = main(g, `${g.include('chain-1.conf')}\n`);
    for (let i = 1; i <= MAX_INCLUDE_DEPTH + 3; i++) files[`chain-${i}.conf`] = `${g.include(`chain-${i + 1}.conf`)}\n`;
    files[`chain-${MAX_INCLUDE_DEPTH + 4}.conf`] = `${g.setting}\n`;
    const r = await runConfigDetector(g.detector, memoryFiles(files));
    expect(codes(r)).toEqual([`include-depth chain-${MAX_INCLUDE_DEPTH}.conf:1`]);
  });

  it('follows an include outside the scan root only with --follow-includes-outside', async () => {
    const files = memoryFiles(main(g, `${g.include('/opt/shared/tls.conf')}\n`));
    const outside = new Map([['/opt/shared/tls.conf', new TextEncoder().encode(`${g.setting}\n`)]]);
    const off = await runConfigDetector(g.detector, files, {}, {}, outside);
    expect(codes(off)).toEqual([`include-outside-root ${at(g, 1)}`]);
    const on = await runConfigDetector(g.detector, files, {}, { followIncludesOutside: true }, outside);
    expect(codes(on)).toEqual([]);
    // The setting read from outside is reported at its own file, written relative to the scan root.
    const rel = '../opt/shared/tls.conf';
    expect(on.findings.some((f) => f.evidence.path === rel && f.origin !== 'default')).toBe(true);
    expect(FIXTURE_ROOT).toBe('/scan');
  });

  it('follows an outside glob through the directory listing', async () => {
    const files = memoryFiles(main(g, `${g.include('/opt/shared/*.conf')}\n`));
    const outside = new Map([
      ['/opt/shared/a.conf', new TextEncoder().encode(`${g.setting}\n`)],
      ['/opt/shared/.hidden.conf', new TextEncoder().encode(`${g.setting}\n`)],
    ]);
    const on = await runConfigDetector(g.detector, files, {}, { followIncludesOutside: true }, outside);
    const paths = new Set(on.findings.filter((f) => f.origin !== 'default').map((f) => f.evidence.path));
    expect([...paths]).toEqual(['../opt/shared/a.conf']);
  });
});

describe('includes of mosquitto (include_dir, main file only)', () => {
  const tls = 'listener 8883\ncertfile a.pem\nkeyfile a.key\ntls_version tlsv1.3\n';
  it('diagnoses a missing directory, a directory holding the main file, and nested include_dir', async () => {
    const missing = await runConfigDetector(mosquittoTls, memoryFiles({ 'mosquitto.conf': 'include_dir nope\n' }));
    expect(codes(missing)).toEqual(['include-not-found mosquitto.conf:1']);
    const self = await runConfigDetector(
      mosquittoTls,
      memoryFiles({ 'b/mosquitto.conf': `include_dir .\n${tls}`, 'b/other.conf': 'log_type all\n' }),
    );
    expect(codes(self)).toEqual(['include-cycle b/mosquitto.conf:1']);
    const nested = await runConfigDetector(
      mosquittoTls,
      memoryFiles({ 'mosquitto.conf': 'include_dir conf.d\n', 'conf.d/a.conf': `include_dir more\n${tls}` }),
    );
    // mosquitto never reads include_dir from an included file, so nesting has no depth to reach.
    expect(nested.diagnostics.map((d) => d.code)).toEqual(['include-ignored']);
  });

  it('follows include_dir outside the scan root only with --follow-includes-outside', async () => {
    const files = memoryFiles({ 'mosquitto.conf': 'include_dir /etc/mosquitto/conf.d\n' });
    const outside = new Map([['/etc/mosquitto/conf.d/tls.conf', new TextEncoder().encode(tls)]]);
    const off = await runConfigDetector(mosquittoTls, files, {}, {}, outside);
    // Without the flag an absolute directory the tree lacks reads as an empty directory of a copied /etc layout.
    expect(off.findings).toEqual([]);
    const on = await runConfigDetector(mosquittoTls, files, {}, { followIncludesOutside: true }, outside);
    expect(codes(on)).toEqual([]);
    expect(on.findings.map((f) => `${f.evidence.path}:${f.evidence.line} ${f.properties?.['config.setting']}`)).toEqual(
      ['../etc/mosquitto/conf.d/tls.conf:4 versions', '../etc/mosquitto/conf.d/tls.conf:1 defaults'],
    );
  });
});

describe('sites-enabled/ absent from the tree (Debian layout shipped as sites-available/ only)', () => {
  const site = 'server {\n  listen 443 ssl;\n  server_name a.example;\n}\n';
  const main = 'events {}\nhttp {\n  ssl_protocols TLSv1.3;\n  include /etc/nginx/sites-enabled/*;\n}\n';

  it('reads the sites of sites-available/ through the include, with an info diagnostic', async () => {
    const r = await runConfigDetector(nginxTls, memoryFiles({ 'nginx.conf': main, 'sites-available/a': site }));
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['include-enabled-absent', 'info', 4]]);
    // The site's server inherits the http block's versions, pointing at the http-level line.
    expect(
      r.findings.map((f) => [f.context, f.properties?.['config.setting'], f.evidence.path, f.evidence.line]),
    ).toEqual([
      ['http > server[a.example:443]', 'versions', 'nginx.conf', 3],
      ['http > server[a.example:443]', 'defaults', 'sites-available/a', 1],
    ]);
  });

  it('keeps a sites-enabled/ the tree does hold, even when no site is enabled in it', async () => {
    const files = memoryFiles({ 'nginx.conf': main, 'sites-available/a': site, 'sites-enabled/.keep': '' });
    const r = await runConfigDetector(nginxTls, files);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    // Not enabled: the site stands alone, without the http block's settings.
    expect(r.findings.some((f) => f.context === 'http > server[a.example:443]')).toBe(false);
  });
});

describe('includes of stunnel (include = DIRECTORY, every file of it in order)', () => {
  const service = '[s]\naccept = 1\nconnect = 2\ncert = /a.pem\nciphers = ECDHE+AESGCM\n';
  it('diagnoses a missing directory, a cycle and the depth limit; reads outside only with the flag', async () => {
    const missing = await runConfigDetector(stunnelTls, memoryFiles({ 'stunnel.conf': `include = nope\n${service}` }));
    expect(codes(missing)).toEqual(['include-not-found stunnel.conf:1']);
    const self = await runConfigDetector(
      stunnelTls,
      memoryFiles({ 'stunnel.conf': `include = d\n${service}`, 'd/a.conf': 'include = ..\n' }),
    );
    expect(codes(self)).toEqual(['include-cycle d/a.conf:1']);
    expect(self.findings.length).toBeGreaterThan(0);
    const files: Record<string, string> = { 'stunnel.conf': 'include = d1\n' };
    for (let i = 1; i <= MAX_INCLUDE_DEPTH + 3; i++) files[`d${i}/x.conf`] = `include = ../d${i + 1}\n`;
    files[`d${MAX_INCLUDE_DEPTH + 4}/x.conf`] = service;
    const deep = await runConfigDetector(stunnelTls, memoryFiles(files));
    expect(codes(deep)).toEqual([`include-depth d${MAX_INCLUDE_DEPTH}/x.conf:1`]);
    const outside = new Map([['/etc/stunnel/conf.d/10-s.conf', new TextEncoder().encode(service)]]);
    const main = memoryFiles({ 'stunnel.conf': 'sslVersionMin = TLSv1.2\ninclude = /etc/stunnel/conf.d\n' });
    const off = await runConfigDetector(stunnelTls, main, {}, {}, outside);
    // As for mosquitto: without the flag an absolute directory the tree lacks reads as an empty directory.
    expect(codes(off)).toEqual([]);
    expect(off.findings.some((f) => f.evidence.path.startsWith('../'))).toBe(false);
    const on = await runConfigDetector(stunnelTls, main, {}, { followIncludesOutside: true }, outside);
    expect(codes(on)).toEqual([]);
    expect(on.findings.some((f) => f.evidence.path === '../etc/stunnel/conf.d/10-s.conf')).toBe(true);
  });
});
