import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Blocks the thread in Atomics.wait. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return a + b; }"),
  allowed: ['timeout'],
};
