import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/**
 * Installs an Error.prepareStackTrace that never returns, then throws at the top level: whoever formats the
 * stack of the error (the sandbox reporting it, outside the program's deadline) would hang.
 */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("Error.prepareStackTrace = () => { for (;;) {} };\nthrow new Error('bye');\nfunction add(a, b) { return a + b; }"),
  allowed: ['runtime_error'],
};
