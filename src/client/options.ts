/**
 * The client's settings, read in one place: option > environment (`ARBITER_URL`, `ARBITER_API_KEY`, the
 * names the Python client reads) > default. Resolved once when the client is made, then frozen.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.ts';

/** Where the client sends requests when neither the option nor ARBITER_URL says. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';
/** Per attempt (and, on event streams, between two bytes), in ms. */
export const DEFAULT_TIMEOUT_MS = 300_000;

/** Options of `new ArbiterClient(options)`. */
export interface ClientOptions {
  /** Server URL, with an optional path prefix. Default: ARBITER_URL, else http://127.0.0.1:8080. */
  readonly baseUrl?: string;
  /** Sent as `Authorization: Bearer <key>`. Default: ARBITER_API_KEY, else none; null: none, whatever the environment says. */
  readonly apiKey?: string | null;
  /** Limit on each attempt (on event streams: on the silence between two bytes), in ms. Default 300000. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt. Default 2. Overrides `retry.maxRetries`. */
  readonly maxRetries?: number;
  /** Backoff settings (src/client/retry.ts). */
  readonly retry?: Partial<RetryPolicy>;
  /** Headers sent with every request. */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  /** The fetch to use. Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Where ARBITER_URL and ARBITER_API_KEY are read. Default: `process.env` where there is one. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The settings a client runs with. */
export interface ResolvedClientOptions {
  /** No trailing slash. */
  readonly baseUrl: string;
  readonly apiKey: string | null;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly defaultHeaders: Readonly<Record<string, string>>;
  readonly fetch: typeof fetch;
}

function processEnv(): Readonly<Record<string, string | undefined>> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function checkedCount(name: string, value: number, minimum: number): number {
  if (!Number.isFinite(value) || value < minimum) throw new TypeError(`${name}: expected a number ≥ ${minimum}, got ${value}`);
  return value;
}

/**
 * Resolves the options of a client; throws TypeError for a base URL that is not http(s) or a bad number.
 * @example resolveClientOptions({}, { ARBITER_URL: 'http://grader:8080/' }).baseUrl // 'http://grader:8080'
 */
export function resolveClientOptions(options: ClientOptions = {}, env: Readonly<Record<string, string | undefined>> = options.env ?? processEnv()): ResolvedClientOptions {
  const baseUrl = (nonEmpty(options.baseUrl) ?? nonEmpty(env['ARBITER_URL']) ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl: expected http(s)://host[:port][/prefix], got "${baseUrl}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`baseUrl: expected http(s)://host[:port][/prefix], got "${baseUrl}"`);
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry, ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }) };
  checkedCount('maxRetries', retry.maxRetries, 0);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('fetch: no global fetch here; pass options.fetch');
  return Object.freeze({
    baseUrl,
    apiKey: options.apiKey === null ? null : (nonEmpty(options.apiKey) ?? nonEmpty(env['ARBITER_API_KEY']) ?? null),
    timeoutMs: checkedCount('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1),
    retry: Object.freeze(retry),
    defaultHeaders: Object.freeze({ ...options.defaultHeaders }),
    fetch: fetchImpl,
  });
}
