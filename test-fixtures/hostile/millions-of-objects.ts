import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns two million small objects. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { return Array.from({ length: 2000000 }, (_, i) => ({ i })); }"),
  allowed: ['output_limit', 'memory_limit', 'timeout'],
};
