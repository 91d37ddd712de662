import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globToRegExp, resolveInclude } from './includes.js';
import { parseNginx } from './nginx-parser.js';
import { expandCipherString, expandCiphersuites } from './openssl-cipher-string.js';
import { looksLikeNonConfig } from './protocol-finding.js';
import { applyAlgorithmList, parseSshConfig } from './ssh-parser.js';
import { parseGroupList } from './tls-lists.js';

const names = (s: string) => expandCipherString(s).suites.map((r) => r.openssl);

describe('OpenSSL cipher-string expander', () => {
  it('intersects + combined aliases and keeps the built-in order', () => {
    expect(names('ECDHE+AESGCM+aRSA')).toEqual(['ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES128-GCM-SHA256']);
  });
  it('moves with +, removes with -, kills with !', () => {
    expect(names('AES128-SHA:ECDHE-RSA-AES128-SHA:+AES128-SHA')).toEqual(['ECDHE-RSA-AES128-SHA', 'AES128-SHA']);
    expect(names('AES128-SHA:-AES128-SHA:AES128-SHA256:AES128-SHA')).toEqual(['AES128-SHA256', 'AES128-SHA']);
    expect(expandCipherString('!AES128-SHA:AES128-SHA').ok).toBe(false);
  });
  it('sorts by strength bits with @STRENGTH (stable)', () => {
    expect(names('AES128-SHA:AES256-SHA:@STRENGTH')).toEqual(['AES256-SHA', 'AES128-SHA']);
  });
  it('records @SECLEVEL without filtering the list, and rejects unknown @commands', () => {
    const r = expandCipherString('AES128-SHA:@SECLEVEL=0');
    expect([r.ok, r.secLevel, r.suites.length]).toEqual([true, 0, 1]);
    expect(expandCipherString('ALL:@FOO').ok).toBe(false);
  });
  it('substitutes DEFAULT only at the start and SUITEB replaces the whole string', () => {
    expect(names('DEFAULT').length).toBe(57);
    expect(names('kRSA:DEFAULT').every((n) => !n.startsWith('ECDHE'))).toBe(true);
    expect(names('SUITEB128:ALL')).toEqual(['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384']);
  });
  it('reports names OpenSSL silently ignores', () => {
    expect(expandCipherString('FOO:AES128-SHA').unknownNames).toEqual(['FOO']);
  });
  it('parses TLS 1.3 Ciphersuites separately', () => {
    expect(expandCiphersuites('TLS_AES_128_GCM_SHA256:BOGUS').suites.map((s) => s.codePoint)).toEqual(['0x1301']);
  });
});

describe('group lists', () => {
  it('classifies hybrid, pure and obsolete PQ groups with code points and strips 3.5 prefixes', () => {
    expect(
      parseGroupList(
        '?*X25519MLKEM768 / x25519:P-256:-ffdhe2048:MLKEM1024:X25519Kyber768Draft00:p384_kyber768:brainpool',
      ),
    ).toEqual([
      {
        name: 'X25519MLKEM768',
        codePoint: '0x11EC',
        algorithm: { id: 'x25519mlkem768', components: [{ id: 'ml-kem-768' }, { id: 'x25519' }] },
      },
      { name: 'x25519', codePoint: '0x001D', algorithm: { id: 'x25519' } },
      { name: 'secp256r1', codePoint: '0x0017', algorithm: { id: 'ecdh', curve: 'p-256' } },
      { name: 'MLKEM1024', codePoint: '0x0202', algorithm: { id: 'ml-kem-1024' } },
      {
        name: 'X25519Kyber768Draft00',
        codePoint: '0x6399',
        algorithm: { id: 'x25519kyber768draft00', components: [{ id: 'x25519' }, { id: 'kyber-768' }] },
      },
      {
        name: 'p384_kyber768',
        algorithm: {
          id: 'unknown',
          parameterSet: 'p384_kyber768',
          components: [{ id: 'ecdh', curve: 'p-384' }, { id: 'kyber-768' }],
        },
      },
      { name: 'brainpool', algorithm: { id: 'unknown', parameterSet: 'brainpool' } },
    ]);
  });
});

