import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/**
 * Stdio: closes the module function it expects to be wrapped in and runs its own code at the script's top level,
 * outside anything the grader wraps around a module.
 */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("});\nError.prepareStackTrace = () => { for (;;) {} };\nthrow new Error('escaped');\n(function () {"),
  allowed: ['compile_error'],
};
