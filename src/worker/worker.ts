/**
 * The grading worker, built and not started: a BullMQ Worker over the group queue with the
 * in-process grader. `run()` starts consuming; `close()` stops taking jobs, lets active ones finish,
 * then closes the grader and the connection.
 */
import { Worker } from 'bullmq';
import type { Grader } from '../grading/grader.ts';
import { workerConnection } from '../queue/connections.ts';
import { DEFAULT_PREFIX, GROUP_QUEUE } from '../queue/names.ts';
import { createRequestStore } from '../queue/request-store.ts';
import { createGroupProcessor, failedJobError } from './processor.ts';

/** A job whose worker died more often than this (its lock lapsed) is failed, with its requests (GROUP_STALLED), unless `maxStalls` says otherwise. */
export const DEFAULT_MAX_STALLS = 2;

export interface GradingWorkerOptions {
  readonly redisUrl: string;
  readonly grader: Grader;
  /** Group jobs processed at once (`ARBITER_WORKER_CONCURRENCY`). */
  readonly concurrency: number;
  /** How long a graded group is kept for reuse (`ARBITER_JOB_TTL_MS`), ms. */
  readonly resultTtlMs: number;
  /** Lock duration of an active job (`ARBITER_WORKER_STALLED_MS`); the stalled check runs every half of it. Default 30000. */
  readonly stalledMs?: number;
  /** Deaths of a job's worker after which the job fails with GROUP_STALLED (`ARBITER_WORKER_MAX_STALLS`). Default 2. */
  readonly maxStalls?: number;
  /** Key prefix. Default `arbiter`. */
  readonly prefix?: string;
  /** Hears job failures and connection faults. */
  readonly onError?: (error: unknown, jobId?: string) => void;
}

export interface GradingWorker {
  /** Starts consuming; resolves when the worker has stopped. */
  run(): Promise<void>;
  /** Stops taking jobs, waits for the active ones, releases the grader and Redis. */
  close(): Promise<void>;
  /** The BullMQ worker (events, tests). */
  readonly worker: Worker;
}

/**
 * @example
 * const worker = createGradingWorker({ redisUrl, grader: createInProcessGrader({ threads: 4, completionTimeoutMs: 10_000 }), concurrency: 8, resultTtlMs: 3_600_000 });
 * void worker.run(); process.once('SIGTERM', () => void worker.close());
 */
export function createGradingWorker(options: GradingWorkerOptions): GradingWorker {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const onError = options.onError ?? (() => {});
  const redis = workerConnection(options.redisUrl, (error) => onError(error));
  const stalledMs = options.stalledMs ?? 30_000;
  const maxStalls = options.maxStalls ?? DEFAULT_MAX_STALLS;
  const processor = createGroupProcessor({ grader: options.grader, redis, prefix, resultTtlMs: options.resultTtlMs, onError });
  const worker = new Worker(GROUP_QUEUE, processor, {
    connection: redis,
    prefix,
    concurrency: options.concurrency,
    autorun: false,
    lockDuration: stalledMs,
    stalledInterval: Math.max(50, Math.floor(stalledMs / 2)),
    maxStalledCount: maxStalls,
  });
  worker.on('error', (error) => onError(error));
  // Every way a group job fails for good ends here, also those where the processor never ran (stalled too
  // often): its requests fail with a clear error instead of waiting forever. Requests the processor already
  // failed (refused payloads) are no longer among the waiters.
  const store = createRequestStore(redis, prefix);
  worker.on('failed', (job, error) => {
    if (job?.id === undefined || typeof job.finishedOn !== 'number') return; // will be retried
    store.failWaiters(job.id, failedJobError(error, maxStalls)).catch((fault: unknown) => onError(fault, job.id));
  });
  let closing: Promise<void> | null = null;
  return {
    worker,
    run: () => worker.run(),
    close() {
      closing ??= (async () => {
        await worker.close();
        await options.grader.close();
        redis.disconnect();
      })();
      return closing;
    },
  };
}
