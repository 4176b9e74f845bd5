import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { queueHarness, REDIS_URL, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { mixedRequest } from '../../test-fixtures/queue/requests.ts';
import { loadConfig } from '../config/config.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import type { JobService } from '../grading/jobs.ts';
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
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
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
