import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Patches Array.isArray, Object.keys and Array.prototype to pass an object off as the expected array. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("Array.isArray = () => true;\nObject.keys = () => [];\nObject.defineProperty(Array.prototype, '0', { set() { throw new Error('gotcha'); }, configurable: true });\nfunction add(a, b) { return {}; }"),
  allowed: ['incorrect'],
};
