import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Leaves an Atomics.waitAsync behind whose callback, run later by the host, would spin forever. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30).value.then(() => { for (;;) {} }); return a + b; }"),
  allowed: ['runtime_error'],
};