describe('nginx grammar', () => {
  it('handles quotes, escapes, comments and nested blocks', () => {
    const r = parseNginx('http { # c\n  ssl_ciphers "A:B" \'C\\;D\';\n  server { listen 443 ssl; }\n}\n');
    expect(r.problems).toEqual([]);
    expect(r.directives[0]!.block!.map((d) => [d.name, d.args, d.line])).toEqual([
      ['ssl_ciphers', ['A:B', 'C;D'], 2],
      ['server', [], 3],
    ]);
  });
  it('recovers from a stray closing brace and a missing one', () => {
    const r = parseNginx('}\nhttp { server { listen 443;\n');
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['unbalanced-brace', 1],
      ['unbalanced-brace', 2],
      ['unbalanced-brace', 2],
    ]);
    expect(r.directives[0]!.block![0]!.block![0]!.name).toBe('listen');
  });
  it('keeps braced variables ($name in braces) inside a word, as nginx does', () => {
    const text = readFileSync(
      resolve(__dirname, '../../../../fixtures/configs/nginx/variable-braces/nginx.conf'),
      'utf8',
    );
    const r = parseNginx(text);
    expect(r.problems).toEqual([]);
    const server = r.directives[0]!.block![0]!.block!;
    const loc = server.find((d) => d.name === 'location')!.block!;
    const word = text.match(/\/cache\/\$host\S+?gz/)![0];
    expect(loc.map((d) => [d.name, d.args])).toEqual([
      ['try_files', [word, '@origin']],
      ['if', ['(-f', `$document_root${word})`]],
    ]);
    expect(loc[1]!.block!.map((d) => d.args)).toEqual([['^', word, 'last']]);
    // The block structure survives: ssl_protocols is still the server's.
    expect(server.at(-1)!.name).toBe('ssl_protocols');
  });
});

describe('OpenSSH grammar', () => {
  it('parses Keyword=value and quoted arguments', () => {
    expect(
      parseSshConfig('Ciphers=aes128-ctr\nHostKey "/etc/ssh/my key"\n', 'c').lines.map((l) => [l.keyword, l.args]),
    ).toEqual([
      ['ciphers', ['aes128-ctr']],
      ['hostkey', ['/etc/ssh/my key']],
    ]);
  });
  it('applies + - ^ modifiers', () => {
    expect(applyAlgorithmList('+c', ['a', 'b'])).toEqual(['a', 'b', 'c']);
    expect(applyAlgorithmList('^c,b', ['a', 'b'])).toEqual(['c', 'b', 'a']);
    expect(applyAlgorithmList('-a*', ['ab', 'b', 'ac'])).toEqual(['b']);
    expect(applyAlgorithmList('x,y', ['a'])).toEqual(['x', 'y']);
  });
});

