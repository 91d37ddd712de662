import { describe, expect, it } from 'vitest';
import { parseApache, splitApacheArgs } from './apache-parser.js';

describe('Apache config parser', () => {
  it('nests sections, joins continued lines and keeps quoted arguments whole', () => {
    const r = parseApache(
      '<VirtualHost *:443>\n  SSLCipherSuite A:\\\n     B\n  SSLCertificateFile "/etc/my certs/a.pem"\n</VirtualHost>\n',
    );
    expect(r.problems).toEqual([]);
    const vh = r.directives[0]!;
    expect([vh.name, vh.args, vh.line]).toEqual(['VirtualHost', ['*:443'], 1]);
    expect(vh.block!.map((d) => [d.name, d.args, d.line])).toEqual([
      ['SSLCipherSuite', ['A:', 'B'], 2],
      ['SSLCertificateFile', ['/etc/my certs/a.pem'], 4],
    ]);
  });
  it('treats # as a comment only at the start of a line', () => {
    const r = parseApache('# SSLProtocol all\nSSLCipherSuite HIGH#x\n');
    expect(r.directives.map((d) => [d.name, d.args])).toEqual([['SSLCipherSuite', ['HIGH#x']]]);
  });
  it('unescapes quotes inside quoted words', () => {
    expect(splitApacheArgs('"a \\"b\\"" c').args).toEqual(['a "b"', 'c']);
  });
  it('recovers from unbalanced and mismatched sections', () => {
    const r = parseApache(
      '<VirtualHost *:443>\n<Directory /x>\n</VirtualHost>\n</IfModule>\n<IfModule ssl>\nSSLEngine on\n',
    );
    expect(r.problems.map((p) => `${p.code}:${p.line}`)).toEqual([
      'unbalanced-section:2',
      'unbalanced-section:4',
      'unbalanced-section:5',
    ]);
    expect(r.directives.map((d) => d.name)).toEqual(['VirtualHost', 'IfModule']);
    expect(r.directives[1]!.block!.map((d) => d.name)).toEqual(['SSLEngine']);
  });
  it('survives hostile input: deep nesting, endless continuation, binary junk', () => {
    const deep = parseApache('<IfModule x>\n'.repeat(10_000));
    expect(deep.problems.some((p) => p.code === 'nesting-too-deep')).toBe(true);
    const cont = parseApache(`SSLCipherSuite ${'A\\\n'.repeat(50_000)}B\nSSLEngine on\n`);
    expect(cont.problems.some((p) => p.code === 'line-too-long')).toBe(true);
    expect(cont.directives.at(-1)!.name).toBe('SSLEngine');
    const junk = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect(() => parseApache(junk)).not.toThrow();
  });
});
