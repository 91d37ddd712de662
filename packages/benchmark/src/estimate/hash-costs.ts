/**
 * What hashing costs on a device. On the Cortex-M4 the per-block costs are derived from pqm4's own SPHINCS+ rows
 * (hashing share × cycles ÷ compression calls counted from FIPS 205); SHA-512 follows from published SHA-512 :
 * SHA-256 ratios on 32-bit Arm. Other cores scale by their sha2/keccak factor; a hash engine replaces all of this
 * with its throughput (the profile's own figure, or published STM32 HASH figures) plus a per-call setup.
 */
import type { Source } from '@pqready/core';
import { coreRow } from '../catalog/cores.js';
import {
  ENGINE_CALL_CYCLES,
  ENGINE_CALL_SOURCE,
  SHA256_ENGINE_FIGURES,
  SHA512_RATIO_FIGURES,
} from '../catalog/hash-figures.js';
import { SLH_PARAMS, SLH_PARAMS_SOURCE } from '../catalog/hash-params.js';
import { REFERENCE_ROWS } from '../catalog/reference.js';
import type { DeviceProfile, HashEngine, HashId, Range } from '../catalog/types.js';
import { slhVerifyCalls } from './hash-count.js';
import { memoryDerating } from './memory.js';

interface DerivedHashCost {
  readonly hash: HashId;
  /** Bytes absorbed per compression call (SHA-256 64, SHA-512 128, SHAKE256 rate 136). */
  readonly blockBytes: number;
  /** Cortex-M4 cycles per compression call at 0 wait states. */
  readonly cyclesPerBlock: Range;
  readonly derivation: readonly string[];
  readonly sources: readonly Source[];
}

const BLOCK_BYTES: Record<HashId, number> = { sha256: 64, sha512: 128, shake256: 136 };
const rangeOf = (xs: number[]): Range => ({
  point: xs.reduce((a, b) => a + b, 0) / xs.length,
  low: Math.min(...xs),
  high: Math.max(...xs),
});

function fromSlhRows(hash: 'sha2' | 'shake', sets: readonly (keyof typeof SLH_PARAMS)[]): DerivedHashCost {
  const values: number[] = [];
  const derivation: string[] = [];
  const sources: Source[] = [SLH_PARAMS_SOURCE];
  for (const set of sets) {
    const scheme = `slh-dsa-${hash}-${set}`;
    const row = REFERENCE_ROWS.find(
      (r) => r.scheme === scheme && r.op === 'verify' && r.core === 'cortex-m4' && r.hashShare !== undefined,
    );
    if (!row || row.hashShare === undefined) throw new Error(`pqm4 row missing for ${scheme} verify`);
    const calls = slhVerifyCalls(SLH_PARAMS[set], hash)[hash === 'shake' ? 'shake256' : 'sha256'].point;
    const perCall = (row.hashShare * row.cycles.mean) / calls;
    values.push(perCall);
    derivation.push(
      `${scheme} verify: ${(row.hashShare * 100).toFixed(1)} % of ${row.cycles.mean.toLocaleString('en-US')} cycles ÷ ${calls.toFixed(0)} calls = ${perCall.toFixed(0)} cycles/call`,
    );
    sources.push(row.sources.cycles, ...(row.sources.hashShare ? [row.sources.hashShare] : []));
  }
  const h: HashId = hash === 'shake' ? 'shake256' : 'sha256';
  return { hash: h, blockBytes: BLOCK_BYTES[h], cyclesPerBlock: rangeOf(values), derivation, sources };
}

let derived: Readonly<Record<HashId, DerivedHashCost>> | undefined;

/** Cortex-M4 (pqm4, 0 wait states) hash costs, derived once from the catalog. */
export function m4HashCosts(): Readonly<Record<HashId, DerivedHashCost>> {
  if (derived) return derived;
  // SHA2 sets above category 1 mix SHA-512 into H and T, so only the 128-bit sets isolate SHA-256.
  const sha256 = fromSlhRows('sha2', ['128s', '128f']);
  const shake256 = fromSlhRows('shake', ['128s', '128f', '192s', '192f', '256s', '256f']);
  const ratios = SHA512_RATIO_FIGURES.map((f) => f.sha512.cyclesPerByte / f.sha256.cyclesPerByte);
  const ratio: Range = { point: ratios[0]!, low: Math.min(...ratios), high: Math.max(...ratios) };
  const perByte256 = sha256.cyclesPerBlock;
  const sha512: DerivedHashCost = {
    hash: 'sha512',
    blockBytes: 128,
    cyclesPerBlock: {
      point: (perByte256.point / 64) * ratio.point * 128,
      low: (perByte256.low / 64) * ratio.low * 128,
      high: (perByte256.high / 64) * ratio.high * 128,
    },
    derivation: [
      `SHA-512 per byte = SHA-256 per byte × ${ratio.point.toFixed(2)} (${ratio.low.toFixed(2)}–${ratio.high.toFixed(2)}), the SHA-512 : SHA-256 ratio of the same build on 32-bit Arm`,
    ],
    sources: [...sha256.sources, ...SHA512_RATIO_FIGURES.flatMap((f) => [f.sha256.source])],
  };
  derived = Object.freeze({ sha256, sha512, shake256 });
  return derived;
}

