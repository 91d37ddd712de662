/**
 * Hostile input for the C analysis: huge generated files, pathological nesting, binary and broken
 * text. Each must produce findings or diagnostics, never an exception or a stack overflow.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cCryptoApi } from '../detectors/c-crypto-api/index.js';
import { cCryptoImplementation } from '../detectors/c-crypto-implementation/index.js';
import { C_KNOWLEDGE } from '../detectors/c-knowledge.js';
import { extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';
import type { FileFacts } from './facts.js';
import { ExtractPool, extractAll, type SourceText, workerEntry } from './pool.js';
import { type MemoryFile, runDetectors } from './test-support/context.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('C analysis on hostile input', () => {
  it('analyses a file padded with NUL bytes after its last line instead of skipping it', async () => {
    const text = 'void f(void *c, const unsigned char *k) { mbedtls_aes_setkey_enc(c, k, 128); }\n\0\0';
    const { findings, diagnostics } = await runDetectors([cCryptoApi], [{ path: 'pad/a.c', bytes: enc(text) }]);
    expect(diagnostics).toEqual([]);
    expect(findings.map((f) => f.evidence.line)).toEqual([1]);
    // A NUL inside the text is still a binary file.
    const inside = await runDetectors([cCryptoApi], [{ path: 'pad/b.c', bytes: enc(`int x;\0${text}`) }]);
    expect(inside.diagnostics.map((d) => d.code)).toEqual(['c-binary']);
  });

  it('scans a 5 MB generated file and still finds the call at its end', async () => {
    const chunk = 'static int table_%d[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };\n';
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const line = chunk.replace('%d', String(i));
      parts.push(line);
      size += line.length;
    }
    parts.push('int tail(void *c) { return mbedtls_rsa_gen_key(c, 0, 0, 4096, 65537); }\n');
    const { findings, diagnostics } = await runDetectors(
      [cCryptoApi],
      [{ path: 'gen/big.c', bytes: enc(parts.join('')) }],
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ algorithm: { id: 'rsa', keyBits: 4096 }, evidence: { line: parts.length } });
  });

  it('handles 10k levels of parentheses and of #if nesting', async () => {
    const parens = `int f(void *c) { return mbedtls_aes_setkey_enc(c, 0, ${'('.repeat(10_000)}256${')'.repeat(10_000)}); }\n`;
    const ifs = `${'#if 1\n'.repeat(10_000)}void g(void *c) { mbedtls_sha1_ret(0, 0, c); }\n${'#endif\n'.repeat(10_000)}`;
    const files: MemoryFile[] = [
      { path: 'deep/parens.c', bytes: enc(parens) },
      { path: 'deep/ifs.c', bytes: enc(ifs) },
    ];
    const { findings } = await runDetectors([cCryptoApi], files);
    const paren = findings.find((f) => f.evidence.path === 'deep/parens.c');
    expect(paren).toMatchObject({ algorithm: { id: 'aes' } });
    const deepIf = findings.find((f) => f.evidence.path === 'deep/ifs.c');
    expect(deepIf).toMatchObject({ algorithm: { id: 'sha-1' } });
  });

  it('turns binary, truncated and garbage files into diagnostics or nothing', async () => {
    const files: MemoryFile[] = [
      { path: 'bin/blob.c', bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0xff]) },
      { path: 'bin/trunc.c', bytes: enc('int f(void) { return mbedtls_sha256(a, b, c, 0') },
      { path: 'bin/junk.h', bytes: enc('#if (((\n#define\n#include\n}}}{{{\n#endif #endif\n"unterminated') },
      { path: 'bin/empty.c', bytes: new Uint8Array() },
    ];
    const { findings, diagnostics } = await runDetectors([cCryptoApi, cCryptoImplementation], files);
    expect(diagnostics.find((d) => d.path === 'bin/blob.c')?.code).toBe('c-binary');
    expect(findings).toEqual([]);
    // A truncated call is not a call in the syntax tree; the parse error is reported instead.
    expect(diagnostics.find((d) => d.path === 'bin/trunc.c')?.code).toBe('c-syntax-error');
    // Unparsable text that names no crypto cannot hide a finding: no note, so large trees stay readable.
    expect(diagnostics.filter((d) => d.path === 'bin/junk.h')).toEqual([]);
  });

  it('extracts facts without throwing on any byte soup', () => {
    const k = compileExtract(C_KNOWLEDGE.extract);
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const alphabet = '#if()[]{}<>;,"\'\\/* \n\tdefine include mbedtls_ 0x1 -';
    for (let i = 0; i < 50; i++) {
      let s = '';
      for (let j = 0; j < 400; j++) s += alphabet[rnd() % alphabet.length];
      expect(() => extractFacts(`fuzz/${i}.c`, s, k)).not.toThrow();
    }
  });
});

describe.skipIf(workerEntry() === undefined)('worker pool', () => {
  it('gives the same facts as the in-process path, in input order', async () => {
    const inputs = Array.from({ length: 24 }, (_, i) => ({
      path: `p/${i}.c`,
      text: `int f${i}(void *c) { return mbedtls_rsa_gen_key(c, 0, 0, ${1024 + i}, 3); }\n`,
    }));
    const pooled = [];
    for await (const f of extractAll(inputs, 3, C_KNOWLEDGE.extract)) pooled.push(f);
    const inline = [];
    for await (const f of extractAll(inputs, 1, C_KNOWLEDGE.extract)) inline.push(f);
    expect(pooled.map((f) => f.path)).toEqual(inputs.map((i) => i.path));
    expect(pooled).toEqual(inline);
  });
});

describe.skipIf(workerEntry() === undefined)('one pool for many passes', () => {
  it('applies each pass its own alias names, on workers kept warm between passes', async () => {
    const inputs = Array.from({ length: 20 }, (_, i) => ({
      path: `w/${i}.c`,
      text: `void g${i}(void *c) { my_wrap(c, ${2048 + i}); }\n`,
    }));
    const k = compileExtract(C_KNOWLEDGE.extract);
    const inline = (aliases: string[]) =>
      inputs.map((t) => extractFacts(t.path, t.text, { ...k, aliases: new Set(aliases) }));
    const pool = new ExtractPool(3, C_KNOWLEDGE.extract);
    const pass = async (aliases: string[]) => {
      const out = [];
      for await (const f of pool.extractAll(inputs, aliases)) out.push(f);
      return out;
    };
    try {
      const plain = await pass([]);
      const followed = await pass(['my_wrap']);
      const again = await pass([]);
      expect(plain.every((f) => f.calls.length === 0)).toBe(true);
      expect(followed.every((f) => f.calls.some((c) => c.name === 'my_wrap'))).toBe(true);
      expect(plain).toEqual(inline([]));
      expect(followed).toEqual(inline(['my_wrap']));
      expect(again).toEqual(plain);
      // Three lanes: two workers and the scan's own thread.
      expect(pool.workersStarted).toBe(2);
      expect(pool.workersCrashed).toBe(false);
    } finally {
      await pool.close();
    }
  });
});

/**
 * A worker speaking the pool's protocol with the real extraction, except that the files named never finish (an endless
 * loop, as a pathological input might cause), each file takes at least `slowMs`, and each answer carries a
 * `from-worker` diagnostic when `mark` is set. Undefined when there is no built worker.
 */
