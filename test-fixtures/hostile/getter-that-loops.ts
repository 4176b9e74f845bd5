import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns an object whose getter never returns. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { return { get sum() { for (;;) {} } }; }"),
  allowed: ['timeout'],
};
