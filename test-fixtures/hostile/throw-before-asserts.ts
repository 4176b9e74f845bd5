import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Throws at the top level before any test runs. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("throw new Error('bye');\nfunction add(a, b) { return a + b; }"),
  allowed: ['runtime_error'],
};
