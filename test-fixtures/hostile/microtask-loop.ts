import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/** Schedules microtasks forever, which no event-loop turn interrupts. */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { const spin = () => Promise.resolve().then(spin); spin(); return a + b; }"),
  allowed: ['timeout'],
};
