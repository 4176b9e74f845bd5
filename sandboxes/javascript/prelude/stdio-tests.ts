/**
 * A prelude part (order and contract: ../prelude.ts): stdin/stdout tests. Runs the program's module function
 * once per test on that test's input, then feeds the input to the handlers it registered (stdin
 * `data`/`readable`/`end`/`close`, readline `line`/`close`), as Node would once stdin ends. The first uncaught
 * error, a non-zero exit code or an overflowing output fails the test even when the output matches.
 *
 * Defines: uncaught, caught, fire, emitInput, runStdio, collectStdio, resetStdio. Uses: ReflectApply,
 * NumberCtor, describe, envelope, OK, RUNTIME_ERROR, OUTPUT_LIMIT, cap, out, overflow, exitRequested, exitCode,
 * stopped, handlers, stdinText, rlClosed, lines, process, require, mainFn.
 */
export const STDIO_TESTS_SOURCE = String.raw`
let uncaught = null;

function caught(e) {
  if (stopped() || uncaught !== null) return;
  uncaught = describe(e);
}

function fire(key, args) {
  if (handlers === null) return;
  const list = handlers[key];
  if (list === undefined) return;
  for (let i = 0; i < list.length && !stopped(); i++) {
    try { ReflectApply(list[i], undefined, args); } catch (e) { caught(e); }
  }
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

function runStdio() {
  const m = { exports: {} };
  try { ReflectApply(mainFn, m.exports, [m.exports, require, m, '/main.js', '/']); } catch (e) { caught(e); }
  if (!stopped()) emitInput();
}

function collectStdio() {
  let code = exitRequested ? exitCode : 0;
  if (!exitRequested) {
    try { const set = process.exitCode; code = set === undefined || set === null ? 0 : NumberCtor(set) | 0; } catch (e) { caught(e); }
  }
  if (overflow) return envelope(OUTPUT_LIMIT, out, 'output longer than ' + cap + ' bytes');
  if (uncaught !== null) return envelope(RUNTIME_ERROR, out, uncaught);
  if (code !== 0) return envelope(RUNTIME_ERROR, out, 'exit code ' + code);
  return envelope(OK, out);
}

function resetStdio() { uncaught = null; }
`;
