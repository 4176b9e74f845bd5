import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('queue configuration', () => {
  it('is embedded by default, with 2 × threads groups at once per worker and a 30 s stall lock', () => {
    expect(loadConfig({ ARBITER_THREADS: '3' })).toMatchObject({ redisUrl: null, queuePrefix: 'arbiter', workerConcurrency: 6, workerStalledMs: 30_000, workerMaxStalls: 2 });
  });

  it('reads REDIS_URL, the key prefix, the concurrency, the stall lock and the deaths allowed', () => {
    const env = { REDIS_URL: 'redis://cache:6379/2', ARBITER_QUEUE_PREFIX: 'prod', ARBITER_WORKER_CONCURRENCY: '5', ARBITER_WORKER_STALLED_MS: '5000', ARBITER_WORKER_MAX_STALLS: '0' };
    expect(loadConfig(env)).toMatchObject({ redisUrl: 'redis://cache:6379/2', queuePrefix: 'prod', workerConcurrency: 5, workerStalledMs: 5_000, workerMaxStalls: 0 });
  });

  it('refuses a URL that is not redis:// and a concurrency of 0, naming the variables', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ARBITER_WORKER_CONCURRENCY: '0' })).toThrowErrorMatchingInlineSnapshot(`[AppError: invalid environment: ARBITER_WORKER_CONCURRENCY: must be 1..1024]`);
    expect(() => loadConfig({ ARBITER_WORKER_MAX_STALLS: '1001' })).toThrowErrorMatchingInlineSnapshot(`[AppError: invalid environment: ARBITER_WORKER_MAX_STALLS: must be 0..1000]`);
  });
});
