import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Exits with status 0 from inside the function, as if that skipped the checks. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { process.exit(0); }"),
  allowed: ['runtime_error'],
};
