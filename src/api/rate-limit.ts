/**
 * Per-key rate limit (ARBITER_RATE_LIMIT requests per ARBITER_RATE_LIMIT_WINDOW_MS): a fixed window per
 * API key, or per client address on an open API. The counter is injected: in this process's memory in
 * embedded mode, in Redis in queue mode (src/queue/rate-counter.ts), so that every API replica draws on
 * the same budget. A counter that fails (Redis down) lets the request through: the job service answers
 * it (503 QUEUE_UNAVAILABLE when it needs Redis), and a limit never turns an outage into 429s.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

export interface RateCounter {
  /** Counts one request of `key` in its current window: the count so far in it, and the ms until it ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  /** Releases what the counter holds (a Redis connection). */
  close?(): Promise<void>;
}

export interface RateLimitOptions {
  /** Requests per window; 0 = no limit. */
  readonly max: number;
  readonly windowMs: number;
  readonly counter: RateCounter;
  /** Hears counter faults (the request goes through). */
  readonly onError?: (error: unknown) => void;
}

const SWEEP_AT_KEYS = 10_000;

/**
 * Windows in a Map; expired ones are dropped when the map grows.
 * @example const counter = createMemoryRateCounter(); await counter.hit('key_ab12', 60_000) // { count: 1, resetMs: 60000 }
 */
export function createMemoryRateCounter(clock: () => number = Date.now): RateCounter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    async hit(key, windowMs) {
      const now = clock();
      let window = windows.get(key);
      if (window === undefined || window.endsAt <= now) {
        if (windows.size >= SWEEP_AT_KEYS) for (const [k, w] of windows) if (w.endsAt <= now) windows.delete(k);
        window = { count: 0, endsAt: now + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetMs: window.endsAt - now };
    },
  };
}

/**
 * The check of one request, run after auth (the owner is known). Sets `x-ratelimit-limit`,
 * `x-ratelimit-remaining` and `x-ratelimit-reset` (seconds); past the limit also `retry-after` (seconds)
 * and throws RATE_LIMITED (429).
 * @example const limit = createRateLimit({ max: 600, windowMs: 60_000, counter }); await limit(request, reply);
 */
export function createRateLimit(options: RateLimitOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request, reply) => {
    if (options.max <= 0) return;
    let hit: { count: number; resetMs: number };
    try {
      hit = await options.counter.hit(request.owner ?? `ip:${request.ip}`, options.windowMs);
    } catch (error) {
      options.onError?.(error);
      return;
    }
    const resetS = Math.max(1, Math.ceil(hit.resetMs / 1000));
    reply.header('x-ratelimit-limit', options.max);
    reply.header('x-ratelimit-remaining', Math.max(0, options.max - hit.count));
    reply.header('x-ratelimit-reset', resetS);
    if (hit.count <= options.max) return;
    reply.header('retry-after', resetS);
    throw new AppError('RATE_LIMITED', `this key sent more than ${options.max} requests in ${options.windowMs} ms (ARBITER_RATE_LIMIT); retry after Retry-After seconds`);
  };
}
