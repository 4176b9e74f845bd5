import { ADD_TASK, js, type HostileFixture } from './fixture.ts';

/**
 * Schedules microtasks forever, which no event-loop turn interrupts. Each turn allocates a promise, so the
 * isolate hits its time limit or its memory limit first depending on the machine's speed: both contain it.
 */
export const fixture: HostileFixture = {
  task: ADD_TASK,
  completion: js("function add(a, b) { const spin = () => Promise.resolve().then(spin); spin(); return a + b; }"),
  allowed: ['timeout', 'memory_limit'],
};
