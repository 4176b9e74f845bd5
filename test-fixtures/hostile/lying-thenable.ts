import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns a thenable that throws from then(). */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { return { then() { throw new Error('no'); } }; }"),
  allowed: ['runtime_error'],
};
