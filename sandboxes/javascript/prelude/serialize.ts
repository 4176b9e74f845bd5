/**
 * A prelude part (order and contract: ../prelude.ts): a call test's return value to JSON text, inside the
 * isolate and under the test's deadline, without calling `toJSON` and without any builtin the program could have
 * patched. Values JSON cannot hold become tagged objects (protocol.ts); a value longer than the output cap fails
 * fast by throwing the `budget` object itself, before any work for a huge (even sparse) array.
 *
 * Defines: tag, serialize. Uses: ReflectApply, ObjectKeys, ArrayIsArray, JSONstringify, NumberIsFinite,
 * BigIntToString, ErrorCtor, MAX_DEPTH.
 */
export const SERIALIZE_SOURCE = String.raw`
function tag(name) { return '{"\u0000":"' + name + '"}'; }

function serialize(v, depth, budget) {
  if (depth > MAX_DEPTH) throw new ErrorCtor('return value nested more than ' + MAX_DEPTH + ' levels deep');
  switch (typeof v) {
    case 'string': return JSONstringify(v);
    case 'number': return NumberIsFinite(v) ? JSONstringify(v) : tag(v !== v ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity');
    case 'boolean': return v ? 'true' : 'false';
    case 'bigint': return ReflectApply(BigIntToString, v, []);
    case 'undefined': return tag('undefined');
    case 'function': return tag('function');
    case 'symbol': return tag('symbol');
  }
  if (v === null) return 'null';
  let s;
  if (ArrayIsArray(v)) {
    const n = v.length;
    // Every element costs at least two characters: a huge (even sparse) array fails before any work.
    if (!(n * 2 <= budget.left)) throw budget;
    s = '[';
    for (let i = 0; i < n; i++) {
      if (s.length > budget.left) throw budget;
      s += (i > 0 ? ',' : '') + serialize(v[i], depth + 1, budget);
    }
    s += ']';
  } else {
    const keys = ObjectKeys(v);
    if (!(keys.length * 4 <= budget.left)) throw budget;
    s = '{';
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      if (s.length > budget.left) throw budget;
      const value = v[keys[i]];
      const t = typeof value;
      if (t === 'undefined' || t === 'function' || t === 'symbol') continue;
      s += (first ? '' : ',') + JSONstringify(keys[i]) + ':' + serialize(value, depth + 1, budget);
      first = false;
    }
    s += '}';
  }
  if (s.length > budget.left) throw budget;
  return s;
}
`;
