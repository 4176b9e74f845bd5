// Retries, timeouts and stream resumption against a real tiny HTTP server on port 0 that answers from a
// script: each request gets the next step (a status with headers and a body, a dropped connection, or silence).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ArbiterClient } from './client.ts';
import { APIConnectionError, APITimeoutError, BadRequestError, ConflictError, ServiceUnavailableError, type ArbiterError } from './errors.ts';
import type { ClientOptions } from './options.ts';

type Step = (request: IncomingMessage, response: ServerResponse) => void;

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

interface Scripted {
  readonly url: string;
  readonly seen: Seen[];
  close(): Promise<void>;
}

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server that answers its n-th request with steps[n] (the last step repeats). */
async function scripted(steps: readonly Step[]): Promise<Scripted> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const step = steps[Math.min(seen.length, steps.length) - 1];
      step?.(request, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
const error = (status: number, code: string, headers: Record<string, string> = {}) => json(status, { error: { code, message: code.toLowerCase(), request_id: 'srv-1' } }, headers);
const drop: Step = (request) => request.socket.destroy();
const silence: Step = () => {};

const GRADED = { groups: [], advantage: { preset: 'trl', estimator: 'grpo', scale: 'group', epsilon: 1e-4, std: 'sample' } };
const REQUEST = { groups: [{ task: { type: 'text' as const, answer: 'A' }, completions: ['A'] }] };

function client(url: string, options: ClientOptions = {}): ArbiterClient {
  return new ArbiterClient({ baseUrl: url, apiKey: null, retry: { initialDelayMs: 5, maxDelayMs: 20 }, ...options });
}

async function caught(promise: Promise<unknown>): Promise<ArbiterError> {
  return promise.then(
    () => expect.unreachable('expected the call to fail'),
    (e: ArbiterError) => e,
  );
}

describe('retries', () => {
  it('waits out a 503 with Retry-After, then succeeds, sending one Idempotency-Key on both attempts', async () => {
    const server = await scripted([error(503, 'GRADER_CLOSED', { 'retry-after': '1' }), json(200, GRADED)]);
    const startedMs = performance.now();
    expect(await client(server.url).grade(REQUEST)).toEqual(GRADED);
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(950);
    expect(server.seen).toHaveLength(2);
    const [first, second] = server.seen;
    expect(first?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.body).toBe(first?.body);
  });

  it('retries 408, 429 (retry-after-ms) and a 409 other than JOB_CANCELLED', async () => {
    const server = await scripted([error(408, 'TIMEOUT'), error(429, 'RATE_LIMITED', { 'retry-after-ms': '20' }), json(200, { status: 'ok' })]);
    expect(await client(server.url).health({ maxRetries: 2 })).toEqual({ status: 'ok' });
    const conflict = await scripted([error(409, 'SOMETHING_BUSY'), json(200, GRADED)]);
    expect(await client(conflict.url).grade(REQUEST)).toEqual(GRADED);
    expect(conflict.seen).toHaveLength(2);
  });

  it('does not retry a 4xx that cannot change, nor 409 JOB_CANCELLED', async () => {
    const bad = await scripted([error(400, 'REQUEST_INVALID'), json(200, GRADED)]);
    expect(await caught(client(bad.url).grade(REQUEST))).toBeInstanceOf(BadRequestError);
    expect(bad.seen).toHaveLength(1);
    await bad.close();
    const cancelled = await scripted([error(409, 'JOB_CANCELLED'), json(200, GRADED)]);
    expect(await caught(client(cancelled.url).grade(REQUEST))).toBeInstanceOf(ConflictError);
    expect(cancelled.seen).toHaveLength(1);
  });

  it('makes 2 retries by default, as many as the client says, and as many as one call says', async () => {
    const server = await scripted([error(503, 'NOT_READY', { 'retry-after': '0' })]);
    const failed = await caught(client(server.url).grade(REQUEST));
    expect(failed).toBeInstanceOf(ServiceUnavailableError);
    expect([failed.status, failed.code, failed.requestId]).toEqual([503, 'NOT_READY', 'srv-1']);
    expect(server.seen).toHaveLength(3);
    await caught(client(server.url, { maxRetries: 4 }).grade(REQUEST));
    expect(server.seen).toHaveLength(3 + 5);
    await caught(client(server.url, { maxRetries: 4 }).grade(REQUEST, { maxRetries: 0 }));
    expect(server.seen).toHaveLength(3 + 5 + 1);
    // Each call has its own key.
    expect(new Set(server.seen.map((s) => s.headers['idempotency-key'])).size).toBe(3);
  });

  it('retries a dropped connection with the same Idempotency-Key, and gives up with APIConnectionError', async () => {
    const server = await scripted([drop, json(200, GRADED)]);
    expect(await client(server.url).grade(REQUEST, { idempotencyKey: 'k-1' })).toEqual(GRADED);
    expect(server.seen.map((s) => s.headers['idempotency-key'])).toEqual(['k-1', 'k-1']);
    await server.close();
    const refused = await caught(client(server.url).grade(REQUEST, { requestId: 'r-9' }));
    expect(refused).toBeInstanceOf(APIConnectionError);
    expect(refused.message).toMatch(/^POST \/v1\/grade: .*ECONNREFUSED/);
    expect(refused.requestId).toBe('r-9');
  });

  it('times an attempt out with APITimeoutError, and retries it', async () => {
    const server = await scripted([silence, json(200, { status: 'ok' })]);
    const timedOut = await caught(client(server.url, { timeoutMs: 100 }).health());
    expect(timedOut).toBeInstanceOf(APITimeoutError);
    expect(timedOut.message).toBe('GET /healthz: no answer within 100 ms');
    expect(await client(server.url, { timeoutMs: 100 }).health({ maxRetries: 1 })).toEqual({ status: 'ok' });
  });

  it('stops at once when the caller aborts, with the signal’s reason', async () => {
    const server = await scripted([error(503, 'NOT_READY', { 'retry-after': '30' })]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('trainer stopped')), 100);
    await expect(client(server.url).grade(REQUEST, { signal: controller.signal })).rejects.toThrow('trainer stopped');
    expect(server.seen).toHaveLength(1);
  });
});

