import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonical, type Diagnostic, type Inventory } from '@pqready/core';
import { describe, expect, it } from 'vitest';
import { scan, scanShard } from './scan.js';
import { mergeInventories, parseShard, partitionUnits, ShardError, unitOf } from './shard.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const scanTime = new Date('2026-01-01T00:00:00Z');

describe('parseShard', () => {
  it('reads i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard(' 2 / 3 ')).toEqual({ index: 2, count: 3 });
  });
  it.each(['0/3', '4/3', '1/0', '3', 'a/b', '-1/2', '1/2/3', '1.5/3', '', '2/99999'])('refuses %j', (text) => {
    expect(() => parseShard(text)).toThrow(ShardError);
  });
});

describe('unitOf', () => {
  it('is the first segment with one root, and the root name and next segment with several', () => {
    expect(unitOf('firmware/src/a.c', ['tree'])).toBe('firmware');
    expect(unitOf('top.pem', ['tree'])).toBe('top.pem');
    expect(unitOf('a/src/x/y.c', ['a/src', 'b/src'])).toBe('a/src/x');
    expect(unitOf('b/src/top.h', ['a/src', 'b/src'])).toBe('b/src/top.h');
    // A file root is one unit; the longest root name wins.
    expect(unitOf('cert.pem', ['cert.pem', 'tree'])).toBe('cert.pem');
    expect(unitOf('tree/sub/f', ['tree', 'tree/sub'])).toBe('tree/sub/f');
  });
});

describe('partitionUnits', () => {
  const weights = new Map([
    ['a', 100],
    ['b', 60],
    ['c', 50],
    ['d', 40],
    ['e', 10],
  ]);
  it('deals the heaviest units first, each to the lightest shard', () => {
    const p = partitionUnits(weights, 2);
    // a → 1 (100); b → 2 (60); c → 2 (110); d → 1 (140); e → 2 (120).
    expect([...p.entries()].filter(([, s]) => s === 1).map(([u]) => u)).toEqual(['a', 'd']);
    expect([...p.entries()].filter(([, s]) => s === 2).map(([u]) => u)).toEqual(['b', 'c', 'e']);
  });
  it('does not depend on the order the units were found in', () => {
    const reversed = new Map([...weights.entries()].reverse());
    for (const n of [1, 2, 3, 7]) {
      const a = partitionUnits(weights, n);
      const b = partitionUnits(reversed, n);
      expect([...a.keys()].sort().map((u) => a.get(u))).toEqual([...b.keys()].sort().map((u) => b.get(u)));
    }
  });
  it('breaks equal weights by name, and leaves shards empty when there are fewer units', () => {
    const equal = new Map([
      ['z', 5],
      ['y', 5],
    ]);
    expect(Object.fromEntries(partitionUnits(equal, 3))).toEqual({ y: 1, z: 2 });
  });
});

describe('mergeInventories', () => {
  const diag = (path: string): Diagnostic => ({ severity: 'warning', code: 'x', message: 'm', path, detector: 'd' });
  const part = (n: number, diagnostics: Diagnostic[]): Inventory => ({
    tool: { name: 'pqready', version: '1' },
    scannedAt: scanTime.toISOString(),
    roots: ['t'],
    findings: [],
    libraries: [],
    diagnostics,
    stats: { filesScanned: n, bytesScanned: 10 * n, filesSkipped: 0, pathsIgnored: n },
  });
  it('adds up the counts and says a diagnostic two parts share once', () => {
    const m = mergeInventories([part(1, [diag('b'), diag('a')]), part(2, [diag('a')])]);
    expect(m.stats).toEqual({ filesScanned: 3, bytesScanned: 30, filesSkipped: 0, pathsIgnored: 3 });
    expect(m.diagnostics.map((d) => d.path)).toEqual(['a', 'b']);
  });
});

/**
 * A tree of several top-level units that refer to each other: C sources with a configuration header in another
 * unit, a server configuration naming certificates of another unit, keys and certificates, a top-level file.
 */
function fleet(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pqready-shard-'));
  cpSync(path.join(repoRoot, 'fixtures/demo-device'), dir, { recursive: true });
  cpSync(path.join(repoRoot, 'fixtures/c/mbedtls'), path.join(dir, 'vendor-mbedtls'), { recursive: true });
  cpSync(path.join(repoRoot, 'fixtures/configs/nginx'), path.join(dir, 'nginx'), { recursive: true });
  mkdirSync(path.join(dir, 'app/src'), { recursive: true });
  // A source that includes a header of another unit: resolved in every shard.
  writeFileSync(
    path.join(dir, 'app/src/main.c'),
    '#include "../../firmware/include/mbedtls_config.h"\n#include <mbedtls/rsa.h>\nvoid f(void) { mbedtls_rsa_init(0); }\n',
  );
  writeFileSync(path.join(dir, 'notes.txt'), 'nothing here\n');
  return dir;
}

const same = (a: Inventory, b: Inventory) => expect(canonical(a)).toBe(canonical(b));

