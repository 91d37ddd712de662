/**
 * One decoding per distinct certificate, CSR or CRL. A tree often holds many copies of one object (a CA bundle
 * vendored in every component, a test certificate beside each sample): its analysis is a function of its bytes, its
 * encoding and the scan time only, so the copies share one analysis, frozen so that no finding can change it for
 * the others. Memory then holds one certificate's facts however many files carry it, and its signature is checked
 * once. The cache keeps the most recently used objects, so a tree of distinct certificates does not grow it.
 */
import { deepFreeze } from '../shared-values.js';
import { sha256Hex } from './fingerprint.js';

/** Distinct objects remembered (about 2 KB each). */
const CACHE_SIZE = 4096;

/** `analyze` with its answers remembered by encoding, scan time and the bytes' SHA-256. A throw is not remembered. */
export function cachedAnalyzer<E extends string, A>(
  analyze: (der: Uint8Array, encoding: E, scanTime: Date) => A,
  size: number = CACHE_SIZE,
): (der: Uint8Array, encoding: E, scanTime: Date) => A {
  const cache = new Map<string, A>();
  return (der, encoding, scanTime) => {
    const key = `${encoding}\u0000${scanTime.getTime()}\u0000${sha256Hex(der)}`;
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Most recently used last: the first key is the one to let go of.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const analysis = deepFreeze(analyze(der, encoding, scanTime));
    cache.set(key, analysis);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return analysis;
  };
}
