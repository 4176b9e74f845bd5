import { afterEach, describe, expect, it } from 'vitest';
import { gate, type GatedGrader } from '../../test-fixtures/api/gated-grader.ts';
import { startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';
import { queueHarness, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { mixedRequest } from '../../test-fixtures/queue/requests.ts';
import { createAdmission } from './admission.ts';

let server: TestServer | undefined;
let harness: QueueHarness | undefined;
afterEach(async () => {
  await server?.close();
  await harness?.cleanup();
  [server, harness] = [undefined, undefined];
});

describe('load shedding (ARBITER_MAX_QUEUED_GROUPS)', () => {
  it('refuses work with 503 OVERLOADED and Retry-After while the backlog is at the limit, answers reads, and takes work again once it drains', async () => {
    let gated: GatedGrader | undefined;
    // One group with the grader at a time, held at the gate: the others wait in the backlog.
    server = await startApp(
      { ARBITER_MAX_QUEUED_GROUPS: '3' },
      { wrapGrader: (g) => (gated = gate(g)), jobs: { maxGroupsInFlight: 1 } },
    );
    const s = server;
    const accepted = await s.call('/v1/jobs', { json: mixedRequest(4) }); // 1 with the grader, 3 waiting
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    await expect.poll(() => s.jobs.backlog(), { timeout: 5_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 150)); // past the admission's cached reading

    for (const [path, json] of [
      ['/v1/jobs', mixedRequest(1)],
      ['/v1/grade', mixedRequest(1)],
      ['/get_reward', { query: ['x'], prompts: ['x'], labels: ['Paris'] }],
    ] as const) {
      const refused = await s.call(path, { json });
      expect(refused.status, path).toBe(503);
      expect(refused.headers.get('retry-after'), path).toBe('1');
      expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'OVERLOADED',
        message: '3 groups are waiting for a grader (ARBITER_MAX_QUEUED_GROUPS is 3); retry after Retry-After seconds',
      });
    }
    // Reads and work that grades nothing still answer.
    expect((await s.call(`/v1/jobs/${id}`)).status).toBe(200);
    expect((await s.call('/v1/advantages', { json: { groups: [{ rewards: [1, 0] }] } })).status).toBe(200);

    gated?.open();
    await expect.poll(async () => (await s.call(`/v1/jobs/${id}`).then((r) => r.json() as Promise<{ status: string }>)).status, { timeout: 10_000 }).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await s.call('/v1/grade', { json: mixedRequest(2) })).status).toBe(200);
  });

  it('is off with 0, and a backlog that cannot be read lets the request through to the job service', async () => {
    const reply = { header: () => reply } as never;
    await expect(createAdmission({ maxQueuedGroups: 0, backlog: async () => 1e9 })(null as never, reply)).resolves.toBeUndefined();
    const faults: unknown[] = [];
    const admit = createAdmission({ maxQueuedGroups: 1, backlog: () => Promise.reject(new Error('redis down')), onError: (e) => faults.push(e) });
    await expect(admit(null as never, reply)).resolves.toBeUndefined();
    expect(faults).toHaveLength(1);
  });

  it('reads the backlog at most once per refresh interval, and again after it', async () => {
    let reads = 0;
    let now = 0;
    const admit = createAdmission({ maxQueuedGroups: 10, backlog: async () => (reads++, 5), refreshMs: 100, clock: () => now });
    const reply = { header: () => reply } as never;
    await Promise.all([admit(null as never, reply), admit(null as never, reply), admit(null as never, reply)]);
    expect(reads).toBe(1);
    now = 99;
    await admit(null as never, reply);
    expect(reads).toBe(1);
    now = 100;
    await admit(null as never, reply);
    expect(reads).toBe(2);
  });

  it('counts the cluster-wide backlog of the queue: group jobs waiting for a worker', async () => {
    harness = queueHarness();
    const jobs = harness.jobs();
    expect(await jobs.backlog()).toBe(0);
    await jobs.submit(mixedRequest(3), null);
    await jobs.submit(mixedRequest(5), null, { priority: 7 }); // 3 of its groups are the same content as the first request's
    expect(await jobs.backlog()).toBe(5);
    harness.worker();
    await expect.poll(() => jobs.backlog(), { timeout: 10_000 }).toBe(0);
  });
});
