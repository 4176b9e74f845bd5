/**
 * The TypeScript SDK of Arbiter: `import { ArbiterClient } from './src/client/index.ts'`. Plain fetch, no
 * runtime dependencies, no server code (checked by .dependency-cruiser.cjs).
 * @example
 * const arbiter = new ArbiterClient({ baseUrl: 'http://127.0.0.1:8080' });
 * const { groups } = await arbiter.grade({ groups: [{ task: { type: 'math', answer: '4' }, completions: ['<answer>4</answer>'] }] });
 */
export { ArbiterClient, type ApiAnswer, type ApiRequestOptions, type GradingOptions, type RequestOptions, type StreamOptions } from './client.ts';
export {
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
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
  type ArbiterErrorDetails,
} from './errors.ts';
export { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from './options.ts';
export { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfterMs, retryDelayMs, shouldRetryStatus, type RetryPolicy } from './retry.ts';
export { parseSse, type ServerSentEvent } from './sse.ts';
export type * from './types.ts';
