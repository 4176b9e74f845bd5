import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Registers a finalizer that would spin forever in a later job. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("new FinalizationRegistry(() => { for (;;) {} }).register({}, 1);\nfunction add(a, b) { return a - b; }"),
  allowed: ['runtime_error', 'incorrect'],
};
