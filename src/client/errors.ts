/**
 * The SDK's errors, all under `ArbiterError`: one class per HTTP status the server answers (README
 * "Errors"), plus connection and timeout errors. Each carries the server's `code`, `requestId` and
 * `problems` when the server sent them. The class names and the status → class table are those of the
 * Python client (clients/python/arbiter_client/errors.py); 413 and 415 get classes of their own that
 * extend `BadRequestError`, where Python folds them into it.
 */
import type { ErrorCode } from '../core/errors.ts';
import type { ErrorBody, JobView, Problem } from './types.ts';

/** What an error knows besides its message. */
export interface ArbiterErrorDetails {
  /** HTTP status; null for connection errors and timeouts. */
  readonly status?: number | null;
  /** The server's stable error code (`REQUEST_INVALID`, `JOB_NOT_FOUND`, …); null when it sent none. */
  readonly code?: string | null;
  /** The server's request id (error body or `x-request-id`), or the one the caller sent. */
  readonly requestId?: string | null;
  readonly problems?: readonly Problem[];
  readonly headers?: Headers | null;
  /** The parsed error body (JSON), or its text when it is not JSON. */
  readonly body?: unknown;
  readonly cause?: unknown;
}

/** Base class of every error the SDK throws (user aborts excepted: those throw the signal's reason). */
export class ArbiterError extends Error {
  override readonly name: string = 'ArbiterError';
  readonly status: number | null;
  readonly code: string | null;
  readonly requestId: string | null;
  readonly problems: readonly Problem[];
  readonly headers: Headers | null;
  readonly body: unknown;

