/** Records a job's events for a test: every event in order, and a promise settled by `done`. */
import type { JobEvent, JobService } from '../../src/grading/jobs.ts';

export function recordEvents(service: JobService, id: string, owner: string | null): { events: JobEvent[]; done: Promise<void> } {
  const events: JobEvent[] = [];
  const done = new Promise<void>((resolve) => {
    void service.subscribe(id, owner, (event) => {
      events.push(event);
      if (event.type === 'done') resolve();
    });
  });
  return { events, done };
}
