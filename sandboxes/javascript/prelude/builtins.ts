/**
 * A prelude part (order and contract: ../prelude.ts): every builtin the prelude relies on, captured before the
 * program runs, so patching `JSON.stringify`, `Object.keys`, prototypes or `console` later changes nothing the
 * prelude does; plus the small helpers every later part uses.
 *
 * Defines: G, the captured builtins (ReflectApply … ReflectDefineProperty, FunctionCtor), NON_ASCII, IDENTIFIER,
 * PLAIN_KEY, MAX_DEPTH, MAX_ERROR, ELEMENT, push, cut, describe, utf8Bytes. Uses: nothing.
 */
import { MAX_ERROR_CHARS } from '../protocol.ts';

export const BUILTINS_SOURCE = String.raw`
const G = globalThis;
const ReflectApply = Reflect.apply;
const ObjectKeys = Object.keys;
const ObjectCreate = Object.create;
const ArrayIsArray = Array.isArray;
const JSONstringify = JSON.stringify;
const JSONparse = JSON.parse;
const StringCtor = String;
const NumberIsFinite = Number.isFinite;
const NumberCtor = Number;
const StringSlice = String.prototype.slice;
const StringCharCodeAt = String.prototype.charCodeAt;
const StringIndexOf = String.prototype.indexOf;
const BigIntToString = BigInt.prototype.toString;
const SymbolToString = Symbol.prototype.toString;
const RegExpExec = RegExp.prototype.exec;
const PromiseCtor = Promise;
const PromiseResolve = Promise.resolve;
const ErrorCtor = Error;
const FunctionCtor = Function;
const indirectEval = G.eval;
const ReflectDefineProperty = Reflect.defineProperty;
const NON_ASCII = /[^\x00-\x7f]/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_DEPTH = 1000;
const MAX_ERROR = ${MAX_ERROR_CHARS};

// Host-scheduled callbacks would run outside any deadline, possibly during another completion (and the platform
// task behind Atomics.waitAsync aborts the whole runner process).
delete G.FinalizationRegistry;
delete G.WeakRef;
delete G.Atomics.waitAsync;

// Appends without [[Set]], so setters the program puts on Array.prototype never run in prelude code. The
// descriptor has no prototype: a 'get' or 'set' the program puts on Object.prototype would make it invalid.
const ELEMENT = ObjectCreate(null);
ELEMENT.writable = true;
ELEMENT.enumerable = true;
ELEMENT.configurable = true;
function push(list, value) {
  ELEMENT.value = value;
  ReflectDefineProperty(list, list.length, ELEMENT);
  ELEMENT.value = undefined;
}

function cut(s) { return s.length > MAX_ERROR ? ReflectApply(StringSlice, s, [0, MAX_ERROR]) : s; }

function describe(e) {
  try {
    if (typeof e === 'string') return cut(e);
    if (e !== null && typeof e === 'object') {
      const name = e.name, message = e.message;
      if (typeof message === 'string') return cut((typeof name === 'string' ? name : 'Error') + ': ' + message);
    }
    return cut('thrown: ' + StringCtor(e));
  } catch (_) {
    return 'uncaught exception';
  }
}

function utf8Bytes(s) {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = ReflectApply(StringCharCodeAt, s, [i]);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}
`;
