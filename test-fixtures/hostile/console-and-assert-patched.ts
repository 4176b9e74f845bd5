import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Replaces console.assert, console.log and process.stdout.write, hoping the grader reads its own patched output. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("console.assert = () => true;\nprocess.stdout.write = () => true;\nconsole.log = () => undefined;\nconsole.log(3);"),
  allowed: ['incorrect'],
};
