import { describe, expect, it } from 'vitest';
import { parseTlsPolicyJson, sniffTlsPolicy } from './policy-json.js';

describe('policy-json', () => {
  it('sniffs guideline-shaped JSON only', () => {
    expect(sniffTlsPolicy('{\n "configurations": {\n  "modern": { "tls_versions": ["TLSv1.3"] }')).toBe(true);
    expect(sniffTlsPolicy('{"configurations": {"debug": {"ciphers": "x"}}}')).toBe(false);
    expect(sniffTlsPolicy('[{"configurations": {}}]')).toBe(false);
  });

  it('reads levels with their lines, sorted by name, and keeps the version as written', () => {
    const text =
      '{\n"version": 6.0,\n"configurations": {\n "old": {"tls_versions": ["TLSv1"], "dh_param_size": 1024},\n "modern": {"ciphersuites": []}\n}}';
    const r = parseTlsPolicyJson(text);
    expect(r.problems).toEqual([]);
    expect(r.document?.version).toBe('6.0');
    expect(r.document?.levels.map((l) => [l.name, l.line, l.dhParamSize])).toEqual([
      ['modern', 5, undefined],
      ['old', 4, 1024],
    ]);
  });

  it('reports invalid JSON with a line and wrong-typed fields without throwing', () => {
    expect(parseTlsPolicyJson('{\n"configurations": {\n"a": [1,\n').problems[0]?.code).toBe('invalid-json');
    const r = parseTlsPolicyJson('{"configurations": {"a": {"tls_versions": [1], "rsa_key_size": "big"}}}');
    expect(r.problems.map((p) => p.code)).toEqual(['invalid-field', 'invalid-field']);
    expect(r.document?.levels[0]?.tlsVersions).toEqual([]);
    expect(parseTlsPolicyJson('"just a string"').document).toBeUndefined();
  });
});
