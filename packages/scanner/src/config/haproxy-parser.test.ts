import { describe, expect, it } from 'vitest';
import { parseHaproxy, splitHaproxyLine } from './haproxy-parser.js';

describe('HAProxy config parser', () => {
  it('splits sections and keyword lines, honouring quotes, escapes and comments', () => {
    const r = parseHaproxy(
      'global\n  ssl-default-bind-ciphers "A:B" # c\nfrontend fe\n  bind :443 ssl crt a\\ b.pem\n',
    );
    expect(r.problems).toEqual([]);
    expect(r.sections.map((s) => [s.kind, s.name, s.lines.map((l) => [l.keyword, ...l.args])])).toEqual([
      ['global', '', [['ssl-default-bind-ciphers', 'A:B']]],
      ['frontend', 'fe', [['bind', ':443', 'ssl', 'crt', 'a b.pem']]],
    ]);
    expect(splitHaproxyLine('a \'x#y\' "q\\""').words).toEqual(['a', 'x#y', 'q"']);
  });
  it('evaluates .if defined() against the defines and keeps the taken branch only', () => {
    const text = '.if defined(TLS)\nfrontend a\n.elif 1\nfrontend b\n.else\nfrontend c\n.endif\n';
    expect(parseHaproxy(text, { TLS: '1' }).sections.map((s) => s.name)).toEqual(['a']);
    expect(parseHaproxy(text, {}).sections.map((s) => s.name)).toEqual(['b']);
  });
  it('reports unbalanced conditions, open quotes and lines outside sections', () => {
    const r = parseHaproxy('bind :1\n.endif\nglobal\n  x "open\n.if 1\n');
    expect(r.problems.map((p) => `${p.code}:${p.line}`).sort()).toEqual([
      'outside-section:1',
      'unbalanced-condition:2',
      'unbalanced-condition:5',
      'unterminated-quote:4',
    ]);
  });
  it('survives hostile input: huge lines, nested conditions, binary junk', () => {
    const r = parseHaproxy(`global\n  x ${'a'.repeat(100_000)}\n${'.if 1\n'.repeat(200)}`);
    expect(r.problems.some((p) => p.code === 'line-too-long')).toBe(true);
    expect(r.problems.some((p) => p.code === 'nesting-too-deep')).toBe(true);
    const junk = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect(() => parseHaproxy(junk)).not.toThrow();
  });
});
