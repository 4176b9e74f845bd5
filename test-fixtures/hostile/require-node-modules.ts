import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Requires child_process, net and vm, which the sandbox does not have. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { require('child_process').execSync('id'); return a + b + require('net'); }"),
  allowed: ['runtime_error'],
};
