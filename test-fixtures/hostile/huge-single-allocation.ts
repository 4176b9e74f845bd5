import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** new Array(1e9).fill(0): aborts V8 in the runner process, which is replaced. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("const big = new Array(1e9).fill(0);\nfunction add(a, b) { return a + b; }"),
  allowed: ['memory_limit', 'runtime_error', 'timeout'],
};
