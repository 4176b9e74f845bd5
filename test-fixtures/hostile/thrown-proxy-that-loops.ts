import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Throws a Proxy whose every trap spins, so that reading the error (its name, message, prototype) hangs. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("const spin = () => { for (;;) {} };\nthrow new Proxy(new Error('x'), { get: spin, getPrototypeOf: spin, has: spin, ownKeys: spin, getOwnPropertyDescriptor: spin });\nfunction add(a, b) { return a + b; }"),
  allowed: ['timeout'],
};
