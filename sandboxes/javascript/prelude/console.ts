/**
 * A prelude part (order and contract: ../prelude.ts): `console.log` formatting close to Node's for what judges
 * print (`%s %d %i %f %j %o %O` substitutions, `util.inspect`-style arrays and objects three levels deep, `-0`,
 * bigints, symbols, functions).
 *
 * Defines: quoteKey, inspect, format, log, ignore. Uses: ReflectApply, ObjectKeys, ArrayIsArray, JSONstringify,
 * StringCtor, NumberCtor, StringIndexOf, BigIntToString, SymbolToString, RegExpExec, ErrorCtor, PLAIN_KEY,
 * describe, write.
 */
export const CONSOLE_SOURCE = String.raw`
function quoteKey(k) { return ReflectApply(RegExpExec, PLAIN_KEY, [k]) === null ? "'" + k + "'" : k; }

function inspect(v, depth) {
  switch (typeof v) {
    case 'string': return depth === 0 ? v : "'" + v + "'";
    case 'number': return v === 0 && 1 / v < 0 ? '-0' : StringCtor(v);
    case 'bigint': return ReflectApply(BigIntToString, v, []) + 'n';
    case 'boolean': return v ? 'true' : 'false';
    case 'undefined': return 'undefined';
    case 'symbol': return ReflectApply(SymbolToString, v, []);
    case 'function': return '[Function: ' + (typeof v.name === 'string' && v.name !== '' ? v.name : '(anonymous)') + ']';
  }
  if (v === null) return 'null';
  const inner = depth === 0 ? 1 : depth + 1;
  if (ArrayIsArray(v)) {
    if (inner > 3) return '[Array]';
    const n = v.length;
    if (n === 0) return '[]';
    let s = '[ ';
    for (let i = 0; i < n; i++) {
      if (i > 0) s += ', ';
      if (i >= 100) { s += '... ' + (n - 100) + ' more items'; break; }
      s += inspect(v[i], inner);
    }
    return s + ' ]';
  }
  if (v instanceof ErrorCtor) return describe(v);
  if (inner > 3) return '[Object]';
  const keys = ObjectKeys(v);
  if (keys.length === 0) return '{}';
  let s = '{ ';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) s += ', ';
    s += quoteKey(keys[i]) + ': ' + inspect(v[keys[i]], inner);
  }
  return s + ' }';
}

function format(args) {
  let s = '';
  let start = 0;
  const first = args[0];
  if (typeof first === 'string' && args.length > 1 && ReflectApply(StringIndexOf, first, ['%']) !== -1) {
    let next = 1;
    s = '';
    for (let i = 0; i < first.length; i++) {
      const c = first[i];
      const d = first[i + 1];
      if (c === '%' && d === '%') { s += '%'; i++; continue; }
      if (c === '%' && next < args.length && (d === 's' || d === 'd' || d === 'i' || d === 'f' || d === 'j' || d === 'o' || d === 'O')) {
        const a = args[next++];
        if (d === 's') s += typeof a === 'string' ? a : inspect(a, 1);
        else if (d === 'd' || d === 'i') s += StringCtor(d === 'i' ? NumberCtor.parseInt(a) : NumberCtor(a));
        else if (d === 'f') s += StringCtor(NumberCtor.parseFloat(a));
        else if (d === 'j') s += JSONstringify(a);
        else s += inspect(a, 1);
        i++;
        continue;
      }
      s += c;
    }
    start = next;
    if (start < args.length) s += ' ';
  }
  for (let i = start; i < args.length; i++) {
    if (i > start) s += ' ';
    s += inspect(args[i], 0);
  }
  return s;
}

function log() { write(format(arguments) + '\n'); }
function ignore() {}
`;
