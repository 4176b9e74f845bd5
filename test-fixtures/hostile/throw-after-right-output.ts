import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: prints the right answer, then crashes; a crash fails even when the output matches. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);\nthrow new Error('late crash');"),
  allowed: ['runtime_error'],
};
