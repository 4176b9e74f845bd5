/**
 * Queue-mode test harness over the real Redis on 127.0.0.1:6379: a fresh key prefix per test (runs never
 * meet), in-process grading workers, a grader that counts its calls, and `cleanup()` deleting every key
 * of the prefix.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Grader } from '../../src/grading/grader.ts';
import { createInProcessGrader } from '../../src/grading/in-process-grader.ts';
import type { JobService } from '../../src/grading/jobs.ts';
import { createQueueJobs, type QueueJobsOptions } from '../../src/queue/queue-jobs.ts';
import { createGradingWorker, type GradingWorker } from '../../src/worker/worker.ts';

export const REDIS_URL = process.env['ARBITER_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A grader that counts `grade` calls (one per group job graded). */
export interface CountingGrader extends Grader {
  readonly calls: number;
}

export function counting(inner: Grader): CountingGrader {
  let calls = 0;
  return {
    grade(request, options) {
      calls += 1;
      return inner.grade(request, options);
    },
    close: () => inner.close(),
    get calls() {
      return calls;
    },
  };
}

export interface QueueHarness {
  readonly prefix: string;
  /** A raw connection for inspecting keys. */
  readonly redis: Redis;
  /** Builds a queue job service on this prefix. */
  jobs(options?: Partial<QueueJobsOptions>): JobService;
  /** Builds and starts an in-process worker on this prefix, grading with a counting real grader. */
  worker(options?: { stalledMs?: number; maxStalls?: number; concurrency?: number; wrapGrader?: (grader: Grader) => CountingGrader }): { worker: GradingWorker; grader: CountingGrader };
  /** Closes everything built here and deletes the prefix's keys. */
  cleanup(): Promise<void>;
}

export function queueHarness(): QueueHarness {
  const prefix = `arbiter-test-${randomUUID()}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const closers: (() => Promise<void>)[] = [];
  return {
    prefix,
    redis,
    jobs(options = {}) {
      const service = createQueueJobs({ redisUrl: REDIS_URL, ttlMs: 60_000, prefix, ...options });
      closers.push(() => service.close());
      return service;
    },
    worker(options = {}) {
      const real = createInProcessGrader({ threads: 1, completionTimeoutMs: 10_000 });
      const grader = options.wrapGrader?.(real) ?? counting(real);
      const worker = createGradingWorker({
        redisUrl: REDIS_URL,
        grader,
        prefix,
        concurrency: options.concurrency ?? 2,
        resultTtlMs: 60_000,
        stalledMs: options.stalledMs ?? 30_000,
        ...(options.maxStalls === undefined ? {} : { maxStalls: options.maxStalls }),
      });
      void worker.run();
      closers.push(() => worker.close());
      return { worker, grader };
    },
    async cleanup() {
      await Promise.allSettled(closers.splice(0).reverse().map((close) => close()));
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (found.length > 0) await redis.del(...found);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

/** A grader whose first `failures` calls throw a plain (transient) error, then delegates. */
export function flaky(inner: Grader, failures: number): CountingGrader {
  let calls = 0;
  return {
    grade(request, options) {
      calls += 1;
      return calls <= failures ? Promise.reject(new Error('transient fault (test)')) : inner.grade(request, options);
    },
    close: () => inner.close(),
    get calls() {
      return calls;
    },
  };
}

/** A grading worker on any Redis (tests with a Redis of their own), started; the caller closes it. */
export function startGradingWorker(redisUrl: string, prefix: string, grader: Grader): GradingWorker {
  const worker = createGradingWorker({ redisUrl, grader, prefix, concurrency: 2, resultTtlMs: 60_000, onError: () => {} });
  void worker.run().catch(() => {});
  return worker;
}
