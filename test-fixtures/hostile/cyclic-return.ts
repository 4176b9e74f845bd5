import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns an object that contains itself. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { const o = { sum: a + b }; o.self = o; return o; }"),
  allowed: ['runtime_error'],
};
