import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort, readEvents } from '../../test-fixtures/api/start-app.ts';
import { hasRedisServer, ownRedis, type OwnRedis } from '../../test-fixtures/queue/own-redis.ts';
import { counting, startGradingWorker } from '../../test-fixtures/queue/redis-harness.ts';
import { mixedRequest } from '../../test-fixtures/queue/requests.ts';
import { loadConfig } from '../config/config.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { createQueueJobs } from '../queue/queue-jobs.ts';
import { buildApp } from './app.ts';

let redis: OwnRedis | undefined;
let app: FastifyInstance | undefined;
let worker: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await app?.close();
  await worker?.close();
  await redis?.stop();
  redis?.remove();
  [app, worker, redis] = [undefined, undefined, undefined];
});

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.skipIf(!hasRedisServer())('the API in queue mode across a Redis restart', () => {
  it('answers 503 while Redis is down, then works again; a job accepted before is graded once after, and its stream ends with it', async () => {
    const own = await ownRedis();
    redis = own;
    await own.start();
    const prefix = 'restart';
    app = buildApp({
      jobs: createQueueJobs({ redisUrl: own.url, prefix, ttlMs: 60_000, connectWaitMs: 300 }),
      config: loadConfig({ REDIS_URL: own.url, ARBITER_THREADS: '1', ARBITER_GRADE_WAIT_MS: '20000' }),
    });
    const url = await listenOnFreePort(app);

    // Accepted while no worker runs: it waits in Redis.
    const accepted = await post(`${url}/v1/jobs`, mixedRequest(3));
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    const stream = readEvents(await fetch(`${url}/v1/jobs/${id}/events`));
    await expect.poll(() => own.subscribers(`${prefix}:events:${id}`), { timeout: 5_000, interval: 20 }).toBe(1);

    await own.stop();
    const started = Date.now();
    const refused = await post(`${url}/v1/grade`, mixedRequest(1));
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('QUEUE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5_000); // fails fast, does not hang
    expect((await fetch(`${url}/v1/jobs/${id}`)).status).toBe(503);
    expect((await fetch(`${url}/readyz`)).status).toBe(503);

    // A worker started while Redis is down waits for it.
    const grading = counting(createInProcessGrader({ threads: 1, completionTimeoutMs: 10_000 }));
    worker = startGradingWorker(own.url, prefix, grading);
    await own.start();

    await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 20_000, interval: 200 }).toBe(200);
    const { events } = await stream;
    expect(events.filter((e) => e.event === 'group').map((e) => (e.data as { index: number }).index).sort()).toEqual([0, 1, 2]);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'completed' } });
    const view = (await (await fetch(`${url}/v1/jobs/${id}`)).json()) as { status: string; result: unknown };
    const grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 10_000 });
    expect(view.status).toBe('completed');
    expect(JSON.stringify(view.result)).toBe(JSON.stringify(await grader.grade(mixedRequest(3))));
    await grader.close();
    const after = await post(`${url}/v1/grade`, mixedRequest(4));
    expect(after.status).toBe(200);
    expect(grading.calls).toBe(4); // each group once: the first three reused from before the restart
  }, 60_000);
});
