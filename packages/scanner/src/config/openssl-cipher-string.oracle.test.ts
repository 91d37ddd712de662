/**
 * Oracle test: our OpenSSL 3.0 cipher-string expansion against the machine's `openssl ciphers -V`
 * over generated rule strings (fixed seed). Skips when no OpenSSL 3.0 CLI is installed.
 */
import { execFileSync } from 'node:child_process';
import { OPENSSL_CIPHER_SUITE_ROWS } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { CIPHER_ALIASES } from './openssl-cipher-aliases.js';
import { expandCipherString, expandCiphersuites } from './openssl-cipher-string.js';

function opensslVersion(): string | undefined {
  try {
    return execFileSync('openssl', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}
const version = opensslVersion();
const haveOracle = version?.startsWith('OpenSSL 3.0') ?? false;

/** What `openssl ciphers -V` prints: suite names in order, or null when it rejects the string. */
function oracle(rules: string): string[] | null {
  try {
    const out = execFileSync('openssl', ['ciphers', '-V', '--', rules], {
      encoding: 'utf8',
      env: { ...process.env, OPENSSL_CONF: '/dev/null' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out
      .split('\n')
      .map((l) => /^\s*0x[0-9A-F]{2},0x[0-9A-F]{2} - (\S+)/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined);
  } catch {
    return null;
  }
}

function ours(rules: string): string[] | null {
  const r = expandCipherString(rules);
  if (!r.ok) return null;
  return [...expandCiphersuites().suites.map((s) => s.iana), ...r.suites.map((s) => s.openssl)];
}

/** mulberry32: small deterministic PRNG so the generated strings are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCipherStrings(count: number, seed = 20240904): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const aliases = CIPHER_ALIASES.map((a) => a.name);
  const suites = OPENSSL_CIPHER_SUITE_ROWS.map((r) => r.openssl);
  const odd = ['FOO', 'TLS_AES_128_GCM_SHA256', 'DEFAULT', 'aes', 'TLSv1.3', 'DTLSv1.2', 'kGOST18', 'SUITEB128'];
  const term = (): string => {
    const r = rnd();
    if (r < 0.6) return pick(aliases);
    if (r < 0.85) return pick(suites);
    return pick(odd);
  };
  const item = (): string => {
    const r = rnd();
    if (r < 0.06) return '@STRENGTH';
    if (r < 0.09) return `@SECLEVEL=${Math.floor(rnd() * 7)}`;
    if (r < 0.1) return pick(['@FOO', '$', 'AES+', '!', '@STRENGTH+AES']);
    const op = pick(['', '', '', '!', '-', '+']);
    const parts = rnd() < 0.3 ? [term(), term()] : rnd() < 0.1 ? [term(), term(), term()] : [term()];
    return op + parts.join('+');
  };
  const out = new Set<string>();
  const fixed = [
    'DEFAULT',
    'ALL',
    'ALL:COMPLEMENTOFALL',
    'HIGH:!aNULL:!MD5',
    'ECDHE+AESGCM:ECDHE+CHACHA20',
    'DEFAULT:!RC4:@STRENGTH',
    'ALL:@STRENGTH',
    'kRSA:DEFAULT',
    'SUITEB128',
    'SUITEB192:ALL',
    'DEFAULTX',
  ];
  for (const f of fixed) out.add(f);
  while (out.size < count) {
    const n = 1 + Math.floor(rnd() * 6);
    const items = Array.from({ length: n }, item);
    const sep = () => pick([':', ':', ':', ',', ' ', ';']);
    let s = items[0]!;
    for (const it of items.slice(1)) s += sep() + it;
    if (rnd() < 0.15) s = `DEFAULT:${s}`;
    out.add(s);
  }
  return [...out];
}

describe.skipIf(!haveOracle)('OpenSSL 3.0 cipher-string oracle', () => {
  const strings = generateCipherStrings(400);

  it('matches `openssl ciphers -V` on every generated string', () => {
    const mismatches: string[] = [];
    let identical = 0;
    for (const s of strings) {
      const want = oracle(s);
      const got = ours(s);
      if (JSON.stringify(want) === JSON.stringify(got)) identical++;
      else
        mismatches.push(
          `${JSON.stringify(s)}\n  openssl: ${want?.join(':') ?? 'ERROR'}\n  ours:    ${got?.join(':') ?? 'ERROR'}`,
        );
    }
    expect(strings.length).toBeGreaterThanOrEqual(300);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(identical).toBe(strings.length);
  });

  it('exercises both accepted and rejected strings', () => {
    const verdicts = strings.map((s) => oracle(s) !== null);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(100);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(10);
  });
});
