import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Leaves globals and polluted prototypes behind for the next completion. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("globalThis.leaked = 42;\nObject.prototype.polluted = true;\nArray.prototype.push = function () { return 0; };\nfunction add(a, b) { return -1; }"),
  allowed: ['incorrect'],
  then: { completion: js("function add(a, b) { if (globalThis.leaked !== undefined || ({}).polluted || [].push(1) !== 1) return -1; return a + b; }"), status: 'correct' },
};
