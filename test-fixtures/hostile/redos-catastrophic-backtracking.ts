import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** A regular expression with catastrophic backtracking. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { /^(a+)+$/.test('a'.repeat(40) + '!'); return a + b; }"),
  allowed: ['timeout'],
};