function testWorker(hangs: readonly string[], { slowMs = 0, mark = false } = {}): string | undefined {
  const real = workerEntry();
  if (!real) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pqready-hang-'));
  const entry = join(dir, 'hang.mjs');
  const built = (name: string) => JSON.stringify(pathToFileURL(join(dirname(real), name)).href);
  writeFileSync(
    entry,
    [
      `import { parentPort, workerData } from 'node:worker_threads';`,
      `import { extractFacts } from ${built('extract.js')};`,
      `import { compileExtract } from ${built('extract-knowledge.js')};`,
      `const k = { ...compileExtract(workerData.extract), aliases: new Set() };`,
      `const hangs = new Set(${JSON.stringify(hangs)});`,
      `parentPort.on('message', (t) => {`,
      `  if ('aliases' in t) return;`,
      `  if (hangs.has(t.path)) for (;;) {}`,
      `  const until = Date.now() + ${slowMs};`,
      `  while (Date.now() < until) {}`,
      `  const facts = extractFacts(t.path, t.text, k);`,
      ...(mark ? [`  facts.diagnostics.push({ code: 'from-worker', message: '' });`] : []),
      `  parentPort.postMessage({ id: t.id, facts, ms: 0 });`,
      `});`,
      `parentPort.postMessage({ readyAt: 0 });`,
      '',
    ].join('\n'),
  );
  return entry;
}

