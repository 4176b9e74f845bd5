import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns an array of length 2^32 - 1 with no elements. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { const x = []; x.length = 2 ** 32 - 1; return x; }"),
  allowed: ['output_limit'],
};
