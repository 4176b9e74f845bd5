/**
 * The prelude: JavaScript evaluated in every fresh context *before* the user's program. It captures every
 * builtin it relies on (so patching `JSON.stringify`, `Object.keys`, prototypes or `console` later changes
 * nothing it does), installs the small Node surface judges use (`require('fs').readFileSync(0)`,
 * `require('readline')`, `process.stdin/stdout/exit`, `console`), compiles and runs the program as a
 * CommonJS module, and returns one dispatch function that only the runner holds (it is never put on
 * `globalThis`; no isolated-vm object is ever reachable).
 *
 * Its source is one strict-mode function body assembled from the parts in prelude/, in the order of
 * `PRELUDE_PARTS`; each part uses only names defined by the parts before it (each part's header lists both).
 *
 * Contract with runner.ts: `dispatch(op, a, b, c)` returns a string and never throws.
 * - `('start', maxOutputBytes, body, withCallTests)` → '' or envelope   set the per-test output cap, compile
 *     `body` (`moduleBody`: with call tests, it ends by returning the lookup of their names) as the module
 *     function, and with call tests run its top level once; an envelope is `compile_error`, or the
 *     `runtime_error` every test gets
 * - `('call', name, argsJson)` → envelope or 'P'   call an entry point ('P': it returned a thenable)
 * - `('stdio', input)` → ''                        run the module once on `input` (collect next)
 * - `('collect')` → envelope                       the outcome of the current test
 * Envelope: `<status letter><error length>:<error><output>` (envelope.ts).
 */
import { BUILTINS_SOURCE } from './prelude/builtins.ts';
import { ENVELOPE_SOURCE } from './prelude/envelope.ts';
import { OUTPUT_SOURCE } from './prelude/output.ts';
import { CONSOLE_SOURCE } from './prelude/console.ts';
import { NODE_SURFACE_SOURCE } from './prelude/node-surface.ts';
import { SERIALIZE_SOURCE } from './prelude/serialize.ts';
import { PROGRAM_SOURCE } from './prelude/program.ts';
import { CALL_TESTS_SOURCE } from './prelude/call-tests.ts';
import { STDIO_TESTS_SOURCE } from './prelude/stdio-tests.ts';
import { DISPATCH_SOURCE } from './prelude/dispatch.ts';

/** The parts of the prelude by file name, in order. */
export const PRELUDE_PARTS: readonly (readonly [name: string, source: string])[] = [
  ['builtins', BUILTINS_SOURCE],
  ['envelope', ENVELOPE_SOURCE],
  ['output', OUTPUT_SOURCE],
  ['console', CONSOLE_SOURCE],
  ['node-surface', NODE_SURFACE_SOURCE],
  ['serialize', SERIALIZE_SOURCE],
  ['program', PROGRAM_SOURCE],
  ['call-tests', CALL_TESTS_SOURCE],
  ['stdio-tests', STDIO_TESTS_SOURCE],
  ['dispatch', DISPATCH_SOURCE],
];

/** The prelude's source: a script whose completion value is the dispatch function. */
export const PRELUDE_SOURCE = `(function () {\n'use strict';${PRELUDE_PARTS.map(([, source]) => source).join('')}})()`;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Names no lookup can read as a binding: reserved words (sloppy or strict) and the lookup function's own.
const NOT_BINDINGS = new Set(
  `arguments await break case catch class const continue debugger default delete do else enum eval export extends
  false finally for function if implements import in instanceof interface let new null package private protected
  public return static super switch this throw true try typeof var void while with yield`.split(/\s+/),
);

/**
 * The body of the program's module function: the source with a leading hashbang neutralised, as Node does, and
 * for call tests a lookup appended after it, reading each name they call (the first part of `Solution.solve`)
 * as test code appended to the file would see it: the module's own declarations, then globals. It is the only
 * code added, and it is plain code (no `eval`), compiled with the program.
 * @example moduleBody('const add = (a, b) => a + b;', ['add'])
 * // "const add = (a, b) => a + b;\n;return function () { switch (arguments[0]) { case 'add': return typeof add === 'undefined' ? void 0 : add; } };"
 */
export function moduleBody(source: string, calls: readonly string[] = []): string {
  const body = source.startsWith('#!') ? `//${source}` : source;
  if (calls.length === 0) return body;
  const names = [...new Set(calls.map((call) => call.split('.')[0] ?? ''))].filter((name) => IDENTIFIER.test(name) && !NOT_BINDINGS.has(name));
  const cases = names.map((name) => `case '${name}': return typeof ${name} === 'undefined' ? void 0 : ${name};`).join(' ');
  return `${body}\n;return function () { switch (arguments[0]) { ${cases} } };`;
}
