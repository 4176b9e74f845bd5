import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Recurses without bound. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { return add(a, b) + 1; }"),
  allowed: ['runtime_error'],
};
