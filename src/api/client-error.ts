/**
 * What Node's HTTP parser refuses before fastify makes a request of it, answered in the error format
 * (README "HTTP API") instead of fastify's default body: headers over Node's 16 KiB limit get 431
 * HEADERS_TOO_LARGE, bytes that are not HTTP/1.1 get 400 REQUEST_INVALID; each answer has a request id of its
 * own (in the body and `x-request-id`), and the connection is closed. A connection that is already gone, or
 * that timed out, is only closed: nobody is there to read an answer.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { ERROR_CODES } from '../core/errors.ts';

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' };

/**
 * The raw HTTP answer to a parser error (its `code`, as Node sets it), or null when none is due.
 * @example answerFor('HPE_HEADER_OVERFLOW', 'b1c…') // 'HTTP/1.1 431 …{"error":{"code":"HEADERS_TOO_LARGE",…}}'
 */
export function answerFor(code: string | undefined, requestId: string): string | null {
  if (code === 'ECONNRESET' || code === 'ERR_HTTP_REQUEST_TIMEOUT') return null;
  const [error, message] =
    code === 'HPE_HEADER_OVERFLOW'
      ? (['HEADERS_TOO_LARGE', 'the request headers are larger than 16 KiB'] as const)
      : (['REQUEST_INVALID', 'the request is not valid HTTP/1.1'] as const);
  const status = ERROR_CODES[error].status;
  const body = JSON.stringify({ error: { code: error, message, request_id: requestId } });
  return (
    `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\n` +
    `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
    `x-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`
  );
}

/** fastify's `clientErrorHandler`: answers (when due) and closes the connection. */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  const answer = socket.destroyed ? null : answerFor(error.code, randomUUID());
  if (answer !== null && socket.writable) socket.end(answer);
  else socket.destroy();
}
