/**
 * The retry policy, as pure functions (tested without a network); the same rules as the Python client
 * (clients/python/arbiter_client/retry.py).
 *
 * - Retried: connection errors, timeouts, and the statuses 408, 409, 429 and every 5xx, except answers
 *   whose code says that trying again cannot help (`JOB_CANCELLED`: the job is final).
 * - Delay before retry n (0-based): the server's `retry-after-ms` or `Retry-After` (seconds or an HTTP
 *   date) when it is at most `maxRetryAfterMs`, else exponential backoff `min(initial · 2^n, max)`
 *   reduced by up to `jitter` (a fraction) at random, so that many trainer ranks do not retry in lockstep.
 * - Every request that grades carries an `Idempotency-Key` made once per call and sent on every attempt
 *   (client.ts), so a retry joins the job of the first attempt instead of grading twice.
 */

/** Statuses below 500 worth another attempt. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429]);

/** Error codes that are final even though their status is retryable. */
export const FINAL_CODES: ReadonlySet<string> = new Set(['JOB_CANCELLED']);

/** How a client retries. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  readonly maxRetries: number;
  /** Backoff before the first retry, in ms. Default 500. */
  readonly initialDelayMs: number;
  /** Longest backoff, in ms. Default 8000. */
  readonly maxDelayMs: number;
  /** Up to this fraction of a backoff is taken off at random. Default 0.25. */
  readonly jitter: number;
  /** A longer `Retry-After` is ignored in favour of the backoff, in ms. Default 60000. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000, jitter: 0.25, maxRetryAfterMs: 60_000 });

/**
 * True when an answer with this status (and error code) is worth retrying.
 * @example shouldRetryStatus(503) // true
 * @example shouldRetryStatus(409, 'JOB_CANCELLED') // false
 */
export function shouldRetryStatus(status: number, code: string | null = null): boolean {
  if (code !== null && FINAL_CODES.has(code)) return false;
  return RETRYABLE_STATUSES.has(status) || status >= 500;
}

/**
 * Milliseconds to wait according to `retry-after-ms` or `Retry-After` (delta seconds or HTTP date);
 * null when absent or unparseable, never negative.
 * @example parseRetryAfterMs(new Headers({ 'retry-after': '2' })) // 2000
 */
export function parseRetryAfterMs(headers: Headers | null, nowMs: number = Date.now()): number | null {
  if (headers === null) return null;
  const rawMs = headers.get('retry-after-ms');
  if (rawMs !== null && rawMs.trim() !== '' && Number.isFinite(Number(rawMs))) return Math.max(0, Number(rawMs));
  const raw = headers.get('retry-after')?.trim();
  if (raw === undefined || raw === '') return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1000;
  const dateMs = Date.parse(raw);
  return Number.isNaN(dateMs) ? null : Math.max(0, dateMs - nowMs);
}

/**
 * Exponential backoff for retry `attempt` (0-based): `min(initial · 2^attempt, max)`, minus up to
 * `jitter` of it at random (`random` returns [0, 1)).
 * @example backoffDelayMs(1, DEFAULT_RETRY_POLICY, () => 0) // 1000
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.initialDelayMs * 2 ** Math.max(0, attempt), policy.maxDelayMs);
  return Math.max(0, base * (1 - policy.jitter * random()));
}

/**
 * The delay before retry `attempt`: the server's Retry-After when it is sane, else the backoff.
 * @example retryDelayMs(0, response.headers, DEFAULT_RETRY_POLICY)
 */
export function retryDelayMs(attempt: number, headers: Headers | null, policy: RetryPolicy, random: () => number = Math.random, nowMs: number = Date.now()): number {
  const after = parseRetryAfterMs(headers, nowMs);
  if (after !== null && after <= policy.maxRetryAfterMs) return after;
  return backoffDelayMs(attempt, policy, random);
}
