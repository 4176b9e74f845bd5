/**
 * Security checks against a real server on a real port (issue 8, deliverable 5): no key, a wrong key,
 * another key's job, oversized headers and bodies, slow clients, many idle event streams, job ids with
 * path characters, and the admin board without the admin key. Each answer is the documented one: its
 * status and code, the `{error: {code, message, request_id}}` body and the `x-request-id` header.
 */
import { connect, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { gate, type GatedGrader } from '../../test-fixtures/api/gated-grader.ts';
import { parisRequest } from '../../test-fixtures/api/requests.ts';
import { listenOnFreePort, startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';
import { queueHarness, REDIS_URL, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { loadConfig } from '../config/config.ts';
import { createBoardQueues } from '../queue/board.ts';
import { buildApp } from './app.ts';

const KEYS = { ARBITER_API_KEYS: 'key-a,key-b' };
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(env: Record<string, string> = {}, options: Parameters<typeof startApp>[1] = {}): Promise<TestServer> {
  const server = await startApp({ ...KEYS, ...env }, options);
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await server.close();
  });
  return {
    ...server,
    close: async () => {
      closed = true;
      await server.close();
    },
  };
}

/** A response reduced to what the checks need, from fetch or from a raw socket. */
interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Checks the documented error: status, code, the error body's shape and the `x-request-id` header it repeats. */
function expectError(answer: Answer, status: number, code: string): { code: string; message: string; request_id: string } {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status });
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  const parsed = JSON.parse(answer.body) as { error: { code: string; message: string; request_id: string; problems?: unknown } };
  expect(Object.keys(parsed)).toEqual(['error']);
  const { problems, ...rest } = parsed.error;
  expect(Object.keys(rest).sort()).toEqual(['code', 'message', 'request_id']);
  expect(rest.code).toBe(code);
  expect(typeof rest.message).toBe('string');
  expect(rest.message.length).toBeGreaterThan(0);
  if (problems !== undefined) expect(Array.isArray(problems)).toBe(true);
  const header = answer.headers.get('x-request-id');
  expect(header).toMatch(REQUEST_ID);
  expect(rest.request_id).toBe(header);
  return rest;
}

/**
 * One HTTP/1.1 request written byte for byte on a socket (no URL normalisation, any header size), read to
 * the server's close. `connection: close` so the answer ends with the socket.
 */
async function raw(url: string, head: string, body = ''): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => socket.write(`${head}\r\nhost: ${hostname}\r\nconnection: close\r\n\r\n${body}`));
    socket.on('close', () => resolve());
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve() : reject(error)));
  });
  const text = Buffer.concat(chunks).toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, split < 0 ? text.length : split).split('\r\n');
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  let payload = split < 0 ? '' : text.slice(split + 4);
  if (headers.get('transfer-encoding') === 'chunked') payload = dechunk(payload);
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: payload };
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, line), 16);
    if (!Number.isFinite(size) || size === 0) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/** A socket that has sent `text` and then says nothing more. */
async function stalled(url: string, text: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.on('connect', () => socket.write(text, () => resolve())));
  return socket;
}

const within = <T>(ms: number, promise: Promise<T>, what: string): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms).unref())]);

