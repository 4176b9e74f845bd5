/**
 * The TypeScript SDK of the Arbiter HTTP API (README "HTTP API"): plain `fetch`, no dependencies, the
 * same methods, retry and idempotency rules as the Python client (clients/python/arbiter_client).
 */
import { APIConnectionError, APIStatusError, cancelledError, jobError, statusError, type ArbiterError } from './errors.ts';
import { resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from './options.ts';
import { retryDelayMs, shouldRetryStatus } from './retry.ts';
import { parseSse } from './sse.ts';
import { bodyText, createDeadline, sendOnce, sleep } from './transport.ts';
import type { AdvantageRequest, AdvantageResponse, GradeRequest, GradeResponse, JobAccepted, JobGroupEvent, JobStatus, JobView } from './types.ts';

/** Options of one call; each overrides the client's setting for this call only. */
export interface RequestOptions {
  /** Limit on each attempt, in ms (event streams: on the silence between two bytes). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt. */
  readonly maxRetries?: number;
  /** Aborts the call, its retries and their waits; the call rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Sent as `x-request-id` on every attempt (1–128 of `[A-Za-z0-9._:-]`); it comes back in errors and the server's logs. */
  readonly requestId?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options of a call that grades. */
export interface GradingOptions extends RequestOptions {
  /** Sent on every attempt; same key and body → the same job, graded once. Default: a random UUID per call. */
  readonly idempotencyKey?: string;
}

/** Options of `stream`. */
export interface StreamOptions extends RequestOptions {
  /** Resume after this event id (the events up to it are not sent again). */
  readonly lastEventId?: string;
}

/** A 2xx answer, parsed. */
export interface ApiAnswer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly data: T;
}

type JobStreamEvent = ({ readonly type: 'group' } & JobGroupEvent) | { readonly type: 'done'; readonly status: JobStatus };

/** Options of `request`: a call's options, its JSON body, and an Idempotency-Key when it grades. */
export interface ApiRequestOptions extends GradingOptions {
  /** Sent as JSON. */
  readonly body?: unknown;
}

/**
 * A client of one Arbiter server. Stateless between calls: share one per process.
 * @example
 * const arbiter = new ArbiterClient(); // ARBITER_URL / ARBITER_API_KEY, else http://127.0.0.1:8080
 * const out = await arbiter.grade({ groups: [{ task: { type: 'text', answer: 'Paris' }, completions: ['<answer>Paris</answer>'] }] });
 * out.groups[0]?.results[0]?.reward;
 */
export class ArbiterClient {
  /** The settings this client runs with (option > environment > default). */
  readonly options: ResolvedClientOptions;

  constructor(options: ClientOptions = {}) {
    this.options = resolveClientOptions(options);
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /**
   * `POST /v1/grade`. When the server answers 202 (grading outlasted its `ARBITER_GRADE_WAIT_MS`), follows
   * the job's event stream and returns its result, so the caller always gets a GradeResponse or an error.
   * @example const { groups } = await arbiter.grade(request, { idempotencyKey: `step-${step}-rank-${rank}` });
   */
  async grade(request: GradeRequest, options: GradingOptions = {}): Promise<GradeResponse> {
    const { idempotencyKey = newIdempotencyKey(), ...callOptions } = options;
    const answer = await this.request<GradeResponse | JobAccepted>('POST', '/v1/grade', { ...callOptions, body: request, idempotencyKey });
    if (answer.status === 202) return this.wait((answer.data as JobAccepted).id, callOptions);
    return answer.data as GradeResponse;
  }

  /**
   * `POST /v1/jobs`: `{id, status_url, events_url}`.
   * @example const { id } = await arbiter.submit(request);
   */
  async submit(request: GradeRequest, options: GradingOptions = {}): Promise<JobAccepted> {
    const answer = await this.request<JobAccepted>('POST', '/v1/jobs', { ...options, body: request, idempotencyKey: options.idempotencyKey ?? newIdempotencyKey() });
    return answer.data;
  }

  /**
   * `GET /v1/jobs/:id`: status, progress, and the result once completed.
   * @example const { status, progress } = await arbiter.get(id);
   */
  async get(jobId: string, options: RequestOptions = {}): Promise<JobView> {
    return (await this.request<JobView>('GET', jobPath(jobId), options)).data;
  }

  /**
   * `DELETE /v1/jobs/:id`: cancels what has not started; returns the job (a finished job keeps its status).
   * @example await arbiter.cancel(id);
   */
  async cancel(jobId: string, options: RequestOptions = {}): Promise<JobView> {
    return (await this.request<JobView>('DELETE', jobPath(jobId), options)).data;
  }

  /**
   * Follows the job's event stream to its end and returns its result. A failed job throws the error class
   * of its code; a cancelled one ConflictError (`JOB_CANCELLED`).
   * @example const response = await arbiter.wait((await arbiter.submit(request)).id);
   */
  async wait(jobId: string, options: RequestOptions = {}): Promise<GradeResponse> {
    for await (const event of this.jobEvents(jobId, options)) if (event.type === 'done') break;
    const view = await this.get(jobId, options);
    if (view.status === 'completed' && view.result !== undefined) return view.result;
    if (view.status === 'cancelled') throw cancelledError(jobId);
    if (view.status === 'failed') throw jobError(view);
    throw new APIStatusError(`job ${jobId} is ${view.status} after its done event`);
  }

  /**
   * `GET /v1/jobs/:id/events`: each group's result as soon as it is graded (`{index, result}`, in
   * completion order; `index` is the group's position in the request), ending when the job is done. A
   * failed job throws the error of its code, a cancelled one ConflictError (`JOB_CANCELLED`). A broken
   * stream is resumed with `Last-Event-ID`, so no group is lost or repeated.
   * @example for await (const { index, result } of arbiter.stream(id)) rewards[index] = result.results.map((r) => r.reward);
   */
  async *stream(jobId: string, options: StreamOptions = {}): AsyncGenerator<JobGroupEvent> {
    for await (const event of this.jobEvents(jobId, options)) {
      if (event.type === 'group') {
        yield { index: event.index, result: event.result };
        continue;
      }
      if (event.status === 'cancelled') throw cancelledError(jobId);
      if (event.status === 'failed') throw jobError(await this.get(jobId, options));
      return;
    }
  }

  /**
   * `POST /v1/advantages`: advantages and group statistics of raw rewards, no grading.
   * @example const { groups } = await arbiter.advantages({ groups: [{ rewards: [1, 0, null] }], advantage: { preset: 'verl' } });
   */
  async advantages(request: AdvantageRequest, options: RequestOptions = {}): Promise<AdvantageResponse> {
    return (await this.request<AdvantageResponse>('POST', '/v1/advantages', { ...options, body: request })).data;
  }

  /**
   * `GET /healthz`, without retries unless asked.
   * @example await arbiter.health() // { status: 'ok' }
   */
  async health(options: RequestOptions = {}): Promise<{ status: string }> {
    return (await this.request<{ status: string }>('GET', '/healthz', { maxRetries: 0, ...options })).data;
  }

  /**
   * Sends one logical request with retries and returns its parsed 2xx answer; the building block of the
   * methods above, for routes they do not cover.
   * @example const { data } = await arbiter.request<{ status: string }>('GET', '/readyz');
   */
  async request<T>(method: string, path: string, options: ApiRequestOptions = {}): Promise<ApiAnswer<T>> {
    const { retry } = this.options;
    const maxRetries = options.maxRetries ?? retry.maxRetries;
    const init: RequestInit = { method, headers: this.headersFor(options, 'application/json') };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    const what = `${method} ${path}`;
    const requestId = options.requestId ?? null;
    for (let attempt = 0; ; attempt++) {
      let failure: ArbiterError;
      let retryHeaders: Headers | null = null;
      const deadline = createDeadline(options.timeoutMs ?? this.options.timeoutMs, options.signal);
      try {
        const answer = await sendOnce(this.options.fetch, this.url(path), init, deadline);
        if (answer.status < 400) return { status: answer.status, headers: answer.headers, data: parseBody<T>(answer.text, answer.status, answer.headers) };
        failure = statusError(answer.status, answer.headers, answer.text);
        if (!shouldRetryStatus(answer.status, failure.code)) throw failure;
        retryHeaders = answer.headers;
      } catch (error) {
        if (error instanceof APIStatusError) throw error;
        const translated = deadline.failure(error, what, requestId);
        if (!(translated instanceof APIConnectionError)) throw translated;
        failure = translated;
      } finally {
        deadline.release();
      }
      if (attempt >= maxRetries) throw failure;
      await sleep(retryDelayMs(attempt, retryHeaders, retry), options.signal);
    }
  }

  /** The events of a job's stream, reconnecting after a break (up to maxRetries breaks in a row). */
  private async *jobEvents(jobId: string, options: StreamOptions): AsyncGenerator<JobStreamEvent> {
    const maxRetries = options.maxRetries ?? this.options.retry.maxRetries;
    const path = `${jobPath(jobId)}/events`;
    const what = `GET ${path}`;
    let lastEventId = options.lastEventId ?? null;
    for (let failures = 0; ; failures++) {
      let failure: ArbiterError;
      let retryHeaders: Headers | null = null;
      const deadline = createDeadline(options.timeoutMs ?? this.options.timeoutMs, options.signal);
      try {
        const headers = this.headersFor(options, 'text/event-stream');
        if (lastEventId !== null) headers['last-event-id'] = lastEventId;
        const response = await this.options.fetch(this.url(path), { method: 'GET', headers, signal: deadline.signal });
        if (response.status >= 400 || response.body === null) {
          failure = statusError(response.status, response.headers, await response.text());
          if (!shouldRetryStatus(response.status, failure.code)) throw failure;
          retryHeaders = response.headers;
        } else {
          for await (const sse of parseSse(bodyText(response.body, deadline))) {
            const event = toJobEvent(sse.event, sse.data);
            failures = 0;
            if (sse.id !== null) lastEventId = sse.id;
            if (event === null) continue;
            yield event;
            if (event.type === 'done') return;
          }
          failure = new APIConnectionError(`${what}: the stream ended before its done event`, { requestId: options.requestId ?? null });
        }
      } catch (error) {
        if (error instanceof APIStatusError) throw error;
        const translated = deadline.failure(error, what, options.requestId ?? null);
        if (!(translated instanceof APIConnectionError)) throw translated;
        failure = translated;
      } finally {
        deadline.release();
      }
      if (failures >= maxRetries) throw failure;
      await sleep(retryDelayMs(failures, retryHeaders, this.options.retry), options.signal);
    }
  }

  private url(path: string): string {
    return `${this.options.baseUrl}${path}`;
  }

  private headersFor(options: GradingOptions, accept: string): Record<string, string> {
    const headers: Record<string, string> = { accept, 'user-agent': 'arbiter-typescript', ...this.options.defaultHeaders, ...options.headers };
    if (this.options.apiKey !== null) headers['authorization'] = `Bearer ${this.options.apiKey}`;
    if (options.requestId !== undefined) headers['x-request-id'] = options.requestId;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    if ((options as ApiRequestOptions).body !== undefined) headers['content-type'] = 'application/json';
    return headers;
  }
}

function jobPath(jobId: string): string {
  return `/v1/jobs/${encodeURIComponent(jobId)}`;
}

/** A fresh Idempotency-Key: one per logical call, reused by each of its retries. */
function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

function parseBody<T>(text: string, status: number, headers: Headers): T {
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new APIStatusError('a 2xx answer whose body is not JSON', { status, headers, body: text, cause: error });
  }
}

/** A job stream's SSE event as data; null for events this SDK does not know (ignored, for forward compatibility). */
function toJobEvent(event: string, data: string): JobStreamEvent | null {
  if (event !== 'group' && event !== 'done') return null;
  const value = JSON.parse(data) as JobGroupEvent | { status: JobStatus };
  return event === 'group' ? { type: 'group', ...(value as JobGroupEvent) } : { type: 'done', status: (value as { status: JobStatus }).status };
}
