import { describe, expect, it } from 'vitest';
import { buildTlsFacts, type TlsSettings } from './tls-facts.js';

const settings = (groups: string | undefined): TlsSettings => ({
  versions: { value: ['1.2', '1.3'], origin: 'explicit', directive: 'ssl_protocols', line: 3, path: 'a.conf' },
  cipherString: { value: 'ECDHE+AESGCM', origin: 'explicit', directive: 'ssl_ciphers', line: 4, path: 'a.conf' },
  ciphersuites: { value: 'TLS_AES_128_GCM_SHA256', origin: 'default', directive: 'OpenSSL default' },
  groups: { value: groups, origin: groups ? 'explicit' : 'default', directive: 'ssl_ecdh_curve' },
  references: [],
  opensslVersion: '3.0',
});

describe('buildTlsFacts shares what servers have in common', () => {
  it('gives every server naming the same groups and suites the same frozen facts', () => {
    const a = buildTlsFacts(settings('X25519MLKEM768:X25519')).protocol;
    const b = buildTlsFacts(settings('X25519MLKEM768:X25519')).protocol;
    expect(a.groups.map((g) => g.name)).toEqual(['X25519MLKEM768', 'x25519']);
    expect(b.groups).toBe(a.groups);
    expect(Object.isFrozen(a.groups)).toBe(true);
    expect(a.cipherSuites.length).toBeGreaterThan(1);
    expect(b.cipherSuites[0]).toBe(a.cipherSuites[0]);
    expect(Object.isFrozen(a.cipherSuites[0])).toBe(true);
    // The list of suites is each server's own (its order and length depend on its settings).
    expect(b.cipherSuites).not.toBe(a.cipherSuites);
  });

  it('keeps different group lists apart, and the default list as the OpenSSL version gives it', () => {
    const explicit = buildTlsFacts(settings('X25519')).protocol;
    const defaults = buildTlsFacts(settings(undefined)).protocol;
    expect(explicit.groups.map((g) => g.name)).toEqual(['x25519']);
    expect(defaults.groups).not.toBe(explicit.groups);
    expect(defaults.groups.length).toBeGreaterThan(1);
  });
});
