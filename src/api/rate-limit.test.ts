import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort, startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';
import { queueHarness, REDIS_URL, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { loadConfig } from '../config/config.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { createInProcessJobs } from '../grading/jobs-in-process.ts';
import { producerConnection } from '../queue/connections.ts';
import { createRedisRateCounter } from '../queue/rate-counter.ts';
import { buildApp } from './app.ts';
import type { RateCounter } from './rate-limit.ts';

let server: TestServer | undefined;
let harness: QueueHarness | undefined;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  await Promise.all(apps.splice(0).map((app) => app.close()));
  await harness?.cleanup();
  harness = undefined;
});

const LIMITED = { ARBITER_API_KEYS: 'key-one,key-two', ARBITER_RATE_LIMIT: '2', ARBITER_RATE_LIMIT_WINDOW_MS: '60000' };

/** An embedded API (on a real port) whose rate limit counts with `counter`. */
async function serveWith(counter: RateCounter): Promise<string> {
  const config = loadConfig({ ...LIMITED, ARBITER_THREADS: '1' });
  const app = buildApp({ jobs: createInProcessJobs(createInProcessGrader({ threads: 1, completionTimeoutMs: 5_000 }), { ttlMs: 60_000 }), config, rateCounter: counter });
  apps.push(app);
  return listenOnFreePort(app);
}

const get = (url: string, key: string) => fetch(`${url}/v1/jobs/no-such-job`, { headers: { authorization: `Bearer ${key}` } });

describe('rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a key has sent its requests for the window; other keys and /healthz go on', async () => {
    server = await startApp(LIMITED);
    const first = await server.call('/v1/jobs/no-such-job', { key: 'key-one' });
    expect(first.status).toBe(404);
    expect([first.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-remaining')]).toEqual(['2', '1']);
    expect((await server.call('/v1/jobs/no-such-job', { key: 'key-one' })).headers.get('x-ratelimit-remaining')).toBe('0');
    const limited = await server.call('/v1/jobs/no-such-job', { key: 'key-one', headers: { 'x-request-id': 'r429' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "RATE_LIMITED",
          "message": "this key sent more than 2 requests in 60000 ms (ARBITER_RATE_LIMIT); retry after Retry-After seconds",
          "request_id": "r429",
        },
      }
    `);
    expect((await server.call('/v1/jobs/no-such-job', { key: 'key-two' })).status).toBe(404);
    for (let i = 0; i < 3; i++) expect((await server.call('/healthz')).status).toBe(200);
  });

  it('is off by default: no limit and no rate-limit headers', async () => {
    server = await startApp();
    for (let i = 0; i < 5; i++) {
      const response = await server.call('/v1/jobs/no-such-job');
      expect(response.status).toBe(404);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });

  it('counts in Redis in queue mode, so every API replica draws on the same budget', async () => {
    harness = queueHarness();
    const counter = () => createRedisRateCounter(producerConnection(REDIS_URL), harness?.prefix ?? 'x');
    const [a, b] = [await serveWith(counter()), await serveWith(counter())];
    expect((await get(a, 'key-one')).status).toBe(404);
    expect((await get(b, 'key-one')).status).toBe(404);
    expect((await get(a, 'key-one')).status).toBe(429);
    expect((await get(b, 'key-one')).status).toBe(429);
    expect((await get(b, 'key-two')).status).toBe(404);
  });

  it('lets requests through while the counter is unreachable, rather than refusing them', async () => {
    const url = await serveWith(createRedisRateCounter(producerConnection('redis://127.0.0.1:1'), 'x'));
    for (let i = 0; i < 3; i++) expect((await get(url, 'key-one')).status).toBe(404);
  });
});
