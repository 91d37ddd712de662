/**
 * Recognises known constant tables: ordered value sequences inside one initialiser (S-boxes, round
 * constants, NTT zetas compared modulo q), byte strings in either byte order and limb width (curve
 * primes and generators), and literal sets that must all appear somewhere in a file (hash IVs
 * written as assignments, ChaCha constants).
 */

interface CompiledSignatures {
  readonly values: readonly { readonly id: string; readonly values: readonly bigint[]; readonly modulus?: bigint }[];
  readonly bytes: readonly { readonly id: string; readonly hex: string; readonly hexReversed: string }[];
  readonly literalSets: readonly { readonly id: string; readonly literals: readonly bigint[] }[];
  readonly strings: ReadonlyMap<string, string>;
}

export interface Signatures extends CompiledSignatures {
  /** Every literal any literal set mentions: the extractor keeps the first site of each. */
  readonly literalValues: ReadonlySet<bigint>;
  readonly stringValues: ReadonlySet<string>;
  stringSignature(value: string): string | undefined;
}

export function compileSignatures(sig: CompiledSignatures): Signatures {
  const literalValues = new Set<bigint>();
  for (const s of sig.literalSets) for (const v of s.literals) literalValues.add(v);
  return {
    ...sig,
    literalValues,
    stringValues: new Set(sig.strings.keys()),
    stringSignature: (value) => sig.strings.get(value),
  };
}

const mod = (v: bigint, m: bigint): bigint => ((v % m) + m) % m;

function containsSequence(hay: readonly bigint[], needle: readonly bigint[]): boolean {
  const n = needle.length;
  if (n === 0 || hay.length < n) return false;
  const first = needle[0]!;
  outer: for (let i = 0; i + n <= hay.length; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < n; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function hexStreams(values: readonly bigint[]): { be: string; le: string } | undefined {
  let max = 0n;
  for (const v of values) {
    if (v < 0n) return undefined;
    if (v > max) max = v;
  }
  const width = max <= 0xffn ? 1 : max <= 0xffffn ? 2 : max <= 0xffffffffn ? 4 : max <= 0xffffffffffffffffn ? 8 : 0;
  if (width === 0) return undefined;
  let be = '';
  let le = '';
  for (const v of values) {
    const h = v.toString(16).padStart(width * 2, '0');
    be += h;
    if (width === 1) continue;
    for (let k = h.length - 2; k >= 0; k -= 2) le += h.slice(k, k + 2);
  }
  return { be, le: width === 1 ? be : le };
}

/** Signature ids whose value sequence or byte string occurs in one initialiser's values. */
export function matchSequences(values: readonly bigint[], sig: CompiledSignatures): string[] {
  const out: string[] = [];
  const modCache = new Map<bigint, bigint[]>();
  for (const s of sig.values) {
    let hay: readonly bigint[] = values;
    let needle: readonly bigint[] = s.values;
    if (s.modulus !== undefined) {
      const m = s.modulus;
      let cached = modCache.get(m);
      if (!cached) {
        cached = values.map((v) => mod(v, m));
        modCache.set(m, cached);
      }
      hay = cached;
      needle = s.values.map((v) => mod(v, m));
    }
    if (containsSequence(hay, needle)) out.push(s.id);
  }
  if (sig.bytes.length > 0 && values.length >= 2) {
    const streams = hexStreams(values);
    if (streams) {
      for (const s of sig.bytes) {
        if (
          streams.be.includes(s.hex) ||
          streams.be.includes(s.hexReversed) ||
          streams.le.includes(s.hex) ||
          streams.le.includes(s.hexReversed)
        )
          out.push(s.id);
      }
    }
  }
  return out;
}

/** Literal sets fully present in a file; the site is the earliest literal of the set. */
export function matchLiteralSets(
  found: ReadonlyMap<bigint, number>,
  sig: CompiledSignatures,
): { signature: string; index: number }[] {
  const out: { signature: string; index: number }[] = [];
  for (const s of sig.literalSets) {
    let index = Number.POSITIVE_INFINITY;
    let all = true;
    for (const v of s.literals) {
      const at = found.get(v);
      if (at === undefined) {
        all = false;
        break;
      }
      index = Math.min(index, at);
    }
    if (all) out.push({ signature: s.id, index });
  }
  return out;
}
