import { describe, expect, it } from 'vitest';
import { GateError, type GateSubject, parseGate, parseGates } from './gate.js';

const subject = (over: Partial<GateSubject> = {}): GateSubject => ({
  verdict: 'broken',
  classicallyWeak: [],
  state: 'active',
  kind: 'algorithm',
  thirdParty: false,
  ...over,
});

describe('--fail-on expressions', () => {
  it('matches verdicts, states, kinds, weaknesses and third-party code', () => {
    expect(parseGate('broken')(subject())).toBe(true);
    expect(parseGate('broken')(subject({ verdict: 'weakened' }))).toBe(false);
    expect(parseGate('broken and active')(subject({ state: 'conditional' }))).toBe(false);
    expect(parseGate('broken and not third-party')(subject({ thirdParty: true }))).toBe(false);
    expect(parseGate('classically-weak')(subject({ verdict: 'resistant', classicallyWeak: ['md5'] }))).toBe(true);
    expect(parseGate('certificate')(subject())).toBe(false);
    expect(parseGate('any')(subject({ verdict: 'resistant' }))).toBe(true);
  });

  it('gives and precedence over or, and honours parentheses and not', () => {
    const weakInactive = subject({ verdict: 'weakened', state: 'inactive' });
    expect(parseGate('broken or weakened and active')(weakInactive)).toBe(false);
    expect(parseGate('(broken or weakened) and not active')(weakInactive)).toBe(true);
    expect(parseGate('NOT not broken')(subject())).toBe(true);
  });

  it('reads expires-before with a year or a day, for certificates only', () => {
    const cert = subject({ kind: 'certificate', notAfter: '2029-12-31T23:59:59Z' });
    expect(parseGate('expires-before:2030')(cert)).toBe(true);
    expect(parseGate('expires-before:2029-06-30')(cert)).toBe(false);
    expect(parseGate('expires-before:2030')(subject())).toBe(false);
  });

  it('joins several expressions with or', () => {
    const gate = parseGates(['certificate', 'weakened'])!;
    expect(gate(subject({ verdict: 'weakened' }))).toBe(true);
    expect(gate(subject())).toBe(false);
    expect(parseGates([])).toBeUndefined();
  });

  it('rejects what it cannot read with the expression and the allowed terms', () => {
    expect(() => parseGate('brokn')).toThrow(
      /--fail-on "brokn": unknown term "brokn"; use broken, weakened, .*expires-before/,
    );
    expect(() => parseGate('broken and')).toThrow(/ends too early/);
    expect(() => parseGate('(broken')).toThrow(/parenthesis is not closed/);
    expect(() => parseGate('broken active')).toThrow(/unexpected "active"/);
    expect(() => parseGate('expires-before:2030-13-45')).toThrow(GateError);
    expect(() => parseGate('  ')).toThrow(/needs an expression/);
  });
});
