/**
 * The C analysis's caches keyed by two values (an environment and a header, an environment and an alternative
 * configuration, an alias set before and after a round) are maps of maps; this is their one get-or-make.
 */

/** What a cache level needs of a Map or a WeakMap. */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value for the pair (`a`, `b`): made by `make` the first time, kept in `outer` (its maps made by `inner`). */
export function memoByPair<A, B, V>(
  outer: Store<A, Store<B, V>>,
  a: A,
  b: B,
  inner: () => Store<B, V>,
  make: () => V,
): V {
  let byB = outer.get(a);
  if (byB === undefined) {
    byB = inner();
    outer.set(a, byB);
  }
  let value = byB.get(b);
  if (value === undefined) {
    value = make();
    byB.set(b, value);
  }
  return value;
}
