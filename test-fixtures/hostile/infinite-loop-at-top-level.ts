import { SUM_STDIO_TASK, js, type HostileFixture } from './fixture.ts';

/** Stdio: spins forever at the top level. */
export const fixture: HostileFixture = {
  task: SUM_STDIO_TASK,
  completion: js("while (true) {}"),
  allowed: ['timeout'],
};