/** A fresh folder holding these files (paths relative to it, folders made as needed). */
function writeTree(prefix: string, files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('scanShard + mergeInventories', () => {
  const tree = fleet();
  const request = { roots: [tree], scanTime, options: { jobs: 1 } };

  it.each([1, 2, 3])('gives the single run’s inventory for n = %i', async (n) => {
    const single = await scan(request);
    expect(single.findings.length).toBeGreaterThan(20);
    const parts = [];
    for (let i = 1; i <= n; i++) parts.push(await scanShard(request, { index: i, count: n }));
    // Every unit in exactly one shard, and every shard agrees on the partition.
    const units = parts.flatMap((p) => p.partition.units);
    expect(new Set(units).size).toBe(units.length);
    expect(units.length).toBe(parts[0]!.partition.unitCount);
    expect(units).toContain('app');
    expect(new Set(parts.map((p) => p.partition.digest)).size).toBe(1);
    if (n > 1) expect(parts.every((p) => p.inventory.findings.length < single.findings.length)).toBe(true);
    same(mergeInventories(parts.map((p) => p.inventory)), single);
  });

  it('keeps the partition when the tree is scanned from another spelling of its path', async () => {
    const a = await scanShard(request, { index: 1, count: 3 });
    const b = await scanShard({ ...request, roots: [`${tree}/./`] }, { index: 1, count: 3 });
    expect(b.partition).toEqual(a.partition);
  });

  it('splits several roots by their own top-level entries', async () => {
    const roots = [path.join(tree, 'firmware'), path.join(tree, 'gateway'), path.join(tree, 'pki')];
    const single = await scan({ ...request, roots });
    const parts = await Promise.all([1, 2].map((i) => scanShard({ ...request, roots }, { index: i, count: 2 })));
    expect(parts.flatMap((p) => p.partition.units).sort()).toContain('firmware/src');
    same(mergeInventories(parts.map((p) => p.inventory)), single);
  });

  it('links a project’s calls to its own wrapper, not to another project’s function of the same name', async () => {
    const dir = writeTree('pqready-shard-own-', {
      // A generic-name SHA-1 implementation in one project (its initial state and round constants)...
      'algos/sha1.c': [
        'typedef struct { unsigned int state[5]; unsigned int k[4]; unsigned long long bitlen; unsigned datalen; } SHA1_CTX;',
        'void sha1_init(SHA1_CTX *ctx) {',
        '  ctx->datalen = 0; ctx->bitlen = 0;',
        '  ctx->state[0] = 0x67452301; ctx->state[1] = 0xEFCDAB89; ctx->state[2] = 0x98BADCFE;',
        '  ctx->state[3] = 0x10325476; ctx->state[4] = 0xc3d2e1f0;',
        '  ctx->k[0] = 0x5a827999; ctx->k[1] = 0x6ed9eba1; ctx->k[2] = 0x8f1bbcdc; ctx->k[3] = 0xca62c1d6;',
        '}',
        '',
      ].join('\n'),
      // ...and another project's own sha1_init, a wrapper over OpenSSL, called from a second file.
      'sshlib/md.c':
        '#include <openssl/evp.h>\nEVP_MD_CTX *sha1_init(void) {\n  EVP_MD_CTX *c = EVP_MD_CTX_new();\n  EVP_DigestInit_ex(c, EVP_sha1(), NULL);\n  return c;\n}\n',
      'sshlib/kdf.c': `#include <openssl/evp.h>\nEVP_MD_CTX *sha1_init(void);\nvoid derive(void) { EVP_MD_CTX *c = sha1_init(); (void)c; }\n/*${'x'.repeat(20000)}*/\n`,
    });
    const req = { roots: [dir], scanTime, options: { jobs: 1 } };
    const single = await scan(req);
    const call = single.findings.find((f) => f.evidence.path === 'sshlib/kdf.c');
    expect(call?.notes?.join(' ')).toContain('sha1_init (sshlib/md.c');
    const parts = await Promise.all([1, 2].map((i) => scanShard(req, { index: i, count: 2 })));
    expect(parts.every((p) => p.partition.units.length === 1)).toBe(true);
    same(mergeInventories(parts.map((p) => p.inventory)), single);
  });

  it('reaches the wrapper of the caller’s own project when two projects define one of the same name', async () => {
    const main =
      'int my_hash(const unsigned char *in, size_t n, unsigned char *out);\nint main(void) { unsigned char o[32]; return my_hash((const unsigned char *)"x", 1, o); }\n';
    const wrap = (call: string) =>
      `#include <mbedtls/sha256.h>\n#include <mbedtls/sha1.h>\nint my_hash(const unsigned char *in, size_t n, unsigned char *out) { return ${call}; }\n`;
    const dir = writeTree('pqready-shard-twins-', {
      'p1/wrap.c': wrap('mbedtls_sha256(in, n, out, 0)'),
      'p1/main.c': main,
      'p2/wrap.c': wrap('mbedtls_sha1(in, n, out)'),
      'p2/main.c': main,
    });
    const inv = await scan({ roots: [dir], scanTime, options: { jobs: 1 } });
    const at = (p: string) =>
      inv.findings.filter((f) => f.evidence.path === p).map((f) => (f.kind === 'algorithm' ? f.algorithm.id : f.kind));
    expect(at('p1/main.c')).toEqual(['sha-256']);
    expect(at('p2/main.c')).toEqual(['sha-1']);
  });

  it('does not see a wrapper defined in another shard’s C source (the documented limit)', async () => {
    const dir = writeTree('pqready-shard-wrap-', {
      'a/wrap.c':
        '#include <mbedtls/sha256.h>\nint my_hash(const unsigned char *in, size_t n, unsigned char *out) { return mbedtls_sha256(in, n, out, 1); }\n',
      // b outweighs a, so the two land in different shards.
      'b/main.c': `int my_hash(const unsigned char *in, size_t n, unsigned char *out);\nint main(void) { unsigned char o[32]; return my_hash((const unsigned char *)"x", 1, o); }\n/*${'x'.repeat(20000)}*/\n`,
    });
    const req = { roots: [dir], scanTime, options: { jobs: 1 } };
    const single = await scan(req);
    const parts = await Promise.all([1, 2].map((i) => scanShard(req, { index: i, count: 2 })));
    const through = (inv: Inventory) => inv.findings.filter((f) => f.evidence.path === 'b/main.c').length;
    expect(through(single)).toBe(1);
    expect(through(mergeInventories(parts.map((p) => p.inventory)))).toBe(0);
  });
});