async function submit(server: TestServer, key: string): Promise<string> {
  const response = await server.call('/v1/jobs', { key, json: parisRequest(1) });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

describe('API keys', () => {
  const keyed: readonly [string, string, unknown?][] = [
    ['POST', '/v1/grade', parisRequest(1)],
    ['POST', '/v1/jobs', parisRequest(1)],
    ['GET', '/v1/jobs/job_0123456789'],
    ['DELETE', '/v1/jobs/job_0123456789'],
    ['GET', '/v1/jobs/job_0123456789/events'],
    ['POST', '/v1/advantages', { groups: [{ rewards: [1, 0] }] }],
    ['POST', '/get_reward', { query: ['a'], prompts: [''], labels: ['a'] }],
  ];

  it('refuses every keyed route without a key (401 AUTH_MISSING) and with a wrong key (401 AUTH_INVALID), with WWW-Authenticate: Bearer', async () => {
    const server = await serve();
    for (const [method, path, json] of keyed) {
      const init = { method, ...(json === undefined ? {} : { json }) };
      for (const [headers, code] of [
        [{}, 'AUTH_MISSING'],
        [{ authorization: 'Bearer' }, 'AUTH_MISSING'],
        [{ authorization: 'Basic a2V5LWE6a2V5LWE=' }, 'AUTH_MISSING'],
        [{ authorization: 'Bearer key-c' }, 'AUTH_INVALID'],
        [{ authorization: 'Bearer key-a2' }, 'AUTH_INVALID'],
        [{ authorization: 'Bearer KEY-A' }, 'AUTH_INVALID'],
        [{ authorization: 'Bearer key-a,key-b' }, 'AUTH_INVALID'],
      ] as const) {
        const answer = await answerOf(await server.call(path, { ...init, headers }));
        expectError(answer, 401, code);
        expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
    // The open routes stay open; a key works.
    expect((await server.call('/healthz')).status).toBe(200);
    expect((await server.call('/v1/advantages', { key: 'key-b', json: { groups: [{ rewards: [1, 0] }] } })).status).toBe(200);
  });

  it('answers a well-formed x-request-id in the header and the body, and replaces a malformed one', async () => {
    const server = await serve();
    const honoured = await answerOf(await server.call('/v1/jobs/x', { headers: { 'x-request-id': 'trainer-7.step:42' } }));
    expect(expectError(honoured, 401, 'AUTH_MISSING').request_id).toBe('trainer-7.step:42');
    const replaced = await answerOf(await server.call('/v1/jobs/x', { headers: { 'x-request-id': 'a b\u00e9'.replace(' ', '/') } }));
    expect(expectError(replaced, 401, 'AUTH_MISSING').request_id).not.toBe('a/bé');
  });

  it("answers another key's job exactly as a missing job: 404 JOB_NOT_FOUND on GET, DELETE and the event stream", async () => {
    const server = await serve({}, { wrapGrader: (grader) => gate(grader) });
    const id = await submit(server, 'key-a');
    const missing = 'job_does_not_exist_0123456789';
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/events'],
      ['DELETE', ''],
    ] as const) {
      const foreign = expectError(await answerOf(await server.call(`/v1/jobs/${id}${suffix}`, { method, key: 'key-b' })), 404, 'JOB_NOT_FOUND');
      const absent = expectError(await answerOf(await server.call(`/v1/jobs/${missing}${suffix}`, { method, key: 'key-a' })), 404, 'JOB_NOT_FOUND');
      expect(foreign.message).toBe(absent.message);
    }
    // key-b's DELETE did not cancel key-a's job, which its owner still sees.
    const own = await server.call(`/v1/jobs/${id}`, { key: 'key-a' });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { status: string }).status).not.toBe('cancelled');
  });
});

