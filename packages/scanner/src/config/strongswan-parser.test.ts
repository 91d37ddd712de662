import { describe, expect, it } from 'vitest';
import { parseIpsecConf, parseProposalList, parseSwanctlConf, type SwanSection } from './strongswan-parser.js';

describe('parseIpsecConf', () => {
  it('reads sections, indented parameters, quotes, comments and includes', () => {
    const r = parseIpsecConf('config setup\n  a="x # y" # c\ninclude conf.d/*.conf\nconn gw\n\tike = aes128-sha256!\n');
    expect(r.entries).toEqual([
      { kind: 'section', type: 'config', name: 'setup', line: 1 },
      { kind: 'param', key: 'a', value: 'x # y', line: 2 },
      { kind: 'include', pattern: 'conf.d/*.conf', line: 3 },
      { kind: 'section', type: 'conn', name: 'gw', line: 4 },
      { kind: 'param', key: 'ike', value: 'aes128-sha256!', line: 5 },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('recovers from junk lines and bounds its problems', () => {
    const r = parseIpsecConf(`  orphan=1\nconn a\n  no equals\n${'garbage\n'.repeat(500)}conn b\n  k=v\n`);
    expect(r.problems[0]).toMatchObject({ code: 'param-outside-section', line: 1 });
    expect(r.problems[1]).toMatchObject({ code: 'unparsable-line', line: 3 });
    expect(r.problems.length).toBe(50);
    expect(r.entries.at(-1)).toEqual({ kind: 'param', key: 'k', value: 'v', line: 505 });
  });
});

describe('parseSwanctlConf', () => {
  it('builds nested sections with references, quoted values and includes', () => {
    const r = parseSwanctlConf(
      'connections {\n  gw : connections.base, other {\n    id = "a \\"b\\" c"  \n    proposals = aes256-sha256 # c\n    include x/*.conf\n  }\n}\n',
      'swanctl.conf',
    );
    expect(r.problems).toEqual([]);
    const gw = (r.entries[0] as SwanSection).entries[0] as SwanSection;
    expect(gw).toMatchObject({ name: 'gw', refs: ['connections.base', 'other'], line: 2 });
    expect(gw.entries).toEqual([
      { kind: 'kv', key: 'id', value: 'a "b" c', line: 3, path: 'swanctl.conf' },
      { kind: 'kv', key: 'proposals', value: 'aes256-sha256', line: 4, path: 'swanctl.conf' },
      { kind: 'include', pattern: 'x/*.conf', line: 5, path: 'swanctl.conf' },
    ]);
  });

  it('reports unbalanced braces and unterminated quotes and keeps going', () => {
    const r = parseSwanctlConf('}\na {\n  k = "open\n  j = 2\n', 'f');
    expect(r.problems.map((p) => p.code)).toEqual(['unbalanced-braces', 'unterminated-quote', 'unbalanced-braces']);
    expect(r.entries).toHaveLength(1);
  });

  it('does not recurse on deep nesting or hang on binary junk', () => {
    const deep = parseSwanctlConf(`${'a {'.repeat(100_000)}${'}'.repeat(100_000)} b = 1`, 'f');
    expect(deep.problems.map((p) => p.code)).toEqual(['nesting-too-deep']);
    expect(deep.entries.at(-1)).toMatchObject({ kind: 'kv', key: 'b', value: '1' });
    const junk = String.fromCharCode(...new Uint8Array(20_000).map((_, i) => (i * 7919) % 256));
    expect(() => parseSwanctlConf(junk, 'f')).not.toThrow();
  });
});

describe('parseProposalList', () => {
  it('splits proposals and keywords and reads the strict flag', () => {
    expect(parseProposalList('AES256-sha256-modp2048, aes128gcm16-ecp256-ke1_mlkem768!')).toEqual({
      strict: true,
      proposals: [
        { text: 'AES256-sha256-modp2048', tokens: ['aes256', 'sha256', 'modp2048'] },
        { text: 'aes128gcm16-ecp256-ke1_mlkem768', tokens: ['aes128gcm16', 'ecp256', 'ke1_mlkem768'] },
      ],
    });
  });
});
