/** A Map or WeakMap. */
interface Cache<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): unknown;
}

/** The value cached under `key`, made and cached on first request. */
export function memo<K, V>(cache: Cache<K, V>, key: K, make: () => V): V {
  if (cache.has(key)) return cache.get(key) as V;
  const value = make();
  cache.set(key, value);
  return value;
}

/** One key per field path, for caches keyed by path. */
export function pathKey(segments: readonly string[]): string {
  return JSON.stringify(segments);
}
