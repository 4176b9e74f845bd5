import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns an object whose getter throws while it is serialised. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { return { get sum() { throw new Error('boom'); } }; }"),
  allowed: ['runtime_error'],
};
