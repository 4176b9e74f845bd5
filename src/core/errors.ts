/**
 * The one registry of error codes (README "Errors"). Every error a caller can see has a stable code
 * `AREA_PROBLEM`, an HTTP status, and a line in the docs; unknown errors never leak their message.
 */
export const ERROR_CODES = {
  REQUEST_INVALID: { status: 400, doc: 'The request does not match the schema; `problems` lists each one by JSON path.' },
  REWARDS_INVALID: { status: 400, doc: 'The reward configuration is inconsistent (e.g. cache_length > max_length); `field` names it.' },
  INPUT_LINE_INVALID: { status: 400, doc: 'A line of a JSONL input is not valid JSON or not a valid group (CLI).' },
  CONFIG_INVALID: { status: 500, doc: 'An environment variable or config file is invalid; the process refuses to start.' },
  GRADER_CLOSED: { status: 503, doc: 'The grader was closed while work was pending (shutdown).' },
  AUTH_MISSING: { status: 401, doc: 'API keys are configured and the request has no `Authorization: Bearer <key>` header.' },
  AUTH_INVALID: { status: 401, doc: 'The bearer key is not one of the configured API keys.' },
  ROUTE_NOT_FOUND: { status: 404, doc: 'No route has this method and path.' },
  JOB_NOT_FOUND: { status: 404, doc: 'No job with this id belongs to the caller (unknown, expired after its TTL, or created with another key).' },
  JOB_CANCELLED: { status: 409, doc: 'POST /v1/grade: the job was cancelled (DELETE /v1/jobs/:id) before it finished.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, doc: 'The Idempotency-Key was already used by this key for a different request body.' },
  BODY_TOO_LARGE: { status: 413, doc: 'The request body is larger than ARBITER_BODY_LIMIT_MB.' },
  HEADERS_TOO_LARGE: { status: 431, doc: 'The request headers are larger than Node\'s 16 KiB limit: refused before routing, and the connection closed.' },
  CONTENT_TYPE_UNSUPPORTED: { status: 415, doc: 'The body is not `application/json`.' },
  RATE_LIMITED: { status: 429, doc: 'The key sent more requests than ARBITER_RATE_LIMIT allows in its window; retry after `Retry-After` seconds.' },
  NOT_READY: { status: 503, doc: 'GET /readyz: the grader (embedded) or the queue and workers (cluster) cannot take work.' },
  SANDBOX_UNAVAILABLE: { status: 503, doc: 'A code sandbox cannot start on this machine (e.g. bubblewrap missing or user namespaces refused): an infrastructure fault, retried by the queue.' },
  OVERLOADED: {
    status: 503,
    doc: 'More groups than ARBITER_MAX_QUEUED_GROUPS wait for a grader: work is refused at once (load shedding); retry after `Retry-After` seconds.',
  },
  QUEUE_UNAVAILABLE: { status: 503, doc: 'Redis is unreachable: the producer fails fast instead of accepting work it cannot queue (cluster mode).' },
  GROUP_STALLED: {
    status: 500,
    doc: 'Queue mode: the worker grading one of the request\'s groups died (killed, out of memory) more often than the queue allows; the request fails instead of waiting forever.',
  },
  INTERNAL: { status: 500, doc: 'Unexpected fault; the message is logged, not returned.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with an input, located by JSON path (`groups[3].completions[0]`). */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/**
 * An error with a stable code. `problems` carries per-field detail for validation errors.
 * @example throw new AppError('REQUEST_INVALID', 'request is invalid', [{ path: 'groups', message: 'expected array' }])
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(problems.length > 0 ? `${message}: ${problems.map(formatProblem).join('; ')}` : message);
    this.status = ERROR_CODES[code].status;
  }
}

/** `groups[3].completions[0]: expected string` */
export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}
