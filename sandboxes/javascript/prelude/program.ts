/**
 * A prelude part (order and contract: ../prelude.ts): the program, as Node runs a file: a CommonJS module
 * (`exports, require, module, __filename, __dirname`; top-level declarations are module-scoped; top-level
 * `return` allowed). It is compiled here by the captured `Function` constructor, which V8 parses as one function
 * body (no `})` in the source can close it early), and its top level runs here, inside a try/catch. So nothing
 * the program throws ever reaches the runner: isolated-vm would read a thrown value's `name`, `message` and
 * `stack` (running the program's getters, Proxy traps or `Error.prepareStackTrace`) after the deadline has
 * ended.
 *
 * For call tests the body ends by returning a lookup of the names they call (`moduleBody` in ../prelude.ts), so
 * tests find the entry point the way test code appended to the file would (module scope first, then globals).
 *
 * Defines: mainFn, moduleLookup, compileProgram, runTopLevel. Uses: ReflectApply, FunctionCtor, describe,
 * envelope, RUNTIME_ERROR, COMPILE_ERROR, exitRequested, exitCode, require, module.
 */
export const PROGRAM_SOURCE = String.raw`
let mainFn = null;
let moduleLookup = null;

// Returns '' or a compile_error envelope. Nothing of the program runs here.
function compileProgram(body) {
  try {
    mainFn = FunctionCtor('exports', 'require', 'module', '__filename', '__dirname', body);
  } catch (e) {
    return envelope(COMPILE_ERROR, '', describe(e));
  }
  return '';
}

// Runs the top level once, for call tests, and keeps the lookup the body returns (../prelude.ts, moduleBody);
// returns '' or the runtime_error envelope every test gets.
function runTopLevel() {
  let returned;
  try {
    returned = ReflectApply(mainFn, module.exports, [module.exports, require, module, '/main.js', '/']);
  } catch (e) {
    if (exitRequested) return envelope(RUNTIME_ERROR, '', 'process.exit(' + exitCode + ') called');
    return envelope(RUNTIME_ERROR, '', describe(e));
  }
  moduleLookup = typeof returned === 'function' ? returned : null;
  return '';
}
`;
