import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Returns an object that claims to equal anything through valueOf, toJSON and toString. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { return { valueOf() { return a + b; }, toJSON() { return a + b; }, toString() { return String(a + b); }, [Symbol.toPrimitive]() { return a + b; } }; }"),
  allowed: ['incorrect'],
};
