/**
 * One attempt of a request over `fetch`: its deadline (a timer that aborts it), the caller's abort
 * signal, and the translation of whatever fetch throws into the SDK's connection and timeout errors.
 * Retries live in client.ts.
 */
import { APIConnectionError, APITimeoutError } from './errors.ts';

/** What `fetch` answered, body read as text. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** The abort signal of one attempt and the timer behind it. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Starts the timer again (event streams: a byte arrived). */
  restart(): void;
  /** Stops the timer and aborts what is left of the attempt (an unread body, an open stream). */
  release(): void;
  /**
   * What to throw for an error of this attempt: the caller's abort reason when the caller aborted,
   * APITimeoutError when the timer fired, else APIConnectionError.
   */
  failure(error: unknown, what: string, requestId: string | null): unknown;
}

/**
 * A deadline of `timeoutMs` that also follows the caller's `signal`.
 * @example const deadline = createDeadline(5_000, options.signal); try { … } finally { deadline.release(); }
 */
export function createDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  };
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  start();
  return {
    signal: controller.signal,
    restart: start,
    release() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      if (!controller.signal.aborted) controller.abort(new Error('released'));
    },
    failure(error, what, requestId) {
      if (callerSignal?.aborted) return callerSignal.reason;
      if (timedOut) return new APITimeoutError(`${what}: no answer within ${timeoutMs} ms`, { requestId, cause: error });
      if (error instanceof APIConnectionError) return error;
      return new APIConnectionError(`${what}: ${describeCause(error)}`, { requestId, cause: error });
    },
  };
}

/** `connect ECONNREFUSED 127.0.0.1:1` rather than undici's bare "fetch failed". */
function describeCause(error: unknown): string {
  let deepest: unknown = error;
  while (deepest instanceof Error && deepest.cause instanceof Error) deepest = deepest.cause;
  if (deepest instanceof Error) {
    const code = (deepest as { code?: unknown }).code;
    return typeof code === 'string' && !deepest.message.includes(code) ? `${code}: ${deepest.message}` : deepest.message;
  }
  return String(deepest);
}

/**
 * Sends one request and reads its whole body within the deadline.
 * @example const answer = await sendOnce(fetch, 'http://127.0.0.1:8080/healthz', { method: 'GET' }, deadline)
 */
export async function sendOnce(fetchImpl: typeof fetch, url: string, init: RequestInit, deadline: Deadline): Promise<Answer> {
  const response = await fetchImpl(url, { ...init, signal: deadline.signal });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/**
 * The text of a streamed body, chunk by chunk; each chunk restarts the deadline, so `timeoutMs` bounds
 * the silence between two bytes (the server sends a heartbeat every 15 s), not the whole stream.
 * @example for await (const text of bodyText(response.body, deadline)) …
 */
export async function* bodyText(body: ReadableStream<Uint8Array>, deadline: Deadline): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      deadline.restart();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  } finally {
    reader.releaseLock();
  }
}

/**
 * Waits `ms`, or rejects with the reason of `signal` as soon as it aborts.
 * @example await sleep(retryDelayMs(attempt, headers, policy), options.signal)
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
