import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.ts';
import {
  APIConnectionError,
  APIStatusError,
  APITimeoutError,
  ArbiterError,
  AuthenticationError,
  BadRequestError,
  CODE_STATUS,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  ServiceUnavailableError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
  jobError,
  statusError,
} from './errors.ts';

const body = (code: string, extra: object = {}) => JSON.stringify({ error: { code, message: code.toLowerCase(), request_id: 'req-1', ...extra } });
const shape = (error: ArbiterError) => ({ name: error.name, message: error.message, status: error.status, code: error.code, requestId: error.requestId, problems: error.problems });

describe('errors', () => {
  it('has one class per status the server answers, under one base', () => {
    const cases: [number, string, new (...args: never[]) => APIStatusError][] = [
      [400, 'REQUEST_INVALID', BadRequestError],
      [401, 'AUTH_MISSING', AuthenticationError],
      [404, 'JOB_NOT_FOUND', NotFoundError],
      [409, 'JOB_CANCELLED', ConflictError],
      [413, 'BODY_TOO_LARGE', PayloadTooLargeError],
      [415, 'CONTENT_TYPE_UNSUPPORTED', UnsupportedMediaTypeError],
      [422, 'IDEMPOTENCY_KEY_REUSED', UnprocessableEntityError],
      [429, 'RATE_LIMITED', RateLimitError],
      [500, 'INTERNAL', InternalServerError],
      [503, 'QUEUE_UNAVAILABLE', ServiceUnavailableError],
      [502, 'BAD_GATEWAY', InternalServerError],
      [418, 'TEAPOT', APIStatusError],
    ];
    for (const [status, code, type] of cases) {
      const error = statusError(status, new Headers(), body(code));
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(ArbiterError);
      expect(error.name).toBe(type.name);
      expect([error.status, error.code]).toEqual([status, code]);
    }
    // As in the Python client, 413 and 415 are also BadRequestError, and 503 an InternalServerError.
    expect(statusError(413, new Headers(), body('BODY_TOO_LARGE'))).toBeInstanceOf(BadRequestError);
    expect(statusError(503, new Headers(), body('NOT_READY'))).toBeInstanceOf(InternalServerError);
    expect(new APITimeoutError('slow')).toBeInstanceOf(APIConnectionError);
  });

  it('carries the code, message, problems and request id of the error body', () => {
    const problems = [{ path: 'groups[0].task', message: 'required' }];
    expect(shape(statusError(400, new Headers({ 'x-request-id': 'header-id' }), body('REQUEST_INVALID', { problems })))).toMatchInlineSnapshot(`
      {
        "code": "REQUEST_INVALID",
        "message": "400 REQUEST_INVALID: request_invalid (request req-1)",
        "name": "BadRequestError",
        "problems": [
          {
            "message": "required",
            "path": "groups[0].task",
          },
        ],
        "requestId": "req-1",
        "status": 400,
      }
    `);
  });

  it('falls back to the x-request-id header and the text of a body that is not ours', () => {
    expect(shape(statusError(502, new Headers({ 'x-request-id': 'proxy-7' }), '<html>Bad Gateway</html>'))).toMatchInlineSnapshot(`
      {
        "code": null,
        "message": "502: <html>Bad Gateway</html> (request proxy-7)",
        "name": "InternalServerError",
        "problems": [],
        "requestId": "proxy-7",
        "status": 502,
      }
    `);
  });

  it('turns a failed job into the class of its code’s status', () => {
    const failed = jobError({ id: 'job-1', error: { code: 'REWARDS_INVALID', message: 'cache_length must not exceed max_length' } });
    expect(shape(failed)).toMatchInlineSnapshot(`
      {
        "code": "REWARDS_INVALID",
        "message": "400 REWARDS_INVALID: job job-1: cache_length must not exceed max_length",
        "name": "BadRequestError",
        "problems": [],
        "requestId": null,
        "status": 400,
      }
    `);
    expect(jobError({ id: 'job-2', error: { code: 'SANDBOX_UNAVAILABLE', message: 'no bwrap' } })).toBeInstanceOf(ServiceUnavailableError);
    expect(jobError({ id: 'job-3', error: { code: 'SOMETHING_NEW', message: '?' } })).toBeInstanceOf(InternalServerError);
  });

  it('knows the status of every code of the server’s registry', () => {
    expect(CODE_STATUS).toEqual(Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status])));
  });
});