  constructor(message: string, details: ArbiterErrorDetails = {}) {
    super(describe(message, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.requestId = details.requestId ?? null;
    this.problems = details.problems ?? [];
    this.headers = details.headers ?? null;
    this.body = details.body;
  }
}

function describe(message: string, { status, code, requestId }: ArbiterErrorDetails): string {
  const prefix = [status ?? null, code ?? null].filter((p) => p !== null).join(' ');
  return `${prefix === '' ? '' : `${prefix}: `}${message}${requestId ? ` (request ${requestId})` : ''}`;
}

/** The server could not be reached, or the connection broke before a whole answer arrived. Retried. */
export class APIConnectionError extends ArbiterError {
  override readonly name: string = 'APIConnectionError';
}

/** No answer (or, on an event stream, no byte) within the client's `timeoutMs`. Retried. */
export class APITimeoutError extends APIConnectionError {
  override readonly name: string = 'APITimeoutError';
}

/** The server answered with an error status; the subclasses name the status. */
export class APIStatusError extends ArbiterError {
  override readonly name: string = 'APIStatusError';
}

/** 400: `REQUEST_INVALID` (with `problems`), `REWARDS_INVALID`; also 431 `HEADERS_TOO_LARGE`. */
export class BadRequestError extends APIStatusError {
  override readonly name: string = 'BadRequestError';
}

/** 401: `AUTH_MISSING`, `AUTH_INVALID`. */
export class AuthenticationError extends APIStatusError {
  override readonly name: string = 'AuthenticationError';
}

/** 403. */
export class PermissionDeniedError extends APIStatusError {
  override readonly name: string = 'PermissionDeniedError';
}

/** 404: `JOB_NOT_FOUND`, `ROUTE_NOT_FOUND`. */
export class NotFoundError extends APIStatusError {
  override readonly name: string = 'NotFoundError';
}

/** 409: `JOB_CANCELLED` (final, not retried); any other 409 is retried. */
export class ConflictError extends APIStatusError {
  override readonly name: string = 'ConflictError';
}

/** 413: `BODY_TOO_LARGE`. */
export class PayloadTooLargeError extends BadRequestError {
  override readonly name: string = 'PayloadTooLargeError';
}

/** 415: `CONTENT_TYPE_UNSUPPORTED`. */
export class UnsupportedMediaTypeError extends BadRequestError {
  override readonly name: string = 'UnsupportedMediaTypeError';
}

/** 422: `IDEMPOTENCY_KEY_REUSED`. */
export class UnprocessableEntityError extends APIStatusError {
  override readonly name: string = 'UnprocessableEntityError';
}

/** 429: `RATE_LIMITED`. Retried after `Retry-After`. */
export class RateLimitError extends APIStatusError {
  override readonly name: string = 'RateLimitError';
}

/** 500 and every 5xx without a class of its own (`INTERNAL`). Retried. */
export class InternalServerError extends APIStatusError {
  override readonly name: string = 'InternalServerError';
}

/** 503: `GRADER_CLOSED`, `NOT_READY`, `SANDBOX_UNAVAILABLE`, `QUEUE_UNAVAILABLE`, `OVERLOADED`. Retried (after `Retry-After` when sent). */
export class ServiceUnavailableError extends InternalServerError {
  override readonly name: string = 'ServiceUnavailableError';
}

type StatusErrorClass = new (message: string, details?: ArbiterErrorDetails) => APIStatusError;

const STATUS_CLASSES: Readonly<Record<number, StatusErrorClass>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError,
  422: UnprocessableEntityError,
  431: BadRequestError,
  429: RateLimitError,
  503: ServiceUnavailableError,
};

/**
 * The HTTP status of every error code of the server (README "Errors"), for jobs that failed: the job
 * view carries the code only. Typed by the server's code registry, so a new code fails the typecheck
 * until it is listed here.
 */
export const CODE_STATUS: Readonly<Record<ErrorCode, number>> = {
  REQUEST_INVALID: 400,
  REWARDS_INVALID: 400,
  INPUT_LINE_INVALID: 400,
  AUTH_MISSING: 401,
  AUTH_INVALID: 401,
  ROUTE_NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  JOB_CANCELLED: 409,
  BODY_TOO_LARGE: 413,
  CONTENT_TYPE_UNSUPPORTED: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  CONFIG_INVALID: 500,
  GROUP_STALLED: 500,
  INTERNAL: 500,
  GRADER_CLOSED: 503,
  NOT_READY: 503,
  SANDBOX_UNAVAILABLE: 503,
  QUEUE_UNAVAILABLE: 503,
  OVERLOADED: 503,
};

function classFor(status: number): StatusErrorClass {
  return STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : APIStatusError);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * The error of an HTTP error answer, from its status, headers and body text.
 * @example throw statusError(404, response.headers, await response.text()) // NotFoundError, code JOB_NOT_FOUND
 */
export function statusError(status: number, headers: Headers, text: string): APIStatusError {
  let body: unknown = text === '' ? null : text;
  try {
    if (text !== '') body = JSON.parse(text);
  } catch {
    // not JSON (a proxy's HTML page): keep the text
  }
  const requestIdHeader = headers.get('x-request-id');
  if (isErrorBody(body)) {
    const { code, message, request_id, problems } = body.error;
    return new (classFor(status))(message, { status, code, requestId: request_id ?? requestIdHeader, problems: problems ?? [], headers, body });
  }
  const message = typeof body === 'string' ? body.slice(0, 500) : 'an answer without an error body';
  return new (classFor(status))(message, { status, requestId: requestIdHeader, headers, body });
}

/**
 * The error of a job that failed (its view's `error`), as the class of its code's HTTP status.
 * @example if (view.status === 'failed') throw jobError(view)
 */
export function jobError(view: Pick<JobView, 'id' | 'error'>): APIStatusError {
  const code = view.error?.code ?? 'INTERNAL';
  const status = (CODE_STATUS as Readonly<Record<string, number>>)[code] ?? 500;
  const message = `job ${view.id}: ${view.error?.message ?? 'the job failed'}`;
  return new (classFor(status))(message, { status, code, problems: view.error?.problems ?? [], body: { error: view.error } });
}

/** The error of a job that was cancelled before it finished (409 `JOB_CANCELLED`, as `POST /v1/grade` answers). */
export function cancelledError(jobId: string): ConflictError {
  return new ConflictError(`job ${jobId} was cancelled before it finished`, { status: 409, code: 'JOB_CANCELLED' });
}
