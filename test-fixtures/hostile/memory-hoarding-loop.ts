import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Allocates until the isolate runs out of memory. */
export const fixture: HostileFixture = {
  task: { ...ADD_TASK, time_limit_ms: 3000 },
  completion: js("function add(a, b) { const hoard = []; for (;;) hoard.push(new Array(1000000).fill(a)); }"),
  allowed: ['memory_limit', 'runtime_error'],
};
