import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: floods stdout, catches the output-limit error and prints the answer, as if the flood never happened. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("try { for (;;) process.stdout.write('x'.repeat(1000)); } catch (e) {}\nconst [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);"),
  allowed: ['output_limit'],
};