describe('oversized requests', () => {
  it('answers bytes that are not HTTP/1.1 with 400 REQUEST_INVALID in the error format, and goes on serving', async () => {
    const server = await serve();
    expectError(await raw(server.url, 'GET /v1/jobs/x NOT-HTTP/9\u0001'), 400, 'REQUEST_INVALID');
    expect((await server.call('/healthz')).status).toBe(200);
  });

  it("answers headers over node's limit (16 KiB) with 431, before any route runs, and goes on serving", async () => {
    const server = await serve();
    const answer = await raw(server.url, `GET /v1/jobs/x HTTP/1.1\r\nauthorization: Bearer key-a\r\nx-padding: ${'a'.repeat(20 * 1024)}`);
    // Node's HTTP parser refuses the request before fastify makes a request of it: still the error format,
    // with a request id of its own (README "HTTP API").
    expectError(answer, 431, 'HEADERS_TOO_LARGE');
    // Many headers just under the limit are a normal request.
    const fits = await raw(server.url, `GET /v1/jobs/job_x HTTP/1.1\r\nauthorization: Bearer key-a\r\nx-padding: ${'a'.repeat(12 * 1024)}`);
    expectError(fits, 404, 'JOB_NOT_FOUND');
    expect((await server.call('/healthz')).status).toBe(200);
  });

  it('answers a body over ARBITER_BODY_LIMIT_MB with 413 BODY_TOO_LARGE, declared or chunked', async () => {
    const server = await serve({ ARBITER_BODY_LIMIT_MB: '1' });
    const big = JSON.stringify({ groups: [{ id: 'g', task: { type: 'text', answer: 'Paris' }, completions: ['x'.repeat(1_200_000)] }] });
    const declared = await answerOf(await server.call('/v1/grade', { method: 'POST', key: 'key-a', headers: { 'content-type': 'application/json' }, body: big }));
    expect(expectError(declared, 413, 'BODY_TOO_LARGE').message).toContain('1 MiB');
    const chunked = await raw(
      server.url,
      'POST /v1/jobs HTTP/1.1\r\nauthorization: Bearer key-a\r\ncontent-type: application/json\r\ntransfer-encoding: chunked',
      `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    );
    expectError(chunked, 413, 'BODY_TOO_LARGE');
    // Without a key the body is never read: 401 first.
    expectError(await answerOf(await server.call('/v1/grade', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })), 401, 'AUTH_MISSING');
    // Just under the limit is graded.
    const fits = await server.call('/v1/grade', { key: 'key-a', json: { groups: [{ id: 'g', task: { type: 'text', answer: 'Paris' }, completions: ['x'.repeat(900_000)] }] } });
    expect(fits.status).toBe(200);
  });
});

describe('slow and idle clients', () => {
  it('serves other requests while clients send half a body and stall, and survives them', async () => {
    const server = await serve();
    const body = JSON.stringify(parisRequest(1));
    const head = `POST /v1/grade HTTP/1.1\r\nhost: x\r\nauthorization: Bearer key-a\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`;
    const slow = await Promise.all(Array.from({ length: 20 }, () => stalled(server.url, head + body.slice(0, body.length >> 1))));
    // Half a header block too (slowloris).
    slow.push(await stalled(server.url, 'GET /v1/jobs/x HTTP/1.1\r\nhost: x\r\nauthorization: Bea'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    expect((await within(5_000, server.call('/healthz'), 'GET /healthz')).status).toBe(200);
    expect((await within(10_000, server.call('/v1/grade', { key: 'key-b', json: parisRequest(1) }), 'POST /v1/grade')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The stalled clients go away mid-request; the server is still there.
    for (const socket of slow) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await server.call('/v1/advantages', { key: 'key-a', json: { groups: [{ rewards: [1, 0] }] } })).status).toBe(200);
    // One that finishes its body late is graded normally.
    const late = await stalled(server.url, head.replace('\r\n\r\n', '\r\nconnection: close\r\n\r\n') + body.slice(0, 10));
    const chunks: Buffer[] = [];
    late.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => late.on('end', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    late.write(body.slice(10));
    await within(10_000, ended, 'late body');
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^HTTP\/1\.1 200 /);
    late.destroy();
  });

  // KNOWN BUG (reported, not fixed here): fastify's requestTimeout is 0 and connections are only force-closed
  // when idle, so app.close() waits for as long as a client sits on half a request (body or headers); in
  // `arbiter serve` the 30 s shutdown watchdog then exits 1. Drop `.fails` once close() ends such sockets.
  it('closes within a few seconds while a client is stalled mid-body', async () => {
    const server = await serve();
    const body = JSON.stringify(parisRequest(1));
    const socket = await stalled(server.url, `POST /v1/grade HTTP/1.1\r\nhost: x\r\nauthorization: Bearer key-a\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 20)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = server.close();
    try {
      await within(3_000, closing, 'app.close() with a stalled client');
    } finally {
      socket.destroy();
      await closing;
    }
  });

  it('keeps serving with 200 idle event streams open on one job, and ends them all on close', async () => {
    let gated: GatedGrader | undefined;
    const server = await serve({}, { wrapGrader: (grader) => (gated = gate(grader)), sseHeartbeatMs: 60_000 });
    const id = await submit(server, 'key-a');
    const streams = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const response = await server.call(`/v1/jobs/${id}/events`, { key: 'key-a' });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(response.headers.get('x-request-id')).toMatch(REQUEST_ID);
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        const first = await reader.read();
        expect(new TextDecoder().decode(first.value)).toContain(': stream open');
        return reader;
      }),
    );
    // Other requests answer while they are open, an error among them.
    expect((await within(5_000, server.call('/healthz'), 'GET /healthz')).status).toBe(200);
    const view = await within(5_000, server.call(`/v1/jobs/${id}`, { key: 'key-a' }), 'GET /v1/jobs/:id');
    expect(view.status).toBe(200);
    expectError(await answerOf(await within(5_000, server.call(`/v1/jobs/${id}/events`, { key: 'key-b' }), 'events, other key')), 404, 'JOB_NOT_FOUND');
    const graded = await within(10_000, server.call('/v1/advantages', { key: 'key-b', json: { groups: [{ rewards: [1, 0, 1] }] } }), 'POST /v1/advantages');
    expect(graded.status).toBe(200);
    expect(gated?.calls).toBe(1);
    // Closing the server ends every stream (and does not wait for the job that never ran).
    await within(15_000, server.close(), 'app.close()');
    const ends = await within(
      10_000,
      Promise.all(
        streams.map(async (reader) => {
          for (;;) {
            try {
              if ((await reader.read()).done) return 'ended';
            } catch {
              return 'ended'; // the socket closed under the reader: also an end
            }
          }
        }),
      ),
      'streams ending',
    );
    expect(ends.filter((end) => end === 'ended')).toHaveLength(200);
  });
});

