import { afterEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { parisRequest } from '../../test-fixtures/api/requests.ts';
import { counting, queueHarness, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { mixedRequest } from '../../test-fixtures/queue/requests.ts';
import type { GradeRequest } from '../core/schemas/request.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { waitForJob } from '../grading/jobs.ts';
import { GROUP_JOB_NAME, GROUP_QUEUE, waiterOf } from './names.ts';
import { createQueueJobs } from './queue-jobs.ts';
import { recordEvents } from '../../test-fixtures/jobs/record-events.ts';

let harness: QueueHarness | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

function setup(): QueueHarness {
  harness = queueHarness();
  return harness;
}

async function embedded(request: GradeRequest): Promise<string> {
  const grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 10_000 });
  try {
    return JSON.stringify(await grader.grade(request));
  } finally {
    await grader.close();
  }
}


describe('queue job service', () => {
  it.each([
    ['group', mixedRequest(5)],
    ['batch', mixedRequest(5, { scale: 'batch' })],
    ['batch with the verl preset', mixedRequest(4, { preset: 'verl', scale: 'batch' })],
  ])('grades through a worker with results byte-identical to the embedded grader (scale %s)', async (_name, request) => {
    const h = setup();
    const jobs = h.jobs();
    h.worker();
    const { id } = await jobs.submit(request, 'alice');
    const view = await waitForJob(jobs, id, 'alice', 20_000);
    expect(view).toMatchObject({ id, status: 'completed', progress: { groups_done: request.groups.length, groups_total: request.groups.length } });
    expect(JSON.stringify(view?.result)).toBe(await embedded(request));
  });

  it('streams one group event per group, then done; a late subscriber first gets the groups already finished', async () => {
    const h = setup();
    const jobs = h.jobs();
    h.worker();
    const { id } = await jobs.submit(mixedRequest(3), null);
    const early = recordEvents(jobs, id, null);
    await early.done;
    expect(early.events.map((e) => e.type)).toEqual(['group', 'group', 'group', 'done']);
    expect(early.events.flatMap((e) => (e.type === 'group' ? [e.index] : [])).sort()).toEqual([0, 1, 2]);
    const late = recordEvents(jobs, id, null);
    await late.done;
    expect(late.events).toEqual(early.events);
    expect(await jobs.subscribe(id, 'mallory', () => {})).toBeNull();
    expect(await jobs.get(id, 'mallory')).toBeNull();
  });

  it('sends the group events of a batch-scaled request with the final advantages, in request order', async () => {
    const h = setup();
    const jobs = h.jobs();
    h.worker();
    const { id } = await jobs.submit(mixedRequest(3, { scale: 'batch' }), null);
    const { events, done } = recordEvents(jobs, id, null);
    await done;
    const view = await jobs.get(id, null);
    expect(events).toEqual([...(view?.result?.groups ?? []).map((result, index) => ({ type: 'group', index, result })), { type: 'done', status: 'completed' }]);
  });

  it('grades a duplicate request once: the same Idempotency-Key gives the same job, and the same groups are reused by a new job', async () => {
    const h = setup();
    const jobs = h.jobs();
    const { grader } = h.worker();
    const request = mixedRequest(3);
    const first = await jobs.submit(request, 'alice', { idempotencyKey: 'step-7' });
    expect(await jobs.submit(request, 'alice', { idempotencyKey: 'step-7' })).toEqual(first);
    await waitForJob(jobs, first.id, 'alice', 20_000);
    const retried = await jobs.submit(request, 'alice');
    expect(retried.id).not.toBe(first.id);
    const [a, b] = await Promise.all([waitForJob(jobs, first.id, 'alice', 20_000), waitForJob(jobs, retried.id, 'alice', 20_000)]);
    expect(b?.status).toBe('completed');
    expect(JSON.stringify(b?.result)).toBe(JSON.stringify(a?.result));
    expect(grader.calls).toBe(3);
    await expect(jobs.submit(mixedRequest(2), 'alice', { idempotencyKey: 'step-7' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    // Another owner's key is another slot.
    expect((await jobs.submit(request, 'bob', { idempotencyKey: 'step-7' })).id).not.toBe(first.id);
  });

  it('queues what a cut-off submit left unqueued when the client retries it with its Idempotency-Key (found by the chaos run)', async () => {
    const h = setup();
    const jobs = h.jobs();
    const request = mixedRequest(3);
    const first = await jobs.submit(request, null, { idempotencyKey: 'cut-off' });
    // As if Redis went away (or the API was killed) between writing the record and queuing the groups.
    const queue = new Queue(GROUP_QUEUE, { connection: h.redis, prefix: h.prefix });
    await queue.drain();
    expect(await jobs.backlog()).toBe(0);
    expect(await jobs.submit(request, null, { idempotencyKey: 'cut-off' })).toEqual(first);
    expect(await jobs.backlog()).toBe(3);
    const { grader } = h.worker();
    expect((await waitForJob(jobs, first.id, null, 20_000))?.status).toBe('completed');
    // A retry of a job already done queues nothing and grades nothing again.
    expect(await jobs.submit(request, null, { idempotencyKey: 'cut-off' })).toEqual(first);
    expect(await jobs.backlog()).toBe(0);
    expect(grader.calls).toBe(3);
    await queue.close();
  });

  it('ends a subscription whose done message was lost: it reads the job again every few seconds (found by the chaos run)', async () => {
    const h = setup();
    const jobs = h.jobs();
    const { id } = await jobs.submit(mixedRequest(1), null, { priority: 3 });
    const { events, done } = recordEvents(jobs, id, null);
    await new Promise((resolve) => setTimeout(resolve, 200)); // subscribed
    // The job cancelled behind pub/sub's back: no message is published.
    await h.redis.hset(`${h.prefix}:req:${id}`, 'status', 'cancelled', 'finishedMs', String(Date.now()));
    const started = Date.now();
    await done;
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(events).toEqual([{ type: 'done', status: 'cancelled' }]);
  });

  it('streams group events in one order for every subscriber even when a message was lost, so a resumed stream skips exactly what it got', async () => {
    const h = setup();
    const jobs = h.jobs();
    h.worker();
    await waitForJob(jobs, (await jobs.submit(parisRequest(1), null)).id, null, 20_000); // the worker is warm
    const queue = new Queue(GROUP_QUEUE, { connection: h.redis, prefix: h.prefix });
    await queue.pause();
    const request = mixedRequest(3);
    const { id } = await jobs.submit(request, null);
    const group0 = JSON.parse(await embedded({ groups: [request.groups[0]!] })) as { groups: unknown[] };
    const early = recordEvents(jobs, id, null);
    await new Promise((resolve) => setTimeout(resolve, 300)); // subscribed
    // Group 0 becomes final behind pub/sub's back (its message lost): first in the order, never published;
    // the subscription's own read of the job comes only every 5 s.
    const key = `${h.prefix}:req:${id}`;
    await h.redis.multi().hset(`${key}:groups`, '0', JSON.stringify(group0.groups[0])).rpush(`${key}:order`, '0').hincrby(key, 'done', 1).exec();
    const started = Date.now();
    await queue.resume(); // groups 1 and 2 are published: the stream reads group 0 back before them
    await early.done;
    expect(Date.now() - started).toBeLessThan(4_000); // not left to the catch-up every 5 s
    const late = recordEvents(jobs, id, null);
    await late.done;
    const order = (events: typeof late.events) => events.map((e) => (e.type === 'group' ? e.index : e.status));
    expect(order(late.events)).toEqual([0, expect.any(Number), expect.any(Number), 'completed']);
    expect(early.events).toEqual(late.events);
    await queue.close();
  });

  it('grades two identical groups of one request once and delivers both', async () => {
    const h = setup();
    const jobs = h.jobs();
    const { grader } = h.worker();
    const request = parisRequest(1);
    const twice: GradeRequest = { groups: [request.groups[0]!, request.groups[0]!] };
    const { id } = await jobs.submit(twice, null);
    const view = await waitForJob(jobs, id, null, 20_000);
    expect(JSON.stringify(view?.result)).toBe(await embedded(twice));
    expect(grader.calls).toBe(1);
  });

  it('cancels a queued request: its waiting group jobs are removed and it reports cancelled', async () => {
    const h = setup();
    const jobs = h.jobs();
    const { id } = await jobs.submit(mixedRequest(3), null);
    const { events, done } = recordEvents(jobs, id, null);
    expect(await jobs.cancel(id, 'mallory')).toBe(false);
    expect(await jobs.cancel(id, null)).toBe(true);
    await done;
    expect(events).toEqual([{ type: 'done', status: 'cancelled' }]);
    expect(await jobs.get(id, null)).toMatchObject({ status: 'cancelled', progress: { groups_done: 0, groups_total: 3 } });
    expect(await jobs.cancel(id, null)).toBe(false);
    const queue = new Queue(GROUP_QUEUE, { connection: h.redis, prefix: h.prefix });
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 0 });
    await queue.close();
  });

  it('keeps a group job that another request still waits on when one of them is cancelled', async () => {
    const h = setup();
    const jobs = h.jobs();
    const request = mixedRequest(2);
    const cancelled = await jobs.submit(request, null);
    const kept = await jobs.submit(request, null);
    expect(await jobs.cancel(cancelled.id, null)).toBe(true);
    const { grader } = h.worker();
    expect((await waitForJob(jobs, kept.id, null, 20_000))?.status).toBe('completed');
    expect(grader.calls).toBe(2);
  });

  it('never strands a request that joins a group job while another request cancels it (the cancel race)', async () => {
    const h = setup();
    const jobs = h.jobs();
    const rounds = 12;
    const joined: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const request: GradeRequest = { groups: mixedRequest(1).groups.map((g) => ({ ...g, id: `round${round}` })) };
      const first = await jobs.submit(request, null);
      // The cancel and the joining request run at once, with the joiner a little later each round.
      const [cancelled, second] = await Promise.all([
        jobs.cancel(first.id, null),
        new Promise((resolve) => setTimeout(resolve, round % 4)).then(() => jobs.submit(request, null)),
      ]);
      expect(cancelled).toBe(true);
      joined.push(second.id);
    }
    h.worker();
    for (const id of joined) expect((await waitForJob(jobs, id, null, 20_000))?.status).toBe('completed');
  });

  it('settles a cancel racing the worker that completes the request: one final status, one done event, and DELETE tells which', async () => {
    const h = setup();
    const jobs = h.jobs();
    h.worker({ concurrency: 4 });
    for (let round = 0; round < 12; round++) {
      const request: GradeRequest = { groups: mixedRequest(1).groups.map((g) => ({ ...g, id: `race${round}` })) };
      const { id } = await jobs.submit(request, null);
      const { events, done } = recordEvents(jobs, id, null);
      await new Promise((resolve) => setTimeout(resolve, round * 3));
      const cancelled = await jobs.cancel(id, null);
      await done;
      const view = await jobs.get(id, null);
      expect(view?.status).toBe(cancelled ? 'cancelled' : 'completed');
      expect(events.filter((e) => e.type === 'done')).toEqual([{ type: 'done', status: view?.status }]);
      if (cancelled) expect(view?.result).toBeUndefined();
    }
  });

  it('hands group jobs to workers by priority (lower first), equal priorities in submission order', async () => {
    const h = setup();
    const jobs = h.jobs();
    const named = (prefix: string, groups: number): GradeRequest => ({ groups: mixedRequest(groups).groups.map((g, i) => ({ ...g, id: `${prefix}${i}` })) });
    const late = await jobs.submit(named('late', 2), null, { priority: 10 });
    const urgent = await jobs.submit(named('urgent', 1), null, { priority: 1 });
    const plain = await jobs.submit(named('plain', 1), null);
    const order: string[] = [];
    h.worker({
      concurrency: 1,
      wrapGrader: (real) => counting({ grade: (request, options) => (order.push(request.groups[0]?.id ?? '?'), real.grade(request, options)), close: () => real.close() }),
    });
    for (const { id } of [late, urgent, plain]) expect((await waitForJob(jobs, id, null, 20_000))?.status).toBe('completed');
    expect(order).toEqual(['plain0', 'urgent0', 'late0', 'late1']);
  });

  it('fails a request whose reward settings are inconsistent, as the embedded service does', async () => {
    const h = setup();
    const jobs = h.jobs();
    const { id } = await jobs.submit({ ...parisRequest(1), rewards: { length: { max_length: 10, cache_length: 20 } } }, null);
    expect((await jobs.get(id, null))?.error?.code).toBe('REWARDS_INVALID');
  });

  it('fails an invalid job payload at once (no retry), and the request waiting on it with REQUEST_INVALID', async () => {
    const h = setup();
    const jobs = h.jobs();
    const { id } = await jobs.submit(parisRequest(1), null);
    const view = await jobs.get(id, null);
    expect(view?.status).toBe('queued');
    // Replace the queued job by a malformed one with the same waiters.
    const queue = new Queue(GROUP_QUEUE, { connection: h.redis, prefix: h.prefix });
    const [jobId] = (await queue.getJobs(['waiting'])).map((j) => j.id);
    await queue.remove(jobId!);
    await h.redis.sadd(`${h.prefix}:grp:bad:waiters`, waiterOf(id, 0));
    await queue.add(GROUP_JOB_NAME, { v: 1, group: { completions: [] } }, { jobId: 'bad', attempts: 3 });
    const { worker } = h.worker();
    const failed = new Promise<number>((resolve) => worker.worker.on('failed', (job) => resolve(job?.attemptsMade ?? -1)));
    expect(await failed).toBe(1);
    const final = await waitForJob(jobs, id, null, 10_000);
    expect(final?.status).toBe('failed');
    expect(final?.error?.code).toBe('REQUEST_INVALID');
    await queue.close();
  });

  it('is ready once Redis answers and a worker is connected', async () => {
    const h = setup();
    const jobs = h.jobs();
    await jobs.submit(parisRequest(1), null); // connected
    expect(await jobs.ready()).toBe(false);
    const { worker } = h.worker();
    await worker.worker.waitUntilReady();
    await expect.poll(() => jobs.ready(), { timeout: 5_000 }).toBe(true);
  });

  it('answers QUEUE_UNAVAILABLE at once when Redis is unreachable', async () => {
    const jobs = createQueueJobs({ redisUrl: 'redis://127.0.0.1:1', ttlMs: 60_000, connectWaitMs: 200 });
    try {
      const started = Date.now();
      await expect(jobs.submit(parisRequest(1), null)).rejects.toMatchInlineSnapshot(`[AppError: the queue (Redis) is unreachable]`);
      await expect(jobs.get('x', null)).rejects.toMatchObject({ code: 'QUEUE_UNAVAILABLE', status: 503 });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await jobs.ready()).toBe(false);
    } finally {
      await jobs.close();
    }
  });
});
