/**
 * The one error handler: every error becomes `{ error: { code, message, request_id, problems? } }` with the
 * status of src/core/errors.ts. Fastify's own errors (body limit, media type, bad JSON) get our codes;
 * anything unexpected is logged and answered as INTERNAL without its message.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, type ErrorCode, type Problem } from '../core/errors.ts';
import type { JobError } from '../core/schemas/job.ts';

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** Sends the error body with the status of `code` (500 for a code this build does not know). */
export function sendError(reply: FastifyReply, request: FastifyRequest, code: string, message: string, problems: readonly Problem[] = []): FastifyReply {
  const status = isErrorCode(code) ? ERROR_CODES[code].status : 500;
  if (status === 401 && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', 'Bearer');
  const error = { code, message, request_id: request.id, ...(problems.length > 0 ? { problems } : {}) };
  return reply.code(status).type('application/json; charset=utf-8').send({ error });
}

/** Answers with the error a job failed with (POST /v1/grade, /get_reward). */
export function sendJobError(reply: FastifyReply, request: FastifyRequest, error: JobError | undefined): FastifyReply {
  return sendError(reply, request, error?.code ?? 'INTERNAL', error?.message ?? 'internal error', error?.problems ?? []);
}

/** Builds the handler; `bodyLimitMb` only words the 413 message. */
export function createErrorHandler(bodyLimitMb: number) {
  return function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      const message = error.code === 'INTERNAL' ? 'internal error' : error.message;
      return sendError(reply, request, error.code, message, error.problems);
    }
    const code = 'code' in error ? error.code : undefined;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, request, 'BODY_TOO_LARGE', `the body is larger than ${bodyLimitMb} MiB (ARBITER_BODY_LIMIT_MB)`);
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, request, 'CONTENT_TYPE_UNSUPPORTED', 'the body must be application/json');
    }
    if (code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_MAX_PARAM_LENGTH') {
      return sendError(reply, request, 'REQUEST_INVALID', `the URL is invalid: ${error.message}`);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500 && typeof code === 'string' && code.startsWith('FST_')) {
      // Fastify's own client errors (bad JSON, empty body, …): their messages are about the request, safe to show.
      return sendError(reply, request, 'REQUEST_INVALID', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'INTERNAL', 'internal error');
  };
}
