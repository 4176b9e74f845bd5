import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: prints forever. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("for (;;) console.log('3'.repeat(100));"),
  allowed: ['output_limit'],
};
