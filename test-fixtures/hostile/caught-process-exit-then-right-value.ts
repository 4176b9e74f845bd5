import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Calls process.exit(0), catches whatever that throws and returns the right value: in Node it would never return. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { try { process.exit(0); } catch (e) {} return a + b; }"),
  allowed: ['runtime_error'],
};
