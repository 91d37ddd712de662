import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, findConfig, loadConfig } from './load.js';

function write(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pqready-config-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function errorOf(file: string): Promise<string> {
  try {
    await loadConfig(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('pqready.config loading', () => {
  it('reads every kind of key from YAML, with the line of each key and suppression', async () => {
    const file = write(
      'pqready.config.yaml',
      [
        'format: sarif',
        'spec-version: 1.7',
        'exclude: [build/, "**/*.o"]',
        'assume: { nginx: "1.22" }',
        'define: { MBEDTLS_RSA_C: 1 }',
        'fail-on: broken and active',
        'suppress:',
        '  - paths: certs/legacy.der',
        '    ids: rsa',
        '    reason: read-only archive of shipped units',
      ].join('\n'),
    );
    const c = await loadConfig(file);
    expect(c.values.format).toBe('sarif');
    expect(c.values['spec-version']).toBe(1.7);
    expect(c.lines.get('fail-on')).toBe(6);
    expect(c.lines.get('suppress[0]')).toBe(8);
  });

  it('accepts the documented example (docs/examples/pqready.config.yaml)', async () => {
    const example = path.resolve(import.meta.dirname, '../../../../docs/examples/pqready.config.yaml');
    const c = await loadConfig(example);
    expect(c.values['fail-on']).toBe('broken and active and not third-party');
  });

  it('names the file, line and key of an unknown key, and lists the allowed keys', async () => {
    const message = await errorOf(write('pqready.config.yaml', 'format: json\nexlude:\n  - build/\n'));
    expect(message).toMatch(/pqready\.config\.yaml:2: `exlude` is not a known key; allowed keys: format, output, /);
    expect(message).toContain('exclude');
  });

  it('lists the allowed values of an enumerated key', async () => {
    const message = await errorOf(write('pqready.config.yml', '\n\nformat: xml\n'));
    expect(message).toMatch(
      /pqready\.config\.yml:3: `format` must be one of: cyclonedx, json, markdown, sarif, table\./,
    );
  });

  it('requires a reason for every configured suppression, naming the entry and its line', async () => {
    const message = await errorOf(
      write(
        'pqready.config.yaml',
        'suppress:\n  - paths: a.der\n    ids: rsa\n  - paths: b.der\n    ids: rsa\n    reason: "  "\n',
      ),
    );
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/:2: `suppress\[0\]` needs `reason`: every suppression says why\.$/),
      expect.stringMatching(/:6: `suppress\[1\]\.reason` must not be empty\.$/),
    ]);
  });

  it('says to quote versions that YAML reads as numbers', async () => {
    const message = await errorOf(write('pqready.config.yaml', 'assume:\n  nginx: 1.20\n'));
    expect(message).toMatch(
      /:2: `assume\.nginx` must be string \(quote versions: YAML reads 1\.20 as the number 1\.2\)\./,
    );
  });

  it('reports YAML and JSON syntax errors with their line', async () => {
    expect(await errorOf(write('pqready.config.yaml', 'format: json\nexclude: [a, b\n'))).toMatch(
      /pqready\.config\.yaml:\d: not valid YAML: /,
    );
    expect(await errorOf(write('pqready.config.json', '{\n  "format": "json",\n  "strict": tru\n}\n'))).toMatch(
      /pqready\.config\.json:3: not valid JSON: /,
    );
    expect(await errorOf(write('pqready.config.json', '[1, 2]'))).toMatch(/must be a map of keys/);
    expect(await errorOf(write('pqready.config.yaml', 'jobs: 0\n'))).toMatch(/:1: `jobs` must be at least 1\./);
    expect(await errorOf(path.join(tmpdir(), 'no-such-dir-pqready', 'pqready.config.yaml'))).toMatch(/no such file/);
  });

  it('refuses hostile files with one sentence: deep nesting, binary bytes, a folder in place of the file', async () => {
    const deep = `exclude: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(await errorOf(write('pqready.config.yaml', deep))).toMatch(
      /pqready\.config\.yaml: brackets nest deeper than/,
    );
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xfe, 0x00, 0x0a, 0x3a, 0x00]);
    const file = write('pqready.config.yaml', '');
    writeFileSync(file, binary);
    expect(await errorOf(file)).toMatch(/pqready\.config\.yaml:1: the configuration must be a map of keys/);
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'pqready-config-')), 'pqready.config.yaml');
    mkdirSync(folder);
    expect(await errorOf(folder)).toMatch(/Cannot read the configuration .*pqready\.config\.yaml \(EISDIR\)/);
  });

  it('is found from the scan root upwards, up to the repository top and no further', async () => {
    const top = mkdtempSync(path.join(tmpdir(), 'pqready-find-'));
    mkdirSync(path.join(top, 'repo', '.git'), { recursive: true });
    mkdirSync(path.join(top, 'repo', 'fw', 'src'), { recursive: true });
    writeFileSync(path.join(top, 'pqready.config.yaml'), 'strict: true\n');
    expect(await findConfig(path.join(top, 'repo', 'fw', 'src'))).toBeUndefined();
    writeFileSync(path.join(top, 'repo', 'pqready.config.json'), '{}');
    expect(await findConfig(path.join(top, 'repo', 'fw', 'src'))).toBe(path.join(top, 'repo', 'pqready.config.json'));
    writeFileSync(path.join(top, 'repo', 'pqready.config.yaml'), '{}');
    await expect(findConfig(path.join(top, 'repo', 'fw'))).rejects.toThrow(
      /holds pqready\.config\.yaml and pqready\.config\.json; keep one/,
    );
  });
});
