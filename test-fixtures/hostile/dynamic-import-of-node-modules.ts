import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Reaches for child_process through dynamic import(), which a script in the sandbox has no loader for. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("async function add(a, b) { const cp = await import('child_process'); return Number(cp.execSync('echo ' + (a + b)).toString()); }"),
  allowed: ['runtime_error'],
};