async function extractWith(pool: ExtractPool, inputs: readonly SourceText[]): Promise<FileFacts[]> {
  const out: FileFacts[] = [];
  try {
    for await (const f of pool.extractAll(inputs)) out.push(f);
  } finally {
    await pool.close();
  }
  return out;
}

const sha1Files = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ path: `h/${i}.c`, text: `void f(void *c) { mbedtls_sha1_ret(0, 0, c); }\n` }));

it("extracts on the scan's own thread while every worker has its queue full, in input order", async () => {
  const entry = testWorker([], { slowMs: 40, mark: true });
  if (!entry) return;
  const inputs = sha1Files(24);
  const pool = new ExtractPool(2, C_KNOWLEDGE.extract, entry);
  const out = await extractWith(pool, inputs);
  expect(out.map((f) => f.path)).toEqual(inputs.map((i) => i.path));
  const byWorker = out.filter((f) => f.diagnostics.some((d) => d.code === 'from-worker'));
  const here = out.filter((f) => f.diagnostics.length === 0);
  // Two lanes: one worker, busy 40 ms a file, and this thread, which takes what the worker has no room for.
  expect(pool.workersStarted).toBe(1);
  expect(byWorker.length).toBeGreaterThan(0);
  expect(here.length).toBeGreaterThan(0);
  expect(byWorker.length + here.length).toBe(inputs.length);
  const k = compileExtract(C_KNOWLEDGE.extract);
  for (const f of here) expect(f).toEqual(extractFacts(f.path, inputs[0]!.text, { ...k, aliases: new Set() }));
});

it('stops a worker stuck on one file, reports that file and goes on with a fresh worker', async () => {
  const entry = testWorker(['h/3.c']);
  if (!entry) return;
  const inputs = sha1Files(8);
  // Two workers, no lane on this thread: the watchdog is the workers'.
  const pool = new ExtractPool(2, C_KNOWLEDGE.extract, entry, 300, false);
  const out = await extractWith(pool, inputs);
  expect(out.map((f) => f.path)).toEqual(inputs.map((i) => i.path));
  expect(out[3]!.diagnostics.map((d) => d.code)).toEqual(['c-time-budget']);
  expect(out[3]!.calls).toEqual([]);
  expect(out.filter((_, i) => i !== 3).every((f) => f.calls.length === 1 && f.diagnostics.length === 0)).toBe(true);
  expect(pool.workersStarted).toBe(3);
  expect(pool.workersCrashed).toBe(false);
});

it('hands the files queued behind a stuck file to the fresh worker, in order', async () => {
  // Both workers stick on their first file, with the next files already sent to them.
  const entry = testWorker(['h/0.c', 'h/1.c']);
  if (!entry) return;
  const inputs = sha1Files(10);
  const pool = new ExtractPool(2, C_KNOWLEDGE.extract, entry, 300, false);
  const out = await extractWith(pool, inputs);
  expect(out.map((f) => f.path)).toEqual(inputs.map((i) => i.path));
  expect(out.slice(0, 2).map((f) => f.diagnostics.map((d) => d.code))).toEqual([['c-time-budget'], ['c-time-budget']]);
  expect(out.slice(2).every((f) => f.calls.length === 1 && f.diagnostics.length === 0)).toBe(true);
  expect(pool.workersStarted).toBe(4);
});

it('knows where the built worker is', () => {
  const entry = workerEntry();
  if (entry) expect(existsSync(entry)).toBe(true);
});

it('falls back to in-process extraction when a worker dies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pqready-crash-'));
  const entry = join(dir, 'crash.mjs');
  writeFileSync(
    entry,
    "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
  );
  const inputs = Array.from({ length: 6 }, (_, i) => ({
    path: `c/${i}.c`,
    text: `void f(void *c) { mbedtls_sha1_ret(0, 0, c); }\n`,
  }));
  const out = [];
  for await (const f of extractAll(inputs, 2, C_KNOWLEDGE.extract, [], entry)) out.push(f);
  expect(out.map((f) => f.path)).toEqual(inputs.map((i) => i.path));
  expect(out.every((f) => f.calls.length === 1)).toBe(true);
});
