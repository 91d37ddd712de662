import { describe, expect, it } from 'vitest';
import { parseGate } from '../triage/gate.js';
import { diffEntries, newAgainstBaseline } from './compare.js';
import type { DiffEntry } from './entries.js';

const entry = (what: string, path: string, line: number, attributes: Record<string, string> = {}): DiffEntry => ({
  key: ['algorithm', what, 'api-call', path, 'f'].join('\u0000'),
  kind: 'algorithm',
  label: what,
  path,
  line,
  scope: 'f',
  attributes: { verdict: 'broken', state: 'active', ...attributes },
  gate: {
    verdict: attributes.verdict ?? 'broken',
    classicallyWeak: [],
    state: attributes.state ?? 'active',
    kind: 'algorithm',
    thirdParty: false,
  },
});

describe('diff by identity', () => {
  it('does not count moved lines as changes', () => {
    const d = diffEntries([entry('RSA-2048', 'a.c', 10)], [entry('RSA-2048', 'a.c', 42)]);
    expect(d).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });

  it('lists new parameters as removed and added, and other attributes as changed', () => {
    const d = diffEntries(
      [entry('RSA-2048', 'a.c', 10), entry('ECDH', 'b.c', 3)],
      [entry('RSA-3072', 'a.c', 10), entry('ECDH', 'b.c', 3, { state: 'inactive' })],
    );
    expect(d.added.map((e) => e.label)).toEqual(['RSA-3072']);
    expect(d.removed.map((e) => e.label)).toEqual(['RSA-2048']);
    expect(d.changed.map((c) => c.changes)).toEqual([[{ attribute: 'state', before: 'active', after: 'inactive' }]]);
  });

  it('pairs two entries of one identity on one line by their attributes, whatever order each scan lists them in', () => {
    const sig = entry('RSA-PKCS1-1.5', 'config.h', 17);
    const enc = entry('RSA-PKCS1-1.5', 'config.h', 17, { weak: 'rsaes-pkcs1v15' });
    expect(diffEntries([sig, enc], [enc, sig])).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });

  it('pairs repeated identities in line order and reports the surplus', () => {
    const d = diffEntries([entry('SHA-1', 'a.c', 1)], [entry('SHA-1', 'a.c', 5), entry('SHA-1', 'a.c', 9)]);
    expect(d.unchanged).toBe(1);
    expect(d.added.map((e) => e.line)).toEqual([9]);
  });

  it('with a gate, counts a known finding as new only when the gate newly matches it', () => {
    const baseline = [
      entry('ECDH', 'b.c', 3, { state: 'conditional' }),
      entry('RSA-2048', 'a.c', 1, { state: 'inactive' }),
    ];
    const current = [entry('ECDH', 'b.c', 3, { state: 'inactive' }), entry('RSA-2048', 'a.c', 1)];
    const broken = parseGate('broken');
    expect([...newAgainstBaseline(baseline, current, broken)]).toEqual([]);
    expect([...newAgainstBaseline(baseline, current, parseGate('broken and active'))]).toEqual([1]);
  });

  it('finds what is new against a baseline: unknown identities, or known ones with another verdict or state', () => {
    const baseline = [entry('RSA-2048', 'a.c', 10), entry('ECDH', 'b.c', 3, { state: 'conditional' })];
    const current = [entry('RSA-2048', 'a.c', 99), entry('ECDH', 'b.c', 3), entry('DH', 'c.c', 1)];
    expect([...newAgainstBaseline(baseline, current)]).toEqual([1, 2]);
  });
});
