import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Looks through every reachable global for the expected values. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) {\n  for (const k of Object.getOwnPropertyNames(globalThis)) { const v = globalThis[k]; if (v && typeof v === 'object' && 'expected' in v) return v.expected; }\n  return 'not found';\n}"),
  allowed: ['incorrect'],
};
