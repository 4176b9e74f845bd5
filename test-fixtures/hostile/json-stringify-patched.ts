import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Replaces JSON.stringify to print the expected-looking value. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("JSON.stringify = () => '3';\nObject.prototype.toJSON = function () { return 3; };\nfunction add(a, b) { return 'nope'; }"),
  allowed: ['incorrect'],
};