describe('job ids with path characters', () => {
  it('answers 400 REQUEST_INVALID or 404 in the error format, never a 500', async () => {
    const server = await serve();
    const ids: [string, number, string][] = [
      ['..%2F..%2Fetc%2Fpasswd', 400, 'REQUEST_INVALID'],
      ['..%2F', 400, 'REQUEST_INVALID'],
      ['%2E%2E', 400, 'REQUEST_INVALID'],
      ['..', 400, 'REQUEST_INVALID'],
      ['job%00', 400, 'REQUEST_INVALID'],
      ['%00', 400, 'REQUEST_INVALID'],
      ['job%2Fevents', 400, 'REQUEST_INVALID'],
      ['job%5C..%5C', 400, 'REQUEST_INVALID'],
      ['job%20x', 400, 'REQUEST_INVALID'],
      ['job%0D%0Ax-injected:%201', 400, 'REQUEST_INVALID'],
      ['%E0%A4%A', 400, 'REQUEST_INVALID'], // malformed percent-encoding
      ['%FF%FE', 400, 'REQUEST_INVALID'], // not UTF-8
      ['j\u00f6b'.normalize(), 400, 'REQUEST_INVALID'],
      ['a'.repeat(129), 400, 'REQUEST_INVALID'],
      ['a'.repeat(1024), 400, 'REQUEST_INVALID'],
      ['a'.repeat(1025), 400, 'REQUEST_INVALID'], // past the router's maxParamLength: the URL is refused
      ['a'.repeat(8 * 1024), 400, 'REQUEST_INVALID'],
      ['a'.repeat(128), 404, 'JOB_NOT_FOUND'],
      ['job_x/../../etc/passwd', 404, 'ROUTE_NOT_FOUND'],
      ['job_x/..', 404, 'ROUTE_NOT_FOUND'],
      ['job_x/x', 404, 'ROUTE_NOT_FOUND'],
      ['', 400, 'REQUEST_INVALID'],
      ['/', 404, 'ROUTE_NOT_FOUND'],
    ];
    const seen: string[] = [];
    for (const [id, status, code] of ids) {
      for (const [method, suffix] of [
        ['GET', ''],
        ['DELETE', ''],
        ['GET', '/events'],
      ] as const) {
        const target = `/v1/jobs/${encodeURI(id).replace(/%25/g, '%')}${suffix}`;
        const answer = await raw(server.url, `${method} ${target} HTTP/1.1\r\nauthorization: Bearer key-a`);
        // A suffix after a multi-segment id can still land on the events route or not at all; both are 4xx.
        const expected = suffix !== '' && code === 'ROUTE_NOT_FOUND' ? null : { status, code };
        expect(answer.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${method} ${target}`).toBeLessThan(500);
        const error = expected === null ? expectError(answer, answer.status, JSON.parse(answer.body).error.code as string) : expectError(answer, expected.status, expected.code);
        seen.push(`${method} ${target.slice(0, 40)} ${answer.status} ${error.code}`);
      }
    }
    // The same ids without a key: the key is asked for first.
    for (const [id] of ids.slice(0, 5)) expectError(await raw(server.url, `GET /v1/jobs/${id} HTTP/1.1`), 401, 'AUTH_MISSING');
    expect(server.logs.filter((line) => line['level'] === 50)).toEqual([]);
    expect(seen.filter((line) => / 5\d\d /.test(line))).toEqual([]);
    expect((await server.call('/healthz')).status).toBe(200);
  });
});

describe('the admin board without the admin key', () => {
  let harness: QueueHarness | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await harness?.cleanup();
    harness = undefined;
  });

  it('answers /admin/queues and its API 401 without it, with an API key or a wrong key; the admin key is no API key', async () => {
    const adminKey = 'operator-key-0123456789';
    harness = queueHarness();
    app = buildApp({
      jobs: harness.jobs(),
      config: loadConfig({ REDIS_URL, ARBITER_THREADS: '1', ...KEYS, ARBITER_ADMIN_KEY: adminKey }),
      board: createBoardQueues(REDIS_URL, harness.prefix),
    });
    const url = await listenOnFreePort(app);
    const basic = (password: string) => `Basic ${Buffer.from(`ops:${password}`).toString('base64')}`;
    for (const [method, path] of [
      ['GET', '/admin/queues'],
      ['GET', '/admin/queues/api/queues'],
      ['PUT', '/admin/queues/api/queues/groups/clean/completed'],
      ['PUT', '/admin/queues/api/queues/groups/pause'],
    ] as const) {
      const missing = await answerOf(await fetch(`${url}${path}`, { method }));
      expectError(missing, 401, 'AUTH_MISSING');
      expect(missing.headers.get('www-authenticate')).toBe('Basic realm="Arbiter admin", charset="UTF-8"');
      for (const authorization of ['Bearer key-a', basic('key-b'), basic('wrong-key-0123456789'), `Bearer ${adminKey}x`]) {
        expectError(await answerOf(await fetch(`${url}${path}`, { method, headers: { authorization } })), 401, 'AUTH_INVALID');
      }
    }
    const page = await fetch(`${url}/admin/queues`, { headers: { authorization: `Bearer ${adminKey}` } });
    expect(page.status).toBe(200);
    await page.text();
    expectError(await answerOf(await fetch(`${url}/v1/jobs/job_x`, { headers: { authorization: `Bearer ${adminKey}` } })), 401, 'AUTH_INVALID');
  });
});
