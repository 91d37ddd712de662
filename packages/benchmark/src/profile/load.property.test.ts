/**
 * Device profiles are files a user writes: the loader meets valid profiles with arbitrary values put at arbitrary
 * places and YAML text cut or spliced (aliases included), and either returns a profile or throws its own
 * ProfileError; nothing else escapes. `pnpm fuzz` runs it long (FUZZ_RUNS, FUZZ_SEED).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ProfileError, parseDocument, validateDeviceProfile } from './load.js';

const runs = (n: number) => Number(process.env.FUZZ_RUNS) || n;
const seed = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SEEDS = ['fixtures/demo-device/profiles', 'fixtures/devices'].flatMap((dir) =>
  readdirSync(path.join(repoRoot, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => readFileSync(path.join(repoRoot, dir, f), 'utf8')),
);

function loadsOrRefuses(text: string, label = 'device.yaml'): void {
  try {
    validateDeviceProfile(parseDocument(text, label), label);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
function replaceAt(doc: Json, steps: readonly number[], value: Json): Json {
  if (steps.length === 0 || doc === null || typeof doc !== 'object') return value;
  const [step, ...rest] = steps as [number, ...number[]];
  if (Array.isArray(doc)) {
    if (doc.length === 0) return value;
    return doc.map((x, k) => (k === step % doc.length ? replaceAt(x, rest, value) : x));
  }
  const keys = Object.keys(doc);
  if (keys.length === 0) return value;
  const key = keys[step % keys.length]!;
  return { ...doc, [key]: replaceAt(doc[key]!, rest, value) };
}

describe('device profiles, hostile', () => {
  it('seeds are real profiles', () => {
    expect(SEEDS.length).toBeGreaterThan(0);
    for (const s of SEEDS) expect(() => validateDeviceProfile(parseDocument(s, 'p.yaml'), 'p.yaml')).not.toThrow();
  });

  it('arbitrary values anywhere in a valid profile', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), (pick, steps, v) => {
        const doc = parseYaml(SEEDS[pick % SEEDS.length]!) as Json;
        loadsOrRefuses(JSON.stringify(replaceAt(doc, steps, v as Json)), 'device.json');
      }),
      { numRuns: runs(150), ...seed },
    );
  });

  it('YAML text cut and spliced, aliases and deep nesting included', () => {
    const chunks = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('&a [*a]', '*b', '{', '- - - -', '!!binary x', '? ', ': :', '\t', '\u0000', '%YAML 9.9\n---\n'),
    );
    fc.assert(
      fc.property(fc.nat(), fc.nat(), chunks, (pick, at, chunk) => {
        const text = SEEDS[pick % SEEDS.length]!;
        const i = at % (text.length + 1);
        loadsOrRefuses(text.slice(0, i) + chunk + text.slice(i));
        loadsOrRefuses(text.slice(0, i));
      }),
      { numRuns: runs(150), ...seed },
    );
    loadsOrRefuses(`a: &a [1]\nb: [${'*a,'.repeat(500)}]\n`);
  });

  it('refuses deep nesting before the YAML parser can abort the process (2,000 levels did)', () => {
    expect(() => parseDocument(`${'['.repeat(2000)}${']'.repeat(2000)}`, 'deep.yaml')).toThrow(
      /nest deeper than 64 levels/,
    );
    expect(() => parseDocument(`a: ${'{b: '.repeat(100)}1${'}'.repeat(100)}`, 'deep.yaml')).toThrow(ProfileError);
  });
});
