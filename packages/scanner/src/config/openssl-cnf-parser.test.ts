import { describe, expect, it } from 'vitest';
import { buildOpensslCnf, lexOpensslCnf } from './openssl-cnf-parser.js';

const build = (text: string) => buildOpensslCnf([{ path: 'openssl.cnf', events: lexOpensslCnf(text).events }]);

describe('OpenSSL config parser', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${var} is OpenSSL syntax, not a template.
  it('expands $var, ${var}, $(var) and $section::var against values read so far', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: OpenSSL variable syntax.
    const b = build('dir = /ca\n[ s ]\nx = one\na = $dir/$x\nb = ${dir}-$(x)\n[ t ]\nc = $s::x # tail\n');
    expect(b.problems).toEqual([]);
    const s = b.sections.get('s')!.entries;
    expect([s.get('a')!.value, s.get('b')!.value, b.sections.get('t')!.entries.get('c')!.value]).toEqual([
      '/ca/one',
      '/ca-one',
      'one',
    ]);
  });
  it('handles quotes, escapes, continuations and keeps the last duplicate', () => {
    const b = build('[ s ]\nq = "a # b"\ne = x\\#y\nk = 1\nk = 2 \\\n  3\n');
    const s = b.sections.get('s')!.entries;
    expect([s.get('q')!.value, s.get('e')!.value, s.get('k')!.value]).toEqual(['a # b', 'x#y', '2   3']);
    expect(s.get('k')!.replaced.map((r) => r.line)).toEqual([4]);
  });
  it('reports undefined variables, bad headers and lines without "="; sees .include', () => {
    const lexed = lexOpensslCnf('[ a\n.include conf.d\nnothing here\n[ s ]\nv = $nope\n');
    expect(lexed.events.filter((e) => e.kind === 'include')).toEqual([{ kind: 'include', pattern: 'conf.d', line: 2 }]);
    expect(lexed.problems.map((p) => p.code)).toEqual(['malformed-section', 'missing-equal-sign']);
    expect(buildOpensslCnf([{ path: 'x', events: lexed.events }]).problems.map((p) => p.code)).toEqual([
      'variable-has-no-value',
    ]);
  });
  it('survives hostile input: expansion bombs, huge lines, binary junk', () => {
    let text = '[ s ]\na = xxxxxxxxxxxxxxxx\n';
    for (let i = 0; i < 30; i++)
      text += `${String.fromCharCode(98 + (i % 20))}${i} = $${i === 0 ? 'a' : `${String.fromCharCode(98 + ((i - 1) % 20))}${i - 1}`}$${i === 0 ? 'a' : `${String.fromCharCode(98 + ((i - 1) % 20))}${i - 1}`}\n`;
    const b = build(text);
    expect([...b.sections.get('s')!.entries.values()].every((e) => e.value.length <= 64 * 1024)).toBe(true);
    expect(b.problems.length).toBeGreaterThan(0);
    expect(lexOpensslCnf(`x = ${'a'.repeat(100_000)}`).problems[0]!.code).toBe('line-too-long');
    const junk = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect(() => build(junk)).not.toThrow();
  });
});
