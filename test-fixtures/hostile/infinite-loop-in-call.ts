import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Spins forever inside the entry point. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { for (;;) {} }"),
  allowed: ['timeout'],
};
