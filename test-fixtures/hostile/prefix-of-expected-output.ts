import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: prints only the first line of what a two-line answer would need. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("console.log('');"),
  allowed: ['incorrect'],
};
