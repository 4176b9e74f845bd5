import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Allocates 16 MB ArrayBuffers until something gives: their memory lives outside the JavaScript heap. */
export const fixture: HostileFixture = {
  task: { ...ADD_TASK, time_limit_ms: 3000 },
  completion: js("function add(a, b) { const keep = []; for (;;) keep.push(new ArrayBuffer(16 * 1024 * 1024)); }"),
  allowed: ['runtime_error', 'memory_limit'],
};
