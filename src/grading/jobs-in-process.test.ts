import { afterEach, describe, expect, it } from 'vitest';
import { gate } from '../../test-fixtures/api/gated-grader.ts';
import { parisRequest, RIGHT, WRONG } from '../../test-fixtures/api/requests.ts';
import { createInProcessGrader } from './in-process-grader.ts';
import { createInProcessJobs, type InProcessJobsOptions } from './jobs-in-process.ts';
import { waitForJob, type JobService } from './jobs.ts';
import type { Grader } from './grader.ts';
import { recordEvents } from '../../test-fixtures/jobs/record-events.ts';

let jobs: JobService | undefined;
afterEach(async () => {
  await jobs?.close();
  jobs = undefined;
});

function realGrader(): Grader {
  return createInProcessGrader({ threads: 1, completionTimeoutMs: 5_000 });
}

function start(grader: Grader = realGrader(), options: Partial<InProcessJobsOptions> = {}): JobService {
  jobs = createInProcessJobs(grader, { ttlMs: 60_000, ...options });
  return jobs;
}


describe('in-process job service', () => {
  it('grades a submitted job and reports its result, progress and timestamps', async () => {
    const service = start();
    const { id } = await service.submit(parisRequest(2), 'alice');
    const view = await waitForJob(service, id, 'alice', Infinity);
    expect(view).toMatchObject({ id, status: 'completed', progress: { groups_done: 2, groups_total: 2 } });
    expect(view?.result?.groups.map((g) => g.results.map((r) => r.status))).toEqual([
      ['correct', 'incorrect', 'correct', 'incorrect'],
      ['correct', 'incorrect', 'correct', 'incorrect'],
    ]);
    expect(Date.parse(view?.finished_at ?? '')).toBeGreaterThanOrEqual(Date.parse(view?.created_at ?? ''));
  });

  it('streams one group event per group, then one done; a late subscriber first gets the groups already finished', async () => {
    const service = start();
    const { id } = await service.submit(parisRequest(3), null);
    const early = recordEvents(service, id, null);
    await early.done;
    expect(early.events.map((e) => e.type)).toEqual(['group', 'group', 'group', 'done']);
    expect(early.events.filter((e) => e.type === 'group').map((e) => e.index).sort()).toEqual([0, 1, 2]);
    const late = recordEvents(service, id, null);
    await late.done;
    expect(late.events).toEqual(early.events);
  });

  it('gives the same job for the same idempotency key and owner, and grades it once', async () => {
    const gated = gate(realGrader());
    const service = start(gated);
    const first = await service.submit(parisRequest(1), 'alice', { idempotencyKey: 'step-7' });
    const again = await service.submit(parisRequest(1), 'alice', { idempotencyKey: 'step-7' });
    const otherOwner = await service.submit(parisRequest(1), 'bob', { idempotencyKey: 'step-7' });
    expect(again.id).toBe(first.id);
    expect(otherOwner.id).not.toBe(first.id);
    gated.open();
    await waitForJob(service, first.id, 'alice', Infinity);
    await waitForJob(service, otherOwner.id, 'bob', Infinity);
    // Two jobs (alice's, submitted twice, and bob's), two gradings, each of 2 correct and 2 incorrect.
    expect(gated.calls).toBe(2);
    expect((await service.stats()).completions).toEqual({ correct: 4, incorrect: 4 });
  });

  it('refuses an idempotency key reused for a different request', async () => {
    const service = start();
    await service.submit(parisRequest(1), 'alice', { idempotencyKey: 'k' });
    await expect(service.submit(parisRequest(2), 'alice', { idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
  });

  it("hides another owner's job: get, subscribe and cancel answer as for a missing job", async () => {
    const service = start();
    const { id } = await service.submit(parisRequest(1), 'alice');
    expect(await service.get(id, 'bob')).toBeNull();
    expect(await service.get(id, null)).toBeNull();
    expect(await service.subscribe(id, 'bob', () => {})).toBeNull();
    expect(await service.cancel(id, 'bob')).toBe(false);
    expect(await service.get('no-such-job', 'alice')).toBeNull();
  });

  it('cancels a queued job before it reaches the grader', async () => {
    const gated = gate(realGrader());
    const service = start(gated, { maxGroupsInFlight: 1 });
    const running = await service.submit(parisRequest(1), null);
    const queued = await service.submit(parisRequest(1), null);
    expect((await service.get(queued.id, null))?.status).toBe('queued');
    const events = recordEvents(service, queued.id, null);
    expect(await service.cancel(queued.id, null)).toBe(true);
    await events.done;
    expect(events.events).toEqual([{ type: 'done', status: 'cancelled' }]);
    gated.open();
    await waitForJob(service, running.id, null, Infinity);
    expect(gated.calls).toBe(1);
    expect(await service.cancel(queued.id, null)).toBe(false);
  });

  it('marks a running job cancelled and drops the results that arrive after', async () => {
    const gated = gate(realGrader());
    const service = start(gated);
    const { id } = await service.submit(parisRequest(2), null);
    expect((await service.get(id, null))?.status).toBe('running');
    expect(await service.cancel(id, null)).toBe(true);
    gated.open();
    const other = await service.submit(parisRequest(1), null);
    await waitForJob(service, other.id, null, Infinity);
    expect(await service.get(id, null)).toMatchObject({ status: 'cancelled', progress: { groups_done: 0, groups_total: 2 } });
    expect((await service.get(id, null))?.result).toBeUndefined();
  });

  it('stops a cancelled running job: its groups not yet with the grader are never graded', async () => {
    const gated = gate(realGrader());
    const service = start(gated, { maxGroupsInFlight: 1 });
    const { id } = await service.submit(parisRequest(3), null);
    expect((await service.get(id, null))?.status).toBe('running');
    expect(await service.cancel(id, null)).toBe(true);
    gated.open();
    const other = await service.submit(parisRequest(1), null);
    await waitForJob(service, other.id, null, Infinity);
    expect(gated.calls).toBe(2); // the cancelled job's first group (already started) and the other job's
    expect(await service.get(id, null)).toMatchObject({ status: 'cancelled', progress: { groups_done: 0, groups_total: 3 } });
  });

  it('hands groups to the grader by priority (lower first), equal priorities in submission order', async () => {
    const order: string[] = [];
    const gated = gate(realGrader());
    const recording: Grader = {
      grade: (request, options) => (order.push(request.groups[0]?.id ?? '?'), gated.grade(request, options)),
      close: () => gated.close(),
    };
    const service = start(recording, { maxGroupsInFlight: 1 });
    const named = (prefix: string, groups: number) => ({ groups: parisRequest(groups).groups.map((g, i) => ({ ...g, id: `${prefix}${i}` })) });
    const first = await service.submit(named('first', 1), null, { priority: 5 }); // starts at once: nothing else waits
    const late = await service.submit(named('late', 2), null, { priority: 5 });
    const urgent = await service.submit(named('urgent', 1), null, { priority: 1 });
    const plain = await service.submit(named('plain', 1), null);
    gated.open();
    for (const { id } of [first, late, urgent, plain]) expect((await waitForJob(service, id, null, Infinity))?.status).toBe('completed');
    expect(order).toEqual(['first0', 'plain0', 'urgent0', 'late0', 'late1']);
  });

  it('gives the bytes of the whole-request grader when grading group by group (scale batch)', async () => {
    const service = start(realGrader(), { maxGroupsInFlight: 2 });
    const request = { ...parisRequest(3), advantage: { scale: 'batch' as const } };
    request.groups[1] = { ...request.groups[1]!, completions: [RIGHT, RIGHT, RIGHT, WRONG] };
    const { id } = await service.submit(request, null);
    const { events, done } = recordEvents(service, id, null);
    await done;
    const view = await service.get(id, null);
    const grader = realGrader();
    expect(JSON.stringify(view?.result)).toBe(JSON.stringify(await grader.grade(request)));
    await grader.close();
    expect(events).toEqual([...(view?.result?.groups ?? []).map((result, index) => ({ type: 'group', index, result })), { type: 'done', status: 'completed' }]);
  });

  it('fails a job the grader rejects as a bad request, with its code and message', async () => {
    const service = start();
    const { id } = await service.submit({ ...parisRequest(1), rewards: { length: { max_length: 10, cache_length: 20 } } }, null);
    const view = await waitForJob(service, id, null, Infinity);
    expect(view?.status).toBe('failed');
    expect(view?.error?.code).toBe('REWARDS_INVALID');
  });

  it('forgets a finished job once its TTL has passed', async () => {
    let now = 1_000_000;
    const service = start(realGrader(), { ttlMs: 5_000, clock: () => now });
    const { id } = await service.submit(parisRequest(1), null, { idempotencyKey: 'k' });
    await waitForJob(service, id, null, Infinity);
    now += 4_999;
    expect((await service.get(id, null))?.status).toBe('completed');
    now += 1;
    expect(await service.get(id, null)).toBeNull();
    const resubmitted = await service.submit(parisRequest(1), null, { idempotencyKey: 'k' });
    expect(resubmitted.id).not.toBe(id);
  });

  it('lets running jobs finish on close', async () => {
    const service = start();
    const { id } = await service.submit(parisRequest(2), null);
    await service.close();
    expect((await service.get(id, null))?.status).toBe('completed');
    jobs = undefined;
  });

  it('fails jobs still unfinished after the drain on close, ends their subscriptions, and refuses new work', async () => {
    const gated = gate(realGrader());
    const service = start(gated, { drainMs: 20 });
    const { id } = await service.submit(parisRequest(1), null);
    const events = recordEvents(service, id, null);
    await service.close();
    await events.done;
    expect(events.events).toEqual([{ type: 'done', status: 'failed' }]);
    expect(await service.ready()).toBe(false);
    await expect(service.submit(parisRequest(1), null)).rejects.toMatchObject({ code: 'GRADER_CLOSED' });
    jobs = undefined;
  });
});
