import { describe, expect, it } from 'vitest';
import { readDirectives } from './directives.js';

const read = (text: string) => readDirectives('src/x.c', new TextEncoder().encode(text));

describe('pqready-ignore comments', () => {
  it('reads ids and reason from C block and line comments and from # and ; comments', () => {
    const r = read(
      [
        'int x; /* pqready-ignore rsa -- legacy bootloader verifies only RSA-2048 */',
        '// pqready-ignore md5, sha-1 -- checksums of public images, not signatures',
        '# pqready-ignore static-rsa-kex -- lab gateway, not shipped',
        '; pqready-ignore all -- test vectors',
        ' * pqready-ignore ecdsa -- inside a block comment',
        '<!-- pqready-ignore dh -- XML config -->',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.directives.map((d) => [d.line, d.targets.join('+'), d.reason])).toEqual([
      [1, 'rsa', 'legacy bootloader verifies only RSA-2048'],
      [2, 'md5+sha-1', 'checksums of public images, not signatures'],
      [3, 'static-rsa-kex', 'lab gateway, not shipped'],
      [4, 'all', 'test vectors'],
      [5, 'ecdsa', 'inside a block comment'],
      [6, 'dh', 'XML config'],
    ]);
  });

  it('warns, naming the line, when the reason or the id is missing, and suppresses nothing then', () => {
    const r = read(
      'a\n/* pqready-ignore rsa */\n# pqready-ignore -- because\n# pqready-ignore rsa --   \n// pqready-ignore "rsa" -- q\n',
    );
    expect(r.directives).toEqual([]);
    expect(r.diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([
      [2, 'suppression-without-reason', 'warning'],
      [3, 'suppression-invalid', 'warning'],
      [4, 'suppression-without-reason', 'warning'],
      [5, 'suppression-invalid', 'warning'],
    ]);
    expect(r.diagnostics[0]!.message).toMatch(/pqready-ignore rsa gives no reason.*pqready-ignore rsa -- <why/);
    expect(r.diagnostics[0]!.path).toBe('src/x.c');
  });

  it('ignores the word outside comments and in binary files', () => {
    expect(read('const char *s = "pqready-ignore rsa -- x";\nint a = b * pqready_ignore;\n').directives).toEqual([]);
    const binary = new Uint8Array([0, 1, 2, ...new TextEncoder().encode('# pqready-ignore rsa -- x')]);
    expect(readDirectives('fw.bin', binary)).toEqual({ directives: [], diagnostics: [] });
  });
});
