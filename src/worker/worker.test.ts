import { afterEach, describe, expect, it } from 'vitest';
import { startChildWorker, type ChildWorker } from '../../test-fixtures/queue/child-worker.ts';
import { counting, flaky, queueHarness, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { mixedRequest } from '../../test-fixtures/queue/requests.ts';
import type { GradeRequest } from '../core/schemas/request.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { waitForJob, type JobEvent } from '../grading/jobs.ts';
import { DEFAULT_MAX_STALLS } from './worker.ts';

let harness: QueueHarness | undefined;
let child: ChildWorker | undefined;
afterEach(async () => {
  if (child !== undefined && child.child.exitCode === null && child.child.signalCode === null) {
    child.child.kill('SIGKILL');
    await child.exited;
  }
  child = undefined;
  await harness?.cleanup();
  harness = undefined;
});

/** Groups of one JavaScript completion that busy-waits `busyMs` before printing its answer. */
function slowCodeRequest(groups: number, busyMs: number): GradeRequest {
  const program = `const until = Date.now() + ${busyMs};\nwhile (Date.now() < until) {}\nconsole.log('ok');`;
  return {
    groups: Array.from({ length: groups }, (_, g) => ({
      id: `slow${g}`,
      task: { type: 'code', language: 'javascript', time_limit_ms: 10_000, tests: [{ input: String(g), output: 'ok' }] },
      completions: ['```javascript\n' + program + '\n```'],
    })),
  };
}

describe('arbiter worker', () => {
  it('grades queued groups in a real worker process with the embedded results, and exits 0 on SIGTERM', async () => {
    harness = queueHarness();
    const jobs = harness.jobs();
    child = startChildWorker(harness.prefix);
    const request = mixedRequest(4, { scale: 'batch' });
    const { id } = await jobs.submit(request, null);
    const view = await waitForJob(jobs, id, null, 30_000);
    expect(view?.status).toBe('completed');
    const grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 10_000 });
    expect(JSON.stringify(view?.result)).toBe(JSON.stringify(await grader.grade(request)));
    await grader.close();
    await child.started;
    child.child.kill('SIGTERM');
    expect(await child.exited).toBe(0);
  });

  it('delivers every group exactly once when a worker is SIGKILLed mid-batch: another worker takes over the stalled jobs', async () => {
    harness = queueHarness();
    const jobs = harness.jobs();
    child = startChildWorker(harness.prefix, { ARBITER_WORKER_STALLED_MS: '1000', ARBITER_WORKER_CONCURRENCY: '4' });
    const request = slowCodeRequest(3, 1_000);
    const { id } = await jobs.submit(request, null);
    const events: JobEvent[] = [];
    const done = new Promise<void>((resolve) => void jobs.subscribe(id, null, (e) => (events.push(e), e.type === 'done' && resolve())));
    await expect.poll(async () => (await jobs.get(id, null))?.status, { timeout: 15_000, interval: 50 }).toBe('running');
    child.child.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');
    expect((await jobs.get(id, null))?.progress.groups_done).toBeLessThan(3);

    const { grader } = harness.worker({ stalledMs: 1_000 });
    await done;
    const view = await jobs.get(id, null);
    expect(view?.status).toBe('completed');
    expect(view?.result?.groups.map((g) => g.results.map((r) => r.status))).toEqual([['correct'], ['correct'], ['correct']]);
    expect(events.filter((e) => e.type === 'group').map((e) => (e.type === 'group' ? e.index : -1)).sort()).toEqual([0, 1, 2]);
    expect(events.filter((e) => e.type === 'done')).toEqual([{ type: 'done', status: 'completed' }]);
    expect(grader.calls).toBeGreaterThan(0);
  });

  it('retries a group after a transient fault and completes the request', async () => {
    harness = queueHarness();
    const jobs = harness.jobs();
    const { grader } = harness.worker({ wrapGrader: (g) => flaky(g, 1) });
    const { id } = await jobs.submit(mixedRequest(1), null);
    const view = await waitForJob(jobs, id, null, 10_000);
    expect(view?.status).toBe('completed');
    expect(grader.calls).toBe(2);
  });

  it('fails the request with INTERNAL once a group has failed every attempt', async () => {
    harness = queueHarness();
    const jobs = harness.jobs({ attempts: 2 });
    const { grader } = harness.worker({ wrapGrader: (g) => flaky(g, Infinity) });
    const { id } = await jobs.submit(mixedRequest(1), null);
    const view = await waitForJob(jobs, id, null, 10_000);
    expect(view).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: 'internal error' } });
    expect(grader.calls).toBe(2);
  });

  it.each([
    { when: 'after 3 deaths by default', maxStalls: undefined, deaths: DEFAULT_MAX_STALLS + 1 },
    { when: 'at the first death with maxStalls 0', maxStalls: 0, deaths: 1 },
  ])('fails the request with GROUP_STALLED when the workers grading its group keep dying ($when), instead of leaving it waiting', async ({ maxStalls, deaths }) => {
    harness = queueHarness();
    const h = harness;
    const jobs = h.jobs();
    const { id } = await jobs.submit(mixedRequest(1), null);
    const options = { stalledMs: 300, ...(maxStalls === undefined ? {} : { maxStalls }) };
    for (let death = 0; death < deaths; death++) {
      let taken: () => void = () => {};
      const took = new Promise<void>((resolve) => (taken = resolve));
      const { worker } = h.worker({
        ...options,
        wrapGrader: (real) => (void real.close(), counting({ grade: () => (taken(), new Promise(() => {})), close: async () => {} })),
      });
      await took;
      await worker.worker.close(true); // dies mid-job: its lock is no longer renewed
    }
    const { grader } = h.worker(options);
    const view = await waitForJob(jobs, id, null, 20_000);
    expect(view).toMatchObject({ status: 'failed', error: { code: 'GROUP_STALLED' } });
    expect(view?.error?.message).toBe(`the worker grading group 0 died (killed or out of memory) more than ${deaths - 1} times; the group is not retried`);
    expect(grader.calls).toBe(0);
  });
});