describe('include resolution', () => {
  const files = new Map([
    ['etc/nginx/conf.d/a.conf', 1],
    ['etc/nginx/conf.d/b.conf', 1],
    ['etc/nginx/nginx.conf', 1],
  ]);
  it('maps absolute paths into the scan root and sorts glob matches', () => {
    expect(resolveInclude('/etc/nginx/conf.d/*.conf', 'etc/nginx', files).paths).toEqual([
      'etc/nginx/conf.d/a.conf',
      'etc/nginx/conf.d/b.conf',
    ]);
    expect(resolveInclude('conf.d/b.conf', 'etc/nginx', files).paths).toEqual(['etc/nginx/conf.d/b.conf']);
  });
  it('maps an absolute include onto a scan rooted below the target root', () => {
    const etc = new Map([
      ['ssh/ssh_config', 1],
      ['ssh/ssh_config.d/site.conf', 1],
      ['xattr.conf', 1],
      ['nginx.conf', 1],
      ['mime.types', 1],
    ]);
    expect(resolveInclude('/etc/ssh/ssh_config.d/*.conf', 'ssh', etc).paths).toEqual(['ssh/ssh_config.d/site.conf']);
    // A config at the scan root may include a bare file of the root (scan of /etc/nginx).
    expect(resolveInclude('/etc/nginx/mime.types', '', etc).paths).toEqual(['mime.types']);
  });
  it('never widens an absent include directory to every matching file of the tree', () => {
    const etc = new Map([
      ['ssh/ssh_config', 1],
      ['xattr.conf', 1],
      ['ca-certificates.conf', 1],
    ]);
    // The directory is simply empty or absent inside the scanned /etc: nothing included, nothing outside.
    expect(resolveInclude('/etc/ssh/ssh_config.d/*.conf', 'ssh', etc)).toEqual({ paths: [], outside: false });
    expect(resolveInclude('/opt/other/x.d/*.conf', 'ssh', etc)).toEqual({ paths: [], outside: true });
  });
  it('never matches an include glob against the bare files of the scan root', () => {
    // Scan of /etc/nginx: `/etc/nginx/modules-enabled/*.conf` (empty) must not pull in nginx.conf, fastcgi.conf.
    const nginx = new Map([
      ['nginx.conf', 1],
      ['fastcgi.conf', 1],
      ['sites-available/default', 1],
    ]);
    expect(resolveInclude('/etc/nginx/modules-enabled/*.conf', '', nginx)).toEqual({ paths: [], outside: false });
    expect(resolveInclude('/etc/nginx/fastcgi.conf', '', nginx).paths).toEqual(['fastcgi.conf']);
  });
  it('maps absolute includes exactly when the scan root is known from the file heads', () => {
    const head = (path: string, root: string) => [path, { path, absPath: `${root}/${path}` }] as const;
    const etcNginx = new Map([head('nginx.conf', '/etc/nginx'), head('conf.d/a.conf', '/etc/nginx')]);
    expect(resolveInclude('/etc/nginx/conf.d/*.conf', '', etcNginx)).toEqual({
      paths: ['conf.d/a.conf'],
      outside: false,
    });
    expect(resolveInclude('/etc/nginx/modules-enabled/*.conf', '', etcNginx)).toEqual({ paths: [], outside: false });
    expect(resolveInclude('/usr/share/nginx/x.conf', '', etcNginx)).toEqual({ paths: [], outside: true });
    const whole = new Map([['etc/ssh/sshd_config', { path: 'etc/ssh/sshd_config', absPath: '/etc/ssh/sshd_config' }]]);
    expect(resolveInclude('/etc/ssh/sshd_config', 'etc/ssh', whole).paths).toEqual(['etc/ssh/sshd_config']);
    // Several roots: paths are relative to the working directory (/work/main here) and climb out of it.
    const multi = new Map([
      ['../../etc/nginx/nginx.conf', { path: '../../etc/nginx/nginx.conf', absPath: '/etc/nginx/nginx.conf' }],
    ]);
    multi.set('../../etc/nginx/conf.d/a.conf', {
      path: '../../etc/nginx/conf.d/a.conf',
      absPath: '/etc/nginx/conf.d/a.conf',
    });
    expect(resolveInclude('/etc/nginx/conf.d/*.conf', '../../etc/nginx', multi).paths).toEqual([
      '../../etc/nginx/conf.d/a.conf',
    ]);
  });
  it('maps absolute paths through the root that holds them when several roots are scanned', () => {
    // pqready scan /srv/a/nginx /etc/ssh: paths start with each root's name.
    const roots = [
      { absPath: '/srv/a/nginx', prefix: 'nginx' },
      { absPath: '/etc/ssh', prefix: 'ssh' },
    ];
    const two = new Map([
      ['nginx/nginx.conf', 1],
      ['nginx/conf.d/a.conf', 1],
      ['ssh/sshd_config', 1],
      ['ssh/sshd_config.d/x.conf', 1],
    ]);
    expect(resolveInclude('/srv/a/nginx/conf.d/*.conf', 'nginx', two, roots).paths).toEqual(['nginx/conf.d/a.conf']);
    expect(resolveInclude('/etc/ssh/sshd_config.d/*.conf', 'ssh', two, roots).paths).toEqual([
      'ssh/sshd_config.d/x.conf',
    ]);
    // A file a root does not hold is missing from that root, not outside the scan.
    expect(resolveInclude('/srv/a/nginx/missing.conf', 'nginx', two, roots)).toEqual({ paths: [], outside: false });
    // The working directory, which multi-root scans used to map through, places nothing.
    expect(resolveInclude('/srv/a/nginx/missing.conf', 'nginx', two, '/work')).toEqual({ paths: [], outside: true });
    expect(resolveInclude('/opt/other.conf', 'nginx', two, roots)).toEqual({ paths: [], outside: true });
  });
  it('refuses paths escaping the root', () => {
    expect(resolveInclude('../../../x.conf', 'etc/nginx', files)).toEqual({ paths: [], outside: true });
    expect(globToRegExp('a/*.conf').test('a/b/c.conf')).toBe(false);
  });
});

