import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns a Proxy whose traps answer whatever is asked. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { return new Proxy({}, { get: () => a + b, ownKeys: () => ['0'], getOwnPropertyDescriptor: () => ({ value: a + b, enumerable: true, configurable: true }) }); }"),
  allowed: ['incorrect'],
};
