/**
 * Memoises a pure function of an object by identity (WeakMap: entries go with the object). A group's
 * completions share one task object, so a verifier prepares the task's reference once per group, not once
 * per completion.
 * @example const referenceOf = cachedByObject(prepareReference); referenceOf(task) === referenceOf(task) // true
 */
export function cachedByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
