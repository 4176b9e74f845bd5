import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns a promise that never settles. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { return new Promise(() => {}); }"),
  allowed: ['timeout'],
};
