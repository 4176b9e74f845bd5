import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: prints the right answer, then never lets the microtask queue drain, as if output were all that counted. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);\n(async () => { for (;;) await null; })();"),
  allowed: ['timeout', 'memory_limit'],
};
