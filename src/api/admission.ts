/**
 * Load shedding (ARBITER_MAX_QUEUED_GROUPS): a request that would add work while more groups than the
 * limit wait for a grader is answered 503 OVERLOADED with `Retry-After`, at once, instead of joining a
 * queue that only grows. So past its capacity the service answers fast, the work it accepted keeps its
 * latency, and it recovers as soon as the backlog drains. The backlog is the job service's (cluster-wide
 * in queue mode), read at most once per `refreshMs`; a backlog that cannot be read (Redis down) lets the
 * request through, and the job service answers it (503 QUEUE_UNAVAILABLE).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

export interface AdmissionOptions {
  /** Groups waiting for a grader past which work is refused; 0 = never refuse. */
  readonly maxQueuedGroups: number;
  /** Groups accepted and not yet with a grader (JobService.backlog). */
  readonly backlog: () => Promise<number>;
  /** How long a reading of the backlog is reused, ms. Default 100. */
  readonly refreshMs?: number;
  /** Seconds sent in `Retry-After`. Default 1. */
  readonly retryAfterS?: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: () => number;
  /** Hears backlog read faults (the request goes through). */
  readonly onError?: (error: unknown) => void;
}

/**
 * The check run before a request that adds work; throws OVERLOADED (503, `retry-after` set) past the limit.
 * @example const admit = createAdmission({ maxQueuedGroups: 10_000, backlog: () => jobs.backlog() }); await admit(request, reply);
 */
export function createAdmission(options: AdmissionOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const clock = options.clock ?? Date.now;
  const refreshMs = options.refreshMs ?? 100;
  let reading: { readonly at: number; readonly groups: number } | null = null;
  let pending: Promise<number> | null = null;

  /** The backlog, read again when the last reading is older than refreshMs (one read at a time). */
  async function backlog(): Promise<number> {
    if (reading !== null && clock() - reading.at < refreshMs) return reading.groups;
    pending ??= options.backlog().then(
      (groups) => {
        reading = { at: clock(), groups };
        pending = null;
        return groups;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  }

  return async (_request, reply) => {
    if (options.maxQueuedGroups <= 0) return;
    let groups: number;
    try {
      groups = await backlog();
    } catch (error) {
      options.onError?.(error);
      return;
    }
    if (groups < options.maxQueuedGroups) return;
    reply.header('retry-after', options.retryAfterS ?? 1);
    throw new AppError('OVERLOADED', `${groups} groups are waiting for a grader (ARBITER_MAX_QUEUED_GROUPS is ${options.maxQueuedGroups}); retry after Retry-After seconds`);
  };
}
