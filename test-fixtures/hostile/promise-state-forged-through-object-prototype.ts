import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/**
 * Returns a promise that never settles after putting done/ok/value accessors on Object.prototype, so that a
 * grader keeping the promise's state in a plain object would read it as fulfilled with the right value.
 */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js(String.raw`
let current = 0;
for (const k of ['done', 'ok']) Object.defineProperty(Object.prototype, k, { get() { return true; }, set() {}, configurable: true });
Object.defineProperty(Object.prototype, 'value', { get() { return current; }, set() {}, configurable: true });
function add(a, b) { current = a + b; return new Promise(() => {}); }`),
  allowed: ['timeout'],
};
