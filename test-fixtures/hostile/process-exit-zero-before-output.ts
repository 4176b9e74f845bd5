import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: exits 0 before printing anything. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("process.exit(0);\nconsole.log(3);"),
  allowed: ['incorrect'],
};
