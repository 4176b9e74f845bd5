import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Walks its callers (`fn.caller`, structured stack frames) hoping to reach and reuse the grader's own functions. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js(String.raw`
function add(a, b) {
  Error.prepareStackTrace = (_, frames) => frames;
  const frames = new Error().stack;
  Error.prepareStackTrace = undefined;
  const reached = [add.caller, ...frames.map((f) => f.getFunction()), ...frames.map((f) => f.getThis())];
  return reached.some((x) => typeof x === 'function' && x !== add) ? a + b : -1;
}`),
  allowed: ['incorrect'],
};