describe('documentation sniffing', () => {
  it('tells a document quoting configuration from the configuration itself', () => {
    const prose =
      'To enable TLS for a site, load the module and then add lines such as these,\n' +
      'replacing the certificate paths with your own before reloading the server:\n' +
      'Each of the directives below is described in the reference manual as well.\n\nSSLEngine on\n';
    expect(looksLikeNonConfig('apache2/howto', prose)).toBe(true);
    expect(looksLikeNonConfig('apache2/README.Debian', 'SSLEngine on\n')).toBe(true);
    expect(looksLikeNonConfig('haproxy/notes.txt', 'global\n')).toBe(true);
    const config =
      '# This file is read by the server at start-up, and every line below is one directive.\n' +
      '# Keep the comments: they say what each of the settings is for, and why it is set.\n' +
      '# Reload the server after any change, or the old settings stay in effect until then.\n' +
      'LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined\nSSLEngine on\n';
    expect(looksLikeNonConfig('apache2/sites-available/site.conf', config)).toBe(false);
    expect(looksLikeNonConfig('haproxy/haproxy.cfg', 'global\n  maxconn 10\n')).toBe(false);
  });
  it('tells scripts and patches that carry configuration lines from configuration', () => {
    // A deployment script whose here-document holds a server block, with a Markdown fence further down.
    expect(
      looksLikeNonConfig('webserver/add-site-nginx.sh', '#\n# Add a site.\nserver {\n  listen 443 ssl;\n}\n'),
    ).toBe(true);
    expect(
      looksLikeNonConfig('deploy/setup', '#!/bin/sh\ncat > /etc/nginx/conf.d/tls.conf <<EOF\nssl_protocols TLSv1.2;\n'),
    ).toBe(true);
    expect(looksLikeNonConfig('webserver/nginx.conf.patch', 'http {\n')).toBe(true);
    expect(
      looksLikeNonConfig('nginx/changes', 'diff --git a/nginx.conf b/nginx.conf\n--- a/nginx.conf\n+++ b/nginx.conf\n'),
    ).toBe(true);
    expect(looksLikeNonConfig('Server_Side_TLS.mediawiki', 'ssl_protocols TLSv1.2;\n')).toBe(true);
    // Configs named after the daemon, without an extension, stay configs.
    expect(looksLikeNonConfig('nginx/sites-enabled/default', 'server {\n  listen 443 ssl;\n}\n')).toBe(false);
    expect(looksLikeNonConfig('etc/mosquitto/mosquitto.conf.orig', 'listener 8883\n')).toBe(false);
  });
});
