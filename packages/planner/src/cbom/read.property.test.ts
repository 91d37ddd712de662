/**
 * Input CBOMs are files from anywhere: readCbom meets valid CBOMs with arbitrary values put at arbitrary places and
 * CBOM text cut or spliced, and either reads them or throws its own PlanInputError with a bounded message; nothing
 * else escapes. `pnpm fuzz` runs it long (FUZZ_RUNS, FUZZ_SEED).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanInputError } from '../errors.js';
import { alg, cert, config, keyFile, scannedCbom } from '../test-support/scanned.js';
import { readCbom } from './read.js';

const runs = (n: number) => Number(process.env.FUZZ_RUNS) || n;
const seed = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};

const findings = [
  alg(
    { id: 'rsa', keyBits: 2048 },
    { path: 'src/a.c', line: 3, snippet: 'mbedtls_rsa_gen_key(&k, f, r, 2048, 65537);' },
  ),
  config({ id: 'ecdh', curve: 'p-256' }, { path: 'include/cfg.h', line: 9 }),
  keyFile(
    { keyType: 'private', algorithm: { id: 'ec', curve: 'p-256' }, sizeBits: 256, format: 'SEC1', encoding: 'PEM' },
    { path: 'keys/dev.pem', line: 1 },
  ),
  cert(
    { signatureAlgorithm: { id: 'ecdsa', curve: 'p-256', hash: 'sha-256' }, subject: 'CN=device' },
    { path: 'pki/dev.crt', line: 1 },
  ),
];
const SEEDS = [scannedCbom(findings, '1.6'), scannedCbom(findings, '1.7')];

/** Either a reading or our own error, never anything else. */
function readsOrRefuses(text: string): void {
  try {
    readCbom(text, 'in.cdx.json');
  } catch (e) {
    expect(e).toBeInstanceOf(PlanInputError);
    expect((e as Error).message.length).toBeLessThan(20_000);
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Replaces the node reached by following `steps` (indices into keys/items) with `value`. */
function replaceAt(doc: Json, steps: readonly number[], value: Json): Json {
  if (steps.length === 0 || doc === null || typeof doc !== 'object') return value;
  const [step, ...rest] = steps as [number, ...number[]];
  if (Array.isArray(doc)) {
    if (doc.length === 0) return value;
    const i = step % doc.length;
    return doc.map((x, k) => (k === i ? replaceAt(x, rest, value) : x));
  }
  const keys = Object.keys(doc);
  if (keys.length === 0) return value;
  const key = keys[step % keys.length]!;
  return { ...doc, [key]: replaceAt(doc[key]!, rest, value) };
}

describe('readCbom on hostile CBOMs', () => {
  it('arbitrary values anywhere in a valid CBOM', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.jsonValue({ maxDepth: 3 }),
        (pick, steps, value) => {
          const doc = JSON.parse(SEEDS[pick % SEEDS.length]!) as Json;
          readsOrRefuses(JSON.stringify(replaceAt(doc, steps, value as Json)));
        },
      ),
      { numRuns: runs(150), ...seed },
    );
  });

  it('CBOM text cut, spliced and deeply nested', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.string({ maxLength: 40 }), fc.nat(5000), (pick, at, chunk, depth) => {
        const text = SEEDS[pick % SEEDS.length]!;
        const i = at % (text.length + 1);
        readsOrRefuses(text.slice(0, i) + chunk + text.slice(i));
        readsOrRefuses(text.slice(0, i));
        readsOrRefuses(`${'['.repeat(depth)}${']'.repeat(depth)}`);
      }),
      { numRuns: runs(100), ...seed },
    );
  });
});
