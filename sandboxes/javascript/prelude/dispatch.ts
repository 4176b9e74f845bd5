/**
 * A prelude part (order and contract: ../prelude.ts): per-test state reset and the one dispatch function the
 * prelude evaluates to. Only the runner holds it: it is never put on `globalThis`. No exception leaves it:
 * isolated-vm would read a thrown value after the deadline (program.ts says why).
 *
 * Defines: mode, reset, startProgram, the returned dispatch. Uses: describe, envelope, RUNTIME_ERROR, cap,
 * resetOutput, resetSurface, compileProgram, runTopLevel, call, collectCall, resetCall, caught, runStdio,
 * collectStdio, resetStdio.
 */
export const DISPATCH_SOURCE = String.raw`
let mode = 'stdio';

function reset(input) {
  resetOutput();
  resetStdio();
  resetSurface(input);
  resetCall();
}

function startProgram(maxOutputBytes, body, withCallTests) {
  cap = maxOutputBytes;
  reset('');
  const compiled = compileProgram(body);
  return compiled !== '' || !withCallTests ? compiled : runTopLevel();
}

return function dispatch(op, a, b, c) {
  try {
    switch (op) {
      case 'start': return startProgram(a, b, c === true);
      case 'call': mode = 'call'; reset(''); return call(a, b);
      case 'stdio': mode = 'stdio'; reset(a); runStdio(); return '';
      case 'collect': return mode === 'call' ? collectCall() : collectStdio();
    }
  } catch (e) {
    if (op === 'stdio') { caught(e); return ''; }
    return envelope(RUNTIME_ERROR, '', describe(e));
  }
  return envelope(RUNTIME_ERROR, '', 'unknown operation');
};
`;