describe('event streams', () => {
  const sse = (text: string, end: boolean): Step => (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(text);
    if (end) response.end();
    else setTimeout(() => response.socket?.destroy(), 20);
  };
  const group = (id: number, index: number) => `id: ${id}\nevent: group\ndata: ${JSON.stringify({ index, result: { id: `g${index}`, results: [], stats: {} } })}\n\n`;

  it('resumes a broken stream with Last-Event-ID: no group lost, none repeated', async () => {
    const server = await scripted([sse(`: stream open\n\n${group(1, 1)}id: 2\nevent: gro`, false), sse(`${group(2, 0)}id: 3\nevent: done\ndata: {"status":"completed"}\n\n`, true)]);
    const events: number[] = [];
    for await (const event of client(server.url).stream('job-1')) events.push(event.index);
    expect(events).toEqual([1, 0]);
    expect(server.seen.map((s) => [s.url, s.headers['last-event-id'], s.headers['accept']])).toEqual([
      ['/v1/jobs/job-1/events', undefined, 'text/event-stream'],
      ['/v1/jobs/job-1/events', '1', 'text/event-stream'],
    ]);
  });

  it('gives up after maxRetries breaks in a row, and times out a silent stream', async () => {
    const server = await scripted([sse(': stream open\n\n', true)]);
    const broken = await caught(client(server.url, { maxRetries: 1 }).wait('job-1'));
    expect(broken).toBeInstanceOf(APIConnectionError);
    expect(broken.message).toBe('GET /v1/jobs/job-1/events: the stream ended before its done event');
    expect(server.seen).toHaveLength(2);
    const silent = await scripted([(_request, response) => void response.writeHead(200, { 'content-type': 'text/event-stream' }).flushHeaders()]);
    const timedOut = await caught(client(silent.url, { timeoutMs: 100, maxRetries: 0 }).wait('job-1'));
    expect(timedOut).toBeInstanceOf(APITimeoutError);
  });
});
