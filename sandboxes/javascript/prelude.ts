/**
 * The prelude: JavaScript evaluated in every fresh context *before* the user's program. It captures every
 * builtin it relies on (so patching `JSON.stringify`, `Object.keys`, prototypes or `console` later changes
 * nothing it does), installs the small Node surface judges use (`require('fs').readFileSync(0)`,
 * `require('readline')`, `process.stdin/stdout/exit`, `console`), and returns one dispatch function that
 * only the runner holds (it is never put on `globalThis`; no isolated-vm object is ever reachable).
 *
 * Contract with runner.ts: `dispatch(op, a, b)` returns a string.
 * - `('config', maxOutputBytes)` → ''                 set the per-test output cap
 * - `('begin')` → ''                                   reset output state before the program's top level runs
 * - `('main', fn)` → ''                                store the CommonJS-style wrapper of a stdio program
 * - `('stdio', input)` → ''                            run the program once on `input` (collect next)
 * - `('call', name, argsJson)` → envelope or 'P'       call an entry point ('P': it returned a thenable)
 * - `('collect')` → envelope                           the outcome of the current test
 * Envelope: JSON text of `{ s: status, o: output, e?: error }`, built on a null-prototype object.
 */
export const PRELUDE_SOURCE = String.raw`(function () {
'use strict';
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
const MathMin = Math.min;
const StringSlice = String.prototype.slice;
const StringCharCodeAt = String.prototype.charCodeAt;
const StringIndexOf = String.prototype.indexOf;
const BigIntToString = BigInt.prototype.toString;
const SymbolToString = Symbol.prototype.toString;
const RegExpExec = RegExp.prototype.exec;
const PromiseCtor = Promise;
const PromiseResolve = Promise.resolve;
const ErrorCtor = Error;
const indirectEval = G.eval;
const ReflectDefineProperty = Reflect.defineProperty;
const NON_ASCII = /[^\x00-\x7f]/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_DEPTH = 1000;
const MAX_ERROR = 300;

// Host-scheduled callbacks would run outside any deadline, possibly during another completion.
delete G.FinalizationRegistry;
delete G.WeakRef;

let cap = 1048576;
let out = '';
let outBytes = 0;
let overflow = false;
let exitRequested = false;
let exitCode = 0;
let uncaught = null;
let stdinText = '';
let mainFn = null;
let handlers = null;
let pending = null;
const entries = ObjectCreate(null);

// Appends without [[Set]], so setters the program puts on Array.prototype never run in prelude code.
function push(list, value) {
  ReflectDefineProperty(list, list.length, { value: value, writable: true, enumerable: true, configurable: true });
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

function limitError() { return new ErrorCtor('output limit exceeded'); }

function write(chunk) {
  if (exitRequested) return true;
  const s = typeof chunk === 'string' ? chunk : StringCtor(chunk);
  if (overflow || outBytes + s.length > cap) { overflow = true; throw limitError(); }
  const bytes = ReflectApply(RegExpExec, NON_ASCII, [s]) === null ? s.length : utf8Bytes(s);
  if (outBytes + bytes > cap) { overflow = true; throw limitError(); }
  out += s;
  outBytes += bytes;
  return true;
}

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

function ExitSignal() {}
function exit(code) {
  if (!exitRequested) {
    exitRequested = true;
    const n = code === undefined ? process.exitCode : code;
    exitCode = n === undefined || n === null ? 0 : NumberCtor(n) | 0;
  }
  throw new ExitSignal();
}

function on(list) {
  return function (event, fn) {
    if (typeof fn === 'function' && handlers !== null) {
      const key = list + ':' + StringCtor(event);
      const registered = handlers[key];
      if (registered === undefined) { const list = []; push(list, fn); handlers[key] = list; }
      else push(registered, fn);
    }
    return this;
  };
}

let stdinRead = false;
const stdin = {
  fd: 0,
  isTTY: false,
  on: on('stdin'),
  once: on('stdin'),
  addListener: on('stdin'),
  setEncoding() { return this; },
  resume() { return this; },
  pause() { return this; },
  read() { if (stdinRead) return null; stdinRead = true; return stdinText === '' ? null : stdinText; },
};
const stdout = { fd: 1, isTTY: false, write: write };
const stderr = { fd: 2, isTTY: false, write: function () { return true; } };
const process = {
  stdin: stdin,
  stdout: stdout,
  stderr: stderr,
  argv: ['node', '/main.js'],
  env: {},
  platform: 'linux',
  exitCode: undefined,
  exit: exit,
  nextTick: function (fn) { const rest = []; for (let i = 1; i < arguments.length; i++) push(rest, arguments[i]); ReflectApply(PromiseResolve, PromiseCtor, []).then(function () { ReflectApply(fn, undefined, rest); }); },
};

function readFileSync(path) {
  if (path === 0 || path === '/dev/stdin') return stdinText;
  const error = new ErrorCtor("ENOENT: no such file or directory, open '" + StringCtor(path) + "'");
  error.code = 'ENOENT';
  throw error;
}
const fs = { readFileSync: readFileSync };

function splitLines(text) {
  const lines = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = ReflectApply(StringCharCodeAt, text, [i]);
    if (c === 10 || c === 13) {
      push(lines, ReflectApply(StringSlice, text, [start, i]));
      if (c === 13 && ReflectApply(StringCharCodeAt, text, [i + 1]) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length) push(lines, ReflectApply(StringSlice, text, [start]));
  return lines;
}

let rlClosed = false;
let rlCursor = 0;
let rlLines = null;
function lines() { if (rlLines === null) rlLines = splitLines(stdinText); return rlLines; }
function createInterface() {
  const rl = {
    on: on('rl'),
    once: on('rl'),
    addListener: on('rl'),
    close() { rlClosed = true; return undefined; },
    setPrompt() {},
    prompt() {},
    resume() { return this; },
    pause() { return this; },
  };
  rl[Symbol.asyncIterator] = function () {
    return {
      next() {
        const all = lines();
        const done = rlClosed || rlCursor >= all.length;
        return ReflectApply(PromiseResolve, PromiseCtor, [done ? { value: undefined, done: true } : { value: all[rlCursor++], done: false }]);
      },
      return() { rlClosed = true; return ReflectApply(PromiseResolve, PromiseCtor, [{ value: undefined, done: true }]); },
      [Symbol.asyncIterator]() { return this; },
    };
  };
  return rl;
}
const readline = { createInterface: createInterface };

function require(name) {
  const id = StringCtor(name);
  if (id === 'fs' || id === 'node:fs') return fs;
  if (id === 'readline' || id === 'node:readline') return readline;
  if (id === 'process' || id === 'node:process') return process;
  throw new ErrorCtor("Cannot find module '" + id + "'");
}

const module = { exports: {} };
G.console = { log: log, info: log, debug: log, dir: log, table: log, error: ignore, warn: ignore, trace: ignore, assert: ignore };
G.process = process;
G.require = require;
G.module = module;
G.exports = module.exports;
G.global = G;

function stopped() { return exitRequested || overflow; }

function fire(key, args) {
  const list = handlers[key];
  if (list === undefined) return;
  for (let i = 0; i < list.length && !stopped(); i++) {
    try { ReflectApply(list[i], undefined, args); } catch (e) { caught(e); }
  }
}

function caught(e) {
  if (stopped() || uncaught !== null) return;
  uncaught = describe(e);
}

function emitInput() {
  if (stdinText !== '') fire('stdin:data', [stdinText]);
  fire('stdin:readable', []);
  fire('stdin:end', []);
  fire('stdin:close', []);
  const all = lines();
  for (let i = 0; i < all.length && !rlClosed && !stopped(); i++) fire('rl:line', [all[i]]);
  fire('rl:close', []);
}

function reset(input) {
  out = '';
  outBytes = 0;
  overflow = false;
  exitRequested = false;
  exitCode = 0;
  uncaught = null;
  stdinText = input;
  stdinRead = false;
  handlers = ObjectCreate(null);
  rlClosed = false;
  rlCursor = 0;
  rlLines = null;
  pending = null;
  process.exitCode = undefined;
}

function envelope(status, output, error) {
  const o = ObjectCreate(null);
  o.s = status;
  o.o = output;
  if (error !== undefined) o.e = cut(error);
  return JSONstringify(o);
}

function tag(name) { return '{"\u0000":"' + name + '"}'; }

// Serialises a return value to JSON text without calling toJSON and without any patchable builtin.
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

function finishCall(value) {
  if (exitRequested) return envelope('runtime_error', '', 'process.exit(' + exitCode + ') called');
  const budget = { left: cap };
  try {
    return envelope('ok', serialize(value, 0, budget));
  } catch (e) {
    if (e === budget) return envelope('output_limit', '', 'return value longer than ' + cap + ' characters');
    return envelope('runtime_error', '', 'serialising the return value: ' + describe(e));
  }
}

function thenable(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return null;
  const then = v.then;
  return typeof then === 'function' ? then : null;
}

function await_(v, then) {
  const state = { done: false, ok: false, value: undefined };
  pending = state;
  const settle = function (ok) {
    return function (value) {
      if (state.done) return;
      if (ok) {
        let next = null;
        try { next = thenable(value); } catch (e) { state.done = true; state.value = e; return; }
        if (next !== null) { try { ReflectApply(next, value, [settle(true), settle(false)]); } catch (e) { state.done = true; state.value = e; } return; }
      }
      state.done = true;
      state.ok = ok;
      state.value = value;
    };
  };
  ReflectApply(then, v, [settle(true), settle(false)]);
}

function resolveEntry(name) {
  const known = entries[name];
  if (known !== undefined) return known;
  const parts = [];
  let start = 0;
  for (let i = 0; i <= name.length; i++) {
    if (i === name.length || ReflectApply(StringCharCodeAt, name, [i]) === 46) { push(parts, ReflectApply(StringSlice, name, [start, i])); start = i + 1; }
  }
  for (let i = 0; i < parts.length; i++) if (ReflectApply(RegExpExec, IDENTIFIER, [parts[i]]) === null) return { fn: undefined, self: undefined };
  const head = parts[0];
  let value = indirectEval('typeof ' + head + ' === "undefined" ? undefined : ' + head);
  if (value === undefined) {
    const exported = module.exports;
    if (exported !== null && (typeof exported === 'object' || typeof exported === 'function')) value = exported[head];
    if (value === undefined && typeof exported === 'function' && parts.length === 1) value = exported;
  }
  let self;
  for (let i = 1; i < parts.length && value !== undefined && value !== null; i++) { self = value; value = value[parts[i]]; }
  const entry = { fn: value, self: self };
  entries[name] = entry;
  return entry;
}

function call(name, argsJson) {
  reset('');
  let entry;
  try { entry = resolveEntry(name); } catch (e) { return envelope('runtime_error', '', 'looking up ' + name + ': ' + describe(e)); }
  if (typeof entry.fn !== 'function') return envelope('runtime_error', '', name + ' is not a function');
  const args = JSONparse(argsJson);
  let result;
  try {
    result = ReflectApply(entry.fn, entry.self, args);
  } catch (e) {
    if (exitRequested) return envelope('runtime_error', '', 'process.exit(' + exitCode + ') called');
    return envelope('runtime_error', '', describe(e));
  }
  try {
    const then = thenable(result);
    if (then !== null) { await_(result, then); return 'P'; }
  } catch (e) {
    return envelope('runtime_error', '', describe(e));
  }
  return finishCall(result);
}

function collectCall() {
  const state = pending;
  if (!state.done) return envelope('timeout', '', 'the returned promise never settled');
  if (!state.ok) return envelope('runtime_error', '', 'the returned promise rejected: ' + describe(state.value));
  return finishCall(state.value);
}

function collectStdio() {
  let code = exitRequested ? exitCode : 0;
  if (!exitRequested) {
    try { const set = process.exitCode; code = set === undefined || set === null ? 0 : NumberCtor(set) | 0; } catch (e) { caught(e); }
  }
  if (overflow) return envelope('output_limit', out, 'output longer than ' + cap + ' bytes');
  if (uncaught !== null) return envelope('runtime_error', out, uncaught);
  if (code !== 0) return envelope('runtime_error', out, 'exit code ' + code);
  return envelope('ok', out);
}

let mode = 'stdio';
return function dispatch(op, a, b) {
  switch (op) {
    case 'config': cap = a; return '';
    case 'begin': reset(''); return '';
    case 'main': mainFn = a; return '';
    case 'call': mode = 'call'; return call(a, b);
    case 'stdio': {
      mode = 'stdio';
      reset(a);
      const m = { exports: {} };
      try { ReflectApply(mainFn, m.exports, [m.exports, require, m, '/main.js', '/']); } catch (e) { caught(e); }
      if (!stopped()) emitInput();
      return '';
    }
    case 'collect': return mode === 'call' ? collectCall() : collectStdio();
  }
  return envelope('runtime_error', '', 'unknown operation');
};
})()`;

/** Node's CommonJS wrapper, so a stdio program's top-level `return`, `var` and `module.exports` behave as in Node. */
export function wrapModule(source: string): string {
  const body = source.startsWith('#!') ? `//${source}` : source;
  return `(function (exports, require, module, __filename, __dirname) {${body}\n})`;
}

/** A call-style program runs as a classic script; only a leading hashbang is neutralised. */
export function asScript(source: string): string {
  return source.startsWith('#!') ? `//${source}` : source;
}
