import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuilt, repoRoot, runCli } from './run-cli.js';

// Libraries a scan needs only for some inputs: a configuration file (YAML, Ajv), a progress bar on a terminal
// (cli-progress), a certificate, request or CRL (the ASN.1 schemas). Loading them at start-up cost a quarter of the
// start of every scan; they are required when first needed. NODE_DEBUG=module names each CommonJS module Node loads.
const ON_DEMAND =
  /[/\\]node_modules[/\\](?:\.pnpm[/\\])?(ajv|ajv-formats|yaml|cli-progress|@peculiar[/+]asn1-[a-z0-9]+)[@/]/g;

function loadedOnDemand(tree: string, extra: readonly string[] = []): string[] {
  const r = runCli(['scan', tree, '--format', 'json', '-q', ...extra], { NODE_DEBUG: 'module' });
  expect(r.status, r.stderr.slice(-2000)).toBe(0);
  return [...new Set([...r.stderr.matchAll(ON_DEMAND)].map((m) => m[1]!.replace('+', '/')))].sort();
}

describe.skipIf(!cliBuilt)('pqready scan start-up (built CLI)', () => {
  /** A folder holding `files` (name → text) and copies of the repository's files `copies` (vitest.setup.ts removes it). */
  const tree = (files: Record<string, string>, copies: readonly string[] = []) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pqready-startup-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    for (const f of copies) cpSync(path.join(repoRoot, f), path.join(dir, path.basename(f)));
    return dir;
  };
  const C = '#include <openssl/sha.h>\nvoid h(const void *d, size_t n, unsigned char *o) { SHA256(d, n, o); }\n';

  it('loads none of the on-demand libraries for a tree of C source', () => {
    expect(loadedOnDemand(tree({ 'hash.c': C }))).toEqual([]);
  });

  it('loads the ASN.1 schemas when the tree holds a certificate, and YAML and Ajv for a configuration file', () => {
    const certificate = tree({ 'hash.c': C }, ['fixtures/demo-device/pki/ca-cert.pem']);
    expect(loadedOnDemand(certificate)).toEqual(['@peculiar/asn1-csr', '@peculiar/asn1-schema', '@peculiar/asn1-x509']);
    expect(loadedOnDemand(tree({ 'hash.c': C, 'pqready.config.yaml': 'format: json\n' }))).toEqual(['ajv', 'yaml']);
  });
});
