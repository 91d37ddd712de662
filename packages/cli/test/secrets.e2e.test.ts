/**
 * Hard-coded keys never leave the machine: a tree that writes keys into crypto calls (strings of escapes, byte-array
 * initialisers on one line and over two, HMAC key words, a partial EC private scalar; mbedTLS, OpenSSL and wolfCrypt)
 * is scanned in every format, and no output holds any 4-byte window of any key in any spelling.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

const tree = path.join(repoRoot, 'packages/cli/test/fixtures/hardcoded-keys');

const hex = (s: string) => Buffer.from(s.replace(/\s|0x|\\x|,/g, ''), 'hex');
/** The keys of the fixture, as bytes. */
const KEYS: Readonly<Record<string, Buffer>> = {
  'aes string': hex('2b7e151628aed2a6abf7158809cf4f3c'),
  'aes array': hex('603deb1015ca71be2b73aef0857d7781'),
  'aes array over two lines': hex('8e73b0f7da0e6452c810f32b809079e5'),
  'hmac word': Buffer.from('Qz7#kP9!vW2$mX4&'),
  'ec scalar, 23 of 32 bytes': hex('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b'),
  'openssl aes': hex('00112233445566778899aabbccddeeff'),
  'openssl hmac word': Buffer.from('Rt5^bN8*yH3@jL6%'),
  'wolfssl aes word': Buffer.from('Wd3!pQ8@zK5#nB7$'),
  'wolfssl hmac': hex('0b1c2d3e4f5061728394a5b6c7d8e9fa0f1e2d3c'),
  'wolfssl gcm array': hex('feffe9928665731c6d6a8f9467308308'),
};

/** Every 4-byte window of a key, in the spellings an output could carry it. */
function leaks(output: string, key: Buffer): string[] {
  // Byte literals (`0x2b, 0x7e`, `\x2b\x7e`) and plain hex collapse to one hex string.
  const hexText = output.toLowerCase().replace(/0x|\\x|\\\\x|[\s,{}"'()]/g, '');
  const found: string[] = [];
  for (let i = 0; i + 4 <= key.length; i++) {
    const w = key.subarray(i, i + 4);
    const printable = [...w].every((b) => b >= 0x20 && b < 0x7f);
    if (printable && output.includes(w.toString('latin1'))) found.push(w.toString('latin1'));
    if (hexText.includes(w.toString('hex'))) found.push(w.toString('hex'));
    if (output.includes(w.toString('base64').slice(0, 4))) {
      // A base64 window is only a leak when the whole 4-byte group is there.
      if (output.includes(w.toString('base64').replace(/=+$/, ''))) found.push(w.toString('base64'));
    }
    if (output.includes([...w].join(', '))) found.push([...w].join(', '));
  }
  return found;
}

describe.skipIf(!cliBuilt)('hard-coded keys in evidence', () => {
  const formats = ['json', 'cyclonedx', 'sarif', 'markdown', 'table'] as const;
  const outputs = Object.fromEntries(
    formats.map((f) => {
      const r = runCli(['scan', tree, '--format', f]);
      return [f, r];
    }),
  );

  it.each(formats)('%s holds no window of any key', (format) => {
    const r = outputs[format]!;
    expect(r.status, r.stderr).toBe(0);
    for (const [name, key] of Object.entries(KEYS)) {
      expect({ name, leaks: leaks(r.stdout + r.stderr, key) }).toEqual({ name, leaks: [] });
    }
  });

  it('still reports every call, with a marker where the key was', () => {
    const report = JSON.parse(outputs.json!.stdout) as {
      findings: { evidence: { path: string; line: number; snippet?: string }; algorithms: unknown[] }[];
    };
    const lines = (file: string) =>
      report.findings
        .filter((f) => f.evidence.path.endsWith(file) && f.evidence.snippet?.includes('<redacted'))
        .map((f) => f.evidence.line);
    expect(new Set(lines('keys.c'))).toEqual(new Set([12, 17, 22, 28, 33, 39, 40]));
    expect(new Set(lines('wolf.c'))).toEqual(new Set([7, 12, 17]));
    const aes = report.findings.find((f) => f.evidence.line === 12 && f.evidence.path.endsWith('keys.c'));
    expect(aes?.evidence.snippet).toMatch(/<redacted 16 bytes sha256:[0-9a-f]{16}>, 128\);$/);
  });
});
