/**
 * A prelude part (order and contract: ../prelude.ts): exactly the Node surface judges use, and nothing else of
 * Node: `require('fs').readFileSync(0 | '/dev/stdin')`, `require('readline').createInterface` (line events and
 * `for await`), `process.stdin` events and `read()`, `process.stdout.write`, `process.exit`/`exitCode`,
 * `console`, `module.exports`. Event handlers are only recorded here; stdio-tests.ts fires them.
 *
 * Defines: ExitSignal, exit, handlers, on, stdinText, stdinRead, stdin, stdout, stderr, process, readFileSync,
 * fs, splitLines, rlClosed, rlCursor, rlLines, lines, createInterface, readline, require, module, resetSurface;
 * the globals console, process, require, module, exports, global. Uses: G, ReflectApply, ObjectCreate,
 * StringCtor, NumberCtor, StringSlice, StringCharCodeAt, PromiseCtor, PromiseResolve, ErrorCtor, push, write,
 * exitRequested, exitCode, log, ignore.
 */
export const NODE_SURFACE_SOURCE = String.raw`
function ExitSignal() {}
function exit(code) {
  if (!exitRequested) {
    exitRequested = true;
    const n = code === undefined ? process.exitCode : code;
    exitCode = n === undefined || n === null ? 0 : NumberCtor(n) | 0;
  }
  throw new ExitSignal();
}

// Created on the first registration: most programs register nothing, and a null-prototype object is dear.
let handlers = null;
function on(list) {
  return function (event, fn) {
    if (typeof fn === 'function') {
      if (handlers === null) handlers = ObjectCreate(null);
      const key = list + ':' + StringCtor(event);
      const registered = handlers[key];
      if (registered === undefined) { const list = []; push(list, fn); handlers[key] = list; }
      else push(registered, fn);
    }
    return this;
  };
}

let stdinText = '';
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

function resetSurface(input) {
  stdinText = input;
  stdinRead = false;
  handlers = null;
  rlClosed = false;
  rlCursor = 0;
  rlLines = null;
  process.exitCode = undefined;
}
`;
