import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: prints the right answer but sets process.exitCode = 1. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);\nprocess.exitCode = 1;"),
  allowed: ['runtime_error'],
};
