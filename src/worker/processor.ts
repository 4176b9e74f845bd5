/**
 * The BullMQ processor of group jobs: validate the payload, grade the group on the in-process grader
 * (unless an earlier job already did), keep the result under its content address, and deliver it to
 * every request waiting on it. Errors steer the queue: an invalid payload or a request the grader
 * refuses (AppError 4xx) is an UnrecoverableError (fail now, waiters fail with that error); anything
 * else is thrown plainly and retried with backoff; a job that BullMQ fails for good (last attempt, or stalled
 * too often) fails its waiters in the worker's `failed` handler (`failedJobError`).
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../core/errors.ts';
import type { JobError } from '../core/schemas/job.ts';
import type { Grader } from '../grading/grader.ts';
import { parseGroupJobPayload } from '../queue/payload.ts';
import { createRequestStore } from '../queue/request-store.ts';

export interface GroupProcessorDeps {
  readonly grader: Grader;
  /** The worker's (patient) Redis connection. */
  readonly redis: Redis;
  readonly prefix: string;
  /** How long a graded group is kept for reuse by later requests, ms. */
  readonly resultTtlMs: number;
  /** Hears faults that fail or retry a job. */
  readonly onError?: (error: unknown, jobId: string | undefined) => void;
}

/** The one processor function type of the group queue. */
export type GroupProcessor = (job: Job) => Promise<void>;

function refusal(error: unknown): JobError | null {
  if (!(error instanceof AppError) || error.status >= 500) return null;
  return error.problems.length > 0 ? { code: error.code, message: error.message, problems: error.problems.map((p) => ({ ...p })) } : { code: error.code, message: error.message };
}

/** BullMQ's own reasons for failing a job without running it (job.ts `getUnrecoverableErrorMessage`). */
const STALLED_REASON = /stalled more than allowable limit|started more than allowable limit/;

/**
 * The error a request gets when a group job it waits on failed for good: GROUP_STALLED when BullMQ gave
 * up on a job whose workers kept dying, the fault's own code when it is one of ours (SANDBOX_UNAVAILABLE),
 * else INTERNAL.
 * @example worker.on('failed', (job, err) => job?.finishedOn && store.failWaiters(job.id, failedJobError(err, maxStalledCount)))
 */
export function failedJobError(error: Error, maxStalledCount: number): (index: number) => JobError {
  if (STALLED_REASON.test(error.message)) {
    return (index) => ({
      code: 'GROUP_STALLED',
      message: `the worker grading group ${index} died (killed or out of memory) more than ${maxStalledCount} times; the group is not retried`,
    });
  }
  const ours = error instanceof AppError && error.status >= 500 && error.code !== 'INTERNAL' ? { code: error.code, message: error.message } : null;
  return () => ours ?? { code: 'INTERNAL', message: 'internal error' };
}

/**
 * @example new Worker(GROUP_QUEUE, createGroupProcessor({ grader, redis, prefix: 'arbiter', resultTtlMs: 3_600_000 }), { connection: redis, prefix: 'arbiter' })
 */
export function createGroupProcessor(deps: GroupProcessorDeps): GroupProcessor {
  const store = createRequestStore(deps.redis, deps.prefix);

  /** Grades the group unless it was graded before (then it is only delivered), keeps it, and delivers it. */
  async function gradeAndDeliver(jobId: string, data: unknown): Promise<void> {
    const cached = await store.startGroup(jobId);
    if (cached !== null) return store.deliverGroup(jobId, cached);
    const payload = parseGroupJobPayload(data);
    const { groups } = await deps.grader.grade({
      groups: [payload.group],
      ...(payload.rewards === undefined ? {} : { rewards: payload.rewards }),
      ...(payload.advantage === undefined ? {} : { advantage: payload.advantage }),
    });
    const result = groups[0];
    if (result === undefined) throw new Error('the grader returned no group');
    const completions: Record<string, number> = {};
    for (const r of result.results) completions[r.status] = (completions[r.status] ?? 0) + 1;
    await store.keepAndDeliver(jobId, JSON.stringify(result), deps.resultTtlMs, completions);
  }

  return async (job) => {
    const jobId = job.id;
    if (jobId === undefined) throw new UnrecoverableError('a group job needs its content-addressed id');
    try {
      await gradeAndDeliver(jobId, job.data);
    } catch (error) {
      deps.onError?.(error, jobId);
      const refused = refusal(error);
      if (refused !== null) {
        await store.failWaiters(jobId, refused);
        throw new UnrecoverableError(`${refused.code}: ${refused.message}`);
      }
      // Retried with backoff; after the last attempt the worker's `failed` handler fails the waiters (worker.ts).
      throw error;
    }
  };
}
