import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort } from '../../test-fixtures/api/start-app.ts';
import { queueHarness, REDIS_URL, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { mixedRequest } from '../../test-fixtures/queue/requests.ts';
import { loadConfig } from '../config/config.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import type { JobService } from '../grading/jobs.ts';
import { createRedisBarrierStore } from '../queue/barrier-store.ts';
import { createQueueJobs } from '../queue/queue-jobs.ts';
import { buildApp } from './app.ts';

let harness: QueueHarness | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await harness?.cleanup();
  harness = undefined;
});

async function serve(jobs: JobService): Promise<string> {
  app = buildApp({ jobs, config: loadConfig({ REDIS_URL, ARBITER_THREADS: '1', ARBITER_GRADE_WAIT_MS: '20000' }) });
  return listenOnFreePort(app);
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the API in queue mode', () => {
  it('answers POST /v1/grade with the bytes the embedded grader produces, graded by a queue worker', async () => {
    harness = queueHarness();
    const url = await serve(harness.jobs());
    harness.worker();
    const request = mixedRequest(3, { scale: 'batch' });
    const response = await post(`${url}/v1/grade`, request);
    expect(response.status).toBe(200);
    const grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 10_000 });
    expect(await response.text()).toBe(JSON.stringify(await grader.grade(request)));
    await grader.close();
    await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 5_000 }).toBe(200);
  });

  it('answers 503 QUEUE_UNAVAILABLE when Redis is unreachable, and /readyz 503', async () => {
    const url = await serve(createQueueJobs({ redisUrl: 'redis://127.0.0.1:1', ttlMs: 60_000, connectWaitMs: 200 }));
    const response = await post(`${url}/v1/grade`, mixedRequest(1));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('QUEUE_UNAVAILABLE');
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });
});

describe('the group barrier in queue mode', () => {
  it('joins slices sent to two API replicas into one group graded once by the workers', async () => {
    harness = queueHarness();
    const h = harness;
    const config = loadConfig({ REDIS_URL, ARBITER_THREADS: '1', ARBITER_GRADE_WAIT_MS: '20000' });
    const replicas = [0, 1].map(() => buildApp({ jobs: h.jobs(), config, barrier: createRedisBarrierStore(h.redis, h.prefix, false) }));
    try {
      const urls = await Promise.all(
        replicas.map(async (replica) => {
          return listenOnFreePort(replica);
        }),
      );
      const { grader } = h.worker();
      const task = { type: 'text' as const, answer: '42' };
      const completions = ['<think>a</think><answer>42</answer>', '41', '<think>b</think><answer>42</answer>', 'no idea'];
      const slice = (offset: number) => ({ groups: [{ task, completions: completions.slice(offset, offset + 2), group: { id: 'step9/p1', size: 4, offset } }] });
      const [first, second] = await Promise.all([post(`${urls[0]}/v1/grade`, slice(0)), post(`${urls[1]}/v1/grade`, slice(2))]);
      const a = (await first.json()) as { groups: Array<{ results: unknown[]; group: unknown }> };
      const b = (await second.json()) as { groups: Array<{ results: unknown[]; group: unknown }> };
      const local = createInProcessGrader({ threads: 1, completionTimeoutMs: 10_000 });
      const whole = await local.grade({ groups: [{ task, completions }] });
      await local.close();
      expect(a.groups[0]?.results).toEqual(whole.groups[0]?.results.slice(0, 2));
      expect(b.groups[0]?.results).toEqual(whole.groups[0]?.results.slice(2, 4));
      expect(b.groups[0]?.group).toEqual({ id: 'step9/p1', size: 4, received: 4, partial: false });
      expect(grader.calls).toBe(1);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });
});