interface HashRate {
  readonly hash: HashId;
  readonly engine: boolean;
  readonly blockBytes: number;
  /** Device cycles per byte of a long message. */
  readonly cyclesPerByte: Range;
  /** Device cycles per call of one block (short-message hashing: the engine's setup dominates). */
  readonly cyclesPerBlockCall: Range;
  readonly assumptions: readonly string[];
  readonly sources: readonly Source[];
}

const ENGINE_KEY: Record<HashId, 'sha256' | 'sha512' | 'keccak'> = {
  sha256: 'sha256',
  sha512: 'sha512',
  shake256: 'keccak',
};

function engineOf(profile: DeviceProfile, hash: HashId): HashEngine | undefined {
  const e = profile.accelerators?.[ENGINE_KEY[hash]];
  return e === false ? undefined : e;
}

/** Published STM32 HASH figures (wolfSSL, 1 KiB chunks): median, fastest and slowest. */
function defaultEngine(): { perByte: Range; sources: Source[] } {
  const xs = SHA256_ENGINE_FIGURES.map((f) => f.cyclesPerByte).sort((a, b) => a - b);
  return {
    perByte: { point: xs[Math.floor(xs.length / 2)]!, low: xs[0]!, high: xs.at(-1)! },
    sources: [...new Map(SHA256_ENGINE_FIGURES.map((f) => [f.source.title, f.source])).values()],
  };
}

/** The cost of `hash` on this device: its engine when the profile declares one, otherwise software. */
export function hashRate(profile: DeviceProfile, hash: HashId): HashRate {
  const engine = engineOf(profile, hash);
  const bb = BLOCK_BYTES[hash];
  if (engine) {
    const declared = typeof engine === 'object';
    const perByte = declared
      ? { point: engine.cyclesPerByte, low: engine.cyclesPerByte, high: engine.cyclesPerByte }
      : defaultEngine().perByte;
    const call =
      declared && engine.cyclesPerCall !== undefined
        ? { point: engine.cyclesPerCall, low: engine.cyclesPerCall, high: engine.cyclesPerCall }
        : ENGINE_CALL_CYCLES;
    const assumptions = [
      declared
        ? `${hash} engine at the profile's ${engine.cyclesPerByte} cycles/byte`
        : `${hash} engine at ${perByte.point.toFixed(1)} (${perByte.low.toFixed(1)}–${perByte.high.toFixed(1)}) cycles/byte: published STM32 HASH throughput via wolfSSL; declare your part's figure in accelerators.${ENGINE_KEY[hash]}`,
    ];
    if (!declared || engine.cyclesPerCall === undefined)
      assumptions.push(
        `engine call setup ${call.point} (${call.low}–${call.high}) cycles per short hash (assumption; no measurement found)`,
      );
    if (hash !== 'sha256' && !declared) assumptions.push(`${hash} engine assumed to stream like a SHA-256 engine`);
    return {
      hash,
      engine: true,
      blockBytes: bb,
      cyclesPerByte: perByte,
      cyclesPerBlockCall: {
        point: call.point + bb * perByte.point,
        low: call.low + bb * perByte.low,
        high: call.high + bb * perByte.high,
      },
      assumptions,
      sources: declared ? [] : [...defaultEngine().sources, ENGINE_CALL_SOURCE],
    };
  }
  const m4 = m4HashCosts()[hash];
  const family = hash === 'shake256' ? 'keccak' : 'sha2';
  const factor = coreRow(profile.core).factors[family];
  const d = memoryDerating(profile, factor.memoryIncluded);
  const k = factor.range;
  const block: Range = {
    point: m4.cyclesPerBlock.point * k.point * d.range.point,
    low: m4.cyclesPerBlock.low * k.low * d.range.low,
    high: m4.cyclesPerBlock.high * k.high * d.range.high,
  };
  const assumptions = [
    `software ${hash}: ${(m4.cyclesPerBlock.point / bb).toFixed(1)} cycles/byte on the M4 (derived from pqm4)${profile.core === 'cortex-m4' ? '' : `, × ${family} core factor ${k.point} (${k.low}–${k.high})`}`,
    ...(d.assumption ? [d.assumption] : []),
  ];
  return {
    hash,
    engine: false,
    blockBytes: bb,
    cyclesPerByte: { point: block.point / bb, low: block.low / bb, high: block.high / bb },
    cyclesPerBlockCall: block,
    assumptions,
    sources: [...m4.sources.slice(0, 3), ...factor.sources],
  };
}

/** Milliseconds to hash `bytes` of message on the device. */
export function hashBytesMs(profile: DeviceProfile, hash: HashId, bytes: number): { ms: Range; rate: HashRate } {
  const rate = hashRate(profile, hash);
  const perMs = profile.clockMHz * 1000;
  const c = rate.cyclesPerByte;
  return {
    ms: { point: (bytes * c.point) / perMs, low: (bytes * c.low) / perMs, high: (bytes * c.high) / perMs },
    rate,
  };
}
