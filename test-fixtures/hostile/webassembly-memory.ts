import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Grows WebAssembly memory, which memoryLimit would not count (WebAssembly is not exposed). */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { const m = new WebAssembly.Memory({ initial: 1, maximum: 65536 }); for (;;) m.grow(1000); }"),
  allowed: ['runtime_error'],
};
