import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns a value nested 100,000 levels deep. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { let v = a + b; for (let i = 0; i < 100000; i++) v = [v]; return v; }"),
  allowed: ['runtime_error'],
};
